#include "runreport.h"

#include <cmath>

namespace {

QString formatMs(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 3 : 1);
}

} // namespace

QString RunReport::endReasonKey(RunEnd reason)
{
    switch (reason) {
    case RunEnd::None:
        return QString();
    case RunEnd::FeedClosed:
        return QStringLiteral("feed_closed");
    case RunEnd::CountReached:
        return QStringLiteral("count_reached");
    case RunEnd::Stopped:
        return QStringLiteral("stopped");
    case RunEnd::IdleTimeout:
        return QStringLiteral("idle_timeout");
    case RunEnd::BatchMemoryCap:
        return QStringLiteral("batch_memory_cap");
    case RunEnd::FeedFailed:
        return QStringLiteral("feed_failed");
    case RunEnd::SinkFailed:
        return QStringLiteral("sink_failed");
    case RunEnd::BacklogOverBudget:
        return QStringLiteral("backlog_over_budget");
    }
    return QString();
}

bool RunReport::ranInsecure() const
{
    return config.certificateChecksOff();
}

HoldTimes HoldTimes::from(const LatencyHistogram &histogram)
{
    HoldTimes h;
    h.minMs = Duration::ms(histogram.min());
    h.p50Ms = Duration::ms(histogram.percentile(50));
    h.p99Ms = Duration::ms(histogram.percentile(99));
    h.maxMs = Duration::ms(histogram.max());
    return h;
}

void RunReport::conclude(const RunCounters &finalCounters, const ValidationResult &finalValidation,
                         const PhaseTiming &phases, const LatencyHistogram &holdTimes,
                         const ConnectionLog &connections, const QList<QPair<qint64, qint64>> &lost)
{
    counters = finalCounters;
    validation = finalValidation;
    timing = phases;
    hold = HoldTimes::from(holdTimes);
    lostRanges = lost;
    connectionEvents = connections.events();
    connectionEventsDropped = connections.eventsNotListed();
    ignoredCertificateErrors = connections.ignoredCertificateErrors();
    evaluate();
}

void RunReport::evaluate()
{
    throughput = timing.totalMs > 0 ? double(counters.sent) / (timing.totalMs / 1000.0) : 0.0;
    verdict = RunVerdict::of(*this);
}

int RunReport::exitCode() const
{
    if (!error.isEmpty())
        return 2;
    switch (verdict.level) {
    case Verdict::Pass:
        return 0;
    case Verdict::Warn:
        return config.strict ? 1 : 0;
    case Verdict::Fail:
        break;
    }
    return 1;
}

QString RunReport::summary() const
{
    const RunCounters &c = counters;
    QStringList lines;
    const QString reasons = verdict.reasonTexts().join(QStringLiteral("; "));
    switch (verdict.level) {
    case Verdict::Pass:
        lines << tr("PASS: the output is ordered and complete");
        break;
    case Verdict::Warn:
        lines << tr("WARN: the output is ordered and nothing that arrived was dropped, but %1")
                     .arg(reasons);
        break;
    case Verdict::Fail:
        lines << tr("FAIL: %1").arg(reasons);
        break;
    }
    lines << tr("received %1, accepted %2, malformed %3, duplicates %4, late %5, sent %6")
                 .arg(c.received)
                 .arg(c.accepted)
                 .arg(c.malformed)
                 .arg(c.duplicates)
                 .arg(c.late)
                 .arg(c.sent);
    // What does not exist is a dash, as in the window: nothing sent has no order and no
    // hold times, nothing received no recommended window.
    const QString none = QStringLiteral("–");
    const bool sentAny = c.sent > 0;
    const auto ifSent = [&](const QString &value) {
        return sentAny ? value : none;
    };
    lines << tr("ordered: %1, inversions %2, missing ids %3 in %4 gaps, max distance %5")
                 .arg(ifSent(validation.ordered() ? tr("yes") : tr("no")),
                      ifSent(QString::number(validation.inversions)), QString::number(c.missingIds),
                      QString::number(c.gapRanges), ifSent(QString::number(c.maxDistance)));
    if (config.autoWindow) {
        lines << tr("window auto: from %1 to %2, %3 at the end, %4 changes (at most %5)")
                     .arg(c.windowSmallest)
                     .arg(c.windowLargest)
                     .arg(c.windowFinal)
                     .arg(c.windowChanges)
                     .arg(config.maxWindow);
    }
    lines << tr("window %1 (%2), recommended window %3%4")
                 .arg(config.autoWindow ? tr("auto") : QString::number(config.window))
                 .arg(UrlCheck::modeName(config.mode))
                 .arg(c.received > 0 ? QString::number(c.recommendedWindow) : none)
                 .arg(windowTooSmall() ? tr(" - the window was too small") : QString());
    lines << tr("timing: connect %1 ms, receive %2 ms, order %3 ms, send %4 ms, total %5 ms")
                 .arg(formatMs(timing.connectMs), formatMs(timing.receiveMs),
                      formatMs(timing.orderMs), formatMs(timing.sendMs), formatMs(timing.totalMs));
    lines << tr("throughput %1 messages/s; hold ms min %2, p50 %3, p99 %4, max %5")
                 .arg(ifSent(QString::number(throughput, 'f', 0)), ifSent(formatMs(hold.minMs)),
                      ifSent(formatMs(hold.p50Ms)), ifSent(formatMs(hold.p99Ms)),
                      ifSent(formatMs(hold.maxMs)));
    if (!config.sinkUrl.isEmpty()) {
        lines << tr("forwarded %1 to %2, confirmed %3, re-sent %4")
                     .arg(c.forwarded)
                     .arg(config.sinkUrl.toDisplayString(QUrl::RemovePassword))
                     .arg(c.confirmed)
                     .arg(c.resent);
    }
    if (c.feedDrops + c.sinkDrops + c.feedReconnectAttempts + c.sinkReconnectAttempts > 0) {
        lines << tr("connections: feed %1 drops, %2 reconnections (down %3 s); sink %4 drops, "
                    "%5 reconnections (down %6 s)")
                     .arg(c.feedDrops)
                     .arg(c.feedReconnects)
                     .arg(Duration::seconds(c.feedDownNs))
                     .arg(c.sinkDrops)
                     .arg(c.sinkReconnects)
                     .arg(Duration::seconds(c.sinkDownNs));
    }
    if (whatIf) {
        QString line = tr("what if: W = %1 is the smallest window without late messages")
                           .arg(whatIf->suggestedWindow);
        if (whatIf->kneeWindow)
            line += tr("; W = %1 loses at most %2 % as late")
                        .arg(*whatIf->kneeWindow)
                        .arg(WhatIfTable::KneeLateFraction * 100);
        if (const WhatIfRow *own = whatIf->runRow())
            line += tr("; this run's setting: %1 late, hold p99 %2 ms")
                        .arg(own->late)
                        .arg(formatMs(own->holdP99Ms));
        lines << line;
        if (whatIf->notAnalysed > 0)
            lines
                << tr("what if: only the first %1 messages were kept for it").arg(whatIf->arrivals);
    }
    for (const QString &note : verdict.notes)
        lines << tr("note: %1").arg(note);
    return lines.join(QLatin1Char('\n'));
}
