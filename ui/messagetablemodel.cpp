#include "messagetablemodel.h"

#include "files/runcsvwriter.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

MessageTableModel::MessageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MessageTableModel::clear()
{
    // Between runs only: a reset is the right signal for "a new run's table".
    beginResetModel();
    m_chunks.clear();
    m_size = 0;
    m_notShown = 0;
    endResetModel();
}

void MessageTableModel::apply(const RunEventBatch &batch)
{
    if (!batch.arrivals.isEmpty()) {
        const qsizetype first = qsizetype(m_size);
        const qsizetype room = std::max<qsizetype>(0, RowLimit - first);
        const qsizetype n = std::min(room, batch.arrivals.size());
        m_notShown += quint64(batch.arrivals.size() - n);
        if (n > 0) {
            beginInsertRows(QModelIndex(), int(first), int(first + n - 1));
            for (qsizetype i = 0; i < n; ++i) {
                const MessageArrival &a = batch.arrivals[i];
                if (m_size % ChunkRows == 0)
                    m_chunks.push_back(std::make_unique<Row[]>(ChunkRows));
                Row &row = rowAt(m_size++);
                row.frame = a.frame;
                row.id = a.id;
                row.textStart = a.textStart;
                row.textLength = a.textLength;
                row.status = a.status;
                row.reason = a.reason;
            }
            endInsertRows();
        }
    }
    if (!batch.releases.isEmpty()) {
        quint64 low = std::numeric_limits<quint64>::max();
        quint64 high = 0;
        for (const MessageRelease &r : batch.releases) {
            if (r.arrivalIndex >= m_size)
                continue;
            Row &row = rowAt(std::size_t(r.arrivalIndex));
            row.output = qint64(r.outputIndex);
            row.distance = r.distance;
            row.holdNs = r.holdNs;
            low = std::min(low, r.arrivalIndex);
            high = std::max(high, r.arrivalIndex);
        }
        if (low <= high) {
            Q_EMIT dataChanged(index(int(low), OutputColumn), index(int(high), HoldColumn),
                               {Qt::DisplayRole});
        }
    }
}

int MessageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_size);
}

int MessageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageTableModel::statusText(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Accepted:
        return tr("accepted", "message status");
    case MessageStatus::Late:
        return tr("late", "message arrived after its place was given up");
    case MessageStatus::Duplicate:
        return tr("duplicate", "message id already buffered or sent");
    case MessageStatus::Malformed:
        return tr("malformed", "frame is not a valid message");
    case MessageStatus::Dropped:
        return tr("dropped", "message dropped: the sink was too far behind");
    }
    return QString();
}

QVariant MessageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_size)
        return QVariant();
    const Row &row = rowAt(std::size_t(index.row()));
    const bool malformed = row.status == MessageStatus::Malformed;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ArrivalColumn:
            return index.row();
        case IdColumn:
            return malformed ? QVariant() : QVariant(row.id);
        case TextColumn:
            return MessageCodec::textOf(row.frame,
                                        {row.id, row.textStart, row.textLength, row.reason})
                .toString();
        case StatusColumn:
            return malformed ? tr("malformed: %1").arg(MessageCodec::reasonText(row.reason))
                             : statusText(row.status);
        case OutputColumn:
            return row.output >= 0 ? QVariant(row.output) : QVariant();
        case DistanceColumn:
            return row.output >= 0 ? QVariant(row.distance) : QVariant();
        case HoldColumn:
            return row.output >= 0 ? QVariant(QLocale().toString(double(row.holdNs) / 1e6, 'f', 3))
                                   : QVariant();
        case RawColumn:
            return malformed ? row.frame.left(200) : QString();
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() == RawColumn && malformed)
            return row.frame.left(4000);
        if (index.column() == StatusColumn && row.status == MessageStatus::Late)
            return tr("Arrived after its place in the output was given up: not forwarded.");
        if (index.column() == StatusColumn && row.status == MessageStatus::Duplicate)
            return tr("Its id was already buffered or sent: not forwarded.");
        if (index.column() == StatusColumn && row.status == MessageStatus::Dropped)
            return tr("The sink was over its memory budget and this feed cannot wait: dropped, "
                      "not forwarded.");
        return QVariant();
    case Qt::BackgroundRole:
        switch (row.status) {
        case MessageStatus::Accepted:
            return QVariant();
        case MessageStatus::Late:
            return QBrush(QColor(255, 224, 178));
        case MessageStatus::Duplicate:
            return QBrush(QColor(225, 213, 247));
        case MessageStatus::Malformed:
        case MessageStatus::Dropped:
            return QBrush(QColor(255, 205, 210));
        }
        return QVariant();
    case Qt::ForegroundRole:
        return row.status == MessageStatus::Accepted ? QVariant() : QBrush(Qt::black);
    case Qt::TextAlignmentRole:
        return index.column() == TextColumn || index.column() == StatusColumn
                || index.column() == RawColumn
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case StatusKeyRole:
        return statusKey(index.row());
    default:
        return QVariant();
    }
}

QString MessageTableModel::statusKey(int row) const
{
    if (row < 0 || std::size_t(row) >= m_size)
        return QString();
    return RunCsvWriter::statusKey(rowAt(std::size_t(row)).status);
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ArrivalColumn:
            return tr("Order in which the frame arrived, from 0");
        case OutputColumn:
            return tr("Position in the ordered output, from 0");
        case DistanceColumn:
            return tr("Arrival index minus output index, over sent messages: positive means it "
                      "arrived late, negative early");
        case HoldColumn:
            return tr("Time the message waited in the reorder buffer");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case ArrivalColumn:
        return tr("Arrival #");
    case IdColumn:
        return tr("Id");
    case TextColumn:
        return tr("Text");
    case StatusColumn:
        return tr("Status");
    case OutputColumn:
        return tr("Output #");
    case DistanceColumn:
        return tr("Distance");
    case HoldColumn:
        return tr("Hold ms");
    case RawColumn:
        return tr("Raw frame");
    default:
        return QVariant();
    }
}
