#include "distanceband.h"

#include <algorithm>

void DistanceBand::clear()
{
    m_buckets.clear();
    m_width = 1;
}

void DistanceBand::add(quint64 arrival, qint64 distance)
{
    std::size_t index = std::size_t(arrival / m_width);
    while (index >= MaxBuckets) {
        const std::size_t n = m_buckets.size();
        for (std::size_t i = 0; i < (n + 1) / 2; ++i) {
            Bucket merged = m_buckets[2 * i];
            if (2 * i + 1 < n && m_buckets[2 * i + 1].used) {
                const Bucket &b = m_buckets[2 * i + 1];
                merged.lo = merged.used ? std::min(merged.lo, b.lo) : b.lo;
                merged.hi = merged.used ? std::max(merged.hi, b.hi) : b.hi;
                merged.used = true;
            }
            m_buckets[i] = merged;
        }
        m_buckets.resize((n + 1) / 2);
        m_width *= 2;
        index = std::size_t(arrival / m_width);
    }
    if (index >= m_buckets.size())
        m_buckets.resize(index + 1);
    Bucket &b = m_buckets[index];
    b.lo = b.used ? std::min(b.lo, distance) : distance;
    b.hi = b.used ? std::max(b.hi, distance) : distance;
    b.used = true;
}

void DistanceBand::restore(quint64 width, std::vector<Bucket> buckets)
{
    m_width = std::max<quint64>(width, 1);
    m_buckets = std::move(buckets);
}
