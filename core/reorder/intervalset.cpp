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
    m_floor = IdMath::MinId;
    m_forgotten = false;
}

void IntervalSet::insert(qint64 lo, qint64 hi)
{
    if (hi < lo)
        return;
    if (m_forgotten && hi < m_floor)
        return;
    lo = std::max(lo, m_floor);

    // Fast paths for a growing sequence: extend or follow the highest interval.
    const OrderTree::Node *last = m_tree.last();
    if (!last || lo > last->value) {
        if (last && last->value + 1 == lo) {
            m_tree.update(last->key, hi, IdMath::spanCount(last->key, hi));
        } else {
            m_tree.insert(lo, hi, IdMath::spanCount(lo, hi));
            enforceLimit();
        }
        return;
    }

    // General case: merge every interval that overlaps or touches [lo, hi].
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
    enforceLimit();
}

bool IntervalSet::remove(qint64 id)
{
    const OrderTree::Node *node = m_tree.floor(id);
    if (!node || id > node->value)
        return false;
    const qint64 lo = node->key;
    const qint64 hi = node->value;
    if (lo < id)
        m_tree.update(lo, id - 1, IdMath::spanCount(lo, id - 1));
    else
        m_tree.erase(lo);
    if (id < hi)
        m_tree.insert(id + 1, hi, IdMath::spanCount(id + 1, hi));
    enforceLimit();
    return true;
}

bool IntervalSet::contains(qint64 id) const
{
    const OrderTree::Node *node = m_tree.floor(id);
    return node && id <= node->value;
}

quint64 IntervalSet::countUpTo(qint64 id) const
{
    const OrderTree::Node *node = m_tree.floor(id);
    if (!node)
        return 0;
    return IdMath::saturatingAdd(m_tree.weightBelow(node->key),
                                 IdMath::spanCount(node->key, std::min(node->value, id)));
}

quint64 IntervalSet::countIn(qint64 lo, qint64 hi) const
{
    if (hi < lo || m_tree.isEmpty())
        return 0;
    const quint64 below = lo == IdMath::MinId ? 0 : countUpTo(lo - 1);
    const quint64 upTo = countUpTo(hi);
    return upTo - std::min(upTo, below);
}

QList<QPair<qint64, qint64>> IntervalSet::intervals(std::size_t limit) const
{
    QList<QPair<qint64, qint64>> result;
    result.reserve(qsizetype(std::min(limit, m_tree.size())));
    m_tree.forEach([&](const OrderTree::Node &n) {
        if (std::size_t(result.size()) >= limit)
            return false;
        result.append({n.key, n.value});
        return true;
    });
    return result;
}

void IntervalSet::enforceLimit()
{
    while (m_tree.size() > m_maxIntervals) {
        const OrderTree::Node *first = m_tree.first();
        m_floor = first->value == IdMath::MaxId ? IdMath::MaxId : first->value + 1;
        m_forgotten = true;
        m_tree.erase(first->key);
    }
}
