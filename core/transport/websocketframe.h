#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

/*!
    RFC 6455 frames as bytes (section 5.2): the header of a frame from a server, read in place
    from a buffer, and a frame of a client's, masked (5.3). No state, no allocation but the
    frame built; WebSocketReader keeps the connection.
*/
class WebSocketFrame final
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketFrame)

public:
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };
    // A control frame carries at most this much (5.5), and is never fragmented.
    static constexpr qsizetype MaxControlPayload = 125;

    // What makes a server's frame header a protocol error.
    enum class Problem : quint8 {
        None,
        Masked, // a server never masks (5.1)
        ReservedBits, // RSV1-3 without an extension that defines them
        ReservedOpcode,
        BadControlFrame, // fragmented, or longer than 125 bytes
        LengthNotMinimal, // a length that fits a shorter form (5.2)
        LengthTooLarge, // the 64-bit form with its top bit set
    };

    struct Header
    {
        enum class Status : quint8 { Incomplete, Complete, Invalid };
        Status status = Status::Incomplete;
        Problem problem = Problem::None;
        bool final = false;
        quint8 opcode = 0;
        qsizetype size = 0; // of the header itself
        quint64 payloadSize = 0;
    };

    static bool isControl(quint8 opcode) { return opcode & 0x8; }
    // The header at the start of `bytes`: Incomplete until all of it is there (the payload
    // may still be missing once it is Complete).
    static Header serverHeader(QByteArrayView bytes);
    // A whole frame of ours, final, its payload masked with `mask`.
    static QByteArray clientFrame(Opcode opcode, QByteArrayView payload, quint32 mask);
    // A close frame's payload: the code, then as much of the reason as fits, in UTF-8 (never
    // half a character).
    static QByteArray closePayload(int code, const QString &reason);
    // The codes a close frame may carry (7.4; 1012-1014 registered since).
    static bool isValidCloseCode(int code)
    {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
    }
    static QString describe(Problem problem);
};
