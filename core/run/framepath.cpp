#include "framepath.h"

#include "capture/capturerecorder.h"
#include "runtiming.h"
#include "runwatch.h"
#include "transport/messagesource.h"
#include "transport/orderedsink.h"

#include <algorithm>

namespace {

// Malformed frames are kept in the record; past this length only the start is kept.
constexpr qsizetype RecordedFrameLimit = 4096;

// Batch mode's memory estimate per held message beyond the payload store's: the CSV row when
// recording.
constexpr quint64 BatchBytesPerRecordedMessage = 128;

QString truncatedForRecord(const QString &frame)
{
    if (frame.size() <= RecordedFrameLimit)
        return frame;
    return frame.left(RecordedFrameLimit)
        + FramePath::tr("... (%1 characters in all)").arg(frame.size());
}

} // namespace

FramePath::FramePath(RunTiming &timing, RunWatch &watch, QObject *parent)
    : QObject(parent)
    , m_timing(timing)
    , m_watch(watch)
    , m_events(this) // children, so that moveToThread() takes them along
    , m_holdTimer(this)
{
    m_holdTimer.setSingleShot(true);
    m_holdTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_holdTimer, &QTimer::timeout, this, &FramePath::onHoldTimer);
    connect(&m_events, &EventBatcher::batchReady, this, &FramePath::eventsReady);
}

FramePath::~FramePath() = default;

void FramePath::begin(const RunConfig &config, MessageSource *source, OrderedSink *sink,
                      CaptureRecorder *capture)
{
    m_config = config;
    m_capture = capture;
    m_source = source;
    m_sink = sink;
    m_taking = true;
    m_paused = false;
    m_mustDropOverBudget = source && !source->canPause();
    m_buffer = std::make_unique<ReorderBuffer>(m_config.reorderConfig());
    m_adaptive.reset();
    m_arrivals = ArrivalLog(m_config.keepArrivals ? m_config.arrivalLogBytes : 0);
    if (m_config.autoWindow && m_config.mode == ReorderMode::Stream)
        m_adaptive.emplace(m_config.maxWindow, m_buffer->config().window);
    m_payloads.clear();
    m_released.clear();
    m_meter.reset();
    m_flow = FlowControl(m_config.sinkHighWater, m_config.maxBacklogBytes);
    m_overBudget = IntervalSet(RunReport::MaxListedRanges);
    m_received = m_accepted = m_malformed = m_droppedOverBudget = 0;
    m_malformedByReason = {};
    m_digest.clear();
    m_delivery.reset();
    m_events.start(m_config.recordEvents);
    if (source) {
        connect(source, &MessageSource::connected, this, &FramePath::trackDelivery);
        connect(source, &MessageSource::reconnected, this, &FramePath::trackDelivery);
    }
    if (sink) {
        connect(sink, &OrderedSink::backlogWritten, this, &FramePath::onBacklogWritten);
        connect(sink, &OrderedSink::confirmedChanged, this, &FramePath::updateFlowControl);
        connect(sink, &OrderedSink::confirmedChanged, this, [this](quint64 confirmed) {
            if (m_delivery) {
                m_delivery->confirmed(confirmed);
                acknowledge();
            }
        });
    }
}

void FramePath::stopTaking()
{
    m_taking = false;
    m_paused = false; // closing the source lifts its pause
}

void FramePath::finish()
{
    acknowledge(); // the last word to the feed, before it goes
    m_taking = false;
    m_holdTimer.stop();
    m_events.stop();
    m_payloads.clear();
}

// --- arrival ---------------------------------------------------------------------------------

