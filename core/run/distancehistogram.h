#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <limits>

/*!
    Counts of |distance| in powers of two: bucket 0 holds 0, bucket b > 0 holds
    2^(b-1) .. 2^b - 1. O(1) per message; shared by the histogram and the distance chart (whose
    y-axis it scales, robust to a few outliers).
*/
class DistanceHistogram final
{
public:
    static constexpr int Buckets = 64;

    void clear()
    {
        m_counts.fill(0);
        m_total = 0;
        m_max = 0;
    }
    void add(qint64 distance)
    {
        const qint64 magnitude = distance < 0 ? -distance : distance;
        ++m_counts[std::size_t(bucketOf(magnitude))];
        ++m_total;
        m_max = std::max(m_max, magnitude);
    }
    quint64 count(int bucket) const { return m_counts[std::size_t(bucket)]; }
    // Rebuilds the counts from stored ones (a past run's digest).
    void restore(const std::array<quint64, Buckets> &counts, qint64 largest)
    {
        m_counts = counts;
        m_total = 0;
        for (quint64 c : counts)
            m_total += c;
        m_max = largest;
    }
    quint64 total() const { return m_total; }
    qint64 largest() const { return m_max; }
    // Buckets up to the last one used (at least `least`).
    int used(int least) const
    {
        int n = least;
        for (int b = 0; b < Buckets; ++b) {
            if (m_counts[std::size_t(b)] > 0)
                n = std::max(n, b + 1);
        }
        return n;
    }

    // The largest |distance| worth a scale: the largest one, unless the top buckets hold only a
    // handful of messages (at most one in 10,000, and at least one), which are left off.
    qint64 robustLargest() const
    {
        const quint64 outliers = std::max<quint64>(1, m_total / 10000);
        quint64 dropped = 0;
        for (int b = Buckets - 1; b > 0; --b) {
            const quint64 c = m_counts[std::size_t(b)];
            if (c == 0)
                continue;
            if (dropped + c > outliers)
                return dropped == 0 ? m_max : upperEdge(b);
            dropped += c;
        }
        return dropped == 0 ? m_max : 0;
    }

    static int bucketOf(qint64 magnitude)
    {
        if (magnitude <= 0)
            return 0;
        return std::min(Buckets - 1, 64 - __builtin_clzll(quint64(magnitude)));
    }
    static qint64 lowerEdge(int bucket) { return bucket == 0 ? 0 : qint64(1) << (bucket - 1); }
    static qint64 upperEdge(int bucket)
    {
        return bucket == 0 ? 0
            : bucket >= 63 ? std::numeric_limits<qint64>::max()
                           : (qint64(1) << bucket) - 1;
    }

private:
    std::array<quint64, Buckets> m_counts {};
    quint64 m_total = 0;
    qint64 m_max = 0;
};
