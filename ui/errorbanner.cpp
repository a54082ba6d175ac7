#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_remedy(new QPushButton)
{
    setObjectName(QStringLiteral("errorBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(
        QStringLiteral("#errorBanner { background: #ffebee; border: 1px solid #c62828; }"));
    m_label->setObjectName(QStringLiteral("errorText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remedy->setObjectName(QStringLiteral("switchToStream"));
    m_remedy->hide();
    connect(m_remedy, &QPushButton::clicked, this, &ErrorBanner::remedyChosen);
    auto *dismiss = new QPushButton(tr("Dismiss"));
    connect(dismiss, &QPushButton::clicked, this, &ErrorBanner::dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_remedy);
    layout->addWidget(dismiss);
    hide();
}

void ErrorBanner::showMessage(const QString &message)
{
    m_label->setText(message);
    show();
}

void ErrorBanner::offerRemedy(const QString &text, const QString &toolTip)
{
    m_remedy->setText(text);
    m_remedy->setToolTip(toolTip);
    m_remedy->show();
}

void ErrorBanner::dismiss()
{
    m_remedy->hide();
    m_label->clear();
    hide();
}

QString ErrorBanner::text() const
{
    return !isHidden() || !m_label->text().isEmpty() ? m_label->text() : QString();
}
