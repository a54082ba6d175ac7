#pragma once

// What the Redis bridge tests share: an out-of-order feed to publish, the real programs as child
// processes, and what a sink received, read per connection.

#include "protocol/messagecodec.h"
#include "redistestserver.h"
#include "simulator/feedgenerator.h"
#include "simulator/feedsimulator.h"
#include "simulator/simulatorhost.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <set>
#include <vector>

namespace BridgeTestUtil {

constexpr int StartTimeoutMs = 10000;
constexpr int RunTimeoutMs = 90000;

// What every bridge test runs against: a redis-server of its own with a client, a simulator
// whose sinks record what they receive, and a folder for the run's files.
struct BridgeTestBed
{
    RedisTestServer redis;
    RedisTestClient client;
    SimulatorHost sinkHost;
    QTemporaryDir dir;

    // The error in words, or empty.
    QString start()
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary folder");
        QString error;
        if (!redis.start(&error) || !client.connect(redis.port(), &error))
            return error;
        if (!sinkHost.start(0))
            return sinkHost.errorString();
        sinkHost.simulator()->setRecordSinkFrames(true);
        return QString();
    }
    void stop()
    {
        sinkHost.stop();
        redis.stop();
    }
};

// One message of the feed as published: its payload, and its id (-1 for junk).
struct Published
{
    QByteArray payload;
    qint64 id = -1;
};

// `count` messages out of order (each at most 50 places from its sorted place), with the plain
// words of the original demo mixed in at `junkAt`.
inline std::vector<Published> outOfOrderFeed(quint64 seed, int count,
                                             const std::vector<int> &junkAt = {})
{
    FeedParams params;
    params.count = quint64(count);
    params.disorder = 50;
    params.seed = seed;
    FeedGenerator generator(params);
    std::vector<Published> feed;
    FeedFrame frame;
    while (generator.next(frame)) {
        if (std::find(junkAt.begin(), junkAt.end(), int(feed.size())) != junkAt.end())
            feed.push_back(Published {QByteArrayLiteral("hello"), -1});
        feed.push_back(Published {frame.text.toUtf8(), frame.id});
    }
    return feed;
}

inline QList<QByteArray> payloads(const std::vector<Published> &feed, std::size_t first,
                                  std::size_t end)
{
    QList<QByteArray> out;
    for (std::size_t i = first; i < end && i < feed.size(); ++i)
        out << feed[i].payload;
    return out;
}

inline qint64 number(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger(-1);
}

// The ids a sink received, over all its connections.
inline std::set<qint64> sinkIds(const FeedSimulator *simulator, const QString &name)
{
    std::set<qint64> ids;
    for (const QString &frame : simulator->sinkFrames(name)) {
        const DecodedMessage m = MessageCodec::decode(frame);
        if (m.isValid())
            ids.insert(m.id);
    }
    return ids;
}

// Empty when each of the sink's connections received strictly increasing ids; else where not.
inline QString orderProblem(const FeedSimulator *simulator, const QString &name)
{
    const QStringList frames = simulator->sinkFrames(name);
    QList<quint64> starts = simulator->sinkConnectionStarts(name);
    qint64 last = 0;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const qint64 id = MessageCodec::decode(frames[i]).id;
        if (!starts.contains(quint64(i)) && i > 0 && id <= last)
            return QStringLiteral("sink %1, frame %2: id %3 after %4")
                .arg(name)
                .arg(i)
                .arg(id)
                .arg(last);
        last = id;
    }
    return {};
}

// A child process of ours whose output is collected as it comes.
class Child final
{
    Q_DISABLE_COPY_MOVE(Child)

public:
    Child() { m_process.setProcessChannelMode(QProcess::MergedChannels); }
    ~Child() { stop(); }

    bool start(const QString &program, const QStringList &arguments)
    {
        m_output.clear();
        m_process.start(program, arguments);
        return m_process.waitForStarted(StartTimeoutMs);
    }
    QString output()
    {
        m_output += QString::fromLocal8Bit(m_process.readAll());
        return m_output;
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    void setEnvironment(const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
    }
    // SIGTERM (a clean stop) and wait; false when it had to be killed.
    bool terminate(int timeoutMs = 30000)
    {
        if (!running())
            return true;
        m_process.terminate();
        if (m_process.waitForFinished(timeoutMs))
            return true;
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    // SIGKILL: a crash.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    void stop()
    {
        if (running())
            kill();
    }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QString m_output;
};

// Starts reorder-bridge (`program`) on 127.0.0.1:port (0: any free port) with a report every
// second; the URL its first line gives consumers, or an empty URL when it gave none in time.
inline QUrl startBridge(Child &bridge, const QString &program, const QString &redisUrl,
                        const QStringList &arguments, quint16 port = 0)
{
    if (!bridge.start(program,
                      QStringList {QStringLiteral("--redis"), redisUrl, QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(port),
                                   QStringLiteral("--report-interval"), QStringLiteral("1")}
                          + arguments))
        return {};
    const QRegularExpression first(QStringLiteral("^consumers: (\\S+)"),
                                   QRegularExpression::MultilineOption);
    QUrl url;
    const bool said = QTest::qWaitFor(
        [&] {
            const QRegularExpressionMatch match = first.match(bridge.output());
            if (match.hasMatch())
                url = QUrl(match.captured(1));
            return url.isValid() || !bridge.running();
        },
        StartTimeoutMs);
    return said ? url : QUrl();
}

} // namespace BridgeTestUtil
