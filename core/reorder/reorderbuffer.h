#pragma once

#include "idring.h"
#include "intervalset.h"

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
    quint64 gapRanges = 0; // runs of consecutive ids given up
    quint64 missingIds = 0; // ids given up, saturating
    quint64 maxHeld = 0; // most messages that had to be held at once for a missing id
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

    Every push also feeds the recommended window: for each arriving id x, the number of ids
    greater than x that arrived before it. Its maximum is the smallest W with no late message.

    Plain value type, not thread-safe; every call is O(log W) amortised in stream mode.
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
    void noteArrival(qint64 id);
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

    // Stream mode: heap, presence of buffered ids (ring near m_next, sorted "far" ids beyond it),
    // arrival-ordered queue for max-hold.
    std::vector<Entry> m_heap;
    IdRing m_ring;
    std::vector<qint64> m_far;
    struct Arrival
    {
        qint64 id;
        qint64 arrivalNs;
    };
    std::deque<Arrival> m_arrivals;

    // Batch mode: everything held since the last flush.
    std::vector<Entry> m_held;
    std::unordered_set<qint64> m_heldIds;

    // Ids given up as gaps and not (yet) arrived late; below m_base is the region before the start.
    IntervalSet m_givenUp;
    quint64 m_lateInGaps = 0;
    bool m_ringAnchored = false;
};
