#include "redissource.h"

#include <hiredis/hiredis.h>

RedisSource::RedisSource(const RedisAddress &address, const RedisFeedConfig &feed, QObject *parent)
    : MessageSource(parent)
    , m_feed(feed)
    , m_connection(address, this) // a child, so that moveToThread() takes it along
{
    connect(&m_connection, &RedisConnection::ready, this, &RedisSource::onReady);
    connect(&m_connection, &RedisConnection::dropped, this, &RedisSource::onDropped);
    connect(&m_connection, &RedisConnection::failed, this, &RedisSource::onFailed);
    connect(&m_connection, &RedisConnection::closed, this, &RedisSource::onClosed);
}

void RedisSource::setReconnectPolicy(const ReconnectPolicy &policy)
{
    m_connection.setReconnectPolicy(policy);
}

void RedisSource::setConnectTimeoutMs(int ms)
{
    m_connection.setConnectTimeoutMs(ms);
}

QString RedisSource::description() const
{
    return m_feed.description();
}

void RedisSource::open()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Connecting;
    m_connection.open();
}

void RedisSource::close()
{
    if (m_state == State::Closing || m_state == State::Ended)
        return;
    m_state = State::Closing;
    m_connection.close(); // closed() follows from the event loop
}

void RedisSource::setPaused(bool paused)
{
    // A channel keeps reading (see the class comment); a stream simply stops asking.
    if (!m_feed.isStream())
        return;
    m_paused = paused;
    if (!paused)
        readStream();
}

void RedisSource::onReady()
{
    m_reading = false; // an XREAD on the previous connection died with it
    if (!m_feed.isStream()) {
        m_connection.subscribe(
            m_feed.channel.toUtf8(), [this] { markLive(); },
            [this](QByteArrayView payload) {
                if (m_state == State::Live)
                    deliver(payload);
            });
        return;
    }
    if (!m_lastId.isEmpty()) {
        markLive(); // reconnected: carry on after the last entry delivered
        readStream();
        return;
    }
    if (m_feed.streamFrom == QLatin1String("$")) {
        // "$" is resolved once, so that a reconnect does not skip what was added meanwhile.
        m_connection.command({QByteArrayLiteral("XREVRANGE"), m_feed.stream.toUtf8(),
                              QByteArrayLiteral("+"), QByteArrayLiteral("-"),
                              QByteArrayLiteral("COUNT"), QByteArrayLiteral("1")},
                             [this](const redisReply &reply) { onStreamStart(reply); });
        return;
    }
    m_lastId = RedisStreamId::normalised(m_feed.streamFrom).toLatin1();
    markLive();
    readStream();
}

void RedisSource::onStreamStart(const redisReply &reply)
{
    if (reply.type == REDIS_REPLY_ERROR) {
        failWith(tr("cannot read the stream %1: %2")
                     .arg(m_feed.stream, QString::fromUtf8(RedisConnection::replyText(reply))));
        return;
    }
    m_lastId = RedisConnection::lastStreamId(reply);
    markLive();
    readStream();
}

void RedisSource::markLive()
{
    if (m_state != State::Connecting && m_state != State::Live)
        return;
    m_state = State::Live;
    if (m_everLive) {
        Q_EMIT reconnected();
    } else {
        m_everLive = true;
        Q_EMIT connected();
    }
}

void RedisSource::readStream()
{
    if (!m_feed.isStream() || m_reading || m_paused || m_state != State::Live)
        return;
    m_reading = m_connection.command(
        {QByteArrayLiteral("XREAD"), QByteArrayLiteral("COUNT"), QByteArray::number(StreamBatch),
         QByteArrayLiteral("BLOCK"), QByteArray::number(StreamBlockMs),
         QByteArrayLiteral("STREAMS"), m_feed.stream.toUtf8(), m_lastId},
        [this](const redisReply &reply) { onStreamReply(reply); });
}

void RedisSource::onStreamReply(const redisReply &reply)
{
    m_reading = false;
    if (m_state != State::Live)
        return;
    if (reply.type == REDIS_REPLY_ERROR) {
        failWith(tr("cannot read the stream %1: %2")
                     .arg(m_feed.stream, QString::fromUtf8(RedisConnection::replyText(reply))));
        return;
    }
    for (const RedisStreamEntry &entry : RedisConnection::streamEntries(reply)) {
        if (m_state != State::Live)
            break; // closed by a receiver (--count reached)
        m_lastId = entry.id;
        deliver(entry.payload);
    }
    readStream();
}

void RedisSource::deliver(QByteArrayView payload)
{
    m_connection.markDelivered();
    const QString text = m_utf8.decode(payload);
    if (m_utf8.hasError()) {
        // Not text: a WebSocket would carry it as a binary frame, and so do we.
        m_utf8.resetState();
        Q_EMIT binaryReceived(payload.toByteArray());
        return;
    }
    Q_EMIT textReceived(text);
}

void RedisSource::onDropped(const QString &reason, int attempt)
{
    m_reading = false;
    if (m_state == State::Live)
        m_state = State::Connecting;
    Q_EMIT dropped(reason, attempt);
}

void RedisSource::failWith(const QString &reason)
{
    m_state = State::Ended;
    m_connection.close();
    Q_EMIT failed(reason);
}

void RedisSource::onFailed(const QString &reason)
{
    if (m_state == State::Ended)
        return;
    m_state = State::Ended;
    Q_EMIT failed(reason);
}

void RedisSource::onClosed()
{
    if (m_state != State::Closing)
        return;
    m_state = State::Ended;
    Q_EMIT ended();
}
