#include "websocketsource.h"

#include "deliveryack.h"
#include "websocketdialer.h"

#include <QWebSocketProtocol>

#include <algorithm>

WebSocketSource::WebSocketSource(const QUrl &url, QObject *parent)
    : MessageSource(parent)
    , m_url(url)
    , m_reader(this) // children move with us
    , m_reconnector(this)
    , m_ackTimer(this)
{
    m_reader.setMaxMessageBytes(HardMessageLimit);
    m_reader.setPausedReadAheadBytes(PausedReadBufferBytes);
    // A bounded window, so that a pause of the feed takes effect promptly (see the constant).
    m_reader.setReceiveWindowBytes(ReceiveWindowBytes);
    m_reader.setSubprotocols({DeliveryAck::subprotocol()});
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(AckIntervalMs);
    connect(&m_ackTimer, &QTimer::timeout, this, &WebSocketSource::sendAck);

    // Frames go out as our signals, counted (acknowledgements count them) and nothing else.
    connect(&m_reader, &WebSocketReader::textReceived, this, &WebSocketSource::onText);
    connect(&m_reader, &WebSocketReader::binaryReceived, this, &WebSocketSource::onBinary);
    connect(&m_reader, &WebSocketReader::connected, this, &WebSocketSource::onConnected);
    connect(&m_reader, &WebSocketReader::disconnected, this, &WebSocketSource::onDisconnected);
    connect(&m_reader, &WebSocketReader::certificateErrorsIgnored, this,
            &MessageSource::certificateErrorsIgnored);
    connect(&m_reconnector, &Reconnector::retryDue, this, &WebSocketSource::connectSocket);
    m_reconnector.restoreOn(&m_reader, &WebSocketReader::textReceived);
}

WebSocketSource::~WebSocketSource()
{
    // The reader outlives this part of us: what it reports while it goes is not ours to handle.
    m_reader.disconnect(this);
    // A lingering connection ends here: the last acknowledgement, then the close frame, handed
    // to the kernel now (the process may be about to exit).
    if (m_state == State::Lingering) {
        sendAck();
        m_reader.close(QWebSocketProtocol::CloseCodeNormal);
        m_reader.flush();
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
    // A pause outlives the connection: the reader holds it across connections.
    m_state = State::Connecting;
    m_reader.open(m_url);
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
            m_reader.setPaused(true);
            QTimer::singleShot(0, this, [this] {
                if (m_state == State::Lingering)
                    Q_EMIT ended();
            });
            break;
        }
        m_state = State::Closing;
        m_reader.close(QWebSocketProtocol::CloseCodeNormal);
        break;
    case State::Connecting:
        m_state = State::Closing;
        m_reader.abort();
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
    m_reader.setPaused(paused);
}

void WebSocketSource::onText(const QString &frame)
{
    if (m_state == State::Lingering)
        return; // ended: what the reader still delivers is no one's
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
    m_reader.sendText(DeliveryAck::frame(m_ackWanted));
    m_ackSent = m_ackWanted;
    // Lingering, the event loop may not turn again before the process exits.
    if (m_state == State::Lingering)
        m_reader.flush();
}

void WebSocketSource::onConnected()
{
    if (m_state == State::Closing) {
        m_reader.close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    m_state = State::Connected;
    m_acking = m_reader.subprotocol() == DeliveryAck::subprotocol();
    m_connectionStart = m_emitted;
    m_ackWanted = m_ackSent = 0;
    m_reconnector.connectionUp();
    if (m_everConnected) {
        Q_EMIT reconnected();
    } else {
        m_everConnected = true;
        Q_EMIT connected();
    }
}

QString WebSocketSource::disconnectReason() const
{
    // The reader's own words for an error, a refusal or a connection it failed (1002, 1007,
    // 1009); otherwise the feed's close frame, or none.
    if (const QString error = m_reader.errorString(); !error.isEmpty())
        return error;
    if (m_reader.peerClosed()) {
        const QString reason = m_reader.closeReason();
        return reason.isEmpty()
            ? tr("closed by the feed with code %1").arg(m_reader.closeCode())
            : tr("closed by the feed with code %1 (%2)").arg(m_reader.closeCode()).arg(reason);
    }
    return tr("connection lost without a close frame");
}

void WebSocketSource::onDisconnected()
{
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

    if (m_state == State::Connected && m_reader.peerClosed() && m_reader.errorString().isEmpty()
        && m_reader.closeCode() == QWebSocketProtocol::CloseCodeNormal) {
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
    const bool permanent = m_reader.errorIsPermanent()
        || (m_reader.peerClosed() && WebSocketDialer::isPermanent(m_reader.closeCode()));
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
    m_reconnector.cancel();
    if (normal)
        Q_EMIT ended();
    else
        Q_EMIT failed(reason);
}
