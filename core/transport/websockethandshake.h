#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QUrl;

/*!
    A client's opening handshake (RFC 6455 section 4.1): the HTTP Upgrade request with a fresh
    Sec-WebSocket-Key, and the server's answer read as it arrives, in pieces of any size. A 101
    answer counts only with the Sec-WebSocket-Accept of our key, `Upgrade: websocket`,
    `Connection: Upgrade`, a subprotocol we offered (or none) and no extension (we offer
    none). Anything else is a refusal in words, with whether trying again can help.
*/
class WebSocketHandshake final
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketHandshake)

public:
    enum class Result : quint8 { Incomplete, Upgraded, Refused };
    // An answer's head longer than this is refused (a server that is not answering HTTP).
    static constexpr qsizetype MaxAnswerBytes = 64 * 1024;

    // A new handshake: the request to send for `url`, offering `subprotocols`.
    QByteArray start(const QUrl &url, const QStringList &subprotocols);
    // Reads the answer from the front of `bytes`, and removes it once complete: what follows
    // it is the first frames.
    Result read(QByteArray &bytes);

    // Upgraded: the subprotocol the server chose; empty when none.
    QString subprotocol() const { return m_subprotocol; }
    // Refused: why, and whether trying again cannot help.
    QString error() const { return m_error; }
    bool permanent() const { return m_permanent; }

    // Sec-WebSocket-Accept for a Sec-WebSocket-Key (4.2.2).
    static QByteArray acceptFor(const QByteArray &key);

private:
    Result refuse(const QString &error, bool permanent);
    Result check(const QByteArray &head);

    QByteArray m_key;
    QStringList m_offered;
    QString m_subprotocol;
    QString m_error;
    bool m_permanent = false;
    qsizetype m_searched = 0; // bytes of the answer already searched for its end
};
