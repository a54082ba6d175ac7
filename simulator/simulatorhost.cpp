#include "simulatorhost.h"

#include <QMetaObject>

SimulatorHost::SimulatorHost()
    : m_simulator(new FeedSimulator)
{
    m_thread.setObjectName(QStringLiteral("feed-simulator"));
}

SimulatorHost::SimulatorHost(const QSslConfiguration &tls)
    : m_simulator(new FeedSimulator(tls))
{
    m_thread.setObjectName(QStringLiteral("feed-simulator"));
}

SimulatorHost::~SimulatorHost()
{
    stop();
    delete m_simulator; // only if it never moved to the thread
}

bool SimulatorHost::start(quint16 port, const QHostAddress &address)
{
    if (!m_simulator)
        return false;
    m_simulator->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_simulator, &QObject::deleteLater);
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_simulator, [&] { ok = m_simulator->listen(address, port); },
        Qt::BlockingQueuedConnection);
    if (!ok)
        m_error = m_simulator->errorString();
    return ok;
}

void SimulatorHost::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_simulator, &FeedSimulator::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_simulator = nullptr; // deleted by deleteLater as the thread finished
}
