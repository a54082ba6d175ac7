#include "runtiming.h"

#include <algorithm>

namespace {

double toMs(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

void RunTiming::start()
{
    *this = RunTiming();
    m_clock.start();
}

void RunTiming::mark(qint64 &slot) const
{
    if (slot < 0)
        slot = nowNs();
}

void RunTiming::markFeedConnected()
{
    mark(m_feedConnected);
}

void RunTiming::markSinkConnected()
{
    mark(m_sinkConnected);
}

void RunTiming::markFeedEnded()
{
    mark(m_feedEnded);
}

void RunTiming::markSendStarted()
{
    mark(m_sendStarted);
}

void RunTiming::markSendFinished()
{
    mark(m_sendFinished);
}

void RunTiming::markFinished()
{
    mark(m_finished);
}

PhaseTiming RunTiming::phases(bool waitForSink) const
{
    const qint64 now = m_finished >= 0 ? m_finished : nowNs();
    auto until = [now](qint64 mark) {
        return mark >= 0 ? mark : now;
    };

    PhaseTiming t;
    qint64 connected = until(m_feedConnected);
    if (waitForSink)
        connected = std::max(connected, until(m_sinkConnected));
    t.connectMs = toMs(connected);
    if (m_feedConnected >= 0)
        t.receiveMs = toMs(std::max<qint64>(0, until(m_feedEnded) - m_feedConnected));
    t.orderMs = toMs(m_orderNs);
    if (m_sendStarted >= 0)
        t.sendMs = toMs(std::max<qint64>(0, until(m_sendFinished) - m_sendStarted));
    t.totalMs = toMs(now);
    return t;
}
