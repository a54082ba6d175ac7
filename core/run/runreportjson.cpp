// The report as JSON (docs/PROTOCOL.md §8 names its keys), and back, for the runs history.
#include "runreport.h"

#include <QJsonArray>

#include <cmath>

namespace {

QJsonValue count(quint64 v)
{
    return QJsonValue(qint64(std::min<quint64>(v, quint64(std::numeric_limits<qint64>::max()))));
}

// fromJson(): the inverses of count() and Duration::ms().
quint64 countOf(const QJsonValue &v)
{
    return quint64(std::max<qint64>(0, v.toInteger()));
}

qint64 nsOf(const QJsonValue &v)
{
    return qint64(std::llround(v.toDouble() * 1e6));
}

std::optional<qint64> idOf(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

Verdict verdictOf(const QString &key)
{
    for (Verdict level : {Verdict::Pass, Verdict::Warn, Verdict::Fail}) {
        if (RunVerdict::key(level) == key)
            return level;
    }
    return Verdict::Fail;
}

ConnectionEvent connectionEventOf(const QJsonObject &o)
{
    ConnectionEvent e;
    e.endpoint = o.value(QStringLiteral("endpoint")).toString() == QLatin1String("sink")
        ? ConnectionEvent::Endpoint::Sink
        : ConnectionEvent::Endpoint::Feed;
    const QString kind = o.value(QStringLiteral("event")).toString();
    e.kind = kind == QLatin1String("reconnected") ? ConnectionEvent::Kind::Reconnected
        : kind == QLatin1String("attempt_failed") ? ConnectionEvent::Kind::AttemptFailed
                                                  : ConnectionEvent::Kind::Dropped;
    e.atNs = nsOf(o.value(QStringLiteral("at_ms")));
    e.downNs = nsOf(o.value(QStringLiteral("down_ms")));
    e.attempt = o.value(QStringLiteral("attempt")).toInt();
    e.reason = o.value(QStringLiteral("reason")).toString();
    return e;
}

QList<QPair<qint64, qint64>> rangesOf(const QJsonValue &v)
{
    QList<QPair<qint64, qint64>> ranges;
    for (const QJsonValue &range : v.toArray()) {
        const QJsonArray pair = range.toArray();
        ranges.append({pair.at(0).toInteger(), pair.at(1).toInteger()});
    }
    return ranges;
}

} // namespace

QJsonObject RunReport::toJson() const
{
    const RunCounters &c = counters;
    QJsonObject o;
    o.insert(QStringLiteral("received"), count(c.received));
    o.insert(QStringLiteral("accepted"), count(c.accepted));
    o.insert(QStringLiteral("malformed"), count(c.malformed));
    o.insert(QStringLiteral("duplicates"), count(c.duplicates));
    o.insert(QStringLiteral("late"), count(c.late));
    o.insert(QStringLiteral("sent"), count(c.sent));
    o.insert(QStringLiteral("missing_ids"), count(c.missingIds));
    o.insert(QStringLiteral("lost_ids"), count(c.lostIds));
    o.insert(QStringLiteral("gaps"), count(c.gapRanges));
    // null where the value does not exist: nothing sent has no order, nothing received no
    // recommended window.
    o.insert(QStringLiteral("ordered"),
             c.sent > 0 ? QJsonValue(validation.ordered()) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("inversions"), count(validation.inversions));
    o.insert(QStringLiteral("max_distance"), qint64(c.maxDistance));
    o.insert(QStringLiteral("max_late_distance"), qint64(c.maxLateDistance));
    o.insert(QStringLiteral("max_early_distance"), qint64(c.maxEarlyDistance));
    o.insert(QStringLiteral("recommended_window"),
             c.received > 0 ? count(c.recommendedWindow) : QJsonValue(QJsonValue::Null));
    // A number always: with --window auto, the W the run ended with.
    o.insert(QStringLiteral("window"), qint64(config.autoWindow ? c.windowFinal : config.window));
    o.insert(QStringLiteral("window_auto"), config.autoWindow);
    if (config.autoWindow)
        o.insert(QStringLiteral("max_window"), qint64(config.maxWindow));
    o.insert(QStringLiteral("window_min"), qint64(c.windowSmallest));
    o.insert(QStringLiteral("window_max"), qint64(c.windowLargest));
    o.insert(QStringLiteral("window_final"), qint64(c.windowFinal));
    o.insert(QStringLiteral("window_changes"), count(c.windowChanges));
    o.insert(QStringLiteral("window_too_small"), windowTooSmall());
    o.insert(QStringLiteral("mode"), UrlCheck::modeName(config.mode));
    o.insert(QStringLiteral("max_hold_ms"), qint64(config.maxHoldMs));
    o.insert(QStringLiteral("max_frame_bytes"), qint64(config.maxFrameBytes));
    o.insert(QStringLiteral("start_id"),
             config.startId ? QJsonValue(qint64(*config.startId)) : QJsonValue());
    o.insert(QStringLiteral("count"), count(config.count));

    QJsonObject timingMs;
    timingMs.insert(QStringLiteral("connect"), timing.connectMs);
    timingMs.insert(QStringLiteral("receive"), timing.receiveMs);
    timingMs.insert(QStringLiteral("order"), timing.orderMs);
    timingMs.insert(QStringLiteral("send"), timing.sendMs);
    timingMs.insert(QStringLiteral("total"), timing.totalMs);
    o.insert(QStringLiteral("timing_ms"), timingMs);
    o.insert(QStringLiteral("throughput_msgs_per_s"), throughput);

    QJsonObject holdMs;
    holdMs.insert(QStringLiteral("min"), hold.minMs);
    holdMs.insert(QStringLiteral("p50"), hold.p50Ms);
    holdMs.insert(QStringLiteral("p99"), hold.p99Ms);
    holdMs.insert(QStringLiteral("max"), hold.maxMs);
    o.insert(QStringLiteral("hold_ms"), holdMs);

    o.insert(QStringLiteral("forwarded"), count(c.forwarded));
    o.insert(QStringLiteral("confirmed"), count(c.confirmed));
    o.insert(QStringLiteral("resent"), count(c.resent));
    o.insert(QStringLiteral("unprotected"), count(c.unprotected));
    o.insert(QStringLiteral("feed_pauses"), count(c.feedPauses));
    o.insert(QStringLiteral("sink_backlog_peak"), count(c.sinkBacklogPeak));
    o.insert(QStringLiteral("backlog_peak_bytes"), count(c.backlogPeakBytes));
    o.insert(QStringLiteral("max_backlog_mb"), count(config.maxBacklogBytes >> 20));
    o.insert(QStringLiteral("dropped_over_budget"), count(c.droppedOverBudget));
    o.insert(QStringLiteral("on_overflow"), RunConfig::overflowName(config.backlogOverflow));
    o.insert(QStringLiteral("drain_timeout_ms"), config.drainTimeoutMs);
    o.insert(QStringLiteral("strict"), config.strict);
    o.insert(QStringLiteral("feed_drops"), count(c.feedDrops));
    o.insert(QStringLiteral("feed_reconnects"), count(c.feedReconnects));
    o.insert(QStringLiteral("sink_drops"), count(c.sinkDrops));
    o.insert(QStringLiteral("sink_reconnects"), count(c.sinkReconnects));
    o.insert(QStringLiteral("feed_reconnect_attempts_failed"), count(c.feedReconnectAttempts));
    o.insert(QStringLiteral("sink_reconnect_attempts_failed"), count(c.sinkReconnectAttempts));
    o.insert(QStringLiteral("feed_down_ms"), Duration::ms(c.feedDownNs));
    o.insert(QStringLiteral("sink_down_ms"), Duration::ms(c.sinkDownNs));
    QJsonArray events;
    for (const ConnectionEvent &e : connectionEvents)
        events.append(e.toJson());
    o.insert(QStringLiteral("connection_events"), events);
    o.insert(QStringLiteral("connection_events_not_listed"), count(connectionEventsDropped));
    o.insert(QStringLiteral("end_reason"), endReasonKey(endReason));
    o.insert(QStringLiteral("idle_timeout_ms"), config.idleTimeoutMs);
    o.insert(QStringLiteral("insecure"), ranInsecure());
    o.insert(QStringLiteral("ignored_certificate_errors"),
             QJsonArray::fromStringList(ignoredCertificateErrors));
    if (config.mode == ReorderMode::Batch)
        o.insert(QStringLiteral("batch_memory_cap_mb"), count(config.batchMemoryBytes >> 20));

    QJsonObject byReason;
    for (int i = 1; i < MalformedReasonCount; ++i) {
        if (c.malformedByReason[std::size_t(i)] > 0)
            byReason.insert(MessageCodec::reasonKey(MalformedReason(i)),
                            count(c.malformedByReason[std::size_t(i)]));
    }
    o.insert(QStringLiteral("malformed_by_reason"), byReason);

    const auto rangesJson = [](const QList<QPair<qint64, qint64>> &list) {
        QJsonArray ranges;
        for (const auto &[lo, hi] : list)
            ranges.append(QJsonArray {qint64(lo), qint64(hi)});
        return ranges;
    };
    o.insert(QStringLiteral("lost_id_ranges"), rangesJson(lostRanges));
    o.insert(QStringLiteral("dropped_id_ranges"), rangesJson(droppedRanges));

    QJsonObject v;
    v.insert(QStringLiteral("count"), count(validation.count));
    v.insert(QStringLiteral("unique"), count(validation.unique));
    v.insert(QStringLiteral("duplicates"), count(validation.duplicates));
    v.insert(QStringLiteral("inversions"), count(validation.inversions));
    v.insert(QStringLiteral("descents"), count(validation.descents));
    v.insert(QStringLiteral("missing_ids"), count(validation.missingIds));
    v.insert(QStringLiteral("gaps"), count(validation.gapRanges));
    v.insert(QStringLiteral("first_id"),
             validation.firstId ? QJsonValue(qint64(*validation.firstId)) : QJsonValue());
    v.insert(QStringLiteral("last_id"),
             validation.lastId ? QJsonValue(qint64(*validation.lastId)) : QJsonValue());
    v.insert(QStringLiteral("exact"), validation.exact);
    o.insert(QStringLiteral("validation"), v);

    o.insert(QStringLiteral("verdict"), RunVerdict::key(verdict.level));
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(verdict.reasonTexts()));
    QJsonArray codes;
    for (const VerdictReason &r : verdict.reasons) {
        codes.append(QJsonObject {{QStringLiteral("code"), r.code},
                                  {QStringLiteral("level"), RunVerdict::key(r.level)},
                                  {QStringLiteral("count"), count(r.count)}});
    }
    o.insert(QStringLiteral("reason_codes"), codes);
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(verdict.notes));
    o.insert(QStringLiteral("passed"), verdict.level == Verdict::Pass);
    o.insert(QStringLiteral("exit_status"), exitCode());
    o.insert(QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error));
    o.insert(QStringLiteral("stopped"), stopped);
    o.insert(QStringLiteral("feed_url"), feedDescription);
    if (config.feedKind == FeedKind::Capture) {
        o.insert(QStringLiteral("replay"), config.replayPath);
        o.insert(QStringLiteral("replay_speed"), config.replaySpeed);
    }
    o.insert(QStringLiteral("capture"),
             config.capturePath.isEmpty() ? QJsonValue() : QJsonValue(config.capturePath));
    o.insert(QStringLiteral("send_url"),
             config.sinkUrl.isEmpty()
                 ? QJsonValue()
                 : QJsonValue(config.sinkUrl.toDisplayString(QUrl::RemovePassword)));
    o.insert(QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs));
    if (whatIf) {
        o.insert(QStringLiteral("what_if"), whatIf->toJson());
        o.insert(QStringLiteral("what_if_arrivals"), count(whatIf->arrivals));
        o.insert(QStringLiteral("what_if_not_analysed"), count(whatIf->notAnalysed));
        o.insert(QStringLiteral("what_if_suggested_window"), whatIf->suggestedWindow);
        o.insert(QStringLiteral("what_if_knee_window"),
                 whatIf->kneeWindow ? QJsonValue(*whatIf->kneeWindow) : QJsonValue());
    }
    return o;
}

