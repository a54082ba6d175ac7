#include "runcontroller.h"

#include "redis/redissource.h"
#include "transport/messagesource.h"
#include "transport/orderedsink.h"
#include "transport/websocketsource.h"

#include <algorithm>
#include <cmath>

namespace {

// Malformed frames are kept in the record; past this length only the start is kept.
constexpr qsizetype RecordedFrameLimit = 4096;

// Batch mode's memory estimate per held message, beyond its text (UTF-16): the payload slot,
// the heap entry, the id set's node, the sink's queue entry; and the CSV row when recording.
constexpr quint64 BatchBytesPerMessage = 160;
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
    , m_eventTimer(this) // children, so that moveToThread() takes them along
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

    m_eventTimer.setInterval(EventIntervalMs);
    m_statsTimer.setInterval(StatsIntervalMs);
    m_holdTimer.setSingleShot(true);
    m_holdTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_eventTimer, &QTimer::timeout, this, &RunController::emitEvents);
    connect(&m_statsTimer, &QTimer::timeout, this, &RunController::emitStats);
    connect(&m_holdTimer, &QTimer::timeout, this, &RunController::onHoldTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, &RunController::onIdleCheck);
}

RunController::~RunController() = default;

void RunController::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RunController::start(const RunConfig &config)
{
    if (m_state != RunState::Idle && m_state != RunState::Finished && m_state != RunState::Failed)
        return;

    m_config = config;
    m_config.window = std::max<qint64>(m_config.window, 1);
    m_config.sinkHighWater = std::max<quint64>(m_config.sinkHighWater, 16);
    m_timing.start();
    m_startedAt = QDateTime::currentDateTime();
    m_buffer = std::make_unique<ReorderBuffer>(m_config.reorderConfig());
    m_validator.reset();
    m_hold.reset();
    m_counters = RunCounters();
    m_error.clear();
    m_feedOpen = true;
    m_feedClosing = false;
    m_stopped = false;
    m_feedPaused = false;
    m_payloads.clear();
    m_freeSlots.clear();
    m_batch = RunEventBatch();
    m_lastStatsReceived = m_lastStatsSent = 0;
    m_lastStatsNs = 0;
    m_lastProgressNs = 0;
    m_feedDownSinceNs = m_sinkDownSinceNs = -1;
    m_batchHeldBytes = 0;
    m_batchCapReached = false;
    m_endReason = RunEnd::None;
    m_connectionEvents.clear();
    m_connectionEventsDropped = 0;
    m_ignoredCertificateErrors.clear();
    setState(RunState::Connecting);

    if (m_config.sinkUrl.isValid() && !m_config.sinkUrl.isEmpty()) {
        const QString problem = UrlCheck::webSocketProblem(m_config.sinkUrl.toString());
        if (!problem.isEmpty()) {
            failSoon(tr("SEND_URL: %1").arg(problem));
            return;
        }
        auto *sink = new OrderedSink(m_config.sinkUrl, this);
        sink->setReconnectPolicy(m_config.sinkReconnect);
        sink->setInsecure(m_config.insecure);
        sink->setConnectTimeoutMs(m_config.connectTimeoutMs);
        connect(sink, &OrderedSink::connected, this, &RunController::onSinkConnected);
        connect(sink, &OrderedSink::reconnected, this, &RunController::onSinkReconnected);
        connect(sink, &OrderedSink::dropped, this, &RunController::onSinkDropped);
        connect(sink, &OrderedSink::certificateErrorsIgnored, this,
                &RunController::onCertificateErrorsIgnored);
        connect(sink, &OrderedSink::finished, this, &RunController::onSinkFinished);
        connect(sink, &OrderedSink::failed, this, &RunController::onSinkFailed);
        connect(sink, &OrderedSink::backlogWritten, this, &RunController::onBacklogWritten);
        connect(sink, &OrderedSink::confirmedChanged, this, &RunController::updateFlowControl);
        connect(sink, &OrderedSink::confirmedChanged, this,
                [this] { m_lastProgressNs = m_timing.nowNs(); });
        m_sink = sink;
    } else {
        m_config.sinkUrl = QUrl();
    }

    MessageSource *source = createSource();
    if (!source)
        return; // failSoon() was called
    m_source = source;
    m_feedDescription = source->description();
    connect(source, &MessageSource::connected, this, &RunController::onFeedConnected);
    connect(source, &MessageSource::textReceived, this, &RunController::onText);
    connect(source, &MessageSource::binaryReceived, this, &RunController::onBinary);
    connect(source, &MessageSource::ended, this, &RunController::onFeedEnded);
    connect(source, &MessageSource::failed, this, &RunController::onFeedFailed);
    connect(source, &MessageSource::dropped, this, &RunController::onFeedDropped);
    connect(source, &MessageSource::reconnected, this, &RunController::onFeedReconnected);

    if (m_config.recordEvents)
        m_eventTimer.start();
    m_statsTimer.start();
    if (m_config.idleTimeoutMs > 0)
        m_idleTimer.start(std::clamp(m_config.idleTimeoutMs / 4, 20, 1000));
    // In stream mode the sink is opened with the feed; in batch mode at the first flush.
    if (m_sink && m_config.mode == ReorderMode::Stream)
        m_sink->open();
    source->open();
}

