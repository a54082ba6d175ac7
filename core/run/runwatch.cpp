#include "runwatch.h"

#include "runtiming.h"
#include "transport/messagesource.h"
#include "transport/orderedsink.h"

#include <algorithm>

RunWatch::RunWatch(const RunTiming &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_idleTimer(this) // children, so that moveToThread() takes them along
    , m_statsTimer(this)
{
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &RunWatch::emitStats);
    connect(&m_idleTimer, &QTimer::timeout, this, &RunWatch::onIdleCheck);
}

void RunWatch::start(int idleTimeoutMs, std::function<RunStats()> snapshot)
{
    m_log = ConnectionLog();
    m_snapshot = std::move(snapshot);
    m_idleTimeoutMs = idleTimeoutMs;
    m_lastProgressNs = m_clock.nowNs();
    m_lastStatsReceived = m_lastStatsSent = 0;
    m_lastStatsNs = 0;
    m_statsTimer.start();
}

void RunWatch::setRunning(bool running)
{
    if (!running) {
        m_idleTimer.stop();
    } else if (m_idleTimeoutMs > 0 && !m_idleTimer.isActive()) {
        progress();
        m_idleTimer.start(std::clamp(m_idleTimeoutMs / 4, 20, 1000));
    }
}

void RunWatch::stop()
{
    m_statsTimer.stop();
    m_idleTimer.stop();
}

void RunWatch::progress()
{
    m_lastProgressNs = m_clock.nowNs();
}

qint64 RunWatch::idleNs() const
{
    return m_clock.nowNs() - m_lastProgressNs;
}

void RunWatch::watchFeed(MessageSource *source, bool resubscribeLosesMessages)
{
    watch(source, ConnectionEvent::Endpoint::Feed);
    connect(source, &MessageSource::notice, this, &RunWatch::notice);
    if (resubscribeLosesMessages) {
        connect(source, &MessageSource::reconnected, this, [this] {
            Q_EMIT notice(tr("the feed resubscribed; what was published meanwhile is lost and "
                             "shows as missing ids"));
        });
    }
}

void RunWatch::watchSink(OrderedSink *sink)
{
    watch(sink, ConnectionEvent::Endpoint::Sink);
    connect(sink, &OrderedSink::confirmedChanged, this, [this] { progress(); });
}

// The feed and the sink report drops, reconnections and ignored certificate errors alike.
template<class End> void RunWatch::watch(End *end, ConnectionEvent::Endpoint endpoint)
{
    connect(end, &End::dropped, this, [this, endpoint](const QString &reason, int attempt) {
        logEvent(m_log.dropped(endpoint, reason, attempt, m_clock.nowNs()));
    });
    connect(end, &End::reconnected, this, [this, endpoint] {
        progress();
        logEvent(m_log.reconnected(endpoint, m_lastProgressNs));
    });
    connect(end, &End::certificateErrorsIgnored, this, [this](const QStringList &errors) {
        if (const QStringList fresh = m_log.newCertificateErrors(errors); !fresh.isEmpty())
            Q_EMIT notice(tr("INSECURE: certificate errors ignored as asked (--insecure): %1")
                              .arg(fresh.join(QStringLiteral("; "))));
    });
}

void RunWatch::logEvent(const ConnectionEvent &event)
{
    Q_EMIT connectionEvent(event);
    Q_EMIT notice(event.text());
}

void RunWatch::onIdleCheck()
{
    if (m_log.isDown(ConnectionEvent::Endpoint::Feed)) {
        // Reconnecting: the reconnect policy bounds that wait, not the idle timeout.
        progress();
        return;
    }
    const qint64 idleFor = idleNs();
    if (idleFor < qint64(m_idleTimeoutMs) * 1000000)
        return;
    m_idleTimer.stop();
    Q_EMIT notice(tr("nothing moved for %1 s (no frame from the feed, no confirmation from the "
                     "sink): ending the run")
                      .arg(double(idleFor) / 1e9, 0, 'f', 1));
    Q_EMIT idle();
}

void RunWatch::emitStats()
{
    if (!m_snapshot)
        return;
    RunStats s = m_snapshot();
    const qint64 now = m_clock.nowNs();
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
