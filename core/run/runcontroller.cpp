#include "runcontroller.h"

#include "runendpoints.h"
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
        + RunController::tr("... (%1 characters in all)").arg(frame.size());
}

} // namespace

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_events(this) // children, so that moveToThread() takes them along
    , m_statsTimer(this)
    , m_holdTimer(this)
    , m_idleTimer(this)
{
    qRegisterMetaType<RunConfig>();
    qRegisterMetaType<RunEventBatch>();
    qRegisterMetaType<RunStats>();
    qRegisterMetaType<RunReport>();
    qRegisterMetaType<RunState>();
    qRegisterMetaType<ConnectionEvent>();

    m_statsTimer.setInterval(StatsIntervalMs);
    m_holdTimer.setSingleShot(true);
    m_holdTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_events, &EventBatcher::batchReady, this, &RunController::eventsReady);
    connect(&m_statsTimer, &QTimer::timeout, this, &RunController::emitStats);
    connect(&m_holdTimer, &QTimer::timeout, this, &RunController::onHoldTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, &RunController::onIdleCheck);
}

RunController::~RunController() = default;

// --- starting --------------------------------------------------------------------------------

void RunController::start(const RunConfig &config)
{
    if (m_state != RunState::Idle && m_state != RunState::Finished && m_state != RunState::Failed)
        return;

    m_config = config;
    m_config.window = std::max<qint64>(m_config.window, 1);
    m_config.sinkHighWater = std::max<quint64>(m_config.sinkHighWater, 16);
    if (!m_config.forwards())
        m_config.sinkUrl = QUrl();
    m_timing.start();
    m_feed = Feed::Open;
    m_report = RunReport();
    m_report.config = m_config;
    m_report.startedAt = QDateTime::currentDateTime();
    m_report.feedDescription = m_config.feedKind == FeedKind::Redis
        ? m_config.redis.description()
        : m_config.feedUrl.toDisplayString(QUrl::RemovePassword);
    m_buffer = std::make_unique<ReorderBuffer>(m_config.reorderConfig());
    m_payloads.clear();
    m_released.clear();
    m_meter.reset();
    m_counters = RunCounters();
    m_connections = ConnectionLog();
    m_flow = FlowControl(m_config.sinkHighWater);
    m_delivery.reset();
    m_lastProgressNs = 0;
    m_lastStatsReceived = m_lastStatsSent = 0;
    m_lastStatsNs = 0;
    setState(RunState::Connecting);

    QString problem;
    m_sink = RunEndpoints::createSink(m_config, this, &problem);
    if (!problem.isEmpty()) {
        failSoon(problem);
        return;
    }
    if (m_sink) {
        connectSink(m_sink);
        watchConnection(m_sink.data(), ConnectionEvent::Endpoint::Sink);
    }
    MessageSource *source = RunEndpoints::createSource(m_config, this, &problem);
    if (!source) {
        failSoon(problem);
        return;
    }
    m_source = source;
    m_report.feedDescription = source->description();
    connectSource(source);
    watchConnection(source, ConnectionEvent::Endpoint::Feed);

    m_events.start(m_config.recordEvents);
    m_statsTimer.start();
    if (m_config.idleTimeoutMs > 0)
        m_idleTimer.start(std::clamp(m_config.idleTimeoutMs / 4, 20, 1000));
    // In stream mode the sink is opened with the feed; in batch mode at the first flush.
    if (m_sink && m_config.mode == ReorderMode::Stream)
        m_sink->open();
    source->open();
}

void RunController::connectSource(MessageSource *source)
{
    connect(source, &MessageSource::connected, this, &RunController::onFeedConnected);
    connect(source, &MessageSource::textReceived, this, &RunController::onText);
    connect(source, &MessageSource::binaryReceived, this, &RunController::onBinary);
    connect(source, &MessageSource::ended, this, &RunController::onFeedEnded);
    connect(source, &MessageSource::failed, this, &RunController::onFeedFailed);
    // Delivery acknowledgements, once a connection of the feed asks for them.
    connect(source, &MessageSource::connected, this, &RunController::trackDelivery);
    connect(source, &MessageSource::reconnected, this, &RunController::trackDelivery);
}

