#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <vector>

struct redisContext;
struct redisReply;

/*!
    A real redis-server for a test: a child process on a free loopback port, stopped by its PID
    (QProcess terminate/kill), never by name. A missing redis-server is an error, not a skip.
*/
class RedisTestServer final
{
    Q_DISABLE_COPY_MOVE(RedisTestServer)

public:
    RedisTestServer() = default;
    ~RedisTestServer();

    // Starts on a free port the first time, on the same port after a stop(); waits until it
    // answers PING. `extraArguments` go to redis-server (e.g. --requirepass, --appendonly yes).
    bool start(QString *error, const QStringList &extraArguments = {});
    // SIGTERM, then SIGKILL if it does not go within 10 s.
    void stop();
    // SIGKILL: a crash (what it keeps is what its append-only file or snapshot holds).
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    QString url() const;
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QTemporaryDir m_dir; // its working directory (append-only files, the log)
    QStringList m_arguments;
    quint16 m_port = 0;
};

/*!
    A blocking hiredis client for test set-up: publishing, adding stream entries, asking.
*/
class RedisTestClient final
{
    Q_DISABLE_COPY_MOVE(RedisTestClient)

public:
    RedisTestClient() = default;
    ~RedisTestClient();

    bool connect(quint16 port, QString *error = nullptr, const QByteArray &password = {});
    void disconnect();
    bool isConnected() const { return m_context != nullptr; }

    // One command; its reply text (string, status, error or integer), or nullopt when the
    // connection failed.
    std::optional<QByteArray> command(const QList<QByteArray> &arguments);
    // PUBLISH every payload, pipelined in batches; each one's number of receivers, or -1 when
    // the connection failed before it was sent (then the rest is -1 too).
    std::vector<long long> publish(const QByteArray &channel, const QList<QByteArray> &payloads);
    // XADD stream * data PAYLOAD for every payload, pipelined; false when the connection failed
    // or an entry was refused.
    bool addToStream(const QByteArray &stream, const QList<QByteArray> &payloads);
    // PUBSUB NUMSUB channel; -1 on failure.
    long long subscribers(const QByteArray &channel);
    // XPENDING stream group: the entries delivered and not acknowledged; -1 on failure (no
    // such group).
    long long pendingEntries(const QByteArray &stream, const QByteArray &group);

private:
    // One command whose reply is an array: its integer at `index`; -1 on failure.
    long long integerInArray(const QList<QByteArray> &arguments, std::size_t index);

    redisContext *m_context = nullptr;
};
