#include "chartspanel.h"
#include "distancechart.h"
#include "files/csv.h"
#include "histogramchart.h"
#include "mainwindow.h"
#include "messagepanel.h"
#include "messagetablemodel.h"
#include "messagetableview.h"
#include "protocol/wireprotocol.h"
#include "ratechart.h"
#include "redistestserver.h"
#include "resultspanel.h"
#include "runhistorymodel.h"
#include "runsession.h"
#include "runsetuppanel.h"
#include "runstatusbar.h"
#include "setuparea.h"
#include "simulator/feedsimulator.h"
#include "testutil.h"

#include "comparedialog.h"
#include "findbar.h"
#include "history/runhistory.h"
#include "historypanel.h"
#include "messagedetails.h"
#include "overlayhistogram.h"
#include "overlayratechart.h"
#include "statusfiltermodel.h"
#include "verdictstyle.h"
#include "whatifview.h"
#include "zoomchartview.h"

#include <QAction>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

namespace {

using namespace TestUtil;

constexpr int RunTimeoutMs = 90000;

void setUpSimulatorRun(RunSetupPanel *setup, quint64 count, ReorderMode mode = ReorderMode::Stream)
{
    FeedParams p;
    p.count = count;
    p.disorder = 30;
    p.dup = 0.01;
    p.gap = 0.005;
    p.junk = 0.01;
    p.seed = 3;
    setup->setSource(RunSetupPanel::Source::Simulator);
    setup->setSimulatorParams(p);
    setup->setSink(RunSetupPanel::Sink::Simulator);
    setup->setWindow(64);
    setup->setMode(mode);
    setup->setMaxHoldMs(0);
    setup->setStartId(std::nullopt);
    setup->setCount(0);
}

// The same, paced at `rate` messages a second: long enough to watch it go on.
void setUpPacedRun(RunSetupPanel *setup, quint64 count, double rate)
{
    setUpSimulatorRun(setup, count);
    FeedParams p = setup->simulatorParams();
    p.rate = rate;
    setup->setSimulatorParams(p);
}

} // namespace

// The real window, offscreen, against the in-process simulator.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void startFillsTableChartAndVerdict();
    void filterShowsOneStatus();
    void exportCsvReadsBack();
    void batchModeFlushReachesSink();
    void badUrlShowsErrorAndWindowStaysUsable();
    void historyExports();
    void settingsPersist();
    void shortcuts();
    void redisChannelAsSource();
    void dropsAreCountedShownAndNothingLost();
    void batchMemoryCapOffersStreamMode();
    void commandLineOverridesOnlyWhatItNames();
    void setupChoicesPersist_data();
    void setupChoicesPersist();
    void overridesChooseFeedAndSink_data();
    void overridesChooseFeedAndSink();
    void idleTimeoutEndsAStalledRun();
    void verdictLevels_data();
    void verdictLevels();
    void ringTableShowsTheNewestRows();
    void findSelectsAndDetailsExplain();
    void pauseHoldsTheViewWhileDataFlows();
    void afterAStopProgressSaysWhatWasDone();
    void neverConnectedShowsDashesAndOneError();
    void urlErrorsInPlainWords();
    void setupCollapsesWhileRunning();
    void fitsTheScreen();
    void keyboardReachesEveryPanel();
    void pausedViewStaysPutAsTheRingMoves();
    void followingSurvivesQtMovingTheCurrentRow();
    void chartsZoomHoverAndScale();
    void historySurvivesARestart();
    void renameAnnotateDelete();
    void compareShowsBothAndHighlightsDifferences();
    void openCaptureReplaysWithTheSameCounts();
    void twoWindowsOnOneHistoryKeepBothRuns();
    void runCutOffShowsInterrupted();
    void captureOffAndRetention();
    void adaptiveWindowAndWhatIf();

private:
    RunReport runToEnd(MainWindow &window);
    QTemporaryDir m_dir;
    int m_test = 0;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("ReorderMonitorTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
    // And to this process's own: two builds' suites at once (Release and ASan) would otherwise
    // clear each other's settings and open each other's histories.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QVERIFY(QSettings().fileName().startsWith(m_dir.path()));
}

void tst_MainWindow::init()
{
    QSettings().clear();
    // A runs history of its own for each test: one test's runs are not another's.
    QSettings().setValue(QStringLiteral("history/file"),
                         m_dir.filePath(QStringLiteral("h%1/history.sqlite").arg(++m_test)));
}

RunReport tst_MainWindow::runToEnd(MainWindow &window)
{
    // A report of no run never passes (RunReport::passed() needs an end reason).
    if (!window.startAction()->isEnabled()) {
        qWarning("Start is disabled: %s", qPrintable(window.setupPanel()->problems().join("; ")));
        return RunReport();
    }
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.startAction()->trigger();
    if (finished.isEmpty() && !finished.wait(RunTimeoutMs)) {
        qWarning("the run did not finish within %d ms", RunTimeoutMs);
        return RunReport();
    }
    return finished.takeFirst().at(0).value<RunReport>();
}

void tst_MainWindow::startFillsTableChartAndVerdict()
{
    MainWindow window;
    window.show();
    setUpPacedRun(window.setupPanel(), 20000, 10000); // two seconds: the table fills as we watch
    QVERIFY(window.startAction()->isEnabled());
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.startAction()->trigger();
    QVERIFY(window.stopAction()->isEnabled());
    QVERIFY(!window.startAction()->isEnabled());
    // Live: rows arrive while the run is on (the chart redraws a few times a second).
    QTRY_VERIFY_WITH_TIMEOUT(window.messageModel()->rowCount() > 0 && finished.isEmpty(), 20000);
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();

    // The simulated feed has junk: the output is right, the feed was not (WARN).
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.verdict.level, Verdict::Warn);
    QCOMPARE(window.results()->verdict(), QStringLiteral("WARN"));
    QCOMPARE(quint64(window.messageModel()->rowCount()), report.counters.received);
    QVERIFY(report.counters.malformed > 0);
    QCOMPARE(report.counters.sent, quint64(20000));
    QVERIFY(window.charts()->distance()->plottedPoints() > 0);
    QCOMPARE(window.charts()->histogram()->total(), report.counters.sent);
    QCOMPARE(window.charts()->rate()->total(RateSeries::Out), report.counters.sent);
    QCOMPARE(window.charts()->rate()->total(RateSeries::In), report.counters.received);
    QCOMPARE(window.history()->rowCount(), 1);
    QVERIFY(window.startAction()->isEnabled());
    QVERIFY(!window.stopAction()->isEnabled());
    QVERIFY(window.exportAction()->isEnabled());
    QVERIFY(window.errorText().isEmpty());

    // Every released row shows its output index and distance.
    const MessageTableModel *model = window.messageModel();
    int released = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, MessageTableModel::OutputColumn)).isValid())
            ++released;
    }
    QCOMPARE(quint64(released), report.counters.sent);
}

void tst_MainWindow::filterShowsOneStatus()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 5000);
    MessagePanel *panel = window.messagePanel();
    // Set before the run: rows are filtered as they arrive, batch by batch.
    panel->setStatusFilter(QStringLiteral("duplicate"));
    const RunReport report = runToEnd(window);
    QVERIFY(!report.failed());
    QVERIFY(report.counters.malformed > 0);
    QVERIFY(report.counters.duplicates > 0);
    QCOMPARE(quint64(panel->filter()->rowCount()), report.counters.duplicates);
    panel->setStatusFilter(QStringLiteral("malformed"));
    QCOMPARE(quint64(panel->filter()->rowCount()), report.counters.malformed);
    panel->setStatusFilter(QString());
    QCOMPARE(quint64(panel->filter()->rowCount()), report.counters.received);
}

void tst_MainWindow::exportCsvReadsBack()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 8000);
    const RunReport report = runToEnd(window);
    QVERIFY(!report.failed());
    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    QVERIFY(window.exportCsv(path));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(quint64(rows.size()), report.counters.received + 1);
    QCOMPARE(rows.first().first(), QStringLiteral("arrival_index"));
    quint64 sent = 0, malformed = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].first(), QString::number(i - 1)); // arrival order
        sent += !rows[i].at(5).isEmpty();
        malformed += rows[i].at(4) == QLatin1String("malformed");
    }
    QCOMPARE(sent, report.counters.sent);
    QCOMPARE(malformed, report.counters.malformed);
    // Exporting over an existing file replaces it.
    QVERIFY(window.exportCsv(path));
}

