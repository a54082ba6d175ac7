#pragma once

#include "historyentry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

struct RunConfig;
struct RunReport;
class QSqlDatabase;

/*!
    The runs kept across restarts, in an SQLite database (Qt SQL, QSQLITE): each run's settings,
    report, verdict, the charts' data (RunDigest) and the paths of its CSV and capture. The window
    and headless runs (--history) share one; two processes may write it at once (write-ahead log,
    a busy timeout, one connection per instance).

    A run is begun (a row "running" with the pid and host of its process) and finished (its
    report). Opening the history turns rows still "running" whose process is gone into
    "interrupted": a run cut off by a crash shows as such.

    Not thread-safe: one instance per thread (Qt SQL connections belong to their thread).
*/
class RunHistory final
{
    Q_DECLARE_TR_FUNCTIONS(RunHistory)
    Q_DISABLE_COPY_MOVE(RunHistory)

public:
    static constexpr int DefaultKeepRuns = 500;
    static constexpr quint64 DefaultKeepBytes = quint64(4) << 30;
    static constexpr int BusyTimeoutMs = 10000;

    RunHistory();
    ~RunHistory();

    // The history the window and `--history` share: history.sqlite in the app's data location.
    static QString defaultPath();

    // Opens (creating the folder and the database, migrating an older one); the error in words,
    // or empty.
    QString open(const QString &path);
    bool isOpen() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    // Where the window keeps its runs' CSV and capture files: "runs" next to the database.
    QString filesFolder() const;
    // The last failure in words.
    QString errorString() const { return m_error; }
    // Runs found "running" by open() whose process was gone: now "interrupted".
    int interruptedAtOpen() const { return m_interruptedAtOpen; }

    // A new run, "running", with this process's identity; its id, or nullopt.
    std::optional<qint64> begin(const RunConfig &config, const QString &source, RunOrigin origin);
    // Where the run's CSV and capture go, once their names are known (they carry the id).
    bool setFiles(qint64 id, const QString &csvPath, const QString &capturePath);
    // The run ended: its report (verdict, counts, digest) and its CSV ("" when none was written).
    bool finish(qint64 id, const RunReport &report, const QString &csvPath);
    // The run's process ends before the run did (the window quits during a run).
    bool interrupt(qint64 id);

    // Newest first.
    QList<HistoryEntry> list() const;
    std::optional<HistoryRecord> get(qint64 id) const;
    bool rename(qint64 id, const QString &name);
    bool annotate(qint64 id, const QString &note);
    // Deletes the run, and its files when they are the history's own. A run going on is not
    // deleted.
    bool remove(qint64 id);

    HistoryStorage storage() const;
    HistoryRetention retention() const;
    bool setRetention(const HistoryRetention &retention);
    // Removes the oldest runs (with their files) past the retention; how many were removed.
    int applyRetention();

private:
    QSqlDatabase database() const;
    bool fail(const QString &error) const;
    int markInterrupted();
    QString setting(const QString &key) const;
    bool setSetting(const QString &key, const QString &value);

    QString m_connection; // this instance's own connection name
    QString m_path;
    mutable QString m_error;
    int m_interruptedAtOpen = 0;
};
