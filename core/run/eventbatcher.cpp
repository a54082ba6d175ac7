#include "eventbatcher.h"

EventBatcher::EventBatcher(QObject *parent)
    : QObject(parent)
    , m_timer(this) // a child, so that moveToThread() takes it along
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventBatcher::flush);
}

void EventBatcher::start(bool recording)
{
    m_batch = RunEventBatch();
    m_recording = recording;
    if (recording)
        m_timer.start();
}

void EventBatcher::stop()
{
    m_timer.stop();
    flush();
}

void EventBatcher::flushIfFull()
{
    if (m_batch.arrivals.size() + m_batch.releases.size() >= MaxEvents)
        flush();
}

void EventBatcher::flush()
{
    if (!m_batch.isEmpty())
        Q_EMIT batchReady(std::exchange(m_batch, RunEventBatch()));
}