void tst_MainWindow::batchModeFlushReachesSink()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 6000, ReorderMode::Batch);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.startAction()->trigger();
    // The feed ends; the window holds everything until the operator flushes.
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), RunState::Holding, RunTimeoutMs);
    QVERIFY(window.flushAction()->isEnabled());
    // The window says how many messages wait: every distinct id, not every frame.
    const auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("eventLog"));
    QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("6000 messages are held")));
    // The banner says so, and the sink waits for Flush (it is not "connecting" meanwhile).
    QTRY_COMPARE(window.results()->verdict(), QStringLiteral("HOLDING"));
    QVERIFY2(
        window.results()->headline().contains(QStringLiteral("6,000 messages held — press Flush")),
        qPrintable(window.results()->headline()));
    QTRY_COMPARE(window.statusWidget()->sinkText(), QStringLiteral("Sink: waits for Flush"));
    QVERIFY(finished.isEmpty());
    window.flushAction()->trigger();
    QVERIFY(finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.config.mode, ReorderMode::Batch);
    const QString sinkName = report.config.sinkUrl.path().section(QLatin1Char('/'), -1);
    FeedSimulator *sim = window.session()->simulator();
    QTRY_COMPARE(sim->sinkStats(sinkName).frames, report.counters.sent);
    QVERIFY(sim->sinkStats(sinkName).validation.ordered());
    QCOMPARE(report.counters.sent, quint64(6000));
}

void tst_MainWindow::badUrlShowsErrorAndWindowStaysUsable()
{
    MainWindow window;
    RunSetupPanel *setup = window.setupPanel();
    setup->setSource(RunSetupPanel::Source::WebSocket);
    setup->setFeedUrl(QStringLiteral("http://example.invalid/feed"));
    QVERIFY(!window.startAction()->isEnabled()); // refused as typed
    QVERIFY(setup->problems().join(' ').contains(QStringLiteral("ws://")));
    window.startRun();
    QVERIFY(window.errorText().contains(QStringLiteral("WS_URL")));

    // A well-formed URL nobody listens on: the run fails in plain words, the window goes on.
    const quint16 port = TestUtil::unusedPort();
    setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:%1/raw-messages").arg(port));
    setup->setSink(RunSetupPanel::Sink::None);
    QVERIFY(window.startAction()->isEnabled());
    const RunReport failed = runToEnd(window);
    QCOMPARE(failed.exitCode(), 2);
    QVERIFY2(window.errorText().contains(QStringLiteral("cannot connect")),
             qPrintable(window.errorText()));
    QCOMPARE(window.results()->verdict(), QStringLiteral("FAIL"));
    QVERIFY(window.startAction()->isEnabled());

    // And the next run works.
    setUpSimulatorRun(setup, 2000);
    const RunReport ok = runToEnd(window);
    QVERIFY(!ok.failed());
    QCOMPARE(window.results()->verdict(), QStringLiteral("WARN")); // the feed has junk
    QCOMPARE(window.history()->rowCount(), 2);
}

void tst_MainWindow::historyExports()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 3000);
    QVERIFY(!runToEnd(window).failed());
    setUpSimulatorRun(window.setupPanel(), 4000);
    QVERIFY(!runToEnd(window).failed());
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("runs.csv"));
    QVERIFY(window.exportHistory(path));
    QVERIFY(window.exportHistory(path)); // again: the files are replaced, not lost
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1].at(9), QStringLiteral("3000")); // sent
    QCOMPARE(rows[2].at(9), QStringLiteral("4000"));
    QCOMPARE(rows[2].at(15), QStringLiteral("warn")); // the simulated feed has junk
    for (int i = 1; i <= 2; ++i) {
        const QString messages = folder.filePath(rows[i].at(22));
        QVERIFY2(QFile::exists(messages), qPrintable(messages));
        QVERIFY(readCsv(messages).size() > 3000);
    }
}

void tst_MainWindow::settingsPersist()
{
    {
        MainWindow window;
        RunSetupPanel *setup = window.setupPanel();
        setup->setSource(RunSetupPanel::Source::WebSocket);
        setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:9/raw-messages"));
        setup->setWindow(321);
        setup->setMode(ReorderMode::Batch);
        setup->setStartId(-7);
        window.close();
    }
    MainWindow again;
    const RunConfig c = again.setupPanel()->config();
    QCOMPARE(again.setupPanel()->source(), RunSetupPanel::Source::WebSocket);
    QCOMPARE(c.feedUrl.toString(), QStringLiteral("ws://127.0.0.1:9/raw-messages"));
    QCOMPARE(c.window, qint64(321));
    QCOMPARE(c.mode, ReorderMode::Batch);
    QCOMPARE(c.startId.value_or(0), qint64(-7));
}

void tst_MainWindow::shortcuts()
{
    MainWindow window;
    QCOMPARE(window.startAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+R")));
    QCOMPARE(window.stopAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    QCOMPARE(window.exportAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    QVERIFY(!window.exportAction()->isEnabled()); // nothing to export yet
    QVERIFY(!window.flushAction()->isEnabled());
}

void tst_MainWindow::redisChannelAsSource()
{
    // The third source: a Redis channel, with a real redis-server started here.
    RedisTestServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisTestClient client;
    QVERIFY2(client.connect(server.port(), &error), qPrintable(error));

    MainWindow window;
    RunSetupPanel *setup = window.setupPanel();
    setup->setSource(RunSetupPanel::Source::Redis);
    RedisFeedConfig redis;
    redis.url = QUrl(server.url());
    redis.channel = QStringLiteral("test_websocket");
    setup->setRedis(redis);
    setup->setSink(RunSetupPanel::Sink::Simulator);
    setup->setWindow(16);
    setup->setCount(1000); // a channel has no end of its own: the run ends after 1000 accepted
    QVERIFY2(setup->problems().isEmpty(), qPrintable(setup->problems().join(' ')));

    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.startAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(client.subscribers("test_websocket"), 1LL, 20000);
    QList<QByteArray> payloads;
    for (int i = 0; i < 1000; ++i)
        payloads << QByteArray("{\"id\":") + QByteArray::number(i ^ 3) + QByteArray(",\"text\":7}");
    payloads.insert(500, QByteArray("hello"));
    client.publish("test_websocket", payloads);
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.sent, quint64(1000));
    QCOMPARE(report.counters.malformed, quint64(1));
    QCOMPARE(window.messageModel()->rowCount(), 1001);
    QVERIFY(window.history()
                ->data(window.history()->index(0, RunHistoryModel::SourceColumn))
                .toString()
                .contains(QStringLiteral("test_websocket")));

    // A bad Redis URL is refused as typed.
    redis.url = QUrl(QStringLiteral("http://nope"));
    setup->setRedis(redis);
    QVERIFY(!window.startAction()->isEnabled());
}

void tst_MainWindow::dropsAreCountedShownAndNothingLost()
{
    // The simulator's fault knobs: the feed vanishes twice (resuming, repeating its last frames)
    // and the sink twice mid-send. Every drop is counted, timed and shown; nothing is lost.
    MainWindow window;
    RunSetupPanel *setup = window.setupPanel();
    setUpSimulatorRun(setup, 30000);
    auto *feedDrops = setup->findChild<QSpinBox *>(QStringLiteral("simFeedDrops"));
    auto *sinkDrops = setup->findChild<QSpinBox *>(QStringLiteral("simSinkDrops"));
    QVERIFY(feedDrops && sinkDrops);
    feedDrops->setValue(2);
    sinkDrops->setValue(2);
    const RunReport report = runToEnd(window);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.feedDrops, quint64(2));
    QCOMPARE(report.counters.feedReconnects, quint64(2));
    QCOMPARE(report.counters.sinkDrops, quint64(2));
    QVERIFY(report.counters.duplicates > 0); // the resumed feed repeated frames

    const QString sinkName = report.config.sinkUrl.path().section(QLatin1Char('/'), -1);
    FeedSimulator *sim = window.session()->simulator();
    const SinkStats sink = sim->sinkStats(sinkName);
    QCOMPARE(sink.validation.unique, report.counters.sent);
    // Repeats at the sink are explained by what was re-sent (some re-sent frames had not
    // arrived before the drop, so they are not repeats).
    QVERIFY(report.counters.resent > 0);
    QVERIFY(sink.frames - sink.validation.unique <= report.counters.resent);

    const auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("eventLog"));
    QVERIFY(log);
    const QString text = log->toPlainText();
    QCOMPARE(text.count(QStringLiteral("the feed dropped")), 2);
    QCOMPARE(text.count(QStringLiteral("the sink dropped")), 2);
    QCOMPARE(text.count(QStringLiteral("the feed reconnected after")), 2);
}

