#include "protocol/messagecodec.h"
#include "run/runcontroller.h"
#include "runtoend.h"
#include "simulator/feedgenerator.h"
#include "simulator/simulatorhost.h"
#include "stalledsink.h"
#include "transport/websocketsource.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <limits>
#include <optional>

namespace {

constexpr int RunTimeoutMs = 60000;

QString message(qint64 id)
{
    return QStringLiteral("{\"id\":%1,\"text\":%2}").arg(id).arg(id % 1000);
}

QList<qint64> idRange(qint64 first, qint64 end)
{
    QList<qint64> ids;
    for (qint64 id = first; id < end; ++id)
        ids << id;
    return ids;
}

// One connection of a scripted peer: these messages, then this ending.
struct ScriptedConnection
{
    enum class End : quint8 {
        Close, // close normally (1000): the feed is complete
        Refuse, // close with 1011 (a server error: worth retrying)
        Forbid, // close with 1008 (policy violated: retrying cannot help)
        OverLimit, // one frame past the monitor's hard limit: Qt closes the connection with 1009
        Vanish, // no close frame; stop listening, and listen again on the port after awayMs
    };

    QList<qint64> ids;
    End end = End::Close;
    int awayMs = 0;
};
using Script = QList<ScriptedConnection>; // the last connection repeats for later ones

// A test-local WebSocket peer that plays a script per connection: what the simulator cannot do.
class ScriptedPeer final : public QObject
{
public:
    explicit ScriptedPeer(Script script)
        : m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
        , m_script(std::move(script))
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                const int k = m_connections++;
                play(socket, m_script.at(std::min<qsizetype>(k, m_script.size() - 1)));
            }
        });
    }

    bool listen(quint16 port = 0)
    {
        if (!m_server.listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_server.serverPort();
        return true;
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    int connections() const { return m_connections; }

private:
    void play(QWebSocket *socket, const ScriptedConnection &connection)
    {
        for (qint64 id : connection.ids)
            socket->sendTextMessage(message(id));
        switch (connection.end) {
        case ScriptedConnection::End::Close:
            socket->close(QWebSocketProtocol::CloseCodeNormal);
            break;
        case ScriptedConnection::End::Refuse:
            socket->flush();
            socket->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("go away"));
            break;
        case ScriptedConnection::End::Forbid:
            socket->flush();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("go away"));
            break;
        case ScriptedConnection::End::OverLimit:
            socket->sendTextMessage(
                QStringLiteral("{\"id\":100,\"pad\":\"")
                + QString(int(WebSocketSource::HardMessageLimit) + 1024, QLatin1Char('x'))
                + QStringLiteral("\"}"));
            break;
        case ScriptedConnection::End::Vanish:
            m_server.close();
            socket->flush();
            socket->abort();
            QTimer::singleShot(connection.awayMs, this, [this] { QVERIFY(listen(m_port)); });
            break;
        }
    }

    QWebSocketServer m_server;
    Script m_script;
    quint16 m_port = 0;
    int m_connections = 0;
};

// The text the simulator sent for each id. Its generator is deterministic for given parameters,
// so the test regenerates the feed rather than trust the run's own record of it.
class FeedOracle final
{
public:
    explicit FeedOracle(const FeedParams &params)
        : m_generator(FeedParams::fromQuery(params.toQuery(), nullptr).value_or(params))
    { }

    // Empty when the feed never sends `id`.
    QString text(qint64 id)
    {
        // A message is at most `disorder` places from its sorted place: once that many higher
        // ids (twice, for margin) came out without it, it never comes.
        const quint64 horizon = 2 * m_generator.params().disorder + 2;
        quint64 higher = 0;
        while (!m_texts.contains(id) && higher <= horizon) {
            FeedFrame frame;
            if (!m_generator.next(frame))
                break;
            if (frame.kind != FeedFrame::Kind::Message)
                continue;
            m_texts.insert(frame.id, frame.text);
            if (frame.id > id)
                ++higher;
        }
        return m_texts.value(id);
    }

private:
    FeedGenerator m_generator;
    QHash<qint64, QString> m_texts;
};

// Who plays the feed or the sink of a scenario.
enum class Peer : quint8 {
    None, // no sink: release in order, forward nowhere
    Simulator, // the built-in simulator: the feed of `params`, or a sink with `sinkQuery`
    Scripted, // a ScriptedPeer playing `script`
    Stalled, // a sink that never reads (StalledSink)
};

