#include "mainwindow.h"

#include "chartspanel.h"
#include "distancechart.h"
#include "errorbanner.h"
#include "files/filesave.h"
#include "messagedetails.h"
#include "messagepanel.h"
#include "messagetablemodel.h"
#include "resultspanel.h"
#include "runhistorymodel.h"
#include "runsession.h"
#include "runsetuppanel.h"
#include "runstatusbar.h"
#include "setuparea.h"
#include "simulator/feedsimulator.h"
#include "verdictstyle.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
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
    , m_history(new RunHistoryModel(this))
    , m_historyView(new QTableView)
    , m_status(new RunStatusBar)
    , m_events(new QPlainTextEdit)
    , m_bottomTabs(new QTabWidget)
    , m_errorBanner(new ErrorBanner)
{
    Q_UNUSED(historyPath);
    setWindowTitle(tr("Reorder Monitor"));
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
        m_messagePanel->updateCaption();
    });
    connect(m_session, &RunSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &RunSession::notice, this, &MainWindow::log);
    connect(m_session, &RunSession::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &RunSession::finished, this, &MainWindow::onFinished);
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
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    QSettings settings;
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
    if (!m_recordings.isValid())
        log(tr("Cannot create a folder for the runs' CSV files: %1")
                .arg(m_recordings.errorString()));
}

MainWindow::~MainWindow() = default;

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

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export);
    file->addAction(m_exportHistory);
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
    m_historyView->setObjectName(QStringLiteral("historyTable"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setTabKeyNavigation(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    auto *historyPage = new QWidget;
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyButtons = new QHBoxLayout;
    auto *exportRuns = new QPushButton(tr("Export CSV of runs..."));
    connect(exportRuns, &QPushButton::clicked, m_exportHistory, &QAction::trigger);
    auto *exportMessages = new QPushButton(tr("Export selected run's messages..."));
    connect(exportMessages, &QPushButton::clicked, m_export, &QAction::trigger);
    historyButtons->addWidget(exportRuns);
    historyButtons->addWidget(exportMessages);
    historyButtons->addStretch();
    historyLayout->addLayout(historyButtons);
    historyLayout->addWidget(m_historyView);

    m_events->setObjectName(QStringLiteral("eventLog"));
    m_events->setReadOnly(true);
    m_events->setTabChangesFocus(true);
    m_events->setMaximumBlockCount(5000);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->addTab(m_messagePanel->details(), tr("Details"));
    m_bottomTabs->addTab(historyPage, tr("Runs history"));
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
    left->setSizes({size.height() * 3 / 4, size.height() / 4});
}

void MainWindow::applyOptions(const RunOverrides &o)
{
    if (o.redis) {
        m_setup->setSource(RunSetupPanel::Source::Redis);
        m_setup->setRedis(*o.redis);
    } else if (o.feedUrl) {
        m_setup->setSource(RunSetupPanel::Source::WebSocket);
        m_setup->setFeedUrl(o.feedUrl->toString());
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
    if (o.window)
        m_setup->setWindow(*o.window);
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
    m_export->setEnabled(row >= 0 && !m_history->record(row).messagesCsv.isEmpty()
                         && m_history->record(row).report.counters.received > 0);
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
    m_currentSource = simFeed                ? tr("built-in simulator")
        : config.feedKind == FeedKind::Redis ? config.redis.description()
                                             : config.feedUrl.toDisplayString(QUrl::RemovePassword);

    m_messages->setCapacity(m_setup->tableRows());
    m_messages->clear();
    m_charts->reset(config.window, config.mode == ReorderMode::Stream);
    m_results->reset(config);
    m_status->reset(expected, !config.sinkUrl.isEmpty(), config.insecure);
    QSettings settings;
    m_setup->save(settings);

    const QString csv = m_recordings.isValid()
        ? m_recordings.filePath(QStringLiteral("run-%1.csv").arg(m_runNumber))
        : QString();
    log(tr("Run %1: %2 -> %3, window %4, %5 mode")
            .arg(m_runNumber)
            .arg(config.feedUrl.toDisplayString(QUrl::RemovePassword),
                 config.sinkUrl.isEmpty() ? tr("(not forwarded)")
                                          : config.sinkUrl.toDisplayString(QUrl::RemovePassword))
            .arg(config.window)
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
    m_charts->finish();
    m_results->showReport(report);
    m_status->finish(report);
    m_messagePanel->updateCaption();
    RunRecord record;
    record.report = report;
    record.source = m_currentSource;
    record.messagesCsv = csvPath;
    m_history->append(record);
    m_historyView->clearSelection();
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
    log(tr("Run %1 finished: %2").arg(m_runNumber).arg(VerdictStyle::label(report.verdict.level)));
    for (const VerdictReason &reason : report.verdict.reasons) {
        if (reason.code != QLatin1String("error")) // the error itself is logged once, above
            log(tr("Reason: %1").arg(reason.text));
    }
    for (const QString &note : report.verdict.notes)
        log(tr("Note: %1").arg(note));
    updateActions();
    Q_EMIT runFinished(report);
}

int MainWindow::exportRow() const
{
    const QModelIndexList selected = m_historyView->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        return selected.first().row();
    return m_history->rowCount() - 1;
}

bool MainWindow::exportCsv(const QString &path)
{
    const int row = exportRow();
    if (row < 0 || m_history->record(row).messagesCsv.isEmpty()) {
        showError(tr("There is no finished run to export."));
        return false;
    }
    if (const QString e = FileSave::copyReplacing(m_history->record(row).messagesCsv, path);
        !e.isEmpty()) {
        showError(e);
        return false;
    }
    log(tr("Saved the messages of run %1 to %2.").arg(row + 1).arg(QDir::toNativeSeparators(path)));
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
    const QString name = RunHistoryModel::messagesFileName(row, m_history->record(row));
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
    if (m_session->isActive()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit during a run?"),
            tr("A run is going on. Quit anyway? What is held is released and sent first."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_session->stop();
    }
    QSettings settings;
    m_setup->save(settings);
    settings.setValue(GeometryKey, saveGeometry());
    event->accept();
}
