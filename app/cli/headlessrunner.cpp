#include "headlessrunner.h"

#include "files/outputfile.h"
#include "files/runcsvwriter.h"
#include "files/safefilename.h"
#include "history/runhistory.h"
#include "signalwatcher.h"
#include "simulator/simulatorhost.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

HeadlessRunner::HeadlessRunner(const CommandLineOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{ }

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::finishWith(int exitCode, const QString &error)
{
    if (!error.isEmpty())
        printLine(stderr, QStringLiteral("reorder-monitor: %1").arg(error));
    // Let the caller's event loop start before it is asked to exit.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT done(exitCode); });
}

void HeadlessRunner::start()
{
    // A report or CSV on standard output keeps it for itself: the rest goes to standard error.
    if (OutputFile::isStandardOutput(m_options.reportPath)
        || OutputFile::isStandardOutput(m_options.csvPath))
        m_out = stderr;
    RunConfig config = m_options.config();
    if (m_options.run.builtInFeed()) {
        m_simulator = std::make_unique<SimulatorHost>();
        if (!m_simulator->start(0)) {
            finishWith(
                2,
                tr("cannot start the built-in feed simulator: %1").arg(m_simulator->errorString()));
            return;
        }
        FeedSimulator *sim = m_simulator->simulator();
        config.feedUrl = sim->feedUrl(m_options.simulatorQuery);
        if (m_options.run.builtInSink())
            config.sinkUrl = sim->sinkUrl(m_options.sinkName);
        if (!m_options.quiet)
            printLine(m_out,
                      tr("built-in feed simulator: %1")
                          .arg(config.feedUrl.toDisplayString(QUrl::RemovePassword)));
    }
    if (config.sinkUrl.isEmpty() && !m_options.quiet)
        printLine(m_out, tr("no --send-url: messages are ordered and validated, not forwarded"));

    // --csv DIR / --report DIR: a file named after the sink (or feed) inside DIR. The name comes
    // from a URL, so it is made safe and kept inside the folder.
    const QDateTime now = QDateTime::currentDateTime();
    for (auto [path, suffix] : {std::pair {&m_options.csvPath, QStringLiteral("csv")},
                                std::pair {&m_options.reportPath, QStringLiteral("json")}}) {
        if (path->isEmpty() || !QFileInfo(*path).isDir())
            continue;
        const QString name = SafeFileName::forRun(config.sinkUrl, config.feedUrl, now, suffix);
        const std::optional<QString> inside = SafeFileName::inside(*path, name);
        if (!inside) {
            finishWith(2, tr("cannot make a file name inside %1").arg(*path));
            return;
        }
        *path = *inside;
        if (!m_options.quiet)
            printLine(m_out, tr("writing %1").arg(*path));
    }

    if (!m_options.csvPath.isEmpty() && !m_options.reportPath.isEmpty()
        && OutputFile::sameFile(m_options.csvPath, m_options.reportPath)) {
        finishWith(2, tr("--csv and --report name the same file: %1").arg(m_options.csvPath));
        return;
    }
    // Both files are opened before the run: one that cannot be written stops it at once, not
    // after an hour of feed.
    if (!m_options.reportPath.isEmpty()) {
        m_report = std::make_unique<OutputFile>(m_options.reportPath);
        if (const QString error = m_report->open(); !error.isEmpty()) {
            finishWith(2, error);
            return;
        }
    }
    // The report's what-if table needs the arrivals (a few bytes each).
    config.keepArrivals = m_report && m_options.whatIf && config.mode == ReorderMode::Stream;
    if (!m_options.csvPath.isEmpty()) {
        m_csv = std::make_unique<RunCsvWriter>(m_options.csvPath);
        QString error;
        if (!m_csv->open(&error)) {
            finishWith(2, error);
            return;
        }
        config.recordEvents = true;
        connect(&m_controller, &RunController::eventsReady, this,
                [this](const RunEventBatch &batch) { m_csv->add(batch); });
    }

    if (config.feedKind == FeedKind::Redis && !m_options.quiet) {
        // Pub/sub delivers only to subscribers: say when the subscription is in place.
        connect(&m_controller, &RunController::stateChanged, this,
                [this, source = config.redis.description()](RunState s) {
                    if (s == RunState::Running)
                        printLine(m_out, tr("reading %1").arg(source));
                });
    }
    if (m_options.history) {
        if (const QString error = beginInHistory(config); !error.isEmpty()) {
            finishWith(2, error);
            return;
        }
    }
    connect(&m_controller, &RunController::finished, this, &HeadlessRunner::onFinished);
    connect(&m_controller, &RunController::notice, this, [this](const QString &message) {
        if (!m_options.quiet)
            printLine(stderr, QStringLiteral("reorder-monitor: %1").arg(message));
    });
    m_signals = std::make_unique<SignalWatcher>();
    connect(m_signals.get(), &SignalWatcher::terminationRequested, this, [this] {
        if (!m_options.quiet)
            printLine(stderr,
                      tr("reorder-monitor: stopping; held messages are released and "
                         "the files written"));
        m_controller.stop();
    });
    m_controller.start(config);
}

void HeadlessRunner::onFinished(const RunReport &finished)
{
    RunReport report = finished;
    if (report.arrivals && !report.arrivals->isEmpty()) {
        // The what-if table over this run's own arrivals.
        const RunConfig &c = report.config;
        report.whatIf = WhatIfTable::analyse(
            *report.arrivals,
            WhatIfRun {c.window, c.autoWindow, c.maxWindow, c.maxHoldMs, c.startId});
    }
    int exitCode = report.exitCode();
    QStringList fileErrors;
    bool csvWritten = false;
    if (m_csv) {
        QString error;
        csvWritten = m_csv->finish(&error);
        if (!csvWritten)
            fileErrors << error;
        m_csv.reset();
    }
    if (m_report) {
        m_report->write(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
        if (const QString e = m_report->commit(); !e.isEmpty())
            fileErrors << e;
        m_report.reset();
    }
    if (!m_options.quiet) {
        printLine(m_out, report.summary());
        if (m_simulator)
            printLine(m_out, simulatorSummary());
    }
    if (m_history) {
        if (const QString e = finishInHistory(report, csvWritten); !e.isEmpty())
            fileErrors << e;
    }
    if (!report.error.isEmpty())
        printLine(stderr, QStringLiteral("reorder-monitor: %1").arg(report.error));
    for (const QString &e : fileErrors)
        printLine(stderr, QStringLiteral("reorder-monitor: %1").arg(e));
    if (!fileErrors.isEmpty())
        exitCode = 2;
    if (m_simulator)
        m_simulator->stop();
    Q_EMIT done(exitCode);
}

QString HeadlessRunner::beginInHistory(const RunConfig &config)
{
    const QString path =
        m_options.historyPath.isEmpty() ? RunHistory::defaultPath() : m_options.historyPath;
    m_history = std::make_unique<RunHistory>();
    if (const QString error = m_history->open(path); !error.isEmpty())
        return error;
    const QString source =
        m_options.run.builtInFeed() ? tr("built-in simulator") : config.feedDescription();
    const std::optional<qint64> id = m_history->begin(config, source, RunOrigin::Headless);
    if (!id)
        return tr("cannot keep the run in the history %1: %2")
            .arg(m_history->path(), m_history->errorString());
    m_historyId = *id;
    // The CSV is known now: a run cut off still says where its rows went.
    if (!m_options.csvPath.isEmpty() && !OutputFile::isStandardOutput(m_options.csvPath))
        m_history->setFiles(m_historyId, m_options.csvPath, config.capturePath);
    return QString();
}

QString HeadlessRunner::finishInHistory(const RunReport &report, bool csvWritten)
{
    const QString csv = csvWritten && !OutputFile::isStandardOutput(m_options.csvPath)
        ? m_options.csvPath
        : QString();
    if (!m_history->finish(m_historyId, report, csv)) {
        return tr("cannot keep the run in the history %1: %2")
            .arg(m_history->path(), m_history->errorString());
    }
    m_history->applyRetention();
    if (!m_options.quiet)
        printLine(
            m_out,
            tr("kept in the runs history as run %1 (%2)").arg(m_historyId).arg(m_history->path()));
    return QString();
}

QString HeadlessRunner::simulatorSummary() const
{
    const FeedSimulator *sim = m_simulator->simulator();
    const FeedStats feed = sim->lastFeed();
    QString text = tr("simulator feed: %1 messages, %2 duplicates, %3 junk, %4 ids skipped, max "
                      "displacement %5")
                       .arg(feed.messages)
                       .arg(feed.duplicates)
                       .arg(feed.junk)
                       .arg(feed.gaps)
                       .arg(feed.maxDisplacement);
    if (m_options.run.builtInSink()) {
        const SinkStats sink = sim->sinkStats(m_options.sinkName);
        text += QLatin1Char('\n')
            + tr("simulator sink: received %1 frames, %2, %3 duplicates, %4 missing ids")
                  .arg(sink.frames)
                  .arg(sink.validation.ordered() ? tr("strictly ordered") : tr("NOT ordered"))
                  .arg(sink.validation.duplicates)
                  .arg(sink.validation.missingIds);
    }
    return text;
}