// A run under one fault: who plays each end, and the run's settings (all but the URLs).
struct Scenario
{
    Peer feed = Peer::Simulator;
    Peer sink = Peer::Simulator;
    FeedParams params;
    Script script;
    QString sinkQuery; // the simulator sink's faults: slow=F, drop=N, drops=K
    RunConfig config;
};

// What a scenario left behind: the report, and what the peers saw.
struct Outcome
{
    RunReport report;
    FeedStats feed; // Peer::Simulator feed
    int scriptedConnections = 0;
    QString sinkName; // Peer::Simulator sink
    QStringList notices;
};

// What a scenario must produce. Unset optionals are not checked.
struct Expect
{
    RunEnd end = RunEnd::FeedClosed;
    int exitCode = 0;
    std::optional<Verdict> verdict; // checked when set; exit status 0 means not FAIL anyway
    // Every frame the simulator's feed sent was read: the run's counts equal the feed's own.
    bool wholeFeed = false;
    std::optional<quint64> received;
    std::optional<quint64> sent;
    std::optional<quint64> late = 0;
    std::optional<quint64> duplicates;
    std::optional<quint64> missing;
    std::optional<quint64> lost;
    std::optional<quint64> gapRanges;
    std::optional<quint64> feedDrops = 0;
    std::optional<quint64> sinkDrops = 0;
    std::optional<int> scriptedConnections;
    bool feedPaused = false; // flow control held the feed back at least once
    bool resent = false; // frames went to the sink again after it reconnected
    QString notice;
    QString problem;
    QStringList error; // the error names each of these
    std::function<void(const Outcome &)> extra; // what only this scenario checks
};

// A run on the simulator's feed, its parameters as in the feed URL's query (docs/PROTOCOL.md).
Scenario simulated(const char *query)
{
    Scenario s;
    QString error;
    s.params =
        FeedParams::fromQuery(QUrlQuery(QString::fromLatin1(query)), &error).value_or(FeedParams());
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    return s;
}

Scenario scripted(const Script &script)
{
    Scenario s;
    s.feed = Peer::Scripted;
    s.script = script;
    return s;
}

// Each drop, failed attempt and reconnection is in the report, in order, and counted.
void checkConnectionEvents(const RunReport &r)
{
    if (r.connectionEventsDropped > 0)
        return;
    quint64 drops[2] = {}, attempts[2] = {}, reconnects[2] = {};
    qint64 down[2] = {};
    int lastAttempt[2] = {};
    bool isDown[2] = {};
    qint64 lastAt = -1;
    for (const ConnectionEvent &e : r.connectionEvents) {
        const int k = e.endpoint == ConnectionEvent::Endpoint::Feed ? 0 : 1;
        QVERIFY(e.atNs > lastAt);
        lastAt = e.atNs;
        switch (e.kind) {
        case ConnectionEvent::Kind::Dropped:
            QVERIFY(!isDown[k]);
            isDown[k] = true;
            ++drops[k];
            break;
        case ConnectionEvent::Kind::AttemptFailed:
            QVERIFY(isDown[k]);
            QCOMPARE(e.attempt, lastAttempt[k] + 1);
            ++attempts[k];
            break;
        case ConnectionEvent::Kind::Reconnected:
            QVERIFY(isDown[k]);
            isDown[k] = false;
            ++reconnects[k];
            down[k] += e.downNs;
            break;
        }
        lastAttempt[k] = e.attempt;
    }
    const RunCounters &c = r.counters;
    QCOMPARE(drops[0], c.feedDrops);
    QCOMPARE(attempts[0], c.feedReconnectAttempts);
    QCOMPARE(reconnects[0], c.feedReconnects);
    QCOMPARE(drops[1], c.sinkDrops);
    QCOMPARE(attempts[1], c.sinkReconnectAttempts);
    QCOMPARE(reconnects[1], c.sinkReconnects);
    if (!isDown[0])
        QCOMPARE(down[0], c.feedDownNs);
    if (!isDown[1])
        QCOMPARE(down[1], c.sinkDownNs);
}

// The JSON report says what the report holds.
void checkJson(const RunReport &r)
{
    const QJsonObject json = r.toJson();
    const RunCounters &c = r.counters;
    const std::pair<const char *, quint64> counts[] = {
        {"received", c.received},      {"accepted", c.accepted}, {"malformed", c.malformed},
        {"duplicates", c.duplicates},  {"late", c.late},         {"sent", c.sent},
        {"missing_ids", c.missingIds}, {"lost_ids", c.lostIds},  {"gaps", c.gapRanges},
        {"confirmed", c.confirmed},    {"resent", c.resent},     {"feed_drops", c.feedDrops},
        {"sink_drops", c.sinkDrops}};
    for (const auto &[key, value] : counts)
        QVERIFY2(quint64(json.value(QLatin1String(key)).toInteger(-1)) == value, key);
    QCOMPARE(json.value(QStringLiteral("end_reason")).toString(),
             RunReport::endReasonKey(r.endReason));
    QCOMPARE(json.value(QStringLiteral("exit_status")).toInt(-1), r.exitCode());
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), RunVerdict::key(r.verdict.level));
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), r.verdict.level == Verdict::Pass);
    QCOMPARE(json.value(QStringLiteral("connection_events")).toArray().size(),
             r.connectionEvents.size());
}

