#include "messagetablemodel.h"

#include "files/runcsvwriter.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace {

// Gaps remembered for "which gap did this late message fall into": the newest ones.
constexpr std::size_t MaxGaps = 100000;

qint32 clamped(qint64 v)
{
    return qint32(std::clamp<qint64>(v, std::numeric_limits<qint32>::min(),
                                     std::numeric_limits<qint32>::max()));
}

} // namespace

MessageTableModel::MessageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MessageTableModel::clear()
{
    // Between runs only: a reset is the right signal for "a new run's table".
    beginResetModel();
    m_chunks.clear();
    m_head = 0;
    m_size = 0;
    m_first = 0;
    m_lastReleasedId.reset();
    m_gaps.clear();
    endResetModel();
}

void MessageTableModel::setCapacity(int rows)
{
    m_capacity = std::clamp(rows, MinCapacity, MaxCapacity);
}

void MessageTableModel::dropOldest(std::size_t rows)
{
    beginRemoveRows(QModelIndex(), 0, int(rows) - 1);
    for (std::size_t i = 0; i < rows; ++i)
        rowAt(i).frame = QString(); // the frame's text is freed with its last copy
    m_head += rows;
    m_size -= rows;
    m_first += rows;
    while (m_head >= ChunkRows) {
        m_chunks.pop_front();
        m_head -= ChunkRows;
    }
    if (m_size == 0 && !m_chunks.empty()) { // keep the ring's start aligned with a chunk
        m_chunks.clear();
        m_head = 0;
    }
    endRemoveRows();
}

void MessageTableModel::noteRelease(const Row &row, quint64 outputIndex)
{
    if (m_lastReleasedId && row.id > *m_lastReleasedId + 1) {
        m_gaps.push_back(Gap {*m_lastReleasedId + 1, row.id - 1, outputIndex});
        if (m_gaps.size() > MaxGaps)
            m_gaps.pop_front();
    }
    m_lastReleasedId = row.id;
}

void MessageTableModel::apply(const RunEventBatch &batch)
{
    qsizetype skip = 0; // a batch larger than the table: only its newest frames are kept
    const std::size_t incoming = std::size_t(batch.arrivals.size());
    if (incoming > 0) {
        const std::size_t capacity = std::size_t(m_capacity);
        const std::size_t overflow =
            m_size + incoming > capacity ? m_size + incoming - capacity : 0;
        const std::size_t drop = std::min(overflow, m_size);
        if (drop > 0)
            dropOldest(drop);
        skip = qsizetype(overflow - drop);
        if (m_size == 0) // the ring restarts at the first frame kept
            m_first = batch.arrivals[skip].index;
    }

    // Releases are taken in output order; a late arrival is measured against the ids released
    // before it arrived (the batch's releases up to its arrival time).
    qsizetype nextRelease = 0;
    const auto takeRelease = [this, &batch, &nextRelease] {
        const MessageRelease &r = batch.releases[nextRelease++];
        if (const auto row = rowOfArrival(r.arrivalIndex))
            noteRelease(rowAt(std::size_t(*row)), r.outputIndex);
        else
            m_lastReleasedId.reset(); // its id is not known here: no gap can be told
    };

    if (skip < qsizetype(incoming)) {
        const int first = int(m_size);
        beginInsertRows(QModelIndex(), first, first + int(qsizetype(incoming) - skip) - 1);
        for (qsizetype i = skip; i < qsizetype(incoming); ++i) {
            const MessageArrival &a = batch.arrivals[i];
            if ((m_head + m_size) % ChunkRows == 0
                && (m_head + m_size) / ChunkRows >= m_chunks.size())
                m_chunks.push_back(std::make_unique<Row[]>(ChunkRows));
            Row &row = rowAt(m_size++);
            row.frame = a.frame;
            row.id = a.id;
            row.arrivalNs = a.arrivalNs;
            row.output = -1;
            row.holdNs = 0;
            row.distance = 0;
            row.textStart = a.textStart;
            row.textLength = a.textLength;
            row.status = a.status;
            row.reason = a.reason;
            if (a.status == MessageStatus::Late) {
                while (nextRelease < batch.releases.size()
                       && batch.releases[nextRelease].releaseNs <= a.arrivalNs)
                    takeRelease();
                if (m_lastReleasedId)
                    row.distance = clamped(std::max<qint64>(0, *m_lastReleasedId - a.id));
            }
        }
        endInsertRows();
    }
    while (nextRelease < batch.releases.size())
        takeRelease();

    if (!batch.releases.isEmpty()) {
        int low = std::numeric_limits<int>::max();
        int high = -1;
        for (const MessageRelease &r : batch.releases) {
            const auto index = rowOfArrival(r.arrivalIndex);
            if (!index)
                continue;
            Row &row = rowAt(std::size_t(*index));
            row.output = qint64(r.outputIndex);
            row.distance = clamped(r.distance);
            row.holdNs = r.holdNs;
            low = std::min(low, *index);
            high = std::max(high, *index);
        }
        if (low <= high) {
            Q_EMIT dataChanged(index(low, OutputColumn), index(high, HoldColumn),
                               {Qt::DisplayRole});
        }
    }
}

