#pragma once

#include "run/runevents.h"

#include <QWidget>

#include <array>
#include <vector>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

class ZoomChartView;

/*!
    The run's IO graph (as in Wireshark): messages per second in and out over the run's time, and
    late, duplicate and malformed messages per second. Counted from the event batches into time
    bins (O(1) a message) that double in width past MaxBins, so an endless feed stays small.
*/
class RateChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChart)

public:
    enum Series { In, Out, Late, Duplicates, Malformed, SeriesCount };
    static constexpr std::size_t MaxBins = 2000;
    static constexpr qint64 FirstBinNs = 100000000; // 100 ms

    explicit RateChart(QWidget *parent = nullptr);

    void reset();
    void apply(const RunEventBatch &batch);
    // While the run goes on, the bin being filled is left out (it would show as a dip).
    void refresh(bool finished = false);

    qint64 binNs() const { return m_binNs; }
    // Messages counted in one series over the run, for tests.
    quint64 total(Series series) const;
    qsizetype points(Series series) const;

private:
    void add(Series series, qint64 ns);

    ZoomChartView *m_view;
    QValueAxis *m_x;
    QValueAxis *m_y;
    std::array<QLineSeries *, SeriesCount> m_series {};
    std::array<std::vector<quint32>, SeriesCount> m_bins;
    qint64 m_binNs = FirstBinNs;
    qint64 m_lastNs = 0;
    QList<QPointF> m_points; // reused for each series' replace()
};
