#pragma once

#include "ordertree.h"

#include <QList>
#include <QPair>
#include <QtGlobal>

#include <cstddef>

/*!
    A set of 64-bit ids stored as disjoint closed intervals, in an OrderTree keyed by each
    interval's first id and weighted by its span, so membership, insertion, removal of one id
    and counting the ids in a range are all O(log n) in the number of intervals. The highest
    interval is kept apart, so a growing sequence (the next id after the highest) costs O(1).

    Memory is bounded: past maxIntervals() the lowest interval is forgotten and floor() rises
    above it; ids below floor() are unknown (contains() says no). Not thread-safe.
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

    // Number of ids of the set in [lo, hi] (saturating; exact unless the set holds nearly
    // every 64-bit id).
    quint64 countIn(qint64 lo, qint64 hi) const;
    quint64 count() const;
    std::size_t intervalCount() const { return m_tree.size() + (m_hasTop ? 1 : 0); }
    bool isEmpty() const { return !m_hasTop; }
    qint64 min() const { return m_tree.isEmpty() ? m_topLo : m_tree.first()->key; }
    qint64 max() const { return m_topHi; }

    std::size_t maxIntervals() const { return m_maxIntervals; }
    // True when intervals were dropped to stay within maxIntervals(); ids below floor() unknown.
    bool hasForgotten() const { return m_forgotten; }
    qint64 floor() const { return m_floor; }

    // The first `limit` intervals, lowest first.
    QList<QPair<qint64, qint64>> intervals(std::size_t limit) const;

private:
    // Ids of the set at or below `id`.
    quint64 countUpTo(qint64 id) const;
    void enforceLimit();
    // The highest interval into the tree, and back out: the general operations work on the
    // tree alone in between.
    void sinkTop();
    void liftTop();

    OrderTree m_tree; // every interval but the highest; key: first id, value: last, weight: span
    bool m_hasTop = false; // the highest interval, when the set is not empty
    qint64 m_topLo = 0;
    qint64 m_topHi = 0;
    std::size_t m_maxIntervals;
    qint64 m_floor;
    bool m_forgotten = false;
};
