#pragma once

#include "runevents.h"

#include <QObject>
#include <QTimer>

/*!
    Collects a run's events (arrivals, releases, frames written late) and hands them on in
    batches: every IntervalMs, and at once past MaxEvents, so that a receiver (a GUI thread, a
    CSV writer) never digests more than a few milliseconds at a time. Records nothing unless
    started with recording on (RunConfig::recordEvents): callers ask isRecording() before they
    build an event.
*/
class EventBatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventBatcher)

public:
    static constexpr int IntervalMs = 50;
    static constexpr qsizetype MaxEvents = 16384;

    explicit EventBatcher(QObject *parent = nullptr);

    void start(bool recording);
    // Hands on what is left and stops the timer.
    void stop();
    bool isRecording() const { return m_recording; }

    void arrival(MessageArrival &&event) { m_batch.arrivals.append(std::move(event)); }
    void release(const MessageRelease &event) { m_batch.releases.append(event); }
    void sent(const SentUpdate &event) { m_batch.sent.append(event); }
    // Hands the batch on now if it has grown past MaxEvents.
    void flushIfFull();

Q_SIGNALS:
    void batchReady(const RunEventBatch &batch);

private:
    void flush();

    RunEventBatch m_batch;
    QTimer m_timer;
    bool m_recording = false;
};