void tst_MainWindow::batchMemoryCapOffersStreamMode()
{
    MainWindow window;
    window.show();
    RunSetupPanel *setup = window.setupPanel();
    setUpSimulatorRun(setup, 200000, ReorderMode::Batch);
    auto *cap = setup->findChild<QSpinBox *>(QStringLiteral("batchMemory"));
    QVERIFY(cap);
    cap->setValue(1);
    const RunReport report = runToEnd(window);
    QCOMPARE(report.endReason, RunEnd::BatchMemoryCap);
    QVERIFY(report.counters.accepted < 200000);
    QCOMPARE(report.counters.sent,
             report.counters.accepted - report.counters.duplicates - report.counters.late);
    QCOMPARE(window.results()->verdict(), QStringLiteral("FAIL"));
    QVERIFY2(window.errorText().contains(QStringLiteral("memory cap of 1 MiB")),
             qPrintable(window.errorText()));
    auto *remedy = window.findChild<QPushButton *>(QStringLiteral("switchToStream"));
    QVERIFY(remedy && remedy->isVisible());
    remedy->click();
    QCOMPARE(setup->config().mode, ReorderMode::Stream);
    QVERIFY(window.errorText().isEmpty());
    QVERIFY(!remedy->isVisible());
    QVERIFY(!runToEnd(window).failed()); // the same feed in stream mode
}

void tst_MainWindow::commandLineOverridesOnlyWhatItNames()
{
    {
        MainWindow window;
        window.setupPanel()->setWindow(321);
        window.setupPanel()->setMaxHoldMs(250);
        window.close();
    }
    // What reorder-monitor's command line hands over for --idle-timeout 5000
    // --reconnect-attempts 3 --max-frame-bytes 2048 --batch-memory-mb 64 --mode batch --sim ...
    RunOverrides options;
    options.idleTimeoutMs = 5000;
    options.reconnectAttempts = 3;
    options.maxFrameBytes = 2048;
    options.batchMemoryBytes = quint64(64) << 20;
    options.mode = ReorderMode::Batch;
    options.simulatorQuery =
        QStringLiteral("count=5000&start=100&oversize=0.01&stall=3000&drop=700&drops=2&replay=50");
    MainWindow window;
    window.applyOptions(options);
    const RunConfig c = window.setupPanel()->config();
    QCOMPARE(c.window, qint64(321)); // remembered, not named on the command line
    QCOMPARE(c.mode, ReorderMode::Batch);
    QCOMPARE(c.idleTimeoutMs, 5000);
    QCOMPARE(c.feedReconnect.maxAttempts, 3);
    QCOMPARE(c.sinkReconnect.maxAttempts, 3);
    QCOMPARE(c.maxFrameBytes, qsizetype(2048));
    QCOMPARE(c.batchMemoryBytes, quint64(64) << 20);
    // --sim parameters the panel has no field for still apply, and are shown.
    const FeedParams p = window.setupPanel()->simulatorParams();
    QCOMPARE(p.count, quint64(5000));
    QCOMPARE(p.start, qint64(100));
    QCOMPARE(p.oversize, 0.01);
    QCOMPARE(p.stallAfter, quint64(3000));
    QCOMPARE(p.dropAfter, quint64(700));
    QCOMPARE(p.drops, quint64(2));
    QCOMPARE(p.replay, quint64(50));
    const auto *more = window.setupPanel()->findChild<QLabel *>(QStringLiteral("simMore"));
    QVERIFY(more && !more->isHidden());
    QVERIFY(more->text().contains(QStringLiteral("stall=3000")));
}

void tst_MainWindow::setupChoicesPersist_data()
{
    QTest::addColumn<RunSetupPanel::Source>("source");
    QTest::addColumn<RunSetupPanel::Sink>("sink");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("pageField"); // a field of the source's page, shown with it
    QTest::newRow("simulator") << RunSetupPanel::Source::Simulator << RunSetupPanel::Sink::Simulator
                               << false << "simCount";
    QTest::newRow("url to url") << RunSetupPanel::Source::WebSocket << RunSetupPanel::Sink::Url
                                << false << "feedUrl";
    QTest::newRow("redis stream, no sink")
        << RunSetupPanel::Source::Redis << RunSetupPanel::Sink::None << true << "redisUrl";
}

void tst_MainWindow::setupChoicesPersist()
{
    QFETCH(RunSetupPanel::Source, source);
    QFETCH(RunSetupPanel::Sink, sink);
    QFETCH(bool, stream);
    QFETCH(QString, pageField);
    {
        MainWindow window;
        RunSetupPanel *setup = window.setupPanel();
        setup->setSource(source);
        setup->setSink(sink);
        RedisFeedConfig redis;
        redis.url = QUrl(QStringLiteral("redis://127.0.0.1:1"));
        (stream ? redis.stream : redis.channel) = QStringLiteral("k");
        setup->setRedis(redis);
        setup->setMode(ReorderMode::Batch);
        window.close();
    }
    MainWindow again;
    RunSetupPanel *setup = again.setupPanel();
    QCOMPARE(setup->source(), source);
    QCOMPARE(setup->sink(), sink);
    QCOMPARE(setup->config().mode, ReorderMode::Batch);
    auto *field = setup->findChild<QWidget *>(pageField);
    QVERIFY(field);
    QVERIFY(field->isVisibleTo(setup));
    if (source == RunSetupPanel::Source::Redis)
        QCOMPARE(setup->config().redis.isStream(), stream);
}

void tst_MainWindow::overridesChooseFeedAndSink_data()
{
    QTest::addColumn<RunOverrides>("overrides");
    QTest::addColumn<RunSetupPanel::Source>("source");
    QTest::addColumn<RunSetupPanel::Sink>("sink");
    const QUrl feed(QStringLiteral("ws://127.0.0.1:9") + WireProtocol::FeedPath);
    const QUrl sinkUrl(QStringLiteral("ws://127.0.0.1:9") + WireProtocol::SinkPathPrefix
                       + QStringLiteral("me"));
    RunOverrides none;
    QTest::newRow("nothing named: as remembered")
        << none << RunSetupPanel::Source::Simulator << RunSetupPanel::Sink::Simulator;
    RunOverrides url;
    url.feedUrl = feed;
    QTest::newRow("a feed alone: forward nowhere")
        << url << RunSetupPanel::Source::WebSocket << RunSetupPanel::Sink::None;
    url.sinkUrl = sinkUrl;
    QTest::newRow("feed and sink")
        << url << RunSetupPanel::Source::WebSocket << RunSetupPanel::Sink::Url;
    RunOverrides redis;
    redis.redis = RedisFeedConfig();
    redis.redis->url = QUrl(QStringLiteral("redis://127.0.0.1:1"));
    redis.redis->stream = QStringLiteral("k");
    QTest::newRow("redis") << redis << RunSetupPanel::Source::Redis << RunSetupPanel::Sink::None;
    RunOverrides sim;
    sim.sinkUrl = sinkUrl;
    sim.simulatorQuery = QStringLiteral("count=7");
    QTest::newRow("simulator to a url")
        << sim << RunSetupPanel::Source::Simulator << RunSetupPanel::Sink::Url;
    RunOverrides replay;
    replay.replayPath = QCoreApplication::applicationFilePath(); // a file that exists
    replay.replaySpeed = 10;
    QTest::newRow("a capture replayed: forward nowhere")
        << replay << RunSetupPanel::Source::Capture << RunSetupPanel::Sink::None;
}

void tst_MainWindow::overridesChooseFeedAndSink()
{
    QFETCH(RunOverrides, overrides);
    MainWindow window;
    window.applyOptions(overrides);
    RunSetupPanel *setup = window.setupPanel();
    QTEST(setup->source(), "source");
    QTEST(setup->sink(), "sink");
    const RunConfig c = setup->config();
    if (overrides.feedUrl)
        QCOMPARE(c.feedUrl, *overrides.feedUrl);
    if (overrides.sinkUrl)
        QCOMPARE(c.sinkUrl, *overrides.sinkUrl);
    if (overrides.redis)
        QVERIFY(c.redis.isStream());
    if (overrides.simulatorQuery)
        QCOMPARE(setup->simulatorParams().count, quint64(7));
    if (overrides.replayPath) {
        QCOMPARE(c.feedKind, FeedKind::Capture);
        QCOMPARE(c.replayPath, *overrides.replayPath);
        QCOMPARE(c.replaySpeed, 10.0);
    }
    QVERIFY2(setup->problems().isEmpty(), qPrintable(setup->problems().join(QLatin1Char('\n'))));
}

