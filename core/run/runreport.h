#pragma once

#include "advisor/whatif.h"
#include "connectionlog.h"
#include "protocol/messagecodec.h"
#include "reorder/latencyhistogram.h"
#include "reorder/ordervalidator.h"
#include "runconfig.h"
#include "rundigest.h"
#include "runtiming.h"
#include "runverdict.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QStringList>

#include <array>
#include <memory>

enum class RunState : quint8 {
    Idle,
    Connecting,
    Running,
    Holding, // batch mode: the feed ended, the held messages wait for Flush
    Draining, // the feed ended; releasing and waiting for the sink to confirm
    Finished,
    Failed,
};

// Why the run ended (the report's "end_reason").
enum class RunEnd : quint8 {
    None, // still running
    FeedClosed, // the feed closed normally (code 1000)
    CountReached, // --count accepted messages
    Stopped, // the operator (Stop, SIGINT, SIGTERM)
    IdleTimeout, // nothing moved for --idle-timeout
    BatchMemoryCap, // batch mode reached --batch-memory-mb
    FeedFailed, // the feed could not be (re)connected
    SinkFailed, // the sink could not be (re)connected or did not confirm in time
    BacklogOverBudget, // a feed that cannot wait outran the sink past the byte budget
};

struct RunCounters
{
    quint64 received = 0; // every frame
    quint64 accepted = 0; // well-formed messages, late and duplicates included
    quint64 malformed = 0;
    quint64 duplicates = 0;
    quint64 late = 0;
    quint64 sent = 0; // released in order (accepted - late - duplicates once drained)
    quint64 forwarded = 0; // written to the sink
    quint64 confirmed = 0; // confirmed read by the sink (ping/pong barrier)
    quint64 resent = 0; // frames written again after the sink reconnected
    quint64 unprotected = 0; // written frames dropped from the replay queue before confirmation
    quint64 feedPauses = 0; // times the feed was held back because the sink was behind
    quint64 sinkBacklogPeak = 0; // most frames held for the sink at once (unconfirmed)
    quint64 backlogPeakBytes = 0; // most bytes held at once (the buffer's frames and the sink's)
    quint64 droppedOverBudget = 0; // accepted, then dropped: over the byte budget, unpausable feed
    quint64 held = 0; // in the buffer now
    quint64 missingIds = 0; // ids skipped in the released sequence
    quint64 lostIds = 0; // of those, the ones that never arrived (not even late)
    quint64 gapRanges = 0;
    quint64 recommendedWindow = 1;
    // The window W over the run: fixed, or as --window auto moved it.
    qint64 windowSmallest = 0;
    qint64 windowLargest = 0;
    qint64 windowFinal = 0;
    quint64 windowChanges = 0;
    qint64 maxDistance = 0; // largest |distance|
    qint64 maxLateDistance = 0; // largest positive distance (arrived late)
    qint64 maxEarlyDistance = 0; // largest early arrival, as a positive number
    quint64 feedDrops = 0;
    quint64 feedReconnects = 0;
    quint64 sinkDrops = 0;
    quint64 sinkReconnects = 0;
    quint64 feedReconnectAttempts = 0; // attempts that failed, over the run
    quint64 sinkReconnectAttempts = 0;
    qint64 feedDownNs = 0; // time the feed was down (dropped until reconnected), over the run
    qint64 sinkDownNs = 0;
    std::array<quint64, MalformedReasonCount> malformedByReason {};
};

struct HoldTimes
{
    double minMs = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;

    static HoldTimes from(const LatencyHistogram &histogram);
};

