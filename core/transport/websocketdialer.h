#pragma once

#include <QAbstractSocket>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QSslError;
class QWebSocket;

/*!
    The sink's handshake on QWebSocket. It opens the socket with a deadline, keeps the first
    error of the attempt in words, refuses certificate errors unless insecure (then it ignores
    exactly the errors of that handshake and says so), and reports an attempt that ended before
    connecting even where Qt sends no disconnected(). The feed dials with WebSocketReader, which
    shares the certificate policy and the words through the static functions below.

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
    // agreed on (an untrusted certificate included). The owner fails at once instead of
    // reconnecting.
    bool lastErrorIsPermanent() const { return m_permanent; }
    // A close code the peer chose that says trying again cannot help: 1008 (policy violation,
    // e.g. a wrong path) and 1003 (data it does not accept).
    static bool isPermanent(int closeCode);

    // What the feed's own client (WebSocketReader) shares with this dialer: the certificate
    // policy and the words for what goes wrong, each with whether trying again can help.
    struct Failure
    {
        QString words;
        bool permanent = false;
    };
    // The server answered the upgrade with HTTP `status` instead of 101.
    static Failure httpRefusal(int status, const QString &reasonPhrase);
    // A socket's error; `qtText` is Qt's errorString() for it, `url` where it was going.
    static Failure socketFailure(QAbstractSocket::SocketError error, const QString &qtText,
                                 const QUrl &url);
    static QString noAnswerWithin(int timeoutMs);
    // A handshake's certificate errors: ignored (exactly these) when insecure, in `ignored`'s
    // words for certificateErrorsIgnored(); otherwise a refusal, in `refusal`.
    struct CertificateVerdict
    {
        bool ignore = false;
        QStringList ignored;
        Failure refusal;
    };
    static CertificateVerdict judgeCertificates(const QList<QSslError> &errors, bool insecure);

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
    void keep(const Failure &failure);

    QWebSocket *m_socket;
    QTimer m_deadline;
    QString m_lastError;
    QStringList m_subprotocols;
    int m_timeoutMs = 10000;
    bool m_dialing = false;
    bool m_permanent = false;
    bool m_insecure = false;
};
