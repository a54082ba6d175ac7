#pragma once

#include "history/historyentry.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QTableWidget;
QT_END_NAMESPACE

class OverlayHistogram;
class OverlayRateChart;

/*!
    Two runs of the history compared: a table of every figure side by side with the
    differences highlighted (and how much, for numbers), their distance histograms overlaid and
    their rates overlaid, each labelled with the run's name.
*/
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    // `older` and `newer` must be finished runs (with their reports).
    CompareDialog(const HistoryRecord &older, const HistoryRecord &newer,
                  QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    OverlayHistogram *histogram() const { return m_histogram; }
    OverlayRateChart *rates() const { return m_rates; }
    // The figures whose values differ, as listed.
    QStringList differing() const;

    static QColor highlight();

private:
    QTableWidget *m_table;
    OverlayHistogram *m_histogram;
    OverlayRateChart *m_rates;
};