MessageSource *RunController::createSource()
{
    if (m_config.feedKind == FeedKind::Redis) {
        const QString problem = m_config.redis.problem();
        QString error;
        const std::optional<RedisAddress> address = RedisAddress::fromUrl(
            m_config.redis.url, qEnvironmentVariable("REDIS_PASSWORD"), &error);
        if (!problem.isEmpty() || !address) {
            failSoon(tr("Redis: %1").arg(problem.isEmpty() ? error : problem));
            return nullptr;
        }
        auto *source = new RedisSource(*address, m_config.redis, this);
        source->setReconnectPolicy(m_config.feedReconnect);
        source->setConnectTimeoutMs(m_config.connectTimeoutMs);
        return source;
    }
    const QString problem = UrlCheck::webSocketProblem(m_config.feedUrl.toString());
    if (!problem.isEmpty()) {
        failSoon(tr("WS_URL: %1").arg(problem));
        return nullptr;
    }
    auto *source = new WebSocketSource(m_config.feedUrl, this);
    source->setReconnectPolicy(m_config.feedReconnect);
    source->setInsecure(m_config.insecure);
    source->setConnectTimeoutMs(m_config.connectTimeoutMs);
    connect(source, &WebSocketSource::certificateErrorsIgnored, this,
            &RunController::onCertificateErrorsIgnored);
    return source;
}

void RunController::onFeedConnected()
{
    m_timing.markFeedConnected();
    m_lastProgressNs = m_timing.nowNs();
    if (m_state == RunState::Connecting)
        setState(RunState::Running);
}

void RunController::onSinkConnected()
{
    m_timing.markSinkConnected();
}

quint32 RunController::storePayload(const QString &frame, quint64 arrivalIndex)
{
    if (!m_freeSlots.empty()) {
        const quint32 slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_payloads[slot] = Payload {frame, arrivalIndex};
        return slot;
    }
    m_payloads.push_back(Payload {frame, arrivalIndex});
    return quint32(m_payloads.size() - 1);
}

