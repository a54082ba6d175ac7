#pragma once

#include "redisaddress.h"
#include "redisconnection.h"
#include "transport/messagesource.h"
#include "transport/reconnectpolicy.h"

#include <QStringDecoder>

/*!
    A feed read straight from Redis: a pub/sub channel (SUBSCRIBE) or a stream (XREAD BLOCK).
    Every payload becomes one frame, unchanged: valid UTF-8 as text, anything else as a binary
    frame (the run counts both kinds of junk as malformed, never drops them).

    Channel: what is published while the source is not subscribed (Redis down, reconnecting) is
    gone; the run's missing ids show it. Pub/sub cannot be paused: Redis disconnects a subscriber
    whose output buffer grows past client-output-buffer-limit, so setPaused() keeps reading.

    Stream: reads from `streamFrom` ("0" the beginning, "$" the end when reading starts, or just
    after an entry id) and, after a reconnect, from the last entry delivered, so a Redis restart
    that keeps the stream loses nothing. setPaused() really pauses: no XREAD until resumed. An
    entry's payload is its `data` field, or else its first field's value.

    A stream or channel has no end: the run ends with --count, stop() or a failure. Lost
    connections are reconnected per the ReconnectPolicy (dropped() and reconnected()).
*/
class RedisSource final : public MessageSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisSource)

public:
    // Entries per XREAD, and how long one blocks on the server before it is issued again.
    static constexpr int StreamBatch = 1000;
    static constexpr int StreamBlockMs = 1000;

    RedisSource(const RedisAddress &address, const RedisFeedConfig &feed,
                QObject *parent = nullptr);

    void setReconnectPolicy(const ReconnectPolicy &policy);
    void setConnectTimeoutMs(int ms);

    void open() override;
    void close() override;
    QString description() const override;
    void setPaused(bool paused) override;
    bool canPause() const override { return m_feed.isStream(); }

    // Stream: the id of the last entry delivered ("0-0" before the first).
    QString lastEntryId() const { return QString::fromLatin1(m_lastId); }

private:
    enum class State { Idle, Connecting, Live, Closing, Ended };

    void onReady();
    void onDropped(const QString &reason, int attempt);
    void onFailed(const QString &reason);
    void onClosed();
    void onStreamStart(const redisReply &reply);
    void onStreamReply(const redisReply &reply);
    void markLive();
    void readStream();
    void deliver(QByteArrayView payload);
    void failWith(const QString &reason);

    RedisFeedConfig m_feed;
    RedisConnection m_connection;
    // ConvertInitialBom: Qt drops a leading byte order mark by default; the frame must travel
    // on byte for byte, so it is kept (MessageCodec ignores it when parsing).
    QStringDecoder m_utf8 {QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                               | QStringDecoder::Flag::ConvertInitialBom};
    State m_state = State::Idle;
    bool m_everLive = false;
    bool m_paused = false;
    bool m_reading = false; // an XREAD is on its way
    QByteArray m_lastId; // stream: resolved start, then the last entry delivered
};
