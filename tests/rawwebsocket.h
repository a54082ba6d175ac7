#pragma once

// The WebSocket protocol (RFC 6455) as bytes, for test servers that must send or see exactly
// what is on the wire: QWebSocket decodes text frames (and drops a leading byte order mark),
// and never sends a faulty frame.

#include <QByteArray>
#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QtEndian>

#include <optional>

namespace RawWebSocket {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// A frame: its first byte (FIN, RSV1-3, opcode) as given, the payload's length in `lengthBytes`
// (0: the shortest form; 2 or 8 force that form), masked with `mask` when given.
inline QByteArray frame(quint8 firstByte, const QByteArray &payload,
                        std::optional<quint32> mask = std::nullopt, int lengthBytes = 0)
{
    const auto n = quint64(payload.size());
    if (lengthBytes == 0)
        lengthBytes = n < 126 ? 0 : n < 65536 ? 2 : 8;
    QByteArray f;
    f.append(char(firstByte));
    const char maskBit = mask ? char(0x80) : char(0);
    if (lengthBytes == 0) {
        f.append(char(maskBit | char(n)));
    } else if (lengthBytes == 2) {
        f.append(char(maskBit | 126));
        f.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        f.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            f.append(char((n >> shift) & 0xff));
    }
    if (!mask)
        return f + payload;
    char key[4];
    qToBigEndian(*mask, key);
    f.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f.append(char(payload[i] ^ key[i % 4]));
    return f;
}

// A frame as a server sends it (5.1: not masked).
inline QByteArray serverFrame(Opcode opcode, bool final, const QByteArray &payload)
{
    return frame(quint8((final ? 0x80 : 0) | opcode), payload);
}

// A close frame's payload: the code, then the reason.
inline QByteArray closePayload(quint16 code, const QByteArray &reason = QByteArray())
{
    QByteArray p(2, Qt::Uninitialized);
    qToBigEndian(code, p.data());
    return p + reason;
}

inline QByteArray acceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

// An opening handshake's request: its request line and headers (lower-case names).
struct Request
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QHash<QByteArray, QByteArray> headers;
};

// The request at the front of `buffer`, removed from it; nullopt while incomplete.
inline std::optional<Request> takeRequest(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.remove(0, end + 4);
    Request r;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    r.method = first.value(0);
    r.target = first.value(1);
    r.version = first.value(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    return r;
}

// A client's opening handshake for `target` on `host` (HOST:PORT), with RFC 6455's sample key.
inline QByteArray upgradeRequest(const QByteArray &target, const QByteArray &host)
{
    return "GET " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// The 101 answer to a request with Sec-WebSocket-Key `key`; `extra` are more header lines,
// each ending in CRLF.
inline QByteArray upgradeAnswer(const QByteArray &key, const QByteArray &extra = QByteArray())
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: "
        + acceptFor(key) + "\r\n" + extra + "\r\n";
}

// A frame as it came from a client, unmasked, with what RFC 6455 asks of its form.
struct ClientFrame
{
    quint8 firstByte = 0;
    bool masked = false;
    bool shortestLength = true; // the length in its shortest form (5.2)
    quint32 mask = 0;
    QByteArray payload;

    bool final() const { return firstByte & 0x80; }
    quint8 reserved() const { return firstByte & 0x70; }
    quint8 opcode() const { return firstByte & 0x0f; }
    // A close frame's code; 0 when it has none.
    quint16 closeCode() const
    {
        return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
    }
};

// A server's answer to a client's control frame: a pong for a ping; for a close, the close
// echoed (the server then ends the connection). Empty for any other frame.
inline QByteArray controlAnswer(const ClientFrame &f)
{
    if (f.opcode() == Ping)
        return serverFrame(Pong, true, f.payload);
    if (f.opcode() == Close)
        return serverFrame(Close, true, f.payload.left(2));
    return QByteArray();
}

// The frame at the front of `buffer`, removed from it; nullopt while incomplete.
inline std::optional<ClientFrame> takeFrame(QByteArray &buffer)
{
    const QByteArray &b = buffer;
    if (b.size() < 2)
        return std::nullopt;
    ClientFrame f;
    f.firstByte = quint8(b[0]);
    f.masked = quint8(b[1]) & 0x80;
    quint64 length = quint8(b[1]) & 0x7f;
    qsizetype at = 2;
    if (length == 126) {
        if (b.size() < 4)
            return std::nullopt;
        length = qFromBigEndian<quint16>(b.constData() + 2);
        f.shortestLength = length >= 126;
        at = 4;
    } else if (length == 127) {
        if (b.size() < 10)
            return std::nullopt;
        length = qFromBigEndian<quint64>(b.constData() + 2);
        f.shortestLength = length >= 65536;
        at = 10;
    }
    const qsizetype maskAt = at;
    if (f.masked)
        at += 4;
    if (quint64(b.size()) < quint64(at) + length)
        return std::nullopt;
    f.payload = b.mid(at, qsizetype(length));
    if (f.masked) {
        f.mask = qFromBigEndian<quint32>(b.constData() + maskAt);
        for (qsizetype i = 0; i < f.payload.size(); ++i)
            f.payload[i] = char(f.payload[i] ^ b[maskAt + i % 4]);
    }
    buffer.remove(0, at + qsizetype(length));
    return f;
}

} // namespace RawWebSocket
