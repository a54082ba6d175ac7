#pragma once

#include "run/rateseries.h"
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
    late, duplicate and malformed messages per second. Counted from the event batches into a
    RateSeries (O(1) a message, bins that double in width: an endless feed stays small); a past
    run's stored series is drawn with show().
*/
class RateChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChart)

public:
    using Series = RateSeries::Series;
    static constexpr int SeriesCount = RateSeries::SeriesCount;

    explicit RateChart(QWidget *parent = nullptr);

    void reset();
    void apply(const RunEventBatch &batch);
    // Draws a finished run's series (from the history) instead of what was applied.
    void show(const RateSeries &rates);
    // While the run goes on, the bin being filled is left out (it would show as a dip).
    void refresh(bool finished = false);

    qint64 binNs() const { return m_rates.binNs(); }
    // Messages counted in one series over the run, for tests.
    quint64 total(Series series) const;
    qsizetype points(Series series) const;

private:
    ZoomChartView *m_view;
    QValueAxis *m_x;
    QValueAxis *m_y;
    std::array<QLineSeries *, SeriesCount> m_series {};
    RateSeries m_rates;
    QList<QPointF> m_points; // reused for each series' replace()
};
