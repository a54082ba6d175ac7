#pragma once

#include "commandline.h"
#include "run/runcontroller.h"

#include <QObject>

#include <cstdio>
#include <memory>

class OutputFile;
class RunCsvWriter;
class RunHistory;
class SignalWatcher;
class SimulatorHost;

/*!
    The headless run of `reorder-monitor --headless`: starts the built-in simulator when no feed
    is given, runs one RunController, streams the CSV, writes the JSON report, keeps the run in
    the runs history (--history: begun at the start, finished at the end; a run killed meanwhile
    shows as interrupted), prints the summary and ends with the exit status of docs/PROTOCOL.md
    (done()). SIGINT/SIGTERM stop the run
    cleanly; a second one stops waiting for the sink.
*/
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    explicit HeadlessRunner(const CommandLineOptions &options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onFinished(const RunReport &report);
    void finishWith(int exitCode, const QString &error);
    QString simulatorSummary() const;
    QString beginInHistory(const RunConfig &config);
    QString finishInHistory(const RunReport &report, bool csvWritten);

    CommandLineOptions m_options;
    std::unique_ptr<SimulatorHost> m_simulator;
    std::unique_ptr<RunCsvWriter> m_csv;
    std::unique_ptr<OutputFile> m_report;
    FILE *m_out = stdout; // the summary and progress lines
    std::unique_ptr<SignalWatcher> m_signals;
    std::unique_ptr<RunHistory> m_history; // --history: this run's row is m_historyId
    qint64 m_historyId = 0;
    RunController m_controller;
};
