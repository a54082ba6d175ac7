#include "feedgenerator.h"
#include "messagecodec.h"
#include "runcontroller.h"
#include "simulatorhost.h"

#include <QSignalSpy>
#include <QTest>

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
    RunController local;
    RunController *c = controller ? controller : &local;
    QSignalSpy finished(c, &RunController::finished);
    c->start(config);
    if (finished.isEmpty() && !finished.wait(RunTimeoutMs)) {
        qWarning("run did not finish");
        return RunReport();
    }
    return finished.takeFirst().at(0).value<RunReport>();
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
    const FeedStats feed = m_sim->feedSessions().last();

    QVERIFY2(report.passed(), qPrintable(report.summary()));
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
    QVERIFY2(report.passed(), qPrintable(report.summary()));
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
    QVERIFY2(report.passed(), qPrintable(report.summary()));
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
    QVERIFY2(report.passed(), qPrintable(report.summary()));
    const FeedStats feed = m_sim->feedSessions().last();
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

QTEST_MAIN(tst_Faults)
#include "tst_faults.moc"
