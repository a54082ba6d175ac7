#include "messagetableview.h"

#include <QScopedValueRollback>

void MessageTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    const bool autoScroll = hasAutoScroll();
    setAutoScroll(autoScroll && m_operatorMoving);
    QTableView::currentChanged(current, previous);
    setAutoScroll(autoScroll);
}

void MessageTableView::mousePressEvent(QMouseEvent *event)
{
    const QScopedValueRollback moving(m_operatorMoving, true);
    QTableView::mousePressEvent(event);
}

void MessageTableView::mouseMoveEvent(QMouseEvent *event)
{
    const QScopedValueRollback moving(m_operatorMoving, true);
    QTableView::mouseMoveEvent(event);
}

void MessageTableView::keyPressEvent(QKeyEvent *event)
{
    const QScopedValueRollback moving(m_operatorMoving, true);
    QTableView::keyPressEvent(event);
}
