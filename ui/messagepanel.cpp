#include "messagepanel.h"

#include "files/runcsvwriter.h"
#include "messagedetails.h"
#include "messagetablemodel.h"
#include "messagetableview.h"
#include "statusfiltermodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The statuses the filter offers, in this order.
constexpr MessageStatus FilterStatuses[] = {MessageStatus::Accepted, MessageStatus::Late,
                                            MessageStatus::Duplicate, MessageStatus::Malformed,
                                            MessageStatus::Dropped};

QString number(quint64 v)
{
    return QLocale().toString(v);
}

} // namespace

MessagePanel::MessagePanel(MessageTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new StatusFilterModel(model, this))
    , m_view(new MessageTableView)
    , m_viewBar(new QToolBar)
    , m_find(new FindBar)
    , m_details(new MessageDetails(model))
    , m_follow(new QLabel)
    , m_caption(new QLabel)
{
    m_view->setObjectName(QStringLiteral("messageTable"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, like every other panel
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[] = {9, 9, 8, 24, 9, 7, 8, 30};
    const QFontMetrics header(m_view->horizontalHeader()->font());
    for (int c = 0; c < MessageTableModel::ColumnCount; ++c) {
        const int title = header.horizontalAdvance(model->headerData(c, Qt::Horizontal).toString());
        m_view->setColumnWidth(c, std::max(widths[c] * digit, title) + 16);
    }

    auto *copyRow = new QAction(tr("Copy row"), m_view);
    copyRow->setShortcut(QKeySequence::Copy);
    copyRow->setShortcutContext(Qt::WidgetShortcut);
    connect(copyRow, &QAction::triggered, this, &MessagePanel::copySelectedRows);
    auto *copyFrame = new QAction(tr("Copy raw frame"), m_view);
    copyFrame->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    copyFrame->setShortcutContext(Qt::WidgetShortcut);
    connect(copyFrame, &QAction::triggered, m_details, &MessageDetails::copyRawFrame);
    m_view->addActions({copyRow, copyFrame});
    // Ctrl+Tab leaves the table too (Tab does, the table does not move between its cells).
    for (const bool forward : {true, false}) {
        auto *leave = new QShortcut(forward ? QKeySequence(Qt::CTRL | Qt::Key_Tab)
                                            : QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                    m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(leave, &QShortcut::activated, this, [this, forward] {
            QWidget *w = m_view;
            do {
                w = forward ? w->nextInFocusChain() : w->previousInFocusChain();
            } while (w != m_view
                     && !(w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)));
            w->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        });
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    buildViewBar();
    m_caption->setObjectName(QStringLiteral("tableCaption"));
    m_caption->setWordWrap(true);
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_caption->setToolTip(tr("The table keeps the newest rows (Connections and limits: Table "
                             "rows); every frame of the run is in its CSV"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_viewBar);
    layout->addWidget(m_find);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    // Follow the tail: scrolling up pauses; scrolling back to the bottom follows again.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (m_programmatic)
            return;
        if (value >= bar->maximum() - 1) {
            if (m_paused && value == bar->maximum() && bar->maximum() > 0)
                setPaused(false);
        } else if (!m_paused) {
            setPaused(true);
        }
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (!m_paused) {
            m_programmatic = true;
            bar->setValue(max);
            m_programmatic = false;
        }
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0)
                    onRowsRemoved(last + 1);
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_detailsArrival && *m_detailsArrival < m_model->firstArrival()) {
            m_details->showGone(*m_detailsArrival); // it stays in the pane, said to be gone
            m_detailsArrival.reset(); // once
        }
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() == 0) { // a new run
            m_detailsArrival.reset();
            m_details->showRow(-1);
            setPaused(false);
        }
        updateCaption();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (!m_detailsArrival)
                    return;
                const auto row = m_model->rowOfArrival(*m_detailsArrival);
                if (row && *row >= topLeft.row() && *row <= bottomRight.row())
                    m_details->showRow(*row); // released since it was shown
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessagePanel::onCurrentChanged);
    connect(m_find, &FindBar::findRequested, this, &MessagePanel::onFind);
    connect(m_find, &FindBar::stepRequested, this, &MessagePanel::step);
    connect(m_details, &MessageDetails::arrivalRequested, this, &MessagePanel::selectArrival);
    updateFollowLabel();
    updateCaption();
}