void RunController::onText(const QString &frame)
{
    if (!m_feedOpen)
        return; // after --count was reached or the run was stopped
    const quint64 index = m_counters.received++;
    const DecodedMessage message = MessageCodec::decode(frame, m_config.maxFrameBytes);
    const qint64 now = m_timing.nowNs();
    m_lastProgressNs = now;
    if (!message.isValid()) {
        // Only what is recorded is cut short (sharing the frame itself costs nothing).
        const bool cut = m_config.recordEvents && message.reason == MalformedReason::TooLarge;
        recordMalformed(index, now, cut ? truncatedForRecord(frame) : frame, message.reason);
        return;
    }

    ++m_counters.accepted;
    const quint32 slot = storePayload(frame, index);
    m_released.clear();
    const PushResult result = m_buffer->push(message.id, slot, now, m_released);
    const qint64 afterPush = m_timing.nowNs();
    m_timing.addOrderNs(afterPush - now);

    MessageStatus status = MessageStatus::Accepted;
    if (result != PushResult::Buffered) {
        m_payloads[slot].frame = QString();
        m_freeSlots.push_back(slot);
        status = result == PushResult::Late ? MessageStatus::Late : MessageStatus::Duplicate;
    }
    if (m_config.recordEvents) {
        m_batch.arrivals.append(MessageArrival {index, message.id, now, frame, message.textStart,
                                                message.textLength, status, MalformedReason::None});
    }
    if (!m_released.empty())
        forwardReleased(afterPush);
    if (m_config.recordEvents
        && m_batch.arrivals.size() + m_batch.releases.size() >= MaxBatchEvents)
        emitEvents();
    if (m_config.maxHoldMs > 0 && !m_holdTimer.isActive())
        armHoldTimer();
    if (m_config.mode == ReorderMode::Batch && result == PushResult::Buffered) {
        m_batchHeldBytes += BatchBytesPerMessage + quint64(frame.size()) * sizeof(QChar)
            + (m_config.recordEvents ? BatchBytesPerRecordedMessage : 0);
        if (m_batchHeldBytes > m_config.batchMemoryBytes && !m_batchCapReached) {
            m_batchCapReached = true;
            endFeedBecause(RunEnd::BatchMemoryCap,
                           tr("batch mode reached its memory cap of %1 MiB after %2 messages: "
                              "the feed is no longer read and what is held is sent; stream mode "
                              "needs memory only for the window")
                               .arg(m_config.batchMemoryBytes >> 20)
                               .arg(m_counters.accepted));
            return;
        }
    }
    if (m_config.count > 0 && m_counters.accepted >= m_config.count) {
        if (m_endReason == RunEnd::None)
            m_endReason = RunEnd::CountReached;
        endFeed();
    }
}

void RunController::onBinary(const QByteArray &frame)
{
    if (!m_feedOpen)
        return;
    const quint64 index = m_counters.received++;
    const qint64 now = m_timing.nowNs();
    m_lastProgressNs = now;
    const QString preview = m_config.recordEvents
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
    if (m_config.recordEvents) {
        m_batch.arrivals.append(MessageArrival {index, 0, nowNs, std::move(frame), -1, 0,
                                                MessageStatus::Malformed, reason});
    }
}

void RunController::forwardReleased(qint64 nowNs)
{
    if (m_sink && !m_released.empty())
        m_timing.markSendStarted();
    for (const ReleasedMessage &r : m_released) {
        Payload &payload = m_payloads[r.slot];
        const QString frame = std::move(payload.frame);
        const quint64 arrivalIndex = payload.arrivalIndex;
        payload.frame = QString();
        m_freeSlots.push_back(r.slot);

        const quint64 output = m_counters.sent++;
        const qint64 distance = qint64(r.sequence) - qint64(output);
        const qint64 hold = nowNs - r.arrivalNs;
        m_validator.add(r.id);
        m_hold.record(hold);
        if (distance > m_counters.maxLateDistance)
            m_counters.maxLateDistance = distance;
        if (-distance > m_counters.maxEarlyDistance)
            m_counters.maxEarlyDistance = -distance;

        qint64 sentNs = MessageRelease::NotForwarded;
        if (m_sink)
            sentNs = m_sink->send(frame) ? nowNs : MessageRelease::Queued;
        if (m_config.recordEvents)
            m_batch.releases.append(
                MessageRelease {arrivalIndex, output, distance, nowNs, hold, sentNs});
    }
    m_counters.maxDistance = std::max(m_counters.maxLateDistance, m_counters.maxEarlyDistance);
    m_released.clear();
    if (m_sink) {
        // Past the high mark the feed is held back, at every crossing (the peak is only kept).
        const quint64 waiting = m_sink->unconfirmed();
        m_counters.sinkBacklogPeak = std::max(m_counters.sinkBacklogPeak, waiting);
        if (!m_feedPaused && waiting > m_config.sinkHighWater)
            updateFlowControl();
    }
}

