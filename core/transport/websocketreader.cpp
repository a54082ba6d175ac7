#include "websocketreader.h"

#include "websocketdialer.h"
#include "websocketframe.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtEndian>

#include <cstring>
#include <utility>

namespace {

// Stateless: a message is decoded whole, so a sequence cut short at its end is an error, not
// held for later. ConvertInitialBom: a leading U+FEFF is the feed's, kept like any other.
constexpr auto DecoderFlags =
    QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom;
// An emptied input buffer larger than this gives its memory back (a large message passed).
constexpr qsizetype KeptCapacity = 1024 * 1024;

} // namespace

WebSocketReader::WebSocketReader(QObject *parent)
    : QObject(parent)
    , m_decoder(QStringDecoder::Utf8, DecoderFlags)
    , m_deadline(this) // children, so that moveToThread() takes them along
    , m_closeTimer(this)
{
    m_deadline.setSingleShot(true);
    m_closeTimer.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &WebSocketReader::onDeadline);
    connect(&m_closeTimer, &QTimer::timeout, this, &WebSocketReader::abort);
}

WebSocketReader::~WebSocketReader()
{
    if (!m_socket)
        return;
    // What the socket reports while it goes is no one's; an open connection says it goes
    // (1001, as QWebSocket does).
    m_socket->disconnect(this);
    if (m_state == State::Open) {
        sendClose(1001, QString());
        m_socket->flush();
    }
}

void WebSocketReader::open(const QUrl &url)
{
    dropSocket();
    ++m_serial;
    m_url = url;
    m_state = State::Connecting;
    m_error.clear();
    m_socketError.clear();
    m_closeReason.clear();
    m_closeCode = 0;
    m_permanent = m_socketErrorPermanent = m_peerClosed = m_closeSent = false;
    m_endPending = m_inputDone = false;
    m_in.clear();
    m_at = 0;
    m_message.clear();
    m_fragmented = false;
    m_decoder.resetState();

    const bool secure = url.scheme() == QLatin1String("wss");
    if (!secure && url.scheme() != QLatin1String("ws")) {
        keepError(tr("not a WebSocket URL (ws:// or wss://): %1")
                      .arg(url.toDisplayString(QUrl::RemovePassword)),
                  true);
        QTimer::singleShot(0, this, [this, serial = m_serial] {
            if (serial == m_serial)
                endConnection();
        });
        return;
    }
    if (secure) {
        auto *tls = new QSslSocket(this);
        connect(tls, &QSslSocket::encrypted, this, &WebSocketReader::onSocketConnected);
        connect(tls, &QSslSocket::sslErrors, this, &WebSocketReader::onSslErrors);
        m_socket = tls;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &WebSocketReader::onSocketConnected);
    }
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketReader::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &WebSocketReader::onSocketError);
    connect(m_socket, &QAbstractSocket::stateChanged, this,
            [this](QAbstractSocket::SocketState state) {
                if (state == QAbstractSocket::UnconnectedState)
                    onSocketUnconnected();
            });
    if (m_paused)
        m_socket->setReadBufferSize(m_pausedReadAhead);
    m_deadline.start(m_timeoutMs);
    if (secure)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(),
                                                                    quint16(url.port(443)));
    else
        m_socket->connectToHost(url.host(), quint16(url.port(80)));
}

void WebSocketReader::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater(); // we may be in one of its signals
    m_socket = nullptr;
}

void WebSocketReader::close(int code, const QString &reason)
{
    if (m_state == State::Connecting) {
        abort();
        return;
    }
    if (m_state != State::Open)
        return;
    m_closeCode = code;
    m_closeReason = reason;
    sendClose(code, reason);
    m_state = State::Closing;
    m_closeTimer.start(CloseTimeoutMs);
    // Read on to the server's close frame, paused or not: what comes before it is dropped.
    m_socket->setReadBufferSize(0);
    scheduleDrain();
}

