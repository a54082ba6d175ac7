#include "websocketsource.h"

#include "deliveryack.h"
#include "socketreading.h"

#include <algorithm>

WebSocketSource::WebSocketSource(const QUrl &url, QObject *parent)
    : MessageSource(parent)
    , m_url(url)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) // children move with us
    , m_dialer(&m_socket, this)
    , m_reconnector(this)
    , m_ackTimer(this)
{
    m_socket.setMaxAllowedIncomingMessageSize(HardMessageLimit);
    m_socket.setMaxAllowedIncomingFrameSize(HardMessageLimit);

    m_dialer.setSubprotocols({DeliveryAck::subprotocol()});
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(AckIntervalMs);
    connect(&m_ackTimer, &QTimer::timeout, this, &WebSocketSource::sendAck);

    // Frames go out as our signals, counted (acknowledgements count them) and nothing else.
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &WebSocketSource::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketSource::onBinary);
    connect(&m_socket, &QWebSocket::connected, this, &WebSocketSource::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &WebSocketSource::onDisconnected);
    connect(&m_socket, &QWebSocket::aboutToClose, this, &WebSocketSource::onAboutToClose);
    connect(&m_dialer, &WebSocketDialer::attemptEnded, this, &WebSocketSource::onAttemptEnded);
    connect(&m_dialer, &WebSocketDialer::certificateErrorsIgnored, this,
            &MessageSource::certificateErrorsIgnored);
    connect(&m_reconnector, &Reconnector::retryDue, this, &WebSocketSource::connectSocket);
    m_reconnector.restoreOn(&m_socket, &QWebSocket::textMessageReceived);
}

WebSocketSource::~WebSocketSource()
{
    // The socket outlives this part of us: what it reports while it goes is not ours to handle.
    m_socket.disconnect(this);
    // A lingering connection ends here: the last acknowledgement, then the close frame, handed
    // to the kernel now (the process may be about to exit).
    if (m_state == State::Lingering) {
        sendAck();
        m_socket.close(QWebSocketProtocol::CloseCodeNormal);
        if (auto *tcp = m_socket.findChild<QAbstractSocket *>())
            tcp->flush();
    }
}

QString WebSocketSource::description() const
{
    return m_url.toDisplayString(QUrl::RemovePassword);
}

void WebSocketSource::open()
{
    if (m_state != State::Idle)
        return;
    connectSocket();
}

void WebSocketSource::connectSocket()
{
    // A pause outlives the connection: the new socket gets it once connected (onConnected).
    m_pauseApplied = false; // the new TCP socket is a new object
    m_state = State::Connecting;
    m_peerClosed = false;
    m_dialer.dial(m_url);
}

void WebSocketSource::close()
{
    setPaused(false);
    switch (m_state) {
    case State::Connected:
        if (m_acking) {
            // Linger: the run still drains, and its acknowledgements need this connection. What
            // the server sends meanwhile stays unread in TCP (and unacknowledged).
            sendAck();
            m_state = State::Lingering;
            applyPause(true);
            QTimer::singleShot(0, this, [this] {
                if (m_state == State::Lingering)
                    Q_EMIT ended();
            });
            break;
        }
        m_state = State::Closing;
        m_socket.close(QWebSocketProtocol::CloseCodeNormal);
        break;
    case State::Connecting:
        m_state = State::Closing;
        m_socket.abort();
        break;
    case State::WaitingToReconnect:
    case State::Idle:
        finishWith(true, QString());
        break;
    case State::Closing:
    case State::Lingering:
    case State::Ended:
        break;
    }
}

void WebSocketSource::setPaused(bool paused)
{
    if (m_paused == paused || m_state == State::Lingering)
        return;
    m_paused = paused;
    if (m_state == State::Connected || m_pauseApplied)
        applyPause(paused);
}

void WebSocketSource::applyPause(bool paused)
{
    if (m_pauseApplied == paused)
        return;
    m_pauseApplied = paused;
    QAbstractSocket *tcp = SocketReading::tcpSocketOf(m_socket);
    if (paused)
        SocketReading::pause(tcp, PausedReadBufferBytes);
    else
        SocketReading::resume(tcp, [this] { return !m_pauseApplied; });
}

void WebSocketSource::onText(const QString &frame)
{
    if (m_state == State::Lingering)
        return; // ended: Qt may still hand over what it had read
    ++m_emitted;
    Q_EMIT textReceived(frame);
}

void WebSocketSource::onBinary(const QByteArray &frame)
{
    if (m_state == State::Lingering)
        return;
    ++m_emitted;
    Q_EMIT binaryReceived(frame);
}

