#pragma once

#include "run/runevents.h"

#include <QAbstractTableModel>

#include <deque>
#include <memory>
#include <optional>

/*!
    The live table of a run's messages: the latest capacity() frames, one row per frame in arrival
    order (row i is arrival firstArrival() + i).

    Rows arrive in batches: one beginInsertRows() per batch at the end, and the oldest rows past
    the capacity leave in one beginRemoveRows() per batch at the top (a ring: on an endless feed
    the table always holds the newest frames; the run's CSV has them all). The releases of a batch
    become one dataChanged() over the rows they touched. The model is reset between runs only.
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
    // About 150 bytes a row with the feed's short frames: the window stays well under 500 MB.
    static constexpr int DefaultCapacity = 1000000;
    static constexpr int MinCapacity = 1000;
    static constexpr int MaxCapacity = 10000000;

    // A run of ids the output skipped (given up), and the output index that followed it.
    struct Gap
    {
        qint64 firstId = 0;
        qint64 lastId = 0;
        quint64 nextOutput = 0;
    };

    // Everything the table knows of one row, for the details pane.
    struct RowInfo
    {
        quint64 arrival = 0;
        qint64 id = 0;
        qint64 arrivalNs = 0;
        QString frame;
        QString text;
        MessageStatus status = MessageStatus::Accepted;
        MalformedReason reason = MalformedReason::None;
        std::optional<quint64> output; // released
        qint64 distance = 0; // released: arrival - output; late: ids behind the output
        qint64 holdNs = 0;
    };

    explicit MessageTableModel(QObject *parent = nullptr);

    // A new run.
    void clear();
    void apply(const RunEventBatch &batch);
    // The most rows kept; applies from the next batch.
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }

    quint64 firstArrival() const { return m_first; } // arrival index of row 0
    quint64 arrivals() const { return m_first + m_size; } // frames seen in this run
    quint64 rowsDropped() const { return m_first; } // older frames, in the run's CSV only
    std::optional<int> rowOfArrival(quint64 arrival) const;
    MessageStatus status(int row) const { return rowAt(std::size_t(row)).status; }
    qint64 id(int row) const { return rowAt(std::size_t(row)).id; }
    bool released(int row) const { return rowAt(std::size_t(row)).output >= 0; }
    // |distance| of a released row, ids behind of a late row; -1 otherwise.
    qint64 magnitude(int row) const;
    QString statusKey(int row) const;
    RowInfo info(int row) const;
    // The nearest row from `from` (excluded) in `step` direction (+1/-1) with this id or status.
    std::optional<int> findId(qint64 id, int from, int step) const;
    std::optional<int> findStatus(MessageStatus status, int from, int step) const;
    // A duplicate's first copy (the earliest row with its id that is not a duplicate).
    std::optional<int> firstCopyOf(int row) const;
    // The skipped ids a late id fell into, if the table saw that gap.
    std::optional<Gap> gapOf(qint64 id) const;
    // "arrival #N: id, distance" if the table holds that arrival (the chart's hover).
    std::optional<QString> describe(quint64 arrival) const;
    // The row's cells, tab-separated, as shown.
    QString rowText(int row) const;

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
        qint64 arrivalNs = 0;
        qint64 output = -1;
        qint64 holdNs = 0;
        qint32 distance = 0; // released: arrival - output; late: ids behind
        qint32 textStart = -1;
        qint32 textLength = 0;
        MessageStatus status = MessageStatus::Accepted;
        MalformedReason reason = MalformedReason::None;
    };

    // Rows live in fixed chunks that never move: appending never copies what is there, and the
    // oldest rows leave by advancing m_head (a whole chunk is freed once it is passed).
    static constexpr std::size_t ChunkRows = 8192;
    Row &rowAt(std::size_t i)
    {
        const std::size_t k = m_head + i;
        return m_chunks[k / ChunkRows][k % ChunkRows];
    }
    const Row &rowAt(std::size_t i) const
    {
        const std::size_t k = m_head + i;
        return m_chunks[k / ChunkRows][k % ChunkRows];
    }
    void dropOldest(std::size_t rows);
    void noteRelease(const Row &row, quint64 outputIndex);
    QString statusCell(const Row &row) const;

    std::deque<std::unique_ptr<Row[]>> m_chunks;
    std::size_t m_head = 0; // first row's place in m_chunks.front()
    std::size_t m_size = 0;
    quint64 m_first = 0;
    int m_capacity = DefaultCapacity;
    // The released id sequence as seen here: the last id, and the gaps it skipped.
    std::optional<qint64> m_lastReleasedId;
    std::deque<Gap> m_gaps;
};
