#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QPushButton;
class QTextBrowser;
QT_END_NAMESPACE

class MessageTableModel;

/*!
    The selected message in full: the whole raw frame (text, and hex), the reason of its status
    in words, arrival time, hold time, output #; for a duplicate where its first copy is, for a
    late message which gap it fell into. Copy row and copy raw frame.
*/
class MessageDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageDetails)

public:
    explicit MessageDetails(MessageTableModel *model, QWidget *parent = nullptr);

    // A row of the model; -1: nothing selected.
    void showRow(int row);
    // The ring dropped the message shown: it stays, said to be gone from the table.
    void showGone(quint64 arrival);
    QString text() const; // as shown, plain
    QString rawFrame() const { return m_frame; }

public Q_SLOTS:
    void copyRow();
    void copyRawFrame();

Q_SIGNALS:
    // "Go to the first copy": an arrival # to select.
    void arrivalRequested(quint64 arrival);

private:
    QString describe(int row) const;

    MessageTableModel *m_model;
    QTextBrowser *m_view;
    QPushButton *m_copyRow;
    QPushButton *m_copyFrame;
    QString m_html;
    QString m_rowText;
    QString m_frame;
};
