#include "redisbridge.h"

#include "protocol/wireprotocol.h"

#include <QWebSocket>

#include <hiredis/hiredis.h>

#include <algorithm>

namespace {

const QString FeedPath = WireProtocol::FeedPath;

} // namespace

QString RedisBridgeConfig::cursorKey() const
{
    return QStringLiteral("reorder-bridge:%1:%2:last-delivered").arg(name, stream);
}

QString RedisBridgeConfig::sourceDescription() const
{
    return isStream() ? RedisBridge::tr("stream %1").arg(stream)
                      : RedisBridge::tr("channel %1").arg(channel);
}

RedisBridge::RedisBridge(const RedisBridgeConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_server(QStringLiteral("reorder-bridge"), QWebSocketServer::NonSecureMode)
    , m_reader(config.redis)
{
    m_reader.setReconnectPolicy(m_config.reconnect);
    m_reader.setRetryFirstConnection(true);
    connect(&m_server, &QWebSocketServer::newConnection, this, &RedisBridge::onNewConnection);
    connect(&m_reader, &RedisConnection::ready, this, &RedisBridge::onReaderReady);
    connect(&m_reader, &RedisConnection::dropped, this, &RedisBridge::onRedisDropped);
    connect(&m_reader, &RedisConnection::failed, this, &RedisBridge::onRedisFailed);
    connect(&m_reportTimer, &QTimer::timeout, this, &RedisBridge::report);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, &RedisBridge::finishStop);
}

RedisBridge::~RedisBridge()
{
    // The consumers' sockets are children: they go with us, without calling back.
    for (const Consumer &c : std::as_const(m_consumers))
        c.socket->disconnect(this);
}

bool RedisBridge::listen()
{
    if (!m_server.listen(m_config.listenAddress, m_config.listenPort)) {
        m_error = tr("cannot listen on %1:%2: %3")
                      .arg(m_config.listenAddress.toString())
                      .arg(m_config.listenPort)
                      .arg(m_server.errorString());
        return false;
    }
    return true;
}

QUrl RedisBridge::feedUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_config.listenAddress.toString());
    url.setPort(m_server.serverPort());
    url.setPath(FeedPath);
    return url;
}

void RedisBridge::start()
{
    m_rateClock.start();
    if (m_config.reportIntervalMs > 0)
        m_reportTimer.start(m_config.reportIntervalMs);
    Q_EMIT logMessage(tr("serving %1 from %2 %3")
                          .arg(feedUrl().toString(), m_config.redis.toDisplayString(),
                               m_config.sourceDescription()));
    m_reader.open();
    if (m_config.isStream()) {
        m_cursor = std::make_unique<RedisConnection>(m_config.redis);
        m_cursor->setReconnectPolicy(m_config.reconnect);
        m_cursor->setRetryFirstConnection(true);
        connect(m_cursor.get(), &RedisConnection::ready, this, &RedisBridge::onCursorReady);
        connect(m_cursor.get(), &RedisConnection::dropped, this, [this] { m_saving = false; });
        connect(m_cursor.get(), &RedisConnection::failed, this, &RedisBridge::onRedisFailed);
        m_cursor->open();
    }
}

BridgeStats RedisBridge::stats() const
{
    BridgeStats s = m_stats;
    s.consumers = int(m_consumers.size());
    s.redisUp = m_reader.isReady();
    s.lastConfirmed = QString::fromLatin1(m_savedId);
    return s;
}

// --- consumers -------------------------------------------------------------------------------

