#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

int LatencyHistogram::bucketOf(quint64 v)
{
    if (v < quint64(Linear))
        return int(v);
    const int exponent = 63 - __builtin_clzll(v); // >= SubBits + 1
    const int mantissa = int((v >> (exponent - SubBits)) & ((1U << SubBits) - 1));
    return Linear + (exponent - SubBits - 1) * (1 << SubBits) + mantissa;
}

quint64 LatencyHistogram::bucketLow(int index)
{
    if (index < Linear)
        return quint64(index);
    const int exponent = (index - Linear) / (1 << SubBits) + SubBits + 1;
    const quint64 mantissa = quint64((index - Linear) % (1 << SubBits));
    return ((quint64(1) << SubBits) + mantissa) << (exponent - SubBits);
}

quint64 LatencyHistogram::bucketHigh(int index)
{
    if (index < Linear)
        return quint64(index);
    const int exponent = (index - Linear) / (1 << SubBits) + SubBits + 1;
    return bucketLow(index) + (quint64(1) << (exponent - SubBits)) - 1;
}

void LatencyHistogram::record(qint64 ns)
{
    ns = std::max<qint64>(ns, 0);
    ++m_buckets[std::size_t(bucketOf(quint64(ns)))];
    if (m_count == 0) {
        m_min = m_max = ns;
    } else {
        m_min = std::min(m_min, ns);
        m_max = std::max(m_max, ns);
    }
    ++m_count;
    m_sum += ns;
}

void LatencyHistogram::reset()
{
    *this = LatencyHistogram();
}

qint64 LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    p = std::clamp(p, 0.0, 100.0);
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(p / 100.0 * double(m_count))));
    if (rank >= m_count)
        return m_max; // the last sample is known exactly
    quint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_buckets[std::size_t(i)];
        if (seen >= rank) {
            const quint64 mid = bucketLow(i) + (bucketHigh(i) - bucketLow(i)) / 2;
            return std::clamp(qint64(mid), m_min, m_max);
        }
    }
    return m_max;
}