void WebSocketSource::acknowledge(quint64 frames)
{
    if (!m_acking || frames <= m_connectionStart)
        return; // frames of an earlier connection: the server sends those again anyway
    const quint64 n = std::min(frames, m_emitted) - m_connectionStart;
    if (n <= m_ackWanted)
        return;
    m_ackWanted = n;
    if (m_state == State::Lingering || m_ackWanted - m_ackSent >= AckEveryFrames)
        sendAck();
    else if (!m_ackTimer.isActive())
        m_ackTimer.start();
}

void WebSocketSource::sendAck()
{
    m_ackTimer.stop();
    if (!m_acking || m_ackWanted <= m_ackSent
        || (m_state != State::Connected && m_state != State::Lingering))
        return;
    m_socket.sendTextMessage(DeliveryAck::frame(m_ackWanted));
    m_ackSent = m_ackWanted;
    // Lingering, the event loop may not turn again before the process exits.
    if (m_state == State::Lingering) {
        if (auto *tcp = m_socket.findChild<QAbstractSocket *>())
            tcp->flush();
    }
}

void WebSocketSource::onConnected()
{
    m_dialer.cancel();
    if (m_state == State::Closing) {
        m_socket.close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    m_state = State::Connected;
    m_acking = m_socket.subprotocol() == DeliveryAck::subprotocol();
    m_connectionStart = m_emitted;
    m_ackWanted = m_ackSent = 0;
    // A bounded window, so that a pause of the feed takes effect promptly (see the constant).
    if (auto *tcp = m_socket.findChild<QAbstractSocket *>())
        tcp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, ReceiveWindowBytes);
    if (m_paused)
        applyPause(true); // asked for while the feed was away
    m_reconnector.connectionUp();
    if (m_everConnected) {
        Q_EMIT reconnected();
    } else {
        m_everConnected = true;
        Q_EMIT connected();
    }
}

void WebSocketSource::onAboutToClose()
{
    // Qt announces the close both when we close and when the peer's close frame arrives.
    if (m_state != State::Closing)
        m_peerClosed = true;
}

void WebSocketSource::onAttemptEnded()
{
    if (m_state == State::Connecting)
        onDisconnected();
}

QString WebSocketSource::disconnectReason() const
{
    if (const QString error = m_dialer.lastError(); !error.isEmpty())
        return error;
    if (m_peerClosed) {
        // Qt closes by itself on these; the feed did not choose them.
        if (m_socket.closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            return tr("a message exceeded the hard limit of %1 MiB (closed with code 1009)")
                .arg(HardMessageLimit >> 20);
        if (m_socket.closeCode() == QWebSocketProtocol::CloseCodeWrongDatatype)
            return tr("a text frame was not valid UTF-8 (closed with code 1007)");
        if (m_socket.closeCode() == QWebSocketProtocol::CloseCodeProtocolError)
            return tr("the feed broke the WebSocket protocol (closed with code 1002)");
        const QString reason = m_socket.closeReason();
        return reason.isEmpty()
            ? tr("closed by the feed with code %1").arg(int(m_socket.closeCode()))
            : tr("closed by the feed with code %1 (%2)").arg(int(m_socket.closeCode())).arg(reason);
    }
    return tr("connection lost without a close frame");
}

void WebSocketSource::onDisconnected()
{
    m_dialer.cancel();
    m_acking = false; // acknowledgements belong to their connection
    m_ackTimer.stop();
    switch (m_state) {
    case State::Closing:
        finishWith(true, QString());
        return;
    case State::Lingering:
        m_state = State::Ended; // ended() was emitted already
        return;
    case State::Idle:
    case State::Ended:
    case State::WaitingToReconnect:
        return;
    case State::Connecting:
    case State::Connected:
        break;
    }

    if (m_state == State::Connected && m_peerClosed
        && m_socket.closeCode() == QWebSocketProtocol::CloseCodeNormal) {
        finishWith(true, QString()); // the feed is complete
        return;
    }
    const QString reason = disconnectReason();
    if (!m_everConnected) {
        finishWith(false,
                   tr("cannot connect to %1: %2")
                       .arg(m_url.toDisplayString(QUrl::RemovePassword), reason));
        return;
    }
    const bool permanent = m_dialer.lastErrorIsPermanent()
        || (m_peerClosed && WebSocketDialer::isPermanent(m_socket.closeCode()));
    if (!permanent && m_reconnector.scheduleRetry()) {
        m_state = State::WaitingToReconnect;
        Q_EMIT dropped(reason, m_reconnector.attempt());
        return;
    }
    finishWith(false,
               tr("the feed %1 dropped and could not be reconnected: %2")
                   .arg(m_url.toDisplayString(QUrl::RemovePassword), reason));
}

void WebSocketSource::finishWith(bool normal, const QString &reason)
{
    m_state = State::Ended;
    m_dialer.cancel();
    m_reconnector.cancel();
    if (normal)
        Q_EMIT ended();
    else
        Q_EMIT failed(reason);
}