void FramePath::onText(const QString &frame)
{
    if (!m_taking)
        return; // after --count was reached or the run was stopped
    const quint64 index = m_received++;
    const DecodedMessage message = MessageCodec::decode(frame, m_config.maxFrameBytes);
    const qint64 now = m_timing.nowNs();
    m_watch.progress(now);
    if (m_capture)
        m_capture->frame(now, frame);
    m_digest.rates.add(RateSeries::In, now);
    if (!message.isValid()) {
        // Only what is recorded is cut short (sharing the frame itself costs nothing).
        const bool cut = m_events.isRecording() && message.reason == MalformedReason::TooLarge;
        recordMalformed(index, now, cut ? truncatedForRecord(frame) : frame, message.reason);
        return;
    }

    ++m_accepted;
    if (m_mustDropOverBudget && m_flow.overBudget(backlog())
        && dropOverBudget(frame, message, index, now)) {
        if (m_delivery) {
            m_delivery->arrived(index, false);
            acknowledge();
        }
        endIfCountReached();
        return;
    }
    if (m_config.keepArrivals)
        m_arrivals.append(message.id, now);
    const quint32 slot = m_payloads.put(frame, index);
    m_released.clear();
    const PushResult result = m_buffer->push(message.id, slot, now, m_released);
    const qint64 afterPush = m_timing.nowNs();
    m_timing.addOrderNs(afterPush - now);

    MessageStatus status = MessageStatus::Accepted;
    if (result != PushResult::Buffered) {
        m_payloads.take(slot);
        status = result == PushResult::Late ? MessageStatus::Late : MessageStatus::Duplicate;
        m_digest.rates.add(result == PushResult::Late ? RateSeries::Late : RateSeries::Duplicates,
                           now);
    }
    if (m_adaptive && result != PushResult::Duplicate)
        adaptWindow();
    if (m_events.isRecording()) {
        m_events.arrival(MessageArrival {index, message.id, now, frame, message.textStart,
                                         message.textLength, status, MalformedReason::None});
    }
    if (m_delivery) { // held until it leaves the buffer, or dealt with (late, duplicate)
        m_delivery->arrived(index, result == PushResult::Buffered);
        acknowledge();
    }
    if (!m_released.empty())
        forwardReleased(afterPush);
    m_events.flushIfFull();
    if (m_config.maxHoldMs > 0 && !m_holdTimer.isActive())
        armHoldTimer();
    if (m_config.mode == ReorderMode::Batch && result == PushResult::Buffered)
        checkBatchMemory();
    endIfCountReached();
}

void FramePath::onBinary(const QByteArray &frame)
{
    if (!m_taking)
        return;
    const quint64 index = m_received++;
    const qint64 now = m_timing.nowNs();
    m_watch.progress(now);
    if (m_capture)
        m_capture->binaryFrame(now, frame);
    m_digest.rates.add(RateSeries::In, now);
    const QString preview = m_events.isRecording()
        ? tr("binary frame of %1 bytes: %2")
              .arg(frame.size())
              .arg(QString::fromLatin1(frame.left(64).toHex(' ')))
        : QString();
    recordMalformed(index, now, preview, MalformedReason::Binary);
}

void FramePath::recordMalformed(quint64 index, qint64 nowNs, QString frame, MalformedReason reason)
{
    ++m_malformed;
    ++m_malformedByReason[std::size_t(reason)];
    m_digest.rates.add(RateSeries::Malformed, nowNs);
    if (m_delivery) {
        m_delivery->arrived(index, false);
        acknowledge();
    }
    if (m_events.isRecording()) {
        m_events.arrival(MessageArrival {index, 0, nowNs, std::move(frame), -1, 0,
                                         MessageStatus::Malformed, reason});
    }
}

void FramePath::endIfCountReached()
{
    // --count counts messages, not copies: a duplicate does not bring the end nearer.
    if (m_config.count > 0 && m_accepted - m_buffer->stats().duplicates >= m_config.count)
        Q_EMIT endRequested(RunEnd::CountReached);
}

void FramePath::adaptWindow()
{
    // What this arrival needed sets the window for what follows (held ones are never forced out).
    const qint64 before = m_adaptive->window();
    const qint64 window = m_adaptive->observe(m_buffer->lastNeed(), m_buffer->size());
    if (window != before)
        m_buffer->setWindow(window);
    m_digest.window.add(m_buffer->stats().buffered + m_buffer->stats().late, window);
}

