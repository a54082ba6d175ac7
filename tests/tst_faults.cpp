#include "protocol/messagecodec.h"
#include "run/runcontroller.h"
#include "runtoend.h"
#include "simulator/feedgenerator.h"
#include "simulator/simulatorhost.h"
#include "transport/websocketsource.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <limits>

namespace {

constexpr int RunTimeoutMs = 120000;

// What a sink received, connection by connection: each connection strictly increasing, nothing
// released missing, and every repeat explained by a re-send after a reconnection.
struct SinkCheck
{
    quint64 frames = 0;
    quint64 unique = 0;
    quint64 repeats = 0;
    bool eachConnectionOrdered = true;
    QString problem;
};

SinkCheck checkSink(const QStringList &frames, const QList<quint64> &starts)
{
    SinkCheck c;
    c.frames = quint64(frames.size());
    std::optional<qint64> highest; // over all connections so far
    for (qsizetype k = 0; k < starts.size(); ++k) {
        const qsizetype begin = qsizetype(starts[k]);
        const qsizetype end = k + 1 < starts.size() ? qsizetype(starts[k + 1]) : frames.size();
        std::optional<qint64> last;
        for (qsizetype i = begin; i < end; ++i) {
            const DecodedMessage m = MessageCodec::decode(frames[i]);
            if (!m.isValid()) {
                c.problem = QStringLiteral("malformed frame at %1").arg(i);
                return c;
            }
            if (last && m.id <= *last) {
                c.eachConnectionOrdered = false;
                c.problem =
                    QStringLiteral("connection %1: id %2 after %3").arg(k).arg(m.id).arg(*last);
            }
            last = m.id;
            if (!highest || m.id > *highest) {
                highest = m.id;
                ++c.unique;
            } else {
                ++c.repeats;
            }
        }
    }
    return c;
}

// A test-local feed that plays a script per connection: what the simulator cannot do.
class ScriptedFeed final : public QObject
{
public:
    using Script = std::function<void(QWebSocket *socket, int connection)>;

    explicit ScriptedFeed(Script script)
        : m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
        , m_script(std::move(script))
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                m_script(socket, m_connections++);
            }
        });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void stopListening() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/raw-messages").arg(m_server.serverPort()));
    }
    int connections() const { return m_connections; }

private:
    QWebSocketServer m_server;
    Script m_script;
    int m_connections = 0;
};

// A WebSocket peer that completes the handshake and then never reads again: pings go
// unanswered and TCP fills up, as with a sink whose process hangs.
class StalledSink final : public QTcpServer
{
public:
    StalledSink()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (socket->property("upgraded").toBool())
                        return;
                    const QByteArray request = socket->peek(socket->bytesAvailable());
                    if (!request.contains("\r\n\r\n"))
                        return;
                    socket->read(request.indexOf("\r\n\r\n") + 4);
                    QByteArray key;
                    for (const QByteArray &line : request.split('\n')) {
                        if (line.toLower().startsWith("sec-websocket-key:"))
                            key = line.mid(18).trimmed();
                    }
                    const QByteArray accept =
                        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                 QCryptographicHash::Sha1)
                            .toBase64();
                    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                                  + accept + "\r\n\r\n");
                    socket->setProperty("upgraded", true);
                    socket->setReadBufferSize(1); // read no further: the kernel's buffer fills
                });
            }
        });
    }
};

QString message(qint64 id)
{
    return QStringLiteral("{\"id\":%1,\"text\":%2}").arg(id).arg(id % 1000);
}

} // namespace

// The pipeline under the faults that feeds, sinks and networks produce, end to end over
// loopback with the built-in simulator.
class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void feedDropsAndResumes();
    void feedClosesWithErrorCode();
    void feedClosesNormallyMidRun();
    void sinkDropsMidSend();
    void sinkDropsWhileFeedPaused();
    void feedDropsWhileFeedPaused();
    void oversizedFramesAreMalformed();
    void hardLimitIsADrop();
    void idsAtTheEdges();
    void feedUnreachableForAWhile();
    void stalledFeedStillReleasesAndEnds();
    void stalledSinkEnds();
    void batchMemoryCap();
    void refusedAfterEveryHandshake_data();
    void refusedAfterEveryHandshake();
    void stopAtAnyMoment_data();
    void stopAtAnyMoment();

