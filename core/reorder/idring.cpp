#include "idring.h"

#include "protocol/idmath.h"

#include <algorithm>

namespace {

quint64 roundUpToPowerOfTwo(quint64 v)
{
    quint64 p = 64;
    while (p < v && p < (quint64(1) << 40))
        p <<= 1;
    return p;
}

} // namespace

IdRing::IdRing(quint64 capacity)
    : m_capacity(roundUpToPowerOfTwo(capacity))
    , m_mask(m_capacity - 1)
    , m_bits(m_capacity / 64, 0)
    , m_tree(m_capacity + 1, 0)
{
    setLow(0);
}

void IdRing::setLow(qint64 low)
{
    m_low = low;
    m_high = IdMath::clampedAdd(low, m_capacity);
}

void IdRing::reset(qint64 low)
{
    std::fill(m_bits.begin(), m_bits.end(), 0);
    std::fill(m_tree.begin(), m_tree.end(), 0);
    m_size = 0;
    setLow(low);
}

void IdRing::set(qint64 id)
{
    const quint64 slot = quint64(id) & m_mask;
    m_bits[slot >> 6] |= quint64(1) << (slot & 63);
    add(slot, 1);
    ++m_size;
}

void IdRing::clear(qint64 id)
{
    const quint64 slot = quint64(id) & m_mask;
    m_bits[slot >> 6] &= ~(quint64(1) << (slot & 63));
    add(slot, -1);
    --m_size;
}

void IdRing::add(quint64 slot, int delta)
{
    for (quint64 i = slot + 1; i <= m_capacity; i += i & (~i + 1))
        m_tree[i] += delta;
}

quint64 IdRing::prefix(quint64 slotEnd) const
{
    qint64 sum = 0;
    for (quint64 i = slotEnd; i > 0; i -= i & (~i + 1))
        sum += m_tree[i];
    return quint64(sum);
}

quint64 IdRing::countBelow(qint64 id) const
{
    if (id <= m_low)
        return 0;
    if (id >= m_high)
        return m_size;
    const quint64 from = quint64(m_low) & m_mask;
    const quint64 to = quint64(id) & m_mask; // exclusive
    if (from < to)
        return prefix(to) - prefix(from);
    // The range wraps around the end of the slot array.
    return (m_size - (prefix(from) - prefix(to)));
}
