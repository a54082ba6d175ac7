#include "intervalset.h"

#include "protocol/idmath.h"

#include <algorithm>
#include <iterator>

IntervalSet::IntervalSet(std::size_t maxIntervals)
    : m_maxIntervals(std::max<std::size_t>(maxIntervals, 1))
    , m_floor(IdMath::MinId)
{ }

void IntervalSet::clear()
{
    m_intervals.clear();
    m_count = 0;
    m_floor = IdMath::MinId;
    m_forgotten = false;
}

void IntervalSet::add(qint64 lo, qint64 hi)
{
    m_intervals.emplace_hint(m_intervals.end(), lo, hi);
    m_count = IdMath::saturatingAdd(m_count, IdMath::spanCount(lo, hi));
}

void IntervalSet::insert(qint64 lo, qint64 hi)
{
    if (hi < lo)
        return;
    if (m_forgotten && hi < m_floor)
        return;
    lo = std::max(lo, m_floor);

    // Fast paths for a growing sequence: extend or follow the highest interval.
    if (m_intervals.empty() || lo > m_intervals.rbegin()->second) {
        auto last = m_intervals.empty() ? m_intervals.end() : std::prev(m_intervals.end());
        if (last != m_intervals.end() && last->second + 1 == lo) {
            last->second = hi;
            m_count = IdMath::saturatingAdd(m_count, IdMath::spanCount(lo, hi));
        } else {
            add(lo, hi);
            enforceLimit();
        }
        return;
    }

    // General case: merge every interval that overlaps or touches [lo, hi].
    auto it = m_intervals.upper_bound(lo);
    if (it != m_intervals.begin()) {
        auto prev = std::prev(it);
        if (prev->second == IdMath::MaxId || prev->second + 1 >= lo)
            it = prev;
    }
    qint64 newLo = lo;
    qint64 newHi = hi;
    while (it != m_intervals.end() && (hi == IdMath::MaxId || it->first <= hi + 1)) {
        newLo = std::min(newLo, it->first);
        newHi = std::max(newHi, it->second);
        m_count -= IdMath::spanCount(it->first, it->second);
        it = m_intervals.erase(it);
    }
    m_intervals.emplace(newLo, newHi);
    m_count = IdMath::saturatingAdd(m_count, IdMath::spanCount(newLo, newHi));
    enforceLimit();
}

bool IntervalSet::remove(qint64 id)
{
    auto it = m_intervals.upper_bound(id);
    if (it == m_intervals.begin())
        return false;
    --it;
    const qint64 lo = it->first;
    const qint64 hi = it->second;
    if (id > hi)
        return false;
    m_intervals.erase(it);
    if (m_count != IdMath::Saturated)
        --m_count;
    if (lo < id)
        m_intervals.emplace(lo, id - 1);
    if (id < hi)
        m_intervals.emplace(id + 1, hi);
    enforceLimit();
    return true;
}

bool IntervalSet::contains(qint64 id) const
{
    auto it = m_intervals.upper_bound(id);
    if (it == m_intervals.begin())
        return false;
    --it;
    return id <= it->second;
}

quint64 IntervalSet::countIn(qint64 lo, qint64 hi) const
{
    if (hi < lo || m_intervals.empty())
        return 0;
    quint64 total = 0;
    // Walk down from the highest interval that starts at or below hi.
    auto it = m_intervals.upper_bound(hi);
    while (it != m_intervals.begin()) {
        --it;
        if (it->second < lo)
            break;
        const qint64 a = std::max(it->first, lo);
        const qint64 b = std::min(it->second, hi);
        total = IdMath::saturatingAdd(total, IdMath::spanCount(a, b));
    }
    return total;
}

QList<QPair<qint64, qint64>> IntervalSet::intervals(std::size_t limit) const
{
    QList<QPair<qint64, qint64>> result;
    result.reserve(qsizetype(std::min(limit, m_intervals.size())));
    for (const auto &[lo, hi] : m_intervals) {
        if (std::size_t(result.size()) >= limit)
            break;
        result.append({lo, hi});
    }
    return result;
}

void IntervalSet::enforceLimit()
{
    while (m_intervals.size() > m_maxIntervals) {
        auto first = m_intervals.begin();
        m_count -= IdMath::spanCount(first->first, first->second);
        m_floor = first->second == IdMath::MaxId ? IdMath::MaxId : first->second + 1;
        m_forgotten = true;
        m_intervals.erase(first);
    }
}
