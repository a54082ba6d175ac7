#include "runcontroller.h"

#include "runendpoints.h"
#include "transport/messagesource.h"
#include "transport/orderedsink.h"

#include <QTimer>

#include <algorithm>

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_watch(m_timing, this) // children, so that moveToThread() takes them along
    , m_capture(this)
    , m_path(m_timing, m_watch, this)
{
    qRegisterMetaType<RunConfig>();
    qRegisterMetaType<RunEventBatch>();
    qRegisterMetaType<RunStats>();
    qRegisterMetaType<RunReport>();
    qRegisterMetaType<RunState>();
    qRegisterMetaType<ConnectionEvent>();

    connect(&m_watch, &RunWatch::statsUpdated, this, &RunController::statsUpdated);
    connect(&m_watch, &RunWatch::notice, this, &RunController::notice);
    connect(&m_watch, &RunWatch::connectionEvent, this, &RunController::connectionEvent);
    connect(&m_watch, &RunWatch::idle, this, [this] { endFeed(RunEnd::IdleTimeout); });
    connect(&m_path, &FramePath::eventsReady, this, &RunController::eventsReady);
    connect(&m_path, &FramePath::notice, this, &RunController::notice);
    connect(&m_path, &FramePath::endRequested, this, &RunController::endFeed);
    connect(&m_capture, &CaptureRecorder::notice, this, &RunController::notice);
    // The feed's connection story goes into the capture with its frames.
    connect(&m_watch, &RunWatch::connectionEvent, this, [this](const ConnectionEvent &e) {
        if (e.endpoint != ConnectionEvent::Endpoint::Feed)
            return;
        if (e.kind == ConnectionEvent::Kind::Dropped)
            m_capture.recordEvent(CaptureEntry::Kind::Dropped, e.atNs, 0, e.reason);
        else if (e.kind == ConnectionEvent::Kind::Reconnected)
            m_capture.recordEvent(CaptureEntry::Kind::Reconnected, e.atNs);
    });
}

RunController::~RunController() = default;

void RunController::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_watch.setRunning(state == RunState::Running);
    Q_EMIT stateChanged(state);
}

// --- starting --------------------------------------------------------------------------------

void RunController::start(const RunConfig &config)
{
    if (m_state != RunState::Idle && !isOver())
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
    m_report.feedDescription = m_config.feedDescription();
    m_watch.start(m_config.idleTimeoutMs, [this] { return stats(); });
    setState(RunState::Connecting);

    QString problem;
    m_sink = RunEndpoints::createSink(m_config, this, &problem);
    MessageSource *source =
        problem.isEmpty() ? RunEndpoints::createSource(m_config, this, &problem) : nullptr;
    m_source = source;
    if (source && !m_config.capturePath.isEmpty())
        problem = m_capture.start(m_config.capturePath, captureHeader(), m_config.captureMaxBytes);
    m_path.begin(m_config, source, m_sink, m_capture.isRecording() ? &m_capture : nullptr);
    if (!problem.isEmpty()) {
        failSoon(problem);
        return;
    }
    m_report.feedDescription = source->description();
    connect(source, &MessageSource::connected, this, &RunController::onFeedConnected);
    connect(source, &MessageSource::textReceived, &m_path, &FramePath::onText);
    connect(source, &MessageSource::binaryReceived, &m_path, &FramePath::onBinary);
    connect(source, &MessageSource::ended, this, &RunController::onFeedEnded);
    connect(source, &MessageSource::failed, this, &RunController::onFeedFailed);
    connect(source, &MessageSource::notice, this,
            [this](const QString &note) { m_report.feedNotes << note; });
    m_watch.watchFeed(source, m_config.feedKind == FeedKind::Redis && !m_config.redis.isStream());
    if (m_sink) {
        connect(m_sink, &OrderedSink::connected, this, [this] { m_timing.markSinkConnected(); });
        connect(m_sink, &OrderedSink::finished, this, &RunController::onSinkFinished);
        connect(m_sink, &OrderedSink::gaveUp, this, [this](const QString &reason) {
            Q_EMIT notice(reason);
            onSinkFinished();
        });
        connect(m_sink, &OrderedSink::failed, this, &RunController::onSinkFailed);
        m_watch.watchSink(m_sink);
        // In stream mode the sink is opened with the feed; in batch mode at the first flush.
        if (m_config.mode == ReorderMode::Stream)
            m_sink->open();
    }
    source->open();
}

void RunController::onFeedConnected()
{
    m_timing.markFeedConnected();
    m_capture.recordEvent(CaptureEntry::Kind::Opened, m_timing.nowNs());
    if (m_state == RunState::Connecting)
        setState(RunState::Running);
}

// --- the operator ----------------------------------------------------------------------------

void RunController::flush()
{
    if (m_state == RunState::Holding) {
        beginDrain();
    } else if (isLive()) {
        m_path.releaseAll();
        if (m_sink && m_config.mode == ReorderMode::Batch)
            m_sink->open(); // the first flush is when batch mode needs the sink
    }
}

void RunController::stop()
{
    if (m_state == RunState::Idle || isOver())
        return;
    m_report.stopped = true;
    endBecause(RunEnd::Stopped);
    if (isLive()) {
        endFeed(RunEnd::Stopped);
        if (!m_source)
            onFeedEnded();
    } else if (m_state == RunState::Holding) {
        beginDrain();
    } else { // Draining
        // Second stop: stop waiting for the sink; what it did not confirm shows in the report.
        if (m_sink)
            m_sink->abort();
        complete();
    }
}

