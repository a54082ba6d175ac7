#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocketProtocol>

class QSslError;
class QWebSocket;

/*!
    The handshake half that the feed and the sink share. It opens a QWebSocket with a deadline,
    keeps the first error of the attempt in words, refuses certificate errors unless insecure
    (then it ignores exactly the errors of that handshake and says so), and reports an attempt
    that ended before connecting even where Qt sends no disconnected().

    The owner keeps its socket and its reconnect policy; the dialer is its child, so that it
    moves to another thread along with it.
*/
class WebSocketDialer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketDialer)

public:
    WebSocketDialer(QWebSocket *socket, QObject *parent);

    void setInsecure(bool insecure) { m_insecure = insecure; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Offered in each handshake (Sec-WebSocket-Protocol); the socket's subprotocol() says which
    // one the server accepted, if any.
    void setSubprotocols(const QStringList &protocols) { m_subprotocols = protocols; }

    // A new attempt: forgets the last error and starts the deadline.
    void dial(const QUrl &url);
    // Stops the deadline (the owner closes or aborts the socket itself).
    void cancel();
    // The first error of the current attempt or connection, in words; empty when none.
    QString lastError() const { return m_lastError; }
    // Trying again cannot help: the server refused the handshake (HTTP 4xx), or TLS cannot be
    // agreed on. The owner fails at once instead of reconnecting.
    bool lastErrorIsPermanent() const { return m_permanent; }
    // A close code the peer chose that says trying again cannot help: 1008 (policy violation,
    // e.g. a wrong path) and 1003 (data it does not accept).
    static bool isPermanent(QWebSocketProtocol::CloseCode code);

Q_SIGNALS:
    // The attempt ended without a connection: an error that leaves the socket unconnected, or
    // the deadline. lastError() says why. Not emitted when disconnected() reports it.
    void attemptEnded();
    // Insecure, and these certificate errors were ignored: the connection is not authenticated.
    void certificateErrorsIgnored(const QStringList &errors);

private:
    void onDisconnected();
    void onError();
    void onSslErrors(const QList<QSslError> &errors);
    void onTimeout();
    void endAttempt();
    // Qt's error text for the socket's last error, as an operator reads it; sets m_permanent.
    QString describeError();

    QWebSocket *m_socket;
    QTimer m_deadline;
    QString m_lastError;
    QStringList m_subprotocols;
    int m_timeoutMs = 10000;
    bool m_dialing = false;
    bool m_permanent = false;
    bool m_insecure = false;
};
