#include "redisbridge.h"

#include "protocol/wireprotocol.h"
#include "transport/deliveryack.h"

#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace {

const QString FeedPath = WireProtocol::FeedPath;

} // namespace

RedisBridge::RedisBridge(const RedisBridgeConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_server(QStringLiteral("reorder-bridge"), QWebSocketServer::NonSecureMode)
    , m_reader(config.redis)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &RedisBridge::onNewConnection);
    if (m_config.isStream()) {
        // Consumers that offer it acknowledge what they dealt with; others are confirmed by pong.
        m_server.setSupportedSubprotocols({DeliveryAck::subprotocol()});
        m_stream = std::make_unique<StreamGroupReader>(m_config);
        connect(m_stream.get(), &StreamGroupReader::framesRead, this, &RedisBridge::onFramesRead);
        connect(m_stream.get(), &StreamGroupReader::logMessage, this, &RedisBridge::logMessage);
        connect(m_stream.get(), &StreamGroupReader::failed, this, &RedisBridge::onRedisFailed);
        connect(m_stream.get(), &StreamGroupReader::settled, this, [this] {
            if (m_stopping)
                finishStop();
        });
    } else {
        m_reader.setReconnectPolicy(m_config.reconnect);
        m_reader.setRetryFirstConnection(true);
        connect(&m_reader, &RedisConnection::failed, this, &RedisBridge::onRedisFailed);
    }
    connect(&redis(), &RedisConnection::ready, this, &RedisBridge::onReaderReady);
    connect(&redis(), &RedisConnection::dropped, this, &RedisBridge::onRedisDropped);
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
    if (m_stream)
        m_stream->open();
    else
        m_reader.open();
}

BridgeStats RedisBridge::stats() const
{
    BridgeStats s = m_stats;
    s.consumers = int(m_consumers.size());
    s.redisUp = redis().isReady();
    if (m_stream) {
        s.acknowledged = m_stream->acknowledged();
        s.unacknowledged = m_stream->unconfirmed();
        s.claimed = m_stream->claimed();
        s.readAgain = m_stream->readAgain();
    }
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
        // Everything handed out before this consumer came counts as dealt with for it.
        Consumer consumer;
        consumer.socket = socket;
        consumer.base = m_stream ? m_stream->handedOut() : 0;
        consumer.acking = m_stream && socket->subprotocol() == DeliveryAck::subprotocol();
        m_consumers.append(consumer);
        connect(socket, &QWebSocket::disconnected, this,
                [this, socket] { onConsumerGone(socket); });
        if (consumer.acking) {
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this, socket](const QString &text) { onConsumerText(socket, text); });
        } else {
            connect(
                socket, &QWebSocket::pong, this,
                [this, socket](quint64, const QByteArray &payload) { onPong(socket, payload); });
        }
        connect(socket, &QWebSocket::bytesWritten, this, &RedisBridge::updateHeldBack);
        connect(socket, &QWebSocket::aboutToClose, this, [this, socket] {
            if (Consumer *c = consumerFor(socket))
                c->closing = true;
        });
        QString how;
        if (m_stream) {
            how = consumer.acking
                ? tr(", acknowledging what its sink confirmed (%1)").arg(DeliveryAck::subprotocol())
                : tr(", plain: a pong confirms only that it read the frames");
        }
        Q_EMIT logMessage(tr("consumer connected from %1:%2%3 (consumers: %4)")
                              .arg(socket->peerAddress().toString())
                              .arg(socket->peerPort())
                              .arg(how)
                              .arg(m_consumers.size()));
        updateHeldBack();
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
    const quint64 dealtWith = it->dealtWith;
    m_consumers.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
    QString line = tr("consumer %1:%2 left after %3 frames")
                       .arg(socket->peerAddress().toString())
                       .arg(socket->peerPort())
                       .arg(frames);
    if (m_stream)
        line += tr(", %1 of them acknowledged").arg(dealtWith);
    Q_EMIT logMessage(line + tr(" (consumers: %1)").arg(m_consumers.size()));
    if (m_finished) {
        if (m_consumers.isEmpty())
            Q_EMIT finished();
        return;
    }
    if (!m_stream)
        return;
    if (!m_consumers.isEmpty()) {
        advance(); // it no longer holds the others back
        return;
    }
    // Nobody will acknowledge what is outstanding: it stays pending in the group and goes again,
    // first, to the next consumer.
    if (const quint64 outstanding = m_stream->unconfirmed(); outstanding > 0) {
        Q_EMIT logMessage(tr("no consumer left: %1 entries sent and not acknowledged will be sent "
                             "again to the next consumer")
                              .arg(outstanding));
    }
    m_stream->rewind();
    updateHeldBack();
}

