#pragma once

#include "run/runevents.h"

#include <QToolBar>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
QT_END_NAMESPACE

/*!
    Find in the message table: an id or an arrival #, and the next or previous late, duplicate
    or malformed row. It only asks; the message panel searches and shows what it found. A tool
    bar, so that on a narrow window what does not fit goes behind its extension button.
*/
class FindBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    enum class Target { Id, Arrival };

    explicit FindBar(QWidget *parent = nullptr);

    // Ctrl+F: the search field, ready to type.
    void focusSearch();
    void showResult(const QString &text, bool found);
    void find(Target target, const QString &text); // as if typed and run

Q_SIGNALS:
    void findRequested(FindBar::Target target, qint64 value);
    void stepRequested(MessageStatus status, int step); // +1 next, -1 previous

private:
    void runFind();

    QLineEdit *m_text;
    QComboBox *m_target;
    QComboBox *m_kind;
};
