#include "mainwindow.h"

#include "capture/capturereader.h"
#include "capturesettings.h"
#include "chartspanel.h"
#include "comparedialog.h"
#include "distancechart.h"
#include "errorbanner.h"
#include "files/filesave.h"
#include "history/runhistory.h"
#include "historypanel.h"
#include "messagedetails.h"
#include "messagepanel.h"
#include "messagetablemodel.h"
#include "messagetableview.h"
#include "resultspanel.h"
#include "runhistorymodel.h"
#include "runkeeper.h"
#include "runsession.h"
#include "runsetuppanel.h"
#include "runstatusbar.h"
#include "settingsdialog.h"
#include "setuparea.h"
#include "simulator/feedsimulator.h"
#include "verdictstyle.h"
#include "whatifview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The window's settings keys that more than one place reads or writes.
const QString GeometryKey = QStringLiteral("window/geometry");
const QString ExportFolderKey = QStringLiteral("export/folder");
const QString HistoryFileKey = QStringLiteral("history/file");
const QString CaptureFolderKey = QStringLiteral("capture/lastFolder");
constexpr int HistoryRefreshMs = 5000;

// Where the last export went: the next one starts there.
QString lastExportFolder()
{
    return QSettings().value(ExportFolderKey, QDir::homePath()).toString();
}

void rememberExportFolder(const QString &exportedFile)
{
    QSettings().setValue(ExportFolderKey, QFileInfo(exportedFile).absolutePath());
}

} // namespace

MainWindow::MainWindow(const QString &historyPath, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new RunSession(this))
    , m_setup(new RunSetupPanel)
    , m_messages(new MessageTableModel(this))
    , m_messagePanel(new MessagePanel(m_messages))
    , m_charts(new ChartsPanel)
    , m_results(new ResultsPanel)
    , m_keeper(std::make_unique<RunKeeper>())
    , m_history(new RunHistoryModel(this))
    , m_historyPanel(new HistoryPanel(m_history))
    , m_status(new RunStatusBar)
    , m_events(new QPlainTextEdit)
    , m_bottomTabs(new QTabWidget)
    , m_errorBanner(new ErrorBanner)
{
    setWindowTitle(tr("Reorder Monitor"));
    setAcceptDrops(true); // a capture dropped on the window is replayed
    setWindowIcon(QIcon(QStringLiteral(":/icons/reorder-monitor.svg")));
    buildActions();
    buildLayout();

    connect(m_session, &RunSession::eventsReady, this, [this](const RunEventBatch &batch) {
        m_messages->apply(batch);
        m_charts->apply(batch);
    });
    connect(m_session, &RunSession::statsUpdated, this, [this](const RunStats &stats) {
        if (stats.state == RunState::Holding && !m_holdingAnnounced) {
            m_holdingAnnounced = true; // with the count from the buffer, once the feed ended
            log(tr("The feed ended. %1 messages are held: press Flush to send them sorted.")
                    .arg(stats.counters.held));
        }
        m_results->showStats(stats);
        m_status->showStats(stats);
        if (m_autoWindowRun)
            m_charts->distance()->noteWindow(stats.counters.received, stats.counters.windowFinal);
        m_messagePanel->updateCaption();
    });
    connect(m_session, &RunSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &RunSession::notice, this, &MainWindow::log);
    connect(m_session, &RunSession::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &RunSession::finished, this, &MainWindow::onFinished);
    connect(m_charts->whatIf(), &WhatIfView::useSetting, this, [this](qint64 window, qint64 ms) {
        m_setup->setWindow(window);
        m_setup->setMaxHoldMs(ms);
        log(ms > 0 ? tr("The next run uses W = %1 and max-hold %2 ms (the what-if advisor).")
                         .arg(window)
                         .arg(ms)
                   : tr("The next run uses W = %1 (the what-if advisor).").arg(window));
    });
    connect(m_setup, &RunSetupPanel::changed, this, &MainWindow::updateActions);
    connect(m_errorBanner, &ErrorBanner::remedyChosen, this, [this] {
        m_setup->setMode(ReorderMode::Stream);
        clearError();
        log(tr("Switched to stream mode: start the run again."));
    });
    connect(m_messagePanel, &MessagePanel::rowPicked, this,
            [this] { m_bottomTabs->setCurrentWidget(m_messagePanel->details()); });
    m_charts->distance()->setDescribe(
        [this](quint64 arrival) { return m_messages->describe(arrival); });
    connect(m_historyPanel->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_historyPanel, &HistoryPanel::runSelected, this, &MainWindow::showRun);
    connect(m_historyPanel, &HistoryPanel::compareRequested, this, &MainWindow::compareRuns);
    connect(m_historyPanel, &HistoryPanel::replayRequested, this, &MainWindow::openCapture);
    connect(m_historyPanel, &HistoryPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_historyPanel, &HistoryPanel::changed, this, &MainWindow::updateActions);
    connect(m_historyPanel->settingsAction(), &QAction::triggered, this, &MainWindow::openSettings);
    m_historyRefresh.setInterval(HistoryRefreshMs);
    connect(&m_historyRefresh, &QTimer::timeout, m_history, &RunHistoryModel::reload);

    QSettings settings;
    openHistory(!historyPath.isEmpty() ? historyPath : settings.value(HistoryFileKey).toString());
    m_setup->load(settings);
    // A remembered geometry only if it still fits this screen.
    const QByteArray geometry = settings.value(GeometryKey).toByteArray();
    const QSize fitted = size();
    if (restoreGeometry(geometry)) {
        if (const QScreen *screen = QGuiApplication::primaryScreen();
            screen && !screen->availableGeometry().contains(frameGeometry()))
            resize(fitted);
    }
    updateActions();
}

