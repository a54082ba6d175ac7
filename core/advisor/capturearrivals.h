#pragma once

#include "arrivallog.h"
#include "whatif.h"

#include <QCoreApplication>
#include <QString>

/*!
    A capture read for the advisor: its messages' ids in arrival order with their recorded
    times, decoded as the run decoded them (malformed frames counted and left out), and the
    settings of the run that recorded it (its W and max-hold, marked in the table).
*/
struct CaptureArrivals
{
    Q_DECLARE_TR_FUNCTIONS(CaptureArrivals)

public:
    ArrivalLog log;
    WhatIfRun run;
    QString source; // the feed the capture recorded
    quint64 frames = 0;
    quint64 malformed = 0;
    QString stopReason; // a capture cut short: where it stopped (the arrivals up to there count)

    // The error in words, or empty.
    QString read(const QString &path);
};
