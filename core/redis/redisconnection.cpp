#include "redisconnection.h"

#include <hiredis/adapters/qt.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <utility>

namespace {

// Errors of a server that is starting or busy: worth retrying, unlike a refused password.
bool isTransient(const QByteArray &error)
{
    for (const char *prefix : {"LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN"}) {
        if (error.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

// What hiredis holds for one pending reply (or one subscription) as its privdata.
struct RedisConnection::Request
{
    ReplyHandler handler;
    bool persistent = false; // a subscription: called for every message
};

RedisConnection::RedisConnection(const RedisAddress &address, QObject *parent)
    : QObject(parent)
    , m_address(address)
    , m_adapter(std::make_unique<RedisQtAdapter>())
    , m_connectTimer(this) // children, so that moveToThread() takes them along
    , m_reconnector(this)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &RedisConnection::onConnectTimeout);
    connect(&m_reconnector, &Reconnector::retryDue, this, &RedisConnection::connectNow);
}

RedisConnection::~RedisConnection()
{
    freeContext();
    // hiredis's adapter writes to its last context when destroyed, and that context is freed by
    // now: hand it one that outlives it.
    redisAsyncContext detached {};
    m_adapter->setContext(&detached);
    m_adapter.reset();
}

void RedisConnection::open()
{
    if (m_state != State::Idle)
        return;
    connectNow();
}

void RedisConnection::connectNow()
{
    m_state = State::Connecting;
    const QByteArray host = m_address.host.toUtf8();
    redisAsyncContext *context = redisAsyncConnect(host.constData(), m_address.port);
    if (!context || context->err) {
        const QString reason =
            context ? QString::fromLocal8Bit(context->errstr) : tr("out of memory");
        if (context)
            redisAsyncFree(context);
        // Reported from the event loop, never from inside open().
        QTimer::singleShot(0, this, [this, reason] {
            if (m_state == State::Connecting && !m_context)
                lose(reason);
        });
        return;
    }
    context->data = this;
    m_adapter->setContext(context); // before the callbacks: setting one starts watching the socket
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnectCallback);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnectCallback);
    m_context = context;
    m_connectTimer.start(m_connectTimeoutMs);
}

void RedisConnection::onConnectCallback(const redisAsyncContext *context, int status)
{
    if (auto *self = static_cast<RedisConnection *>(context->data))
        self->onConnected(status);
}

void RedisConnection::onDisconnectCallback(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self || self->m_context != context)
        return;
    const QString reason = status == REDIS_OK || !context->errstr || !*context->errstr
        ? tr("the server closed the connection")
        : QString::fromLocal8Bit(context->errstr);
    self->onDisconnected(reason);
}

void RedisConnection::onReplyCallback(redisAsyncContext *, void *reply, void *privdata)
{
    auto *request = static_cast<Request *>(privdata);
    if (!reply) {
        // The context is going away: hiredis will not call this request again.
        delete request;
        return;
    }
    if (request->handler)
        request->handler(*static_cast<const redisReply *>(reply));
    if (!request->persistent)
        delete request;
}

void RedisConnection::onConnected(int status)
{
    if (status != REDIS_OK) {
        // hiredis frees the context once this callback returns.
        const QString reason = QString::fromLocal8Bit(m_context->errstr);
        m_context->data = nullptr;
        m_context = nullptr;
        lose(reason);
        return;
    }
    m_state = State::Handshaking;
    redisEnableKeepAlive(&m_context->c);
    m_handshakeReplies = 0;
    const auto step = [this](const QList<QByteArray> &arguments) {
        if (send(
                arguments, [this](const redisReply &reply) { onHandshakeReply(reply); }, false))
            ++m_handshakeReplies;
    };
    if (!m_address.password.isEmpty()) {
        if (m_address.user.isEmpty())
            step({QByteArrayLiteral("AUTH"), m_address.password.toUtf8()});
        else
            step({QByteArrayLiteral("AUTH"), m_address.user.toUtf8(), m_address.password.toUtf8()});
    }
    if (m_address.database != 0)
        step({QByteArrayLiteral("SELECT"), QByteArray::number(m_address.database)});
    // Proves the server answers commands (and tells if it wants a password we do not have).
    step({QByteArrayLiteral("PING")});
}

void RedisConnection::onHandshakeReply(const redisReply &reply)
{
    if (m_state != State::Handshaking)
        return;
    if (reply.type == REDIS_REPLY_ERROR) {
        const QByteArray error = replyText(reply);
        if (isTransient(error)) {
            lose(QString::fromUtf8(error));
            return;
        }
        if (error.startsWith("NOAUTH")) {
            fail(tr("%1 wants a password: give it in the URL (redis://:PASSWORD@HOST:PORT) or "
                    "in REDIS_PASSWORD")
                     .arg(m_address.toDisplayString()));
            return;
        }
        fail(tr("%1 refused the connection: %2")
                 .arg(m_address.toDisplayString(), QString::fromUtf8(error)));
        return;
    }
    if (--m_handshakeReplies > 0)
        return;
    m_connectTimer.stop();
    m_state = State::Ready;
    m_reconnector.connectionUp(); // a handshake alone does not restore the attempts
    m_everReady = true;
    Q_EMIT ready();
}

void RedisConnection::onConnectTimeout()
{
    if (m_state == State::Connecting || m_state == State::Handshaking)
        lose(tr("no answer within %1 s").arg(m_connectTimeoutMs / 1000.0));
}

