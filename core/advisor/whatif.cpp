#include "whatif.h"

#include "reorder/adaptivewindow.h"
#include "reorder/latencyhistogram.h"
#include "reorder/reorderbuffer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>

namespace {

constexpr qint64 LargestPower = 65536;
constexpr qint64 MaxHolds[] = {0, 1, 10, 100, 1000};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

QList<WhatIfRow> WhatIfTable::analyseSettings(const ArrivalLog &arrivals,
                                              const QList<WhatIfSetting> &settings,
                                              std::optional<qint64> startId, int threads,
                                              const std::atomic_bool *cancelled)
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    QList<WhatIfRow> rows(settings.size());
    std::atomic<qsizetype> next {0};
    const auto work = [&]() {
        for (qsizetype i = next++; i < settings.size(); i = next++)
            rows[i] = WhatIfTable::analyseOne(arrivals, settings[i], startId, cancelled);
    };
    const int count = std::clamp<int>(threads, 1, int(std::max<qsizetype>(1, settings.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < count; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return rows;
}

WhatIfRow WhatIfTable::analyseOne(const ArrivalLog &arrivals, const WhatIfSetting &setting,
                                  std::optional<qint64> startId, const std::atomic_bool *cancelled)
{
    ReorderConfig config;
    config.mode = ReorderMode::Stream;
    config.window =
        setting.isAuto() ? std::min(AdaptiveWindow::Initial, setting.maxWindow) : setting.window;
    config.maxHoldNs = setting.maxHoldMs * 1000000;
    config.startId = startId;
    config.trackNeeds = setting.isAuto();
    ReorderBuffer buffer(config);
    std::optional<AdaptiveWindow> adaptive;
    if (setting.isAuto())
        adaptive.emplace(setting.maxWindow, config.window);

    WhatIfRow row;
    row.setting = setting;
    LatencyHistogram holds;
    std::vector<ReleasedMessage> released;
    const auto account = [&](qint64 nowNs) {
        for (const ReleasedMessage &r : released)
            holds.record(nowNs - r.arrivalNs);
        row.released += released.size();
        released.clear();
    };

    ArrivalLog::Reader reader(arrivals);
    qint64 id = 0;
    qint64 atNs = 0;
    qint64 lastNs = 0;
    quint64 seen = 0;
    while (reader.next(&id, &atNs)) {
        if (cancelled && (++seen & 0xffff) == 0 && cancelled->load(std::memory_order_relaxed))
            break;
        if (config.maxHoldNs > 0) {
            // Max-hold at its exact deadlines between this arrival and the one before.
            for (std::optional<qint64> due = buffer.nextDeadlineNs(); due && *due <= atNs;
                 due = buffer.nextDeadlineNs()) {
                buffer.expire(*due, released);
                account(*due);
            }
        }
        const PushResult result = buffer.push(id, 0, atNs, released);
        if (result == PushResult::Late)
            ++row.late;
        if (adaptive && result != PushResult::Duplicate)
            buffer.setWindow(adaptive->observe(buffer.lastNeed(), buffer.size()));
        account(atNs);
        lastNs = atNs;
    }
    buffer.flush(released); // the feed ended: what is held leaves
    account(lastNs);

    row.lostIds = buffer.lostIds();
    row.peakHeld = buffer.stats().peakSize;
    row.holdP50Ms = ms(holds.percentile(50));
    row.holdP99Ms = ms(holds.percentile(99));
    row.holdMaxMs = ms(holds.max());
    row.windowLargest = adaptive ? adaptive->largest() : setting.window;
    row.windowFinal = adaptive ? adaptive->window() : setting.window;
    return row;
}

WhatIfTable WhatIfTable::analyse(const ArrivalLog &arrivals, const WhatIfRun &run, int threads,
                                 const std::atomic_bool *cancelled)
{
    QElapsedTimer clock;
    clock.start();
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());

    WhatIfTable table;
    table.run = run;
    table.arrivals = arrivals.size();
    table.notAnalysed = arrivals.notKept();

    QList<qint64> maxHolds(std::begin(MaxHolds), std::end(MaxHolds));
    if (!maxHolds.contains(run.maxHoldMs))
        maxHolds.append(run.maxHoldMs);
    std::sort(maxHolds.begin(), maxHolds.end());
    QList<qint64> windows;
    for (qint64 w = 1; w <= LargestPower; w *= 2)
        windows.append(w);
    if (!run.autoWindow && !windows.contains(run.window))
        windows.append(run.window);
    const auto settingsFor = [&](const QList<qint64> &ws, bool withAuto) {
        QList<WhatIfSetting> settings;
        for (qint64 hold : maxHolds) {
            for (qint64 w : ws)
                settings.append(WhatIfSetting {w, hold, run.maxWindow});
            if (withAuto)
                settings.append(WhatIfSetting {WhatIfSetting::AutoWindow, hold, run.maxWindow});
        }
        return settings;
    };
    QList<WhatIfSetting> settings = settingsFor(windows, true);
    table.rows = analyseSettings(arrivals, settings, run.startId, threads, cancelled);

    // The recommendation does not depend on the setting: the buffer works it out on any run.
    ReorderConfig probe;
    probe.window = LargestPower;
    probe.startId = run.startId;
    ReorderBuffer buffer(probe);
    {
        std::vector<ReleasedMessage> released;
        ArrivalLog::Reader reader(arrivals);
        qint64 id = 0;
        qint64 atNs = 0;
        while (reader.next(&id, &atNs) && !(cancelled && cancelled->load())) {
            buffer.push(id, 0, atNs, released);
            released.clear();
        }
    }
    table.recommendedWindow = buffer.recommendedWindow();
    const qint64 recommended = qint64(table.recommendedWindow);
    if (!windows.contains(recommended)) {
        windows.append(recommended);
        table.rows += analyseSettings(arrivals, settingsFor({recommended}, false), run.startId,
                                      threads, cancelled);
    }

    std::sort(table.rows.begin(), table.rows.end(), [](const WhatIfRow &a, const WhatIfRow &b) {
        if (a.setting.maxHoldMs != b.setting.maxHoldMs)
            return a.setting.maxHoldMs < b.setting.maxHoldMs;
        const quint64 wa = a.setting.isAuto() ? ~quint64(0) : quint64(a.setting.window);
        const quint64 wb = b.setting.isAuto() ? ~quint64(0) : quint64(b.setting.window);
        return wa < wb;
    });
    const WhatIfSetting own {run.autoWindow ? WhatIfSetting::AutoWindow : run.window, run.maxHoldMs,
                             run.maxWindow};
    table.suggestedWindow = LargestPower;
    std::optional<qint64> knee;
    for (WhatIfRow &row : table.rows) {
        row.isRunSetting = row.setting == own;
        if (row.setting.maxHoldMs != 0 || row.setting.isAuto())
            continue;
        if (row.late == 0)
            table.suggestedWindow = std::min(table.suggestedWindow, row.setting.window);
        if (!knee && double(row.late) <= KneeLateFraction * double(table.arrivals))
            knee = row.setting.window;
    }
    if (knee && *knee < table.suggestedWindow)
        table.kneeWindow = knee;
    table.seconds = double(clock.nsecsElapsed()) / 1e9;
    return table;
}

const WhatIfRow *WhatIfTable::find(const WhatIfSetting &setting) const
{
    for (const WhatIfRow &row : rows) {
        if (row.setting == setting)
            return &row;
    }
    return nullptr;
}

const WhatIfRow *WhatIfTable::runRow() const
{
    for (const WhatIfRow &row : rows) {
        if (row.isRunSetting)
            return &row;
    }
    return nullptr;
}

QString WhatIfTable::settingName(const WhatIfSetting &setting)
{
    const QString w = setting.isAuto() ? tr("auto") : QString::number(setting.window);
    return setting.maxHoldMs > 0 ? tr("W %1, max-hold %2 ms").arg(w).arg(setting.maxHoldMs)
                                 : tr("W %1").arg(w);
}

QJsonArray WhatIfTable::toJson() const
{
    QJsonArray out;
    for (const WhatIfRow &row : rows) {
        QJsonObject o;
        o.insert(QStringLiteral("window"),
                 row.setting.isAuto() ? QJsonValue(QStringLiteral("auto"))
                                      : QJsonValue(row.setting.window));
        o.insert(QStringLiteral("max_hold_ms"), row.setting.maxHoldMs);
        o.insert(QStringLiteral("late"), qint64(row.late));
        o.insert(QStringLiteral("lost_ids"), qint64(row.lostIds));
        o.insert(QStringLiteral("released"), qint64(row.released));
        o.insert(QStringLiteral("peak_held"), qint64(row.peakHeld));
        o.insert(QStringLiteral("hold_ms"),
                 QJsonObject {{QStringLiteral("p50"), row.holdP50Ms},
                              {QStringLiteral("p99"), row.holdP99Ms},
                              {QStringLiteral("max"), row.holdMaxMs}});
        if (row.setting.isAuto()) {
            o.insert(QStringLiteral("max_window"), row.setting.maxWindow);
            o.insert(QStringLiteral("window_max"), row.windowLargest);
            o.insert(QStringLiteral("window_final"), row.windowFinal);
        }
        o.insert(QStringLiteral("run"), row.isRunSetting);
        out.append(o);
    }
    return out;
}

QList<WhatIfRow> WhatIfTable::rowsFromJson(const QJsonArray &rows)
{
    QList<WhatIfRow> out;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        WhatIfRow row;
        const QJsonValue window = o.value(QStringLiteral("window"));
        row.setting.window = window.isString() ? WhatIfSetting::AutoWindow : window.toInteger();
        row.setting.maxHoldMs = o.value(QStringLiteral("max_hold_ms")).toInteger();
        row.setting.maxWindow =
            o.value(QStringLiteral("max_window")).toInteger(row.setting.maxWindow);
        row.late = quint64(o.value(QStringLiteral("late")).toInteger());
        row.lostIds = quint64(o.value(QStringLiteral("lost_ids")).toInteger());
        row.released = quint64(o.value(QStringLiteral("released")).toInteger());
        row.peakHeld = quint64(o.value(QStringLiteral("peak_held")).toInteger());
        const QJsonObject hold = o.value(QStringLiteral("hold_ms")).toObject();
        row.holdP50Ms = hold.value(QStringLiteral("p50")).toDouble();
        row.holdP99Ms = hold.value(QStringLiteral("p99")).toDouble();
        row.holdMaxMs = hold.value(QStringLiteral("max")).toDouble();
        row.windowLargest = o.value(QStringLiteral("window_max")).toInteger(row.setting.window);
        row.windowFinal = o.value(QStringLiteral("window_final")).toInteger(row.setting.window);
        row.isRunSetting = o.value(QStringLiteral("run")).toBool();
        out.append(row);
    }
    return out;
}

QString WhatIfTable::toText() const
{
    QStringList lines;
    lines << tr("what if: %1 arrivals replayed through the reorder buffer for %2 settings in "
                "%3 s")
                 .arg(arrivals)
                 .arg(rows.size())
                 .arg(QString::number(seconds, 'f', 2));
    if (notAnalysed > 0)
        lines << tr("only the first %1 arrivals were analysed; %2 more were not kept")
                     .arg(arrivals)
                     .arg(notAnalysed);
    lines
        << tr("suggested window: W = %1 (the smallest without late messages)").arg(suggestedWindow);
    if (kneeWindow)
        lines << tr("knee: W = %1 loses at most %2 % of the messages as late")
                     .arg(*kneeWindow)
                     .arg(KneeLateFraction * 100);
    const auto cell = [](const QString &text, int width) {
        return text.rightJustified(width);
    };
    const auto number = [](double v) {
        return QString::number(v, 'f', 3);
    };
    const QString header = cell(tr("W"), 8) + cell(tr("max-hold"), 10) + cell(tr("late"), 10)
        + cell(tr("lost ids"), 10) + cell(tr("hold p50"), 11) + cell(tr("p99"), 11)
        + cell(tr("max"), 11) + cell(tr("peak held"), 11);
    const auto line = [&](const WhatIfRow &row) {
        QString w = row.setting.isAuto() ? tr("auto") : QString::number(row.setting.window);
        if (row.isRunSetting)
            w.prepend(QLatin1Char('*'));
        return cell(w, 8)
            + cell(row.setting.maxHoldMs ? QString::number(row.setting.maxHoldMs) : tr("off"), 10)
            + cell(QString::number(row.late), 10) + cell(QString::number(row.lostIds), 10)
            + cell(number(row.holdP50Ms), 11) + cell(number(row.holdP99Ms), 11)
            + cell(number(row.holdMaxMs), 11) + cell(QString::number(row.peakHeld), 11);
    };
    lines << header;
    for (const WhatIfRow &row : rows) {
        if (row.setting.maxHoldMs == 0)
            lines << line(row);
    }
    // With max-hold: the W that matter (the run's, the suggested one, the knee, auto).
    bool first = true;
    for (const WhatIfRow &row : rows) {
        const bool matters = row.isRunSetting || row.setting.isAuto()
            || row.setting.window == suggestedWindow
            || (kneeWindow && row.setting.window == *kneeWindow)
            || (!run.autoWindow && row.setting.window == run.window);
        if (row.setting.maxHoldMs == 0 || !matters)
            continue;
        if (first)
            lines << tr("with max-hold (hold times in ms; * the run's own setting):");
        first = false;
        lines << line(row);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