// What the simulator's sink `name` received against what the run says it sent: every released
// message arrived, byte for byte as the feed sent it, each connection in strictly increasing
// order, and every repeat is a re-send after a reconnection.
void checkDelivery(const FeedSimulator *sim, const QString &name, const RunReport &report,
                   const std::function<QString(qint64)> &sentText)
{
    const RunCounters &c = report.counters;
    QTRY_VERIFY(sim->sinkStats(name).closedNormally); // the monitor closed with a handshake
    const SinkStats stats = sim->sinkStats(name);
    const QStringList frames = sim->sinkFrames(name);
    const QList<quint64> starts = sim->sinkConnectionStarts(name);
    QCOMPARE(quint64(frames.size()), stats.frames);
    QCOMPARE(stats.malformed, quint64(0));
    QCOMPARE(quint64(starts.size()), stats.connections);
    QCOMPARE(stats.connections, 1 + c.sinkReconnects);
    QCOMPARE(stats.drops, c.sinkDrops);

    QSet<qint64> seen;
    std::optional<qint64> first, highest;
    quint64 repeats = 0;
    for (qsizetype k = 0; k < starts.size(); ++k) {
        const qsizetype end = k + 1 < starts.size() ? qsizetype(starts[k + 1]) : frames.size();
        std::optional<qint64> last;
        for (qsizetype i = qsizetype(starts[k]); i < end; ++i) {
            const DecodedMessage m = MessageCodec::decode(frames[i]);
            QVERIFY2(m.isValid(), qPrintable(QStringLiteral("frame %1: %2").arg(i).arg(frames[i])));
            QVERIFY2(
                !last || m.id > *last,
                qPrintable(
                    QStringLiteral("connection %1: id %2 after %3").arg(k).arg(m.id).arg(*last)));
            last = m.id;
            const QString expected = sentText(m.id);
            QVERIFY2(frames[i] == expected,
                     qPrintable(QStringLiteral("id %1: the sink got [%2], the feed sent [%3]")
                                    .arg(m.id)
                                    .arg(frames[i].left(200), expected.left(200))));
            if (!highest || m.id > *highest) {
                if (!first)
                    first = m.id;
                highest = m.id;
                seen.insert(m.id);
            } else {
                QVERIFY2(seen.contains(m.id),
                         qPrintable(QStringLiteral("id %1 arrived after higher ids, and never "
                                                   "before")
                                        .arg(m.id)));
                ++repeats;
            }
        }
    }
    QCOMPARE(quint64(seen.size()), c.sent); // nothing released is missing, nothing else came
    QVERIFY(first == report.validation.firstId);
    QVERIFY(highest == report.validation.lastId);
    QCOMPARE(stats.validation.unique, c.sent);
    QCOMPARE(stats.validation.missingIds, report.validation.missingIds);
    QCOMPARE(stats.validation.duplicates, repeats);
    QVERIFY2(repeats <= c.resent,
             qPrintable(QStringLiteral("%1 repeats, %2 re-sent").arg(repeats).arg(c.resent)));
    if (c.sinkDrops == 0)
        QCOMPARE(repeats, quint64(0));
}

