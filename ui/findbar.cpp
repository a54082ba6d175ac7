#include "findbar.h"

#include "messagetablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

FindBar::FindBar(QWidget *parent)
    : QToolBar(parent)
    , m_text(new QLineEdit)
    , m_target(new QComboBox)
    , m_kind(new QComboBox)
{
    setObjectName(QStringLiteral("findBar"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *label = new QLabel(tr("F&ind:"));
    label->setBuddy(m_text);
    m_text->setObjectName(QStringLiteral("findText"));
    m_text->setPlaceholderText(tr("id or arrival #"));
    m_text->setToolTip(tr("Jump to the row with this id or arrival # (Ctrl+F, then Enter)"));
    m_text->setClearButtonEnabled(true);
    m_text->setFixedWidth(m_text->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    m_target->setObjectName(QStringLiteral("findTarget"));
    m_target->addItem(tr("Id"), int(Target::Id));
    m_target->addItem(tr("Arrival #"), int(Target::Arrival));
    m_target->setToolTip(tr("Whether the number is a message id or an arrival #"));
    addWidget(label);
    addWidget(m_text);
    addWidget(m_target);
    QAction *go = addAction(tr("Go"), this, &FindBar::runFind);
    go->setToolTip(tr("Jump to it (Enter)"));
    connect(m_text, &QLineEdit::returnPressed, this, &FindBar::runFind);
    addSeparator();

    m_kind->setObjectName(QStringLiteral("findKind"));
    for (MessageStatus s : {MessageStatus::Late, MessageStatus::Duplicate, MessageStatus::Malformed,
                            MessageStatus::Dropped})
        m_kind->addItem(MessageTableModel::statusText(s), int(s));
    m_kind->setToolTip(tr("The kind of row that Previous and Next jump to"));
    QAction *previous = addAction(tr("◀ Previous"), this, [this] {
        Q_EMIT stepRequested(MessageStatus(m_kind->currentData().toInt()), -1);
    });
    previous->setObjectName(QStringLiteral("findPrevious"));
    previous->setShortcut(QKeySequence(QStringLiteral("Shift+F3")));
    previous->setShortcutContext(Qt::WindowShortcut);
    previous->setToolTip(tr("The previous row of this kind (Shift+F3)"));
    addWidget(m_kind);
    QAction *next = addAction(tr("Next ▶"), this, [this] {
        Q_EMIT stepRequested(MessageStatus(m_kind->currentData().toInt()), +1);
    });
    next->setObjectName(QStringLiteral("findNext"));
    next->setShortcut(QKeySequence(QStringLiteral("F3")));
    next->setShortcutContext(Qt::WindowShortcut);
    next->setToolTip(tr("The next row of this kind (F3)"));
}

void FindBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FindBar::showResult(const QString &text, bool found)
{
    m_text->setStyleSheet(found ? QString()
                                : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
    m_text->setToolTip(text);
}

void FindBar::find(Target target, const QString &text)
{
    m_target->setCurrentIndex(m_target->findData(int(target)));
    m_text->setText(text);
    runFind();
}

void FindBar::runFind()
{
    QString text = m_text->text().trimmed();
    Target target = Target(m_target->currentData().toInt());
    if (text.startsWith(QLatin1Char('#'))) { // "#123" is an arrival #, whatever is chosen
        text.remove(0, 1);
        target = Target::Arrival;
    }
    text.remove(QLatin1Char(' ')).remove(QLatin1Char(',')).remove(QChar(0x00A0));
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok) {
        showResult(tr("\"%1\" is not a number").arg(m_text->text()), false);
        return;
    }
    Q_EMIT findRequested(target, value);
}
