#include "websocketdialer.h"

#include <QNetworkRequest>
#include <QRegularExpression>
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
    m_permanent = false;
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
        m_lastError = describeError();
    cancel();
}

void WebSocketDialer::onError()
{
    // Keep the first error; disconnected() (or the deadline) acts on it.
    if (m_lastError.isEmpty())
        m_lastError = describeError();
    if (m_dialing && m_socket->state() != QAbstractSocket::ConnectedState
        && m_socket->state() != QAbstractSocket::UnconnectedState) {
        // A handshake the server answered with an HTTP error leaves Qt's socket waiting for
        // nothing until the deadline: end the attempt now.
        QTimer::singleShot(0, this, [this] {
            if (!m_dialing)
                return;
            m_socket->abort(); // may report disconnected() at once, which ends the attempt
            if (m_dialing)
                endAttempt();
        });
        return;
    }
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

bool WebSocketDialer::isPermanent(QWebSocketProtocol::CloseCode code)
{
    return code == QWebSocketProtocol::CloseCodePolicyViolated
        || code == QWebSocketProtocol::CloseCodeDatatypeNotSupported;
}

QString WebSocketDialer::describeError()
{
    const QString qt = m_socket->errorString();
    // "QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression http(
        QStringLiteral("http status code: (\\d+)(?: \\(([^)]*)\\))?"));
    if (const QRegularExpressionMatch m = http.match(qt); m.hasMatch()) {
        const int status = m.captured(1).toInt();
        // A client error stays one (but for a timeout or too many requests); a server's may pass.
        m_permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        return tr("the server refused the connection: HTTP %1 %2")
            .arg(status)
            .arg(m.captured(2))
            .trimmed();
    }
    const QUrl url = m_socket->requestUrl();
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("connection refused: nothing listens on %1").arg(where);
    case QAbstractSocket::HostNotFoundError:
        return tr("host not found: %1").arg(url.host());
    case QAbstractSocket::SslHandshakeFailedError:
        m_permanent = true;
        if (qt.contains(QLatin1String("wrong version number"))
            || qt.contains(QLatin1String("packet length too long")))
            return tr("the TLS handshake failed: %1 does not speak TLS (for a plain server use "
                      "ws:// instead of wss://)")
                .arg(where);
        return tr("the TLS handshake failed: %1").arg(qt.section(QLatin1String(": "), -1));
    default:
        break;
    }
    // Qt's own names ("QWebSocketPrivate::...:") mean nothing to an operator.
    static const QRegularExpression qtPrefix(QStringLiteral("^Q\\w+::\\w+: "));
    return QString(qt).remove(qtPrefix);
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
