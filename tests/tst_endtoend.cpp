#include "run/runcontroller.h"
#include "runtoend.h"
#include "simulator/feedgenerator.h"
#include "simulator/simulatorhost.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <map>

namespace {

using namespace TestUtil;

constexpr int RunTimeoutMs = 180000;

// The frames a feed with these parameters sends, as generated (arrival order).
std::vector<FeedFrame> framesOf(const FeedParams &params)
{
    FeedGenerator generator(params);
    std::vector<FeedFrame> frames;
    FeedFrame frame;
    while (generator.next(frame))
        frames.push_back(frame);
    return frames;
}

} // namespace

class tst_EndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void orderedAndByteIdentical();
    void injectedFaultsAreCounted();
    void windowTooSmall();
    void batchMode();
    void countEndsTheRun();
    void feedClosesEarly();
    void sinkRefuses();
    void feedRefuses();
    void urlDoesNotParse_data();
    void urlDoesNotParse();
    void eventsCoverEveryFrame();
    void stopReleasesHeld();
    void slowSinkHoldsTheFeedBack();

private:
    RunReport run(const RunConfig &config, RunController *controller = nullptr);

    SimulatorHost m_host;
    FeedSimulator *m_sim = nullptr;
    int m_sinkCounter = 0;
};

void tst_EndToEnd::initTestCase()
{
    QVERIFY2(m_host.start(0), qPrintable(m_host.errorString()));
    m_sim = m_host.simulator();
    m_sim->setRecordSinkFrames(true);
}

void tst_EndToEnd::cleanupTestCase()
{
    m_host.stop();
}

RunReport tst_EndToEnd::run(const RunConfig &config, RunController *controller)
{
    return runToEnd(config, controller, RunTimeoutMs);
}

void tst_EndToEnd::orderedAndByteIdentical()
{
    FeedParams params;
    params.count = 20000;
    params.disorder = 40;
    params.seed = 11;
    const QString sink = QStringLiteral("ordered%1").arg(++m_sinkCounter);
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 64;
    config.startId = 0;
    const RunReport report = run(config);

    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.exitCode(), 0);
    QCOMPARE(report.counters.received, params.count);
    QCOMPARE(report.counters.sent, params.count);
    QCOMPARE(report.counters.confirmed, params.count);
    QCOMPARE(report.counters.late, quint64(0));
    QVERIFY(report.counters.maxDistance > 0);
    QVERIFY(report.counters.recommendedWindow <= 40);
    QVERIFY(report.timing.totalMs > 0);

    // The sink got every frame, ordered, exactly as the feed sent it.
    std::vector<FeedFrame> frames = framesOf(params);
    std::sort(frames.begin(), frames.end(),
              [](const FeedFrame &a, const FeedFrame &b) { return a.id < b.id; });
    const QStringList received = m_sim->sinkFrames(sink);
    QCOMPARE(received.size(), qsizetype(frames.size()));
    for (std::size_t i = 0; i < frames.size(); ++i)
        QCOMPARE(received[qsizetype(i)], frames[i].text);
    const SinkStats stats = m_sim->sinkStats(sink);
    QVERIFY(stats.validation.ordered());
    QTRY_VERIFY(m_sim->sinkStats(sink).closedNormally);
}

void tst_EndToEnd::injectedFaultsAreCounted()
{
    FeedParams params;
    params.count = 30000;
    params.disorder = 30;
    params.seed = 5;
    params.dup = 0.02;
    params.gap = 0.01;
    params.junk = 0.015;
    const QString sink = QStringLiteral("faults%1").arg(++m_sinkCounter);
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 128;
    const RunReport report = run(config);
    const FeedStats feed = m_sim->lastFeed();
    QVERIFY(feed.finished);
    QVERIFY(feed.junk > 0 && feed.duplicates > 0 && feed.gaps > 0);

    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.received, feed.frames);
    QCOMPARE(report.counters.malformed, feed.junk);
    QCOMPARE(report.counters.duplicates, feed.duplicates);
    QCOMPARE(report.counters.missingIds, feed.gaps);
    QCOMPARE(report.counters.late, quint64(0));
    QCOMPARE(report.counters.sent, feed.messages); // no accepted message lost
    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, feed.messages);
    QVERIFY(stats.validation.ordered());
    QCOMPARE(stats.validation.missingIds, feed.gaps);
}

