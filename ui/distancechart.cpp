#include "distancechart.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qint32 Empty = std::numeric_limits<qint32>::max();

QChartView *makeView(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setMinimumHeight(150); // below this Qt Charts elides the axis labels
    return view;
}

qint32 clampToInt32(qint64 v)
{
    return qint32(std::clamp<qint64>(v, std::numeric_limits<qint32>::min() + 1, Empty - 1));
}

} // namespace

DistanceChart::DistanceChart(QWidget *parent)
    : QWidget(parent)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Out-of-order distance per message"));
    m_upper = new QLineSeries(this);
    m_lower = new QLineSeries(this);
    m_band = new QAreaSeries(m_upper, m_lower);
    m_band->setName(tr("distance (min..max per column)"));
    m_band->setPen(QPen(QColor(30, 100, 200), 1));
    m_band->setBrush(QColor(30, 100, 200, 110));
    m_plusWindow = new QLineSeries;
    m_minusWindow = new QLineSeries;
    for (QLineSeries *s : {m_plusWindow, m_minusWindow}) {
        QPen pen(QColor(200, 40, 40));
        pen.setStyle(Qt::DashLine);
        pen.setWidth(1);
        s->setPen(pen);
    }
    m_plusWindow->setName(tr("+W"));
    m_minusWindow->setName(tr("-W"));
    chart->addSeries(m_band);
    chart->addSeries(m_plusWindow);
    chart->addSeries(m_minusWindow);
    m_x = new QValueAxis;
    m_x->setTitleText(tr("arrival index"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y = new QValueAxis;
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_distanceView = makeView(chart);
    m_distanceView->setObjectName(QStringLiteral("distanceChart"));

    auto *histogram = new QChart;
    histogram->setTitle(tr("Histogram of |distance|"));
    m_bars = new QBarSet(tr("messages"));
    m_bars->setColor(QColor(30, 100, 200));
    auto *barSeries = new QBarSeries;
    barSeries->append(m_bars);
    barSeries->setBarWidth(0.9);
    histogram->addSeries(barSeries);
    m_categories = new QBarCategoryAxis;
    m_categories->setTitleText(tr("|distance|"));
    m_counts = new QValueAxis;
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    histogram->addAxis(m_categories, Qt::AlignBottom);
    histogram->addAxis(m_counts, Qt::AlignLeft);
    barSeries->attachAxis(m_categories);
    barSeries->attachAxis(m_counts);
    m_histogramView = makeView(histogram);
    m_histogramView->setObjectName(QStringLiteral("histogramChart"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_distanceView, 3);
    layout->addWidget(m_histogramView, 2);

    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refresh();
    });
    m_timer.start();
    reset(0, false);
}

void DistanceChart::reset(qint64 window, bool showWindow)
{
    m_blockMin.clear();
    m_blockMax.clear();
    m_arrivals = 0;
    m_histogram.fill(0);
    m_window = window;
    m_showWindow = showWindow;
    m_maxAbs = 0;
    m_dirty = true;
    refresh();
}

int DistanceChart::bucketOf(qint64 absDistance)
{
    if (absDistance <= 0)
        return 0;
    return std::min(HistogramBuckets - 1, 64 - __builtin_clzll(quint64(absDistance)));
}

QString DistanceChart::bucketLabel(int bucket)
{
    if (bucket == 0)
        return QStringLiteral("0");
    if (bucket == 1)
        return QStringLiteral("1");
    const quint64 low = quint64(1) << (bucket - 1);
    return QStringLiteral("%1-%2").arg(low).arg(2 * low - 1);
}

