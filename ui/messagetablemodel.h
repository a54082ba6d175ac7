#pragma once

#include "run/runevents.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

/*!
    The live table of a run's messages, one row per frame in arrival order (row i is arrival i).

    Rows arrive in batches: one beginInsertRows() per batch, and the releases of a batch become
    one dataChanged() over the rows they touched. The model is cleared between runs only. Past
    RowLimit rows, further frames are counted but not kept (the run's CSV has them all).
*/
class MessageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageTableModel)

public:
    enum Column {
        ArrivalColumn,
        IdColumn,
        TextColumn,
        StatusColumn,
        OutputColumn,
        DistanceColumn,
        HoldColumn,
        RawColumn,
        ColumnCount
    };
    enum Role {
        StatusKeyRole = Qt::UserRole + 1, // "accepted", "late", "duplicate", "malformed"
    };
    static constexpr qsizetype RowLimit = 2000000;

    explicit MessageTableModel(QObject *parent = nullptr);

    void clear();
    void apply(const RunEventBatch &batch);
    quint64 rowsNotShown() const { return m_notShown; }
    QString statusKey(int row) const;
    MessageStatus status(int row) const { return rowAt(std::size_t(row)).status; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(MessageStatus status);

private:
    struct Row
    {
        QString frame; // shared with the run's other copies, not duplicated
        qint64 id = 0;
        qint64 output = -1;
        qint64 distance = 0;
        qint64 holdNs = 0;
        qint32 textStart = -1;
        qint32 textLength = 0;
        MessageStatus status = MessageStatus::Accepted;
        MalformedReason reason = MalformedReason::None;
    };

    // Rows live in fixed chunks that never move: appending never copies what is there.
    static constexpr std::size_t ChunkRows = 8192;
    Row &rowAt(std::size_t i) { return m_chunks[i / ChunkRows][i % ChunkRows]; }
    const Row &rowAt(std::size_t i) const { return m_chunks[i / ChunkRows][i % ChunkRows]; }

    std::vector<std::unique_ptr<Row[]>> m_chunks;
    std::size_t m_size = 0;
    quint64 m_notShown = 0;
};