void RunController::updateFlowControl()
{
    if (!m_sink || !m_source)
        return;
    const quint64 waiting = m_sink->unconfirmed();
    m_counters.sinkBacklogPeak = std::max(m_counters.sinkBacklogPeak, waiting);
    if (!m_feedPaused && waiting > m_config.sinkHighWater && m_feedOpen) {
        m_feedPaused = true;
        ++m_counters.feedPauses;
        m_source->setPaused(true);
    } else if (m_feedPaused && (waiting < m_config.sinkHighWater / 4 || !m_feedOpen)) {
        m_feedPaused = false;
        m_source->setPaused(false);
    }
}

void RunController::onBacklogWritten(quint64 first, quint64 count)
{
    updateFlowControl();
    if (m_config.recordEvents)
        m_batch.sent.append(SentUpdate {first, count, m_timing.nowNs()});
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
    if (!m_buffer || (m_state != RunState::Running && m_state != RunState::Connecting))
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
    if (m_config.mode == ReorderMode::Batch)
        m_batchHeldBytes = 0; // everything held leaves now
    const qint64 now = m_timing.nowNs();
    m_released.clear();
    m_buffer->flush(m_released);
    const qint64 after = m_timing.nowNs();
    m_timing.addOrderNs(after - now);
    if (!m_released.empty())
        forwardReleased(after);
}

void RunController::flush()
{
    if (!m_buffer)
        return;
    switch (m_state) {
    case RunState::Holding:
        beginDrain();
        break;
    case RunState::Running:
    case RunState::Connecting:
        releaseAll();
        if (m_sink && m_config.mode == ReorderMode::Batch)
            m_sink->open(); // the first flush is when batch mode needs the sink
        break;
    default:
        break;
    }
}

void RunController::endFeed()
{
    if (!m_feedOpen)
        return;
    m_feedOpen = false;
    m_timing.markFeedEnded();
    if (m_source && !m_feedClosing) {
        m_feedClosing = true;
        m_feedPaused = false;
        m_source->close(); // ended() follows; close() also resumes reading
    }
}

void RunController::endFeedBecause(RunEnd reason, const QString &message)
{
    if (m_endReason == RunEnd::None)
        m_endReason = reason;
    Q_EMIT notice(message);
    endFeed();
}

void RunController::onIdleCheck()
{
    if (m_state != RunState::Running || m_config.idleTimeoutMs <= 0)
        return;
    const qint64 now = m_timing.nowNs();
    if (m_feedDownSinceNs >= 0) {
        // Reconnecting: the reconnect policy bounds that wait, not the idle timeout.
        m_lastProgressNs = now;
        return;
    }
    if (now - m_lastProgressNs < qint64(m_config.idleTimeoutMs) * 1000000)
        return;
    m_idleTimer.stop();
    endFeedBecause(RunEnd::IdleTimeout,
                   tr("nothing moved for %1 s (no frame from the feed, no confirmation from the "
                      "sink): ending the run")
                       .arg(double(now - m_lastProgressNs) / 1e9, 0, 'f', 1));
}

void RunController::addConnectionEvent(const ConnectionEvent &event)
{
    if (m_connectionEvents.size() < RunReport::MaxConnectionEvents)
        m_connectionEvents.append(event);
    else
        ++m_connectionEventsDropped;
    Q_EMIT connectionEvent(event);
    Q_EMIT notice(event.text());
}

ConnectionEvent RunController::dropEvent(ConnectionEvent::Endpoint endpoint, qint64 *downSinceNs,
                                         const QString &reason, int attempt) const
{
    ConnectionEvent e;
    e.endpoint = endpoint;
    e.atNs = m_timing.nowNs();
    e.attempt = attempt;
    e.reason = reason;
    // An endpoint reports the drop itself and then each failed attempt, until it reconnects.
    if (*downSinceNs < 0) {
        e.kind = ConnectionEvent::Kind::Dropped;
        *downSinceNs = e.atNs;
    } else {
        e.kind = ConnectionEvent::Kind::AttemptFailed;
    }
    return e;
}