MainWindow::~MainWindow() = default; // a run going on is left interrupted (RunKeeper)

RunHistory *MainWindow::runHistory() const
{
    return m_keeper->history();
}

void MainWindow::openHistory(const QString &path)
{
    if (const QString error = m_keeper->open(path.isEmpty() ? RunHistory::defaultPath() : path);
        !error.isEmpty()) {
        const QString problem =
            tr("The runs history cannot be kept: %1. Runs are listed for this session only.")
                .arg(error);
        m_historyPanel->setProblem(problem);
        log(problem);
        return;
    }
    m_history->setHistory(runHistory());
    if (const int cut = runHistory()->interruptedAtOpen(); cut > 0)
        log(tr("%n runs were cut off before they ended (the program crashed or was killed): "
               "they are marked interrupted in the history.",
               nullptr, cut));
    m_historyRefresh.start();
}

void MainWindow::buildActions()
{
    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);

    m_start = new QAction(QIcon(QStringLiteral(":/icons/start.svg")), tr("&Start"), this);
    m_start->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_start->setToolTip(tr("Start a run (Ctrl+R)"));
    m_stop = new QAction(QIcon(QStringLiteral(":/icons/stop.svg")), tr("S&top"), this);
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stop->setToolTip(tr("Stop the run: held messages are released and sent (Esc)"));
    m_flush =
        new QAction(QIcon(QStringLiteral(":/icons/flush.svg")), tr("&Flush to SEND_URL"), this);
    m_flush->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    m_flush->setToolTip(tr("Batch mode: send what is held, sorted. Stream mode: release the rest "
                           "now (Ctrl+Shift+F)"));
    m_export = new QAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export CSV..."), this);
    m_export->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_export->setToolTip(tr("Save the run's messages as CSV (Ctrl+E)"));
    m_exportHistory = new QAction(tr("Export CSV of &runs..."), this);
    for (QAction *a : {m_start, m_stop, m_flush, m_export})
        toolbar->addAction(a);
    auto *find = new QAction(tr("&Find..."), this);
    find->setShortcut(QKeySequence::Find);
    find->setToolTip(tr("Find an id or an arrival # in the table (Ctrl+F)"));
    connect(find, &QAction::triggered, this, [this] { m_messagePanel->findBar()->focusSearch(); });
    addAction(find);
    auto *setupToggle = new QAction(tr("Show or hide the set-&up"), this);
    setupToggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+U")));
    connect(setupToggle, &QAction::triggered, this,
            [this] { m_setupArea->setExpanded(!m_setupArea->isExpanded()); });
    addAction(setupToggle);

    connect(m_start, &QAction::triggered, this, &MainWindow::startRun);
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(m_flush, &QAction::triggered, this, &MainWindow::flushRun);
    connect(m_export, &QAction::triggered, this, &MainWindow::chooseAndExportCsv);
    connect(m_exportHistory, &QAction::triggered, this, &MainWindow::chooseAndExportHistory);

    m_openCapture = new QAction(tr("&Open capture..."), this);
    m_openCapture->setShortcut(QKeySequence::Open);
    m_openCapture->setToolTip(tr("Replay a recorded capture as the feed (or drop the file on the "
                                 "window) (Ctrl+O)"));
    connect(m_openCapture, &QAction::triggered, this, &MainWindow::chooseAndOpenCapture);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openCapture);
    file->addSeparator();
    file->addAction(m_export);
    file->addAction(m_exportHistory);
    file->addSeparator();
    file->addAction(m_historyPanel->settingsAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_start);
    run->addAction(m_stop);
    run->addAction(m_flush);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(setupToggle);
    view->addAction(find);
    view->addAction(m_messagePanel->pauseAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Reorder Monitor"), this, &MainWindow::about);
}

