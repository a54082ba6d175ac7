#include "overlayhistogram.h"

#include "chartaxis.h"
#include "zoomchartview.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

OverlayHistogram::OverlayHistogram(QWidget *parent)
    : QWidget(parent)
    , m_series(new QBarSeries)
    , m_buckets(new QCategoryAxis)
    , m_share(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Histogram of |distance|, both runs"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QColor colors[2] = {QColor(30, 100, 200), QColor(230, 120, 0)};
    for (int i = 0; i < 2; ++i) {
        m_sets[i] = new QBarSet(QString());
        m_sets[i]->setColor(colors[i]);
        m_series->append(m_sets[i]);
    }
    m_series->setBarWidth(0.9);
    chart->addSeries(m_series);
    m_buckets->setTitleText(tr("|distance|, from"));
    m_buckets->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_share->setTitleText(tr("share of messages sent (%)"));
    chart->addAxis(m_buckets, Qt::AlignBottom);
    chart->addAxis(m_share, Qt::AlignLeft);
    m_series->attachAxis(m_buckets);
    m_series->attachAxis(m_share);
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("overlayHistogram"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void OverlayHistogram::show(const DistanceHistogram &a, const QString &nameA,
                            const DistanceHistogram &b, const QString &nameB)
{
    m_used = std::max(a.used(8), b.used(8));
    double highest = 1;
    const DistanceHistogram *histograms[2] = {&a, &b};
    const QString names[2] = {nameA, nameB};
    for (int i = 0; i < 2; ++i) {
        const DistanceHistogram &h = *histograms[i];
        QList<qreal> shares;
        for (int bucket = 0; bucket < m_used; ++bucket) {
            const double share =
                h.total() > 0 ? 100.0 * double(h.count(bucket)) / double(h.total()) : 0.0;
            shares << share;
            highest = std::max(highest, share);
        }
        m_sets[i]->remove(0, m_sets[i]->count());
        m_sets[i]->append(shares);
        m_sets[i]->setLabel(names[i]);
    }
    m_view->resetZoom();
    ChartAxis::fit(m_share, 0, std::min(100.0, highest * 1.1),
                   ChartAxis::ticksFor(m_view->height(), 50));
    placeLabels();
}

void OverlayHistogram::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeLabels();
}

void OverlayHistogram::placeLabels()
{
    // Every step-th bucket labelled, as many as fit side by side without eliding.
    const int used = std::max(1, m_used);
    const QFontMetrics metrics(m_buckets->labelsFont());
    int widest = 0;
    for (int b = 0; b < used; ++b)
        widest = std::max(
            widest,
            metrics.horizontalAdvance(ChartAxis::shortNumber(DistanceHistogram::lowerEdge(b))));
    const double perBucket = std::max(60.0, double(m_view->width()) - 90.0) / used;
    const int step = std::max(1, int(std::ceil((widest + 10) / perBucket)));
    for (const QString &label : m_buckets->categoriesLabels())
        m_buckets->remove(label);
    m_buckets->setStartValue(-0.5);
    for (int b = 0; b < used; b += step)
        m_buckets->append(ChartAxis::shortNumber(DistanceHistogram::lowerEdge(b)), b);
    m_buckets->setRange(-0.5, used - 0.5);
}

QStringList OverlayHistogram::names() const
{
    return {m_sets[0]->label(), m_sets[1]->label()};
}

QList<qreal> OverlayHistogram::values(int series) const
{
    QList<qreal> v;
    for (int i = 0; i < m_sets[series]->count(); ++i)
        v << m_sets[series]->at(i);
    return v;
}
