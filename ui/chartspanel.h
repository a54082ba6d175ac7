#pragma once

#include "run/distancehistogram.h"
#include "run/runevents.h"
#include "run/runreport.h"

#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QTabWidget;
QT_END_NAMESPACE

class DistanceChart;
class HistogramChart;
class RateChart;
class WhatIfView;

/*!
    The run's charts, one tab each: out-of-order distance, its histogram, the rates (IO
    graph), and the what-if advisor. Batches are accumulated as they come; only the chart in view is
   redrawn, at most RefreshMs apart.
*/
class ChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)

public:
    static constexpr int RefreshMs = 250;

    explicit ChartsPanel(QWidget *parent = nullptr);

    DistanceChart *distance() const { return m_distance; }
    HistogramChart *histogram() const { return m_histogram; }
    RateChart *rate() const { return m_rate; }
    WhatIfView *whatIf() const { return m_whatIf; }
    QTabWidget *tabs() const { return m_tabs; }

    // A new run: W is drawn as ±W when showWindow (stream mode).
    void reset(qint64 window, bool showWindow);
    void apply(const RunEventBatch &batch);
    // The run ended: every chart drawn with everything, and the what-if table worked out from
    // its arrivals.
    void finish(const RunReport &report);
    // A past run's charts, as they were, from its report's digest (the history); its what-if
    // table from the report, or else from its capture.
    void showPast(const RunReport &report);
    void refresh();

private:
    DistanceHistogram m_counts;
    QTabWidget *m_tabs;
    DistanceChart *m_distance;
    HistogramChart *m_histogram;
    RateChart *m_rate;
    WhatIfView *m_whatIf;
    QTimer m_timer;
    bool m_dirty = false;
    bool m_finished = false;
};