void RedisBridge::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        const QString path = socket->requestUrl().path();
        if (path != FeedPath || m_stopping) {
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            if (m_stopping)
                socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                              tr("the bridge is shutting down"));
            else
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                              tr("unknown path %1: use %2").arg(path, FeedPath));
            continue;
        }
        // Everything written before this consumer came counts as confirmed for it.
        m_consumers.append(Consumer {socket, m_batchNumber, 0, false});
        connect(socket, &QWebSocket::disconnected, this,
                [this, socket] { onConsumerGone(socket); });
        connect(socket, &QWebSocket::pong, this,
                [this, socket](quint64, const QByteArray &payload) { onPong(socket, payload); });
        connect(socket, &QWebSocket::bytesWritten, this, &RedisBridge::readStream);
        connect(socket, &QWebSocket::aboutToClose, this, [this, socket] {
            if (Consumer *consumer = consumerFor(socket))
                consumer->closing = true;
        });
        Q_EMIT logMessage(tr("consumer connected from %1:%2 (consumers: %3)")
                              .arg(socket->peerAddress().toString())
                              .arg(socket->peerPort())
                              .arg(m_consumers.size()));
        readStream();
    }
}

RedisBridge::Consumer *RedisBridge::consumerFor(QWebSocket *socket)
{
    for (Consumer &c : m_consumers) {
        if (c.socket == socket)
            return &c;
    }
    return nullptr;
}

void RedisBridge::onConsumerGone(QWebSocket *socket)
{
    const auto it = std::find_if(m_consumers.begin(), m_consumers.end(),
                                 [socket](const Consumer &c) { return c.socket == socket; });
    if (it == m_consumers.end())
        return;
    const quint64 frames = it->frames;
    m_consumers.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
    Q_EMIT logMessage(tr("consumer %1:%2 left after %3 frames (consumers: %4)")
                          .arg(socket->peerAddress().toString())
                          .arg(socket->peerPort())
                          .arg(frames)
                          .arg(m_consumers.size()));
    if (m_finished) {
        if (m_consumers.isEmpty())
            Q_EMIT finished();
        return;
    }
    if (!m_config.isStream())
        return;
    if (!m_consumers.isEmpty()) {
        advanceCursor(); // it no longer holds the others back
        return;
    }
    // Nobody confirmed what was written after the cursor: read it again for the next consumer,
    // and drop a read that is on its way.
    if (!m_unconfirmed.empty()) {
        Q_EMIT logMessage(tr("no consumer left: entries after %1 were not confirmed and will be "
                             "sent again to the next consumer")
                              .arg(QString::fromLatin1(m_confirmedId)));
    }
    m_unconfirmed.clear();
    m_readId = m_confirmedId;
    ++m_readGeneration;
    if (m_stopping && !cursorUnsaved())
        finishStop(); // else the cursor's SET (or the stop timer) finishes
}

void RedisBridge::onPong(QWebSocket *socket, const QByteArray &payload)
{
    Consumer *consumer = consumerFor(socket);
    if (!consumer || consumer->closing)
        return;
    bool ok = false;
    const quint64 batch = payload.toULongLong(&ok);
    if (!ok)
        return;
    consumer->confirmedBatch = std::max(consumer->confirmedBatch, batch);
    advanceCursor();
}

void RedisBridge::broadcast(QByteArrayView payload)
{
    ++m_stats.received;
    if (m_consumers.isEmpty()) {
        ++m_stats.unconsumed; // pub/sub keeps nothing: this one is gone
        return;
    }
    const QString text = m_utf8.decode(payload);
    const bool binary = m_utf8.hasError();
    if (binary)
        m_utf8.resetState();
    for (Consumer &c : m_consumers) {
        if (binary)
            c.socket->sendBinaryMessage(payload.toByteArray());
        else
            c.socket->sendTextMessage(text);
        ++c.frames;
    }
    ++m_stats.forwarded;
    m_stats.framesWritten += quint64(m_consumers.size());
}

void RedisBridge::dropSlowConsumers()
{
    QList<QWebSocket *> slow;
    for (const Consumer &c : std::as_const(m_consumers)) {
        if (c.socket->bytesToWrite() > m_config.maxConsumerBacklogBytes)
            slow.append(c.socket);
    }
    for (QWebSocket *socket : std::as_const(slow)) {
        ++m_stats.slowConsumersDropped;
        Q_EMIT logMessage(tr("consumer %1:%2 is more than %3 MiB behind: disconnected (a channel "
                             "cannot wait)")
                              .arg(socket->peerAddress().toString())
                              .arg(socket->peerPort())
                              .arg(m_config.maxConsumerBacklogBytes / (1024 * 1024)));
        socket->abort();
    }
}

