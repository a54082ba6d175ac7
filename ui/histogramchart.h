#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QCheckBox;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

class DistanceHistogram;
class ZoomChartView;

/*!
    The histogram of |distance| in powers of two. Its labels are short (0, 1, 2, 4, … 1k, 2k,
    16k) and thinned to what fits, so none is ever elided; the count axis can be logarithmic so
    that the tail shows.
*/
class HistogramChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramChart)

public:
    explicit HistogramChart(const DistanceHistogram *histogram, QWidget *parent = nullptr);

    void refresh();
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    QStringList labels() const; // as drawn, for tests
    quint64 total() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    const DistanceHistogram *m_histogram;
    ZoomChartView *m_view;
    QCheckBox *m_logBox;
    QBarSeries *m_series = nullptr;
    QBarSet *m_bars = nullptr;
    QCategoryAxis *m_buckets = nullptr;
    QValueAxis *m_counts = nullptr;
    QLogValueAxis *m_logCounts = nullptr;
    bool m_log = false;
    int m_shown = 0; // buckets drawn
    int m_labelStep = 0; // every how many buckets a label is drawn
};