void MessagePanel::buildViewBar()
{
    m_viewBar->setObjectName(QStringLiteral("viewBar"));
    m_viewBar->setMovable(false);
    m_viewBar->setFloatable(false);
    m_viewBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow->setObjectName(QStringLiteral("followState"));
    m_follow->setToolTip(tr("Following: the table shows the newest rows as they arrive. Paused: "
                            "it stays where it is while the data keeps flowing underneath."));
    m_viewBar->addWidget(m_follow);
    m_pause = m_viewBar->addAction(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("pauseView"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    // Space belongs to the focused button or field elsewhere: here, in the table and its bars.
    m_pause->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_pause);
    m_pause->setToolTip(tr("Pause or resume following the newest rows (Space); the run goes on"));
    connect(m_pause, &QAction::toggled, this, &MessagePanel::setPaused);
    m_latest = m_viewBar->addAction(tr("Jump to latest"), this, &MessagePanel::jumpToLatest);
    m_latest->setObjectName(QStringLiteral("jumpToLatest"));
    m_latest->setShortcut(QKeySequence(QStringLiteral("Ctrl+End")));
    m_latest->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_latest);
    m_latest->setToolTip(tr("Show the newest rows and follow them again (Ctrl+End)"));
    m_viewBar->addSeparator();

    m_viewBar->addWidget(new QLabel(tr("Show:")));
    for (std::size_t i = 0; i < std::size(FilterStatuses); ++i) {
        QAction *a = m_viewBar->addAction(MessageTableModel::statusText(FilterStatuses[i]));
        a->setCheckable(true);
        a->setChecked(true);
        a->setObjectName(QStringLiteral("show-") + RunCsvWriter::statusKey(FilterStatuses[i]));
        a->setToolTip(tr("Show or hide the %1 rows; any set of statuses at once")
                          .arg(MessageTableModel::statusText(FilterStatuses[i])));
        connect(a, &QAction::toggled, this, &MessagePanel::applyStatusActions);
        m_statusActions[i] = a;
    }
    auto *above = new QLabel(tr("distance &above"));
    m_minDistance = new QSpinBox;
    m_minDistance->setObjectName(QStringLiteral("minDistance"));
    m_minDistance->setRange(0, 1000000000);
    m_minDistance->setSpecialValueText(tr("any"));
    m_minDistance->setGroupSeparatorShown(true);
    m_minDistance->setToolTip(tr("Only rows further out of order than this: |distance| of a sent "
                                 "message, ids behind of a late one (any: no limit)"));
    above->setBuddy(m_minDistance);
    connect(m_minDistance, &QSpinBox::valueChanged, this,
            [this](int v) { setMinDistance(qint64(v)); });
    m_viewBar->addWidget(above);
    m_viewBar->addWidget(m_minDistance);
}

void MessagePanel::applyStatusActions()
{
    unsigned statuses = 0;
    for (std::size_t i = 0; i < std::size(FilterStatuses); ++i) {
        if (m_statusActions[i]->isChecked())
            statuses |= StatusFilterModel::bit(FilterStatuses[i]);
    }
    setStatuses(statuses);
}

void MessagePanel::setStatuses(unsigned statuses)
{
    for (std::size_t i = 0; i < std::size(FilterStatuses); ++i) {
        const QSignalBlocker block(m_statusActions[i]);
        m_statusActions[i]->setChecked(statuses & StatusFilterModel::bit(FilterStatuses[i]));
    }
    m_filter->setStatuses(statuses);
    if (!m_paused)
        m_view->scrollToBottom();
    updateCaption();
}

void MessagePanel::setStatusFilter(const QString &statusKey)
{
    unsigned statuses = StatusFilterModel::AllStatuses;
    for (MessageStatus s : FilterStatuses) {
        if (RunCsvWriter::statusKey(s) == statusKey)
            statuses = StatusFilterModel::bit(s);
    }
    setStatuses(statuses);
}

void MessagePanel::setMinDistance(qint64 above)
{
    if (m_minDistance->value() != above) {
        const QSignalBlocker block(m_minDistance);
        m_minDistance->setValue(int(std::min<qint64>(above, m_minDistance->maximum())));
    }
    m_filter->setMinDistance(above);
    if (!m_paused)
        m_view->scrollToBottom();
    updateCaption();
}

void MessagePanel::setPaused(bool paused)
{
    if (paused != m_paused) {
        m_paused = paused;
        m_arrivalsAtPause = m_model->arrivals();
    }
    if (m_pause->isChecked() != paused) {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
    }
    if (!paused) {
        m_programmatic = true;
        m_view->scrollToBottom();
        m_programmatic = false;
    }
    updateFollowLabel();
}

void MessagePanel::jumpToLatest()
{
    setPaused(false);
    if (const int rows = m_filter->rowCount(); rows > 0) {
        m_programmatic = true;
        m_view->setCurrentIndex(m_filter->index(rows - 1, 0));
        m_view->scrollToBottom();
        m_programmatic = false;
    }
}

void MessagePanel::updateFollowLabel()
{
    if (!m_paused) {
        m_follow->setText(QStringLiteral("<span style=\"color:#2e7d32\">&#9679;</span> %1")
                              .arg(tr("following", "the table shows the newest rows")));
        return;
    }
    const quint64 since = m_model->arrivals() - std::min(m_arrivalsAtPause, m_model->arrivals());
    const QString paused = tr("paused", "the table stays where it is");
    m_follow->setText(
        QStringLiteral("<span style=\"color:#c47800\">&#10074;&#10074;</span> <b>%1</b>%2")
            .arg(paused, since > 0 ? tr(", %1 new below").arg(number(since)) : QString()));
}

