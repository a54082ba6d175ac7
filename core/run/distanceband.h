#pragma once

#include <QtGlobal>

#include <vector>

/*!
    The out-of-order distance against arrival, reduced to a band: for each bucket of arrivals
    the smallest and the largest distance of the messages sent. Buckets start one arrival wide
    and double (neighbours merged) past MaxBuckets, so a run of any length keeps a chart of the
    same size. Plain value type.
*/
class DistanceBand final
{
public:
    static constexpr std::size_t MaxBuckets = 2048;

    struct Bucket
    {
        qint64 lo = 0;
        qint64 hi = 0;
        bool used = false;
    };

    void clear();
    void add(quint64 arrival, qint64 distance);

    quint64 arrivalsPerBucket() const { return m_width; }
    const std::vector<Bucket> &buckets() const { return m_buckets; }
    void restore(quint64 width, std::vector<Bucket> buckets);

private:
    std::vector<Bucket> m_buckets;
    quint64 m_width = 1;
};