ConnectionEvent RunController::reconnectEvent(ConnectionEvent::Endpoint endpoint,
                                              qint64 *downSinceNs, qint64 *downTotalNs)
{
    ConnectionEvent e;
    e.endpoint = endpoint;
    e.kind = ConnectionEvent::Kind::Reconnected;
    e.atNs = m_timing.nowNs();
    e.downNs = *downSinceNs >= 0 ? e.atNs - *downSinceNs : 0;
    *downTotalNs += e.downNs;
    *downSinceNs = -1;
    m_lastProgressNs = e.atNs;
    return e;
}

void RunController::onFeedDropped(const QString &reason, int attempt)
{
    const ConnectionEvent e =
        dropEvent(ConnectionEvent::Endpoint::Feed, &m_feedDownSinceNs, reason, attempt);
    if (e.kind == ConnectionEvent::Kind::Dropped)
        ++m_counters.feedDrops;
    else
        ++m_counters.feedReconnectAttempts;
    addConnectionEvent(e);
}

void RunController::onFeedReconnected()
{
    const ConnectionEvent e =
        reconnectEvent(ConnectionEvent::Endpoint::Feed, &m_feedDownSinceNs, &m_counters.feedDownNs);
    ++m_counters.feedReconnects;
    if (m_config.feedKind == FeedKind::Redis && !m_config.redis.isStream())
        Q_EMIT notice(tr("the feed resubscribed; what was published meanwhile is lost and shows "
                         "as missing ids"));
    addConnectionEvent(e);
}

void RunController::onSinkDropped(const QString &reason, int attempt)
{
    const ConnectionEvent e =
        dropEvent(ConnectionEvent::Endpoint::Sink, &m_sinkDownSinceNs, reason, attempt);
    // Its drops the sink counts itself (OrderedSink::drops()).
    if (e.kind == ConnectionEvent::Kind::AttemptFailed)
        ++m_counters.sinkReconnectAttempts;
    addConnectionEvent(e);
}

void RunController::onSinkReconnected()
{
    addConnectionEvent(reconnectEvent(ConnectionEvent::Endpoint::Sink, &m_sinkDownSinceNs,
                                      &m_counters.sinkDownNs));
}

void RunController::onCertificateErrorsIgnored(const QStringList &errors)
{
    QStringList fresh;
    for (const QString &e : errors) {
        if (!m_ignoredCertificateErrors.contains(e)) {
            m_ignoredCertificateErrors << e;
            fresh << e;
        }
    }
    if (!fresh.isEmpty()) {
        Q_EMIT notice(tr("INSECURE: certificate errors ignored as asked (--insecure): %1")
                          .arg(fresh.join(QStringLiteral("; "))));
    }
}

void RunController::stop()
{
    if (m_endReason == RunEnd::None
        && (m_state == RunState::Connecting || m_state == RunState::Running
            || m_state == RunState::Holding))
        m_endReason = RunEnd::Stopped;
    switch (m_state) {
    case RunState::Connecting:
    case RunState::Running:
        m_stopped = true;
        endFeed();
        if (!m_source)
            onFeedEnded();
        break;
    case RunState::Holding:
        m_stopped = true;
        beginDrain();
        break;
    case RunState::Draining:
        // Second stop: stop waiting for the sink; what it did not confirm shows in the report.
        m_stopped = true;
        if (m_sink)
            m_sink->abort();
        complete();
        break;
    default:
        break;
    }
}

void RunController::onFeedEnded()
{
    if (m_endReason == RunEnd::None)
        m_endReason = RunEnd::FeedClosed;
    m_feedOpen = false;
    m_timing.markFeedEnded();
    if (m_state != RunState::Connecting && m_state != RunState::Running)
        return;
    // Past the batch memory cap what is held is sent at once, as the notice said.
    if (m_config.mode == ReorderMode::Batch && !m_config.flushAtEnd && !m_stopped
        && m_endReason != RunEnd::BatchMemoryCap && !m_buffer->isEmpty()) {
        setState(RunState::Holding); // the operator flushes
        return;
    }
    beginDrain();
}