private:
    RunReport run(const RunConfig &config, RunController *controller = nullptr);
    QString nextName(const char *prefix)
    {
        return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(++m_counter);
    }

    SimulatorHost m_host;
    FeedSimulator *m_sim = nullptr;
    int m_counter = 0;
};

void tst_Faults::initTestCase()
{
    QVERIFY2(m_host.start(0), qPrintable(m_host.errorString()));
    m_sim = m_host.simulator();
    m_sim->setRecordSinkFrames(true);
}

void tst_Faults::cleanupTestCase()
{
    m_host.stop();
}

RunReport tst_Faults::run(const RunConfig &config, RunController *controller)
{
    return runToEnd(config, controller, RunTimeoutMs);
}

void tst_Faults::feedDropsAndResumes()
{
    // The feed vanishes three times; each time it comes back where it stopped and first repeats
    // its last 300 frames. The repeats are duplicates, never forwarded twice.
    FeedParams params;
    params.count = 20000;
    params.disorder = 20;
    params.seed = 21;
    params.junk = 0.01;
    params.dropAfter = 4000;
    params.drops = 3;
    params.replay = 300;
    const QString sink = nextName("feeddrop");
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 64;
    RunController controller;
    QStringList messages;
    connect(&controller, &RunController::notice, this,
            [&messages](const QString &m) { messages << m; });
    const RunReport report = run(config, &controller);
    const FeedStats feed = m_sim->lastFeed();

    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(feed.drops, quint64(3));
    QCOMPARE(feed.connections, quint64(4));
    QVERIFY(feed.finished);
    QCOMPARE(report.counters.feedDrops, quint64(3));
    QCOMPARE(report.counters.feedReconnects, quint64(3));
    QCOMPARE(report.counters.received, feed.frames);
    QCOMPARE(report.counters.malformed, feed.junk);
    QCOMPARE(report.counters.duplicates, feed.duplicates);
    QVERIFY(feed.replayed >= 3 * 300 - 3 * 300 / 10); // most replayed frames are messages
    QCOMPARE(report.counters.sent, params.count);
    QCOMPARE(report.counters.late, quint64(0));
    QCOMPARE(report.counters.missingIds, quint64(0));
    QVERIFY2(messages.join(' ').contains(QStringLiteral("dropped")),
             qPrintable(messages.join('\n')));

    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, params.count);
    QVERIFY(stats.validation.ordered());
    QCOMPARE(stats.validation.missingIds, quint64(0));
}

void tst_Faults::feedClosesWithErrorCode()
{
    // A close frame with an error code is not the end of the feed: reconnect.
    FeedParams params;
    params.count = 6000;
    params.disorder = 10;
    params.dropAfter = 2500;
    params.drops = 2;
    params.closeCode = 1011;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(nextName("feedcode"));
    config.window = 32;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.feedDrops, quint64(2));
    QCOMPARE(report.counters.feedReconnects, quint64(2));
    QCOMPARE(report.counters.sent, params.count);
}

void tst_Faults::feedClosesNormallyMidRun()
{
    // Code 1000 is the feed saying it is complete, even early: flush and finish, no reconnect.
    FeedParams params;
    params.count = 6000;
    params.disorder = 10;
    params.dropAfter = 2500;
    params.drops = 1;
    params.closeCode = 1000;
    const QString sink = nextName("feed1000");
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 32;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.feedDrops, quint64(0));
    QCOMPARE(report.counters.received, quint64(2500));
    QCOMPARE(report.counters.sent, quint64(2500));
    QCOMPARE(m_sim->sinkStats(sink).frames, quint64(2500));
}