void checkOutcome(const Scenario &s, const Expect &e, const Outcome &o)
{
    // A pause that holds the feed back keeps the sink's backlog near the high mark (what the
    // socket had read ahead comes on top); one that does nothing would let it run away.
    if (e.feedPaused && s.config.sinkHighWater < RunConfig::DefaultSinkHighWater) {
        QVERIFY2(o.report.counters.sinkBacklogPeak < s.config.sinkHighWater + 3000,
                 qPrintable(QString::number(o.report.counters.sinkBacklogPeak)));
    }
    const RunReport &r = o.report;
    const RunCounters &c = r.counters;
    QVERIFY2(r.endReason == e.end,
             qPrintable(QStringLiteral("ended with \"%1\"\n%2")
                            .arg(RunReport::endReasonKey(r.endReason), r.summary())));
    QVERIFY2(r.exitCode() == e.exitCode, qPrintable(r.summary()));
    if (e.exitCode == 0)
        QVERIFY2(!r.failed(), qPrintable(r.summary()));
    if (e.verdict)
        QVERIFY2(r.verdict.level == *e.verdict, qPrintable(r.summary()));
    for (const QString &part : e.error)
        QVERIFY2(r.error.contains(part), qPrintable(r.error));
    if (!e.problem.isEmpty())
        QVERIFY2(r.verdict.reasonTexts().join(' ').contains(e.problem),
                 qPrintable(r.verdict.reasonTexts().join('\n')));
    if (!e.notice.isEmpty())
        QVERIFY2(o.notices.join(' ').contains(e.notice), qPrintable(o.notices.join('\n')));

    // What holds for every run.
    QCOMPARE(c.accepted + c.malformed, c.received);
    QCOMPARE(c.sent + c.held, c.accepted - c.late - c.duplicates);
    QVERIFY(r.validation.ordered());
    QCOMPARE(r.validation.count, c.sent);
    QVERIFY(c.lostIds <= c.missingIds);
    if (s.sink != Peer::None && !r.failed()) {
        QCOMPARE(c.forwarded, c.sent);
        QCOMPARE(c.confirmed, c.sent);
        QCOMPARE(c.unprotected, quint64(0));
    }
    if (r.error.isEmpty()) {
        QCOMPARE(c.feedReconnects, c.feedDrops);
        QCOMPARE(c.sinkReconnects, c.sinkDrops);
        checkConnectionEvents(r);
    }
    if (s.feed == Peer::Simulator)
        QCOMPARE(o.feed.connections, 1 + c.feedReconnects);
    checkJson(r);

    if (e.wholeFeed) {
        const FeedStats &f = o.feed;
        QVERIFY(f.finished);
        QCOMPARE(c.received, f.frames);
        QCOMPARE(c.malformed, f.junk);
        QCOMPARE(c.malformedByReason[std::size_t(MalformedReason::TooLarge)], f.oversize);
        QCOMPARE(c.duplicates, f.duplicates);
        QCOMPARE(c.late, quint64(0));
        QCOMPARE(c.sent, f.messages);
        QCOMPARE(c.missingIds, f.gaps);
        QCOMPARE(c.lostIds, f.gaps);
        // The faults asked for did happen.
        QVERIFY(s.params.dup == 0 || f.duplicates > 0);
        QVERIFY(s.params.gap == 0 || f.gaps > 0);
        QVERIFY(s.params.junk == 0 || f.junk > f.oversize);
        QVERIFY(s.params.oversize == 0 || f.oversize > 0);
    }
    struct Exact
    {
        const char *what;
        std::optional<quint64> expected;
        quint64 actual;
    };
    const Exact exact[] = {{"received", e.received, c.received},
                           {"sent", e.sent, c.sent},
                           {"late", e.late, c.late},
                           {"duplicates", e.duplicates, c.duplicates},
                           {"missing ids", e.missing, c.missingIds},
                           {"lost ids", e.lost, c.lostIds},
                           {"gaps", e.gapRanges, c.gapRanges},
                           {"feed drops", e.feedDrops, c.feedDrops},
                           {"sink drops", e.sinkDrops, c.sinkDrops}};
    for (const Exact &x : exact) {
        QVERIFY2(!x.expected || *x.expected == x.actual,
                 qPrintable(QStringLiteral("%1: %2, expected %3\n%4")
                                .arg(QLatin1String(x.what))
                                .arg(x.actual)
                                .arg(x.expected.value_or(0))
                                .arg(r.summary())));
    }
    if (e.scriptedConnections)
        QCOMPARE(o.scriptedConnections, *e.scriptedConnections);
    if (e.feedPaused)
        QVERIFY(c.feedPauses > 0);
    if (e.resent)
        QVERIFY(c.resent > 0);
    if (e.extra)
        e.extra(o);
}

} // namespace

Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(Expect)

// The pipeline under the faults that feeds, sinks and networks produce, end to end over
// loopback with the built-in simulator. Every delivery is checked at the sink: ids, order and
// bytes, not only the run's own counters.
class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void faults_data();
    void faults();
    void stalledFeedStillReleasesAndEnds();
    void stopAtAnyMoment_data();
    void stopAtAnyMoment();
    void runToEndStopsARunThatTimesOut();

private:
    void run(const Scenario &scenario, Outcome *outcome);
    // Checks what the simulator's sink got against the report; `params` made the feed.
    void checkSimulatorDelivery(const QString &sink, const RunReport &report,
                                const FeedParams &params);
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