void WebSocketReader::abort()
{
    if (m_state == State::Unconnected)
        return;
    if (m_socket) {
        m_socket->disconnect(this); // nothing it still holds is delivered
        m_socket->abort();
    }
    endConnection();
}

void WebSocketReader::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    // Bounded, the socket stops reading from the kernel once full, and TCP holds the server.
    if (m_socket && m_state != State::Closing)
        m_socket->setReadBufferSize(paused ? m_pausedReadAhead : 0);
    if (!paused)
        scheduleDrain(); // not from here: the caller may be in one of our signals
}

bool WebSocketReader::sendText(const QString &text)
{
    if (m_state != State::Open)
        return false;
    sendFrame(WebSocketFrame::Text, text.toUtf8());
    return true;
}

void WebSocketReader::flush()
{
    if (m_socket)
        m_socket->flush();
}

void WebSocketReader::onSocketConnected()
{
    if (m_state != State::Connecting)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    if (m_receiveWindowBytes > 0)
        m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                                  m_receiveWindowBytes);
    m_socket->write(m_handshake.start(m_url, m_subprotocols));
}

void WebSocketReader::onReadyRead()
{
    if (m_inputDone) {
        m_socket->skip(m_socket->bytesAvailable()); // after a close frame: no one's
        return;
    }
    if (m_state == State::Connecting) {
        readSocket();
        switch (m_handshake.read(m_in)) {
        case WebSocketHandshake::Result::Incomplete:
            return;
        case WebSocketHandshake::Result::Refused:
            keepError(m_handshake.error(), m_handshake.permanent());
            abort();
            return;
        case WebSocketHandshake::Result::Upgraded:
            break;
        }
        m_state = State::Open;
        m_deadline.stop();
        const quint64 serial = m_serial;
        Q_EMIT connected();
        if (serial != m_serial)
            return;
        // What came with the answer is the first frames.
    }
    drain();
}

void WebSocketReader::scheduleDrain()
{
    if (m_drainQueued)
        return;
    m_drainQueued = true;
    QMetaObject::invokeMethod(this, &WebSocketReader::drain, Qt::QueuedConnection);
}

void WebSocketReader::drain()
{
    m_drainQueued = false;
    if (m_handling)
        return; // a handler turned the event loop: the drain under way goes on
    const auto reading = [this] {
        return !m_inputDone && ((m_state == State::Open && !m_paused) || m_state == State::Closing);
    };
    const quint64 serial = m_serial;
    m_handling = true;
    m_turnBudget = MessagesPerTurn;
    while (reading() && m_turnBudget > 0) {
        handleFrames(); // what was read first
        if (serial != m_serial || !reading() || m_turnBudget <= 0
            || m_socket->bytesAvailable() <= 0)
            break;
        readSocket();
    }
    m_handling = false;
    if (serial != m_serial)
        return;
    if (m_turnBudget <= 0 && reading()) {
        scheduleDrain(); // the rest after the event loop's turn
        return;
    }
    if (!m_endPending)
        return;
    // The socket closed: its end comes after all it delivered (paused: once resumed).
    if (m_state == State::Open && m_paused && !m_inputDone)
        return;
    endConnection();
}

void WebSocketReader::readSocket()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = m_in.size();
    m_in.resize(old + available);
    const qint64 got = m_socket->read(m_in.data() + old, available);
    m_in.resize(old + qMax<qint64>(got, 0));
}

