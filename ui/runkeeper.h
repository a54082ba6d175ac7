#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct RunConfig;
struct RunReport;
class RunHistory;

/*!
    Keeps the window's runs in the runs history: each run is begun with its files named after
    its id (the CSV of its messages and, unless captures are off or the run is a replay, a
    capture of its feed, in the folder the settings name), then finished with its report, and
    the history's retention applied. Without a history (it could not be opened) the CSV goes to
    a temporary folder and nothing is kept. Lives in the GUI thread, as the history's
    connection does.
*/
class RunKeeper final
{
    Q_DECLARE_TR_FUNCTIONS(RunKeeper)
    Q_DISABLE_COPY_MOVE(RunKeeper)

public:
    RunKeeper();
    ~RunKeeper();

    // The error in words, or empty.
    QString open(const QString &path);
    RunHistory *history() const { return m_history.get(); }
    // Where the runs' CSV and capture files go.
    QString filesFolder() const;

    // A run begins: `config` is given its capture; the CSV to record its messages to ("": none).
    // What the operator should know goes to `notes`.
    QString begin(RunConfig *config, const QString &source, QStringList *notes);
    // The run going on, in the history (0: not kept).
    qint64 current() const { return m_current; }
    // The run ended: kept with its report and its CSV ("": none written). What to say in Events.
    QStringList finish(const RunReport &report, const QString &csvPath);
    // The window goes before the run ended: it shows as interrupted.
    void abandon();

private:
    std::unique_ptr<RunHistory> m_history;
    QTemporaryDir m_temporary; // the CSV of each run when there is no history
    qint64 m_current = 0;
    int m_unkept = 0; // runs without a history, numbered for their CSV
};
