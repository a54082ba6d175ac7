#pragma once

#include "run/runreport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// Where a run of the history stands.
enum class RunStatus : quint8 {
    Running, // begun, not finished: going on now, or cut off by a crash not noticed yet
    Finished, // its report is kept
    Interrupted, // the process that ran it ended before the run did (a crash, a kill)
};

// Who ran it: the window names and deletes its own files; a headless run's files are the
// operator's (named on the command line) and are never deleted by the history.
enum class RunOrigin : quint8 { Window, Headless };

// One run as the history lists it: what a row of a table needs, without the report.
struct HistoryEntry
{
    qint64 id = 0;
    QDateTime startedAt; // local time
    QDateTime finishedAt; // invalid until finished
    RunStatus status = RunStatus::Running;
    RunOrigin origin = RunOrigin::Window;
    QString name; // the operator's, "" until renamed
    QString note; // the operator's annotation
    QString source; // the feed in words
    qint64 window = 0; // RunConfig::AutoWindow (0): --window auto
    QString mode; // "stream" or "batch"
    std::optional<Verdict> verdict; // once finished
    quint64 received = 0;
    quint64 sent = 0;
    quint64 late = 0;
    quint64 duplicates = 0;
    quint64 malformed = 0;
    quint64 missingIds = 0;
    double totalMs = 0;
    double throughput = 0;
    QString csvPath; // "" when none
    QString capturePath;
    bool filesOwned = true; // deleted with the run

    // The name, else "run N".
    QString title() const;
    // "pass", "warn", "fail", "running" or "interrupted": for scripts and files.
    QString statusKey() const;
};

// One run in full: its settings, and once finished its report with the charts' data.
struct HistoryRecord
{
    HistoryEntry entry;
    QJsonObject settings; // the run's configuration as it began
    std::optional<RunReport> report; // with report->digest
};

// What the history takes on disk.
struct HistoryStorage
{
    quint64 databaseBytes = 0; // the database with its write-ahead log
    quint64 fileBytes = 0; // the runs' own CSV and capture files that exist
    int runs = 0;

    quint64 total() const { return databaseBytes + fileBytes; }
};

// How much history to keep: the newest maxRuns runs, within maxBytes (0: no limit). The
// newest run is always kept, and so is every run still going on.
struct HistoryRetention
{
    int maxRuns = 0;
    quint64 maxBytes = 0;
};
