#include "websocketsource.h"

#include "socketreading.h"

WebSocketSource::WebSocketSource(const QUrl &url, QObject *parent)
    : MessageSource(parent)
    , m_url(url)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) // children move with us
    , m_dialer(&m_socket, this)
    , m_reconnector(this)
{
    m_socket.setMaxAllowedIncomingMessageSize(HardMessageLimit);
    m_socket.setMaxAllowedIncomingFrameSize(HardMessageLimit);

    // Frames go straight out as our signals: no slot in between on the hot path.
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &MessageSource::textReceived);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &MessageSource::binaryReceived);
    connect(&m_socket, &QWebSocket::connected, this, &WebSocketSource::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &WebSocketSource::onDisconnected);
    connect(&m_socket, &QWebSocket::aboutToClose, this, &WebSocketSource::onAboutToClose);
    connect(&m_dialer, &WebSocketDialer::attemptEnded, this, &WebSocketSource::onAttemptEnded);
    connect(&m_dialer, &WebSocketDialer::certificateErrorsIgnored, this,
            &MessageSource::certificateErrorsIgnored);
    connect(&m_reconnector, &Reconnector::retryDue, this, &WebSocketSource::connectSocket);
    m_reconnector.restoreOn(&m_socket, &QWebSocket::textMessageReceived);
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
    case State::Ended:
        break;
    }
}

void WebSocketSource::setPaused(bool paused)
{
    if (m_paused == paused)
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

void WebSocketSource::onConnected()
{
    m_dialer.cancel();
    if (m_state == State::Closing) {
        m_socket.close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    m_state = State::Connected;
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
    switch (m_state) {
    case State::Closing:
        finishWith(true, QString());
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