void MainWindow::buildLayout()
{
    m_exportHistory->setToolTip(tr("Save the runs as one CSV, each run's messages next to it"));
    QToolBar *historyBar = m_historyPanel->toolBar();
    historyBar->addAction(m_exportHistory);
    historyBar->addAction(m_export);
    historyBar->addSeparator();
    historyBar->addAction(m_historyPanel->settingsAction());

    m_events->setObjectName(QStringLiteral("eventLog"));
    m_events->setReadOnly(true);
    m_events->setTabChangesFocus(true);
    m_events->setMaximumBlockCount(5000);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->addTab(m_messagePanel->details(), tr("Details"));
    m_bottomTabs->addTab(m_historyPanel, tr("Runs history"));
    m_bottomTabs->addTab(m_events, tr("Events"));
    m_bottomTabs->setCurrentIndex(1);

    // On a small screen the results scroll rather than clip or push the window past the screen.
    auto *resultsScroll = new QScrollArea;
    resultsScroll->setWidget(m_results);
    resultsScroll->setWidgetResizable(true);
    resultsScroll->setFrameShape(QFrame::NoFrame);
    resultsScroll->setMinimumSize(200, 100);
    resultsScroll->setObjectName(QStringLiteral("resultsArea"));
    resultsScroll->setFocusPolicy(Qt::StrongFocus); // Tab reaches the results; arrows scroll
    resultsScroll->viewport()->installEventFilter(m_results); // one column or two, by width
    // Left: the messages over details, runs and events; right: results over the charts.
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_messagePanel);
    left->addWidget(m_bottomTabs);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto *right = new QSplitter(Qt::Vertical);
    m_right = right;
    right->addWidget(resultsScroll);
    right->addWidget(m_charts);
    right->setStretchFactor(0, 0); // the results keep their height, the charts take the rest
    right->setStretchFactor(1, 1);
    m_outer = new QSplitter(Qt::Horizontal);
    m_outer->addWidget(left);
    m_outer->addWidget(right);
    m_outer->setStretchFactor(0, 1);
    m_outer->setStretchFactor(1, 1);
    for (QSplitter *s : {left, right, m_outer})
        s->setChildrenCollapsible(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_setupArea = new SetupArea(m_setup);
    layout->addWidget(m_setupArea);
    layout->addWidget(m_errorBanner);
    // Below the panels' minimum sizes (a tiny screen, a large scale factor) the working area
    // scrolls as a whole: nothing is cut off and the status bar stays on screen.
    auto *work = new QScrollArea;
    work->setObjectName(QStringLiteral("workArea"));
    work->setWidget(m_outer);
    work->setWidgetResizable(true);
    work->setFrameShape(QFrame::NoFrame);
    work->setMinimumHeight(60);
    layout->addWidget(work, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_status, 1);

    // The default size: what the window wants, within the screen's available geometry.
    QSize size(2200, 1400);
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        size = size.boundedTo(available.size() - QSize(8, 32)); // room for a frame
        move(available.topLeft());
    }
    m_setupArea->setMaximumSetupHeight(size.height() * 2 / 5);
    resize(size);
    const int rightWidth =
        std::clamp(m_results->sizeHint().width() + 24, size.width() * 2 / 5, size.width() / 2);
    m_outer->setSizes({size.width() - rightWidth, rightWidth});
    // The messages over details, runs and events: the runs history shows a few rows even on a
    // small screen.
    left->setSizes({size.height() * 2 / 3, size.height() / 3});
}