void tst_Faults::sinkDropsMidSend()
{
    // The sink vanishes (no close frame) three times mid-run. Every released message still
    // arrives, each connection in order; the repeats are re-sends, counted in `resent`.
    FeedParams params;
    params.count = 60000;
    params.disorder = 30;
    params.seed = 7;
    params.dup = 0.01;
    params.gap = 0.005;
    const QString sink = nextName("sinkdrop");
    QUrl sinkUrl = m_sim->sinkUrl(sink);
    sinkUrl.setQuery(QStringLiteral("drop=9000&drops=3"));
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = sinkUrl;
    config.window = 64;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    const FeedStats feed = m_sim->lastFeed();
    QCOMPARE(report.counters.sent, feed.messages);
    QCOMPARE(report.counters.confirmed, feed.messages);
    QCOMPARE(report.counters.sinkDrops, quint64(3));
    QCOMPARE(report.counters.sinkReconnects, quint64(3));

    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.drops, quint64(3));
    QCOMPARE(stats.connections, quint64(4));
    const SinkCheck check = checkSink(m_sim->sinkFrames(sink), m_sim->sinkConnectionStarts(sink));
    QVERIFY2(check.eachConnectionOrdered, qPrintable(check.problem));
    QCOMPARE(check.unique, feed.messages); // at least once: nothing released is missing
    QCOMPARE(stats.validation.unique, feed.messages);
    QVERIFY2(check.repeats <= report.counters.resent,
             qPrintable(QStringLiteral("%1 repeats, %2 re-sent")
                            .arg(check.repeats)
                            .arg(report.counters.resent)));
    QVERIFY(report.counters.resent > 0);
}

void tst_Faults::sinkDropsWhileFeedPaused()
{
    // A slow sink holds the feed back (flow control), and drops twice while it does.
    FeedParams params;
    params.count = 60000;
    params.disorder = 20;
    const QString sink = nextName("slowdrop");
    QUrl sinkUrl = m_sim->sinkUrl(sink);
    sinkUrl.setQuery(QStringLiteral("slow=30000&drop=20000&drops=2"));
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = sinkUrl;
    config.sinkHighWater = 2000;
    config.window = 64;
    config.drainTimeoutMs = 60000;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QVERIFY(report.counters.feedPauses > 0);
    QCOMPARE(report.counters.sinkDrops, quint64(2));
    QCOMPARE(report.counters.confirmed, params.count);
    QCOMPARE(report.counters.unprotected, quint64(0));
    const SinkCheck check = checkSink(m_sim->sinkFrames(sink), m_sim->sinkConnectionStarts(sink));
    QVERIFY2(check.eachConnectionOrdered, qPrintable(check.problem));
    QCOMPARE(check.unique, params.count);
    QVERIFY(check.repeats <= report.counters.resent);
}

void tst_Faults::feedDropsWhileFeedPaused()
{
    // The feed is paused by flow control when it vanishes; the drop is noticed once reading
    // resumes, and the feed comes back where it stopped.
    FeedParams params;
    params.count = 60000;
    params.disorder = 20;
    params.dropAfter = 25000; // far past the high mark: the feed is paused when it drops
    params.drops = 2;
    params.replay = 1000;
    const QString sink = nextName("pauseddrop");
    QUrl sinkUrl = m_sim->sinkUrl(sink);
    sinkUrl.setQuery(QStringLiteral("slow=30000"));
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = sinkUrl;
    config.sinkHighWater = 2000;
    config.window = 64;
    config.drainTimeoutMs = 60000;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QVERIFY(report.counters.feedPauses > 0);
    QCOMPARE(report.counters.feedDrops, quint64(2));
    QCOMPARE(report.counters.sent, params.count);
    QCOMPARE(report.counters.duplicates, quint64(2000));
    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, params.count);
    QVERIFY(stats.validation.ordered());
}

void tst_Faults::oversizedFramesAreMalformed()
{
    FeedParams params;
    params.count = 5000;
    params.disorder = 10;
    params.oversize = 0.01;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(nextName("oversize"));
    const RunReport report = run(config);
    const FeedStats feed = m_sim->lastFeed();
    QVERIFY(feed.oversize > 10);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.malformed, feed.oversize);
    QCOMPARE(report.counters.malformedByReason[std::size_t(MalformedReason::TooLarge)],
             feed.oversize);
    QCOMPARE(report.counters.sent, params.count);
    QCOMPARE(report.counters.feedDrops, quint64(0));

    // A lower limit of our own makes ordinary frames too large as well.
    config.maxFrameBytes = 20;
    config.sinkUrl = m_sim->sinkUrl(nextName("oversize"));
    const RunReport strict = run(config);
    QCOMPARE(strict.counters.sent + strict.counters.malformed, strict.counters.received);
    QVERIFY(strict.counters.malformedByReason[std::size_t(MalformedReason::TooLarge)]
            > feed.oversize);
}

