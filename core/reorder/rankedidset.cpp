#include "rankedidset.h"

#include <algorithm>
#include <iterator>

std::size_t RankedIdSet::blockFor(qint64 id) const
{
    const auto after = std::upper_bound(m_fronts.begin(), m_fronts.end(), id);
    return after == m_fronts.begin() ? 0 : std::size_t(after - m_fronts.begin()) - 1;
}

bool RankedIdSet::contains(qint64 id) const
{
    if (m_blocks.empty())
        return false;
    const std::vector<qint64> &block = m_blocks[blockFor(id)];
    return std::binary_search(block.begin(), block.end(), id);
}

void RankedIdSet::insert(qint64 id)
{
    ++m_size;
    if (m_blocks.empty()) {
        m_blocks.push_back({id});
        m_fronts.push_back(id);
        rebuildIndex();
        return;
    }
    const std::size_t b = blockFor(id);
    std::vector<qint64> &block = m_blocks[b];
    block.insert(std::lower_bound(block.begin(), block.end(), id), id);
    m_fronts[b] = block.front();
    if (block.size() <= MaxBlock) {
        addToCount(b, 1);
        return;
    }
    // Split in halves: both have room for MaxBlock / 2 more before the next split.
    std::vector<qint64> upper(block.begin() + qint64(block.size() / 2), block.end());
    block.resize(block.size() / 2);
    m_fronts.insert(m_fronts.begin() + qint64(b) + 1, upper.front());
    m_blocks.insert(m_blocks.begin() + qint64(b) + 1, std::move(upper));
    rebuildIndex();
}

bool RankedIdSet::erase(qint64 id)
{
    if (m_blocks.empty())
        return false;
    const std::size_t b = blockFor(id);
    std::vector<qint64> &block = m_blocks[b];
    const auto it = std::lower_bound(block.begin(), block.end(), id);
    if (it == block.end() || *it != id)
        return false;
    block.erase(it);
    --m_size;
    if (block.empty()) {
        m_blocks.erase(m_blocks.begin() + qint64(b));
        m_fronts.erase(m_fronts.begin() + qint64(b));
        rebuildIndex();
    } else {
        m_fronts[b] = block.front();
        addToCount(b, -1);
    }
    return true;
}

void RankedIdSet::clear()
{
    m_blocks.clear();
    m_fronts.clear();
    m_counts.clear();
    if (m_blocks.capacity() > 1024) {
        m_blocks.shrink_to_fit();
        m_fronts.shrink_to_fit();
        m_counts.shrink_to_fit();
    }
    m_size = 0;
}

quint64 RankedIdSet::countBelow(qint64 id) const
{
    if (m_blocks.empty())
        return 0;
    const std::size_t b = blockFor(id);
    quint64 total = 0;
    for (std::size_t i = b; i > 0; i -= i & (~i + 1))
        total += m_counts[i];
    const std::vector<qint64> &block = m_blocks[b];
    return total + quint64(std::lower_bound(block.begin(), block.end(), id) - block.begin());
}

void RankedIdSet::rebuildIndex()
{
    // Fenwick construction in O(blocks): each node passes its sum to its parent.
    const std::size_t n = m_blocks.size();
    m_counts.assign(n + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        m_counts[i] += m_blocks[i - 1].size();
        const std::size_t parent = i + (i & (~i + 1));
        if (parent <= n)
            m_counts[parent] += m_counts[i];
    }
}

void RankedIdSet::addToCount(std::size_t block, qint64 delta)
{
    for (std::size_t i = block + 1; i < m_counts.size(); i += i & (~i + 1))
        m_counts[i] += quint64(delta);
}
