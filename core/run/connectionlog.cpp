#include "connectionlog.h"

#include "runreport.h"

ConnectionEvent ConnectionLog::dropped(Endpoint endpoint, const QString &reason, int attempt,
                                       qint64 nowNs)
{
    Side &s = side(endpoint);
    ConnectionEvent e;
    e.endpoint = endpoint;
    e.atNs = nowNs;
    e.attempt = attempt;
    e.reason = reason;
    if (s.downSinceNs < 0) {
        e.kind = ConnectionEvent::Kind::Dropped;
        s.downSinceNs = nowNs;
        ++s.drops;
    } else {
        e.kind = ConnectionEvent::Kind::AttemptFailed;
        ++s.failedAttempts;
    }
    keep(e);
    return e;
}

ConnectionEvent ConnectionLog::reconnected(Endpoint endpoint, qint64 nowNs)
{
    Side &s = side(endpoint);
    ConnectionEvent e;
    e.endpoint = endpoint;
    e.kind = ConnectionEvent::Kind::Reconnected;
    e.atNs = nowNs;
    e.downNs = s.downSinceNs >= 0 ? nowNs - s.downSinceNs : 0;
    s.downNs += e.downNs;
    s.downSinceNs = -1;
    ++s.reconnects;
    keep(e);
    return e;
}

void ConnectionLog::keep(const ConnectionEvent &event)
{
    if (m_events.size() < MaxEvents)
        m_events.append(event);
    else
        ++m_eventsNotListed;
}

QStringList ConnectionLog::newCertificateErrors(const QStringList &errors)
{
    QStringList fresh;
    for (const QString &e : errors) {
        if (!m_ignoredCertificateErrors.contains(e)) {
            m_ignoredCertificateErrors << e;
            fresh << e;
        }
    }
    return fresh;
}

void ConnectionLog::addTo(RunCounters &c, qint64 nowNs) const
{
    const auto downNs = [nowNs](const Side &s) {
        return s.downNs + (s.downSinceNs >= 0 ? nowNs - s.downSinceNs : 0);
    };
    const Side &feed = side(Endpoint::Feed);
    const Side &sink = side(Endpoint::Sink);
    c.feedDrops = feed.drops;
    c.feedReconnects = feed.reconnects;
    c.feedReconnectAttempts = feed.failedAttempts;
    c.feedDownNs = downNs(feed);
    c.sinkDrops = sink.drops;
    c.sinkReconnects = sink.reconnects;
    c.sinkReconnectAttempts = sink.failedAttempts;
    c.sinkDownNs = downNs(sink);
}
