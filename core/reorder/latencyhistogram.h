#pragma once

#include <QtGlobal>

#include <array>

/*!
    A log-linear histogram of non-negative durations in nanoseconds: exact below 256 ns, then
    128 buckets per power of two (under 0.8% relative error), in fixed memory (about 60 KB).
    Min, max and count are exact. Plain value type, not thread-safe.
*/
class LatencyHistogram final
{
public:
    void record(qint64 ns);
    void reset();

    quint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_count ? m_max : 0; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    // The value at percentile p (0..100), by nearest rank; 0 when empty.
    qint64 percentile(double p) const;

private:
    static constexpr int SubBits = 7;
    static constexpr int Linear = 1 << (SubBits + 1); // values below are exact
    static constexpr int BucketCount = Linear + (63 - SubBits) * (1 << SubBits);

    static int bucketOf(quint64 v);
    static quint64 bucketLow(int index);
    static quint64 bucketHigh(int index);

    std::array<quint64, BucketCount> m_buckets {};
    quint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    long double m_sum = 0;
};