void MainWindow::applyOptions(const RunOverrides &o)
{
    if (o.redis) {
        m_setup->setSource(RunSetupPanel::Source::Redis);
        m_setup->setRedis(*o.redis);
    } else if (o.feedUrl) {
        m_setup->setSource(RunSetupPanel::Source::WebSocket);
        m_setup->setFeedUrl(o.feedUrl->toString());
    } else if (o.replayPath) {
        m_setup->setSource(RunSetupPanel::Source::Capture);
        m_setup->setReplayPath(*o.replayPath);
        if (o.replaySpeed)
            m_setup->setReplaySpeed(*o.replaySpeed);
    } else if (o.simulatorQuery) {
        m_setup->setSource(RunSetupPanel::Source::Simulator);
        if (const auto p = FeedParams::fromQuery(QUrlQuery(*o.simulatorQuery), nullptr))
            m_setup->setSimulatorParams(*p);
    }
    if (o.sinkUrl) {
        m_setup->setSink(RunSetupPanel::Sink::Url);
        m_setup->setSinkUrl(o.sinkUrl->toString());
    } else if (!o.builtInSink()) {
        m_setup->setSink(RunSetupPanel::Sink::None);
    }
    if (o.autoWindow.value_or(false))
        m_setup->setWindow(RunConfig::AutoWindow);
    else if (o.window)
        m_setup->setWindow(*o.window);
    if (o.maxWindow)
        m_setup->setMaxWindow(*o.maxWindow);
    if (o.mode)
        m_setup->setMode(*o.mode);
    if (o.maxHoldMs)
        m_setup->setMaxHoldMs(*o.maxHoldMs);
    if (o.startId)
        m_setup->setStartId(o.startId);
    if (o.count)
        m_setup->setCount(*o.count);
    if (o.insecure)
        m_setup->setInsecure(true);
    if (o.reconnectAttempts || o.idleTimeoutMs || o.maxFrameBytes || o.batchMemoryBytes)
        m_setup->setLimits(o.appliedTo(m_setup->config()));
}

void MainWindow::updateActions()
{
    const bool active = m_session->isActive();
    const RunState state = m_session->state();
    m_start->setEnabled(!active && m_setup->problems().isEmpty());
    m_stop->setEnabled(active);
    m_flush->setEnabled(state == RunState::Running || state == RunState::Holding);
    const int row = exportRow();
    // A run with no messages has nothing to export.
    m_export->setEnabled(row >= 0 && QFileInfo(m_history->entry(row).csvPath).isFile()
                         && m_history->entry(row).received > 0);
    m_exportHistory->setEnabled(m_history->rowCount() > 0);
    m_setup->setEditable(!active);
    m_setupArea->setRunActive(active);
}

