#include "reorderbuffer.h"

#include "protocol/idmath.h"

#include <algorithm>

namespace {

// Ring capacity: twice the window covers every buffered id in a feed whose ids are contiguous;
// sparser feeds spill into the sorted "far" list. Capped to keep a huge W from costing memory.
quint64 ringCapacityFor(const ReorderConfig &config)
{
    if (config.mode == ReorderMode::Batch)
        return 64;
    const quint64 w = quint64(std::max<qint64>(config.window, 1));
    return std::min<quint64>(2 * (w + 1), quint64(1) << 21);
}

bool heapOrder(qint64 a, qint64 b)
{
    return a > b; // std::push_heap builds a max-heap; invert for a min-heap on id
}

} // namespace

ReorderBuffer::ReorderBuffer(const ReorderConfig &config)
    : m_config(config)
    , m_ring(ringCapacityFor(config))
{
    m_config.window = std::max<qint64>(m_config.window, 1);
    m_config.maxHoldNs = std::max<qint64>(m_config.maxHoldNs, 0);
    if (m_config.startId) {
        startAt(*m_config.startId);
        m_ring.reset(m_next);
        m_ringAnchored = true;
    }
}

std::size_t ReorderBuffer::size() const
{
    return m_config.mode == ReorderMode::Batch ? m_held.size() : m_heap.size();
}

std::optional<qint64> ReorderBuffer::nextExpected() const
{
    if (!known() || m_pastEnd)
        return std::nullopt;
    return m_next;
}

PushResult ReorderBuffer::push(qint64 id, quint32 slot, qint64 nowNs,
                               std::vector<ReleasedMessage> &released)
{
    m_lastNeed = 0;
    if (known() && belowNext(id))
        return classifyBelowNext(id);
    if (isBuffered(id)) {
        ++m_stats.duplicates;
        return PushResult::Duplicate;
    }

    const Entry entry {id, slot, m_sequence++, nowNs};
    ++m_stats.buffered;
    noteFirstArrival(id);

    if (m_config.mode == ReorderMode::Batch) {
        m_heldIds.insert(id);
        m_held.push_back(entry);
        m_stats.peakSize = std::max<quint64>(m_stats.peakSize, m_held.size());
        return PushResult::Buffered;
    }

    if (!m_ringAnchored) {
        // Warm-up: centre the ring on the first id; the learned start rebuilds it.
        m_ring.reset(IdMath::clampedSub(id, m_ring.capacity() / 2));
        m_ringAnchored = true;
    }
    noteArrival(id);

    if (known() && id == m_next && m_heap.empty()) {
        // Contiguous input: the next expected id leaves at once, without touching the heap.
        output(entry, released);
        advancePast(id);
        return PushResult::Buffered;
    }

    insert(entry);
    if (!known()) {
        if (m_heap.size() < quint64(m_config.window))
            return PushResult::Buffered;
        learnNextExpected(released);
    } else {
        releaseContiguous(released);
    }
    while (m_heap.size() > quint64(m_config.window)) {
        giveUpUntilTop(released);
        ++m_stats.windowReleases;
    }
    if (m_config.maxHoldNs > 0 && m_arrivals.size() > 2 * m_heap.size() + 1024) {
        // Drop arrivals already released so the queue stays O(W).
        m_arrivals.erase(std::remove_if(m_arrivals.begin(), m_arrivals.end(),
                                        [this](const Arrival &a) { return !isBuffered(a.id); }),
                         m_arrivals.end());
    }
    return PushResult::Buffered;
}

PushResult ReorderBuffer::classifyBelowNext(qint64 id)
{
    if (id < *m_base)
        return classifyBelowStart(id);
    if (m_givenUp.contains(id)) {
        // The ids above it that arrived (released, late, buffered) all had to wait for it. The
        // gaps above a remembered gap are all remembered: the count is exact.
        const qint64 top = m_pastEnd ? IdMath::MaxId : m_next - 1;
        quint64 above = 0;
        if (id < top)
            above = IdMath::spanCount(id + 1, top) - m_givenUp.countIn(id + 1, top);
        ++m_stats.late;
        noteGreaterBefore(IdMath::saturatingAdd(above, size()));
        m_givenUp.remove(id);
        ++m_lateInGaps;
        return PushResult::Late;
    }
    // Released, arrived late already, or a gap older than the remembered ones: a repeat either
    // way as far as can be known, and a released id must never count as late.
    ++m_stats.duplicates;
    if (m_givenUp.hasForgotten() && id < m_givenUp.floor())
        ++m_stats.uncertainDuplicates;
    return PushResult::Duplicate;
}