void tst_Faults::run(const Scenario &s, Outcome *out)
{
    ScriptedPeer scripted(s.script);
    StalledSink stalled;
    RunConfig config = s.config;
    if (s.feed == Peer::Scripted || s.sink == Peer::Scripted)
        QVERIFY(scripted.listen());
    if (s.sink == Peer::Stalled)
        QVERIFY(stalled.listen(QHostAddress::LocalHost, 0));

    config.feedUrl = s.feed == Peer::Scripted ? scripted.url(QStringLiteral("/raw-messages"))
                                              : m_sim->feedUrl(s.params);
    switch (s.sink) {
    case Peer::None:
        config.sinkUrl = QUrl();
        break;
    case Peer::Simulator:
        out->sinkName = nextName("sink");
        config.sinkUrl = m_sim->sinkUrl(out->sinkName);
        if (!s.sinkQuery.isEmpty())
            config.sinkUrl.setQuery(s.sinkQuery);
        break;
    case Peer::Scripted:
        config.sinkUrl = scripted.url(QStringLiteral("/ordered-messages/x"));
        break;
    case Peer::Stalled:
        config.sinkUrl = stalled.url();
        break;
    }

    RunController controller;
    connect(&controller, &RunController::notice, this,
            [out](const QString &m) { out->notices << m; });
    out->report = runToEnd(config, &controller, RunTimeoutMs);
    if (s.feed == Peer::Simulator)
        out->feed = m_sim->lastFeed();
    out->scriptedConnections = scripted.connections();
}

void tst_Faults::checkSimulatorDelivery(const QString &sink, const RunReport &report,
                                        const FeedParams &params)
{
    FeedOracle oracle(params);
    checkDelivery(m_sim, sink, report, [&oracle](qint64 id) { return oracle.text(id); });
}

