#pragma once

#include "run/runevents.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

/*!
    Out-of-order distance per message against arrival index, with the window ±W marked, and a
    histogram of |distance|.

    apply() only accumulates (O(1) per release, into min/max blocks of 64 arrivals); the charts
    are redrawn at most RefreshMs apart, decimated to min/max per pixel column, so a million
    points draw as fast as a thousand.
*/
class DistanceChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistanceChart)

public:
    static constexpr int RefreshMs = 250;
    static constexpr int BlockSize = 64;
    static constexpr int HistogramBuckets = 64;

    explicit DistanceChart(QWidget *parent = nullptr);

    // A new run: W is drawn as ±W when showWindow (stream mode).
    void reset(qint64 window, bool showWindow);
    void apply(const RunEventBatch &batch);
    // Redraws now (also done by the internal timer when something changed).
    void refresh();

    qsizetype plottedPoints() const; // points in the distance band, for tests
    quint64 histogramTotal() const;
    qint64 largestDistance() const { return m_maxAbs; }

private:
    static int bucketOf(qint64 absDistance);
    static QString bucketLabel(int bucket);

    QChartView *m_distanceView = nullptr;
    QChartView *m_histogramView = nullptr;
    QLineSeries *m_upper = nullptr;
    QLineSeries *m_lower = nullptr;
    QAreaSeries *m_band = nullptr;
    QLineSeries *m_plusWindow = nullptr;
    QLineSeries *m_minusWindow = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QBarSet *m_bars = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_counts = nullptr;
    QTimer m_timer;

    std::vector<qint32> m_blockMin; // per block of arrivals; INT32_MAX when nothing sent yet
    std::vector<qint32> m_blockMax;
    quint64 m_arrivals = 0;
    std::array<quint64, HistogramBuckets> m_histogram {};
    qint64 m_window = 0;
    bool m_showWindow = true;
    qint64 m_maxAbs = 0;
    bool m_dirty = false;
    QList<QPointF> m_upperPoints; // preallocated, replaced once per redraw
    QList<QPointF> m_lowerPoints;
};