void tst_Faults::hardLimitIsADrop()
{
    // Past the socket's hard limit Qt closes with 1009 instead of buffering without bound. That
    // is a drop like any other: counted, reconnected, and the run goes on.
    ScriptedFeed feed([](QWebSocket *socket, int connection) {
        if (connection == 0) {
            for (qint64 id = 0; id < 100; ++id)
                socket->sendTextMessage(message(id));
            socket->sendTextMessage(
                QStringLiteral("{\"id\":100,\"pad\":\"")
                + QString(int(WebSocketSource::HardMessageLimit) + 1024, QLatin1Char('x'))
                + QStringLiteral("\"}"));
            return;
        }
        for (qint64 id = 100; id < 300; ++id)
            socket->sendTextMessage(message(id));
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
    QVERIFY(feed.listen());
    const QString sink = nextName("hardlimit");
    RunConfig config;
    config.feedUrl = feed.url();
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 16;
    config.startId = 0;
    RunController controller;
    QStringList notices;
    connect(&controller, &RunController::notice, this,
            [&notices](const QString &m) { notices << m; });
    const RunReport report = run(config, &controller);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(feed.connections(), 2);
    QCOMPARE(report.counters.feedDrops, quint64(1));
    QCOMPARE(report.counters.feedReconnects, quint64(1));
    QCOMPARE(report.counters.received, quint64(300));
    QCOMPARE(report.counters.sent, quint64(300));
    QVERIFY2(notices.join(' ').contains(QStringLiteral("1009")), qPrintable(notices.join('\n')));
    QCOMPARE(m_sim->sinkStats(sink).frames, quint64(300));
}

void tst_Faults::idsAtTheEdges()
{
    // Ids at both ends of the 64-bit range and a jump of 2^62: no counter overflows and nothing
    // is allocated per missing id (the run would not finish otherwise).
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    constexpr qint64 Jump = qint64(1) << 62;
    const QList<qint64> ids = {-3, -1, -2, 0, Jump, Jump + 1, Max - 1, Max, Min, Max, -2};
    ScriptedFeed feed([ids](QWebSocket *socket, int) {
        for (qint64 id : ids)
            socket->sendTextMessage(message(id));
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
    QVERIFY(feed.listen());
    const QString sink = nextName("edges");
    RunConfig config;
    config.feedUrl = feed.url();
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 2;
    config.startId = -3;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.received, quint64(ids.size()));
    QCOMPARE(report.counters.sent, quint64(8)); // -3 -2 -1 0 2^62 2^62+1 Max-1 Max
    QCOMPARE(report.counters.late, quint64(1)); // Min: before the start
    QCOMPARE(report.counters.duplicates, quint64(2)); // Max and -2 again
    // Missing: 1 .. 2^62-1 and 2^62+2 .. Max-2.
    const quint64 missing = quint64(Jump - 1) + quint64(Max - 2 - (Jump + 2) + 1);
    QCOMPARE(report.counters.missingIds, missing);
    QCOMPARE(report.counters.lostIds, missing);
    QCOMPARE(report.counters.gapRanges, quint64(2));
    QVERIFY(report.validation.ordered());
    QCOMPARE(report.validation.missingIds, missing);
    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, quint64(8));
    QVERIFY(stats.validation.ordered());
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("missing_ids")).toInteger(), qint64(missing));
}