void MainWindow::startRun()
{
    if (m_session->isActive())
        return;
    const QStringList problems = m_setup->problems();
    if (!problems.isEmpty()) {
        showError(problems.join(QLatin1Char('\n')));
        return;
    }
    clearError();
    RunConfig config = m_setup->config();
    const bool simFeed = m_setup->source() == RunSetupPanel::Source::Simulator;
    const bool simSink = m_setup->sink() == RunSetupPanel::Sink::Simulator;
    quint64 expected = config.count;
    const int runNumber = m_runNumber + 1; // counted once the run really starts
    if (simFeed || simSink) {
        QString error;
        FeedSimulator *sim = m_session->simulator(&error);
        if (!sim) {
            showError(tr("The built-in simulator cannot start: %1").arg(error));
            return;
        }
        if (simFeed) {
            const FeedParams params = m_setup->simulatorParams();
            config.feedUrl = sim->feedUrl(params);
            if (expected == 0)
                expected = params.count;
        }
        if (simSink) {
            config.sinkUrl = sim->sinkUrl(QStringLiteral("run-%1").arg(runNumber));
            if (const int drops = simFeed ? m_setup->simulatorSinkDrops() : 0; drops > 0) {
                // Each of the first `drops` connections vanishes after its share of the run.
                const quint64 share = std::max<quint64>(1, expected / quint64(drops + 1));
                config.sinkUrl.setQuery(QStringLiteral("drop=%1&drops=%2").arg(share).arg(drops));
            }
        }
    }
    m_runNumber = runNumber;
    m_holdingAnnounced = false;
    m_currentSource = simFeed ? tr("built-in simulator")
        : config.feedKind == FeedKind::WebSocket
        ? config.feedUrl.toDisplayString(QUrl::RemovePassword)
        : config.feedDescription();

    m_messages->setCapacity(m_setup->tableRows());
    m_messages->clear();
    // The what-if advisor replays the run's arrivals (a few bytes each) when it ends.
    config.keepArrivals = config.mode == ReorderMode::Stream;
    m_autoWindowRun = config.autoWindow && config.mode == ReorderMode::Stream;
    m_charts->reset(config.window, config.mode == ReorderMode::Stream);
    m_results->reset(config);
    m_status->reset(expected, !config.sinkUrl.isEmpty(), config.insecure);
    QSettings settings;
    m_setup->save(settings);

    QStringList notes;
    const QString csv = m_keeper->begin(&config, m_currentSource, &notes);
    for (const QString &note : std::as_const(notes))
        log(note);
    m_history->reload();
    log(tr("Run %1: %2 -> %3, window %4, %5 mode")
            .arg(m_keeper->current() > 0 ? m_keeper->current() : m_runNumber)
            .arg(config.feedDescription(),
                 config.sinkUrl.isEmpty() ? tr("(not forwarded)")
                                          : config.sinkUrl.toDisplayString(QUrl::RemovePassword))
            .arg(config.windowDescription())
            .arg(RunSetupPanel::modeText(config.mode)));
    if (config.insecure)
        log(tr(
            "Certificate errors are ignored for this run: the connections are not authenticated."));
    m_lastError.clear();
    m_session->start(config, csv);
    onStateChanged(RunState::Connecting);
    m_messagePanel->view()->setFocus(Qt::OtherFocusReason); // Space pauses, Ctrl+F finds
}

void MainWindow::stopRun()
{
    if (m_session->isActive()) {
        log(tr("Stopping: held messages are released and sent."));
        m_session->stop();
    }
}

void MainWindow::flushRun()
{
    log(tr("Flush: releasing what is held."));
    m_session->flush();
}

void MainWindow::onStateChanged(RunState state)
{
    m_status->showState(state);
    updateActions();
}

void MainWindow::onFinished(const RunReport &report, const QString &csvPath,
                            const QString &csvError)
{
    m_charts->finish(report);
    m_results->showReport(report);
    m_status->finish(report);
    m_messagePanel->updateCaption();
    const qint64 runId = m_keeper->current();
    for (const QString &note : m_keeper->finish(report, csvPath))
        log(note);
    m_history->reload();
    m_historyPanel->updateStorage();
    m_historyPanel->view()->clearSelection();
    if (!report.error.isEmpty())
        showError(ErrorBanner::withHint(report.error, report.config));
    if (report.endReason == RunEnd::BatchMemoryCap) {
        // Plainly, with the way out: stream mode needs memory only for the window.
        showError(tr("Batch mode reached its memory cap of %1 MiB after %2 messages: the feed was "
                     "no longer read and what was held was sent. Stream mode needs memory only "
                     "for the window; or raise the batch memory cap.")
                      .arg(report.config.batchMemoryBytes >> 20)
                      .arg(report.counters.accepted));
        m_errorBanner->offerRemedy(tr("Switch to stream mode"),
                                   tr("Stream mode holds only the window, whatever the length of "
                                      "the run"));
    }
    if (!csvError.isEmpty())
        log(tr("The run's CSV could not be written: %1").arg(csvError));
    log(tr("Run %1 finished: %2")
            .arg(runId > 0 ? runId : m_runNumber)
            .arg(VerdictStyle::label(report.verdict.level)));
    for (const VerdictReason &reason : report.verdict.reasons) {
        if (reason.code != QLatin1String("error")) // the error itself is logged once, above
            log(tr("Reason: %1").arg(reason.text));
    }
    for (const QString &note : report.verdict.notes)
        log(tr("Note: %1").arg(note));
    updateActions();
    Q_EMIT runFinished(report);
    if (m_closeAfterRun)
        QTimer::singleShot(0, this, &QWidget::close);
}

