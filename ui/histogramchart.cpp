#include "histogramchart.h"

#include "chartaxis.h"
#include "run/distancehistogram.h"
#include "zoomchartview.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QLocale>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace {

// Where an empty bucket's bar ends on the log axis (log 0 does not exist).
constexpr double LogFloor = 0.8;

QString bucketLabel(int bucket)
{
    return ChartAxis::shortNumber(DistanceHistogram::lowerEdge(bucket));
}

QString bucketRange(int bucket)
{
    const qint64 low = DistanceHistogram::lowerEdge(bucket);
    const qint64 high = DistanceHistogram::upperEdge(bucket);
    return low == high
        ? QLocale().toString(low)
        : QStringLiteral("%1–%2").arg(QLocale().toString(low), QLocale().toString(high));
}

} // namespace

HistogramChart::HistogramChart(const DistanceHistogram *histogram, QWidget *parent)
    : QWidget(parent)
    , m_histogram(histogram)
    , m_logBox(new QCheckBox(tr("&Log scale")))
{
    auto *chart = new QChart;
    chart->setTitle(tr("Histogram of |distance|"));
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_bars = new QBarSet(tr("messages"));
    m_bars->setColor(QColor(30, 100, 200));
    m_series = new QBarSeries;
    m_series->append(m_bars);
    m_series->setBarWidth(0.9);
    chart->addSeries(m_series);
    m_buckets = new QCategoryAxis;
    m_buckets->setTitleText(tr("|distance|, from"));
    m_buckets->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_counts = new QValueAxis;
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setTitleText(tr("messages"));
    m_logCounts = new QLogValueAxis;
    m_logCounts->setLabelFormat(QStringLiteral("%g"));
    m_logCounts->setTitleText(tr("messages (log)"));
    m_logCounts->setVisible(false);
    chart->addAxis(m_buckets, Qt::AlignBottom);
    chart->addAxis(m_counts, Qt::AlignLeft);
    chart->addAxis(m_logCounts, Qt::AlignLeft);
    m_series->attachAxis(m_buckets);
    m_series->attachAxis(m_counts);
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("histogramChart"));
    connect(m_view, &ZoomChartView::zoomChanged, this, [this] { refresh(); });
    connect(m_bars, &QBarSet::hovered, this, [this](bool on, int index) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(
            QCursor::pos(),
            tr("|distance| %1: %2 messages")
                .arg(bucketRange(index), QLocale().toString(m_histogram->count(index))),
            m_view);
    });

    m_logBox->setObjectName(QStringLiteral("logScale"));
    m_logBox->setToolTip(tr("A logarithmic count axis, so that the rare large distances show"));
    connect(m_logBox, &QCheckBox::toggled, this, &HistogramChart::setLogScale);
    layOutChart(this, m_view, {m_logBox});
    refresh();
}

void HistogramChart::setLogScale(bool log)
{
    if (m_logBox->isChecked() != log)
        m_logBox->setChecked(log); // comes back here
    if (m_log == log)
        return;
    m_log = log;
    m_series->detachAxis(log ? static_cast<QAbstractAxis *>(m_counts) : m_logCounts);
    m_series->attachAxis(log ? static_cast<QAbstractAxis *>(m_logCounts) : m_counts);
    m_counts->setVisible(!log);
    m_logCounts->setVisible(log);
    m_view->resetZoom();
    m_bars->remove(0, m_bars->count()); // the values differ on a log axis
    refresh();
}

void HistogramChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_labelStep = 0; // the labels are thinned again for the new width
    refresh();
}

void HistogramChart::refresh()
{
    const int used = m_histogram->used(8);
    QList<qreal> values;
    quint64 highest = 1;
    for (int b = 0; b < used; ++b) {
        const quint64 c = m_histogram->count(b);
        values << (m_log && c == 0 ? LogFloor : qreal(c));
        highest = std::max(highest, c);
    }
    if (m_bars->count() != values.size()) {
        m_bars->remove(0, m_bars->count());
        m_bars->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i) {
            if (m_bars->at(i) != values[i])
                m_bars->replace(i, values[i]);
        }
    }

    // Labels: every step-th bucket, as many as fit side by side without eliding.
    const QFontMetrics metrics(m_buckets->labelsFont());
    int widest = 0;
    for (int b = 0; b < used; ++b)
        widest = std::max(widest, metrics.horizontalAdvance(bucketLabel(b)));
    const double plotWidth = std::max(60.0, double(m_view->width()) - 90.0);
    const double perBucket = plotWidth / used;
    const int step = std::max(1, int(std::ceil((widest + 10) / perBucket)));
    if (used != m_shown || step != m_labelStep) {
        m_shown = used;
        m_labelStep = step;
        for (const QString &label : m_buckets->categoriesLabels())
            m_buckets->remove(label);
        m_buckets->setStartValue(-0.5);
        for (int b = 0; b < used; b += step)
            m_buckets->append(bucketLabel(b), b);
    }
    const int yTicks = ChartAxis::ticksFor(m_view->height(), 50);
    if (!m_view->isZoomed()) {
        m_buckets->setRange(-0.5, used - 0.5);
        if (m_log) {
            m_logCounts->setRange(LogFloor,
                                  std::pow(10.0, std::ceil(std::log10(double(highest) * 1.5))));
        } else {
            ChartAxis::fit(m_counts, 0, std::max(4.0, double(highest) * 1.1), yTicks);
        }
    } else if (!m_log) {
        ChartAxis::fitTicks(m_counts, yTicks);
    }
}

QStringList HistogramChart::labels() const
{
    return m_buckets->categoriesLabels();
}

quint64 HistogramChart::total() const
{
    return m_histogram->total();
}