void tst_Faults::faults_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<Expect>("expect");

    {
        // The feed vanishes three times; each time it comes back where it stopped and first
        // repeats its last 300 frames. The repeats are duplicates, never forwarded twice.
        Scenario s =
            simulated("count=20000&disorder=20&seed=21&junk=0.01&drop=4000&drops=3&replay=300");
        s.config.window = 64;
        Expect e;
        e.wholeFeed = true;
        e.sent = 20000;
        e.missing = 0;
        e.feedDrops = 3;
        e.notice = QStringLiteral("dropped");
        e.verdict = Verdict::Warn; // junk and replayed duplicates: the feed's doing
        e.extra = [](const Outcome &o) {
            QCOMPARE(o.feed.drops, quint64(3));
            QCOMPARE(o.feed.replayed, quint64(3 * 300));
        };
        QTest::newRow("feed vanishes and resumes") << s << e;
    }
    {
        // A close frame with an error code is not the end of the feed: reconnect.
        Scenario s = simulated("count=6000&disorder=10&drop=2500&drops=2&closecode=1011");
        s.config.window = 32;
        Expect e;
        e.wholeFeed = true;
        e.sent = 6000;
        e.feedDrops = 2;
        QTest::newRow("feed closes with 1011") << s << e;
    }
    {
        // Code 1000 is the feed saying it is complete, even early: flush and finish, no
        // reconnection.
        Scenario s = simulated("count=6000&disorder=10&drop=2500&drops=1&closecode=1000");
        s.config.window = 32;
        Expect e;
        e.received = 2500;
        e.sent = 2500;
        e.verdict = Verdict::Pass;
        e.extra = [](const Outcome &o) {
            QCOMPARE(o.feed.frames, quint64(2500));
        };
        QTest::newRow("feed closes with 1000 early") << s << e;
    }
    {
        // The sink vanishes (no close frame) three times mid-run. Every released message
        // still arrives, each connection in order; the repeats are re-sends.
        Scenario s = simulated("count=60000&disorder=30&seed=7&dup=0.01&gap=0.005");
        s.sinkQuery = QStringLiteral("drop=9000&drops=3");
        s.config.window = 64;
        Expect e;
        e.wholeFeed = true;
        e.sinkDrops = 3;
        e.resent = true;
        QTest::newRow("sink vanishes mid-send") << s << e;
    }
    {
        // A slow sink holds the feed back (flow control), and vanishes twice while it does.
        Scenario s = simulated("count=60000&disorder=20&size=1000");
        s.sinkQuery = QStringLiteral("slow=30000&drop=20000&drops=2");
        s.config.sinkHighWater = 2000;
        s.config.window = 64;
        s.config.drainTimeoutMs = 60000;
        Expect e;
        e.wholeFeed = true;
        e.sent = 60000;
        e.sinkDrops = 2;
        e.feedPaused = true;
        QTest::newRow("slow sink vanishes") << s << e;
    }
    {
        // A slow but steady sink (1,500 frames/s) takes 4 s to drain, longer than the drain
        // timeout: the drain waits as long as the sink makes progress, and every frame arrives.
        Scenario s = simulated("count=6000&disorder=20");
        s.sinkQuery = QStringLiteral("slow=1500");
        s.config.drainTimeoutMs = 2000;
        Expect e;
        e.wholeFeed = true;
        e.sent = 6000;
        e.verdict = Verdict::Pass;
        QTest::newRow("slow sink outlasts the drain timeout") << s << e;
    }
    {
        // The feed is paused by flow control when it vanishes (at 25000 frames, far past the
        // high mark); the drop is noticed once reading resumes, and the feed comes back where it
        // stopped.
        Scenario s = simulated("count=60000&disorder=20&drop=25000&drops=2&replay=1000&size=1000");
        s.sinkQuery = QStringLiteral("slow=30000");
        s.config.sinkHighWater = 2000;
        s.config.window = 64;
        s.config.drainTimeoutMs = 60000;
        Expect e;
        e.wholeFeed = true;
        e.sent = 60000;
        e.duplicates = 2000;
        e.feedDrops = 2;
        e.feedPaused = true;
        QTest::newRow("feed vanishes while paused") << s << e;
    }
    {
        // Frames over the frame limit (64 KiB) are malformed: counted, never forwarded.
        Scenario s = simulated("count=5000&disorder=10&oversize=0.01");
        Expect e;
        e.wholeFeed = true;
        e.sent = 5000;
        e.extra = [](const Outcome &o) {
            QVERIFY(o.feed.oversize > 10);
            QCOMPARE(o.report.counters.malformed, o.feed.oversize);
        };
        QTest::newRow("oversized frames") << s << e;
    }
    {
        // A lower limit of our own makes ordinary frames too large as well.
        Scenario s = simulated("count=5000&disorder=10&oversize=0.01");
        s.config.maxFrameBytes = 20;
        Expect e;
        e.extra = [](const Outcome &o) {
            const RunCounters &c = o.report.counters;
            QCOMPARE(c.received, o.feed.frames);
            QCOMPARE(c.sent + c.malformed, c.received);
            QVERIFY(c.malformedByReason[std::size_t(MalformedReason::TooLarge)] > o.feed.oversize);
        };
        QTest::newRow("own frame limit") << s << e;
    }
    {
        // Past the socket's hard limit Qt closes with 1009 instead of buffering without bound.
        // That is a drop like any other: counted, reconnected, and the run goes on.
        using End = ScriptedConnection::End;
        Scenario s = scripted({{idRange(0, 100), End::OverLimit}, {idRange(100, 300), End::Close}});
        s.config.window = 16;
        s.config.startId = 0;
        Expect e;
        e.received = 300;
        e.sent = 300;
        e.feedDrops = 1;
        e.scriptedConnections = 2;
        e.notice = QStringLiteral("1009");
        QTest::newRow("frame over the hard limit") << s << e;
    }
    {
        // Ids at both ends of the 64-bit range and a jump of 2^62: no counter overflows and
        // nothing is allocated per missing id (the run would not finish otherwise).
        constexpr qint64 Max = std::numeric_limits<qint64>::max();
        constexpr qint64 Min = std::numeric_limits<qint64>::min();
        constexpr qint64 Jump = qint64(1) << 62;
        Scenario s = scripted({{{-3, -1, -2, 0, Jump, Jump + 1, Max - 1, Max, Min, Max, -2},
                                ScriptedConnection::End::Close}});
        s.config.window = 2;
        s.config.startId = -3;
        // Missing: 1 .. 2^62-1 and 2^62+2 .. Max-2.
        const quint64 missing = quint64(Jump - 1) + quint64(Max - 2 - (Jump + 2) + 1);
        Expect e;
        e.received = 11;
        e.sent = 8; // -3 -2 -1 0 2^62 2^62+1 Max-1 Max
        e.late = 1; // Min: before the start, dropped: FAIL
        e.exitCode = 1;
        e.verdict = Verdict::Fail;
        e.duplicates = 2; // Max and -2 again
        e.missing = missing;
        e.lost = missing;
        e.gapRanges = 2;
        e.extra = [missing](const Outcome &o) {
            QCOMPARE(o.report.validation.missingIds, missing);
        };
        QTest::newRow("ids at the 64-bit edges") << s << e;
    }
    {
        // The feed drops and its server is gone for a while: several attempts fail before one
        // succeeds. That is one drop and one reconnection, with the time it was down.
        using End = ScriptedConnection::End;
        Scenario s = scripted({{idRange(0, 50), End::Vanish, 700}, {idRange(50, 100), End::Close}});
        s.config.window = 8;
        Expect e;
        e.sent = 100;
        e.feedDrops = 1;
        e.scriptedConnections = 2;
        e.extra = [](const Outcome &o) {
            const RunReport &r = o.report;
            QVERIFY(r.counters.feedReconnectAttempts >= 2); // 100, 200, 400 ms: down for 700
            QVERIFY(r.counters.feedDownNs >= 600000000);
            // One outage: the drop, the failed attempts, the reconnection (their order and
            // numbering are checked for every row).
            QCOMPARE(quint64(r.connectionEvents.size()), 2 + r.counters.feedReconnectAttempts);
            QCOMPARE(r.connectionEvents.first().attempt, 1);
            QVERIFY(r.toJson().value(QStringLiteral("feed_down_ms")).toDouble() >= 600);
            QVERIFY(r.summary().contains(QStringLiteral("feed 1 drops, 1 reconnections")));
        };
        QTest::newRow("feed unreachable for a while") << s << e;
    }
    {
        // A feed that closes at once: nothing to order, and the verdict says so (WARN), not
        // "PASS, ordered and complete".
        Scenario s = scripted({{{}, ScriptedConnection::End::Close}});
        Expect e;
        e.received = 0;
        e.sent = 0;
        e.verdict = Verdict::Warn;
        e.problem = QStringLiteral("nothing arrived: the feed closed at once");
        e.scriptedConnections = 1;
        QTest::newRow("feed closes at once") << s << e;
    }
    {
        // A close with 1008 (policy violated: a wrong path, a refused client) is final: the
        // feed is not retried, and what arrived is still released and delivered.
        Scenario s = scripted({{idRange(0, 100), ScriptedConnection::End::Forbid},
                               {idRange(100, 200), ScriptedConnection::End::Close}});
        Expect e;
        e.end = RunEnd::FeedFailed;
        e.exitCode = 2;
        e.error = QStringList {QStringLiteral("1008"), QStringLiteral("go away")};
        e.sent = 100;
        e.feedDrops = 0;
        e.scriptedConnections = 1;
        QTest::newRow("feed closes with 1008: not retried") << s << e;
    }
    // A peer that completes every handshake and then closes at once with an error (1011)
    // never delivers anything: the attempts stay bounded and the run ends with the reason,
    // instead of reconnecting forever.
    ReconnectPolicy quick;
    quick.maxAttempts = 3;
    quick.initialDelayMs = 20;
    const Script refusing = {{idRange(0, 100), ScriptedConnection::End::Refuse},
                             {{}, ScriptedConnection::End::Refuse}};
    const QStringList refusal = {QStringLiteral("1011"),
                                 QStringLiteral("could not be reconnected")};
    {
        Scenario s = scripted(refusing);
        s.config.feedReconnect = s.config.sinkReconnect = quick;
        s.config.drainTimeoutMs = 60000;
        Expect e;
        e.end = RunEnd::FeedFailed;
        e.exitCode = 2;
        e.error = refusal;
        e.sent = 100; // what arrived is still released, and delivered
        e.feedDrops.reset();
        e.scriptedConnections = 1 + quick.maxAttempts;
        e.extra = [](const Outcome &o) {
            QCOMPARE(o.report.counters.confirmed, quint64(100));
        };
        QTest::newRow("feed refuses after every handshake") << s << e;
    }
    {
        Scenario s = simulated("count=0&rate=1000");
        s.sink = Peer::Scripted;
        s.script = refusing;
        s.config.feedReconnect = s.config.sinkReconnect = quick;
        s.config.drainTimeoutMs = 60000;
        Expect e;
        e.end = RunEnd::SinkFailed;
        e.exitCode = 2;
        e.error = refusal;
        e.sinkDrops.reset();
        e.scriptedConnections = 1 + quick.maxAttempts;
        QTest::newRow("sink refuses after every handshake") << s << e;
    }
    {
        // A sink that accepts the connection but never reads: flow control holds the feed
        // back, nothing moves, and the idle timeout ends the run; the drain then gives up on
        // the sink.
        Scenario s = simulated("count=0");
        s.sink = Peer::Stalled;
        s.config.idleTimeoutMs = 1000;
        s.config.drainTimeoutMs = 1000;
        Expect e;
        e.end = RunEnd::IdleTimeout;
        e.exitCode = 1; // frames the sink never confirmed: FAIL, with how many
        e.verdict = Verdict::Fail;
        e.problem = QStringLiteral("the sink confirmed only 0 of");
        e.notice = QStringLiteral("confirmed nothing for 1 s");
        e.feedPaused = true;
        QTest::newRow("sink never reads") << s << e;
    }
    for (const quint64 size : {2048, 8192, 65000}) {
        // The same with large frames: the feed is held back on bytes long before the frame
        // mark, so what the run holds stays near its budget whatever the frame size.
        Scenario s = simulated(qPrintable(QStringLiteral("count=0&size=%1").arg(size)));
        s.sink = Peer::Stalled;
        s.config.idleTimeoutMs = 1000;
        s.config.drainTimeoutMs = 500;
        s.config.maxBacklogBytes = quint64(16) << 20;
        s.config.window = 64; // the budget must hold the window's frames too
        Expect e;
        e.end = RunEnd::IdleTimeout;
        e.exitCode = 1;
        e.verdict = Verdict::Fail;
        e.feedPaused = true;
        e.extra = [](const Outcome &o) {
            const RunCounters &c = o.report.counters;
            // Paused on bytes: far below the frame mark, and the peak near the budget (the
            // socket's read-ahead comes on top).
            QVERIFY2(c.sinkBacklogPeak < RunConfig::DefaultSinkHighWater / 4,
                     qPrintable(QString::number(c.sinkBacklogPeak)));
            QVERIFY2(c.backlogPeakBytes < (quint64(24) << 20),
                     qPrintable(QString::number(c.backlogPeakBytes)));
            QVERIFY(c.backlogPeakBytes > (quint64(4) << 20));
        };
        QTest::newRow(qPrintable(QStringLiteral("sink never reads, %1-byte frames").arg(size)))
            << s << e;
    }
    {
        // Batch mode holds the whole run; past its cap it stops reading, sends what it holds
        // and says plainly why, instead of growing without bound.
        Scenario s = simulated("count=0&disorder=100");
        s.config.mode = ReorderMode::Batch;
        s.config.batchMemoryBytes = 4 << 20;
        Expect e;
        e.end = RunEnd::BatchMemoryCap;
        e.exitCode = 1;
        e.problem = QStringLiteral("stream mode");
        e.notice = QStringLiteral("memory cap");
        e.extra = [](const Outcome &o) {
            // About 4 MiB of ~200 bytes each.
            const quint64 accepted = o.report.counters.accepted;
            QVERIFY2(accepted > 10000 && accepted < 40000, qPrintable(QString::number(accepted)));
        };
        QTest::newRow("batch memory cap") << s << e;
    }
}

