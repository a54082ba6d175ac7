#pragma once

#include "protocol/wireprotocol.h"
#include "redis/redisaddress.h"
#include "redis/redisconnection.h"
#include "transport/reconnectpolicy.h"

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

// What reorder-bridge serves, and from where.
struct RedisBridgeConfig
{
    static constexpr quint16 DefaultPort = WireProtocol::DefaultPort;

    RedisAddress redis;
    QString channel = WireProtocol::DefaultRedisChannel; // pub/sub mode
    QString stream; // set: stream mode instead of the channel
    // Stream, first start only (no cursor stored yet): "$" entries added from now on, "0" the
    // whole stream, or what follows an entry id.
    QString streamFrom = QStringLiteral("$");
    QString name = QStringLiteral("default"); // tells the cursors of several bridges apart
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = DefaultPort; // 0: any free port
    int reportIntervalMs = 5000; // 0: no periodic report
    // Pub/sub: a consumer that leaves this much unread is disconnected (the bridge cannot hold
    // the channel back, and will not grow without bound).
    qint64 maxConsumerBacklogBytes = qint64(256) * 1024 * 1024;
    // Redis is retried for as long as the bridge runs.
    ReconnectPolicy reconnect {std::numeric_limits<int>::max(), 100, 5000};

    bool isStream() const { return !stream.isEmpty(); }
    // Stream mode: where the last entry every consumer confirmed is kept in Redis.
    QString cursorKey() const;
    // "channel NAME" or "stream KEY".
    QString sourceDescription() const;
};

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
    QString lastConfirmed; // stream: the stored cursor
};

/*!
    reorder-bridge: serves a Redis pub/sub channel or stream to WebSocket consumers at
    ws://HOST:PORT/raw-messages. Every payload goes, unchanged, as one frame to every connected
    consumer (text when it is UTF-8, binary otherwise).

    Redis is reached through RedisConnection (hiredis on the Qt event loop); when it goes away the
    consumers stay connected and the bridge reconnects with backoff, for as long as it runs.

    Channel: pub/sub keeps nothing, so what is published while Redis is down, or while no
    consumer is connected, is gone (counted in `unconsumed`).

    Stream: XREAD BLOCK from the last delivered entry. Each batch written to a consumer is
    followed by a ping; its pong confirms the consumer read every frame before it. The last entry
    that every connected consumer confirmed is stored in Redis (cursorKey()), and a restarted
    bridge resumes after it: nothing is lost, and what was written but not confirmed is sent again
    (a consumer counts it as duplicates). The bridge reads only while a consumer is connected and
    keeping up; when the last one leaves, it rewinds to the last confirmed entry, so a consumer
    that restarts loses nothing either.

    Lives in one thread.
*/
class RedisBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisBridge)

public:
    static constexpr int StreamBatch = 1000; // entries per XREAD
    static constexpr int StreamBlockMs = 1000;
    // Stream: stop reading while a consumer has this much unsent, or this many batches are
    // unconfirmed (which also bounds what a crash sends twice).
    static constexpr qint64 StreamPauseBytes = 4 * 1024 * 1024;
    static constexpr int MaxUnconfirmedBatches = 32;
    static constexpr int StopTimeoutMs = 3000;

    explicit RedisBridge(const RedisBridgeConfig &config, QObject *parent = nullptr);
    ~RedisBridge() override;

    // Opens the WebSocket server; false with errorString() when it cannot listen.
    bool listen();
    QString errorString() const { return m_error; }
    QUrl feedUrl() const;
    // Connects to Redis and starts serving (after listen()).
    void start();
    // Stops cleanly: a stream's confirmed cursor is stored, consumers are closed with 1001
    // (going away: they reconnect); finished() follows.
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
        quint64 confirmedBatch = 0; // stream: every batch up to this one was read
        quint64 frames = 0;
        // A close frame went either way: what it reads from now on may be discarded, so its
        // pongs confirm nothing.
        bool closing = false;
    };
    struct Batch
    {
        quint64 number = 0;
        QByteArray lastId;
    };

    void onNewConnection();
    void onConsumerGone(QWebSocket *socket);
    void onPong(QWebSocket *socket, const QByteArray &payload);
    void onReaderReady();
    void onCursorReady();
    void onRedisDropped(const QString &reason, int attempt);
    void onRedisFailed(const QString &reason);
    void onStoredCursor(const redisReply &reply);
    void onStreamEnd(const redisReply &reply);
    void onStreamReply(quint64 generation, const redisReply &reply);
    void startStream(const QByteArray &id);
    void readStream();
    bool streamHeldBack() const;
    void broadcast(QByteArrayView payload);
    void dropSlowConsumers();
    void advanceCursor();
    void saveCursor();
    // A SET of the cursor is on its way, or what was confirmed can and should still be stored.
    bool cursorUnsaved() const;
    void report();
    void finishStop();
    void closeConsumers();
    Consumer *consumerFor(QWebSocket *socket);

    RedisBridgeConfig m_config;
    QWebSocketServer m_server;
    RedisConnection m_reader; // SUBSCRIBE, or XREAD
    std::unique_ptr<RedisConnection> m_cursor; // stream: GET/SET of the cursor
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

    // Stream mode.
    bool m_streamStarted = false; // the start position is known
    bool m_reading = false; // an XREAD is on its way
    quint64 m_readGeneration = 0; // replies of an older generation are stale (rewound)
    QByteArray m_readId; // XREAD after this entry
    QByteArray m_confirmedId; // every consumer confirmed up to this entry
    QByteArray m_savedId; // what Redis holds as the cursor
    bool m_saving = false;
    quint64 m_batchNumber = 0;
    std::deque<Batch> m_unconfirmed;
};
