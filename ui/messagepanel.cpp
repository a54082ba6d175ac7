#include "messagepanel.h"

#include "files/runcsvwriter.h"
#include "messagetablemodel.h"
#include "statusfiltermodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The statuses the filter offers, after "All messages"; each item's data is its CSV key.
constexpr MessageStatus FilterStatuses[] = {MessageStatus::Accepted, MessageStatus::Late,
                                            MessageStatus::Duplicate, MessageStatus::Malformed,
                                            MessageStatus::Dropped};

} // namespace

MessagePanel::MessagePanel(MessageTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new StatusFilterModel(model, this))
    , m_view(new QTableView)
    , m_status(new QComboBox)
    , m_caption(new QLabel)
{

    m_view->setObjectName(QStringLiteral("messageTable"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[] = {9, 9, 8, 12, 9, 7, 8, 30};
    const QFontMetrics header(m_view->horizontalHeader()->font());
    for (int c = 0; c < MessageTableModel::ColumnCount; ++c) {
        const int title = header.horizontalAdvance(model->headerData(c, Qt::Horizontal).toString());
        m_view->setColumnWidth(c, std::max(widths[c] * digit, title) + 16);
    }

    m_caption->setFixedSize(m_caption->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 56,
                            m_caption->fontMetrics().height() + 2);
    m_caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All messages"), QString());
    for (MessageStatus s : FilterStatuses)
        m_status->addItem(MessageTableModel::statusText(s), RunCsvWriter::statusKey(s));
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { setStatusFilter(m_status->currentData().toString()); });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:")));
    top->addWidget(m_status);
    top->addStretch();
    top->addWidget(m_caption);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view);

    // Follow the tail: whoever scrolls up stops following; scrolling back down resumes it.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum() - 1; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_follow)
            bar->setValue(max);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MessagePanel::updateCaption);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        m_follow = true;
        updateCaption();
    });
    updateCaption();
}

void MessagePanel::setStatusFilter(const QString &statusKey)
{
    const int index = m_status->findData(statusKey);
    if (index >= 0 && index != m_status->currentIndex()) {
        m_status->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    std::optional<MessageStatus> status;
    for (MessageStatus s : FilterStatuses) {
        if (RunCsvWriter::statusKey(s) == statusKey)
            status = s;
    }
    m_filter->setStatus(status);
    m_follow = true;
    m_view->scrollToBottom();
    updateCaption();
}

void MessagePanel::updateCaption()
{
    QString text =
        tr("%1 of %2 frames")
            .arg(QLocale().toString(m_filter->rowCount()), QLocale().toString(m_model->rowCount()));
    if (m_model->rowsNotShown() > 0)
        text +=
            tr(" (%1 more in the run's CSV only)").arg(QLocale().toString(m_model->rowsNotShown()));
    m_caption->setText(text);
}