int MainWindow::exportRow() const
{
    const QList<qint64> selected = m_historyPanel->selectedIds();
    if (!selected.isEmpty())
        return m_history->rowOf(selected.first());
    return m_history->rowCount() > 0 ? 0 : -1; // the newest
}

bool MainWindow::exportCsv(const QString &path)
{
    const int row = exportRow();
    if (row < 0 || !QFileInfo(m_history->entry(row).csvPath).isFile()) {
        showError(tr("There is no finished run to export."));
        return false;
    }
    const HistoryEntry &e = m_history->entry(row);
    if (const QString error = FileSave::copyReplacing(e.csvPath, path); !error.isEmpty()) {
        showError(error);
        return false;
    }
    log(tr("Saved the messages of run %1 to %2.").arg(e.id).arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::exportHistory(const QString &path)
{
    QString error;
    if (!m_history->exportTo(path, &error)) {
        showError(error);
        return false;
    }
    log(tr("Saved the runs to %1, each run's messages next to it.")
            .arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::chooseAndExportCsv()
{
    const QString folder = lastExportFolder();
    const int row = exportRow();
    if (row < 0)
        return;
    const QString name = RunHistoryModel::messagesFileName(m_history->entry(row));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the run's messages"),
                                     QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    rememberExportFolder(path);
    exportCsv(path);
}

void MainWindow::chooseAndExportHistory()
{
    const QString folder = lastExportFolder();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the runs"), QDir(folder).filePath(QStringLiteral("runs.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    rememberExportFolder(path);
    exportHistory(path);
}

void MainWindow::showError(const QString &message)
{
    // The session reports a run's error as it happens and again in the report: once in Events,
    // and the banner's words are the same as the log's.
    if (message == m_lastError && m_errorBanner->text() == message)
        return;
    if (!m_lastError.isEmpty() && message.startsWith(m_lastError) && !m_errorBanner->isHidden()) {
        m_errorBanner->showMessage(message); // the same error with a hint added
        log(tr("Hint: %1").arg(message.mid(m_lastError.size()).trimmed()));
        m_lastError = message;
        return;
    }
    m_lastError = message;
    m_errorBanner->showMessage(message);
    log(tr("Error: %1").arg(message));
}

void MainWindow::clearError()
{
    m_errorBanner->dismiss();
}

QString MainWindow::errorText() const
{
    return m_errorBanner->text();
}

void MainWindow::log(const QString &message)
{
    m_events->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")), message));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Reorder Monitor"),
                       tr("<b>Reorder Monitor %1</b><p>Puts an out-of-order WebSocket feed back in "
                          "id order with a bounded heap, forwards it and proves it.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    balanceResults();
    // The set-up folding or opening changes the height: balance again, unless the operator has
    // placed the divider.
    connect(m_setupArea, &SetupArea::expandedChanged, this, [this] {
        if (!m_resultsPlaced)
            QTimer::singleShot(0, this, &MainWindow::balanceResults);
    });
    connect(m_right, &QSplitter::splitterMoved, this, [this] { m_resultsPlaced = true; });
}

void MainWindow::balanceResults()
{
    // The results whole when there is room, the charts the rest (once laid out: the splitter
    // knows its real height only then).
    const int total = m_right->height();
    const int results = std::min(m_results->sizeHint().height() + 8, total / 2);
    m_right->setSizes({results, total - results});
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // The set-up never takes more than part of the height: the rest is the working area.
    m_setupArea->setMaximumSetupHeight(height() * 2 / 5);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Asked again while the run is being recorded: close now (the run shows as interrupted).
    if (m_session->isActive() && !m_closeAfterRun) {
        const auto answer = QMessageBox::question(
            this, tr("Quit during a run?"),
            tr("A run is going on. Quit anyway? What is held is released and sent first, and "
               "the run is kept in the history."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        // The window closes once the run is recorded (onFinished).
        m_closeAfterRun = true;
        log(tr("Stopping: the window closes once the run is recorded."));
        m_session->stop();
        event->ignore();
        return;
    }
    QSettings settings;
    m_setup->save(settings);
    settings.setValue(GeometryKey, saveGeometry());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && !m_session->isActive())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // After the drop has ended: starting a run is not for the middle of a drag and drop.
    QTimer::singleShot(0, this, [this, path] { openCapture(path); });
}

void MainWindow::chooseAndOpenCapture()
{
    QSettings settings;
    const QString folder = settings.value(CaptureFolderKey, m_keeper->filesFolder()).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a capture to replay"), folder,
                                     tr("Captures (*.jsonl *.jsonl.gz *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(CaptureFolderKey, QFileInfo(path).absolutePath());
    openCapture(path);
}

bool MainWindow::openCapture(const QString &path)
{
    if (m_session->isActive()) {
        showError(tr("A run is going on: stop it before replaying a capture."));
        return false;
    }
    // Refused here in words (not a capture, a version this build does not know) rather than
    // as a failed run.
    CaptureReader reader;
    if (const QString error = reader.open(path); !error.isEmpty()) {
        showError(tr("Cannot replay %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    m_setup->setSource(RunSetupPanel::Source::Capture);
    m_setup->setReplayPath(path);
    log(tr("Replaying %1 at %2.")
            .arg(QDir::toNativeSeparators(path),
                 m_setup->replaySpeed() > 0
                     ? tr("%1× its recorded pace").arg(m_setup->replaySpeed())
                     : tr("full speed")));
    startRun();
    return m_session->isActive();
}

bool MainWindow::showRun(qint64 id)
{
    RunHistory *history = runHistory();
    if (!history)
        return false;
    if (m_session->isActive()) {
        statusBar()->showMessage(tr("A run is going on: past runs are shown once it ends."), 5000);
        return false;
    }
    const std::optional<HistoryRecord> record = history->get(id);
    if (!record)
        return false;
    const HistoryEntry &e = record->entry;
    QString caption = e.name.isEmpty()
        ? tr("Run %1, started %2")
              .arg(e.id)
              .arg(QLocale().toString(e.startedAt, QLocale::ShortFormat))
        : tr("Run %1: %2, started %3")
              .arg(e.id)
              .arg(e.name, QLocale().toString(e.startedAt, QLocale::ShortFormat));
    if (!e.note.isEmpty())
        caption += QLatin1Char('\n') + e.note;
    if (record->report) {
        const RunReport &report = *record->report;
        m_results->showReport(report);
        m_charts->showPast(report);
    } else {
        m_results->showUnfinished(
            RunHistoryModel::verdictText(e),
            e.status == RunStatus::Running
                ? tr("This run is going on in another window or process.")
                : tr("The run was cut off before it ended: the program crashed or was killed. "
                     "Its capture, if there is one, can be replayed."));
        m_charts->reset(e.window, e.mode != QLatin1String("batch"));
    }
    m_results->setRunCaption(caption);
    return true;
}

CompareDialog *MainWindow::compareRuns(qint64 older, qint64 newer)
{
    RunHistory *history = runHistory();
    if (!history)
        return nullptr;
    const std::optional<HistoryRecord> a = history->get(older);
    const std::optional<HistoryRecord> b = history->get(newer);
    if (!a || !b || !a->report || !b->report) {
        showError(tr("Only two finished runs can be compared."));
        return nullptr;
    }
    auto *dialog = new CompareDialog(*a, *b, this);
    dialog->show();
    return dialog;
}

void MainWindow::openSettings()
{
    RunHistory *history = runHistory();
    if (!history) {
        showError(tr("The runs history could not be opened: there is nothing to set."));
        return;
    }
    QSettings settings;
    SettingsDialog dialog(CaptureSettings::load(settings), history->retention(), history->storage(),
                          history->path(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.capture().save(settings);
    if (!history->setRetention(dialog.retention())) {
        showError(tr("Cannot keep the history's limit: %1").arg(history->errorString()));
        return;
    }
    if (const int removed = history->applyRetention(); removed > 0)
        log(tr("%n older runs were deleted with their files (the history's limit).", nullptr,
               removed));
    m_history->reload();
    m_historyPanel->updateStorage();
}