void tst_Faults::faults()
{
    QFETCH(Scenario, scenario);
    QFETCH(Expect, expect);
    Outcome outcome;
    run(scenario, &outcome);
    if (QTest::currentTestFailed())
        return;
    checkOutcome(scenario, expect, outcome);
    if (QTest::currentTestFailed())
        return;
    // Whatever the sink confirmed, it must really have received.
    const RunCounters &c = outcome.report.counters;
    if (scenario.sink == Peer::Simulator && c.confirmed == c.sent) {
        if (scenario.feed == Peer::Simulator)
            checkSimulatorDelivery(outcome.sinkName, outcome.report, scenario.params);
        else
            checkDelivery(m_sim, outcome.sinkName, outcome.report, &message);
    }
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
    checkSimulatorDelivery(sink, report, params);
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
        config.sinkUrl = stalled.url();
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
    if (phase == QLatin1String("holding"))
        QCOMPARE(report.counters.sent, quint64(3000));
    checkSimulatorDelivery(sink, report, params);
}

void tst_Faults::runToEndStopsARunThatTimesOut()
{
    // A run that would never end by itself (an endless feed, a sink that never reads, no idle
    // timeout): past its time runToEnd() stops it, so that one failure neither hangs the file
    // nor leaves a run going into the next test function.
    StalledSink stalled;
    QVERIFY(stalled.listen(QHostAddress::LocalHost, 0));
    FeedParams params;
    params.count = 0;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = stalled.url();
    config.idleTimeoutMs = 0;
    config.drainTimeoutMs = 600000;
    RunController controller;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("did not finish")));
    const RunReport report = runToEnd(config, &controller, 1000);
    QCOMPARE(report.endReason, RunEnd::None); // the empty report of no run
    QVERIFY(report.failed());
    QVERIFY2(controller.state() == RunState::Finished || controller.state() == RunState::Failed,
             qPrintable(QString::number(int(controller.state()))));
}

QTEST_MAIN(tst_Faults)
#include "tst_faults.moc"
