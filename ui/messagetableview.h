#pragma once

#include <QTableView>

/*!
    The message table's view. Qt moves the current row on its own: to the first visible row when
    the table gains focus, and to a neighbour when the ring drops the current row; and it scrolls
    to every new current row. Only the operator's own moves (a click, a drag, a key) may scroll
    here and count as picking a row: the others would throw a following table back to its oldest
    row and pause it.
*/
class MessageTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageTableView)

public:
    using QTableView::QTableView;

    // True while a mouse or key event of the operator's is being handled.
    bool isOperatorMoving() const { return m_operatorMoving; }

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_operatorMoving = false;
};
