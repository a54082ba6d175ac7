#include "chartspanel.h"

#include "distancechart.h"
#include "histogramchart.h"
#include "ratechart.h"
#include "whatifview.h"
#include "zoomchartview.h"

#include <QFileInfo>
#include <QTabWidget>
#include <QVBoxLayout>

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget)
    , m_distance(new DistanceChart(&m_counts))
    , m_histogram(new HistogramChart(&m_counts))
    , m_rate(new RateChart)
    , m_whatIf(new WhatIfView)
{
    setObjectName(QStringLiteral("charts"));
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    m_tabs->addTab(m_distance, tr("&Distance"));
    m_tabs->addTab(m_histogram, tr("Histo&gram"));
    m_tabs->addTab(m_rate, tr("Rate"));
    m_tabs->addTab(m_whatIf, tr("&What if"));
    const QString zoom = QStringLiteral("\n") + ZoomChartView::help();
    m_tabs->setTabToolTip(0,
                          tr("Out-of-order distance of each message, with the window ±W") + zoom);
    m_tabs->setTabToolTip(1, tr("How far messages travelled: counts of |distance|") + zoom);
    m_tabs->setTabToolTip(2,
                          tr("Messages per second in and out, late, duplicates and malformed "
                             "(IO graph)")
                              + zoom);
    m_tabs->setTabToolTip(3,
                          tr("What other windows and max-holds would have done with this run's "
                             "messages: late, hold time, memory; and the window to use"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refresh(); });
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refresh();
    });
    m_timer.start();
}

void ChartsPanel::reset(qint64 window, bool showWindow)
{
    m_counts.clear();
    m_finished = false;
    m_distance->reset(window, showWindow);
    m_rate->reset();
    m_histogram->refresh();
    m_dirty = false;
}

void ChartsPanel::apply(const RunEventBatch &batch)
{
    for (const MessageRelease &r : batch.releases)
        m_counts.add(r.distance);
    m_distance->apply(batch);
    m_rate->apply(batch);
    m_dirty = m_dirty || !batch.isEmpty();
}

void ChartsPanel::finish(const RunReport &report)
{
    m_finished = true;
    m_distance->setWindowBand(report.digest.window);
    if (report.config.mode != ReorderMode::Stream) {
        m_whatIf->clear(tr("The what-if table is for stream mode (a batch run holds everything)."));
    } else {
        const RunConfig &c = report.config;
        m_whatIf->analyse(report.arrivals,
                          WhatIfRun {c.window, c.autoWindow, c.maxWindow, c.maxHoldMs, c.startId});
    }
    m_distance->refresh();
    m_histogram->refresh();
    m_rate->refresh(true);
    m_dirty = false;
}

void ChartsPanel::showPast(const RunReport &report)
{
    const RunDigest &digest = report.digest;
    m_counts = digest.histogram;
    m_distance->showBand(digest.band, report.counters.received, report.config.window,
                         report.config.mode == ReorderMode::Stream);
    m_distance->setWindowBand(digest.window);
    m_distance->refresh();
    if (report.whatIf)
        m_whatIf->showTable(*report.whatIf);
    else if (report.config.mode != ReorderMode::Stream)
        m_whatIf->clear(tr("The what-if table is for stream mode (a batch run holds everything)."));
    else if (!report.config.capturePath.isEmpty() && QFileInfo::exists(report.config.capturePath))
        m_whatIf->analyseCapture(report.config.capturePath);
    else
        m_whatIf->clear(tr("This run kept no capture: its what-if table cannot be worked out."));
    m_rate->show(digest.rates);
    m_histogram->refresh();
    m_finished = true;
    m_dirty = false;
}

void ChartsPanel::refresh()
{
    m_dirty = false;
    QWidget *current = m_tabs->currentWidget();
    if (current == m_distance)
        m_distance->refresh();
    else if (current == m_histogram)
        m_histogram->refresh();
    else
        m_rate->refresh(m_finished);
    // Hidden charts are drawn when their tab is chosen.
}