void RedisBridge::closeConsumers()
{
    // 1001 "going away", not 1000: a consumer takes 1000 as the end of the feed, and this is not.
    const QList<Consumer> consumers = m_consumers;
    for (const Consumer &c : consumers)
        c.socket->close(QWebSocketProtocol::CloseCodeGoingAway, tr("the bridge is shutting down"));
}

// --- Redis -----------------------------------------------------------------------------------

void RedisBridge::onReaderReady()
{
    const bool again = m_redisEverUp;
    m_redisEverUp = true;
    if (again)
        ++m_stats.redisReconnects;
    m_reading = false; // a read on the previous connection died with it
    if (!m_config.isStream()) {
        m_reader.subscribe(
            m_config.channel.toUtf8(),
            [this] {
                Q_EMIT logMessage(m_stats.redisReconnects > 0
                                      ? tr("resubscribed to channel %1; what was published "
                                           "while Redis was away is lost")
                                            .arg(m_config.channel)
                                      : tr("subscribed to channel %1").arg(m_config.channel));
            },
            [this](QByteArrayView payload) {
                m_reader.markDelivered();
                broadcast(payload);
                dropSlowConsumers();
            });
        return;
    }
    if (again) {
        Q_EMIT logMessage(tr("Redis is back: reading stream %1 again after entry %2")
                              .arg(m_config.stream, QString::fromLatin1(m_readId)));
    }
    readStream();
}

void RedisBridge::onRedisDropped(const QString &reason, int attempt)
{
    m_reading = false;
    ++m_stats.redisDrops;
    if (!m_redisEverUp && attempt == 1) {
        Q_EMIT logMessage(tr("cannot reach Redis at %1 (%2); retrying with backoff")
                              .arg(m_config.redis.toDisplayString(), reason));
    } else if (attempt == 1) {
        QString line = tr("Redis connection lost (%1); consumers kept: %2; reconnecting with "
                          "backoff")
                           .arg(reason)
                           .arg(m_consumers.size());
        if (!m_config.isStream())
            line += tr("; what is published meanwhile is lost (pub/sub keeps nothing)");
        Q_EMIT logMessage(line);
    } else {
        Q_EMIT logMessage(tr("Redis still unreachable (%1), attempt %2").arg(reason).arg(attempt));
    }
}

void RedisBridge::onRedisFailed(const QString &reason)
{
    if (m_finished)
        return;
    Q_EMIT failed(reason);
}

// --- stream ----------------------------------------------------------------------------------

void RedisBridge::onCursorReady()
{
    if (m_streamStarted) {
        saveCursor();
        return;
    }
    m_cursor->command({QByteArrayLiteral("GET"), m_config.cursorKey().toUtf8()},
                      [this](const redisReply &reply) { onStoredCursor(reply); });
}

void RedisBridge::onStoredCursor(const redisReply &reply)
{
    if (m_streamStarted)
        return;
    if (reply.type == REDIS_REPLY_STRING) {
        const QByteArray id = RedisConnection::replyText(reply);
        m_savedId = id;
        Q_EMIT logMessage(tr("resuming stream %1 after entry %2, the last one confirmed (%3)")
                              .arg(m_config.stream, QString::fromLatin1(id), m_config.cursorKey()));
        startStream(id);
        return;
    }
    if (reply.type != REDIS_REPLY_NIL) {
        Q_EMIT failed(
            tr("cannot read the cursor %1: %2")
                .arg(m_config.cursorKey(), QString::fromUtf8(RedisConnection::replyText(reply))));
        return;
    }
    if (m_config.streamFrom != QLatin1String("$")) {
        startStream(RedisStreamId::normalised(m_config.streamFrom).toLatin1());
        return;
    }
    // "$" is resolved to an entry id and stored at once, so that a restart before the first
    // delivery does not skip what was added in between.
    m_cursor->command({QByteArrayLiteral("XREVRANGE"), m_config.stream.toUtf8(),
                       QByteArrayLiteral("+"), QByteArrayLiteral("-"), QByteArrayLiteral("COUNT"),
                       QByteArrayLiteral("1")},
                      [this](const redisReply &r) { onStreamEnd(r); });
}

