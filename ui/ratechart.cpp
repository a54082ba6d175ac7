#include "ratechart.h"

#include "chartaxis.h"
#include "zoomchartview.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

RateChart::RateChart(QWidget *parent)
    : QWidget(parent)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Messages per second"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const struct
    {
        QString name;
        QColor color;
        int width;
    } looks[SeriesCount] = {
        {tr("in"), QColor(30, 100, 200), 2},       {tr("out (sent)"), QColor(46, 125, 50), 2},
        {tr("late"), QColor(230, 120, 0), 1},      {tr("duplicates"), QColor(126, 87, 194), 1},
        {tr("malformed"), QColor(198, 40, 40), 1},
    };
    m_x = new QValueAxis;
    m_x->setTitleText(tr("seconds since the start"));
    m_y = new QValueAxis;
    m_y->setTitleText(tr("messages/s"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (int s = 0; s < SeriesCount; ++s) {
        auto *series = new QLineSeries;
        series->setName(looks[s].name);
        series->setPen(QPen(looks[s].color, looks[s].width));
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series[std::size_t(s)] = series;
    }
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("rateChart"));
    connect(m_view, &ZoomChartView::zoomChanged, this, [this] { refresh(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    reset();
}

void RateChart::reset()
{
    m_rates.clear();
    m_view->resetZoom();
    refresh();
}

void RateChart::apply(const RunEventBatch &batch)
{
    for (const MessageArrival &a : batch.arrivals) {
        m_rates.add(RateSeries::In, a.arrivalNs);
        switch (a.status) {
        case MessageStatus::Late:
            m_rates.add(RateSeries::Late, a.arrivalNs);
            break;
        case MessageStatus::Duplicate:
            m_rates.add(RateSeries::Duplicates, a.arrivalNs);
            break;
        case MessageStatus::Malformed:
            m_rates.add(RateSeries::Malformed, a.arrivalNs);
            break;
        case MessageStatus::Accepted:
        case MessageStatus::Dropped: // rare; the report counts them
            break;
        }
    }
    for (const MessageRelease &r : batch.releases)
        m_rates.add(RateSeries::Out, r.releaseNs);
}

void RateChart::refresh(bool finished)
{
    const std::size_t filled = m_rates.filledBins();
    const std::size_t shown = finished ? filled : filled - 1;
    const double width = double(m_rates.binNs()) / 1e9;
    double highest = 10;
    for (int s = 0; s < SeriesCount; ++s) {
        highest = m_rates.steps(Series(s), shown, m_points, highest);
        m_series[std::size_t(s)]->replace(m_points);
    }
    const int xTicks = ChartAxis::ticksFor(m_view->width(), 110);
    const int yTicks = ChartAxis::ticksFor(m_view->height(), 50);
    if (!m_view->isZoomed()) {
        ChartAxis::fit(m_x, 0, std::max(1.0, double(shown) * width), xTicks);
        ChartAxis::fit(m_y, 0, highest * 1.1, yTicks);
    } else {
        ChartAxis::fitTicks(m_x, xTicks);
        ChartAxis::fitTicks(m_y, yTicks);
    }
}

quint64 RateChart::total(Series series) const
{
    return m_rates.total(series);
}

void RateChart::show(const RateSeries &rates)
{
    m_rates = rates;
    m_view->resetZoom();
    refresh(true);
}

qsizetype RateChart::points(Series series) const
{
    return m_series[std::size_t(series)]->count();
}
