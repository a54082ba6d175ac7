#pragma once

#include "run/runconfig.h"
#include "run/runevents.h"
#include "run/runreport.h"

#include <QObject>
#include <QThread>

#include <memory>

class FeedSimulator;
class RunController;
class RunRecorder;
class SimulatorHost;

/*!
    Runs the window's runs off the GUI thread: a RunController and a RunRecorder live in a worker
    thread, the built-in simulator in a thread of its own. Everything comes back to the GUI thread
    as queued signals, in batches. One run at a time.
*/
class RunSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSession)

public:
    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // The built-in simulator, started on first use on a free loopback port; nullptr (with the
    // reason in `error`) if it cannot listen.
    FeedSimulator *simulator(QString *error = nullptr);

    // csvPath: where to record the run's messages ("" = not recorded).
    void start(const RunConfig &config, const QString &csvPath);
    void stop();
    void flush();
    RunState state() const { return m_state; }
    bool isActive() const;

Q_SIGNALS:
    void stateChanged(RunState state);
    void eventsReady(const RunEventBatch &batch);
    void statsUpdated(const RunStats &stats);
    void notice(const QString &message);
    void errorOccurred(const QString &message);
    void finished(const RunReport &report, const QString &csvPath, const QString &csvError);

private:
    QThread m_worker;
    RunController *m_controller = nullptr; // lives in m_worker
    RunRecorder *m_recorder = nullptr; // lives in m_worker
    std::unique_ptr<SimulatorHost> m_simulator;
    RunState m_state = RunState::Idle;
};
