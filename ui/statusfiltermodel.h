#pragma once

#include "run/runevents.h"

#include <QAbstractProxyModel>

#include <optional>
#include <vector>

class MessageTableModel;

/*!
    Shows the rows of a MessageTableModel with one status, or all of them. Made for a table that
    only grows at the end: a batch of new rows is one insert here too, and an update of a range
    of rows is one dataChanged() (QSortFilterProxyModel rebuilds its whole mapping on every
    insert, which a million-row live table cannot afford). Changing the filter resets.
*/
class StatusFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFilterModel)

public:
    explicit StatusFilterModel(MessageTableModel *source, QObject *parent = nullptr);

    // nullopt: every status.
    void setStatus(std::optional<MessageStatus> status);
    std::optional<MessageStatus> status() const { return m_status; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

private:
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void rebuild();
    int sourceRow(int proxyRow) const;

    MessageTableModel *m_source;
    std::optional<MessageStatus> m_status;
    std::vector<int> m_rows; // source rows shown, ascending (filtered only)
    int m_count = 0; // rows shown
};
