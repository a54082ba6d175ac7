#pragma once

#include "idring.h"
#include "intervalset.h"
#include "rankedidset.h"

#include <QtGlobal>

#include <deque>
#include <optional>
#include <unordered_set>
#include <vector>

enum class ReorderMode : quint8 {
    Stream, // release as soon as order allows; O(window) memory
    Batch, // hold the whole run, release sorted on flush (the original script)
};

struct ReorderConfig
{
    ReorderMode mode = ReorderMode::Stream;
    // W: in stream mode the heap never holds more than W messages after a push.
    qint64 window = 1024;
    // Stream mode: the oldest buffered message is released (giving up what it waits for) once it
    // has been held this long. 0 disables the rule.
    qint64 maxHoldNs = 0;
    // The first expected id; learned at warm-up when absent.
    std::optional<qint64> startId;
    // Work out, for every arrival, the window it needed (lastNeed()): an adaptive window reads
    // it. Off, only the largest need is kept (the recommendation), which costs less.
    bool trackNeeds = false;
};

enum class PushResult : quint8 {
    Buffered, // will be released (possibly already, in the same call)
    Late, // its place was already given up as a gap
    Duplicate, // the id is buffered or was released already
};

// A message leaving the buffer, in strictly increasing id order.
struct ReleasedMessage
{
    qint64 id;
    quint32 slot; // the caller's handle for the payload, as given to push()
    quint64 sequence; // index among buffered messages in arrival order (the "arrival index")
    qint64 arrivalNs;
};

struct ReorderStats
{
    quint64 buffered = 0; // pushes that returned Buffered
    quint64 released = 0;
    quint64 late = 0;
    quint64 duplicates = 0;
    // Duplicates older than the oldest remembered gap range: released, or (rarely) given up so
    // long ago that the buffer no longer knows; never counted as late.
    quint64 uncertainDuplicates = 0;
    quint64 gapRanges = 0; // runs of consecutive ids given up
    quint64 missingIds = 0; // ids given up, saturating
    quint64 maxHeld = 0; // the recommended window (see recommendedWindow())
    quint64 peakSize = 0;
    quint64 windowReleases = 0; // give-ups forced by the window
    quint64 holdReleases = 0; // give-ups forced by max-hold
};

/*!
    The bounded reordering buffer: a binary min-heap on id with window W, releasing exactly as
    docs/PROTOCOL.md's "Reordering semantics" describe.

    Stream mode releases the smallest message when it is the next expected id, when the heap
    holds more than W, when the oldest message has waited maxHoldNs, or on flush(); memory is
    O(W) for any run length. Batch mode holds everything and releases it sorted on flush().

    Every push also feeds the recommended window, the smallest W with which this run's arrival
    order would have had no late message (window rule only; max-hold aside). For the first
    arrival of each id x, at arrival position i (counting first arrivals):
    - G(x), the ids greater than x that arrived before it: with W < G(x) they all wait for x,
      the heap overflows and x's place is given up, so W >= G(x) is needed;
    - with a learned start, x smaller than every id before it: with W < i the first W messages
      would have set the start above x, so W >= i is needed.
    The recommendation is the largest of these, and is enough (a larger W never makes a
    message late that a smaller one kept). Ids below a given start are late whatever the
    window, so they add nothing. G(x) is exact for every arrival: the buffered ids above x,
    plus for a late x the ids between x and the next expected one that did arrive (all of them
    less the gaps still missing, which are all remembered above any gap x belongs to).

    Late or duplicate, for an id below the next expected one:
    - below the start: nothing there was ever released, so its first arrival is late and a
      repeat a duplicate (the arrivals there are remembered as up to 16,384 ranges; past that
      the lowest are forgotten and a repeat among them counts as late again);
    - a given-up id that has not arrived: late, once;
    - anything else: a duplicate. The gaps are remembered as up to 65,536 ranges; a gap older
      than those arriving at last is counted a duplicate (uncertainDuplicates), never a released
      id as late: telling the two apart exactly would take memory growing with the run.

    Plain value type, not thread-safe; every call is O(log W) amortised in stream mode (plus
    O(log 65,536) for a late or duplicate id).
*/
class ReorderBuffer final
{
public:
    explicit ReorderBuffer(const ReorderConfig &config);