void RunController::onFeedFailed(const QString &reason)
{
    if (m_endReason == RunEnd::None)
        m_endReason = RunEnd::FeedFailed;
    m_feedOpen = false;
    m_timing.markFeedEnded();
    if (m_state == RunState::Finished || m_state == RunState::Failed)
        return;
    if (m_counters.received == 0 && m_state == RunState::Connecting) {
        fail(reason);
        return;
    }
    // The feed is gone for good: keep what arrived, send it, and report the failure.
    m_error = reason;
    Q_EMIT errorOccurred(reason);
    if (m_state == RunState::Running || m_state == RunState::Connecting)
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
    if (m_endReason == RunEnd::None)
        m_endReason = RunEnd::SinkFailed;
    m_error = reason;
    Q_EMIT errorOccurred(reason);
    m_feedOpen = false;
    if (m_source && !m_feedClosing && m_state != RunState::Draining) {
        m_feedClosing = true;
        m_source->close();
    }
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
    m_error = reason;
    Q_EMIT errorOccurred(reason);
    if (m_sink)
        m_sink->abort();
    if (m_source && !m_feedClosing) {
        m_feedClosing = true;
        m_source->close();
    }
    complete();
}

void RunController::complete()
{
    if (m_state == RunState::Finished || m_state == RunState::Failed)
        return;
    m_feedOpen = false;
    m_timing.markFeedEnded();
    m_timing.markSendFinished();
    m_timing.markFinished();
    m_holdTimer.stop();
    m_eventTimer.stop();
    m_statsTimer.stop();
    m_idleTimer.stop();

    RunReport report;
    report.config = m_config;
    report.feedDescription = !m_feedDescription.isEmpty() ? m_feedDescription
        : m_config.feedKind == FeedKind::Redis
        ? m_config.redis.description()
        : m_config.feedUrl.toDisplayString(QUrl::RemovePassword);
    report.startedAt = m_startedAt;
    report.counters = counters();
    report.validation = m_validator.result();
    report.timing = m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink);
    report.hold = HoldTimes::from(m_hold);
    report.throughput = report.timing.totalMs > 0
        ? double(report.counters.sent) / (report.timing.totalMs / 1000.0)
        : 0.0;
    if (m_buffer)
        report.lostRanges = m_buffer->lostRanges(100);
    report.error = m_error;
    report.stopped = m_stopped;
    report.endReason = m_endReason;
    report.connectionEvents = m_connectionEvents;
    report.connectionEventsDropped = m_connectionEventsDropped;
    report.ignoredCertificateErrors = m_ignoredCertificateErrors;
    report.evaluate();

    emitEvents();
    emitStats();
    setState(m_error.isEmpty() ? RunState::Finished : RunState::Failed);

    // The source and sink are done; let them go once their signals have unwound.
    if (m_source) {
        m_source->disconnect(this);
        m_source->deleteLater();
    }
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->deleteLater();
    }
    m_payloads.clear();
    m_freeSlots.clear();
    Q_EMIT finished(report);
}

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
        c.sinkDrops = m_sink->drops();
        c.sinkReconnects = m_sink->reconnects();
    }
    // Still down: count the time up to now.
    const qint64 now = m_timing.nowNs();
    if (m_feedDownSinceNs >= 0)
        c.feedDownNs += now - m_feedDownSinceNs;
    if (m_sinkDownSinceNs >= 0)
        c.sinkDownNs += now - m_sinkDownSinceNs;
    return c;
}

RunStats RunController::stats() const
{
    RunStats s;
    s.state = m_state;
    s.counters = counters();
    s.timing = m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink);
    s.targetCount = m_config.count;
    s.feedConnected = m_state == RunState::Running && m_feedOpen;
    s.sinkConnected = m_sink && m_sink->isConnected();
    s.forwarding = !m_config.sinkUrl.isEmpty();
    s.feedConnected = s.feedConnected && m_feedDownSinceNs < 0;
    s.feedReconnecting = m_feedDownSinceNs >= 0;
    s.sinkReconnecting = m_sinkDownSinceNs >= 0;
    s.insecure = m_config.certificateChecksOff();
    s.batchMemoryCapReached = m_batchCapReached;
    s.idleNs = m_state == RunState::Running ? m_timing.nowNs() - m_lastProgressNs : 0;
    return s;
}

void RunController::emitEvents()
{
    if (m_batch.isEmpty())
        return;
    Q_EMIT eventsReady(std::exchange(m_batch, RunEventBatch()));
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