// A live snapshot, emitted a few times a second.
struct RunStats
{
    RunState state = RunState::Idle;
    RunCounters counters;
    PhaseTiming timing;
    quint64 targetCount = 0; // 0: until the feed closes
    double receiveRate = 0; // messages/s over the last interval
    double sendRate = 0;
    bool feedConnected = false;
    bool sinkConnected = false;
    bool forwarding = false; // a sink URL is configured
    bool feedReconnecting = false; // dropped, waiting to reconnect
    bool sinkReconnecting = false;
    // --insecure was given for a wss:// URL: certificate checks are off; the window says so.
    bool insecure = false;
    bool batchMemoryCapReached = false; // batch mode stopped reading the feed (see RunReport)
    qint64 idleNs = 0; // time since anything last moved (frame received or confirmed)
};

/*!
    The outcome of a run: counters, the validation of what was sent, timing. Serialises to the
    JSON report of docs/PROTOCOL.md and to a human summary. Plain value type.
*/
struct RunReport
{
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    RunConfig config;
    QString feedDescription; // the feed URL, or the Redis channel
    QDateTime startedAt;
    RunCounters counters;
    ValidationResult validation; // over what was sent
    PhaseTiming timing;
    HoldTimes hold;
    double throughput = 0; // sent messages per second over the whole run
    QList<QPair<qint64, qint64>> lostRanges; // first ranges of ids that never arrived
    QList<QPair<qint64, qint64>> droppedRanges; // ranges of ids dropped over the byte budget
    RunVerdict verdict; // PASS, WARN or FAIL, and why (evaluate())
    QString error; // the run could not be made (exit status 2)
    bool stopped = false; // the operator stopped it
    RunEnd endReason = RunEnd::None;
    QList<ConnectionEvent> connectionEvents; // the first ConnectionLog::MaxEvents, in order
    quint64 connectionEventsDropped = 0; // past the cap: counted, not kept
    // wss:// with --insecure: the certificate errors that were ignored, each once.
    QStringList ignoredCertificateErrors;
    // What the feed itself said about its frames (a replayed capture cut short: where).
    QStringList feedNotes;
    RunDigest digest; // the charts' data (not in toJson(): the history keeps it apart)
    // With RunConfig::keepArrivals: the run's arrivals for the what-if advisor (not in toJson()),
    // and its table once worked out (the report's what_if).
    std::shared_ptr<const ArrivalLog> arrivals;
    std::optional<WhatIfTable> whatIf;

    static constexpr std::size_t MaxListedRanges = 100; // id ranges listed in the report
    static QString endReasonKey(RunEnd reason);
    // A run of wss:// with --insecure: its connection was not authenticated.
    bool ranInsecure() const;

    // A run that ended (a default report, of no run, never passes) without error or problem.
    // FAIL, or the run could not be made.
    bool failed() const { return !error.isEmpty() || verdict.level == Verdict::Fail; }
    // A fixed W below the recommendation, or an adaptive one whose maximum was.
    bool windowTooSmall() const
    {
        return counters.recommendedWindow
            > quint64(config.autoWindow ? config.maxWindow : config.window);
    }
    // 0 PASS (and WARN unless config.strict), 1 FAIL (and WARN when strict), 2 the run could
    // not be made (bad arguments, a connection that could not be made or was lost for good).
    int exitCode() const;

    // The run has ended: takes its final figures and evaluates them.
    void conclude(const RunCounters &finalCounters, const ValidationResult &finalValidation,
                  const PhaseTiming &phases, const LatencyHistogram &holdTimes,
                  const ConnectionLog &connections, const QList<QPair<qint64, qint64>> &lost);
    // Fills the throughput and the verdict from the counters, the timing and the validation;
    // call once the run has ended.
    void evaluate();
    QJsonObject toJson() const;
    // A report back from its JSON (a past run in the history): toJson() of the result is the
    // JSON it came from. The verdict is taken as it was written, reasons and notes in the words
    // of that day, never evaluated again. Not in the JSON: the digest (kept apart), the feed
    // notes (already among the verdict's notes) and the URLs' passwords.
    static RunReport fromJson(const QJsonObject &o);
    QString summary() const;
};

Q_DECLARE_METATYPE(RunState)
Q_DECLARE_METATYPE(RunStats)
Q_DECLARE_METATYPE(RunReport)
