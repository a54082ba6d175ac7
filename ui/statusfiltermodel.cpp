#include "statusfiltermodel.h"

#include "messagetablemodel.h"

#include <algorithm>

StatusFilterModel::StatusFilterModel(MessageTableModel *source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::rowsInserted, this, &StatusFilterModel::onRowsInserted);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &StatusFilterModel::onRowsAboutToBeRemoved);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &StatusFilterModel::onRowsRemoved);
    connect(source, &QAbstractItemModel::dataChanged, this, &StatusFilterModel::onDataChanged);
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(source, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
    rebuild();
}

void StatusFilterModel::setStatuses(unsigned statuses)
{
    statuses &= AllStatuses;
    if (statuses == m_statuses)
        return;
    beginResetModel();
    m_statuses = statuses;
    rebuild();
    endResetModel();
}

void StatusFilterModel::setMinDistance(qint64 above)
{
    above = std::max<qint64>(0, above);
    if (above == m_above)
        return;
    beginResetModel();
    m_above = above;
    rebuild();
    endResetModel();
}

bool StatusFilterModel::accepts(int row) const
{
    if (!(m_statuses & bit(m_source->status(row))))
        return false;
    return m_above == 0 || m_source->magnitude(row) > m_above;
}

void StatusFilterModel::rebuild()
{
    m_arrivals.clear();
    const int n = m_source->rowCount();
    if (!filtering()) {
        m_count = n;
        return;
    }
    const quint64 first = m_source->firstArrival();
    for (int row = 0; row < n; ++row) {
        if (accepts(row))
            m_arrivals.push_back(first + quint64(row));
    }
    m_count = int(m_arrivals.size());
}

void StatusFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!filtering()) {
        beginInsertRows(QModelIndex(), m_count, m_count + (last - first));
        m_count += last - first + 1;
        endInsertRows();
        return;
    }
    const quint64 base = m_source->firstArrival();
    std::vector<quint64> added;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            added.push_back(base + quint64(row));
    }
    if (added.empty())
        return;
    beginInsertRows(QModelIndex(), m_count, m_count + int(added.size()) - 1);
    m_arrivals.insert(m_arrivals.end(), added.begin(), added.end());
    m_count = int(m_arrivals.size());
    endInsertRows();
}

void StatusFilterModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    // The ring only ever drops its oldest rows: rows 0..last.
    if (parent.isValid())
        return;
    Q_UNUSED(first)
    if (!filtering()) {
        m_removing = last + 1;
    } else {
        const quint64 end = m_source->firstArrival() + quint64(last) + 1;
        m_removing =
            int(std::lower_bound(m_arrivals.begin(), m_arrivals.end(), end) - m_arrivals.begin());
    }
    if (m_removing > 0)
        beginRemoveRows(QModelIndex(), 0, m_removing - 1);
}

void StatusFilterModel::onRowsRemoved(const QModelIndex &parent, int, int)
{
    if (parent.isValid() || m_removing == 0)
        return;
    if (filtering())
        m_arrivals.erase(m_arrivals.begin(), m_arrivals.begin() + m_removing);
    m_count -= m_removing;
    m_removing = 0;
    endRemoveRows();
}

void StatusFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                      const QList<int> &roles)
{
    int firstRow = topLeft.row();
    int lastRow = bottomRight.row();
    if (filtering()) {
        const quint64 base = m_source->firstArrival();
        if (m_above > 0) {
            // A released row gets its distance now: it may join the rows shown. Rows only ever
            // join (a distance is set once), near the end, a run of them at a time.
            for (int row = firstRow; row <= lastRow; ++row) {
                const quint64 arrival = base + quint64(row);
                const auto at = std::lower_bound(m_arrivals.begin(), m_arrivals.end(), arrival);
                if ((at != m_arrivals.end() && *at == arrival) || !accepts(row))
                    continue;
                const int position = int(at - m_arrivals.begin());
                int end = row + 1;
                const quint64 limit = at == m_arrivals.end() ? ~quint64(0) : *at;
                std::vector<quint64> run {arrival};
                for (; end <= lastRow && base + quint64(end) < limit; ++end) {
                    if (accepts(end))
                        run.push_back(base + quint64(end));
                }
                beginInsertRows(QModelIndex(), position, position + int(run.size()) - 1);
                m_arrivals.insert(m_arrivals.begin() + position, run.begin(), run.end());
                m_count = int(m_arrivals.size());
                endInsertRows();
                row = end - 1;
            }
        }
        const auto begin =
            std::lower_bound(m_arrivals.begin(), m_arrivals.end(), base + quint64(firstRow));
        const auto end = std::upper_bound(begin, m_arrivals.end(), base + quint64(lastRow));
        if (begin == end)
            return;
        firstRow = int(begin - m_arrivals.begin());
        lastRow = int(end - m_arrivals.begin()) - 1;
    }
    Q_EMIT dataChanged(index(firstRow, topLeft.column()), index(lastRow, bottomRight.column()),
                       roles);
}

int StatusFilterModel::sourceRow(int proxyRow) const
{
    return filtering() ? int(m_arrivals[std::size_t(proxyRow)] - m_source->firstArrival())
                       : proxyRow;
}

QModelIndex StatusFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.row() >= m_count)
        return QModelIndex();
    return m_source->index(sourceRow(proxyIndex.row()), proxyIndex.column());
}

QModelIndex StatusFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return QModelIndex();
    if (!filtering())
        return sourceIndex.row() < m_count ? index(sourceIndex.row(), sourceIndex.column())
                                           : QModelIndex();
    const quint64 arrival = m_source->firstArrival() + quint64(sourceIndex.row());
    const auto it = std::lower_bound(m_arrivals.begin(), m_arrivals.end(), arrival);
    if (it == m_arrivals.end() || *it != arrival)
        return QModelIndex();
    return index(int(it - m_arrivals.begin()), sourceIndex.column());
}

QModelIndex StatusFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_count || column < 0 || column >= columnCount())
        return QModelIndex();
    return createIndex(row, column);
}

QModelIndex StatusFilterModel::parent(const QModelIndex &) const
{
    return QModelIndex();
}

int StatusFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int StatusFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source->columnCount();
}
