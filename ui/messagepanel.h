#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QTableView;
QT_END_NAMESPACE

class MessageTableModel;
class StatusFilterModel;

/*!
    The live message table with a status filter. The view follows the newest rows unless the
    operator has scrolled away from the bottom.
*/
class MessagePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagePanel)

public:
    explicit MessagePanel(MessageTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    StatusFilterModel *filter() const { return m_filter; }
    // "" for every status, or accepted / late / duplicate / malformed.
    void setStatusFilter(const QString &statusKey);
    void updateCaption();

private:
    MessageTableModel *m_model;
    StatusFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_status;
    QLabel *m_caption;
    bool m_follow = true;
};
