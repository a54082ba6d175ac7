#include "websocketframe.h"

#include <QtEndian>

#include <algorithm>

WebSocketFrame::Header WebSocketFrame::serverHeader(QByteArrayView bytes)
{
    Header h;
    if (bytes.size() < 2)
        return h;
    const auto *b = reinterpret_cast<const uchar *>(bytes.data());
    h.final = b[0] & 0x80;
    h.opcode = b[0] & 0x0f;
    const bool masked = b[1] & 0x80;
    quint64 length = b[1] & 0x7f;
    h.size = 2;
    if (length == 126) {
        if (bytes.size() < 4)
            return h;
        length = qFromBigEndian<quint16>(b + 2);
        h.size = 4;
    } else if (length == 127) {
        if (bytes.size() < 10)
            return h;
        length = qFromBigEndian<quint64>(b + 2);
        h.size = 10;
    }
    h.payloadSize = length;
    h.status = Header::Status::Complete;

    const auto invalid = [&h](Problem problem) {
        h.status = Header::Status::Invalid;
        h.problem = problem;
        return h;
    };
    if (masked)
        return invalid(Problem::Masked);
    if (b[0] & 0x70)
        return invalid(Problem::ReservedBits);
    switch (h.opcode) {
    case Continuation:
    case Text:
    case Binary:
    case Close:
    case Ping:
    case Pong:
        break;
    default:
        return invalid(Problem::ReservedOpcode);
    }
    if (isControl(h.opcode) && (!h.final || length > quint64(MaxControlPayload)))
        return invalid(Problem::BadControlFrame);
    if ((h.size == 4 && length < 126) || (h.size == 10 && length < 65536))
        return invalid(Problem::LengthNotMinimal);
    if (length >> 63)
        return invalid(Problem::LengthTooLarge);
    return h;
}

QByteArray WebSocketFrame::clientFrame(Opcode opcode, QByteArrayView payload, quint32 mask)
{
    const auto n = quint64(payload.size());
    const qsizetype lengthBytes = n < 126 ? 0 : n < 65536 ? 2 : 8;
    QByteArray frame(2 + lengthBytes + 4 + payload.size(), Qt::Uninitialized);
    auto *f = reinterpret_cast<uchar *>(frame.data());
    f[0] = uchar(0x80 | opcode);
    if (lengthBytes == 0) {
        f[1] = uchar(0x80 | n);
    } else if (lengthBytes == 2) {
        f[1] = 0x80 | 126;
        qToBigEndian(quint16(n), f + 2);
    } else {
        f[1] = 0x80 | 127;
        qToBigEndian(n, f + 2);
    }
    uchar *key = f + 2 + lengthBytes;
    qToBigEndian(mask, key);
    uchar *out = key + 4;
    const auto *in = reinterpret_cast<const uchar *>(payload.data());
    for (qsizetype i = 0; i < payload.size(); ++i)
        out[i] = in[i] ^ key[i & 3];
    return frame;
}

QByteArray WebSocketFrame::closePayload(int code, const QString &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(quint16(code), payload.data());
    QByteArray utf8 = reason.toUtf8();
    qsizetype end = std::min(utf8.size(), MaxControlPayload - 2);
    while (end < utf8.size() && end > 0 && (uchar(utf8[end]) & 0xc0) == 0x80)
        --end; // utf8[end] continues a character: cut before that character
    utf8.truncate(end);
    return payload + utf8;
}

QString WebSocketFrame::describe(Problem problem)
{
    switch (problem) {
    case Problem::None:
        break;
    case Problem::Masked:
        return tr("a frame from the server was masked");
    case Problem::ReservedBits:
        return tr("a frame set reserved bits that no extension defines");
    case Problem::ReservedOpcode:
        return tr("a frame had a reserved opcode");
    case Problem::BadControlFrame:
        return tr("a control frame was fragmented or longer than 125 bytes");
    case Problem::LengthNotMinimal:
        return tr("a frame's length was not in its shortest form");
    case Problem::LengthTooLarge:
        return tr("a frame's length had its top bit set");
    }
    return {};
}
