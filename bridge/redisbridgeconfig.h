#pragma once

#include "protocol/wireprotocol.h"
#include "redis/redisaddress.h"
#include "transport/reconnectpolicy.h"

#include <QHostAddress>
#include <QString>

#include <limits>

// What reorder-bridge serves, and from where.
struct RedisBridgeConfig
{
    static constexpr quint16 DefaultPort = WireProtocol::DefaultPort;

    RedisAddress redis;
    QString channel = WireProtocol::DefaultRedisChannel; // pub/sub mode
    QString stream; // set: stream mode instead of the channel
    // Stream: where the consumer group starts when the bridge creates it (it keeps its own
    // position from then on): "$" entries added from now on, "0" the whole stream, or what
    // follows an entry id.
    QString streamFrom = QStringLiteral("$");
    // Stream: the consumer group. Bridges in one group share the stream (each entry goes to
    // one of them, and one takes over what another left pending); each group gets every entry.
    QString group = QStringLiteral("reorder-bridge");
    QString name = QStringLiteral("default"); // the consumer name's first part
    QString consumer; // the exact consumer name; empty: NAME-HOST-PID (consumerName())
    // Stream: entries pending this long with another consumer of the group are taken over.
    int claimIdleMs = 10000;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = DefaultPort; // 0: any free port
    int reportIntervalMs = 5000; // 0: no periodic report
    // Pub/sub: a consumer that leaves this much unread is disconnected (the bridge cannot hold
    // the channel back, and will not grow without bound).
    qint64 maxConsumerBacklogBytes = qint64(256) * 1024 * 1024;
    // Redis is retried for as long as the bridge runs.
    ReconnectPolicy reconnect {std::numeric_limits<int>::max(), 100, 5000};

    bool isStream() const { return !stream.isEmpty(); }
    // This bridge's consumer in the group: `consumer`, or NAME-HOST-PID (unique per process).
    QString consumerName() const;
    // "channel NAME" or "stream KEY".
    QString sourceDescription() const;
};