void RunController::connectSink(OrderedSink *sink)
{
    connect(sink, &OrderedSink::connected, this, [this] { m_timing.markSinkConnected(); });
    connect(sink, &OrderedSink::finished, this, &RunController::onSinkFinished);
    connect(sink, &OrderedSink::failed, this, &RunController::onSinkFailed);
    connect(sink, &OrderedSink::backlogWritten, this, &RunController::onBacklogWritten);
    connect(sink, &OrderedSink::confirmedChanged, this, [this] {
        m_lastProgressNs = m_timing.nowNs();
        updateFlowControl();
    });
    connect(sink, &OrderedSink::confirmedChanged, this, [this](quint64 confirmed) {
        if (m_delivery) {
            m_delivery->confirmed(confirmed);
            acknowledgeDelivery();
        }
    });
}

// The feed and the sink report drops, reconnections and ignored certificate errors alike.
template<class End>
void RunController::watchConnection(End *end, ConnectionEvent::Endpoint endpoint)
{
    const auto log = [this](const ConnectionEvent &event) {
        Q_EMIT connectionEvent(event);
        Q_EMIT notice(event.text());
    };
    connect(end, &End::dropped, this, [this, log, endpoint](const QString &reason, int attempt) {
        log(m_connections.dropped(endpoint, reason, attempt, m_timing.nowNs()));
    });
    connect(end, &End::reconnected, this, [this, log, endpoint] {
        m_lastProgressNs = m_timing.nowNs();
        if (endpoint == ConnectionEvent::Endpoint::Feed && m_config.feedKind == FeedKind::Redis
            && !m_config.redis.isStream())
            Q_EMIT notice(tr("the feed resubscribed; what was published meanwhile is lost and "
                             "shows as missing ids"));
        log(m_connections.reconnected(endpoint, m_lastProgressNs));
    });
    connect(end, &End::certificateErrorsIgnored, this, [this](const QStringList &errors) {
        if (const QStringList fresh = m_connections.newCertificateErrors(errors); !fresh.isEmpty())
            Q_EMIT notice(tr("INSECURE: certificate errors ignored as asked (--insecure): %1")
                              .arg(fresh.join(QStringLiteral("; "))));
    });
}

void RunController::onFeedConnected()
{
    m_timing.markFeedConnected();
    m_lastProgressNs = m_timing.nowNs();
    if (m_state == RunState::Connecting)
        setState(RunState::Running);
}

// --- the per-frame path ----------------------------------------------------------------------

void RunController::onText(const QString &frame)
{
    if (!feedOpen())
        return; // after --count was reached or the run was stopped
    const quint64 index = m_counters.received++;
    const DecodedMessage message = MessageCodec::decode(frame, m_config.maxFrameBytes);
    const qint64 now = m_timing.nowNs();
    m_lastProgressNs = now;
    if (!message.isValid()) {
        // Only what is recorded is cut short (sharing the frame itself costs nothing).
        const bool cut = m_events.isRecording() && message.reason == MalformedReason::TooLarge;
        recordMalformed(index, now, cut ? truncatedForRecord(frame) : frame, message.reason);
        return;
    }

    ++m_counters.accepted;
    const quint32 slot = m_payloads.put(frame, index);
    m_released.clear();
    const PushResult result = m_buffer->push(message.id, slot, now, m_released);
    const qint64 afterPush = m_timing.nowNs();
    m_timing.addOrderNs(afterPush - now);

    MessageStatus status = MessageStatus::Accepted;
    if (result != PushResult::Buffered) {
        m_payloads.take(slot);
        status = result == PushResult::Late ? MessageStatus::Late : MessageStatus::Duplicate;
    }
    if (m_delivery) { // held until it leaves the buffer, or dealt with (late, duplicate)
        m_delivery->arrived(index, result == PushResult::Buffered);
        acknowledgeDelivery();
    }
    if (m_events.isRecording()) {
        m_events.arrival(MessageArrival {index, message.id, now, frame, message.textStart,
                                         message.textLength, status, MalformedReason::None});
    }
    if (!m_released.empty())
        forwardReleased(afterPush);
    m_events.flushIfFull();
    if (m_config.maxHoldMs > 0 && !m_holdTimer.isActive())
        armHoldTimer();
    if (m_config.mode == ReorderMode::Batch && result == PushResult::Buffered)
        checkBatchMemory();
    // --count counts messages, not copies: a duplicate does not bring the end nearer.
    if (m_config.count > 0 && m_counters.accepted - m_buffer->stats().duplicates >= m_config.count)
        endFeed(RunEnd::CountReached);
}

