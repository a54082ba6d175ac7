#pragma once

#include <QtGlobal>

#include <vector>

/*!
    Presence of ids in a sliding range [low(), low() + capacity()), with O(1) membership and
    O(log capacity) counting. Ids map to slots by their low bits, so moving low() forward costs
    nothing as long as the ids being left behind were removed first.

    Used by ReorderBuffer to detect duplicates among buffered ids and to count how many buffered
    ids lie below a given id. Not thread-safe.
*/
class IdRing final
{
public:
    // capacity is rounded up to a power of two.
    explicit IdRing(quint64 capacity);

    quint64 capacity() const { return m_capacity; }
    qint64 low() const { return m_low; }
    // One past the highest id the ring can hold, clamped at the top of the id range.
    qint64 high() const { return m_high; }
    bool inRange(qint64 id) const { return id >= m_low && id < m_high; }

    // Moves the range; the caller guarantees that no present id falls outside the new range.
    void setLow(qint64 low);
    void reset(qint64 low);

    bool test(qint64 id) const
    {
        const quint64 slot = quint64(id) & m_mask;
        return (m_bits[slot >> 6] >> (slot & 63)) & 1U;
    }
    void set(qint64 id);
    void clear(qint64 id);
    // Number of present ids in [low(), id), for id in range (or == high()).
    quint64 countBelow(qint64 id) const;
    quint64 size() const { return m_size; }

private:
    void add(quint64 slot, int delta);
    quint64 prefix(quint64 slotEnd) const; // present slots in [0, slotEnd)

    quint64 m_capacity;
    quint64 m_mask;
    qint64 m_low = 0;
    qint64 m_high = 0;
    quint64 m_size = 0;
    std::vector<quint64> m_bits;
    std::vector<qint32> m_tree; // Fenwick tree over slots, 1-based
};
