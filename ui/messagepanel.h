#pragma once

#include "findbar.h"

#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QSpinBox;
class QToolBar;
QT_END_NAMESPACE

class MessageDetails;
class MessageTableModel;
class MessageTableView;
class StatusFilterModel;

/*!
    The live message table: it follows the newest rows until the operator pauses it (Space,
    or by scrolling up, selecting or finding a row) while the data keeps flowing underneath;
    filters by any set of statuses and by distance; finds an id, an arrival #, the next late,
    duplicate or malformed row; and feeds the details pane with the selected row.
*/
class MessagePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagePanel)

public:
    explicit MessagePanel(MessageTableModel *model, QWidget *parent = nullptr);

    MessageTableView *view() const { return m_view; }
    StatusFilterModel *filter() const { return m_filter; }
    MessageDetails *details() const { return m_details; }
    FindBar *findBar() const { return m_find; }
    QAction *pauseAction() const { return m_pause; }
    // "" for every status, or accepted / late / duplicate / malformed.
    void setStatusFilter(const QString &statusKey);
    // A set of StatusFilterModel::bit(status).
    void setStatuses(unsigned statuses);
    void setMinDistance(qint64 above);
    void updateCaption();

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    void jumpToLatest();
    // Selects (and shows) the row of this arrival or id; false if the table does not hold it.
    bool selectArrival(quint64 arrival);
    bool findId(qint64 id);
    bool step(MessageStatus status, int direction);
    // The arrival # of the selected row.
    std::optional<quint64> selectedArrival() const;

Q_SIGNALS:
    // The operator picked a row: the details pane has it.
    void rowPicked();

private:
    void buildViewBar();
    void onFind(FindBar::Target target, qint64 value);
    void onCurrentChanged();
    void onRowsRemoved(int count);
    void updateFollowLabel();
    void copySelectedRows();
    void select(int sourceRow);
    int currentSourceRow() const;
    void applyStatusActions();

    MessageTableModel *m_model;
    StatusFilterModel *m_filter;
    MessageTableView *m_view;
    QToolBar *m_viewBar;
    FindBar *m_find;
    MessageDetails *m_details;
    QLabel *m_follow;
    QLabel *m_caption;
    QAction *m_pause = nullptr;
    QAction *m_latest = nullptr;
    QAction *m_statusActions[5] = {}; // one per status the filter offers
    QSpinBox *m_minDistance = nullptr;
    bool m_paused = false;
    bool m_programmatic = false; // our own scrolling and selecting, not the operator's
    quint64 m_arrivalsAtPause = 0;
    std::optional<quint64> m_detailsArrival; // the row the details pane shows
};