void RunController::onBinary(const QByteArray &frame)
{
    if (!feedOpen())
        return;
    const quint64 index = m_counters.received++;
    const qint64 now = m_timing.nowNs();
    m_lastProgressNs = now;
    const QString preview = m_events.isRecording()
        ? tr("binary frame of %1 bytes: %2")
              .arg(frame.size())
              .arg(QString::fromLatin1(frame.left(64).toHex(' ')))
        : QString();
    recordMalformed(index, now, preview, MalformedReason::Binary);
}

void RunController::recordMalformed(quint64 index, qint64 nowNs, QString frame,
                                    MalformedReason reason)
{
    ++m_counters.malformed;
    ++m_counters.malformedByReason[std::size_t(reason)];
    if (m_delivery) {
        m_delivery->arrived(index, false);
        acknowledgeDelivery();
    }
    if (m_events.isRecording()) {
        m_events.arrival(MessageArrival {index, 0, nowNs, std::move(frame), -1, 0,
                                         MessageStatus::Malformed, reason});
    }
}

void RunController::checkBatchMemory()
{
    // Batch mode holds the whole run: past its cap the feed is no longer read and what is held
    // is sent at once (onFeedEnded() does not wait for a Flush then).
    const quint64 held = m_payloads.bytes()
        + (m_events.isRecording() ? m_buffer->size() * BatchBytesPerRecordedMessage : 0);
    if (held <= m_config.batchMemoryBytes)
        return;
    Q_EMIT notice(tr("batch mode reached its memory cap of %1 MiB after %2 messages: the feed is "
                     "no longer read and what is held is sent; stream mode needs memory only "
                     "for the window")
                      .arg(m_config.batchMemoryBytes >> 20)
                      .arg(m_counters.accepted));
    endFeed(RunEnd::BatchMemoryCap);
}

void RunController::forwardReleased(qint64 nowNs)
{
    if (m_sink && !m_released.empty())
        m_timing.markSendStarted();
    for (const ReleasedMessage &r : m_released) {
        const PayloadStore::Payload payload = m_payloads.take(r.slot);
        const ReleaseMeter::Measure m = m_meter.add(r, nowNs);
        qint64 sentNs = MessageRelease::NotForwarded;
        if (m_sink)
            sentNs = m_sink->send(payload.frame) ? nowNs : MessageRelease::Queued;
        if (m_events.isRecording())
            m_events.release(MessageRelease {payload.arrivalIndex, m.output, m.distance, nowNs,
                                             m.holdNs, sentNs});
        if (m_delivery && m_sink)
            m_delivery->forwarded(payload.arrivalIndex, m.output);
        else if (m_delivery)
            m_delivery->released(payload.arrivalIndex);
    }
    m_released.clear();
    acknowledgeDelivery();
    updateFlowControl(); // past the high mark the feed is held back, at every crossing
}

void RunController::armHoldTimer()
{
    const std::optional<qint64> deadline = m_buffer->nextDeadlineNs();
    if (!deadline)
        return;
    const qint64 waitNs = std::max<qint64>(0, *deadline - m_timing.nowNs());
    m_holdTimer.start(int((waitNs + 999999) / 1000000));
}

