#include "statusfiltermodel.h"

#include "messagetablemodel.h"

#include <algorithm>

StatusFilterModel::StatusFilterModel(MessageTableModel *source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::rowsInserted, this, &StatusFilterModel::onRowsInserted);
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

void StatusFilterModel::setStatus(std::optional<MessageStatus> status)
{
    if (status == m_status)
        return;
    beginResetModel();
    m_status = status;
    rebuild();
    endResetModel();
}

void StatusFilterModel::rebuild()
{
    m_rows.clear();
    const int n = m_source->rowCount();
    if (!m_status) {
        m_count = n;
        return;
    }
    for (int row = 0; row < n; ++row) {
        if (m_source->status(row) == *m_status)
            m_rows.push_back(row);
    }
    m_count = int(m_rows.size());
}

void StatusFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_status) {
        beginInsertRows(QModelIndex(), m_count, m_count + (last - first));
        m_count += last - first + 1;
        endInsertRows();
        return;
    }
    std::vector<int> added;
    for (int row = first; row <= last; ++row) {
        if (m_source->status(row) == *m_status)
            added.push_back(row);
    }
    if (added.empty())
        return;
    beginInsertRows(QModelIndex(), m_count, m_count + int(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    m_count = int(m_rows.size());
    endInsertRows();
}

void StatusFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                      const QList<int> &roles)
{
    int firstRow = topLeft.row();
    int lastRow = bottomRight.row();
    if (m_status) {
        const auto begin = std::lower_bound(m_rows.begin(), m_rows.end(), firstRow);
        const auto end = std::upper_bound(begin, m_rows.end(), lastRow);
        if (begin == end)
            return;
        firstRow = int(begin - m_rows.begin());
        lastRow = int(end - m_rows.begin()) - 1;
    }
    Q_EMIT dataChanged(index(firstRow, topLeft.column()), index(lastRow, bottomRight.column()),
                       roles);
}

int StatusFilterModel::sourceRow(int proxyRow) const
{
    return m_status ? m_rows[std::size_t(proxyRow)] : proxyRow;
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
    if (!m_status)
        return sourceIndex.row() < m_count ? index(sourceIndex.row(), sourceIndex.column())
                                           : QModelIndex();
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), sourceIndex.row());
    if (it == m_rows.end() || *it != sourceIndex.row())
        return QModelIndex();
    return index(int(it - m_rows.begin()), sourceIndex.column());
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
