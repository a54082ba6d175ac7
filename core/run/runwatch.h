#pragma once

#include "connectionlog.h"
#include "runreport.h"

#include <QObject>
#include <QTimer>

#include <functional>

class MessageSource;
class OrderedSink;
class RunTiming;

/*!
    Watches a run from beside its data path: what happens to its connections (drops, failed
    attempts, reconnections, certificate errors ignored under --insecure, kept in a
    ConnectionLog and said as notices), whether anything moves (idle() once no frame arrived and
    nothing was confirmed for the idle timeout; time spent reconnecting the feed excluded), and
    the live stats a few times a second, with their rates.

    Lives in the run's thread, as a child of the controller.
*/
class RunWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunWatch)

public:
    static constexpr int StatsIntervalMs = 250;

    RunWatch(const RunTiming &clock, QObject *parent);

    // A new run: `snapshot` gives its stats; idleTimeoutMs 0 never calls it idle.
    void start(int idleTimeoutMs, std::function<RunStats()> snapshot);
    // Only a running run can be idle: not while it connects, holds for a Flush or drains.
    void setRunning(bool running);
    void stop();
    void watchFeed(MessageSource *source, bool resubscribeLosesMessages);
    void watchSink(OrderedSink *sink);

    // Something moved: a frame arrived, the sink confirmed, a connection came back.
    void progress();
    void progress(qint64 nowNs) { m_lastProgressNs = nowNs; } // on the hot path: no clock read
    qint64 idleNs() const;
    bool isDown(ConnectionEvent::Endpoint endpoint) const { return m_log.isDown(endpoint); }
    const ConnectionLog &log() const { return m_log; }
    // The stats now, with rates since the last time; emitted as statsUpdated() too.
    void emitStats();

Q_SIGNALS:
    void connectionEvent(const ConnectionEvent &event);
    void notice(const QString &message);
    void idle();
    void statsUpdated(const RunStats &stats);

private:
    template<class End> void watch(End *end, ConnectionEvent::Endpoint endpoint);
    void logEvent(const ConnectionEvent &event);
    void onIdleCheck();

    const RunTiming &m_clock;
    ConnectionLog m_log;
    QTimer m_idleTimer;
    QTimer m_statsTimer;
    std::function<RunStats()> m_snapshot;
    int m_idleTimeoutMs = 0;
    qint64 m_lastProgressNs = 0;
    quint64 m_lastStatsReceived = 0;
    quint64 m_lastStatsSent = 0;
    qint64 m_lastStatsNs = 0;
};
