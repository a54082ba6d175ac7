#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QtGlobal>

// Durations kept in nanoseconds, shown in milliseconds or seconds.
namespace Duration {
inline double ms(qint64 ns)
{
    return double(ns) / 1e6;
}
inline QString seconds(qint64 ns)
{
    return QString::number(double(ns) / 1e9, 'f', 3);
}
} // namespace Duration

// Durations of a run's phases, in milliseconds.
struct PhaseTiming
{
    double connectMs = 0; // until the feed (and, in stream mode, the sink) was connected
    double receiveMs = 0; // from the feed connecting until it ended
    double orderMs = 0; // time spent inside the reorder buffer
    double sendMs = 0; // from the first frame to the sink until the sink confirmed and closed
    double totalMs = 0;
};

/*!
    The run's monotonic clock and the marks between its phases. Phases still under way are
    measured up to now. Plain value type; not thread-safe.
*/
class RunTiming final
{
public:
    void start();
    bool isStarted() const { return m_clock.isValid(); }
    qint64 nowNs() const { return m_clock.isValid() ? m_clock.nsecsElapsed() : 0; }

    void markFeedConnected();
    void markSinkConnected();
    void markFeedEnded();
    void markSendStarted();
    void markSendFinished();
    void markFinished();
    void addOrderNs(qint64 ns) { m_orderNs += ns; }

    // With waitForSink, the connect phase lasts until both ends are connected (stream mode).
    PhaseTiming phases(bool waitForSink) const;

private:
    // Sets `slot` to now the first time only (the clock is read only then).
    void mark(qint64 &slot) const;

    QElapsedTimer m_clock;
    qint64 m_feedConnected = -1;
    qint64 m_sinkConnected = -1;
    qint64 m_feedEnded = -1;
    qint64 m_sendStarted = -1;
    qint64 m_sendFinished = -1;
    qint64 m_finished = -1;
    qint64 m_orderNs = 0;
};
