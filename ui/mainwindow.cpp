#include "mainwindow.h"

#include "distancechart.h"
#include "files/filesave.h"
#include "messagepanel.h"
#include "messagetablemodel.h"
#include "resultspanel.h"
#include "runhistorymodel.h"
#include "runsession.h"
#include "runsetuppanel.h"
#include "runstatusbar.h"
#include "simulator/feedsimulator.h"

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
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new RunSession(this))
    , m_setup(new RunSetupPanel)
    , m_messages(new MessageTableModel(this))
    , m_messagePanel(new MessagePanel(m_messages))
    , m_chart(new DistanceChart)
    , m_results(new ResultsPanel)
    , m_history(new RunHistoryModel(this))
    , m_historyView(new QTableView)
    , m_status(new RunStatusBar)
    , m_events(new QPlainTextEdit)
    , m_bottomTabs(new QTabWidget)
    , m_errorBanner(new QWidget)
    , m_errorLabel(new QLabel)
{
    setWindowTitle(tr("Reorder Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/reorder-monitor.svg")));
    buildActions();
    buildLayout();

    connect(m_session, &RunSession::eventsReady, this, [this](const RunEventBatch &batch) {
        m_messages->apply(batch);
        m_chart->apply(batch);
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
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    QSettings settings;
    m_setup->load(settings);
    restoreGeometry(settings.value(GeometryKey).toByteArray());
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
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Reorder Monitor"), this, &MainWindow::about);
}

void MainWindow::buildLayout()
{
    // Errors in plain words, in the window.
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setStyleSheet(
        QStringLiteral("#errorBanner { background: #ffebee; border: 1px solid #c62828; }"));
    m_errorLabel->setObjectName(QStringLiteral("errorText"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QPushButton(tr("Dismiss"));
    connect(dismiss, &QPushButton::clicked, this, &MainWindow::clearError);
    m_errorRemedy = new QPushButton(tr("Switch to stream mode"));
    m_errorRemedy->setObjectName(QStringLiteral("switchToStream"));
    m_errorRemedy->setToolTip(tr("Stream mode holds only the window, whatever the length of the "
                                 "run"));
    m_errorRemedy->hide();
    connect(m_errorRemedy, &QPushButton::clicked, this, [this] {
        m_setup->setMode(ReorderMode::Stream);
        clearError();
        log(tr("Switched to stream mode: start the run again."));
    });
    auto *banner = new QHBoxLayout(m_errorBanner);
    banner->setContentsMargins(8, 4, 8, 4);
    banner->addWidget(m_errorLabel, 1);
    banner->addWidget(m_errorRemedy);
    banner->addWidget(dismiss);
    m_errorBanner->hide();

    m_historyView->setObjectName(QStringLiteral("historyTable"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
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
    m_events->setMaximumBlockCount(5000);
    m_bottomTabs->addTab(historyPage, tr("Runs history"));
    m_bottomTabs->addTab(m_events, tr("Events"));

    // On a small screen the results scroll rather than push the window past the screen.
    auto *resultsScroll = new QScrollArea;
    resultsScroll->setWidget(m_results);
    resultsScroll->setWidgetResizable(true);
    resultsScroll->setFrameShape(QFrame::NoFrame);
    resultsScroll->setMinimumSize(400, 160);
    // Left: the messages over the runs and events; right, full height: results over the charts.
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_messagePanel);
    left->addWidget(m_bottomTabs);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(resultsScroll);
    right->addWidget(m_chart);
    right->setStretchFactor(1, 1);
    auto *outer = new QSplitter(Qt::Horizontal);
    outer->addWidget(left);
    outer->addWidget(right);
    outer->setStretchFactor(0, 1);
    outer->setStretchFactor(1, 0);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    // Likewise the set-up row (long translations): it scrolls sideways when the window is narrow.
    m_setupScroll = new QScrollArea;
    m_setupScroll->setWidget(m_setup);
    m_setupScroll->setWidgetResizable(true);
    m_setupScroll->setFrameShape(QFrame::NoFrame);
    m_setupScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_setupScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    fitSetupHeight();
    m_setup->installEventFilter(this); // its height follows what it shows
    layout->addWidget(m_setupScroll);
    layout->addWidget(m_errorBanner);
    layout->addWidget(outer, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_status, 1);
    // As much of the screen as the window wants, never more than the screen has.
    QSize size(std::max(1400, m_setup->minimumSizeHint().width() + 24), 1040);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
    // The right-hand column starts wide enough for the results without scrolling.
    const int rightWidth = m_results->minimumSizeHint().width() + 24;
    outer->setSizes({std::max(400, size.width() - rightWidth), rightWidth});
    // And the results whole above the charts, which take the rest.
    right->setSizes({m_results->minimumSizeHint().height() + 4, size.height()});
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
    m_export->setEnabled(row >= 0 && !m_history->record(row).messagesCsv.isEmpty());
    m_exportHistory->setEnabled(m_history->rowCount() > 0);
    m_setup->setEditable(!active);
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

    m_messages->clear();
    m_chart->reset(config.window, config.mode == ReorderMode::Stream);
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
            .arg(UrlCheck::modeName(config.mode)));
    if (config.insecure)
        log(tr(
            "Certificate errors are ignored for this run: the connections are not authenticated."));
    m_session->start(config, csv);
    onStateChanged(RunState::Connecting);
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
    m_chart->refresh();
    m_results->showReport(report);
    RunRecord record;
    record.report = report;
    record.source = m_currentSource;
    record.messagesCsv = csvPath;
    m_history->append(record);
    m_historyView->clearSelection();
    if (!report.error.isEmpty())
        showError(report.error);
    if (report.endReason == RunEnd::BatchMemoryCap) {
        // Plainly, with the way out: stream mode needs memory only for the window.
        showError(tr("Batch mode reached its memory cap of %1 MiB after %2 messages: the feed was "
                     "no longer read and what was held was sent. Stream mode needs memory only "
                     "for the window; or raise the batch memory cap.")
                      .arg(report.config.batchMemoryBytes >> 20)
                      .arg(report.counters.accepted));
        m_errorRemedy->show();
    }
    if (!csvError.isEmpty())
        log(tr("The run's CSV could not be written: %1").arg(csvError));
    log(tr("Run %1 finished: %2")
            .arg(m_runNumber)
            .arg(report.summary().section(QLatin1Char('\n'), 0, 0)));
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
    m_errorLabel->setText(message);
    m_errorBanner->show();
    log(tr("Error: %1").arg(message));
}

void MainWindow::clearError()
{
    m_errorRemedy->hide();
    m_errorLabel->clear();
    m_errorBanner->hide();
}

QString MainWindow::errorText() const
{
    return m_errorBanner->isVisible() || !m_errorLabel->text().isEmpty() ? m_errorLabel->text()
                                                                         : QString();
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

void MainWindow::fitSetupHeight()
{
    m_setupScroll->setFixedHeight(m_setup->minimumSizeHint().height()
                                  + m_setupScroll->horizontalScrollBar()->sizeHint().height());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_setup && event->type() == QEvent::LayoutRequest)
        fitSetupHeight();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    m_setup->save(settings);
    settings.setValue(GeometryKey, saveGeometry());
    if (m_session->isActive())
        m_session->stop();
    event->accept();
}