void RedisBridge::onStreamEnd(const redisReply &reply)
{
    if (m_streamStarted)
        return;
    if (reply.type == REDIS_REPLY_ERROR) {
        Q_EMIT failed(
            tr("cannot read the stream %1: %2")
                .arg(m_config.stream, QString::fromUtf8(RedisConnection::replyText(reply))));
        return;
    }
    const QByteArray id = RedisConnection::lastStreamId(reply);
    startStream(id);
}

void RedisBridge::startStream(const QByteArray &id)
{
    m_streamStarted = true;
    m_readId = m_confirmedId = id;
    if (m_savedId != id) {
        Q_EMIT logMessage(
            tr("starting stream %1 after entry %2").arg(m_config.stream, QString::fromLatin1(id)));
        saveCursor();
    }
    readStream();
}

bool RedisBridge::streamHeldBack() const
{
    if (m_consumers.isEmpty() || m_unconfirmed.size() >= std::size_t(MaxUnconfirmedBatches))
        return true;
    return std::any_of(m_consumers.begin(), m_consumers.end(), [](const Consumer &c) {
        return c.socket->bytesToWrite() > StreamPauseBytes;
    });
}

void RedisBridge::readStream()
{
    if (!m_config.isStream() || !m_streamStarted || m_reading || m_stopping || !m_reader.isReady()
        || streamHeldBack())
        return;
    m_reading = m_reader.command({QByteArrayLiteral("XREAD"), QByteArrayLiteral("COUNT"),
                                  QByteArray::number(StreamBatch), QByteArrayLiteral("BLOCK"),
                                  QByteArray::number(StreamBlockMs), QByteArrayLiteral("STREAMS"),
                                  m_config.stream.toUtf8(), m_readId},
                                 [this, generation = m_readGeneration](const redisReply &reply) {
                                     onStreamReply(generation, reply);
                                 });
}

void RedisBridge::onStreamReply(quint64 generation, const redisReply &reply)
{
    m_reading = false;
    if (reply.type == REDIS_REPLY_ERROR) {
        Q_EMIT failed(
            tr("cannot read the stream %1: %2")
                .arg(m_config.stream, QString::fromUtf8(RedisConnection::replyText(reply))));
        return;
    }
    if (generation != m_readGeneration || m_consumers.isEmpty()) {
        readStream(); // rewound meanwhile: what this read brought is read again
        return;
    }
    bool delivered = false;
    for (const RedisStreamEntry &entry : RedisConnection::streamEntries(reply)) {
        m_reader.markDelivered();
        broadcast(entry.payload);
        m_readId = entry.id;
        delivered = true;
    }
    if (delivered) {
        // A pong to this ping confirms the consumer read every frame of the batch.
        const Batch batch {++m_batchNumber, m_readId};
        m_unconfirmed.push_back(batch);
        const QByteArray payload = QByteArray::number(batch.number);
        for (const Consumer &c : std::as_const(m_consumers))
            c.socket->ping(payload);
    }
    readStream();
}

void RedisBridge::advanceCursor()
{
    if (m_consumers.isEmpty())
        return;
    quint64 confirmed = std::numeric_limits<quint64>::max();
    for (const Consumer &c : std::as_const(m_consumers))
        confirmed = std::min(confirmed, c.confirmedBatch);
    bool advanced = false;
    while (!m_unconfirmed.empty() && m_unconfirmed.front().number <= confirmed) {
        m_confirmedId = m_unconfirmed.front().lastId;
        m_unconfirmed.pop_front();
        advanced = true;
    }
    if (advanced) {
        saveCursor();
        readStream();
    }
    if (m_stopping && m_unconfirmed.empty() && !m_saving && m_savedId == m_confirmedId)
        finishStop();
}