void WebSocketReader::handleFrames()
{
    const quint64 serial = m_serial;
    while (!m_inputDone && m_turnBudget > 0
           && (m_state == State::Closing || (m_state == State::Open && !m_paused))) {
        const QByteArrayView rest = QByteArrayView(m_in).sliced(m_at);
        const WebSocketFrame::Header h = WebSocketFrame::serverHeader(rest);
        if (h.status == WebSocketFrame::Header::Status::Incomplete)
            break;
        if (h.status == WebSocketFrame::Header::Status::Invalid) {
            failProtocol(WebSocketFrame::describe(h.problem));
            return;
        }
        // Said as soon as the header tells, not once the whole message is held.
        if (!WebSocketFrame::isControl(h.opcode)
            && h.payloadSize > m_maxMessageBytes - quint64(m_message.size())) {
            fail(1009,
                 tr("a message exceeded the limit of %1 (closed with code 1009)")
                     .arg(QLocale::c().formattedDataSize(qint64(m_maxMessageBytes), 0)));
            return;
        }
        if (quint64(rest.size() - h.size) < h.payloadSize)
            break;
        m_at += h.size + qsizetype(h.payloadSize);
        if (!handleFrame(h.opcode, h.final, rest.sliced(h.size, qsizetype(h.payloadSize)))
            || serial != m_serial)
            return; // the connection ended, or a new one began: the buffers are not ours
    }
    // Keep the unread tail at the front, and the buffer's memory for the next read.
    const qsizetype left = m_in.size() - m_at;
    if (m_at > 0) {
        if (left > 0)
            std::memmove(m_in.data(), m_in.constData() + m_at, std::size_t(left));
        m_in.resize(left);
        m_at = 0;
    }
    if (left == 0 && m_in.capacity() > KeptCapacity)
        m_in = QByteArray();
}

bool WebSocketReader::handleFrame(quint8 opcode, bool final, QByteArrayView payload)
{
    switch (opcode) {
    case WebSocketFrame::Ping:
        if (m_state == State::Open)
            sendFrame(WebSocketFrame::Pong, payload);
        return true;
    case WebSocketFrame::Pong:
        return true;
    case WebSocketFrame::Close:
        return handleClose(payload);
    default:
        break;
    }
    if (m_state == State::Closing)
        return true; // after our close frame, data is no one's
    if (opcode == WebSocketFrame::Continuation && !m_fragmented) {
        failProtocol(tr("a continuation frame with no message to continue"));
        return false;
    }
    if (opcode != WebSocketFrame::Continuation && m_fragmented) {
        failProtocol(tr("a new message began before the last one ended"));
        return false;
    }
    if (opcode != WebSocketFrame::Continuation && final)
        return deliver(opcode, payload); // the usual message: one frame, decoded in place
    if (opcode != WebSocketFrame::Continuation) {
        m_messageOpcode = opcode;
        m_fragmented = true;
    }
    m_message.append(payload);
    if (!final)
        return true;
    m_fragmented = false;
    const QByteArray whole = std::exchange(m_message, QByteArray());
    return deliver(m_messageOpcode, whole);
}

bool WebSocketReader::deliver(quint8 opcode, QByteArrayView payload)
{
    const quint64 serial = m_serial;
    --m_turnBudget;
    if (opcode == WebSocketFrame::Text) {
        // The whole message at once: a character split between two frames is whole here, and
        // a U+FEFF that starts any frame is kept.
        const QString text = m_decoder(payload);
        if (m_decoder.hasError()) {
            m_decoder.resetState();
            fail(1007, tr("a text message was not valid UTF-8 (closed with code 1007)"));
            return false;
        }
        Q_EMIT textReceived(text);
    } else {
        Q_EMIT binaryReceived(payload.toByteArray());
    }
    return serial == m_serial;
}

bool WebSocketReader::handleClose(QByteArrayView payload)
{
    int code = 1000; // none given: as QWebSocket, a normal close
    QString reason;
    if (payload.size() == 1) {
        failProtocol(tr("a close frame of one byte"));
        return false;
    }
    if (payload.size() >= 2) {
        code = qFromBigEndian<quint16>(payload.data());
        if (!WebSocketFrame::isValidCloseCode(code)) {
            failProtocol(tr("an invalid close code, %1").arg(code));
            return false;
        }
        reason = m_decoder(payload.sliced(2));
        if (m_decoder.hasError()) {
            m_decoder.resetState();
            fail(1007, tr("a close frame's reason was not valid UTF-8 (closed with code 1007)"));
            return false;
        }
    }
    m_inputDone = true;
    if (m_state == State::Open) {
        // The server closes first: answer with its code (RFC 6455 5.5.1), then close TCP.
        m_peerClosed = true;
        m_closeCode = code;
        m_closeReason = reason;
        m_state = State::Closing;
        sendClose(code, QString());
    }
    m_closeTimer.start(CloseTimeoutMs); // for a socket that cannot even flush
    m_socket->disconnectFromHost();
    return false;
}

