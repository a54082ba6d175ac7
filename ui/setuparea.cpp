#include "setuparea.h"

#include "runsetuppanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

SetupArea::SetupArea(RunSetupPanel *setup, QWidget *parent)
    : QWidget(parent)
    , m_setup(setup)
    , m_scroll(new QScrollArea)
    , m_summaryBar(new QWidget)
    , m_summary(new QLabel)
    , m_toggle(new QToolButton)
{
    setObjectName(QStringLiteral("setupArea"));
    m_scroll->setWidget(setup);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_summary->setObjectName(QStringLiteral("setupSummary"));
    // One line, whatever its length: the whole text is in the tooltip.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_toggle->setObjectName(QStringLiteral("setupToggle"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });
    auto *bar = new QHBoxLayout(m_summaryBar);
    bar->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(m_toggle);
    bar->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summaryBar);
    layout->addWidget(m_scroll);
    setup->installEventFilter(this); // its height follows what it shows
    connect(setup, &RunSetupPanel::changed, this, [this] {
        m_summary->setText(summaryText());
        m_summary->setToolTip(summaryText());
    });
    m_summary->setText(summaryText());
    apply();
}

QString SetupArea::summaryText() const
{
    return m_setup->summary();
}

void SetupArea::setExpanded(bool expanded)
{
    m_wanted = expanded;
    if (m_runActive && expanded)
        m_runActive = false; // the operator opened it during the run: leave it open
    apply();
}

void SetupArea::setRunActive(bool active)
{
    // A run collapses the set-up; after it, it stays collapsed (the results and the table need
    // the room) until the operator opens it.
    if (active && !m_runActive)
        m_wanted = false;
    m_runActive = active;
    apply();
}

void SetupArea::setMaximumSetupHeight(int height)
{
    m_maxHeight = std::max(60, height);
    fitHeight();
}

void SetupArea::apply()
{
    const bool expanded = m_wanted && !m_runActive;
    m_scroll->setVisible(expanded);
    m_summary->setVisible(!expanded);
    m_summary->setText(summaryText());
    m_toggle->setText(expanded ? tr("Hide set-up") : tr("Set-up"));
    m_toggle->setArrowType(expanded ? Qt::UpArrow : Qt::DownArrow);
    m_toggle->setToolTip(expanded ? tr("Collapse the set-up into one line (Ctrl+Shift+U)")
                                  : tr("Show the whole set-up (Ctrl+Shift+U)"));
    fitHeight();
    if (expanded != m_expanded) {
        m_expanded = expanded;
        Q_EMIT expandedChanged(expanded);
    }
}

void SetupArea::fitHeight()
{
    const int wanted =
        m_setup->minimumSizeHint().height() + m_scroll->horizontalScrollBar()->sizeHint().height();
    // As tall as it wants up to part of the window; on a small screen less, and it scrolls.
    m_scroll->setMaximumHeight(std::min(wanted, m_maxHeight));
    m_scroll->setMinimumHeight(std::min(wanted, 80));
}

bool SetupArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_setup && event->type() == QEvent::LayoutRequest)
        fitHeight();
    return QWidget::eventFilter(watched, event);
}