bool RedisBridge::cursorUnsaved() const
{
    return m_saving || (m_savedId != m_confirmedId && m_cursor && m_cursor->isReady());
}

void RedisBridge::saveCursor()
{
    if (m_saving || !m_cursor || !m_cursor->isReady() || !m_streamStarted
        || m_confirmedId == m_savedId)
        return;
    m_saving = true;
    const QByteArray id = m_confirmedId;
    m_cursor->command({QByteArrayLiteral("SET"), m_config.cursorKey().toUtf8(), id},
                      [this, id](const redisReply &reply) {
                          m_saving = false;
                          if (reply.type == REDIS_REPLY_ERROR) {
                              Q_EMIT logMessage(
                                  tr("cannot store the cursor %1: %2")
                                      .arg(m_config.cursorKey(),
                                           QString::fromUtf8(RedisConnection::replyText(reply))));
                          } else {
                              m_savedId = id;
                          }
                          saveCursor(); // it may have moved on meanwhile
                          if (m_stopping && !m_saving && m_savedId == m_confirmedId
                              && (m_unconfirmed.empty() || m_consumers.isEmpty()))
                              finishStop();
                      });
}

// --- reporting and stopping ------------------------------------------------------------------

void RedisBridge::report()
{
    const double seconds = double(m_rateClock.restart()) / 1000.0;
    m_stats.messagesPerSecond =
        seconds > 0 ? double(m_stats.forwarded - m_lastReportForwarded) / seconds : 0.0;
    m_lastReportForwarded = m_stats.forwarded;
    const BridgeStats s = stats();
    QString line = tr("consumers %1, %2 messages/s, forwarded %3, Redis %4")
                       .arg(s.consumers)
                       .arg(QString::number(s.messagesPerSecond, 'f', 0))
                       .arg(s.forwarded)
                       .arg(s.redisUp ? tr("up") : tr("DOWN"));
    if (s.unconsumed > 0)
        line += tr(", %1 published with no consumer connected (lost)").arg(s.unconsumed);
    if (s.slowConsumersDropped > 0)
        line += tr(", %1 slow consumers disconnected").arg(s.slowConsumersDropped);
    if (m_config.isStream() && !s.lastConfirmed.isEmpty())
        line += tr(", confirmed up to %1").arg(s.lastConfirmed);
    // Quiet while nothing changes.
    if (line == m_lastReport)
        return;
    m_lastReport = line;
    Q_EMIT logMessage(line);
}

void RedisBridge::stop()
{
    if (m_stopping) {
        finishStop(); // a second request: stop waiting
        return;
    }
    m_stopping = true;
    m_server.close();
    if (m_config.isStream()
        && (cursorUnsaved() || (!m_consumers.isEmpty() && !m_unconfirmed.empty()))) {
        // Let the consumers confirm what they were sent and store the cursor, briefly; with no
        // consumer left, still store what was confirmed (or a restart sends it again).
        m_stopTimer.start(StopTimeoutMs);
        saveCursor();
        return;
    }
    finishStop();
}

void RedisBridge::finishStop()
{
    if (m_finished)
        return;
    m_finished = true;
    m_stopping = true;
    m_stopTimer.stop();
    m_reportTimer.stop();
    report();
    if (m_config.isStream()) {
        Q_EMIT logMessage(
            tr("stopped; stream %1 confirmed up to entry %2 (%3)")
                .arg(m_config.stream,
                     m_savedId.isEmpty() ? tr("(none)") : QString::fromLatin1(m_savedId),
                     m_config.cursorKey()));
    }
    m_reader.close();
    if (m_cursor)
        m_cursor->close();
    if (m_consumers.isEmpty()) {
        QTimer::singleShot(0, this, &RedisBridge::finished);
        return;
    }
    closeConsumers();
    // Consumers that do not answer the close handshake are not waited for long.
    QTimer::singleShot(1000, this, [this] {
        if (!m_consumers.isEmpty()) {
            for (const Consumer &c : std::as_const(m_consumers))
                c.socket->disconnect(this);
            m_consumers.clear();
            Q_EMIT finished();
        }
    });
}