void tst_EndToEnd::windowTooSmall()
{
    FeedParams params;
    params.count = 5000;
    params.disorder = 60;
    params.seed = 3;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("small%1").arg(++m_sinkCounter));
    config.window = 8;
    config.startId = 0;
    const RunReport report = run(config);
    QVERIFY(report.counters.late > 0);
    QVERIFY(report.validation.ordered());
    QCOMPARE(report.counters.sent,
             report.counters.accepted - report.counters.late - report.counters.duplicates);
    QVERIFY(report.windowTooSmall());
    QVERIFY(report.counters.recommendedWindow > 8);
    // Messages that arrived were dropped: FAIL, saying which window would have kept them.
    QCOMPARE(report.verdict.level, Verdict::Fail);
    QCOMPARE(report.verdict.reasons.first().code, QStringLiteral("late"));
    QVERIFY(report.verdict.reasons.first().text.contains(
        QStringLiteral("W = %1").arg(report.counters.recommendedWindow)));
    QCOMPARE(report.exitCode(), 1);

    // Replaying the feed's arrival order with the recommended window leaves nothing late.
    std::vector<qint64> arrival;
    for (const FeedFrame &f : framesOf(params))
        arrival.push_back(f.id);
    auto lateWith = [&arrival](qint64 window) {
        ReorderConfig c;
        c.window = window;
        c.startId = 0;
        ReorderBuffer buffer(c);
        std::vector<ReleasedMessage> released;
        for (qint64 id : arrival)
            buffer.push(id, 0, 0, released);
        buffer.flush(released);
        return buffer.stats().late;
    };
    const qint64 recommended = qint64(report.counters.recommendedWindow);
    QCOMPARE(lateWith(recommended), quint64(0));
    QVERIFY(lateWith(recommended - 1) > 0);
}

void tst_EndToEnd::batchMode()
{
    FeedParams params;
    params.count = 10000;
    params.disorder = 500;
    const QString sink = QStringLiteral("batch%1").arg(++m_sinkCounter);
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.mode = ReorderMode::Batch;
    config.window = 1;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.sent, params.count);
    const SinkStats stats = m_sim->sinkStats(sink);
    QCOMPARE(stats.frames, params.count);
    QVERIFY(stats.validation.ordered());
    QVERIFY(report.counters.recommendedWindow > 1); // what stream mode would have needed
}

void tst_EndToEnd::countEndsTheRun()
{
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(QStringLiteral("count=0&disorder=5")); // endless
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("count%1").arg(++m_sinkCounter));
    config.count = 1000;
    config.window = 16;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.accepted, quint64(1000));
    QCOMPARE(report.counters.sent, quint64(1000));
}

void tst_EndToEnd::feedClosesEarly()
{
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(QStringLiteral("count=300&disorder=3"));
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("early%1").arg(++m_sinkCounter));
    config.count = 1000;
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 0); // a normal close ends the run
    QCOMPARE(report.counters.accepted, quint64(300));
    QCOMPARE(report.counters.sent, quint64(300));
    QVERIFY(report.verdict.reasonTexts().join(' ').contains(QStringLiteral("300 of 1000")));
}

void tst_EndToEnd::sinkRefuses()
{
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(QStringLiteral("count=0"));
    config.sinkUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/ordered-messages/x").arg(unusedPort()));
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(report.error.contains(QStringLiteral("cannot connect")), qPrintable(report.error));
    QVERIFY(report.error.contains(config.sinkUrl.toString()));
}

void tst_EndToEnd::feedRefuses()
{
    RunConfig config;
    config.feedUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/raw-messages").arg(unusedPort()));
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(report.error.contains(QStringLiteral("cannot connect")), qPrintable(report.error));
}

void tst_EndToEnd::urlDoesNotParse_data()
{
    QTest::addColumn<QString>("feed");
    QTest::addColumn<QString>("sink");
    QTest::newRow("http scheme") << "http://127.0.0.1:1/raw"
                                 << "";
    QTest::newRow("no host") << "ws:///raw-messages"
                             << "";
    QTest::newRow("garbage") << "not a url at all"
                             << "";
    QTest::newRow("bad sink") << "ws://127.0.0.1:1/raw-messages"
                              << "ftp://x/y";
    // The reason quotes the URL, never its password.
    QTest::newRow("password, wrong scheme") << "http://user:s3cret@127.0.0.1:1/raw"
                                            << "";
    QTest::newRow("password, sink") << "ws://127.0.0.1:1/raw-messages"
                                    << "ftp://user:s3cret@x/y";
}

