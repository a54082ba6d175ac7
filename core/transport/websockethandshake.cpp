#include "websockethandshake.h"

#include "websocketdialer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>

namespace {

const QByteArray EndOfHead = QByteArrayLiteral("\r\n\r\n");

// A header's comma-separated tokens include `token` (case-insensitive).
bool hasToken(const QByteArray &value, const char *token)
{
    const QList<QByteArray> tokens = value.split(',');
    return std::any_of(tokens.begin(), tokens.end(), [token](const QByteArray &t) {
        return t.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

QByteArray WebSocketHandshake::start(const QUrl &url, const QStringList &subprotocols)
{
    quint32 nonce[4];
    QRandomGenerator::system()->fillRange(nonce);
    m_key = QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toBase64();
    m_offered = subprotocols;
    m_subprotocol.clear();
    m_error.clear();
    m_permanent = false;
    m_searched = 0;

    QUrl host = url;
    host.setUserInfo(QString()); // never sent: a password in the URL stays here
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray request = "GET " + target
        + " HTTP/1.1\r\nHost: " + host.authority(QUrl::FullyEncoded).toLatin1()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + m_key
        + "\r\nSec-WebSocket-Version: 13\r\n";
    if (!subprotocols.isEmpty())
        request += "Sec-WebSocket-Protocol: " + subprotocols.join(QStringLiteral(", ")).toLatin1()
            + "\r\n";
    return request + "\r\n";
}

WebSocketHandshake::Result WebSocketHandshake::read(QByteArray &bytes)
{
    // Search on from where the last piece ended (the end marker may straddle two pieces).
    const qsizetype end = bytes.indexOf(EndOfHead, std::max<qsizetype>(0, m_searched - 3));
    if (end < 0) {
        m_searched = bytes.size();
        if (bytes.size() > MaxAnswerBytes)
            return refuse(tr("the server's answer to the handshake is not HTTP (no end within "
                             "%1 KiB)")
                              .arg(MaxAnswerBytes / 1024),
                          false);
        return Result::Incomplete;
    }
    const QByteArray head = bytes.left(end);
    bytes.remove(0, end + EndOfHead.size());
    return check(head);
}

WebSocketHandshake::Result WebSocketHandshake::check(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    // "HTTP/1.1 101 Switching Protocols"
    const QByteArray status = lines.first().trimmed();
    const qsizetype space = status.indexOf(' ');
    bool isNumber = false;
    const int code = status.mid(space + 1, 3).toInt(&isNumber);
    if (!status.startsWith("HTTP/1.") || space < 0 || !isNumber)
        return refuse(tr("the server's answer to the handshake is not HTTP"), false);
    if (code != 101) {
        const WebSocketDialer::Failure f = WebSocketDialer::httpRefusal(
            code, QString::fromLatin1(status.mid(space + 5).trimmed()));
        return refuse(f.words, f.permanent);
    }

    QHash<QByteArray, QByteArray> headers; // lower-case names; repeated ones joined (RFC 9110)
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        QByteArray &value = headers[lines[i].left(colon).trimmed().toLower()];
        value += (value.isEmpty() ? "" : ", ") + lines[i].mid(colon + 1).trimmed();
    }
    const auto header = [&headers](const char *name) {
        return QString::fromLatin1(headers.value(name));
    };
    // Each of these says the server does not speak WebSocket with us: trying again is no use.
    if (header("upgrade").compare(QLatin1String("websocket"), Qt::CaseInsensitive) != 0
        || !hasToken(headers.value("connection"), "upgrade"))
        return refuse(tr("the server's answer is not a WebSocket upgrade (Upgrade: %1, "
                         "Connection: %2)")
                          .arg(header("upgrade"), header("connection")),
                      true);
    if (headers.value("sec-websocket-accept") != acceptFor(m_key))
        return refuse(tr("the server's Sec-WebSocket-Accept does not match our key"), true);
    if (!headers.value("sec-websocket-extensions").isEmpty())
        return refuse(tr("the server chose an extension we did not offer: %1")
                          .arg(header("sec-websocket-extensions")),
                      true);
    const QString protocol = header("sec-websocket-protocol");
    if (!protocol.isEmpty() && !m_offered.contains(protocol))
        return refuse(tr("the server chose a subprotocol we did not offer: %1").arg(protocol),
                      true);
    m_subprotocol = protocol;
    return Result::Upgraded;
}

WebSocketHandshake::Result WebSocketHandshake::refuse(const QString &error, bool permanent)
{
    m_error = error;
    m_permanent = permanent;
    return Result::Refused;
}

QByteArray WebSocketHandshake::acceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}