std::optional<int> MessageTableModel::rowOfArrival(quint64 arrival) const
{
    if (arrival < m_first || arrival - m_first >= m_size)
        return std::nullopt;
    return int(arrival - m_first);
}

qint64 MessageTableModel::magnitude(int row) const
{
    const Row &r = rowAt(std::size_t(row));
    if (r.output >= 0)
        return r.distance < 0 ? -qint64(r.distance) : qint64(r.distance);
    if (r.status == MessageStatus::Late)
        return r.distance;
    return -1;
}

std::optional<int> MessageTableModel::findId(qint64 id, int from, int step) const
{
    for (int row = from + step; row >= 0 && std::size_t(row) < m_size; row += step) {
        const Row &r = rowAt(std::size_t(row));
        if (r.id == id && r.status != MessageStatus::Malformed)
            return row;
    }
    return std::nullopt;
}

std::optional<int> MessageTableModel::findStatus(MessageStatus status, int from, int step) const
{
    for (int row = from + step; row >= 0 && std::size_t(row) < m_size; row += step) {
        if (rowAt(std::size_t(row)).status == status)
            return row;
    }
    return std::nullopt;
}

std::optional<int> MessageTableModel::firstCopyOf(int row) const
{
    const qint64 wanted = rowAt(std::size_t(row)).id;
    std::optional<int> found;
    for (int r = row - 1; r >= 0; --r) {
        const Row &candidate = rowAt(std::size_t(r));
        if (candidate.id == wanted && candidate.status != MessageStatus::Malformed
            && candidate.status != MessageStatus::Duplicate)
            found = r; // keep looking: the earliest one is the first copy
    }
    return found;
}

std::optional<MessageTableModel::Gap> MessageTableModel::gapOf(qint64 id) const
{
    // Gaps are in output order, so in increasing id order.
    const auto it = std::upper_bound(m_gaps.begin(), m_gaps.end(), id,
                                     [](qint64 v, const Gap &g) { return v < g.firstId; });
    if (it == m_gaps.begin())
        return std::nullopt;
    const Gap &gap = *std::prev(it);
    if (id > gap.lastId)
        return std::nullopt;
    return gap;
}

MessageTableModel::RowInfo MessageTableModel::info(int row) const
{
    const Row &r = rowAt(std::size_t(row));
    RowInfo i;
    i.arrival = m_first + quint64(row);
    i.id = r.id;
    i.arrivalNs = r.arrivalNs;
    i.frame = r.frame;
    i.text = MessageCodec::textOf(r.frame, {r.id, r.textStart, r.textLength, r.reason}).toString();
    i.status = r.status;
    i.reason = r.reason;
    if (r.output >= 0)
        i.output = quint64(r.output);
    i.distance = r.distance;
    i.holdNs = r.holdNs;
    return i;
}

std::optional<QString> MessageTableModel::describe(quint64 arrival) const
{
    const auto row = rowOfArrival(arrival);
    if (!row)
        return std::nullopt;
    const Row &r = rowAt(std::size_t(*row));
    const QString what = r.status == MessageStatus::Malformed ? statusText(r.status)
        : r.output >= 0 ? tr("id %1, distance %2").arg(r.id).arg(r.distance)
                        : tr("id %1, %2").arg(r.id).arg(statusCell(r));
    return tr("arrival #%1: %2").arg(QLocale().toString(arrival), what);
}

QString MessageTableModel::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < ColumnCount; ++c)
        cells << data(index(row, c)).toString();
    return cells.join(QLatin1Char('\t'));
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

QString MessageTableModel::statusCell(const Row &row) const
{
    switch (row.status) {
    case MessageStatus::Malformed:
        return tr("malformed: %1").arg(MessageCodec::reasonText(row.reason));
    case MessageStatus::Late:
        return row.distance > 0 ? tr("late, %n id(s) behind", nullptr, row.distance)
                                : statusText(row.status);
    default:
        return statusText(row.status);
    }
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
            return qulonglong(m_first + quint64(index.row()));
        case IdColumn:
            return malformed ? QVariant() : QVariant(row.id);
        case TextColumn:
            return MessageCodec::textOf(row.frame,
                                        {row.id, row.textStart, row.textLength, row.reason})
                .toString();
        case StatusColumn:
            return statusCell(row);
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
