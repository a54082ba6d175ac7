#pragma once

#include "run/runreport.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

#include <vector>

// One finished run: its report and where its messages were recorded.
struct RunRecord
{
    RunReport report;
    QString source; // what the operator would call the feed
    QString messagesCsv; // the run's messages, recorded as it ran ("" if that failed)
};

/*!
    The runs of this session, one row each, newest last. Exports as one CSV ("CSV of runs"), and
    each run's messages as a CSV of their own.
*/
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryModel)

public:
    enum Column {
        StartedColumn,
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
        ColumnCount
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    void append(const RunRecord &record);
    const RunRecord &record(int row) const { return m_records[std::size_t(row)]; }

    // Writes `path` (the runs) and, next to it, each run's messages as run-NNN-<time>.csv.
    bool exportTo(const QString &path, QString *error) const;
    static QString messagesFileName(int row, const RunRecord &record);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString verdictOf(const RunReport &report) const;

    std::vector<RunRecord> m_records;
};