void DistanceChart::apply(const RunEventBatch &batch)
{
    if (!batch.arrivals.isEmpty()) {
        m_arrivals = std::max<quint64>(m_arrivals, batch.arrivals.last().index + 1);
        const std::size_t blocks = std::size_t((m_arrivals + BlockSize - 1) / BlockSize);
        if (blocks > m_blockMin.size()) {
            m_blockMin.resize(blocks, Empty);
            m_blockMax.resize(blocks, Empty);
        }
        m_dirty = true;
    }
    for (const MessageRelease &r : batch.releases) {
        const std::size_t block = std::size_t(r.arrivalIndex / BlockSize);
        if (block >= m_blockMin.size()) {
            m_blockMin.resize(block + 1, Empty);
            m_blockMax.resize(block + 1, Empty);
        }
        const qint32 d = clampToInt32(r.distance);
        if (m_blockMin[block] == Empty) {
            m_blockMin[block] = m_blockMax[block] = d;
        } else {
            m_blockMin[block] = std::min(m_blockMin[block], d);
            m_blockMax[block] = std::max(m_blockMax[block], d);
        }
        const qint64 magnitude = r.distance < 0 ? -r.distance : r.distance;
        m_maxAbs = std::max(m_maxAbs, magnitude);
        ++m_histogram[std::size_t(bucketOf(magnitude))];
        m_dirty = true;
    }
}

void DistanceChart::refresh()
{
    m_dirty = false;
    // Distance band: min/max per pixel column, from the 64-arrival blocks.
    const std::size_t blocks = m_blockMin.size();
    const std::size_t columns = std::size_t(std::max(100, m_distanceView->width()));
    const std::size_t perColumn = std::max<std::size_t>(1, (blocks + columns - 1) / columns);
    m_upperPoints.clear();
    m_lowerPoints.clear();
    m_upperPoints.reserve(qsizetype(columns + 1));
    m_lowerPoints.reserve(qsizetype(columns + 1));
    for (std::size_t first = 0; first < blocks; first += perColumn) {
        qint32 low = Empty;
        qint32 high = Empty;
        for (std::size_t b = first; b < std::min(blocks, first + perColumn); ++b) {
            if (m_blockMin[b] == Empty)
                continue;
            low = low == Empty ? m_blockMin[b] : std::min(low, m_blockMin[b]);
            high = high == Empty ? m_blockMax[b] : std::max(high, m_blockMax[b]);
        }
        if (low == Empty)
            continue;
        const double x = double(first * BlockSize);
        m_upperPoints.append(QPointF(x, high));
        m_lowerPoints.append(QPointF(x, low));
    }
    m_upper->replace(m_upperPoints);
    m_lower->replace(m_lowerPoints);

    const double xMax = std::max<double>(10.0, double(m_arrivals));
    m_x->setRange(0, xMax);
    m_x->applyNiceNumbers();
    const double yMax = std::max<double>(double(m_maxAbs), m_showWindow ? double(m_window) : 0.0);
    // Integer labels: keep at least ±4 so that the ticks never repeat a number.
    const double yLimit = std::max(4.0, yMax * 1.1);
    m_y->setRange(-yLimit, yLimit);
    m_y->applyNiceNumbers();
    if (m_showWindow && m_window > 0) {
        m_plusWindow->replace({QPointF(0, double(m_window)), QPointF(xMax, double(m_window))});
        m_minusWindow->replace({QPointF(0, -double(m_window)), QPointF(xMax, -double(m_window))});
    } else {
        m_plusWindow->clear();
        m_minusWindow->clear();
    }

    // Histogram: log2 buckets of |distance| up to the largest one used.
    int used = 4;
    for (int b = 0; b < HistogramBuckets; ++b) {
        if (m_histogram[std::size_t(b)] > 0)
            used = std::max(used, b + 1);
    }
    QStringList labels;
    QList<qreal> values;
    quint64 highest = 1;
    for (int b = 0; b < used; ++b) {
        labels << bucketLabel(b);
        values << qreal(m_histogram[std::size_t(b)]);
        highest = std::max(highest, m_histogram[std::size_t(b)]);
    }
    if (m_categories->categories() != labels) {
        m_categories->clear();
        m_categories->append(labels);
    }
    if (m_bars->count() != values.size()) {
        m_bars->remove(0, m_bars->count());
        m_bars->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i)
            m_bars->replace(i, values[i]);
    }
    m_counts->setRange(0, std::max(4.0, double(highest) * 1.1));
    m_counts->applyNiceNumbers();
}

qsizetype DistanceChart::plottedPoints() const
{
    return m_upper->count();
}

quint64 DistanceChart::histogramTotal() const
{
    quint64 total = 0;
    for (quint64 v : m_histogram)
        total += v;
    return total;
}
