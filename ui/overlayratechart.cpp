#include "overlayratechart.h"

#include "chartaxis.h"
#include "zoomchartview.h"

#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

OverlayRateChart::OverlayRateChart(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Messages per second, both runs"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_x->setTitleText(tr("seconds since the start"));
    m_y->setTitleText(tr("messages/s"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    const QColor colors[2] = {QColor(30, 100, 200), QColor(230, 120, 0)};
    for (int i = 0; i < 2; ++i) {
        m_lines[i] = new QLineSeries;
        m_lines[i]->setPen(QPen(colors[i], 2));
        chart->addSeries(m_lines[i]);
        m_lines[i]->attachAxis(m_x);
        m_lines[i]->attachAxis(m_y);
    }
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("overlayRate"));
    connect(m_view, &ZoomChartView::zoomChanged, this, [this] { refresh(); });

    m_kind->setObjectName(QStringLiteral("rateKind"));
    m_kind->addItem(tr("in"), int(RateSeries::In));
    m_kind->addItem(tr("out (sent)"), int(RateSeries::Out));
    m_kind->addItem(tr("late"), int(RateSeries::Late));
    m_kind->addItem(tr("duplicates"), int(RateSeries::Duplicates));
    m_kind->addItem(tr("malformed"), int(RateSeries::Malformed));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_view->resetZoom();
        refresh();
    });
    auto *label = new QLabel(tr("&Rate of:"));
    label->setBuddy(m_kind);
    layOutChart(this, m_view, {label, m_kind});
}

void OverlayRateChart::show(const RateSeries &a, const QString &nameA, const RateSeries &b,
                            const QString &nameB)
{
    m_rates[0] = a;
    m_rates[1] = b;
    m_lines[0]->setName(nameA);
    m_lines[1]->setName(nameB);
    m_view->resetZoom();
    refresh();
}

void OverlayRateChart::setSeries(RateSeries::Series series)
{
    m_kind->setCurrentIndex(m_kind->findData(int(series)));
}

void OverlayRateChart::refresh()
{
    const auto series = RateSeries::Series(m_kind->currentData().toInt());
    double highest = 10;
    double longest = 1;
    for (int i = 0; i < 2; ++i) {
        const RateSeries &rates = m_rates[i];
        const std::size_t shown = rates.filledBins();
        QList<QPointF> points;
        highest = rates.steps(series, shown, points, highest);
        longest = std::max(longest, double(shown) * double(rates.binNs()) / 1e9);
        m_lines[i]->replace(points);
    }
    const int xTicks = ChartAxis::ticksFor(m_view->width(), 110);
    const int yTicks = ChartAxis::ticksFor(m_view->height(), 50);
    if (!m_view->isZoomed()) {
        ChartAxis::fit(m_x, 0, longest, xTicks);
        ChartAxis::fit(m_y, 0, highest * 1.1, yTicks);
    } else {
        ChartAxis::fitTicks(m_x, xTicks);
        ChartAxis::fitTicks(m_y, yTicks);
    }
}

QStringList OverlayRateChart::names() const
{
    return {m_lines[0]->name(), m_lines[1]->name()};
}

qsizetype OverlayRateChart::points(int line) const
{
    return m_lines[line]->count();
}
