#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <array>
#include <vector>

/*!
    Counts per interval of a run's time, for a rate chart (an IO graph): messages in and out,
    late, duplicates and malformed. Bins start 100 ms wide and double (neighbours merged) when a
    run outgrows MaxBins, so a run of any length costs the same. Plain value type.
*/
class RateSeries final
{
public:
    enum Series { In, Out, Late, Duplicates, Malformed, SeriesCount };
    static constexpr std::size_t MaxBins = 2000;
    static constexpr qint64 FirstBinNs = 100000000; // 100 ms

    void clear();
    void add(Series series, qint64 ns);

    qint64 binNs() const { return m_binNs; }
    qint64 lastNs() const { return m_lastNs; }
    const std::vector<quint32> &bins(Series series) const { return m_bins[std::size_t(series)]; }
    // The bins that hold something so far (the last one may still be filling).
    std::size_t filledBins() const { return std::size_t(m_lastNs / m_binNs) + 1; }
    // The first `count` bins' rates (per second) as steps for a chart, two points a bin, x in
    // seconds, into `points` (replaced); the highest rate, or `floor` if none is higher.
    double steps(Series series, std::size_t count, QList<QPointF> &points, double floor) const;
    quint64 total(Series series) const;

    // Rebuilds a series from stored bins (a past run's digest).
    void restore(qint64 binNs, qint64 lastNs, std::array<std::vector<quint32>, SeriesCount> bins);

private:
    std::array<std::vector<quint32>, SeriesCount> m_bins;
    qint64 m_binNs = FirstBinNs;
    qint64 m_lastNs = 0;
};
