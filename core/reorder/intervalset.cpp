#include "intervalset.h"

#include "protocol/idmath.h"

#include <algorithm>

IntervalSet::IntervalSet(std::size_t maxIntervals)
    : m_maxIntervals(std::max<std::size_t>(maxIntervals, 1))
    , m_floor(IdMath::MinId)
{ }

void IntervalSet::clear()
{
    m_tree.clear();
    m_hasTop = false;
    m_floor = IdMath::MinId;
    m_forgotten = false;
}

quint64 IntervalSet::count() const
{
    if (!m_hasTop)
        return 0;
    return IdMath::saturatingAdd(m_tree.totalWeight(), IdMath::spanCount(m_topLo, m_topHi));
}

void IntervalSet::sinkTop()
{
    if (m_hasTop)
        m_tree.insert(m_topLo, m_topHi, IdMath::spanCount(m_topLo, m_topHi));
    m_hasTop = false;
}

void IntervalSet::liftTop()
{
    if (const OrderTree::Node *last = m_tree.last()) {
        m_topLo = last->key;
        m_topHi = last->value;
        m_hasTop = true;
        m_tree.erase(m_topLo);
    }
}

void IntervalSet::insert(qint64 lo, qint64 hi)
{
    if (hi < lo)
        return;
    if (m_forgotten && hi < m_floor)
        return;
    lo = std::max(lo, m_floor);

    // Fast paths for a growing sequence: extend or follow the highest interval.
    if (!m_hasTop || lo > m_topHi) {
        if (m_hasTop && m_topHi + 1 == lo) {
            m_topHi = hi;
        } else {
            sinkTop();
            m_topLo = lo;
            m_topHi = hi;
            m_hasTop = true;
            enforceLimit();
        }
        return;
    }

    // General case: merge every interval that overlaps or touches [lo, hi].
    sinkTop();
    qint64 newLo = lo;
    qint64 newHi = hi;
    if (const OrderTree::Node *before = m_tree.floor(lo);
        before && (before->value == IdMath::MaxId || before->value + 1 >= lo)) {
        newLo = before->key;
        newHi = std::max(newHi, before->value);
        m_tree.erase(before->key);
    }
    for (;;) {
        const OrderTree::Node *next = m_tree.ceiling(newLo);
        if (!next || (newHi != IdMath::MaxId && next->key > newHi + 1))
            break;
        newHi = std::max(newHi, next->value);
        m_tree.erase(next->key);
    }
    m_tree.insert(newLo, newHi, IdMath::spanCount(newLo, newHi));
    liftTop();
    enforceLimit();
}

bool IntervalSet::remove(qint64 id)
{
    if (!contains(id))
        return false;
    sinkTop();
    const OrderTree::Node *node = m_tree.floor(id);
    const qint64 lo = node->key;
    const qint64 hi = node->value;
    if (lo < id)
        m_tree.update(lo, id - 1, IdMath::spanCount(lo, id - 1));
    else
        m_tree.erase(lo);
    if (id < hi)
        m_tree.insert(id + 1, hi, IdMath::spanCount(id + 1, hi));
    liftTop();
    enforceLimit();
    return true;
}

bool IntervalSet::contains(qint64 id) const
{
    if (m_hasTop && id >= m_topLo)
        return id <= m_topHi;
    const OrderTree::Node *node = m_tree.floor(id);
    return node && id <= node->value;
}

quint64 IntervalSet::countUpTo(qint64 id) const
{
    if (m_hasTop && id >= m_topLo) {
        return IdMath::saturatingAdd(m_tree.totalWeight(),
                                     IdMath::spanCount(m_topLo, std::min(m_topHi, id)));
    }
    const OrderTree::Node *node = m_tree.floor(id);
    if (!node)
        return 0;
    return IdMath::saturatingAdd(m_tree.weightBelow(node->key),
                                 IdMath::spanCount(node->key, std::min(node->value, id)));
}

quint64 IntervalSet::countIn(qint64 lo, qint64 hi) const
{
    if (hi < lo || !m_hasTop)
        return 0;
    const quint64 below = lo == IdMath::MinId ? 0 : countUpTo(lo - 1);
    const quint64 upTo = countUpTo(hi);
    return upTo - std::min(upTo, below);
}

QList<QPair<qint64, qint64>> IntervalSet::intervals(std::size_t limit) const
{
    QList<QPair<qint64, qint64>> result;
    result.reserve(qsizetype(std::min(limit, intervalCount())));
    m_tree.forEach([&](const OrderTree::Node &n) {
        if (std::size_t(result.size()) >= limit)
            return false;
        result.append({n.key, n.value});
        return true;
    });
    if (m_hasTop && std::size_t(result.size()) < limit)
        result.append({m_topLo, m_topHi});
    return result;
}

void IntervalSet::enforceLimit()
{
    // The highest interval is never the one dropped: maxIntervals() is at least 1.
    while (intervalCount() > m_maxIntervals) {
        const OrderTree::Node *first = m_tree.first();
        m_floor = first->value == IdMath::MaxId ? IdMath::MaxId : first->value + 1;
        m_forgotten = true;
        m_tree.erase(first->key);
    }
}