void RunController::onHoldTimer()
{
    if (!m_buffer || !isLive())
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

void RunController::releaseAll()
{
    const qint64 now = m_timing.nowNs();
    m_released.clear();
    m_buffer->flush(m_released);
    const qint64 after = m_timing.nowNs();
    m_timing.addOrderNs(after - now);
    if (!m_released.empty())
        forwardReleased(after);
}

// --- flow control ----------------------------------------------------------------------------

void RunController::updateFlowControl()
{
    if (!m_sink || !m_source)
        return;
    switch (m_flow.check(m_sink->unconfirmed(), m_feed == Feed::Paused)) {
    case FlowControl::Action::Pause:
        if (m_feed == Feed::Open) {
            m_feed = Feed::Paused;
            m_source->setPaused(true);
        }
        break;
    case FlowControl::Action::Resume:
        m_feed = Feed::Open;
        m_source->setPaused(false);
        break;
    case FlowControl::Action::None:
        break;
    }
}

void RunController::onBacklogWritten(quint64 first, quint64 count)
{
    updateFlowControl();
    if (m_events.isRecording())
        m_events.sent(SentUpdate {first, count, m_timing.nowNs()});
}

// --- the run's states ------------------------------------------------------------------------

void RunController::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RunController::flush()
{
    if (!m_buffer)
        return;
    if (m_state == RunState::Holding) {
        beginDrain();
    } else if (isLive()) {
        releaseAll();
        if (m_sink && m_config.mode == ReorderMode::Batch)
            m_sink->open(); // the first flush is when batch mode needs the sink
    }
}

void RunController::stop()
{
    switch (m_state) {
    case RunState::Connecting:
    case RunState::Running:
        m_report.stopped = true;
        endFeed(RunEnd::Stopped);
        if (!m_source)
            onFeedEnded();
        break;
    case RunState::Holding:
        m_report.stopped = true;
        if (m_report.endReason == RunEnd::None)
            m_report.endReason = RunEnd::Stopped;
        beginDrain();
        break;
    case RunState::Draining:
        // Second stop: stop waiting for the sink; what it did not confirm shows in the report.
        m_report.stopped = true;
        if (m_sink)
            m_sink->abort();
        complete();
        break;
    default:
        break;
    }
}

void RunController::endFeed(RunEnd reason)
{
    endBecause(reason);
    if (!feedOpen())
        return;
    m_timing.markFeedEnded();
    closeFeed();
}

void RunController::closeFeed()
{
    if (!feedOpen())
        return;
    if (!m_source) {
        m_feed = Feed::Closed;
        return;
    }
    m_feed = Feed::Closing;
    m_source->close(); // ended() follows; close() also resumes a paused feed
}

void RunController::onIdleCheck()
{
    if (m_state != RunState::Running || m_config.idleTimeoutMs <= 0)
        return;
    const qint64 now = m_timing.nowNs();
    if (m_connections.isDown(ConnectionEvent::Endpoint::Feed)) {
        // Reconnecting: the reconnect policy bounds that wait, not the idle timeout.
        m_lastProgressNs = now;
        return;
    }
    if (now - m_lastProgressNs < qint64(m_config.idleTimeoutMs) * 1000000)
        return;
    m_idleTimer.stop();
    Q_EMIT notice(tr("nothing moved for %1 s (no frame from the feed, no confirmation from the "
                     "sink): ending the run")
                      .arg(double(now - m_lastProgressNs) / 1e9, 0, 'f', 1));
    endFeed(RunEnd::IdleTimeout);
}

void RunController::onFeedEnded()
{
    endBecause(RunEnd::FeedClosed);
    m_feed = Feed::Closed;
    m_timing.markFeedEnded();
    if (!isLive())
        return;
    // Past the batch memory cap what is held is sent at once, as the notice said.
    if (m_config.mode == ReorderMode::Batch && !m_config.flushAtEnd && !m_report.stopped
        && m_report.endReason != RunEnd::BatchMemoryCap && !m_buffer->isEmpty()) {
        setState(RunState::Holding); // the operator flushes
        return;
    }
    beginDrain();
}

void RunController::onFeedFailed(const QString &reason)
{
    endBecause(RunEnd::FeedFailed);
    m_feed = Feed::Closed;
    m_timing.markFeedEnded();
    if (m_state == RunState::Finished || m_state == RunState::Failed)
        return;
    if (m_counters.received == 0 && m_state == RunState::Connecting) {
        fail(reason);
        return;
    }
    // The feed is gone for good: keep what arrived, send it, and report the failure.
    m_report.error = reason;
    Q_EMIT errorOccurred(reason);
    if (isLive())
        beginDrain();
}

void RunController::beginDrain()
{
    setState(RunState::Draining);
    m_holdTimer.stop();
    releaseAll();
    if (m_sink) {
        m_timing.markSendStarted();
        m_sink->finish(m_config.drainTimeoutMs);
    } else {
        complete();
    }
}

void RunController::onSinkFinished()
{
    m_timing.markSendFinished();
    if (m_state == RunState::Draining)
        complete();
}

void RunController::onSinkFailed(const QString &reason)
{
    m_timing.markSendFinished();
    if (m_state == RunState::Finished || m_state == RunState::Failed)
        return;
    endBecause(RunEnd::SinkFailed);
    m_report.error = reason;
    Q_EMIT errorOccurred(reason);
    closeFeed();
    complete();
}

void RunController::failSoon(const QString &reason)
{
    // Reported from the event loop, like every other outcome: finished() never fires inside
    // start(), so callers may connect after starting.
    QTimer::singleShot(0, this, [this, reason] { fail(reason); });
}

void RunController::fail(const QString &reason)
{
    m_report.error = reason;
    Q_EMIT errorOccurred(reason);
    if (m_sink)
        m_sink->abort();
    closeFeed();
    complete();
}

void RunController::complete()
{
    if (m_state == RunState::Finished || m_state == RunState::Failed)
        return;
    m_feed = Feed::Closed;
    m_timing.markFeedEnded();
    m_timing.markSendFinished();
    m_timing.markFinished();
    m_holdTimer.stop();
    m_statsTimer.stop();
    m_idleTimer.stop();

    m_report.conclude(counters(), m_meter.validation(),
                      m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink),
                      m_meter.holdTimes(), m_connections,
                      m_buffer ? m_buffer->lostRanges(100) : QList<QPair<qint64, qint64>>());

    m_events.stop();
    emitStats();
    setState(m_report.error.isEmpty() ? RunState::Finished : RunState::Failed);

    acknowledgeDelivery(); // the last word to the feed, before it goes
    // The source and sink are done; let them go once their signals have unwound.
    for (QObject *end : {static_cast<QObject *>(m_source), static_cast<QObject *>(m_sink)}) {
        if (end) {
            end->disconnect(this);
            end->deleteLater();
        }
    }
    m_payloads.clear();
    Q_EMIT finished(m_report);
}

