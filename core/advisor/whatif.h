#pragma once

#include "arrivallog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <atomic>
#include <optional>

// One way to have run: a fixed window W (or the adaptive one) and a max-hold.
struct WhatIfSetting
{
    qint64 window = 1024; // W; AutoWindow: the adaptive window, up to maxWindow
    qint64 maxHoldMs = 0; // 0: off
    qint64 maxWindow = 65536; // the adaptive window's bound

    static constexpr qint64 AutoWindow = 0;
    bool isAuto() const { return window == AutoWindow; }
    bool operator==(const WhatIfSetting &o) const
    {
        return window == o.window && maxHoldMs == o.maxHoldMs
            && (!isAuto() || maxWindow == o.maxWindow);
    }
};

// What that setting would have given on the run's arrivals, exactly as the run computes it.
struct WhatIfRow
{
    WhatIfSetting setting;
    quint64 late = 0;
    quint64 lostIds = 0; // ids given up that never arrived, not even late
    quint64 released = 0;
    quint64 peakHeld = 0; // the most messages held at once
    double holdP50Ms = 0; // arrival to release, from the recorded times
    double holdP99Ms = 0;
    double holdMaxMs = 0;
    qint64 windowLargest = 0; // auto: the largest W it grew to; else W
    qint64 windowFinal = 0;
    bool isRunSetting = false; // the run's own W and max-hold
};

// The run whose arrivals are analysed: what it used, so that its row is marked and included.
struct WhatIfRun
{
    qint64 window = 1024;
    bool autoWindow = false;
    qint64 maxWindow = 65536;
    qint64 maxHoldMs = 0;
    std::optional<qint64> startId;
};

/*!
    The what-if table over a run's arrivals: every setting replayed through the real
    ReorderBuffer (and AdaptiveWindow for auto), in arrival order with the recorded times, so a
    row equals what a run with that setting gives on the same feed. Max-hold releases at its
    exact deadlines. The settings are spread over the machine's cores.
*/
struct WhatIfTable
{
    Q_DECLARE_TR_FUNCTIONS(WhatIfTable)

public:
    QList<WhatIfRow> rows; // by max-hold (off first), then W (auto last)
    WhatIfRun run;
    quint64 arrivals = 0; // analysed
    quint64 notAnalysed = 0; // past the log's cap
    quint64 recommendedWindow = 1; // the largest displacement: the smallest W with no late
    // The smallest W without late messages (max-hold off), and the knee: the smallest W that
    // loses at most KneeLateFraction of the arrivals as late (absent when it is the same W).
    qint64 suggestedWindow = 1;
    std::optional<qint64> kneeWindow;
    double seconds = 0; // how long the analysis took

    static constexpr double KneeLateFraction = 0.001;

    // W = 1, 2, 4 ... 65536, the run's W and the recommended one, the adaptive window; each
    // with max-hold off, 1, 10, 100 and 1000 ms and the run's own.
    // `cancelled`, when given and set from elsewhere, ends the work early (an incomplete table).
    static WhatIfTable analyse(const ArrivalLog &arrivals, const WhatIfRun &run, int threads = 0,
                               const std::atomic_bool *cancelled = nullptr);
    // These settings, spread over `threads` threads; the rows in the settings' order.
    static QList<WhatIfRow> analyseSettings(const ArrivalLog &arrivals,
                                            const QList<WhatIfSetting> &settings,
                                            std::optional<qint64> startId, int threads = 0,
                                            const std::atomic_bool *cancelled = nullptr);
    // One setting alone (tests compare it with a real run).
    static WhatIfRow analyseOne(const ArrivalLog &arrivals, const WhatIfSetting &setting,
                                std::optional<qint64> startId,
                                const std::atomic_bool *cancelled = nullptr);

    const WhatIfRow *find(const WhatIfSetting &setting) const;
    const WhatIfRow *runRow() const;
    QJsonArray toJson() const;
    // The rows back from toJson() (a past run's table, from its report).
    static QList<WhatIfRow> rowsFromJson(const QJsonArray &rows);
    // The table as text for a terminal (max-hold off; the other max-holds where they differ).
    QString toText() const;
    static QString settingName(const WhatIfSetting &setting);
};
