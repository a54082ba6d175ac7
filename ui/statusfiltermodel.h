#pragma once

#include "run/runevents.h"

#include <QAbstractProxyModel>

#include <deque>

class MessageTableModel;

/*!
    Shows the rows of a MessageTableModel with some statuses (any set of them) and, optionally,
    only those whose distance is above a threshold (|distance| of a sent message, ids behind of a
    late one). Made for the live ring: a batch of new rows is one insert here too, the oldest rows
    leaving the ring one remove, an update of a range of rows one dataChanged()
    (QSortFilterProxyModel rebuilds its whole mapping on every insert, which a million-row live
    table cannot afford). Changing the filter resets.
*/
class StatusFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFilterModel)

public:
    static constexpr unsigned AllStatuses = 0x1F; // every MessageStatus
    static unsigned bit(MessageStatus status) { return 1u << unsigned(status); }

    explicit StatusFilterModel(MessageTableModel *source, QObject *parent = nullptr);

    // A set of bit(status); AllStatuses for every one.
    void setStatuses(unsigned statuses);
    unsigned statuses() const { return m_statuses; }
    // Rows whose distance is above this; 0: no distance filter.
    void setMinDistance(qint64 above);
    qint64 minDistance() const { return m_above; }
    bool filtering() const { return m_statuses != AllStatuses || m_above > 0; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

private:
    bool accepts(int sourceRow) const;
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void rebuild();
    int sourceRow(int proxyRow) const;

    MessageTableModel *m_source;
    unsigned m_statuses = AllStatuses;
    qint64 m_above = 0;
    // Filtered only: the arrival indices shown, ascending (they stay valid as the ring moves).
    std::deque<quint64> m_arrivals;
    int m_count = 0; // rows shown
    int m_removing = 0; // rows leaving, between rowsAboutToBeRemoved and rowsRemoved
};
