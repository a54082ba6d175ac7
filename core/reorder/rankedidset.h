#pragma once

#include <QtGlobal>

#include <cstddef>
#include <vector>

/*!
    A set of distinct 64-bit ids in order that also counts the ids below a given one: sorted
    blocks of at most MaxBlock ids, found by binary search over each block's first id, with a
    Fenwick tree over the block sizes for the counts. Lookup, insertion, removal and counting
    cost O(log n + MaxBlock) (a block's ids are contiguous: the MaxBlock part is one memmove or
    a binary search in cache); splitting a full block or dropping an empty one rebuilds the
    block index, O(n / MaxBlock), once per MaxBlock / 2 changes at least.

    ReorderBuffer keeps its buffered ids that lie beyond its IdRing here: with widely spaced
    ids that can be all of them, up to the window. Not thread-safe.
*/
class RankedIdSet final
{
public:
    static constexpr std::size_t MaxBlock = 512;

    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    bool contains(qint64 id) const;
    // `id` must not be present.
    void insert(qint64 id);
    bool erase(qint64 id);
    void clear();
    // The smallest id; the set must not be empty.
    qint64 first() const { return m_blocks.front().front(); }
    // Number of ids below `id`.
    quint64 countBelow(qint64 id) const;

private:
    // The block whose range holds `id`: the last one starting at or below it, else the first.
    std::size_t blockFor(qint64 id) const;
    void rebuildIndex();
    void addToCount(std::size_t block, qint64 delta);

    std::vector<std::vector<qint64>> m_blocks; // ascending, none empty
    std::vector<qint64> m_fronts; // each block's first id
    std::vector<quint64> m_counts; // Fenwick tree over block sizes, 1-based
    std::size_t m_size = 0;
};