void tst_MainWindow::idleTimeoutEndsAStalledRun()
{
    // A feed that stays connected but sends nothing more: the idle timeout ends the run (the
    // controller lives in the session's worker thread; its timers must live there too).
    MainWindow window;
    RunSetupPanel *setup = window.setupPanel();
    FeedSimulator *sim = window.session()->simulator();
    QVERIFY(sim);
    FeedParams p;
    p.count = 5000;
    p.disorder = 10;
    p.stallAfter = 1000;
    setup->setSource(RunSetupPanel::Source::WebSocket);
    setup->setFeedUrl(sim->feedUrl(p).toString());
    setup->setSink(RunSetupPanel::Sink::Simulator);
    setup->setWindow(64);
    auto *idle = setup->findChild<QSpinBox *>(QStringLiteral("idleTimeout"));
    QVERIFY(idle);
    idle->setValue(1);
    const RunReport report = runToEnd(window);
    QCOMPARE(report.endReason, RunEnd::IdleTimeout);
    QCOMPARE(report.counters.received, quint64(1000));
    QCOMPARE(report.counters.sent, quint64(1000)); // what was held went out
    QVERIFY(report.verdict.reasonTexts().join(' ').contains(QStringLiteral("nothing moved")));
    QVERIFY(window.startAction()->isEnabled());
}

void tst_MainWindow::verdictLevels_data()
{
    QTest::addColumn<quint64>("disorder");
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("faults");
    QTest::addColumn<Verdict>("verdict");
    QTest::newRow("clean feed: PASS") << quint64(30) << 64 << false << Verdict::Pass;
    QTest::newRow("feed gaps, duplicates, junk only: WARN")
        << quint64(30) << 64 << true << Verdict::Warn;
    QTest::newRow("W = 8 on disorder 50: FAIL") << quint64(50) << 8 << false << Verdict::Fail;
}

void tst_MainWindow::verdictLevels()
{
    // One verdict everywhere: the banner (word and colour), its reasons, Events, the runs
    // history and its CSV.
    QFETCH(quint64, disorder);
    QFETCH(int, window);
    QFETCH(bool, faults);
    QFETCH(Verdict, verdict);
    MainWindow w;
    setUpSimulatorRun(w.setupPanel(), 20000);
    FeedParams p = w.setupPanel()->simulatorParams();
    p.disorder = disorder;
    if (!faults)
        p.dup = p.gap = p.junk = 0;
    w.setupPanel()->setSimulatorParams(p);
    w.setupPanel()->setWindow(window);
    const RunReport report = runToEnd(w);
    QCOMPARE(report.verdict.level, verdict);
    QCOMPARE(w.results()->verdict(), VerdictStyle::label(verdict));
    QCOMPARE(w.results()->verdictColor(), VerdictStyle::color(verdict));
    QCOMPARE(w.results()->reasons(), report.verdict.reasonTexts());
    QCOMPARE(w.history()->data(w.history()->index(0, RunHistoryModel::VerdictColumn)).toString(),
             VerdictStyle::label(verdict));
    const QString events = w.findChild<QPlainTextEdit *>(QStringLiteral("eventLog"))->toPlainText();
    QVERIFY(events.contains(QStringLiteral("finished: %1").arg(VerdictStyle::label(verdict))));
    const QString path = m_dir.filePath(QStringLiteral("verdict-runs.csv"));
    QVERIFY(w.exportHistory(path));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.at(1).at(15), RunVerdict::key(verdict));
    switch (verdict) {
    case Verdict::Pass:
        QVERIFY(w.results()->reasons().isEmpty());
        QVERIFY(w.results()->headline().contains(QStringLiteral("20,000 messages sent in order")));
        break;
    case Verdict::Warn:
        QVERIFY(report.counters.late == 0 && report.counters.lostIds > 0);
        QVERIFY(w.results()->reasons().size() >= 3); // missing ids, duplicates, malformed
        QVERIFY(rows.at(1).last().contains(QStringLiteral("never arrived")));
        break;
    case Verdict::Fail:
        // How many were lost and what W would have kept them, in the banner itself.
        QVERIFY(report.counters.late > 0);
        QVERIFY2(
            w.results()->headline().contains(
                QStringLiteral("%1 messages lost").arg(QLocale().toString(report.counters.late))),
            qPrintable(w.results()->headline()));
        QVERIFY(w.results()->headline().contains(
            QStringLiteral("W = %1 would have kept them").arg(report.counters.recommendedWindow)));
        QCOMPARE(report.verdict.reasons.first().code, QStringLiteral("late"));
        QVERIFY(rows.at(1).last().contains(QStringLiteral("W = 8 was too small")));
        break;
    }
}

void tst_MainWindow::ringTableShowsTheNewestRows()
{
    // The table keeps the latest N rows: its bottom row is the run's last frame, and the view
    // follows it; the run's CSV has every frame.
    MainWindow w;
    w.show();
    setUpSimulatorRun(w.setupPanel(), 30000);
    w.setupPanel()->setTableRows(MessageTableModel::MinCapacity);
    const RunReport report = runToEnd(w);
    QVERIFY(!report.failed());
    const MessageTableModel *model = w.messageModel();
    QCOMPARE(model->rowCount(), MessageTableModel::MinCapacity);
    QCOMPARE(model->arrivals(), report.counters.received);
    const int last = model->rowCount() - 1;
    QCOMPARE(model->data(model->index(last, MessageTableModel::ArrivalColumn)).toULongLong(),
             report.counters.received - 1);
    QTableView *view = w.messagePanel()->view();
    QVERIFY(!w.messagePanel()->isPaused());
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    const auto *caption = w.findChild<QLabel *>(QStringLiteral("tableCaption"));
    QVERIFY2(caption->text().contains(QStringLiteral("in the run's CSV")),
             qPrintable(caption->text()));
    const QString csv = m_dir.filePath(QStringLiteral("ring.csv"));
    QVERIFY(w.exportCsv(csv));
    QCOMPARE(quint64(readCsv(csv).size()), report.counters.received + 1);
}

void tst_MainWindow::findSelectsAndDetailsExplain()
{
    MainWindow w;
    w.show();
    setUpSimulatorRun(w.setupPanel(), 5000);
    const RunReport report = runToEnd(w);
    QVERIFY(report.counters.duplicates > 0 && report.counters.malformed > 0);
    MessagePanel *panel = w.messagePanel();
    const MessageTableModel *model = w.messageModel();

    // An id: the row with it is selected, the view stops following, the details say it.
    panel->findBar()->find(FindBar::Target::Id, QStringLiteral("1234"));
    QVERIFY(panel->selectedArrival());
    const int row = *model->rowOfArrival(*panel->selectedArrival());
    QCOMPARE(model->id(row), qint64(1234));
    QVERIFY(panel->isPaused());
    QCOMPARE(w.bottomTabs()->currentWidget(), panel->details());
    QVERIFY(panel->details()->text().contains(QStringLiteral("1234")));

    // An arrival #.
    panel->findBar()->find(FindBar::Target::Arrival, QStringLiteral("#17"));
    QCOMPARE(panel->selectedArrival().value_or(0), quint64(17));

    // The next duplicate: its first copy is named.
    QVERIFY(panel->step(MessageStatus::Duplicate, +1));
    const int duplicate = *model->rowOfArrival(*panel->selectedArrival());
    QCOMPARE(model->status(duplicate), MessageStatus::Duplicate);
    const auto first = model->firstCopyOf(duplicate);
    QVERIFY(first);
    QVERIFY2(panel->details()->text().contains(
                 QStringLiteral("first copy is arrival #%1")
                     .arg(QLocale().toString(model->firstArrival() + quint64(*first)))),
             qPrintable(panel->details()->text()));

    // A malformed frame: the reason in words and the whole raw frame, copied exactly.
    QVERIFY(panel->step(MessageStatus::Malformed, +1));
    const int malformed = *model->rowOfArrival(*panel->selectedArrival());
    QVERIFY(panel->details()->text().contains(QStringLiteral("Malformed:")));
    panel->details()->copyRawFrame();
    QCOMPARE(QGuiApplication::clipboard()->text(), model->info(malformed).frame);
    // Ctrl+C in the table copies the row.
    panel->view()->setFocus();
    QTest::keyClick(panel->view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), model->rowText(malformed));

    // Not there: said, nothing selected elsewhere.
    QVERIFY(!panel->findId(-999));
    // Jump to latest: following again, at the bottom.
    panel->jumpToLatest();
    QVERIFY(!panel->isPaused());
    QCOMPARE(panel->selectedArrival().value_or(0), model->arrivals() - 1);
}