void MessagePanel::onRowsRemoved(int count)
{
    // The ring dropped its oldest rows: a paused view keeps showing the same messages.
    if (!m_paused)
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    m_programmatic = true;
    bar->setValue(std::max(0, bar->value() - count));
    m_programmatic = false;
}

void MessagePanel::updateCaption()
{
    const quint64 rows = quint64(m_model->rowCount());
    const quint64 shown = quint64(m_filter->rowCount());
    QString text;
    if (m_model->rowsDropped() == 0) {
        text = m_filter->filtering() ? tr("%1 of %2 frames shown").arg(number(shown), number(rows))
                                     : tr("%1 frames").arg(number(rows));
    } else {
        text = tr("%1 shown of the latest %2 frames (arrivals %3–%4); all %5 are in the run's CSV")
                   .arg(number(shown), number(rows), number(m_model->firstArrival()),
                        number(m_model->arrivals() - 1), number(m_model->arrivals()));
    }
    if (m_caption->text() != text)
        m_caption->setText(text);
    if (m_paused)
        updateFollowLabel();
}

int MessagePanel::currentSourceRow() const
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    return current.isValid() ? current.row() : -1;
}

std::optional<quint64> MessagePanel::selectedArrival() const
{
    const int row = currentSourceRow();
    if (row < 0)
        return std::nullopt;
    return m_model->firstArrival() + quint64(row);
}

void MessagePanel::onCurrentChanged()
{
    // Qt moves the current row by itself too (the focus arrived, the ring dropped the row): the
    // details pane keeps its message.
    if (!m_programmatic && !m_view->isOperatorMoving())
        return;
    const int row = currentSourceRow();
    m_detailsArrival =
        row >= 0 ? std::optional<quint64>(m_model->firstArrival() + quint64(row)) : std::nullopt;
    m_details->showRow(row);
    if (!m_programmatic && row >= 0) {
        setPaused(true); // the operator looks at a row: keep it in view
        Q_EMIT rowPicked();
    }
}

void MessagePanel::select(int sourceRow)
{
    QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) { // hidden by the filter: show everything, then it
        setStatuses(StatusFilterModel::AllStatuses);
        setMinDistance(0);
        index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    }
    setPaused(true);
    m_programmatic = true;
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_programmatic = false;
    onCurrentChanged();
    Q_EMIT rowPicked();
}

bool MessagePanel::selectArrival(quint64 arrival)
{
    const auto row = m_model->rowOfArrival(arrival);
    if (!row) {
        m_find->showResult(arrival < m_model->firstArrival()
                               ? tr("Arrival #%1 is older than the rows the table keeps (see the "
                                    "run's CSV)")
                                     .arg(number(arrival))
                               : tr("There is no arrival #%1 yet").arg(number(arrival)),
                           false);
        return false;
    }
    select(*row);
    m_find->showResult(tr("Arrival #%1").arg(number(arrival)), true);
    return true;
}

bool MessagePanel::findId(qint64 id)
{
    // From the selected row on, newest first; wraps round once.
    const int from = currentSourceRow();
    auto row = m_model->findId(id, from < 0 ? m_model->rowCount() : from, -1);
    if (!row && from >= 0)
        row = m_model->findId(id, m_model->rowCount(), -1);
    if (!row) {
        m_find->showResult(tr("No row with id %1 in the table").arg(id), false);
        return false;
    }
    select(*row);
    m_find->showResult(
        tr("Id %1: arrival #%2").arg(id).arg(number(m_model->firstArrival() + quint64(*row))),
        true);
    return true;
}

bool MessagePanel::step(MessageStatus status, int direction)
{
    const int from = currentSourceRow();
    const int start = from >= 0 ? from : (direction > 0 ? -1 : m_model->rowCount());
    const auto row = m_model->findStatus(status, start, direction > 0 ? 1 : -1);
    if (!row) {
        m_find->showResult(
            direction > 0
                ? tr("No %1 row after this one").arg(MessageTableModel::statusText(status))
                : tr("No %1 row before this one").arg(MessageTableModel::statusText(status)),
            false);
        return false;
    }
    select(*row);
    m_find->showResult(QString(), true);
    return true;
}

void MessagePanel::onFind(FindBar::Target target, qint64 value)
{
    if (target == FindBar::Target::Arrival) {
        if (value < 0) {
            m_find->showResult(tr("An arrival # is 0 or more"), false);
            return;
        }
        selectArrival(quint64(value));
    } else {
        findId(value);
    }
}

void MessagePanel::copySelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(index).row();
    if (rows.isEmpty() && currentSourceRow() >= 0)
        rows << currentSourceRow();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows)) {
        if (row >= 0)
            lines << m_model->rowText(row);
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}