void tst_EndToEnd::urlDoesNotParse()
{
    QFETCH(QString, feed);
    QFETCH(QString, sink);
    RunConfig config;
    config.feedUrl = QUrl(feed);
    config.sinkUrl = QUrl(sink);
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY(!report.error.isEmpty());
    QVERIFY2(!report.error.contains(QStringLiteral("s3cret")), qPrintable(report.error));
    QVERIFY(!QJsonDocument(report.toJson()).toJson().contains("s3cret"));
}

void tst_EndToEnd::eventsCoverEveryFrame()
{
    FeedParams params;
    params.count = 3000;
    params.disorder = 10;
    params.junk = 0.05;
    params.dup = 0.05;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("events%1").arg(++m_sinkCounter));
    config.recordEvents = true;
    RunController controller;
    std::map<quint64, MessageStatus> arrivals;
    std::map<quint64, quint64> outputOf;
    quint64 batches = 0;
    connect(&controller, &RunController::eventsReady, this, [&](const RunEventBatch &batch) {
        ++batches;
        for (const MessageArrival &a : batch.arrivals)
            QVERIFY(arrivals.emplace(a.index, a.status).second);
        for (const MessageRelease &r : batch.releases) {
            QVERIFY(arrivals.count(r.arrivalIndex));
            outputOf[r.arrivalIndex] = r.outputIndex;
        }
    });
    const RunReport report = run(config, &controller);
    QVERIFY(!report.failed());
    QCOMPARE(quint64(arrivals.size()), report.counters.received);
    QCOMPARE(quint64(outputOf.size()), report.counters.sent);
    QVERIFY(batches < report.counters.received / 10); // batched, not one signal per frame
    quint64 malformed = 0;
    for (const auto &[index, status] : arrivals)
        malformed += status == MessageStatus::Malformed;
    QCOMPARE(malformed, report.counters.malformed);
}

void tst_EndToEnd::stopReleasesHeld()
{
    const QString sink = QStringLiteral("stop%1").arg(++m_sinkCounter);
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(QStringLiteral("count=0&disorder=20&rate=2000"));
    config.sinkUrl = m_sim->sinkUrl(sink);
    config.window = 1000; // plenty held at any moment
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(config);
    QTRY_VERIFY_WITH_TIMEOUT(controller.stats().counters.received > 500, 20000);
    controller.stop();
    QVERIFY(finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QVERIFY(report.stopped);
    QCOMPARE(report.counters.held, quint64(0));
    QCOMPARE(report.counters.sent,
             report.counters.accepted - report.counters.duplicates - report.counters.late);
    QTRY_COMPARE(m_sim->sinkStats(sink).frames, report.counters.sent);
}

void tst_EndToEnd::slowSinkHoldsTheFeedBack()
{
    // The feed is far faster than the sink: the feed is paused (TCP holds it back) instead of
    // frames piling up, and nothing is lost. What waits is the high mark plus what the reader
    // had already read from the kernel when the pause came, which the feed's bounded receive
    // window keeps to some ten thousand small frames (WebSocketSource::ReceiveWindowBytes),
    // whatever the run's length; without flow control most of the run would wait here.
    // The slow sink sleeps in its simulator's thread: it has a simulator of its own, or it
    // would hold the feed back itself and the monitor's flow control would not be what is
    // tested.
    SimulatorHost sinkHost;
    QVERIFY2(sinkHost.start(0), qPrintable(sinkHost.errorString()));
    FeedSimulator *sinkSim = sinkHost.simulator();
    FeedParams params;
    params.count = 1500000;
    params.disorder = 20;
    const QString sink = QStringLiteral("slow%1").arg(++m_sinkCounter);
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    QUrl sinkUrl = sinkSim->sinkUrl(sink);
    sinkUrl.setQuery(QStringLiteral("slow=100000"));
    config.sinkUrl = sinkUrl;
    config.window = 64;
    config.drainTimeoutMs = 120000;
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.confirmed, params.count);
    QVERIFY2(report.counters.feedPauses > 0, qPrintable(report.summary()));
    QVERIFY2(report.counters.sinkBacklogPeak < RunController::SinkHighWater + 65536,
             qPrintable(QString::number(report.counters.sinkBacklogPeak)));
    QCOMPARE(report.counters.unprotected, quint64(0));
    const SinkStats stats = sinkSim->sinkStats(sink);
    QCOMPARE(stats.frames, params.count);
    QVERIFY(stats.validation.ordered());
    sinkHost.stop();
}

QTEST_MAIN(tst_EndToEnd)
#include "tst_endtoend.moc"
