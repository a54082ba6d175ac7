#include "websocketdialer.h"

#include <QNetworkRequest>
#include <QSslError>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

WebSocketDialer::WebSocketDialer(QWebSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_deadline(this)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &WebSocketDialer::onTimeout);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketDialer::cancel);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketDialer::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketDialer::onError);
    connect(m_socket, &QWebSocket::sslErrors, this, &WebSocketDialer::onSslErrors);
}

void WebSocketDialer::dial(const QUrl &url)
{
    m_lastError.clear();
    m_dialing = true;
    m_deadline.start(m_timeoutMs);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_subprotocols);
    m_socket->open(QNetworkRequest(url), options);
}

void WebSocketDialer::cancel()
{
    m_dialing = false;
    m_deadline.stop();
}

void WebSocketDialer::onDisconnected()
{
    // Qt 6.4's QWebSocket does not always emit error() for a failed handshake (a refused
    // connection, for one) but keeps the reason: take it before the owner asks.
    if (m_dialing && m_lastError.isEmpty()
        && m_socket->error() != QAbstractSocket::UnknownSocketError)
        m_lastError = m_socket->errorString();
    cancel();
}

void WebSocketDialer::onError()
{
    // Keep the first error; disconnected() (or the deadline) acts on it.
    if (m_lastError.isEmpty())
        m_lastError = m_socket->errorString();
    if (m_dialing && m_socket->state() == QAbstractSocket::UnconnectedState) {
        // Some handshake failures leave the socket unconnected without a disconnected() signal.
        QTimer::singleShot(0, this, [this] {
            if (m_dialing && m_socket->state() == QAbstractSocket::UnconnectedState)
                endAttempt();
        });
    }
}

void WebSocketDialer::onSslErrors(const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &e : errors)
        reasons << e.errorString();
    if (m_insecure) {
        m_socket->ignoreSslErrors(errors);
        Q_EMIT certificateErrorsIgnored(reasons);
        return;
    }
    m_lastError = tr("certificate not trusted: %1").arg(reasons.join(QStringLiteral("; ")));
}

void WebSocketDialer::onTimeout()
{
    if (!m_dialing)
        return;
    m_lastError = tr("no answer within %1 s").arg(m_timeoutMs / 1000.0);
    m_socket->abort(); // may report disconnected() at once, which ends the attempt
    if (m_dialing)
        endAttempt();
}

void WebSocketDialer::endAttempt()
{
    cancel();
    Q_EMIT attemptEnded();
}