void tst_Faults::feedUnreachableForAWhile()
{
    // The feed drops and its server is gone for a while: several attempts fail before one
    // succeeds. That is one drop and one reconnection, with the time it was down.
    ScriptedFeed *feedPtr = nullptr;
    ScriptedFeed feed([&feedPtr](QWebSocket *socket, int connection) {
        if (connection == 0) {
            for (qint64 id = 0; id < 50; ++id)
                socket->sendTextMessage(message(id));
            const quint16 port = feedPtr->port();
            feedPtr->stopListening();
            socket->flush();
            socket->abort();
            QTimer::singleShot(700, feedPtr, [feedPtr, port] { QVERIFY(feedPtr->listen(port)); });
            return;
        }
        for (qint64 id = 50; id < 100; ++id)
            socket->sendTextMessage(message(id));
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
    feedPtr = &feed;
    QVERIFY(feed.listen());
    RunConfig config;
    config.feedUrl = feed.url();
    config.window = 8;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.sent, quint64(100));
    QCOMPARE(report.counters.feedDrops, quint64(1));
    QCOMPARE(report.counters.feedReconnects, quint64(1));
    QVERIFY(report.counters.feedReconnectAttempts >= 2); // 100, 200, 400 ms: down for 700
    QVERIFY(report.counters.feedDownNs >= 600000000);

    // Each drop, failed attempt and reconnection is in the report, timed.
    const QList<ConnectionEvent> &events = report.connectionEvents;
    QCOMPARE(quint64(events.size()), 2 + report.counters.feedReconnectAttempts);
    QCOMPARE(events.first().kind, ConnectionEvent::Kind::Dropped);
    QCOMPARE(events.first().attempt, 1);
    QCOMPARE(events.last().kind, ConnectionEvent::Kind::Reconnected);
    QCOMPARE(events.last().downNs, report.counters.feedDownNs);
    for (qsizetype i = 1; i + 1 < events.size(); ++i) {
        QCOMPARE(events[i].kind, ConnectionEvent::Kind::AttemptFailed);
        QCOMPARE(events[i].attempt, int(i) + 1);
        QVERIFY(events[i].atNs > events[i - 1].atNs);
    }
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("feed_drops")).toInteger(), 1);
    QCOMPARE(json.value(QStringLiteral("connection_events")).toArray().size(), events.size());
    QVERIFY(json.value(QStringLiteral("feed_down_ms")).toDouble() >= 600);
    QVERIFY(report.summary().contains(QStringLiteral("feed 1 drops, 1 reconnections")));
}

void tst_Faults::stalledFeedStillReleasesAndEnds()
{
    // The feed stops sending but stays connected. With max-hold the held messages still go
    // out; the idle timeout then ends the run instead of waiting forever.
    FeedParams params;
    params.count = 0; // endless, but
    params.stallAfter = 3000; // silent after 3000 frames
    params.disorder = 40;
    params.gap = 0.01;
    const QString sink = nextName("stall");
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 1000; // far more than the feed needs: only max-hold releases past a gap
    config.maxHoldMs = 100;
    config.idleTimeoutMs = 1500;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(config);
    // Everything that arrived is released by max-hold while the feed is silent.
    QTRY_VERIFY_WITH_TIMEOUT(controller.stats().counters.received == 3000
                                 && controller.stats().counters.held == 0,
                             20000);
    QCOMPARE(controller.state(), RunState::Running);
    QTRY_VERIFY_WITH_TIMEOUT(controller.stats().idleNs > 0, 5000);
    QVERIFY(finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.endReason, RunEnd::IdleTimeout);
    QCOMPARE(report.toJson().value(QStringLiteral("end_reason")).toString(),
             QStringLiteral("idle_timeout"));
    QVERIFY(report.verdict.reasonTexts().join(' ').contains(QStringLiteral("idle-timeout")));
    QVERIFY(!report.stopped);
    QCOMPARE(report.counters.received, quint64(3000));
    QVERIFY(report.counters.missingIds > 0);
    QCOMPARE(report.counters.sent, report.counters.accepted - report.counters.duplicates);
    QTRY_COMPARE(m_sim->sinkStats(sink).frames, report.counters.sent);
}

void tst_Faults::stalledSinkEnds()
{
    // A sink that accepts the connection but never reads: flow control holds the feed back,
    // nothing moves, and the idle timeout ends the run; the drain then gives up on the sink.
    StalledSink server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    FeedParams params;
    params.count = 0;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl =
        QUrl(QStringLiteral("ws://127.0.0.1:%1/ordered-messages/x").arg(server.serverPort()));
    config.idleTimeoutMs = 1000;
    config.drainTimeoutMs = 1000;
    const RunReport report = run(config);
    QCOMPARE(report.endReason, RunEnd::IdleTimeout);
    QVERIFY(report.counters.feedPauses > 0);
    QCOMPARE(report.exitCode(), 2); // the sink never confirmed: that is an error
    QVERIFY2(report.error.contains(QStringLiteral("did not close in time")),
             qPrintable(report.error));
}