PushResult ReorderBuffer::classifyBelowStart(qint64 id)
{
    // Nothing below the start was ever released: the first arrival is late, a repeat is not.
    if (m_arrivedBelowStart.contains(id)) {
        ++m_stats.duplicates;
        return PushResult::Duplicate;
    }
    ++m_stats.late;
    if (!m_config.startId) {
        // A larger window would have learned a lower start. What arrived above it waited: every
        // id at or above the start that arrived, and the ids below it that came late already.
        noteFirstArrival(id);
        quint64 above = IdMath::saturatingAdd(m_stats.released, m_lateInGaps);
        above = IdMath::saturatingAdd(above, size());
        if (id < *m_base - 1)
            above = IdMath::saturatingAdd(above, m_arrivedBelowStart.countIn(id + 1, *m_base - 1));
        noteGreaterBefore(above);
    }
    m_arrivedBelowStart.insert(id);
    return PushResult::Late;
}

void ReorderBuffer::noteFirstArrival(qint64 id)
{
    if (m_config.startId)
        return;
    // Smaller than every id so far: any window below its arrival position would have learned
    // a start above it from the messages before it.
    if (!m_leastArrived || id < *m_leastArrived) {
        m_leastArrived = id;
        noteGreaterBefore(m_stats.buffered + m_stats.late);
    }
}

void ReorderBuffer::noteArrival(qint64 id)
{
    // The ids greater than `id` that arrived before it are exactly the buffered ones above it:
    // anything released is below the next expected id, which is at most `id`.
    const quint64 held = m_heap.size();
    if (held <= m_stats.maxHeld && !m_config.trackNeeds)
        return;
    const quint64 below = m_ring.countBelow(id) + m_far.countBelow(id);
    noteGreaterBefore(held - below);
}

bool ReorderBuffer::isBuffered(qint64 id) const
{
    if (m_config.mode == ReorderMode::Batch)
        return m_heldIds.count(id) != 0;
    if (m_ringAnchored && m_ring.inRange(id))
        return m_ring.test(id);
    return m_far.contains(id);
}

void ReorderBuffer::insert(const Entry &entry)
{
    m_heap.push_back(entry);
    std::push_heap(m_heap.begin(), m_heap.end(),
                   [](const Entry &a, const Entry &b) { return heapOrder(a.id, b.id); });
    if (m_ring.inRange(entry.id))
        m_ring.set(entry.id);
    else
        m_far.insert(entry.id);
    if (m_config.maxHoldNs > 0)
        m_arrivals.push_back({entry.id, entry.arrivalNs});
    m_stats.peakSize = std::max<quint64>(m_stats.peakSize, m_heap.size());
}

ReorderBuffer::Entry ReorderBuffer::popTop()
{
    std::pop_heap(m_heap.begin(), m_heap.end(),
                  [](const Entry &a, const Entry &b) { return heapOrder(a.id, b.id); });
    const Entry entry = m_heap.back();
    m_heap.pop_back();
    if (m_ring.inRange(entry.id))
        m_ring.clear(entry.id);
    else
        m_far.erase(entry.id);
    return entry;
}

void ReorderBuffer::output(const Entry &entry, std::vector<ReleasedMessage> &released)
{
    released.push_back({entry.id, entry.slot, entry.sequence, entry.arrivalNs});
    ++m_stats.released;
}

void ReorderBuffer::startAt(qint64 first)
{
    m_next = first;
    m_base = first; // below it: late if it comes (classifyBelowStart)
}

void ReorderBuffer::learnNextExpected(std::vector<ReleasedMessage> &released)
{
    startAt(m_heap.front().id);
    rebuildRing(m_next);
    releaseContiguous(released);
}

void ReorderBuffer::advancePast(qint64 id)
{
    if (id == IdMath::MaxId) {
        m_pastEnd = true;
        return;
    }
    m_next = id + 1;
    if (m_config.mode == ReorderMode::Stream) {
        m_ring.setLow(m_next);
        migrateFar();
    }
}

void ReorderBuffer::releaseContiguous(std::vector<ReleasedMessage> &released)
{
    while (!m_heap.empty() && !m_pastEnd && m_heap.front().id == m_next) {
        const Entry entry = popTop();
        output(entry, released);
        advancePast(entry.id);
    }
}

