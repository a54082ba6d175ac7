#pragma once

#include "history/historyentry.h"

#include <QCoreApplication>
#include <QString>

/*!
    `reorder-monitor --history-list`: the runs history, newest first, one line each, fields
    separated by tabs (id, started, name, verdict, counts, source), so that both a person and
    `cut -f` read it.
*/
class HistoryListing final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryListing)

public:
    static QString line(const HistoryEntry &entry);
    // Prints the history at `path` ("": the default one) to standard output; the exit status.
    static int print(const QString &path);
};