// --- the feed's end --------------------------------------------------------------------------

void RunController::endFeed(RunEnd reason)
{
    endBecause(reason);
    if (m_feed != Feed::Open)
        return;
    m_timing.markFeedEnded();
    closeFeed();
}

void RunController::closeFeed()
{
    if (m_feed != Feed::Open)
        return;
    m_path.stopTaking();
    m_feed = m_source ? Feed::Closing : Feed::Closed;
    if (m_source)
        m_source->close(); // ended() follows; close() also resumes a paused feed
}

void RunController::onFeedEnded()
{
    if (m_feed != Feed::Closing) // the feed finished by itself
        m_capture.recordEvent(CaptureEntry::Kind::Closed, m_timing.nowNs(), 1000);
    endBecause(RunEnd::FeedClosed);
    m_feed = Feed::Closed;
    m_path.stopTaking();
    m_timing.markFeedEnded();
    if (!isLive())
        return;
    // Past the batch memory cap what is held is sent at once, as the notice said.
    if (m_config.mode == ReorderMode::Batch && !m_config.flushAtEnd && !m_report.stopped
        && m_report.endReason != RunEnd::BatchMemoryCap && m_path.isHolding()) {
        setState(RunState::Holding); // the operator flushes
        return;
    }
    beginDrain();
}

void RunController::onFeedFailed(const QString &reason)
{
    m_capture.recordEvent(CaptureEntry::Kind::Closed, m_timing.nowNs(), 0, reason);
    endBecause(RunEnd::FeedFailed);
    m_feed = Feed::Closed;
    m_path.stopTaking();
    m_timing.markFeedEnded();
    if (isOver())
        return;
    if (m_path.received() == 0 && m_state == RunState::Connecting) {
        fail(reason);
        return;
    }
    // The feed is gone for good: keep what arrived, send it, and report the failure.
    m_report.error = reason;
    Q_EMIT errorOccurred(reason);
    if (isLive())
        beginDrain();
}

// --- the sink's end --------------------------------------------------------------------------

void RunController::beginDrain()
{
    setState(RunState::Draining);
    m_path.releaseAll();
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
    if (isOver())
        return;
    endBecause(RunEnd::SinkFailed);
    m_report.error = reason;
    Q_EMIT errorOccurred(reason);
    closeFeed();
    complete();
}

// --- the run's end ---------------------------------------------------------------------------

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
    if (isOver())
        return;
    m_feed = Feed::Closed;
    m_timing.markFeedEnded();
    m_timing.markSendFinished();
    m_timing.markFinished();

    m_report.droppedRanges = m_path.droppedRanges();
    m_report.digest = m_path.digest();
    if (m_config.keepArrivals)
        m_report.arrivals = std::make_shared<const ArrivalLog>(m_path.takeArrivals());
    m_report.conclude(counters(), m_path.validation(),
                      m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink),
                      m_path.holdTimes(), m_watch.log(), m_path.lostRanges());
    m_path.finish();
    if (const QString error = m_capture.stop(); !error.isEmpty())
        Q_EMIT notice(error);
    m_watch.emitStats();
    m_watch.stop();
    setState(m_report.error.isEmpty() ? RunState::Finished : RunState::Failed);

    // The source and sink are done; let them go once their signals have unwound.
    for (QObject *end : {static_cast<QObject *>(m_source), static_cast<QObject *>(m_sink)}) {
        if (end) {
            end->disconnect(this);
            end->disconnect(&m_path);
            end->deleteLater();
        }
    }
    Q_EMIT finished(m_report);
}

CaptureHeader RunController::captureHeader() const
{
    CaptureHeader h;
    h.source = m_config.feedDescription();
    h.startedAt = m_report.startedAt;
    const QJsonObject report = m_report.toJson();
    for (const char *key : {"window", "window_auto", "max_window", "mode", "max_hold_ms",
                            "max_frame_bytes", "start_id", "count", "send_url"})
        h.settings.insert(QLatin1String(key), report.value(QLatin1String(key)));
    return h;
}

// --- figures ---------------------------------------------------------------------------------

RunCounters RunController::counters() const
{
    RunCounters c;
    m_path.addTo(c);
    if (m_sink) {
        c.forwarded = m_sink->written();
        c.confirmed = m_sink->confirmed();
        c.resent = m_sink->resent();
        c.unprotected = m_sink->unprotected();
    }
    m_watch.log().addTo(c, m_timing.nowNs());
    return c;
}

RunStats RunController::stats() const
{
    RunStats s;
    s.state = m_state;
    s.counters = counters();
    s.timing = m_timing.phases(m_config.mode == ReorderMode::Stream && m_sink);
    s.targetCount = m_config.count;
    s.feedReconnecting = m_watch.isDown(ConnectionEvent::Endpoint::Feed);
    s.sinkReconnecting = m_watch.isDown(ConnectionEvent::Endpoint::Sink);
    s.feedConnected = m_state == RunState::Running && m_feed == Feed::Open && !s.feedReconnecting;
    s.sinkConnected = m_sink && m_sink->isConnected();
    s.forwarding = m_config.forwards();
    s.insecure = m_config.certificateChecksOff();
    s.batchMemoryCapReached = m_report.endReason == RunEnd::BatchMemoryCap;
    s.idleNs = m_state == RunState::Running ? m_watch.idleNs() : 0;
    return s;
}
