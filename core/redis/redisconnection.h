#pragma once

#include "redisaddress.h"
#include "transport/reconnector.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

struct redisAsyncContext;
struct redisReply;
class RedisQtAdapter;

// One entry of a stream as XREAD returns it: its id, and the frame it carries.
struct RedisStreamEntry
{
    QByteArray id;
    QByteArray payload; // the `data` field, or else the first field's value
    // A consumer group's pending entry that is no longer in the stream (XDEL, trimmed): no
    // fields, nothing to deliver.
    bool deleted = false;
};

/*!
    One connection to Redis through hiredis's asynchronous API, driven by the Qt event loop with
    hiredis's own Qt adapter (socket notifiers: no thread, no polling).

    open() connects, authenticates (AUTH, when there is a password), selects the database and
    checks that the server answers (PING); then ready(). A connection that is lost later is
    reconnected with backoff per the ReconnectPolicy, and every completed handshake emits ready()
    again: the owner issues its SUBSCRIBE or XREAD there. A refused password is final (failed()).
    After a drop the attempts start again from 1 only once the owner reports a delivery
    (markDelivered()) or the connection stayed up stableAfterMs: a server that drops right
    after every handshake uses up the attempts.

    Lives in one thread. Reply handlers run inside hiredis's read callback: keep them short, and
    never delete this object from one (use deleteLater()).
*/
class RedisConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisConnection)

public:
    // The reply of one command. Never null; an error reply
    // has type REDIS_REPLY_ERROR. Valid only during the call.
    using ReplyHandler = std::function<void(const redisReply &reply)>;

    explicit RedisConnection(const RedisAddress &address, QObject *parent = nullptr);
    ~RedisConnection() override;

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnector.setPolicy(policy); }
    void setConnectTimeoutMs(int ms) { m_connectTimeoutMs = ms; }
    // A service retries a first connection that cannot be made; a run fails at once (default).
    void setRetryFirstConnection(bool retry) { m_retryFirst = retry; }

    void open();
    // Drops the connection and any pending replies; closed() follows from the event loop.
    void close();

    bool isReady() const { return m_state == State::Ready; }
    // A payload or a stream entry arrived: this connection works, the attempts are restored.
    void markDelivered() { m_reconnector.delivered(); }
    const RedisAddress &address() const { return m_address; }

    // Sends a command when ready; `handler` gets its reply unless the connection is lost first.
    // False when not ready.
    bool command(const QList<QByteArray> &arguments, ReplyHandler handler = {});
    // SUBSCRIBE: `subscribed` once Redis confirms, then `message` with every payload published,
    // until the connection ends. No other command may follow on this connection.
    bool subscribe(const QByteArray &channel, std::function<void()> subscribed,
                   std::function<void(QByteArrayView payload)> message);

    // The text of a string, status or error reply.
    static QByteArray replyText(const redisReply &reply);
    // The entries of an XREAD (or XREADGROUP) reply on one stream (none when BLOCK timed out).
    static std::vector<RedisStreamEntry> streamEntries(const redisReply &reply);
    // The entries of a plain list of [id, [field, value, ...]] (XRANGE, XAUTOCLAIM's second
    // element).
    static std::vector<RedisStreamEntry> entryList(const redisReply &entries);
    // The id of the entry an XREVRANGE KEY + - COUNT 1 reply holds; "0-0" for an empty stream.
    static QByteArray lastStreamId(const redisReply &reply);

Q_SIGNALS:
    // Connected, authenticated and answering: (re)issue subscriptions and reads.
    void ready();
    // The connection was lost (or could not be made); reconnecting, attempt numbers from 1.
    void dropped(const QString &reason, int attempt);
    // Could not connect, the password was refused, or reconnecting gave up: nothing follows.
    void failed(const QString &reason);
    void closed();

private:
    enum class State { Idle, Connecting, Handshaking, Ready, WaitingToReconnect, Closed };
    struct Request;

    static void onConnectCallback(const redisAsyncContext *context, int status);
    static void onDisconnectCallback(const redisAsyncContext *context, int status);
    static void onReplyCallback(redisAsyncContext *context, void *reply, void *privdata);

    void connectNow();
    void onConnected(int status);
    void onDisconnected(const QString &reason);
    void onHandshakeReply(const redisReply &reply);
    void onConnectTimeout();
    void lose(const QString &reason);
    void fail(const QString &reason);
    void freeContext();
    bool send(const QList<QByteArray> &arguments, ReplyHandler handler, bool persistent);

    RedisAddress m_address;
    int m_connectTimeoutMs = 10000;
    bool m_retryFirst = false;
    State m_state = State::Idle;
    redisAsyncContext *m_context = nullptr;
    std::unique_ptr<RedisQtAdapter> m_adapter;
    QTimer m_connectTimer;
    Reconnector m_reconnector;
    int m_handshakeReplies = 0; // replies still awaited before ready()
    bool m_everReady = false;
};
