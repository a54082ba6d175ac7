#pragma once

#include "feedsimulator.h"

#include <QSslConfiguration>
#include <QThread>

#include <memory>

/*!
    Runs a FeedSimulator in a thread of its own, so that the built-in feed and sink do not compete
    with the monitor's event loop. start() blocks until the server listens (or fails to).
    Stopped and joined by stop() or the destructor.
*/
class SimulatorHost final
{
    Q_DISABLE_COPY_MOVE(SimulatorHost)

public:
    SimulatorHost();
    explicit SimulatorHost(const QSslConfiguration &tls);
    ~SimulatorHost();

    bool start(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    QString errorString() const { return m_error; }

    // Use only its thread-safe members (statistics, URLs) from other threads.
    FeedSimulator *simulator() const { return m_simulator; }

private:
    QThread m_thread;
    FeedSimulator *m_simulator = nullptr;
    QString m_error;
};
