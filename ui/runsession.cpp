#include "runsession.h"

#include "run/runcontroller.h"
#include "runrecorder.h"
#include "simulator/simulatorhost.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace {

// The worker and the simulator may run flat out; the GUI thread must win the CPU whenever it
// wakes, or the window stutters on a busy machine. On Linux a thread has its own nice value.
void yieldToTheGuiThread()
{
#ifdef Q_OS_LINUX
    ::setpriority(PRIO_PROCESS, 0, 5);
#endif
}

} // namespace

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_controller(new RunController)
    , m_recorder(new RunRecorder)
{
    m_worker.setObjectName(QStringLiteral("run-worker"));
    m_controller->moveToThread(&m_worker);
    m_recorder->moveToThread(&m_worker);
    connect(&m_worker, &QThread::finished, m_controller, &QObject::deleteLater);
    connect(&m_worker, &QThread::finished, m_recorder, &QObject::deleteLater);

    // In the worker: the recorder sees every batch, then the report.
    connect(m_controller, &RunController::eventsReady, m_recorder, &RunRecorder::record);
    connect(m_controller, &RunController::finished, m_recorder, &RunRecorder::end);

    // To the GUI thread (queued: the receivers live here).
    connect(m_controller, &RunController::eventsReady, this, &RunSession::eventsReady);
    connect(m_controller, &RunController::statsUpdated, this, &RunSession::statsUpdated);
    connect(m_controller, &RunController::notice, this, &RunSession::notice);
    connect(m_controller, &RunController::errorOccurred, this, &RunSession::errorOccurred);
    connect(m_controller, &RunController::stateChanged, this, [this](RunState state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    });
    connect(m_recorder, &RunRecorder::recorded, this, &RunSession::finished);
    m_worker.start();
    QMetaObject::invokeMethod(m_controller, &yieldToTheGuiThread, Qt::QueuedConnection);
}

RunSession::~RunSession()
{
    QMetaObject::invokeMethod(m_controller, &RunController::stop, Qt::QueuedConnection);
    m_worker.quit();
    m_worker.wait();
    if (m_simulator)
        m_simulator->stop();
}

FeedSimulator *RunSession::simulator(QString *error)
{
    if (!m_simulator) {
        auto host = std::make_unique<SimulatorHost>();
        if (!host->start(0)) {
            if (error)
                *error = host->errorString();
            return nullptr;
        }
        m_simulator = std::move(host);
        QMetaObject::invokeMethod(m_simulator->simulator(), &yieldToTheGuiThread,
                                  Qt::QueuedConnection);
    }
    return m_simulator->simulator();
}

bool RunSession::isActive() const
{
    return m_state == RunState::Connecting || m_state == RunState::Running
        || m_state == RunState::Holding || m_state == RunState::Draining;
}

void RunSession::start(const RunConfig &config, const QString &csvPath)
{
    if (isActive())
        return;
    RunConfig c = config;
    c.recordEvents = true;
    m_state = RunState::Connecting;
    QMetaObject::invokeMethod(
        m_recorder, [recorder = m_recorder, csvPath] { recorder->begin(csvPath); },
        Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_controller, [controller = m_controller, c] { controller->start(c); },
        Qt::QueuedConnection);
}

void RunSession::stop()
{
    QMetaObject::invokeMethod(m_controller, &RunController::stop, Qt::QueuedConnection);
}

void RunSession::flush()
{
    QMetaObject::invokeMethod(m_controller, &RunController::flush, Qt::QueuedConnection);
}