void WebSocketReader::sendFrame(quint8 opcode, QByteArrayView payload)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(WebSocketFrame::clientFrame(WebSocketFrame::Opcode(opcode), payload,
                                                    QRandomGenerator::global()->generate()));
}

void WebSocketReader::sendClose(int code, const QString &reason)
{
    if (m_closeSent)
        return;
    m_closeSent = true;
    sendFrame(WebSocketFrame::Close, WebSocketFrame::closePayload(code, reason));
}

void WebSocketReader::fail(int code, const QString &words)
{
    keepError(words, false);
    m_inputDone = true;
    if (!m_closeSent)
        m_closeCode = code;
    sendClose(code, words);
    m_state = State::Closing;
    // Closing TCP now would answer what the server still sends with a reset, which may cost it
    // our close frame: what comes is dropped unread until the server closes, or the timeout.
    m_closeTimer.start(CloseTimeoutMs);
    m_socket->setReadBufferSize(0);
    m_socket->skip(m_socket->bytesAvailable());
}

void WebSocketReader::failProtocol(const QString &what)
{
    fail(1002, tr("the server broke the WebSocket protocol (closed with code 1002): %1").arg(what));
}

void WebSocketReader::keepError(const QString &words, bool permanent)
{
    if (!m_error.isEmpty())
        return; // the first says why; what follows is its consequence
    m_error = words;
    m_permanent = permanent;
}

void WebSocketReader::onSocketError()
{
    // Said when the connection ends, and only if no close frame came or went first: the
    // server's close frame may still wait in a paused socket's buffer, read before its error.
    if (m_socketError.isEmpty() && m_socket->error() != QAbstractSocket::UnknownSocketError) {
        const WebSocketDialer::Failure f =
            WebSocketDialer::socketFailure(m_socket->error(), m_socket->errorString(), m_url);
        m_socketError = f.words;
        m_socketErrorPermanent = f.permanent;
    }
}

void WebSocketReader::onSslErrors(const QList<QSslError> &errors)
{
    const WebSocketDialer::CertificateVerdict verdict =
        WebSocketDialer::judgeCertificates(errors, m_insecure);
    if (verdict.ignore) {
        static_cast<QSslSocket *>(m_socket)->ignoreSslErrors(errors);
        Q_EMIT certificateErrorsIgnored(verdict.ignored);
        return;
    }
    keepError(verdict.refusal.words, verdict.refusal.permanent);
}

void WebSocketReader::onSocketUnconnected()
{
    if (m_state == State::Unconnected)
        return;
    onSocketError(); // Qt may say why only after this (a refused connection)
    if (m_state == State::Connecting) {
        endConnection();
        return;
    }
    // What it delivered before it closed comes first (paused: once resumed).
    m_endPending = true;
    drain();
}

void WebSocketReader::onDeadline()
{
    if (m_state != State::Connecting)
        return;
    keepError(WebSocketDialer::noAnswerWithin(m_timeoutMs), false);
    abort();
}

void WebSocketReader::endConnection()
{
    if (m_state == State::Unconnected)
        return;
    m_state = State::Unconnected;
    if (!m_peerClosed && !m_closeSent && !m_socketError.isEmpty())
        keepError(m_socketError, m_socketErrorPermanent);
    m_deadline.stop();
    m_closeTimer.stop();
    m_endPending = false;
    m_inputDone = true;
    Q_EMIT disconnected();
}
