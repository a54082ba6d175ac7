#include "redistestserver.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QThread>

#include <hiredis/hiredis.h>

#include <optional>

namespace {

using namespace TestUtil;

constexpr int PipelineBatch = 1000;

} // namespace

RedisTestServer::~RedisTestServer()
{
    stop();
}

QString RedisTestServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool RedisTestServer::start(QString *error, const QStringList &extraArguments)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    if (m_port == 0) {
        m_port = unusedPort();
        m_arguments = extraArguments;
    }
    m_process.setWorkingDirectory(m_dir.path());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("redis.log")), QIODevice::Append);
    m_process.start(QStringLiteral("redis-server"),
                    QStringList {QStringLiteral("--port"), QString::number(m_port),
                                 QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                 QStringLiteral("--save"), QString(), QStringLiteral("--dir"),
                                 m_dir.path(), QStringLiteral("--daemonize"), QStringLiteral("no")}
                        + m_arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start redis-server (%1): install it, e.g. apt-get "
                                "install redis-server")
                     .arg(m_process.errorString());
        return false;
    }
    // Ready when it answers PONG (or NOAUTH when it wants a password); LOADING is not ready.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        RedisTestClient probe;
        if (probe.connect(m_port)) {
            const auto reply = probe.command({QByteArrayLiteral("PING")});
            if (reply && (*reply == "PONG" || reply->startsWith("NOAUTH")))
                return true;
        }
        QThread::msleep(20);
    }
    QFile log(m_dir.filePath(QStringLiteral("redis.log")));
    log.open(QIODevice::ReadOnly);
    *error = QStringLiteral("redis-server on port %1 did not come up: %2")
                 .arg(m_port)
                 .arg(QString::fromLocal8Bit(log.readAll().right(2000)));
    stop();
    return false;
}

void RedisTestServer::stop()
{
    if (!isRunning())
        return;
    m_process.terminate(); // SIGTERM to our child's PID
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void RedisTestServer::kill()
{
    if (!isRunning())
        return;
    m_process.kill(); // SIGKILL to our child's PID
    m_process.waitForFinished(5000);
}

// ---------------------------------------------------------------------------------------------

RedisTestClient::~RedisTestClient()
{
    disconnect();
}

bool RedisTestClient::connect(quint16 port, QString *error, const QByteArray &password)
{
    disconnect();
    const timeval timeout {5, 0};
    redisContext *context = redisConnectWithTimeout("127.0.0.1", port, timeout);
    if (!context || context->err) {
        if (error)
            *error =
                context ? QString::fromLocal8Bit(context->errstr) : QStringLiteral("out of memory");
        if (context)
            redisFree(context);
        return false;
    }
    redisSetTimeout(context, timeval {30, 0});
    m_context = context;
    if (!password.isEmpty()) {
        const auto reply = command({QByteArrayLiteral("AUTH"), password});
        if (!reply || *reply != "OK") {
            if (error)
                *error = QStringLiteral("AUTH failed");
            disconnect();
            return false;
        }
    }
    return true;
}

void RedisTestClient::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

namespace {

void append(redisContext *context, const QList<QByteArray> &arguments)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : arguments) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    redisAppendCommandArgv(context, int(argv.size()), argv.data(), lengths.data());
}

// The reply's text, or nullopt when the connection failed.
std::optional<QByteArray> takeReply(redisContext *context, long long *integer = nullptr,
                                    bool *error = nullptr)
{
    void *raw = nullptr;
    if (redisGetReply(context, &raw) != REDIS_OK || !raw)
        return std::nullopt;
    auto *reply = static_cast<redisReply *>(raw);
    if (error)
        *error = reply->type == REDIS_REPLY_ERROR;
    QByteArray text;
    if (reply->type == REDIS_REPLY_INTEGER) {
        text = QByteArray::number(reply->integer);
        if (integer)
            *integer = reply->integer;
    } else if (reply->str) {
        text = QByteArray(reply->str, qsizetype(reply->len));
    }
    freeReplyObject(reply);
    return text;
}

} // namespace

std::optional<QByteArray> RedisTestClient::command(const QList<QByteArray> &arguments)
{
    if (!m_context)
        return std::nullopt;
    append(m_context, arguments);
    auto reply = takeReply(m_context);
    if (!reply)
        disconnect();
    return reply;
}

std::vector<long long> RedisTestClient::publish(const QByteArray &channel,
                                                const QList<QByteArray> &payloads)
{
    std::vector<long long> receivers(std::size_t(payloads.size()), -1);
    for (qsizetype first = 0; first < payloads.size() && m_context; first += PipelineBatch) {
        const qsizetype end = std::min<qsizetype>(first + PipelineBatch, payloads.size());
        for (qsizetype i = first; i < end; ++i)
            append(m_context, {QByteArrayLiteral("PUBLISH"), channel, payloads[i]});
        for (qsizetype i = first; i < end; ++i) {
            long long n = -1;
            if (!takeReply(m_context, &n)) {
                disconnect();
                break;
            }
            receivers[std::size_t(i)] = n;
        }
    }
    return receivers;
}

bool RedisTestClient::addToStream(const QByteArray &stream, const QList<QByteArray> &payloads)
{
    for (qsizetype first = 0; first < payloads.size(); first += PipelineBatch) {
        if (!m_context)
            return false;
        const qsizetype end = std::min<qsizetype>(first + PipelineBatch, payloads.size());
        for (qsizetype i = first; i < end; ++i)
            append(m_context,
                   {QByteArrayLiteral("XADD"), stream, QByteArrayLiteral("*"),
                    QByteArrayLiteral("data"), payloads[i]});
        bool failed = false;
        for (qsizetype i = first; i < end; ++i) {
            bool error = false;
            if (!takeReply(m_context, nullptr, &error)) {
                disconnect();
                return false;
            }
            failed = failed || error;
        }
        if (failed)
            return false;
    }
    return true;
}

long long RedisTestClient::subscribers(const QByteArray &channel)
{
    // [channel, count]
    return integerInArray({QByteArrayLiteral("PUBSUB"), QByteArrayLiteral("NUMSUB"), channel}, 1);
}

long long RedisTestClient::pendingEntries(const QByteArray &stream, const QByteArray &group)
{
    // [count, smallest id, largest id, consumers]
    return integerInArray({QByteArrayLiteral("XPENDING"), stream, group}, 0);
}

long long RedisTestClient::integerInArray(const QList<QByteArray> &arguments, std::size_t index)
{
    if (!m_context)
        return -1;
    append(m_context, arguments);
    void *raw = nullptr;
    if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
        disconnect();
        return -1;
    }
    auto *reply = static_cast<redisReply *>(raw);
    long long n = -1;
    if (reply->type == REDIS_REPLY_ARRAY && reply->elements > index
        && reply->element[index]->type == REDIS_REPLY_INTEGER)
        n = reply->element[index]->integer;
    freeReplyObject(reply);
    return n;
}