void RedisConnection::onDisconnected(const QString &reason)
{
    // hiredis frees the context once this callback returns.
    m_context = nullptr;
    if (m_state == State::Closed || m_state == State::Idle)
        return;
    lose(reason);
}

void RedisConnection::lose(const QString &reason)
{
    m_connectTimer.stop();
    freeContext();
    if (!m_everReady && !m_retryFirst) {
        fail(tr("cannot connect to %1: %2").arg(m_address.toDisplayString(), reason));
        return;
    }
    if (m_reconnector.scheduleRetry()) {
        m_state = State::WaitingToReconnect;
        Q_EMIT dropped(reason, m_reconnector.attempt());
        return;
    }
    fail(tr("lost %1 and could not reconnect: %2").arg(m_address.toDisplayString(), reason));
}

void RedisConnection::fail(const QString &reason)
{
    m_state = State::Closed;
    m_connectTimer.stop();
    m_reconnector.cancel();
    freeContext();
    Q_EMIT failed(reason);
}

void RedisConnection::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_connectTimer.stop();
    m_reconnector.cancel();
    freeContext();
    QTimer::singleShot(0, this, &RedisConnection::closed);
}

void RedisConnection::freeContext()
{
    if (!m_context)
        return;
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    context->data = nullptr; // its callbacks are no longer ours
    // Inside one of its callbacks hiredis defers this until the callback returns.
    redisAsyncFree(context);
}

bool RedisConnection::command(const QList<QByteArray> &arguments, ReplyHandler handler)
{
    if (m_state != State::Ready)
        return false;
    return send(arguments, std::move(handler), false);
}

bool RedisConnection::subscribe(const QByteArray &channel, std::function<void()> subscribed,
                                std::function<void(QByteArrayView payload)> message)
{
    if (m_state != State::Ready)
        return false;
    // Pushed replies: ["subscribe", channel, count] once, then ["message", channel, payload].
    auto onPush = [subscribed = std::move(subscribed),
                   message = std::move(message)](const redisReply &reply) {
        if (reply.type != REDIS_REPLY_ARRAY || reply.elements < 3
            || reply.element[0]->type != REDIS_REPLY_STRING)
            return;
        const QByteArrayView kind(reply.element[0]->str, qsizetype(reply.element[0]->len));
        if (kind == "message") {
            const redisReply &payload = *reply.element[2];
            message(QByteArrayView(payload.str, qsizetype(payload.len)));
        } else if (kind == "subscribe") {
            subscribed();
        }
    };
    return send({QByteArrayLiteral("SUBSCRIBE"), channel}, std::move(onPush), true);
}

bool RedisConnection::send(const QList<QByteArray> &arguments, ReplyHandler handler,
                           bool persistent)
{
    if (!m_context || arguments.isEmpty())
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(std::size_t(arguments.size()));
    lengths.reserve(std::size_t(arguments.size()));
    for (const QByteArray &a : arguments) {
        argv.push_back(a.constData());
        lengths.push_back(std::size_t(a.size()));
    }
    auto *request = new Request {std::move(handler), persistent};
    if (redisAsyncCommandArgv(m_context, &RedisConnection::onReplyCallback, request,
                              int(argv.size()), argv.data(), lengths.data())
        != REDIS_OK) {
        delete request;
        return false;
    }
    return true;
}

QByteArray RedisConnection::replyText(const redisReply &reply)
{
    switch (reply.type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        return QByteArray(reply.str, qsizetype(reply.len));
    case REDIS_REPLY_INTEGER:
        return QByteArray::number(reply.integer);
    default:
        return {};
    }
}

std::vector<RedisStreamEntry> RedisConnection::streamEntries(const redisReply &reply)
{
    // [[key, [[id, [field, value, ...]], ...]]], or nil when BLOCK timed out.
    if (reply.type != REDIS_REPLY_ARRAY || reply.elements == 0)
        return {};
    const redisReply &stream = *reply.element[0];
    if (stream.type != REDIS_REPLY_ARRAY || stream.elements < 2)
        return {};
    return entryList(*stream.element[1]);
}

std::vector<RedisStreamEntry> RedisConnection::entryList(const redisReply &entries)
{
    std::vector<RedisStreamEntry> out;
    if (entries.type != REDIS_REPLY_ARRAY)
        return out;
    out.reserve(entries.elements);
    for (size_t i = 0; i < entries.elements; ++i) {
        const redisReply &entry = *entries.element[i];
        if (entry.type != REDIS_REPLY_ARRAY || entry.elements < 2)
            continue;
        RedisStreamEntry e;
        e.id = replyText(*entry.element[0]);
        const redisReply &fields = *entry.element[1];
        // A pending entry deleted from the stream comes back as [id, nil].
        e.deleted = fields.type != REDIS_REPLY_ARRAY;
        if (fields.type == REDIS_REPLY_ARRAY && fields.elements >= 2) {
            e.payload = replyText(*fields.element[1]);
            for (size_t f = 0; f + 1 < fields.elements; f += 2) {
                const redisReply &name = *fields.element[f];
                if (QByteArrayView(name.str, qsizetype(name.len)) == "data") {
                    e.payload = replyText(*fields.element[f + 1]);
                    break;
                }
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

QByteArray RedisConnection::lastStreamId(const redisReply &reply)
{
    if (reply.type == REDIS_REPLY_ARRAY && reply.elements > 0
        && reply.element[0]->type == REDIS_REPLY_ARRAY && reply.element[0]->elements > 0)
        return replyText(*reply.element[0]->element[0]);
    return QByteArrayLiteral("0-0");
}
