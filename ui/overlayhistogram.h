#pragma once

#include "run/distancehistogram.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QValueAxis;
QT_END_NAMESPACE

class ZoomChartView;

/*!
    Two runs' histograms of |distance| overlaid (bars side by side in each power-of-two bucket),
    each as a share of its run's messages so that runs of different lengths compare; labelled
    with the runs' names.
*/
class OverlayHistogram final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverlayHistogram)

public:
    explicit OverlayHistogram(QWidget *parent = nullptr);

    void show(const DistanceHistogram &a, const QString &nameA, const DistanceHistogram &b,
              const QString &nameB);
    // The series' names and values as drawn, for tests.
    QStringList names() const;
    QList<qreal> values(int series) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placeLabels();

    ZoomChartView *m_view;
    QBarSeries *m_series;
    QBarSet *m_sets[2];
    QCategoryAxis *m_buckets;
    QValueAxis *m_share;
    int m_used = 0;
};