void tst_MainWindow::pauseHoldsTheViewWhileDataFlows()
{
    MainWindow w;
    w.show();
    setUpPacedRun(w.setupPanel(), 60000, 15000); // four seconds
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    MessagePanel *panel = w.messagePanel();
    QTableView *view = panel->view();
    QTRY_VERIFY_WITH_TIMEOUT(w.messageModel()->rowCount() > 3000, 20000);
    QVERIFY(finished.isEmpty());
    QTRY_VERIFY(view->hasFocus()); // a run puts the focus on the table: Space is at hand
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(panel->isPaused());
    const auto *follow = w.findChild<QLabel *>(QStringLiteral("followState"));
    QVERIFY(follow->text().contains(QStringLiteral("paused")));
    // Once the rows that arrive meanwhile are laid out below, the top row stays put.
    const quint64 paused = w.messageModel()->arrivals();
    QTRY_VERIFY_WITH_TIMEOUT(w.messageModel()->arrivals() > paused + 500, 20000);
    QCoreApplication::processEvents();
    const QModelIndex top = view->indexAt(QPoint(4, 4));
    const QVariant topArrival = view->model()->data(top.siblingAtColumn(0));
    const quint64 before = w.messageModel()->arrivals();
    QTRY_VERIFY_WITH_TIMEOUT(w.messageModel()->arrivals() > before + 5000, 20000);
    // The data kept flowing; the view stayed where it was.
    QCOMPARE(view->model()->data(view->indexAt(QPoint(4, 4)).siblingAtColumn(0)), topArrival);
    QVERIFY(view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum());
    QTRY_VERIFY(follow->text().contains(QStringLiteral("new below")));
    QTest::keyClick(view, Qt::Key_Space); // resume: back to the newest rows
    QVERIFY(!panel->isPaused());
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
}

void tst_MainWindow::afterAStopProgressSaysWhatWasDone()
{
    MainWindow w;
    setUpPacedRun(w.setupPanel(), 200000, 20000);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.messageModel()->arrivals() > 10000, 20000);
    w.stopAction()->trigger();
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
    const RunReport report = finished.takeFirst().at(0).value<RunReport>();
    QVERIFY(report.stopped);
    RunStatusBar *status = w.statusWidget();
    const quint64 distinct = report.counters.accepted - report.counters.duplicates;
    QCOMPARE(status->progressPermille(), int(distinct * 1000 / 200000));
    QVERIFY(status->progressPermille() < 1000);
    QVERIFY2(status->progressText().contains(QStringLiteral("stopped")),
             qPrintable(status->progressText()));
    QVERIFY2(status->rateText().startsWith(QStringLiteral("– in")), qPrintable(status->rateText()));
    QCOMPARE(status->feedText(), QStringLiteral("Feed: closed"));
}

void tst_MainWindow::neverConnectedShowsDashesAndOneError()
{
    MainWindow w;
    RunSetupPanel *setup = w.setupPanel();
    setup->setSource(RunSetupPanel::Source::WebSocket);
    setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:%1/raw-messages").arg(TestUtil::unusedPort()));
    setup->setSink(RunSetupPanel::Sink::None);
    const RunReport report = runToEnd(w);
    QCOMPARE(report.exitCode(), 2);
    // Values that do not exist are "–", never "Ordered: yes" or "Recommended window: 1".
    for (const char *field : {"ordered", "inversions", "recommended", "maxDistance", "holdMid"})
        QCOMPARE(w.results()->value(QLatin1String(field)), ResultsPanel::none());
    QVERIFY(!w.exportAction()->isEnabled()); // nothing to export
    QCOMPARE(w.charts()->distance()->windowLabel(), QString()); // nothing drawn, nothing said
    // The error once in Events, in the banner's words.
    const QString events = w.findChild<QPlainTextEdit *>(QStringLiteral("eventLog"))->toPlainText();
    QCOMPARE(events.count(QStringLiteral("Error: ")), 1);
    QVERIFY(events.contains(QStringLiteral("Error: ") + w.errorText()));
}

void tst_MainWindow::urlErrorsInPlainWords()
{
    MainWindow w;
    RunSetupPanel *setup = w.setupPanel();
    setup->setSource(RunSetupPanel::Source::WebSocket);
    setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:70000/raw-messages"));
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY2(setup->problems().join(' ').contains(QStringLiteral("port must be 1–65535")),
             qPrintable(setup->problems().join(' ')));
    setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:0/raw-messages"));
    QVERIFY(setup->problems().join(' ').contains(QStringLiteral("port must be 1–65535")));
    setup->setFeedUrl(QStringLiteral("ws://127.0.0.1:8080/raw-messages"));
    QVERIFY(setup->problems().isEmpty());

    // wss:// to a plain ws:// server: the TLS handshake fails, and the window says what to try.
    FeedSimulator *sim = w.session()->simulator();
    QVERIFY(sim);
    FeedParams p;
    p.count = 100;
    QUrl url = sim->feedUrl(p);
    url.setScheme(QStringLiteral("wss"));
    setup->setFeedUrl(url.toString());
    setup->setSink(RunSetupPanel::Sink::None);
    auto *reconnects = setup->findChild<QSpinBox *>(QStringLiteral("reconnects"));
    reconnects->setValue(0);
    const RunReport report = runToEnd(w);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(w.errorText().contains(QStringLiteral("use ws:// instead of wss://")),
             qPrintable(w.errorText()));
}

void tst_MainWindow::setupCollapsesWhileRunning()
{
    MainWindow w;
    w.show();
    QVERIFY(w.setupArea()->isExpanded());
    setUpPacedRun(w.setupPanel(), 40000, 20000);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    QVERIFY(!w.setupArea()->isExpanded());
    QVERIFY(w.setupArea()->summaryText().contains(QStringLiteral("W = 64")));
    const auto *summary = w.findChild<QLabel *>(QStringLiteral("setupSummary"));
    QVERIFY(summary->isVisible());
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
    QVERIFY(!w.setupArea()->isExpanded()); // the results keep the room
    w.setupArea()->setExpanded(true); // on demand
    QVERIFY(w.setupArea()->isExpanded());
}

void tst_MainWindow::fitsTheScreen()
{
    // The default size fits the screen's available geometry, status bar included.
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QRect available = w.screen()->availableGeometry();
    QVERIFY2(available.contains(w.frameGeometry()),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(w.frameGeometry().width())
                            .arg(w.frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(w.statusBar()->isVisible());
    QVERIFY(w.rect().contains(w.statusBar()->geometry()));
    // And it can be made as small as a 1280x720 screen at scale 2 (640x360).
    w.resize(640, 360);
    QCoreApplication::processEvents();
    const QSize least = w.minimumSizeHint();
    QVERIFY2(least.width() <= 640 && least.height() <= 360,
             qPrintable(QStringLiteral("%1x%2").arg(least.width()).arg(least.height())));
}

void tst_MainWindow::pausedViewStaysPutAsTheRingMoves()
{
    // A small ring that drops its oldest rows while the view is paused: the rows in view stay in
    // view (the view moves up with them) until they leave the table themselves.
    MainWindow w;
    w.show();
    setUpPacedRun(w.setupPanel(), 30000, 5000); // batches of a few hundred rows
    w.setupPanel()->setTableRows(4 * MessageTableModel::MinCapacity); // room for a few batches
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    MessageTableModel *model = w.messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowsDropped() > 500, 20000); // the ring is moving
    MessagePanel *panel = w.messagePanel();
    QTableView *view = panel->view();
    const auto topArrival = [&] {
        return view->model()->data(view->indexAt(QPoint(4, 4)).siblingAtColumn(0)).toULongLong();
    };
    // Pause with the newest rows in view (following has laid them out: on a slow build that
    // can lag a batch or two behind): the ring drops rows far above them. Once the rows that
    // arrive meanwhile are laid out below, the top row stays put.
    QTRY_VERIFY_WITH_TIMEOUT(
        topArrival() > model->firstArrival() + 3 * MessageTableModel::MinCapacity, 20000);
    panel->setPaused(true);
    const quint64 paused = model->arrivals();
    QTRY_VERIFY_WITH_TIMEOUT(model->arrivals() > paused + 100, 20000);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    const QVariant top = view->model()->data(view->indexAt(QPoint(4, 4)).siblingAtColumn(0));
    const quint64 dropped = model->rowsDropped();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowsDropped() > dropped + 100, 20000);
    // The rows in view are still in the table (on a slow build batches are larger: the check
    // holds as long as the row at the top was not dropped itself).
    QVERIFY2(
        model->firstArrival() <= top.toULongLong(),
        qPrintable(
            QStringLiteral("first %1, top %2").arg(model->firstArrival()).arg(top.toULongLong())));
    QCOMPARE(view->model()->data(view->indexAt(QPoint(4, 4)).siblingAtColumn(0)), top);
    QVERIFY(panel->isPaused());
    w.stopAction()->trigger();
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
}