void tst_Faults::batchMemoryCap()
{
    // Batch mode holds the whole run; past its cap it stops reading, sends what it holds and
    // says plainly why, instead of growing without bound.
    FeedParams params;
    params.count = 0; // endless
    params.disorder = 100;
    const QString sink = nextName("batchcap");
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.mode = ReorderMode::Batch;
    config.batchMemoryBytes = 4 << 20;
    RunController controller;
    QStringList notices;
    connect(&controller, &RunController::notice, this,
            [&notices](const QString &m) { notices << m; });
    const RunReport report = run(config, &controller);
    QCOMPARE(report.endReason, RunEnd::BatchMemoryCap);
    QCOMPARE(report.exitCode(), 1);
    QVERIFY2(report.verdict.reasonTexts().join(' ').contains(QStringLiteral("stream mode")),
             qPrintable(report.verdict.reasonTexts().join('\n')));
    QVERIFY(notices.join(' ').contains(QStringLiteral("memory cap")));
    // About 4 MiB of ~200 bytes each, all of it ordered and delivered.
    QVERIFY(report.counters.accepted > 10000 && report.counters.accepted < 40000);
    QCOMPARE(report.counters.sent, report.counters.accepted - report.counters.duplicates);
    QCOMPARE(report.counters.confirmed, report.counters.sent);
    QVERIFY(report.validation.ordered());
    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, report.counters.sent);
    QVERIFY(stats.validation.ordered());
}

void tst_Faults::refusedAfterEveryHandshake_data()
{
    QTest::addColumn<bool>("feedSide");
    QTest::newRow("feed") << true;
    QTest::newRow("sink") << false;
}

void tst_Faults::refusedAfterEveryHandshake()
{
    // A peer that completes every handshake and then closes at once with an error (here 1008,
    // policy violated) never delivers anything: the attempts stay bounded and the run ends
    // with the reason, instead of reconnecting forever.
    QFETCH(bool, feedSide);
    ScriptedFeed refusing([](QWebSocket *socket, int connection) {
        if (connection == 0) {
            for (qint64 id = 0; id < 100; ++id)
                socket->sendTextMessage(message(id));
            socket->flush();
        }
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("go away"));
    });
    QVERIFY(refusing.listen());
    RunConfig config;
    ReconnectPolicy quick;
    quick.maxAttempts = 3;
    quick.initialDelayMs = 20;
    config.feedReconnect = config.sinkReconnect = quick;
    config.drainTimeoutMs = 60000;
    if (feedSide) {
        config.feedUrl = refusing.url();
    } else {
        config.feedUrl = m_sim->feedUrl(QStringLiteral("count=0&rate=1000"));
        QUrl sink = refusing.url();
        sink.setPath(QStringLiteral("/ordered-messages/x"));
        config.sinkUrl = sink;
    }
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(report.error.contains(QStringLiteral("1008")), qPrintable(report.error));
    QVERIFY2(report.error.contains(QStringLiteral("could not be reconnected")),
             qPrintable(report.error));
    QCOMPARE(refusing.connections(), 1 + quick.maxAttempts);
    QCOMPARE(report.endReason, feedSide ? RunEnd::FeedFailed : RunEnd::SinkFailed);
    if (feedSide)
        QCOMPARE(report.counters.sent, quint64(100)); // what arrived is still released
}

void tst_Faults::stopAtAnyMoment_data()
{
    QTest::addColumn<QString>("phase");
    for (const char *phase :
         {"connecting", "running", "feed reconnecting", "sink reconnecting", "draining", "holding"})
        QTest::newRow(phase) << QString::fromLatin1(phase);
}