void RedisBridge::onPong(QWebSocket *socket, const QByteArray &payload)
{
    Consumer *consumer = consumerFor(socket);
    if (!consumer || consumer->closing)
        return;
    bool ok = false;
    const quint64 frames = payload.toULongLong(&ok);
    if (!ok || frames > consumer->frames)
        return;
    if (frames == consumer->pinged)
        consumer->pinged = 0; // answered: the next one may go
    if (frames > consumer->dealtWith) {
        consumer->dealtWith = frames;
        advance();
    }
    if ((consumer = consumerFor(socket)) && !consumer->closing)
        pingIfDue(*consumer); // what was written meanwhile
}

void RedisBridge::pingIfDue(Consumer &consumer)
{
    if (consumer.acking || consumer.pinged != 0 || consumer.frames <= consumer.dealtWith)
        return;
    consumer.pinged = consumer.frames;
    consumer.socket->ping(QByteArray::number(consumer.frames));
}

void RedisBridge::onConsumerText(QWebSocket *socket, const QString &text)
{
    Consumer *consumer = consumerFor(socket);
    if (!consumer)
        return;
    // Its acknowledgements count even after a close frame: they are its own word.
    const std::optional<quint64> frames = DeliveryAck::parse(text);
    if (!frames || *frames > consumer->frames) {
        if (std::exchange(consumer->misbehaved, true))
            return;
        Q_EMIT logMessage(tr("consumer %1:%2 sent something that is not an acknowledgement of "
                             "the %3 frames it was sent: %4")
                              .arg(socket->peerAddress().toString())
                              .arg(socket->peerPort())
                              .arg(consumer->frames)
                              .arg(text.left(80)));
        return;
    }
    if (*frames <= consumer->dealtWith)
        return;
    consumer->dealtWith = *frames;
    advance();
}

void RedisBridge::advance()
{
    if (!m_stream || m_consumers.isEmpty())
        return;
    quint64 dealtWith = std::numeric_limits<quint64>::max();
    for (const Consumer &c : std::as_const(m_consumers))
        dealtWith = std::min(dealtWith, c.base + c.dealtWith);
    m_stream->confirm(dealtWith);
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
    if (m_stream) {
        if (again)
            Q_EMIT logMessage(tr("Redis is back: reading stream %1 again").arg(m_config.stream));
        return; // the reader carries on by itself
    }
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
}

void RedisBridge::onRedisDropped(const QString &reason, int attempt)
{
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

void RedisBridge::onFramesRead(const std::vector<RedisStreamEntry> &entries)
{
    for (const RedisStreamEntry &entry : entries)
        broadcast(entry.payload);
    // A plain consumer's pong to a ping says it read every frame before it.
    for (Consumer &c : m_consumers)
        pingIfDue(c);
    updateHeldBack();
}

bool RedisBridge::streamHeldBack() const
{
    if (m_consumers.isEmpty() || m_stopping)
        return true;
    return std::any_of(m_consumers.begin(), m_consumers.end(), [](const Consumer &c) {
        return c.socket->bytesToWrite() > StreamPauseBytes;
    });
}

void RedisBridge::updateHeldBack()
{
    if (m_stream)
        m_stream->setHeldBack(streamHeldBack());
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
    if (m_stream) {
        line += tr(", acknowledged %1, awaiting acknowledgement %2")
                    .arg(s.acknowledged)
                    .arg(s.unacknowledged);
    }
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
    if (m_stream) {
        m_stream->stopReading();
        if (!m_stream->isSettled()) {
            // Let the consumers acknowledge what they were sent, and the group hear it, briefly;
            // the rest stays pending in the group for the next bridge.
            m_stopTimer.start(StopTimeoutMs);
            return;
        }
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
    if (m_stream) {
        Q_EMIT logMessage(tr("stopped; %1 entries acknowledged to group %2; what was not "
                             "acknowledged stays pending with consumer %3 for the next bridge "
                             "of the group")
                              .arg(m_stream->acknowledged())
                              .arg(m_config.group, m_stream->consumerName()));
        m_stream->close();
    } else {
        m_reader.close();
    }
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