void FramePath::checkBatchMemory()
{
    // Batch mode holds the whole run: past its cap the feed is no longer read and what is held
    // is sent at once (the run does not wait for a Flush then).
    const quint64 held = m_payloads.bytes()
        + (m_events.isRecording() ? m_buffer->size() * BatchBytesPerRecordedMessage : 0);
    if (held <= m_config.batchMemoryBytes)
        return;
    Q_EMIT notice(tr("batch mode reached its memory cap of %1 MiB after %2 messages: the feed is "
                     "no longer read and what is held is sent; stream mode needs memory only "
                     "for the window")
                      .arg(m_config.batchMemoryBytes >> 20)
                      .arg(m_accepted));
    Q_EMIT endRequested(RunEnd::BatchMemoryCap);
}

// --- release ---------------------------------------------------------------------------------

void FramePath::forwardReleased(qint64 nowNs)
{
    if (m_sink && !m_released.empty())
        m_timing.markSendStarted();
    for (const ReleasedMessage &r : m_released) {
        const PayloadStore::Payload payload = m_payloads.take(r.slot);
        const ReleaseMeter::Measure m = m_meter.add(r, nowNs);
        m_digest.rates.add(RateSeries::Out, nowNs);
        m_digest.histogram.add(m.distance);
        m_digest.band.add(payload.arrivalIndex, m.distance); // against arrival, as drawn live
        if (m_delivery && m_sink)
            m_delivery->forwarded(payload.arrivalIndex, m.output);
        else if (m_delivery)
            m_delivery->released(payload.arrivalIndex);
        qint64 sentNs = MessageRelease::NotForwarded;
        if (m_sink)
            sentNs = m_sink->send(payload.frame) ? nowNs : MessageRelease::Queued;
        if (m_events.isRecording())
            m_events.release(MessageRelease {payload.arrivalIndex, m.output, m.distance, nowNs,
                                             m.holdNs, sentNs});
    }
    m_released.clear();
    acknowledge();
    updateFlowControl(); // past the high mark the feed is held back, at every crossing
}

void FramePath::armHoldTimer()
{
    const std::optional<qint64> deadline = m_buffer->nextDeadlineNs();
    if (!deadline)
        return;
    const qint64 waitNs = std::max<qint64>(0, *deadline - m_timing.nowNs());
    m_holdTimer.start(int((waitNs + 999999) / 1000000));
}

void FramePath::onHoldTimer()
{
    if (!m_buffer)
        return;
    const qint64 now = m_timing.nowNs();
    m_released.clear();
    m_buffer->expire(now, m_released);
    const qint64 after = m_timing.nowNs();
    m_timing.addOrderNs(after - now);
    if (!m_released.empty())
        forwardReleased(after);
    armHoldTimer();
}

void FramePath::releaseAll()
{
    if (!m_buffer)
        return;
    m_holdTimer.stop();
    const qint64 now = m_timing.nowNs();
    m_released.clear();
    m_buffer->flush(m_released);
    const qint64 after = m_timing.nowNs();
    m_timing.addOrderNs(after - now);
    if (!m_released.empty())
        forwardReleased(after);
}

// --- flow control ----------------------------------------------------------------------------

FlowControl::Backlog FramePath::backlog() const
{
    FlowControl::Backlog b;
    b.bufferBytes = m_payloads.bytes();
    if (m_sink) {
        b.sinkFrames = m_sink->unconfirmed();
        b.sinkBytes = m_sink->unconfirmedBytes();
    }
    return b;
}

