#pragma once

#include "run/runevents.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCheckBox;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

class DistanceBand;
class DistanceHistogram;
class ZoomChartView;

/*!
    Out-of-order distance per message against arrival index (or seconds since the start), with
    the window ±W marked when it is in view.

    apply() only accumulates (O(1) per release, into min/max blocks of arrivals that double in
    size past MaxBlocks, so an endless feed stays within a few MB); refresh() draws min/max per
    pixel column of what is in view. The y-axis fits the data, leaving off a handful of outliers
    (DistanceHistogram::robustLargest); zoom and pan are the operator's (ZoomChartView).
*/
class DistanceChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistanceChart)

public:
    static constexpr std::size_t MaxBlocks = std::size_t(1) << 18;
    // What the table can say about one arrival ("arrival #, id, distance"), if it holds it.
    using Describe = std::function<std::optional<QString>(quint64 arrival)>;

    DistanceChart(const DistanceHistogram *histogram, QWidget *parent = nullptr);

    void setDescribe(Describe describe) { m_describe = std::move(describe); }
    // A new run: W is drawn as ±W when showWindow (stream mode).
    void reset(qint64 window, bool showWindow);
    void apply(const RunEventBatch &batch);
    // A past run, from its digest: the band as it was kept (its buckets become the blocks) over
    // `arrivals` frames. It has no times: the time axis is off until the next run.
    void showBand(const DistanceBand &band, quint64 arrivals, qint64 window, bool showWindow);
    // --window auto: W as it moved, by arrival index; drawn as ±W steps instead of a constant.
    // noteWindow() adds the live value (a step when it changed); setWindowBand() puts the run's
    // whole record (its digest) in place of what was noted.
    void noteWindow(quint64 arrivals, qint64 window);
    void setWindowBand(const DistanceBand &band);
    void refresh();
    void setTimeAxis(bool seconds);
    bool timeAxis() const { return m_timeAxis; }

    qsizetype plottedPoints() const; // points in the distance band, for tests
    // The y-axis's reach and whether ±W is drawn, for tests.
    double yLimit() const { return m_yLimit; }
    bool windowLinesShown() const;
    QString windowLabel() const;
    QString hoverText() const; // as shown next to the pointer, for tests
    ZoomChartView *view() const { return m_view; }

private:
    void addRelease(const MessageRelease &r);
    void coarsen();
    std::size_t blockAt(double x) const;
    void onHovered(const QPointF &value, const QPoint &globalPos);
    void placeLabels();
    double xOfArrival(quint64 arrival) const;

    const DistanceHistogram *m_histogram;
    ZoomChartView *m_view = nullptr;
    QCheckBox *m_timeBox = nullptr;
    QLineSeries *m_upper = nullptr;
    QLineSeries *m_lower = nullptr;
    QAreaSeries *m_band = nullptr;
    QLineSeries *m_plusWindow = nullptr;
    QLineSeries *m_minusWindow = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QGraphicsSimpleTextItem *m_windowText = nullptr;
    QGraphicsSimpleTextItem *m_outlierText = nullptr;
    QGraphicsSimpleTextItem *m_hoverText = nullptr; // the message under the pointer
    Describe m_describe;

    quint64 m_blockSize = 64; // arrivals per block
    std::vector<qint32> m_blockMin; // per block; Empty when nothing sent yet
    std::vector<qint32> m_blockMax;
    std::vector<float> m_blockTime; // seconds since the start of the block's first arrival
    quint64 m_arrivals = 0;
    float m_lastTime = 0;
    qint64 m_window = 0;
    std::vector<std::pair<quint64, qint64>> m_windowSteps; // (arrival, W) when W moves
    bool m_showWindow = true;
    bool m_timeAxis = false;
    double m_yLimit = 4;
    QList<QPointF> m_upperPoints; // preallocated, replaced once per redraw
    QList<QPointF> m_lowerPoints;
};