// --- acknowledged delivery -------------------------------------------------------------------

void RunController::trackDelivery()
{
    // From the first connection that asks; what arrived before it is not acknowledged.
    if (!m_delivery && m_source && m_source->wantsAcknowledgements())
        m_delivery.emplace(m_counters.received);
}

void RunController::acknowledgeDelivery()
{
    if (!m_delivery || !m_source)
        return;
    if (const std::optional<quint64> frames = m_delivery->takeAcknowledged())
        m_source->acknowledge(*frames);
}

// --- what leaves -----------------------------------------------------------------------------

RunCounters RunController::counters() const
{
    RunCounters c = m_counters;
    if (m_buffer) {
        const ReorderStats &s = m_buffer->stats();
        c.late = s.late;
        c.duplicates = s.duplicates;
        c.held = m_buffer->size();
        c.missingIds = s.missingIds;
        c.lostIds = m_buffer->lostIds();
        c.gapRanges = s.gapRanges;
        c.recommendedWindow = m_buffer->recommendedWindow();
    }
    if (m_sink) {
        c.forwarded = m_sink->written();
        c.confirmed = m_sink->confirmed();
        c.resent = m_sink->resent();
        c.unprotected = m_sink->unprotected();
    }
    c.sent = m_meter.sent();
    c.maxLateDistance = m_meter.maxLateDistance();
    c.maxEarlyDistance = m_meter.maxEarlyDistance();
    c.maxDistance = m_meter.maxDistance();
    c.feedPauses = m_flow.pauses();
    c.sinkBacklogPeak = m_flow.peakFrames();
    m_connections.addTo(c, m_timing.nowNs());
    return c;
}

RunStats RunController::stats() const
{
    RunStats s;
    s.state = m_state;
    s.counters = counters();
    s.timing = m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink);
    s.targetCount = m_config.count;
    s.feedReconnecting = m_connections.isDown(ConnectionEvent::Endpoint::Feed);
    s.sinkReconnecting = m_connections.isDown(ConnectionEvent::Endpoint::Sink);
    s.feedConnected = m_state == RunState::Running
        && (m_feed == Feed::Open || m_feed == Feed::Paused) && !s.feedReconnecting;
    s.sinkConnected = m_sink && m_sink->isConnected();
    s.forwarding = m_config.forwards();
    s.insecure = m_config.certificateChecksOff();
    s.batchMemoryCapReached = m_report.endReason == RunEnd::BatchMemoryCap;
    s.idleNs = m_state == RunState::Running ? m_timing.nowNs() - m_lastProgressNs : 0;
    return s;
}

void RunController::emitStats()
{
    RunStats s = stats();
    const qint64 now = m_timing.nowNs();
    const double seconds = double(now - m_lastStatsNs) / 1e9;
    if (seconds > 0) {
        s.receiveRate = double(s.counters.received - m_lastStatsReceived) / seconds;
        s.sendRate = double(s.counters.sent - m_lastStatsSent) / seconds;
    }
    m_lastStatsReceived = s.counters.received;
    m_lastStatsSent = s.counters.sent;
    m_lastStatsNs = now;
    Q_EMIT statsUpdated(s);
}
