#pragma once

#include "history/historyentry.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>

class RunHistory;

/*!
    The runs history (RunHistory's database), one row each, newest first: the window's runs and
    the headless runs kept with --history, across restarts. reload() reads it again and changes
    only what changed (a new run is inserted at the top, a finished one updated in place), so a
    selection survives. Exports as one CSV ("CSV of runs"), oldest first, with each run's
    messages next to it.
*/
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryModel)

public:
    enum Column {
        StartedColumn,
        NameColumn,
        SourceColumn,
        WindowColumn,
        ModeColumn,
        ReceivedColumn,
        SentColumn,
        LateColumn,
        DuplicatesColumn,
        MalformedColumn,
        MissingColumn,
        VerdictColumn,
        TotalColumn,
        ThroughputColumn,
        NoteColumn,
        ColumnCount
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    // The history shown (not owned); nullptr: none (it could not be opened).
    void setHistory(RunHistory *history);
    RunHistory *history() const { return m_history; }
    void reload();

    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
    int rowOf(qint64 id) const; // -1 when not shown

    // Writes `path` (the runs, oldest first) and, next to it, each run's messages as
    // run-NNN-<time>.csv.
    bool exportTo(const QString &path, QString *error) const;
    static QString messagesFileName(const HistoryEntry &entry);
    // The verdict as the table shows it: PASS, WARN, FAIL, RUNNING or INTERRUPTED.
    static QString verdictText(const HistoryEntry &entry);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RunHistory *m_history = nullptr;
    QList<HistoryEntry> m_entries;
};
