#include "runverdict.h"

#include "runreport.h"

#include <algorithm>

namespace {

QString nothingArrived(const RunReport &r)
{
    switch (r.endReason) {
    case RunEnd::Stopped:
        return RunVerdict::tr("nothing arrived from the feed before the run was stopped");
    case RunEnd::IdleTimeout:
        return RunVerdict::tr("nothing arrived from the feed within the idle timeout (%1 s)")
            .arg(r.config.idleTimeoutMs / 1000.0);
    case RunEnd::FeedClosed:
        return RunVerdict::tr("nothing arrived: the feed closed at once");
    default:
        return RunVerdict::tr("nothing arrived from the feed");
    }
}

} // namespace

RunVerdict RunVerdict::of(const RunReport &r)
{
    RunVerdict v;
    const RunCounters &c = r.counters;
    const auto add = [&v](Verdict level, const char *code, quint64 count, const QString &text) {
        v.reasons.append(VerdictReason {level, QString::fromLatin1(code), count, text});
    };

    // FAIL: the output is wrong or incomplete through our doing.
    if (!r.validation.ordered()) {
        add(Verdict::Fail, "unordered", r.validation.inversions + r.validation.duplicates,
            tr("the ids sent are not strictly increasing: %1 inversions, %2 repeated ids")
                .arg(r.validation.inversions)
                .arg(r.validation.duplicates));
    }
    if (c.late > 0) {
        QString text;
        if (r.windowTooSmall() && r.config.autoWindow) {
            text = tr("%1 messages arrived after their place was given up and were dropped: the "
                      "adaptive window may grow to %2 only; W = %3 would have kept them")
                       .arg(c.late)
                       .arg(r.config.maxWindow)
                       .arg(c.recommendedWindow);
        } else if (r.config.autoWindow && r.config.maxHoldMs == 0) {
            text = tr("%1 messages arrived after their place was given up and were dropped: the "
                      "adaptive window grew after they were needed; a fixed W = %2 would have "
                      "kept them")
                       .arg(c.late)
                       .arg(c.recommendedWindow);
        } else if (r.windowTooSmall()) {
            text = tr("%1 messages arrived after their place was given up and were dropped: the "
                      "window W = %2 was too small; W = %3 would have kept them")
                       .arg(c.late)
                       .arg(r.config.window)
                       .arg(c.recommendedWindow);
        } else if (r.config.maxHoldMs > 0) {
            text = tr("%1 messages arrived after max-hold (%2 ms) had given up their place and "
                      "were dropped: raise --max-hold or turn it off")
                       .arg(c.late)
                       .arg(r.config.maxHoldMs);
        } else {
            text = tr("%1 messages arrived after their place was given up and were dropped")
                       .arg(c.late);
        }
        add(Verdict::Fail, "late", c.late, text);
    }
    if (c.droppedOverBudget > 0) {
        add(Verdict::Fail, "over_budget", c.droppedOverBudget,
            tr("%1 messages were dropped: the sink fell %2 MiB behind a feed that cannot wait; "
               "give the sink more speed, raise --max-backlog, or end the run instead "
               "(--on-overflow end)")
                .arg(c.droppedOverBudget)
                .arg(r.config.maxBacklogBytes >> 20));
    }
    if (r.endReason == RunEnd::BatchMemoryCap) {
        add(Verdict::Fail, "batch_memory_cap", c.accepted,
            tr("batch mode reached its memory cap of %1 MiB after %2 messages and stopped "
               "reading the feed; use stream mode (--mode stream), which needs memory only for "
               "the window, or raise --batch-memory-mb")
                .arg(r.config.batchMemoryBytes >> 20)
                .arg(c.accepted));
    }
    if (r.config.forwards()) {
        if (c.forwarded < c.sent) {
            add(Verdict::Fail, "not_written", c.sent - c.forwarded,
                tr("only %1 of %2 released messages were written to the sink")
                    .arg(c.forwarded)
                    .arg(c.sent));
        } else if (c.confirmed < c.forwarded) {
            add(Verdict::Fail, "unconfirmed", c.forwarded - c.confirmed,
                tr("the sink confirmed only %1 of %2 frames: %3 may never have arrived")
                    .arg(c.confirmed)
                    .arg(c.forwarded)
                    .arg(c.forwarded - c.confirmed));
        }
    }
    if (r.error.isEmpty()) {
        // The books must balance once a run drained; they do unless there is a bug.
        const quint64 expected =
            c.accepted - std::min(c.accepted, c.late + c.duplicates + c.droppedOverBudget);
        if (c.sent != expected) {
            add(Verdict::Fail, "unbalanced", 0,
                tr("sent (%1) is not accepted - late - duplicates (%2)").arg(c.sent).arg(expected));
        }
        if (r.validation.count != c.sent) {
            add(Verdict::Fail, "unbalanced", 0,
                tr("validated %1 ids but %2 were sent").arg(r.validation.count).arg(c.sent));
        }
    }

    // WARN: what we did was right, but the feed was unhealthy (or there was nothing to do).
    if (c.received == 0 && r.error.isEmpty())
        add(Verdict::Warn, "nothing_arrived", 0, nothingArrived(r));
    if (c.lostIds > 0) {
        add(Verdict::Warn, "missing_ids", c.lostIds,
            tr("%1 ids never arrived (%2 gaps in the ids)").arg(c.lostIds).arg(c.gapRanges));
    }
    if (c.duplicates > 0) {
        add(Verdict::Warn, "duplicates", c.duplicates,
            tr("%1 duplicate messages were not forwarded (their id had arrived before)")
                .arg(c.duplicates));
    }
    if (c.malformed > 0) {
        add(Verdict::Warn, "malformed", c.malformed,
            tr("%1 malformed frames were not forwarded").arg(c.malformed));
    }
    const quint64 distinct = c.accepted - std::min(c.accepted, c.duplicates);
    if (r.config.count > 0 && distinct < r.config.count && !r.stopped && r.error.isEmpty()
        && c.received > 0) {
        add(Verdict::Warn, "count_not_reached", r.config.count - distinct,
            tr("the feed ended after %1 of %2 messages").arg(distinct).arg(r.config.count));
    }
    if (r.endReason == RunEnd::BacklogOverBudget) {
        add(Verdict::Warn, "ended_over_budget", 0,
            tr("the run was ended when the sink fell %1 MiB behind a feed that cannot wait "
               "(--on-overflow end)")
                .arg(r.config.maxBacklogBytes >> 20));
    }
    if (r.endReason == RunEnd::IdleTimeout && c.received > 0) {
        add(Verdict::Warn, "idle_timeout", 0,
            tr("nothing moved for %1 s (no frame from the feed, no confirmation from the sink): "
               "the run was ended (--idle-timeout)")
                .arg(r.config.idleTimeoutMs / 1000.0));
    }

    // Largest loss first within each level; the run's error, if any, before everything.
    std::stable_sort(v.reasons.begin(), v.reasons.end(),
                     [](const VerdictReason &a, const VerdictReason &b) {
                         if (a.level != b.level)
                             return a.level > b.level;
                         return a.count > b.count;
                     });
    if (!r.error.isEmpty())
        v.reasons.prepend(VerdictReason {Verdict::Fail, QStringLiteral("error"), 0, r.error});

    v.level = Verdict::Pass;
    for (const VerdictReason &reason : std::as_const(v.reasons))
        v.level = std::max(v.level, reason.level);
    if (r.endReason == RunEnd::None)
        v.level = Verdict::Fail; // not a finished run

    // Notes.
    if (r.stopped)
        v.notes << tr("the run was stopped by the operator");
    if (r.ranInsecure()) {
        v.notes << (r.ignoredCertificateErrors.isEmpty()
                        ? tr("INSECURE: certificate checks were off (--insecure)")
                        : tr("INSECURE: certificate checks were off (--insecure) and these "
                             "errors were ignored: %1; the connection was not authenticated")
                              .arg(r.ignoredCertificateErrors.join(QStringLiteral("; "))));
    }
    if (c.resent > 0) {
        v.notes << tr("%1 frames were sent again after the sink reconnected: the sink may have "
                      "received them twice (delivery is at least once)")
                       .arg(c.resent);
    }
    if (c.unprotected > 0) {
        v.notes << tr("%1 frames left the replay queue before the sink confirmed them; a drop "
                      "at that moment could have lost them")
                       .arg(c.unprotected);
    }
    v.notes << r.feedNotes;
    if (!r.validation.exact)
        v.notes << tr("too many gaps to track exactly; the oldest were summarised");
    return v;
}

QString RunVerdict::key(Verdict level)
{
    switch (level) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Fail:
        return QStringLiteral("fail");
    }
    return QString();
}

QStringList RunVerdict::reasonTexts() const
{
    QStringList texts;
    for (const VerdictReason &r : reasons)
        texts << r.text;
    return texts;
}
