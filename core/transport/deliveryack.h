#pragma once

#include <QString>
#include <QStringView>

#include <optional>

/*!
    The WebSocket subprotocol `reorder-ack.v1`: a consumer that offers it, and whose server
    accepts it, sends small text frames back on the feed connection, `{"ack":N}`: the first N
    frames of this connection are dealt with (forwarded and confirmed by its sink, or counted
    as not forwardable: malformed, late, duplicate). N only grows; a new connection counts from
    0. Without the subprotocol a server learns no more than a pong tells: frames were read.
*/
class DeliveryAck final
{
public:
    static constexpr char Subprotocol[] = "reorder-ack.v1";

    static QString subprotocol() { return QString::fromLatin1(Subprotocol); }
    static QString frame(quint64 frames);
    // N of `{"ack": N}`; nullopt for anything else.
    static std::optional<quint64> parse(QStringView frame);
};
