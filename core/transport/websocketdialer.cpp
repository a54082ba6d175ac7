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
    const CertificateVerdict verdict = judgeCertificates(errors, m_insecure);
    if (verdict.ignore) {
        m_socket->ignoreSslErrors(errors);
        Q_EMIT certificateErrorsIgnored(verdict.ignored);
        return;
    }
    keep(verdict.refusal);
}

bool WebSocketDialer::isPermanent(int closeCode)
{
    return closeCode == QWebSocketProtocol::CloseCodePolicyViolated
        || closeCode == QWebSocketProtocol::CloseCodeDatatypeNotSupported;
}

WebSocketDialer::CertificateVerdict
WebSocketDialer::judgeCertificates(const QList<QSslError> &errors, bool insecure)
{
    CertificateVerdict verdict;
    QStringList reasons;
    for (const QSslError &e : errors)
        reasons << e.errorString();
    if (insecure) {
        verdict.ignore = true;
        verdict.ignored = reasons;
        return verdict;
    }
    // A certificate that is not trusted now will not be on the next attempt either.
    verdict.refusal = {tr("certificate not trusted: %1").arg(reasons.join(QStringLiteral("; "))),
                       true};
    return verdict;
}

WebSocketDialer::Failure WebSocketDialer::httpRefusal(int status, const QString &reasonPhrase)
{
    // A client error stays one (but for a timeout or too many requests); a server's may pass.
    return {
        tr("the server refused the connection: HTTP %1 %2").arg(status).arg(reasonPhrase).trimmed(),
        status >= 400 && status < 500 && status != 408 && status != 429};
}

WebSocketDialer::Failure WebSocketDialer::socketFailure(QAbstractSocket::SocketError error,
                                                        const QString &qtText, const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("wss") ? 443 : 80;
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(defaultPort));
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return {tr("connection refused: nothing listens on %1").arg(where)};
    case QAbstractSocket::HostNotFoundError:
        return {tr("host not found: %1").arg(url.host())};
    case QAbstractSocket::SslHandshakeFailedError:
        if (qtText.contains(QLatin1String("wrong version number"))
            || qtText.contains(QLatin1String("packet length too long")))
            return {tr("the TLS handshake failed: %1 does not speak TLS (for a plain server use "
                       "ws:// instead of wss://)")
                        .arg(where),
                    true};
        return {tr("the TLS handshake failed: %1").arg(qtText.section(QLatin1String(": "), -1)),
                true};
    default:
        break;
    }
    // Qt's own names ("QWebSocketPrivate::...:") mean nothing to an operator.
    static const QRegularExpression qtPrefix(QStringLiteral("^Q\\w+::\\w+: "));
    return {QString(qtText).remove(qtPrefix)};
}

QString WebSocketDialer::noAnswerWithin(int timeoutMs)
{
    return tr("no answer within %1 s").arg(timeoutMs / 1000.0);
}

void WebSocketDialer::keep(const Failure &failure)
{
    m_permanent = failure.permanent;
    m_lastError = failure.words;
}

QString WebSocketDialer::describeError()
{
    const QString qt = m_socket->errorString();
    // "QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression http(
        QStringLiteral("http status code: (\\d+)(?: \\(([^)]*)\\))?"));
    const QRegularExpressionMatch m = http.match(qt);
    const Failure failure = m.hasMatch()
        ? httpRefusal(m.captured(1).toInt(), m.captured(2))
        : socketFailure(m_socket->error(), qt, m_socket->requestUrl());
    m_permanent = failure.permanent;
    return failure.words;
}

void WebSocketDialer::onTimeout()
{
    if (!m_dialing)
        return;
    m_lastError = noAnswerWithin(m_timeoutMs);
    m_socket->abort(); // may report disconnected() at once, which ends the attempt
    if (m_dialing)
        endAttempt();
}

void WebSocketDialer::endAttempt()
{
    cancel();
    Q_EMIT attemptEnded();
}