void ReorderBuffer::giveUpUntilTop(std::vector<ReleasedMessage> &released)
{
    const qint64 top = m_heap.front().id; // > m_next: the ids between are missing
    m_givenUp.insert(m_next, top - 1);
    m_stats.missingIds =
        IdMath::saturatingAdd(m_stats.missingIds, IdMath::spanCount(m_next, top - 1));
    ++m_stats.gapRanges;
    m_next = top;
    m_ring.setLow(m_next);
    migrateFar();
    releaseContiguous(released);
}

void ReorderBuffer::migrateFar()
{
    // Far ids that the ring's range now reaches move into it, lowest first.
    while (!m_far.isEmpty() && m_far.first() < m_ring.high()) {
        const qint64 id = m_far.first();
        m_ring.set(id);
        m_far.erase(id);
    }
}

void ReorderBuffer::rebuildRing(qint64 low)
{
    m_ring.reset(low);
    m_far.clear();
    for (const Entry &entry : m_heap) {
        if (m_ring.inRange(entry.id))
            m_ring.set(entry.id);
        else
            m_far.insert(entry.id);
    }
}

void ReorderBuffer::expire(qint64 nowNs, std::vector<ReleasedMessage> &released)
{
    if (m_config.mode != ReorderMode::Stream || m_config.maxHoldNs == 0)
        return;
    while (!m_arrivals.empty()) {
        const Arrival oldest = m_arrivals.front();
        if (!isBuffered(oldest.id)) {
            m_arrivals.pop_front();
            continue;
        }
        if (nowNs - oldest.arrivalNs < m_config.maxHoldNs)
            break;
        if (!known()) {
            learnNextExpected(released);
            continue;
        }
        while (isBuffered(oldest.id)) {
            if (m_heap.front().id == m_next) {
                releaseContiguous(released);
            } else {
                giveUpUntilTop(released);
                ++m_stats.holdReleases;
            }
        }
    }
}

std::optional<qint64> ReorderBuffer::nextDeadlineNs()
{
    if (m_config.mode != ReorderMode::Stream || m_config.maxHoldNs == 0)
        return std::nullopt;
    while (!m_arrivals.empty() && !isBuffered(m_arrivals.front().id))
        m_arrivals.pop_front();
    if (m_arrivals.empty())
        return std::nullopt;
    return m_arrivals.front().arrivalNs + m_config.maxHoldNs;
}

void ReorderBuffer::flush(std::vector<ReleasedMessage> &released)
{
    if (m_config.mode == ReorderMode::Batch) {
        flushBatch(released);
        return;
    }
    if (m_heap.empty())
        return;
    if (!known())
        learnNextExpected(released);
    while (!m_heap.empty()) {
        if (m_heap.front().id == m_next)
            releaseContiguous(released);
        else
            giveUpUntilTop(released);
    }
    m_arrivals.clear();
}

void ReorderBuffer::flushBatch(std::vector<ReleasedMessage> &released)
{
    if (m_held.empty())
        return;
    std::sort(m_held.begin(), m_held.end(),
              [](const Entry &a, const Entry &b) { return a.id < b.id; });

    // Recommended window, offline: for each id, how many larger ids arrived before it. Walk the
    // ids from the largest down with a Fenwick tree over arrival sequence numbers.
    const quint64 firstSequence = m_sequence - m_held.size();
    std::vector<quint32> tree(m_held.size() + 1, 0);
    for (auto it = m_held.rbegin(); it != m_held.rend(); ++it) {
        const quint64 position = it->sequence - firstSequence;
        quint64 earlierAndLarger = 0;
        for (quint64 i = position; i > 0; i -= i & (~i + 1))
            earlierAndLarger += tree[i];
        m_stats.maxHeld = std::max(m_stats.maxHeld, earlierAndLarger);
        for (quint64 i = position + 1; i <= m_held.size(); i += i & (~i + 1))
            ++tree[i];
    }

    if (!known())
        startAt(m_held.front().id);
    for (const Entry &entry : m_held) {
        if (entry.id > m_next) {
            m_givenUp.insert(m_next, entry.id - 1);
            m_stats.missingIds =
                IdMath::saturatingAdd(m_stats.missingIds, IdMath::spanCount(m_next, entry.id - 1));
            ++m_stats.gapRanges;
        }
        output(entry, released);
        advancePast(entry.id);
    }
    m_held.clear();
    m_heldIds.clear();
}

QList<QPair<qint64, qint64>> ReorderBuffer::lostRanges(std::size_t limit) const
{
    return m_givenUp.intervals(limit);
}

quint64 ReorderBuffer::lostIds() const
{
    return m_stats.missingIds - std::min(m_stats.missingIds, m_lateInGaps);
}