    const ReorderConfig &config() const { return m_config; }

    // Appends what the push releases to `released`.
    PushResult push(qint64 id, quint32 slot, qint64 nowNs, std::vector<ReleasedMessage> &released);
    // Applies the max-hold rule at time nowNs.
    void expire(qint64 nowNs, std::vector<ReleasedMessage> &released);
    // When expire() next has something to do, if max-hold is on and messages are held.
    std::optional<qint64> nextDeadlineNs();
    // Releases everything held, in order; missing ids are given up.
    void flush(std::vector<ReleasedMessage> &released);

    const ReorderStats &stats() const { return m_stats; }
    // With trackNeeds: the window the last push's message needed (the ids greater than it that
    // arrived before it); 0 for a duplicate.
    quint64 lastNeed() const { return m_lastNeed; }
    // A new window for what follows (an adaptive window). A window below what is held now takes
    // effect at the next push, which gives up what no longer fits: callers that must not force
    // anything out pass at least size().
    void setWindow(qint64 window) { m_config.window = std::max<qint64>(window, 1); }
    quint64 recommendedWindow() const { return std::max<quint64>(1, m_stats.maxHeld); }
    std::size_t size() const;
    bool isEmpty() const { return size() == 0; }
    std::optional<qint64> nextExpected() const;
    // Ids given up that never arrived (lowest first, at most `limit` ranges), for reports.
    QList<QPair<qint64, qint64>> lostRanges(std::size_t limit) const;
    // Ids given up that never arrived: missingIds minus the late ones that filled a gap.
    quint64 lostIds() const;

private:
    struct Entry
    {
        qint64 id;
        quint32 slot;
        quint64 sequence;
        qint64 arrivalNs;
    };

    PushResult classifyBelowNext(qint64 id);
    PushResult classifyBelowStart(qint64 id);
    // The recommendation's two rules for the first arrival of `id` (see the class comment).
    void noteFirstArrival(qint64 id);
    void noteArrival(qint64 id);
    void noteGreaterBefore(quint64 count)
    {
        m_stats.maxHeld = std::max(m_stats.maxHeld, count);
        m_lastNeed = std::max(m_lastNeed, count);
    }
    bool isBuffered(qint64 id) const;
    void insert(const Entry &entry);
    Entry popTop();
    // m_next is known: a start id was given, or learned from the first messages.
    bool known() const { return m_base.has_value(); }
    // The first expected id is `first`; anything below it arriving later is late.
    void startAt(qint64 first);
    void learnNextExpected(std::vector<ReleasedMessage> &released);
    void advancePast(qint64 id);
    void releaseContiguous(std::vector<ReleasedMessage> &released);
    void giveUpUntilTop(std::vector<ReleasedMessage> &released);
    void output(const Entry &entry, std::vector<ReleasedMessage> &released);
    void migrateFar();
    void rebuildRing(qint64 low);
    void flushBatch(std::vector<ReleasedMessage> &released);
    bool belowNext(qint64 id) const { return m_pastEnd || id < m_next; }

    ReorderConfig m_config;
    ReorderStats m_stats;

    bool m_pastEnd = false; // the id MaxId was released: every id is below next
    qint64 m_next = 0;
    std::optional<qint64> m_base; // the first expected id, once known (given, or learned)
    quint64 m_sequence = 0;

    // Stream mode: heap, presence of buffered ids (ring near m_next, "far" ids beyond it, in a
    // tree that also counts them), arrival-ordered queue for max-hold.
    std::vector<Entry> m_heap;
    IdRing m_ring;
    RankedIdSet m_far;
    struct Arrival
    {
        qint64 id;
        qint64 arrivalNs;
    };
    std::deque<Arrival> m_arrivals;

    // Batch mode: everything held since the last flush.
    std::vector<Entry> m_held;
    std::unordered_set<qint64> m_heldIds;

    // Ids given up as gaps (at or above m_base) and not (yet) arrived late.
    IntervalSet m_givenUp;
    // Ids below m_base that arrived (late).
    IntervalSet m_arrivedBelowStart {16384};
    quint64 m_lateInGaps = 0;
    bool m_ringAnchored = false;
    // The smallest id that arrived, for the learned start's rule of the recommendation.
    std::optional<qint64> m_leastArrived;
    quint64 m_lastNeed = 0;
};
