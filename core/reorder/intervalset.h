#pragma once

#include <QList>
#include <QPair>
#include <QtGlobal>

#include <cstddef>
#include <map>

/*!
    A set of 64-bit ids stored as disjoint closed intervals. Appending the next id after the
    highest one is O(1), so a mostly increasing sequence costs one interval per hole.

    Memory is bounded: past maxIntervals() the lowest interval is forgotten and floor() rises
    above it; ids below floor() are unknown (neither in nor out). Not thread-safe.
*/
class IntervalSet final
{
public:
    explicit IntervalSet(std::size_t maxIntervals = 65536);

    void insert(qint64 lo, qint64 hi);
    void insert(qint64 id) { insert(id, id); }
    bool remove(qint64 id);
    bool contains(qint64 id) const;
    void clear();

    // Number of ids of the set in [lo, hi], saturating. Cheap when [lo, hi] is near the top.
    quint64 countIn(qint64 lo, qint64 hi) const;
    quint64 count() const { return m_count; }
    std::size_t intervalCount() const { return m_intervals.size(); }
    bool isEmpty() const { return m_intervals.empty(); }
    qint64 min() const { return m_intervals.begin()->first; }
    qint64 max() const { return m_intervals.rbegin()->second; }

    std::size_t maxIntervals() const { return m_maxIntervals; }
    // True when intervals were dropped to stay within maxIntervals(); ids below floor() unknown.
    bool hasForgotten() const { return m_forgotten; }
    qint64 floor() const { return m_floor; }

    // The first `limit` intervals, lowest first.
    QList<QPair<qint64, qint64>> intervals(std::size_t limit) const;

private:
    void add(qint64 lo, qint64 hi);
    void enforceLimit();

    std::map<qint64, qint64> m_intervals; // lo -> hi
    std::size_t m_maxIntervals;
    quint64 m_count = 0;
    qint64 m_floor;
    bool m_forgotten = false;
};
