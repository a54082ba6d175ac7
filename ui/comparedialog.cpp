#include "comparedialog.h"

#include "comparefigures.h"
#include "overlayhistogram.h"
#include "overlayratechart.h"
#include "verdictstyle.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// Long values without spaces (URLs) may break after these, rather than be cut off.
QString breakable(QString text)
{
    static const QChar zeroWidthSpace(0x200B);
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('&')})
        text.replace(c, QString(c) + zeroWidthSpace);
    return text;
}

// The name a run goes by in the charts' legends: its own, with its id when it has one.
QString legendName(const HistoryEntry &e)
{
    return e.name.isEmpty() ? e.title() : QStringLiteral("%1 (#%2)").arg(e.name).arg(e.id);
}

} // namespace

QColor CompareDialog::highlight()
{
    return QColor(255, 236, 179); // amber, light: dark text stays readable
}

CompareDialog::CompareDialog(const HistoryRecord &older, const HistoryRecord &newer,
                             QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget)
    , m_histogram(new OverlayHistogram)
    , m_rates(new OverlayRateChart)
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare %1 and %2").arg(older.entry.title(), newer.entry.title()));
    setAttribute(Qt::WA_DeleteOnClose);

    const QList<CompareRow> rows = CompareFigures::rows(older, newer);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setColumnCount(4);
    // The runs by number in the header (their names are the first line, whole).
    m_table->setHorizontalHeaderLabels({tr("Figure"), tr("Run %1").arg(older.entry.id),
                                        tr("Run %1").arg(newer.entry.id), tr("Difference")});
    m_table->horizontalHeaderItem(1)->setToolTip(legendName(older.entry));
    m_table->horizontalHeaderItem(2)->setToolTip(legendName(newer.entry));
    m_table->setRowCount(int(rows.size()));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int r = 0; r < rows.size(); ++r) {
        const CompareRow &row = rows.at(r);
        const QStringList cells {row.figure, breakable(row.a), breakable(row.b), row.difference};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (row.heading) {
                item->setFont(bold);
                item->setBackground(palette().alternateBase());
            } else if (row.differs) {
                item->setBackground(highlight());
                item->setForeground(QColor(30, 30, 30));
                if (c > 0)
                    item->setFont(bold);
            }
            m_table->setItem(r, c, item);
        }
        if (row.heading)
            m_table->setSpan(r, 0, 1, 4);
    }
    // The verdicts in their colours.
    for (int r = 0; r < rows.size(); ++r) {
        if (!rows.at(r).verdict)
            continue;
        for (const auto &[column, record] : {std::pair {1, &older}, std::pair {2, &newer}}) {
            if (record->report)
                m_table->item(r, column)->setForeground(
                    VerdictStyle::color(record->report->verdict.level));
        }
    }
    // The figures and the differences as wide as they need; the two runs share the rest, long
    // values wrapped (each row as tall as its text).
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    header->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    const RunDigest none;
    const RunDigest &a = older.report ? older.report->digest : none;
    const RunDigest &b = newer.report ? newer.report->digest : none;
    m_histogram->show(a.histogram, legendName(older.entry), b.histogram, legendName(newer.entry));
    m_rates->show(a.rates, legendName(older.entry), b.rates, legendName(newer.entry));
    auto *charts = new QTabWidget;
    charts->setObjectName(QStringLiteral("compareCharts"));
    charts->addTab(m_histogram, tr("&Histogram"));
    charts->addTab(m_rates, tr("&Rate"));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    // Most of the screen: the table and the charts both need room.
    QSize size(1600, 1000);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(40, 60));
    resize(size);
    split->setSizes({size.width() / 2, size.width() / 2});
}

QStringList CompareDialog::differing() const
{
    QStringList figures;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->columnSpan(r, 0) == 1 && m_table->item(r, 1)
            && m_table->item(r, 1)->background().color() == highlight())
            figures << m_table->item(r, 0)->text();
    }
    return figures;
}
