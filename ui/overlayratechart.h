#pragma once

#include "run/rateseries.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

class ZoomChartView;

/*!
    Two runs' rates over their time overlaid: one series of the chosen kind (messages in, out,
    late, duplicates, malformed) for each run, labelled with the runs' names, against the
    seconds since each run started.
*/
class OverlayRateChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverlayRateChart)

public:
    explicit OverlayRateChart(QWidget *parent = nullptr);

    void show(const RateSeries &a, const QString &nameA, const RateSeries &b, const QString &nameB);
    void setSeries(RateSeries::Series series);
    // The lines' names and point counts as drawn, for tests.
    QStringList names() const;
    qsizetype points(int line) const;

private:
    void refresh();

    ZoomChartView *m_view;
    QComboBox *m_kind;
    QLineSeries *m_lines[2];
    QValueAxis *m_x;
    QValueAxis *m_y;
    RateSeries m_rates[2];
};