void tst_Faults::stopAtAnyMoment()
{
    // Stop (the button, SIGINT, SIGTERM) in every phase of a run: one report, held messages
    // released, what was released delivered when the sink can take it, nothing hangs.
    QFETCH(QString, phase);
    const QString sink = nextName("stopat");
    QTcpServer mute; // accepts TCP, never answers the WebSocket handshake
    QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
    StalledSink stalled;
    QVERIFY(stalled.listen(QHostAddress::LocalHost, 0));

    FeedParams params;
    params.count = 0;
    params.disorder = 30;
    params.rate = 20000;
    RunConfig config;
    config.window = 200;
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.drainTimeoutMs = 30000;
    ReconnectPolicy slow;
    slow.initialDelayMs = 1500; // long enough to stop while waiting to reconnect
    if (phase == QLatin1String("connecting")) {
        config.feedUrl =
            QUrl(QStringLiteral("ws://127.0.0.1:%1/raw-messages").arg(mute.serverPort()));
    } else if (phase == QLatin1String("feed reconnecting")) {
        params.dropAfter = 2000;
        params.drops = 1;
        config.feedReconnect = slow;
    } else if (phase == QLatin1String("sink reconnecting")) {
        QUrl url = m_sim->sinkUrl(sink);
        url.setQuery(QStringLiteral("drop=1500&drops=1"));
        config.sinkUrl = url;
        config.sinkReconnect = slow;
    } else if (phase == QLatin1String("draining")) {
        params.rate = 0; // fill the stalled sink quickly
        config.sinkUrl =
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ordered-messages/x").arg(stalled.serverPort()));
    } else if (phase == QLatin1String("holding")) {
        params.count = 3000;
        params.rate = 0;
        config.mode = ReorderMode::Batch;
        config.flushAtEnd = false;
    }
    if (config.feedUrl.isEmpty())
        config.feedUrl = m_sim->feedUrl(params);

    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    QList<ConnectionEvent> events;
    connect(&controller, &RunController::connectionEvent, this,
            [&events](const ConnectionEvent &e) { events << e; });
    controller.start(config);

    if (phase == QLatin1String("connecting")) {
        QTRY_VERIFY(mute.hasPendingConnections());
        QCOMPARE(controller.state(), RunState::Connecting);
        controller.stop();
    } else if (phase == QLatin1String("running")) {
        QTRY_VERIFY_WITH_TIMEOUT(controller.stats().counters.received > 1000, 20000);
        controller.stop();
    } else if (phase == QLatin1String("feed reconnecting")
               || phase == QLatin1String("sink reconnecting")) {
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 20000);
        QCOMPARE(events.first().kind, ConnectionEvent::Kind::Dropped);
        QVERIFY(controller.stats().feedReconnecting || controller.stats().sinkReconnecting);
        controller.stop();
    } else if (phase == QLatin1String("draining")) {
        QTRY_VERIFY_WITH_TIMEOUT(controller.stats().counters.feedPauses > 0, 20000);
        controller.stop(); // the sink never confirms: the drain waits ...
        QTRY_COMPARE(controller.state(), RunState::Draining);
        QVERIFY(finished.isEmpty());
        controller.stop(); // ... until a second stop
    } else if (phase == QLatin1String("holding")) {
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), RunState::Holding, 20000);
        controller.stop();
    }
    if (finished.isEmpty())
        QVERIFY(finished.wait(RunTimeoutMs));
    QTest::qWait(50); // nothing more arrives after the report
    QCOMPARE(finished.size(), 1);
    const RunReport report = finished.first().at(0).value<RunReport>();
    QVERIFY(report.stopped);
    // Holding: the feed had closed already; the stop only flushed.
    QCOMPARE(report.endReason,
             phase == QLatin1String("holding") ? RunEnd::FeedClosed : RunEnd::Stopped);
    QCOMPARE(report.counters.held, quint64(0));
    QCOMPARE(report.counters.sent,
             report.counters.accepted - report.counters.late - report.counters.duplicates);
    QVERIFY(report.validation.ordered());
    if (phase == QLatin1String("draining")) {
        QCOMPARE(report.exitCode(), 1); // the sink did not confirm: said, not hidden
        QVERIFY(report.counters.confirmed < report.counters.sent);
        return;
    }
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.confirmed, report.counters.sent);
    QTRY_COMPARE(m_sim->sinkStats(sink).validation.unique, report.counters.sent);
    if (phase == QLatin1String("holding"))
        QCOMPARE(report.counters.sent, quint64(3000));
}

QTEST_MAIN(tst_Faults)
#include "tst_faults.moc"