void tst_MainWindow::followingSurvivesQtMovingTheCurrentRow()
{
    // Qt moves the current row on its own: to the first visible row when the table gains the
    // focus, to a neighbour when the ring drops the current row, and it scrolls to it. Neither
    // is the operator picking a row: the table keeps following. A click is, and pauses.
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    setUpPacedRun(w.setupPanel(), 60000, 8000);
    w.setupPanel()->setTableRows(2 * MessageTableModel::MinCapacity);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    MessageTableModel *model = w.messageModel();
    MessagePanel *panel = w.messagePanel();
    QTableView *view = panel->view();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > MessageTableModel::MinCapacity, 20000);
    view->clearFocus();
    view->selectionModel()->clearCurrentIndex();
    view->setFocus(Qt::TabFocusReason); // Qt makes the first visible row current
    QTRY_VERIFY(panel->selectedArrival().has_value());
    const quint64 current = *panel->selectedArrival();
    QVERIFY(!panel->isPaused());
    // The ring drops that row: Qt moves the current row to the oldest one left.
    QTRY_VERIFY_WITH_TIMEOUT(model->firstArrival() > current + 100, 20000);
    QVERIFY2(finished.isEmpty(), "the run ended before the ring dropped the current row");
    QVERIFY(!panel->isPaused());
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    QVERIFY(view->verticalScrollBar()->maximum() > 0);
    // A click on a row is the operator's: the table pauses on it.
    const QRect second = view->visualRect(
        view->indexAt(QPoint(4, 4)).siblingAtRow(view->indexAt(QPoint(4, 4)).row() + 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
    QVERIFY(panel->isPaused());
    const quint64 picked = panel->selectedArrival().value_or(0);
    const QString frame = panel->details()->rawFrame();
    QCOMPARE(frame, model->info(*model->rowOfArrival(picked)).frame);
    QVERIFY(panel->details()->text().contains(QLocale().toString(picked)));
    // The ring drops it in turn: the details pane keeps it, says so, and still copies it.
    QTRY_VERIFY_WITH_TIMEOUT(model->firstArrival() > picked, 20000);
    QVERIFY2(panel->details()->text().contains(
                 QStringLiteral("Arrival #%1 has left the table").arg(QLocale().toString(picked))),
             qPrintable(panel->details()->text()));
    QCOMPARE(panel->details()->rawFrame(), frame);
    w.stopAction()->trigger();
    QVERIFY(!finished.isEmpty() || finished.wait(RunTimeoutMs));
}

void tst_MainWindow::chartsZoomHoverAndScale()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    setUpSimulatorRun(w.setupPanel(), 20000);
    w.setupPanel()->setWindow(RunConfig::DefaultWindow); // far above the data
    const RunReport report = runToEnd(w);
    QVERIFY(!report.failed());
    DistanceChart *distance = w.charts()->distance();
    // The y-axis fits the data, not ±W: a band, not a flat line; W is named beyond the scale.
    QVERIFY(distance->yLimit() < 2.0 * double(report.counters.maxDistance) + 8);
    QVERIFY(!distance->windowLinesShown());
    QCOMPARE(distance->windowLabel(), QStringLiteral("W = 1,024 beyond the scale"));

    // Hover: the message under the pointer.
    ZoomChartView *view = distance->view();
    QSignalSpy hovered(view, &ZoomChartView::hovered);
    const QPointF centre = view->chart()->plotArea().center();
    QTest::mouseMove(view->viewport(), centre.toPoint());
    QTRY_VERIFY(!hovered.isEmpty());
    const quint64 arrival = quint64(hovered.last().at(0).toPointF().x());
    QVERIFY(
        w.messageModel()->describe(arrival).value_or(QString()).contains(QStringLiteral("id ")));
    QVERIFY2(distance->hoverText().startsWith(QStringLiteral("arrival #")),
             qPrintable(distance->hoverText()));

    // Zoom with the wheel, back with a double click.
    QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(view->isZoomed());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    QVERIFY(!view->isZoomed());

    // Histogram: short labels, never elided; a log scale on demand.
    HistogramChart *histogram = w.charts()->histogram();
    w.charts()->tabs()->setCurrentWidget(histogram);
    histogram->refresh();
    for (const QString &label : histogram->labels())
        QVERIFY2(label.size() <= 4 && !label.contains(QChar(0x2026)), qPrintable(label));
    histogram->setLogScale(true);
    QVERIFY(histogram->logScale());
    // Rate: in and out per second over the run.
    QVERIFY(w.charts()->rate()->points(RateSeries::In) > 0);
}

