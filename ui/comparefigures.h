#pragma once

#include "history/historyentry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// One line of a comparison: a figure of two runs, as shown, and how they differ.
struct CompareRow
{
    QString figure;
    QString a; // the older run's
    QString b; // the newer run's
    QString difference; // b - a for numbers ("+12", "−3.5 ms"); "" otherwise
    bool differs = false;
    bool heading = false; // a group's title, no values
    bool verdict = false; // the verdict's line (shown in its colours)
};

/*!
    Every figure of two finished runs side by side (what they ran, the verdict, counts, order,
    timing, hold times, connections), each as the results panel words it, with which differ.
*/
class CompareFigures final
{
    Q_DECLARE_TR_FUNCTIONS(CompareFigures)

public:
    static QList<CompareRow> rows(const HistoryRecord &a, const HistoryRecord &b);
};