bool FramePath::dropOverBudget(const QString &frame, const DecodedMessage &message, quint64 index,
                               qint64 nowNs)
{
    // A feed that cannot be paused (pub/sub) while the sink is behind: never grow without bound.
    if (m_config.backlogOverflow == BacklogOverflow::EndRun) {
        Q_EMIT notice(tr("the sink fell %1 MiB behind a feed that cannot wait: ending the run")
                          .arg(m_flow.budgetBytes() >> 20));
        Q_EMIT endRequested(RunEnd::BacklogOverBudget);
        return false; // this one is still taken
    }
    if (m_droppedOverBudget++ == 0) {
        Q_EMIT notice(tr("the sink fell %1 MiB behind a feed that cannot wait: messages are "
                         "dropped and counted until it catches up")
                          .arg(m_flow.budgetBytes() >> 20));
    }
    m_overBudget.insert(message.id);
    if (m_events.isRecording()) {
        m_events.arrival(MessageArrival {index, message.id, nowNs, frame, message.textStart,
                                         message.textLength, MessageStatus::Dropped,
                                         MalformedReason::None});
    }
    return true;
}

void FramePath::updateFlowControl()
{
    if (!m_sink || !m_source)
        return;
    if (!m_taking) {
        m_flow.observe(backlog()); // the feed is closing: nothing to hold back
        return;
    }
    switch (m_flow.check(backlog(), m_paused)) {
    case FlowControl::Action::Pause:
        m_paused = true;
        m_source->setPaused(true);
        break;
    case FlowControl::Action::Resume:
        m_paused = false;
        m_source->setPaused(false);
        break;
    case FlowControl::Action::None:
        break;
    }
}

void FramePath::onBacklogWritten(quint64 first, quint64 count)
{
    updateFlowControl();
    if (m_events.isRecording())
        m_events.sent(SentUpdate {first, count, m_timing.nowNs()});
}

// --- acknowledged delivery -------------------------------------------------------------------

void FramePath::trackDelivery()
{
    // From the first connection that asks; what arrived before it is not acknowledged.
    if (!m_delivery && m_source && m_source->wantsAcknowledgements())
        m_delivery.emplace(m_received);
}

void FramePath::acknowledge()
{
    if (!m_delivery || !m_source)
        return;
    if (const std::optional<quint64> frames = m_delivery->takeAcknowledged())
        m_source->acknowledge(*frames);
}

// --- figures ---------------------------------------------------------------------------------

void FramePath::addTo(RunCounters &c) const
{
    c.received = m_received;
    c.accepted = m_accepted;
    c.malformed = m_malformed;
    c.malformedByReason = m_malformedByReason;
    c.droppedOverBudget = m_droppedOverBudget;
    if (m_buffer) {
        const ReorderStats &s = m_buffer->stats();
        c.late = s.late;
        c.duplicates = s.duplicates;
        c.held = m_buffer->size();
        c.missingIds = s.missingIds;
        // What was dropped over the budget never reached the buffer, which counts it as lost.
        c.lostIds = m_buffer->lostIds() - std::min(m_buffer->lostIds(), m_droppedOverBudget);
        c.gapRanges = s.gapRanges;
        c.recommendedWindow = m_buffer->recommendedWindow();
    }
    if (m_adaptive) {
        c.windowSmallest = m_adaptive->smallest();
        c.windowLargest = m_adaptive->largest();
        c.windowFinal = m_adaptive->window();
        c.windowChanges = m_adaptive->changes();
    } else {
        c.windowSmallest = c.windowLargest = c.windowFinal = m_config.window;
        c.windowChanges = 0;
    }
    c.sent = m_meter.sent();
    c.maxLateDistance = m_meter.maxLateDistance();
    c.maxEarlyDistance = m_meter.maxEarlyDistance();
    c.maxDistance = m_meter.maxDistance();
    c.feedPauses = m_flow.pauses();
    c.sinkBacklogPeak = m_flow.peakFrames();
    c.backlogPeakBytes = m_flow.peakBytes();
}

QList<QPair<qint64, qint64>> FramePath::lostRanges() const
{
    return m_buffer ? m_buffer->lostRanges(RunReport::MaxListedRanges)
                    : QList<QPair<qint64, qint64>>();
}

QList<QPair<qint64, qint64>> FramePath::droppedRanges() const
{
    return m_overBudget.intervals(RunReport::MaxListedRanges);
}