void tst_MainWindow::keyboardReachesEveryPanel()
{
    // Tab goes through every panel and out of the table; Ctrl+Tab leaves the table too.
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    QTableView *table = w.messagePanel()->view();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(!table->hasFocus());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(!table->hasFocus());

    const QList<QWidget *> panels = {w.setupPanel(), w.messagePanel(), w.bottomTabs(),
                                     w.findChild<QWidget *>(QStringLiteral("resultsArea")),
                                     w.charts()};
    QSet<QWidget *> reached;
    for (int i = 0; i < 300 && reached.size() < panels.size(); ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        for (QWidget *panel : panels) {
            if (focus == panel || panel->isAncestorOf(focus))
                reached.insert(panel);
        }
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (QWidget *panel : panels)
        QVERIFY2(reached.contains(panel), panel->metaObject()->className());
}

void tst_MainWindow::historySurvivesARestart()
{
    // A run, the window gone, a new window on the same history: the run is there with its
    // verdict, results and charts, as they were.
    RunReport report;
    qint64 id = 0;
    double yLimit = 0;
    QString windowLabel;
    {
        MainWindow window;
        setUpSimulatorRun(window.setupPanel(), 6000);
        report = runToEnd(window);
        yLimit = window.charts()->distance()->yLimit();
        windowLabel = window.charts()->distance()->windowLabel();
        QCOMPARE(report.verdict.level, Verdict::Warn);
        QCOMPARE(window.history()->rowCount(), 1);
        const HistoryEntry &e = window.history()->entry(0);
        id = e.id;
        QCOMPARE(e.status, RunStatus::Finished);
        // The window keeps the run's messages and a capture of its feed, in the history's folder.
        QVERIFY2(QFileInfo(e.csvPath).isFile(), qPrintable(e.csvPath));
        QVERIFY2(QFileInfo(e.capturePath).isFile(), qPrintable(e.capturePath));
        QCOMPARE(QFileInfo(e.capturePath).absolutePath(), window.runHistory()->filesFolder());
        // The chart's data is kept against arrival, as the live chart draws it.
        const DistanceBand &band = report.digest.band;
        QVERIFY(quint64(band.buckets().size()) * band.arrivalsPerBucket()
                >= report.counters.received * 99 / 100);
        QVERIFY(quint64(band.buckets().size() - 1) * band.arrivalsPerBucket()
                < report.counters.received);
    }
    MainWindow again;
    QCOMPARE(again.history()->rowCount(), 1);
    QCOMPARE(again.history()->entry(0).id, id);
    QCOMPARE(again.history()->data(again.history()->index(0, RunHistoryModel::VerdictColumn)),
             QVariant(QStringLiteral("WARN")));
    QCOMPARE(again.history()->data(again.history()->index(0, RunHistoryModel::SentColumn)),
             QVariant(QLocale().toString(report.counters.sent)));
    QCOMPARE(again.results()->verdict(), QStringLiteral("No run yet"));
    again.historyPanel()->select({id});
    QCOMPARE(again.results()->verdict(), QStringLiteral("WARN"));
    QCOMPARE(again.results()->verdictColor(), VerdictStyle::color(Verdict::Warn));
    QCOMPARE(again.results()->reasons(), report.verdict.reasonTexts());
    QCOMPARE(again.results()->value(QStringLiteral("sent")),
             QLocale().toString(report.counters.sent));
    QCOMPARE(again.results()->value(QStringLiteral("malformed")),
             QLocale().toString(report.counters.malformed));
    QVERIFY(again.results()->runCaption().startsWith(QStringLiteral("Run %1").arg(id)));
    QCOMPARE(again.charts()->histogram()->total(), report.counters.sent);
    QCOMPARE(again.charts()->rate()->total(RateSeries::Out), report.counters.sent);
    QCOMPARE(again.charts()->rate()->total(RateSeries::In), report.counters.received);
    QVERIFY(again.charts()->distance()->plottedPoints() > 0);
    // The distance chart's scale and its ±W label as they were drawn live.
    QCOMPARE(again.charts()->distance()->yLimit(), yLimit);
    QCOMPARE(again.charts()->distance()->windowLabel(), windowLabel);
    QVERIFY(!windowLabel.isEmpty());
    // Its messages still export.
    QVERIFY(again.exportAction()->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("restart.csv"));
    QVERIFY(again.exportCsv(path));
    QCOMPARE(quint64(readCsv(path).size()), report.counters.received + 1);
}

void tst_MainWindow::renameAnnotateDelete()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 2000);
    QVERIFY(!runToEnd(window).failed());
    QVERIFY(!runToEnd(window).failed());
    RunHistoryModel *model = window.history();
    QCOMPARE(model->rowCount(), 2);
    const qint64 older = model->entry(1).id;
    const qint64 newer = model->entry(0).id;
    HistoryPanel *panel = window.historyPanel();

    QVERIFY(panel->rename(older, QStringLiteral("before the load balancer change")));
    QVERIFY(panel->annotate(older, QStringLiteral("W = 64, disorder 30")));
    QCOMPARE(model->data(model->index(1, RunHistoryModel::NameColumn)).toString(),
             QStringLiteral("before the load balancer change"));
    QCOMPARE(model->data(model->index(1, RunHistoryModel::NoteColumn)).toString(),
             QStringLiteral("W = 64, disorder 30"));
    panel->select({older});
    QVERIFY(window.results()->runCaption().contains(QStringLiteral("before the load balancer")));
    QVERIFY(window.results()->runCaption().contains(QStringLiteral("W = 64, disorder 30")));
    // The actions follow the selection: one run for rename and note, two for compare.
    QVERIFY(panel->renameAction()->isEnabled());
    QVERIFY(!panel->compareAction()->isEnabled());
    panel->select({older, newer});
    QVERIFY(panel->compareAction()->isEnabled());
    QVERIFY(!panel->renameAction()->isEnabled());

    // Deleted with its files; the storage shown goes down.
    const HistoryEntry gone = model->entry(0);
    QVERIFY(QFile::exists(gone.csvPath) && QFile::exists(gone.capturePath));
    const quint64 before = window.runHistory()->storage().fileBytes;
    QVERIFY(panel->remove({newer}));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).id, older);
    QVERIFY(!QFile::exists(gone.csvPath));
    QVERIFY(!QFile::exists(gone.capturePath));
    QVERIFY(window.runHistory()->storage().fileBytes < before);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("historyStorage"))
                ->text()
                .contains(QStringLiteral("1 run")));
    // And after a restart.
    MainWindow again;
    QCOMPARE(again.history()->rowCount(), 1);
    QCOMPARE(again.history()->entry(0).name, QStringLiteral("before the load balancer change"));
}

void tst_MainWindow::compareShowsBothAndHighlightsDifferences()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 20000);
    FeedParams clean = window.setupPanel()->simulatorParams();
    clean.dup = clean.gap = clean.junk = 0;
    clean.disorder = 50;
    window.setupPanel()->setSimulatorParams(clean);
    const RunReport pass = runToEnd(window);
    QCOMPARE(pass.verdict.level, Verdict::Pass);
    window.setupPanel()->setWindow(8); // too small for disorder 50
    const RunReport fail = runToEnd(window);
    QCOMPARE(fail.verdict.level, Verdict::Fail);
    const qint64 older = window.history()->entry(1).id;
    const qint64 newer = window.history()->entry(0).id;
    QVERIFY(window.historyPanel()->rename(older, QStringLiteral("W = 64")));
    QVERIFY(window.historyPanel()->rename(newer, QStringLiteral("W = 8")));

    QPointer<CompareDialog> dialog = window.compareRuns(older, newer);
    QVERIFY(dialog);
    QTableWidget *table = dialog->table();
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Run %1").arg(older));
    QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("Run %1").arg(newer));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("W = 64")); // the names, whole
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("W = 8"));
    // Every figure of both runs, the differences highlighted.
    QMap<QString, int> rowOf;
    for (int r = 0; r < table->rowCount(); ++r)
        rowOf.insert(table->item(r, 0)->text(), r);
    for (const char *figure :
         {"Received", "Sent", "Late", "Duplicates", "Missing ids", "Inversions", "Max distance",
          "Recommended window", "Total", "Throughput (msg/s)", "Hold p99", "Verdict", "Window W"})
        QVERIFY2(rowOf.contains(QLatin1String(figure)), figure);
    const QStringList differing = dialog->differing();
    for (const char *figure : {"Window W", "Verdict", "Late", "Sent", "Name"})
        QVERIFY2(differing.contains(QLatin1String(figure)), figure);
    for (const char *figure : {"Received", "Mode", "Source", "Duplicates"})
        QVERIFY2(!differing.contains(QLatin1String(figure)), figure);
    const int late = rowOf.value(QStringLiteral("Late"));
    QCOMPARE(table->item(late, 1)->text(), QStringLiteral("0"));
    QCOMPARE(table->item(late, 2)->text(), QLocale().toString(fail.counters.late));
    QCOMPARE(table->item(late, 3)->text(),
             QStringLiteral("+") + QLocale().toString(fail.counters.late));
    QCOMPARE(table->item(late, 2)->background().color(), CompareDialog::highlight());
    const int verdict = rowOf.value(QStringLiteral("Verdict"));
    QCOMPARE(table->item(verdict, 1)->text(), QStringLiteral("PASS"));
    QCOMPARE(table->item(verdict, 2)->foreground().color(), VerdictStyle::color(Verdict::Fail));
    // Both histograms and both rate charts, labelled with the runs' names.
    QCOMPARE(dialog->histogram()->names(),
             (QStringList {QStringLiteral("W = 64 (#%1)").arg(older),
                           QStringLiteral("W = 8 (#%1)").arg(newer)}));
    double shares = 0;
    for (qreal v : dialog->histogram()->values(0))
        shares += v;
    QVERIFY(std::abs(shares - 100.0) < 0.01);
    QVERIFY(!dialog->histogram()->values(1).isEmpty());
    QCOMPARE(dialog->rates()->names(), dialog->histogram()->names());
    QVERIFY(dialog->rates()->points(0) > 0 && dialog->rates()->points(1) > 0);
    dialog->close(); // deletes itself
    QTRY_VERIFY(dialog.isNull());
}