RunReport RunReport::fromJson(const QJsonObject &o)
{
    const auto value = [&o](const char *key) {
        return o.value(QLatin1String(key));
    };
    RunReport r;
    RunConfig &config = r.config;
    config.window = value("window").toInteger(config.window);
    config.autoWindow = value("window_auto").toBool();
    config.maxWindow = value("max_window").toInteger(config.maxWindow);
    config.maxFrameBytes = value("max_frame_bytes").toInteger(config.maxFrameBytes);
    config.mode = value("mode").toString() == UrlCheck::modeName(ReorderMode::Batch)
        ? ReorderMode::Batch
        : ReorderMode::Stream;
    config.maxHoldMs = value("max_hold_ms").toInteger();
    config.startId = idOf(value("start_id"));
    config.count = countOf(value("count"));
    config.maxBacklogBytes = countOf(value("max_backlog_mb")) << 20;
    config.backlogOverflow =
        value("on_overflow").toString() == RunConfig::overflowName(BacklogOverflow::EndRun)
        ? BacklogOverflow::EndRun
        : BacklogOverflow::Drop;
    config.drainTimeoutMs = value("drain_timeout_ms").toInt(config.drainTimeoutMs);
    config.strict = value("strict").toBool();
    config.idleTimeoutMs = value("idle_timeout_ms").toInt(config.idleTimeoutMs);
    if (value("batch_memory_cap_mb").isDouble())
        config.batchMemoryBytes = countOf(value("batch_memory_cap_mb")) << 20;
    r.feedDescription = value("feed_url").toString();
    if (value("replay").isString()) {
        config.feedKind = FeedKind::Capture;
        config.replayPath = value("replay").toString();
        config.replaySpeed = value("replay_speed").toDouble(1);
    } else {
        // The feed's own URL only when it was a WebSocket (for "insecure": wss:// or not).
        const QUrl url(r.feedDescription);
        if (url.scheme().startsWith(QLatin1String("ws"), Qt::CaseInsensitive))
            config.feedUrl = url;
    }
    config.capturePath = value("capture").toString();
    if (value("send_url").isString())
        config.sinkUrl = QUrl(value("send_url").toString());
    config.insecure = value("insecure").toBool();
    r.startedAt = QDateTime::fromString(value("started_at").toString(), Qt::ISODateWithMs);

    RunCounters &c = r.counters;
    c.received = countOf(value("received"));
    c.accepted = countOf(value("accepted"));
    c.malformed = countOf(value("malformed"));
    c.duplicates = countOf(value("duplicates"));
    c.late = countOf(value("late"));
    c.sent = countOf(value("sent"));
    c.missingIds = countOf(value("missing_ids"));
    c.lostIds = countOf(value("lost_ids"));
    c.gapRanges = countOf(value("gaps"));
    c.maxDistance = value("max_distance").toInteger();
    c.maxLateDistance = value("max_late_distance").toInteger();
    c.maxEarlyDistance = value("max_early_distance").toInteger();
    c.recommendedWindow = countOf(value("recommended_window"));
    c.windowSmallest = value("window_min").toInteger(config.window);
    c.windowLargest = value("window_max").toInteger(config.window);
    c.windowFinal = value("window_final").toInteger(config.window);
    c.windowChanges = countOf(value("window_changes"));
    c.forwarded = countOf(value("forwarded"));
    c.confirmed = countOf(value("confirmed"));
    c.resent = countOf(value("resent"));
    c.unprotected = countOf(value("unprotected"));
    c.feedPauses = countOf(value("feed_pauses"));
    c.sinkBacklogPeak = countOf(value("sink_backlog_peak"));
    c.backlogPeakBytes = countOf(value("backlog_peak_bytes"));
    c.droppedOverBudget = countOf(value("dropped_over_budget"));
    c.feedDrops = countOf(value("feed_drops"));
    c.feedReconnects = countOf(value("feed_reconnects"));
    c.sinkDrops = countOf(value("sink_drops"));
    c.sinkReconnects = countOf(value("sink_reconnects"));
    c.feedReconnectAttempts = countOf(value("feed_reconnect_attempts_failed"));
    c.sinkReconnectAttempts = countOf(value("sink_reconnect_attempts_failed"));
    c.feedDownNs = nsOf(value("feed_down_ms"));
    c.sinkDownNs = nsOf(value("sink_down_ms"));
    const QJsonObject byReason = value("malformed_by_reason").toObject();
    for (int i = 1; i < MalformedReasonCount; ++i) {
        c.malformedByReason[std::size_t(i)] =
            countOf(byReason.value(MessageCodec::reasonKey(MalformedReason(i))));
    }

    const QJsonObject timingMs = value("timing_ms").toObject();
    r.timing.connectMs = timingMs.value(QStringLiteral("connect")).toDouble();
    r.timing.receiveMs = timingMs.value(QStringLiteral("receive")).toDouble();
    r.timing.orderMs = timingMs.value(QStringLiteral("order")).toDouble();
    r.timing.sendMs = timingMs.value(QStringLiteral("send")).toDouble();
    r.timing.totalMs = timingMs.value(QStringLiteral("total")).toDouble();
    r.throughput = value("throughput_msgs_per_s").toDouble();
    const QJsonObject holdMs = value("hold_ms").toObject();
    r.hold.minMs = holdMs.value(QStringLiteral("min")).toDouble();
    r.hold.p50Ms = holdMs.value(QStringLiteral("p50")).toDouble();
    r.hold.p99Ms = holdMs.value(QStringLiteral("p99")).toDouble();
    r.hold.maxMs = holdMs.value(QStringLiteral("max")).toDouble();

    for (const QJsonValue &e : value("connection_events").toArray())
        r.connectionEvents.append(connectionEventOf(e.toObject()));
    r.connectionEventsDropped = countOf(value("connection_events_not_listed"));
    const QString end = value("end_reason").toString();
    for (RunEnd reason : {RunEnd::FeedClosed, RunEnd::CountReached, RunEnd::Stopped,
                          RunEnd::IdleTimeout, RunEnd::BatchMemoryCap, RunEnd::FeedFailed,
                          RunEnd::SinkFailed, RunEnd::BacklogOverBudget}) {
        if (endReasonKey(reason) == end)
            r.endReason = reason;
    }
    for (const QJsonValue &e : value("ignored_certificate_errors").toArray())
        r.ignoredCertificateErrors << e.toString();
    r.lostRanges = rangesOf(value("lost_id_ranges"));
    r.droppedRanges = rangesOf(value("dropped_id_ranges"));
    if (value("what_if").isArray()) {
        WhatIfTable t;
        t.rows = WhatIfTable::rowsFromJson(value("what_if").toArray());
        t.run = WhatIfRun {config.window, config.autoWindow, config.maxWindow, config.maxHoldMs,
                           config.startId};
        t.arrivals = countOf(value("what_if_arrivals"));
        t.notAnalysed = countOf(value("what_if_not_analysed"));
        t.recommendedWindow = c.recommendedWindow;
        t.suggestedWindow = value("what_if_suggested_window").toInteger(1);
        if (value("what_if_knee_window").isDouble())
            t.kneeWindow = value("what_if_knee_window").toInteger();
        r.whatIf = t;
    }

    const QJsonObject v = value("validation").toObject();
    ValidationResult &val = r.validation;
    val.count = countOf(v.value(QStringLiteral("count")));
    val.unique = countOf(v.value(QStringLiteral("unique")));
    val.duplicates = countOf(v.value(QStringLiteral("duplicates")));
    val.inversions = countOf(v.value(QStringLiteral("inversions")));
    val.descents = countOf(v.value(QStringLiteral("descents")));
    val.missingIds = countOf(v.value(QStringLiteral("missing_ids")));
    val.gapRanges = countOf(v.value(QStringLiteral("gaps")));
    val.firstId = idOf(v.value(QStringLiteral("first_id")));
    val.lastId = idOf(v.value(QStringLiteral("last_id")));
    val.exact = v.value(QStringLiteral("exact")).toBool(true);

    // The verdict as it was given: its texts beside its codes.
    r.verdict.level = verdictOf(value("verdict").toString());
    const QJsonArray texts = value("reasons").toArray();
    const QJsonArray codes = value("reason_codes").toArray();
    for (qsizetype i = 0; i < std::max(texts.size(), codes.size()); ++i) {
        const QJsonObject code = codes.at(i).toObject();
        r.verdict.reasons.append(
            VerdictReason {verdictOf(code.value(QStringLiteral("level")).toString()),
                           code.value(QStringLiteral("code")).toString(),
                           countOf(code.value(QStringLiteral("count"))), texts.at(i).toString()});
    }
    for (const QJsonValue &note : value("notes").toArray())
        r.verdict.notes << note.toString();
    if (value("error").isString())
        r.error = value("error").toString();
    r.stopped = value("stopped").toBool();
    return r;
}
