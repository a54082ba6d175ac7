#pragma once

#include "connectionevent.h"

#include <QList>
#include <QStringList>

#include <array>

struct RunCounters;

/*!
    What happened to a run's connections: each drop, failed attempt and reconnection of the feed
    and the sink, timed against the run's clock, with the time each endpoint was down, and the
    certificate errors ignored under --insecure. Keeps the first MaxEvents events for the report
    and counts the rest. Plain value type.
*/
class ConnectionLog final
{
public:
    using Endpoint = ConnectionEvent::Endpoint;
    static constexpr int MaxEvents = 1000;

    // The endpoint lost its connection (or an attempt to restore it failed): the first report
    // after being up is the drop, the next ones are failed attempts, until it reconnects.
    ConnectionEvent dropped(Endpoint endpoint, const QString &reason, int attempt, qint64 nowNs);
    ConnectionEvent reconnected(Endpoint endpoint, qint64 nowNs);
    bool isDown(Endpoint endpoint) const { return side(endpoint).downSinceNs >= 0; }

    // The errors of `errors` not seen before (each is reported once).
    QStringList newCertificateErrors(const QStringList &errors);
    const QStringList &ignoredCertificateErrors() const { return m_ignoredCertificateErrors; }

    // Drops, reconnections, failed attempts and down time (up to `nowNs` for an endpoint still
    // down) into the run's counters.
    void addTo(RunCounters &counters, qint64 nowNs) const;
    const QList<ConnectionEvent> &events() const { return m_events; }
    quint64 eventsNotListed() const { return m_eventsNotListed; }

private:
    struct Side
    {
        qint64 downSinceNs = -1; // reconnecting since then
        qint64 downNs = 0; // over the run, until the last reconnection
        quint64 drops = 0;
        quint64 reconnects = 0;
        quint64 failedAttempts = 0;
    };

    Side &side(Endpoint e) { return m_sides[std::size_t(e)]; }
    const Side &side(Endpoint e) const { return m_sides[std::size_t(e)]; }
    void keep(const ConnectionEvent &event);

    std::array<Side, 2> m_sides {};
    QList<ConnectionEvent> m_events;
    quint64 m_eventsNotListed = 0;
    QStringList m_ignoredCertificateErrors;
};