void tst_MainWindow::openCaptureReplaysWithTheSameCounts()
{
    MainWindow window;
    setUpSimulatorRun(window.setupPanel(), 8000);
    const RunReport recorded = runToEnd(window);
    QVERIFY(!recorded.failed());
    const QString capture = window.history()->entry(0).capturePath;
    QVERIFY(QFileInfo(capture).isFile());

    // Replayed as fast as the run takes it, through the same set-up: the same counts.
    window.setupPanel()->setReplaySpeed(0);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.openCapture(capture));
    QCOMPARE(window.setupPanel()->source(), RunSetupPanel::Source::Capture);
    QVERIFY(finished.wait(RunTimeoutMs));
    const RunReport replay = finished.takeFirst().at(0).value<RunReport>();
    QCOMPARE(replay.config.feedKind, FeedKind::Capture);
    QCOMPARE(replay.config.replayPath, capture);
    for (const auto &[a, b] :
         {std::pair {recorded.counters.received, replay.counters.received},
          std::pair {recorded.counters.accepted, replay.counters.accepted},
          std::pair {recorded.counters.malformed, replay.counters.malformed},
          std::pair {recorded.counters.duplicates, replay.counters.duplicates},
          std::pair {recorded.counters.late, replay.counters.late},
          std::pair {recorded.counters.sent, replay.counters.sent},
          std::pair {recorded.counters.missingIds, replay.counters.missingIds}})
        QCOMPARE(b, a);
    QCOMPARE(replay.verdict.level, recorded.verdict.level);
    // The replay is in the history; it is not recorded again.
    QCOMPARE(window.history()->rowCount(), 2);
    QVERIFY(window.history()->entry(0).capturePath.isEmpty());
    QVERIFY(window.history()->entry(0).source.contains(QFileInfo(capture).fileName()));

    // Dropping the capture on the window replays it too.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(capture)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(finished.takeFirst().at(0).value<RunReport>().counters.sent, recorded.counters.sent);
    QCOMPARE(window.history()->rowCount(), 3);

    // Something that is not a capture is refused in words, and nothing starts.
    const QString notACapture = m_dir.filePath(QStringLiteral("not-a-capture.txt"));
    QFile file(notACapture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    QVERIFY(!window.openCapture(notACapture));
    QVERIFY2(window.errorText().contains(QStringLiteral("Cannot replay")),
             qPrintable(window.errorText()));
    QCOMPARE(window.history()->rowCount(), 3);
}

void tst_MainWindow::twoWindowsOnOneHistoryKeepBothRuns()
{
    // Two windows (each its own connection, run thread and simulator) running at the same time
    // on one history: both runs are kept whole.
    MainWindow first;
    MainWindow second;
    QSignalSpy firstDone(&first, &MainWindow::runFinished);
    QSignalSpy secondDone(&second, &MainWindow::runFinished);
    for (MainWindow *w : {&first, &second}) {
        setUpPacedRun(w->setupPanel(), 30000, 30000); // a second each: they overlap
        w->startRun();
    }
    QVERIFY(firstDone.wait(RunTimeoutMs) || !firstDone.isEmpty());
    QVERIFY(!secondDone.isEmpty() || secondDone.wait(RunTimeoutMs));
    const QList<HistoryEntry> runs = first.runHistory()->list();
    QCOMPARE(runs.size(), 2);
    for (const HistoryEntry &e : runs) {
        QCOMPARE(e.status, RunStatus::Finished);
        QCOMPARE(e.sent, quint64(30000));
        const std::optional<HistoryRecord> r = first.runHistory()->get(e.id);
        QVERIFY(r && r->report);
        QCOMPARE(r->report->digest.histogram.total(), quint64(30000));
    }
    QTRY_COMPARE(first.history()->rowCount(), 2); // the other window's run shows up here too
    QCOMPARE(second.history()->rowCount(), 2);
}

void tst_MainWindow::runCutOffShowsInterrupted()
{
    qint64 id = 0;
    {
        MainWindow window;
        setUpPacedRun(window.setupPanel(), 1000000, 2000);
        window.startRun();
        QTRY_VERIFY(window.messageModel()->rowCount() > 0);
        QCOMPARE(window.history()->entry(0).status, RunStatus::Running);
        QCOMPARE(window.history()->data(window.history()->index(0, RunHistoryModel::VerdictColumn)),
                 QVariant(QStringLiteral("RUNNING")));
        // A past run is not shown over the live one.
        QVERIFY(!window.showRun(window.history()->entry(0).id));
        id = window.history()->entry(0).id;
    } // the window goes during the run
    MainWindow again;
    QCOMPARE(again.history()->entry(0).id, id);
    QCOMPARE(again.history()->entry(0).status, RunStatus::Interrupted);
    QCOMPARE(again.history()->data(again.history()->index(0, RunHistoryModel::VerdictColumn)),
             QVariant(QStringLiteral("INTERRUPTED")));
    QVERIFY(again.showRun(id));
    QCOMPARE(again.results()->verdict(), QStringLiteral("INTERRUPTED"));
    QVERIFY(again.results()->headline().contains(QStringLiteral("cut off")));
    // What was recorded of its feed can be replayed.
    again.historyPanel()->select({id});
    QVERIFY(again.historyPanel()->replayAction()->isEnabled());
    QVERIFY(!again.historyPanel()->compareAction()->isEnabled());
}

void tst_MainWindow::captureOffAndRetention()
{
    QSettings().setValue(QStringLiteral("capture/enabled"), false);
    MainWindow window;
    QVERIFY(window.runHistory()->setRetention({2, 0}));
    setUpSimulatorRun(window.setupPanel(), 1000);
    QStringList csvs;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!runToEnd(window).failed());
        QVERIFY(window.history()->entry(0).capturePath.isEmpty()); // no capture asked for
        csvs << window.history()->entry(0).csvPath;
    }
    // The newest two kept; the oldest gone with its CSV.
    QCOMPARE(window.history()->rowCount(), 2);
    QVERIFY(!QFile::exists(csvs.at(0)));
    QVERIFY(QFile::exists(csvs.at(1)) && QFile::exists(csvs.at(2)));
    const auto *storage =
        window.historyPanel()->findChild<QLabel *>(QStringLiteral("historyStorage"));
    QVERIFY2(storage->text().contains(QStringLiteral("the newest 2 runs")),
             qPrintable(storage->text()));
}

QTEST_MAIN(tst_MainWindow)
void tst_MainWindow::adaptiveWindowAndWhatIf()
{
    // W typed as "auto" in the set-up; the disorder goes 20 -> 300 -> 20.
    MainWindow window;
    window.show();
    RunSetupPanel *setup = window.setupPanel();
    setUpSimulatorRun(setup, 40000);
    FeedParams p = setup->simulatorParams();
    p = *FeedParams::fromQuery(QUrlQuery(QStringLiteral("count=40000&gap=0.002&seed=9&"
                                                        "disorder=20,300@30%25,20@70%25")),
                               nullptr);
    setup->setSimulatorParams(p);
    auto *w = setup->findChild<QSpinBox *>(QStringLiteral("window"));
    QVERIFY(w);
    w->selectAll();
    QTest::keyClicks(w, QStringLiteral("auto"));
    QCOMPARE(w->value(), int(RunConfig::AutoWindow));
    QVERIFY(setup->config().autoWindow);

    const RunReport report = runToEnd(window);
    QVERIFY(report.config.autoWindow);
    QVERIFY(report.counters.windowLargest >= 200);
    // Shrinking slowly: it forgets a past disorder over some 20,000 arrivals.
    QVERIFY2(report.counters.windowFinal < report.counters.windowLargest,
             qPrintable(report.summary()));
    QVERIFY(report.counters.late * 1000 <= report.counters.accepted);
    // The distance chart draws W as it moved.
    QVERIFY2(window.charts()->distance()->windowLabel().startsWith(QStringLiteral("±W auto")),
             qPrintable(window.charts()->distance()->windowLabel()));

    // The what-if tab works the table out from the run's arrivals.
    WhatIfView *whatIf = window.charts()->whatIf();
    QTRY_VERIFY_WITH_TIMEOUT(whatIf->table().has_value() && !whatIf->isBusy(), 60000);
    const WhatIfTable &t = *whatIf->table();
    QCOMPARE(t.arrivals, report.counters.accepted);
    QCOMPARE(t.recommendedWindow, report.counters.recommendedWindow);
    const WhatIfRow *own = t.runRow();
    QVERIFY(own && own->setting.isAuto());
    QCOMPARE(own->late, report.counters.late); // the table's auto row is this run
    QCOMPARE(own->windowLargest, report.counters.windowLargest);

    // "Use W = N": the set-up takes it for the next run.
    auto *use = whatIf->findChild<QPushButton *>(QStringLiteral("useSuggestedWindow"));
    QVERIFY(use && use->isEnabled());
    window.charts()->tabs()->setCurrentWidget(whatIf);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(qint64(w->value()), t.suggestedWindow);
    QVERIFY(!setup->config().autoWindow);
    QCOMPARE(setup->config().window, t.suggestedWindow);

    // A past run's table comes back from its capture.
    const qint64 id = window.history()->entry(0).id;
    QVERIFY(!runToEnd(window).failed() || true);
    window.historyPanel()->select({id});
    QTRY_VERIFY_WITH_TIMEOUT(whatIf->table().has_value() && !whatIf->isBusy(), 60000);
    QVERIFY(whatIf->table()->runRow());
    QVERIFY(whatIf->table()->runRow()->setting.isAuto());
    QCOMPARE(whatIf->table()->runRow()->late, report.counters.late);
}

#include "tst_mainwindow.moc"
