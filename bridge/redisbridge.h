#pragma once

#include "redis/redisconnection.h"
#include "redisbridgeconfig.h"
#include "streamgroupreader.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringDecoder>
#include <QTimer>
#include <QUrl>
#include <QWebSocketServer>

#include <deque>
#include <limits>
#include <memory>

class QWebSocket;

struct BridgeStats
{
    int consumers = 0;
    quint64 received = 0; // messages read from Redis
    quint64 forwarded = 0; // of those, written to at least one consumer
    quint64 unconsumed = 0; // pub/sub: received while no consumer was connected (gone)
    quint64 framesWritten = 0; // over every consumer
    quint64 slowConsumersDropped = 0;
    quint64 redisDrops = 0;
    quint64 redisReconnects = 0;
    bool redisUp = false;
    double messagesPerSecond = 0; // forwarded, over the last report interval
    // Stream: entries acknowledged to the group (XACK), sent and not yet acknowledged, taken
    // over from other consumers, and read again from this consumer's pending entries.
    quint64 acknowledged = 0;
    quint64 unacknowledged = 0;
    quint64 claimed = 0;
    quint64 readAgain = 0;
};

/*!
    reorder-bridge: serves a Redis pub/sub channel or stream to WebSocket consumers at
    ws://HOST:PORT/raw-messages. Every payload goes, unchanged, as one frame to every connected
    consumer (text when it is UTF-8, binary otherwise).

    Redis is reached through RedisConnection (hiredis on the Qt event loop); when it goes away the
    consumers stay connected and the bridge reconnects with backoff, for as long as it runs.

    Channel: pub/sub keeps nothing, so what is published while Redis is down, or while no
    consumer is connected, is gone (counted in `unconsumed`). A consumer that leaves more than
    maxConsumerBacklogBytes unread is disconnected.

    Stream: the bridge is one consumer of a Redis consumer group (StreamGroupReader). An entry is
    acknowledged to the group (XACK) once every connected consumer dealt with it:
    - a consumer that negotiated `reorder-ack.v1` (deliveryack.h) says so itself: `{"ack":N}`,
      its first N frames were forwarded and confirmed by its sink, or not forwardable;
    - a plain consumer only gets a ping after each batch, and its pong says that it read the
      frames before it: a consumer that crashes after reading loses what it held.
    What is not acknowledged stays pending in the group: when the last consumer leaves it is
    sent again, first, to the next one; when the bridge crashes, another bridge of the group
    takes it over. The bridge reads only while a consumer is connected and keeping up.

    Lives in one thread.
*/
class RedisBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisBridge)

public:
    // Stream: stop reading while a consumer has this much unsent.
    static constexpr qint64 StreamPauseBytes = 4 * 1024 * 1024;
    static constexpr int StopTimeoutMs = 3000;

    explicit RedisBridge(const RedisBridgeConfig &config, QObject *parent = nullptr);
    ~RedisBridge() override;

    // Opens the WebSocket server; false with errorString() when it cannot listen.
    bool listen();
    QString errorString() const { return m_error; }
    QUrl feedUrl() const;
    // Connects to Redis and starts serving (after listen()).
    void start();
    // Stops cleanly: a stream's consumers get a moment to acknowledge what they were sent, and
    // it is acknowledged to the group; consumers are closed with 1001 (going away: they
    // reconnect); finished() follows.
    void stop();
    BridgeStats stats() const;

Q_SIGNALS:
    // A line for the operator's log.
    void logMessage(const QString &line);
    // The bridge cannot go on (a refused password, a key that is not a stream): exit status 2.
    void failed(const QString &reason);
    void finished();

private:
    struct Consumer
    {
        QWebSocket *socket = nullptr;
        quint64 base = 0; // stream: the reader's frame number of this connection's first frame
        quint64 frames = 0; // written to it
        quint64 dealtWith = 0; // stream: its first frames acknowledged (or, plain, read)
        quint64 pinged = 0; // plain: the frame count its unanswered ping carries; 0: none
        bool acking = false; // negotiated reorder-ack.v1
        bool misbehaved = false; // sent something else: logged once
        // A close frame went either way: what it reads from now on may be discarded, so its
        // pongs confirm nothing.
        bool closing = false;
    };

    void onNewConnection();
    void onConsumerGone(QWebSocket *socket);
    void onPong(QWebSocket *socket, const QByteArray &payload);
    // A plain consumer's ping, when frames it was sent are not confirmed and no ping is
    // waiting: never more than one unanswered (Node's ws cuts off a peer past 60).
    void pingIfDue(Consumer &consumer);
    void onConsumerText(QWebSocket *socket, const QString &text);
    void onReaderReady();
    void onRedisDropped(const QString &reason, int attempt);
    void onRedisFailed(const QString &reason);
    void onFramesRead(const std::vector<RedisStreamEntry> &entries);
    void updateHeldBack();
    bool streamHeldBack() const;
    void broadcast(QByteArrayView payload);
    void dropSlowConsumers();
    void advance();
    void report();
    void finishStop();
    void closeConsumers();
    Consumer *consumerFor(QWebSocket *socket);
    RedisConnection &redis() { return m_stream ? m_stream->connection() : m_reader; }
    const RedisConnection &redis() const { return m_stream ? m_stream->connection() : m_reader; }

    RedisBridgeConfig m_config;
    QWebSocketServer m_server;
    RedisConnection m_reader; // SUBSCRIBE
    std::unique_ptr<StreamGroupReader> m_stream; // stream mode
    QList<Consumer> m_consumers;
    QStringDecoder m_utf8 {QStringDecoder::Utf8, QStringDecoder::Flag::Stateless};
    QTimer m_reportTimer;
    QTimer m_stopTimer;
    QElapsedTimer m_rateClock;
    QString m_error;
    BridgeStats m_stats;
    quint64 m_lastReportForwarded = 0;
    QString m_lastReport;
    bool m_stopping = false;
    bool m_finished = false;
    bool m_redisEverUp = false;
};
