#include "distancechart.h"

#include "chartaxis.h"
#include "run/distanceband.h"
#include "run/distancehistogram.h"
#include "zoomchartview.h"

#include <QAreaSeries>
#include <QChart>
#include <QCheckBox>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qint32 Empty = std::numeric_limits<qint32>::max();

qint32 clampToInt32(qint64 v)
{
    return qint32(std::clamp<qint64>(v, std::numeric_limits<qint32>::min() + 1, Empty - 1));
}

} // namespace

DistanceChart::DistanceChart(const DistanceHistogram *histogram, QWidget *parent)
    : QWidget(parent)
    , m_histogram(histogram)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Out-of-order distance per message"));
    chart->legend()->setVisible(false);
    // A line of its own under the axis title for "W beyond the scale" and the outlier note.
    chart->setMargins(QMargins(4, 4, 4, 4 + QFontMetrics(chart->font()).height()));
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
    m_y = new QValueAxis;
    m_y->setTitleText(tr("distance"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_windowText = new QGraphicsSimpleTextItem(chart);
    m_windowText->setBrush(QColor(200, 40, 40));
    m_outlierText = new QGraphicsSimpleTextItem(chart);
    m_outlierText->setBrush(palette().color(QPalette::WindowText));
    // Drawn in the chart, next to the pointer: readable in any screenshot, no tooltip delay.
    m_hoverText = new QGraphicsSimpleTextItem(chart);
    m_hoverText->setZValue(10);
    m_hoverText->hide();
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("distanceChart"));

    m_timeBox = new QCheckBox(tr("&Time axis (seconds since the start)"));
    m_timeBox->setObjectName(QStringLiteral("timeAxis"));
    m_timeBox->setToolTip(tr("Plot against the time each message arrived instead of its arrival "
                             "index"));
    connect(m_timeBox, &QCheckBox::toggled, this, &DistanceChart::setTimeAxis);
    layOutChart(this, m_view, {m_timeBox});

    connect(m_view, &ZoomChartView::zoomChanged, this, [this] { refresh(); });
    connect(m_view, &ZoomChartView::hovered, this, &DistanceChart::onHovered);
    connect(m_view, &ZoomChartView::hoverLeft, this, [this] { m_hoverText->hide(); });
    connect(chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    reset(0, false);
}

void DistanceChart::reset(qint64 window, bool showWindow)
{
    m_blockSize = 64;
    m_blockMin.clear();
    m_blockMax.clear();
    m_blockTime.clear();
    m_arrivals = 0;
    m_lastTime = 0;
    m_window = window;
    m_windowSteps.clear();
    m_showWindow = showWindow;
    m_timeBox->setEnabled(true);
    m_timeBox->setToolTip(tr("Plot against the time each message arrived instead of its arrival "
                             "index"));
    m_view->resetZoom();
    refresh();
}

void DistanceChart::showBand(const DistanceBand &band, quint64 arrivals, qint64 window,
                             bool showWindow)
{
    setTimeAxis(false);
    reset(window, showWindow);
    m_timeBox->setEnabled(false);
    m_timeBox->setToolTip(tr("A past run's chart keeps no arrival times"));
    m_blockSize = std::max<quint64>(1, band.arrivalsPerBucket());
    for (const DistanceBand::Bucket &b : band.buckets()) {
        m_blockMin.push_back(b.used ? clampToInt32(b.lo) : Empty);
        m_blockMax.push_back(b.used ? clampToInt32(b.hi) : Empty);
        m_blockTime.push_back(0);
    }
    m_arrivals = arrivals;
    refresh();
}

void DistanceChart::noteWindow(quint64 arrivals, qint64 window)
{
    if (window <= 0 || (!m_windowSteps.empty() && m_windowSteps.back().second == window))
        return;
    m_windowSteps.emplace_back(arrivals, window);
    m_window = window;
}

void DistanceChart::setWindowBand(const DistanceBand &band)
{
    if (band.buckets().empty())
        return;
    m_windowSteps.clear();
    const quint64 width = std::max<quint64>(1, band.arrivalsPerBucket());
    quint64 at = 0;
    for (const DistanceBand::Bucket &b : band.buckets()) {
        // The largest W of each stretch of arrivals: what the run allowed there at most.
        if (b.used && (m_windowSteps.empty() || m_windowSteps.back().second != b.hi))
            m_windowSteps.emplace_back(at, b.hi);
        at += width;
    }
    if (!m_windowSteps.empty())
        m_window = m_windowSteps.back().second;
}

double DistanceChart::xOfArrival(quint64 arrival) const
{
    if (!m_timeAxis || m_blockTime.empty())
        return double(arrival);
    return double(m_blockTime[std::min<std::size_t>(m_blockTime.size() - 1,
                                                    std::size_t(arrival / m_blockSize))]);
}

void DistanceChart::setTimeAxis(bool seconds)
{
    if (m_timeBox->isChecked() != seconds)
        m_timeBox->setChecked(seconds); // comes back here
    if (m_timeAxis == seconds)
        return;
    m_timeAxis = seconds;
    m_view->resetZoom();
    refresh();
}

void DistanceChart::coarsen()
{
    // Twice the arrivals per block, half the blocks: memory stays bounded on an endless feed.
    const std::size_t n = m_blockMin.size();
    const std::size_t half = (n + 1) / 2;
    for (std::size_t i = 0; i < half; ++i) {
        const std::size_t a = 2 * i, b = std::min(n - 1, 2 * i + 1);
        const qint32 lowA = m_blockMin[a], lowB = m_blockMin[b];
        const qint32 highA = m_blockMax[a], highB = m_blockMax[b];
        m_blockMin[i] = lowA == Empty ? lowB : lowB == Empty ? lowA : std::min(lowA, lowB);
        m_blockMax[i] = highA == Empty ? highB : highB == Empty ? highA : std::max(highA, highB);
        m_blockTime[i] = m_blockTime[a];
    }
    m_blockMin.resize(half);
    m_blockMax.resize(half);
    m_blockTime.resize(half);
    m_blockSize *= 2;
}

void DistanceChart::addRelease(const MessageRelease &r)
{
    std::size_t block = std::size_t(r.arrivalIndex / m_blockSize);
    if (block >= m_blockMin.size()) { // released before its arrival was seen here: not expected
        m_blockMin.resize(block + 1, Empty);
        m_blockMax.resize(block + 1, Empty);
        m_blockTime.resize(block + 1, m_lastTime);
    }
    const qint32 d = clampToInt32(r.distance);
    if (m_blockMin[block] == Empty) {
        m_blockMin[block] = m_blockMax[block] = d;
    } else {
        m_blockMin[block] = std::min(m_blockMin[block], d);
        m_blockMax[block] = std::max(m_blockMax[block], d);
    }
}

void DistanceChart::apply(const RunEventBatch &batch)
{
    for (const MessageArrival &a : batch.arrivals) {
        // A block's time is that of its first arrival.
        if (const std::size_t block = std::size_t(a.index / m_blockSize);
            block >= m_blockMin.size()) {
            m_blockMin.resize(block + 1, Empty);
            m_blockMax.resize(block + 1, Empty);
            m_blockTime.resize(block + 1, float(double(a.arrivalNs) / 1e9));
        }
    }
    if (!batch.arrivals.isEmpty()) {
        m_arrivals = std::max<quint64>(m_arrivals, batch.arrivals.last().index + 1);
        m_lastTime = std::max(m_lastTime, float(double(batch.arrivals.last().arrivalNs) / 1e9));
    }
    for (const MessageRelease &r : batch.releases)
        addRelease(r);
    while (m_blockMin.size() > MaxBlocks)
        coarsen();
}

std::size_t DistanceChart::blockAt(double x) const
{
    if (x <= 0)
        return 0;
    if (!m_timeAxis)
        return std::size_t(x / double(m_blockSize));
    const auto it = std::upper_bound(m_blockTime.begin(), m_blockTime.end(), float(x));
    return it == m_blockTime.begin() ? 0 : std::size_t(it - m_blockTime.begin()) - 1;
}

void DistanceChart::refresh()
{
    const double xEnd =
        m_timeAxis ? std::max(1.0, double(m_lastTime)) : std::max<double>(10.0, double(m_arrivals));
    const bool zoomed = m_view->isZoomed();
    const double x0 = zoomed ? m_x->min() : 0.0;
    const double x1 = zoomed ? m_x->max() : xEnd;

    // The band: min/max per pixel column over the blocks in view.
    const std::size_t blocks = m_blockMin.size();
    const std::size_t first = std::min(blocks, blockAt(x0));
    const std::size_t last = std::min(blocks, blockAt(x1) + 2);
    const std::size_t columns = std::size_t(std::max(100, m_view->width()));
    const std::size_t perColumn = std::max<std::size_t>(1, (last - first + columns - 1) / columns);
    m_upperPoints.clear();
    m_lowerPoints.clear();
    m_upperPoints.reserve(qsizetype(columns + 2));
    m_lowerPoints.reserve(qsizetype(columns + 2));
    for (std::size_t start = first; start < last; start += perColumn) {
        qint32 low = Empty;
        qint32 high = Empty;
        for (std::size_t b = start; b < std::min(last, start + perColumn); ++b) {
            if (m_blockMin[b] == Empty)
                continue;
            low = low == Empty ? m_blockMin[b] : std::min(low, m_blockMin[b]);
            high = high == Empty ? m_blockMax[b] : std::max(high, m_blockMax[b]);
        }
        if (low == Empty)
            continue;
        const double x = m_timeAxis ? double(m_blockTime[start]) : double(start * m_blockSize);
        m_upperPoints.append(QPointF(x, high));
        m_lowerPoints.append(QPointF(x, low));
    }
    m_upper->replace(m_upperPoints);
    m_lower->replace(m_lowerPoints);

    // The y-axis fits the data (not ±W), a few outliers left off; at least ±4 so that integer
    // ticks never repeat.
    // ±W is taken in when it is near the data (within twice its reach): it tells how close the
    // run came to losing messages. A W far above the data stays out (labelled).
    const qint64 robust = m_histogram->robustLargest();
    qint64 largestWindow = m_window;
    for (const auto &step : m_windowSteps)
        largestWindow = std::max(largestWindow, step.second);
    const qint64 reach =
        m_showWindow && largestWindow > 0 && largestWindow <= 2 * std::max<qint64>(robust, 4)
        ? std::max(robust, largestWindow)
        : robust;
    m_yLimit = std::max(4.0, std::ceil(double(reach) * 1.1));
    const int xTicks = ChartAxis::ticksFor(m_view->width(), 110);
    const int yTicks = ChartAxis::ticksFor(m_view->height(), 50);
    if (!zoomed) {
        ChartAxis::fit(m_x, 0, xEnd, xTicks);
        ChartAxis::fit(m_y, -m_yLimit, m_yLimit, yTicks);
    } else {
        ChartAxis::fitTicks(m_x, xTicks);
        ChartAxis::fitTicks(m_y, yTicks);
    }
    m_x->setTitleText(m_timeAxis ? tr("seconds since the start") : tr("arrival index"));
    const bool windowInView = m_showWindow && m_window > 0 && double(m_window) <= m_y->max();
    if (m_showWindow && !m_windowSteps.empty()) {
        // The adaptive window: ±W as steps where it moved.
        QList<QPointF> plus;
        QList<QPointF> minus;
        for (std::size_t i = 0; i < m_windowSteps.size(); ++i) {
            const double x = xOfArrival(m_windowSteps[i].first);
            const double w = double(m_windowSteps[i].second);
            if (i > 0) {
                const double before = double(m_windowSteps[i - 1].second);
                plus << QPointF(x, before);
                minus << QPointF(x, -before);
            }
            plus << QPointF(x, w);
            minus << QPointF(x, -w);
        }
        plus << QPointF(xEnd, plus.last().y());
        minus << QPointF(xEnd, minus.last().y());
        m_plusWindow->replace(plus);
        m_minusWindow->replace(minus);
    } else if (windowInView) {
        const double w = double(m_window);
        m_plusWindow->replace({QPointF(0, w), QPointF(xEnd, w)});
        m_minusWindow->replace({QPointF(0, -w), QPointF(xEnd, -w)});
    } else {
        m_plusWindow->clear();
        m_minusWindow->clear();
    }
    const QString w = QLocale().toString(m_window);
    if (m_arrivals == 0) // nothing drawn (none yet, or a run that never connected): nothing to say
        m_windowText->setText(QString());
    else if (m_showWindow && !m_windowSteps.empty())
        m_windowText->setText(tr("±W auto, now %1").arg(w));
    else
        m_windowText->setText(!m_showWindow || m_window <= 0 ? QString()
                                  : windowInView             ? tr("±W = %1").arg(w)
                                                 : tr("W = %1 beyond the scale").arg(w));
    const qint64 largest = m_histogram->largest();
    m_outlierText->setText(
        largest > qint64(m_y->max())
            ? tr("largest |distance| %1 beyond the scale").arg(QLocale().toString(largest))
            : QString());
    placeLabels();
}

void DistanceChart::placeLabels()
{
    QChart *chart = m_view->chart();
    const QRectF area = chart->plotArea();
    const QRectF text = m_windowText->boundingRect();
    if (!m_plusWindow->points().isEmpty()) {
        // Just above the +W line, at the right.
        const QPointF at =
            chart->mapToPosition(QPointF(m_x->max(), double(m_window)), m_plusWindow);
        m_windowText->setPos(area.right() - text.width() - 4,
                             std::max(area.top(), at.y() - text.height() - 1));
    } else {
        // Out of view: under the plot, right of the axis title, where it hides no data.
        m_windowText->setPos(area.right() - text.width(),
                             chart->rect().bottom() - text.height() - 2);
    }
    m_outlierText->setPos(area.left(), chart->rect().bottom() - text.height() - 2);
}

bool DistanceChart::windowLinesShown() const
{
    return !m_plusWindow->points().isEmpty();
}

QString DistanceChart::windowLabel() const
{
    return m_windowText->text();
}

qsizetype DistanceChart::plottedPoints() const
{
    return m_upper->count();
}

QString DistanceChart::hoverText() const
{
    return m_hoverText->isVisible() ? m_hoverText->text() : QString();
}

void DistanceChart::onHovered(const QPointF &value, const QPoint &globalPos)
{
    const std::size_t block = blockAt(value.x());
    if (block >= m_blockMin.size()) {
        m_hoverText->hide();
        return;
    }
    const quint64 arrival =
        m_timeAxis ? quint64(block) * m_blockSize : quint64(std::max(0.0, std::round(value.x())));
    QString text;
    if (m_describe) {
        if (const auto described = m_describe(arrival))
            text = *described;
    }
    if (text.isEmpty()) {
        const quint64 from = quint64(block) * m_blockSize;
        text = m_blockMin[block] == Empty
            ? tr("arrivals %1–%2: none sent yet")
                  .arg(QLocale().toString(from), QLocale().toString(from + m_blockSize - 1))
            : tr("arrivals %1–%2: distance %3 to %4")
                  .arg(QLocale().toString(from), QLocale().toString(from + m_blockSize - 1))
                  .arg(m_blockMin[block])
                  .arg(m_blockMax[block]);
    }
    m_hoverText->setText(text);
    // Above and right of the pointer, kept inside the plot.
    const QRectF area = m_view->chart()->plotArea();
    const QPointF at = m_view->mapToScene(m_view->viewport()->mapFromGlobal(globalPos));
    const QRectF box = m_hoverText->boundingRect();
    m_hoverText->setPos(
        std::clamp(at.x() + 12, area.left(), std::max(area.left(), area.right() - box.width())),
        std::clamp(at.y() - box.height() - 6, area.top(),
                   std::max(area.top(), area.bottom() - box.height())));
    m_hoverText->show();
}
