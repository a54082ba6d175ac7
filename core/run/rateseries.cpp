#include "rateseries.h"

#include <algorithm>

void RateSeries::clear()
{
    for (auto &bins : m_bins)
        bins.clear();
    m_binNs = FirstBinNs;
    m_lastNs = 0;
}

void RateSeries::add(Series series, qint64 ns)
{
    std::size_t bin = std::size_t(std::max<qint64>(0, ns) / m_binNs);
    while (bin >= MaxBins) {
        // Twice as wide, half as many: merge neighbours.
        for (auto &bins : m_bins) {
            const std::size_t n = bins.size();
            for (std::size_t i = 0; i < (n + 1) / 2; ++i)
                bins[i] = bins[2 * i] + (2 * i + 1 < n ? bins[2 * i + 1] : 0);
            bins.resize((n + 1) / 2);
        }
        m_binNs *= 2;
        bin = std::size_t(std::max<qint64>(0, ns) / m_binNs);
    }
    std::vector<quint32> &bins = m_bins[std::size_t(series)];
    if (bin >= bins.size())
        bins.resize(bin + 1, 0);
    ++bins[bin];
    m_lastNs = std::max(m_lastNs, ns);
}

quint64 RateSeries::total(Series series) const
{
    quint64 sum = 0;
    for (quint32 v : m_bins[std::size_t(series)])
        sum += v;
    return sum;
}

void RateSeries::restore(qint64 binNs, qint64 lastNs,
                         std::array<std::vector<quint32>, SeriesCount> bins)
{
    m_binNs = std::max<qint64>(binNs, 1);
    m_lastNs = lastNs;
    m_bins = std::move(bins);
}

double RateSeries::steps(Series series, std::size_t count, QList<QPointF> &points,
                         double floor) const
{
    const std::vector<quint32> &b = bins(series);
    const double width = double(m_binNs) / 1e9;
    double highest = floor;
    points.clear();
    points.reserve(qsizetype(count) * 2);
    for (std::size_t bin = 0; bin < count; ++bin) {
        // Steps: each bin's rate across its width.
        const double rate = bin < b.size() ? double(b[bin]) / width : 0.0;
        points.append(QPointF(double(bin) * width, rate));
        points.append(QPointF(double(bin + 1) * width, rate));
        highest = std::max(highest, rate);
    }
    return highest;
}
