#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

struct RunReport;

// One meaning everywhere: the window's banner, the report, the runs CSV and the exit status.
enum class Verdict : quint8 {
    Pass, // sent strictly ordered, confirmed by the sink, nothing dropped, no id missing
    Warn, // as Pass, but the feed itself was unhealthy (or nothing arrived)
    Fail, // order violated, frames unconfirmed, or messages that arrived were dropped
};

// Why a run did not pass: one fact, how many messages or frames it concerns, what to change.
struct VerdictReason
{
    Verdict level = Verdict::Warn;
    QString code; // stable, for scripts: "late", "unordered", "missing_ids", ...
    quint64 count = 0;
    QString text;
};

/*!
    The verdict of a finished run and its reasons (docs/PROTOCOL.md, "The verdict"): what made it
    FAIL first, then what made it WARN, each largest loss first. Notes are worth knowing and
    change nothing (the operator stopped the run, certificates were not checked, ...).
*/
struct RunVerdict
{
    Q_DECLARE_TR_FUNCTIONS(RunVerdict)

public:
    Verdict level = Verdict::Fail; // a report of no run never passes
    QList<VerdictReason> reasons;
    QStringList notes;

    static RunVerdict of(const RunReport &report);
    static QString key(Verdict level); // "pass", "warn", "fail"
    QStringList reasonTexts() const;
};
