#include "whatifview.h"

#include "advisor/capturearrivals.h"
#include "chartaxis.h"
#include "reorder/adaptivewindow.h"
#include "zoomchartview.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cmath>

namespace {

// Lowers the calling thread's priority, and that of the threads it starts (they inherit it):
// nice 10 on Linux, so that the window's thread wins the cores while the analysis still moves
// on a machine kept busy by something else (SCHED_IDLE would stop it there).
void yieldToTheWindow()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 10); // this thread only
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

constexpr double SmallestHoldMs = 0.001; // the log axis has no zero

enum Column { ColWindow, ColLate, ColLost, ColP50, ColP99, ColMax, ColPeak, ColumnCount };

QString ms(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 3 : 1);
}

QLineSeries *marker(const QString &name, const QColor &color, Qt::PenStyle style)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color, 2, style);
    series->setPen(pen);
    return series;
}

} // namespace

WhatIfView::WhatIfView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_maxHold(new QComboBox)
    , m_useSuggested(new QPushButton)
    , m_useKnee(new QPushButton)
    , m_rows(new QTableView)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("whatIfView"));
    m_pool.setMaxThreadCount(1); // one analysis at a time; it starts the threads it needs
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_maxHold->setObjectName(QStringLiteral("whatIfMaxHold"));
    m_maxHold->setToolTip(tr("Which max-hold the chart and the table show"));
    m_useSuggested->setObjectName(QStringLiteral("useSuggestedWindow"));
    m_useKnee->setObjectName(QStringLiteral("useKneeWindow"));
    m_useSuggested->setToolTip(tr("Put this window (and the max-hold shown) in the set-up for the "
                                  "next run"));
    m_useKnee->setToolTip(m_useSuggested->toolTip());

    auto *chart = new QChart;
    // No title: the tab names it, and a small screen needs the height.
    chart->setMargins(QMargins(4, 4, 4, 4));
    // The key is a label under the chart: it wraps where a legend would elide.
    chart->legend()->hide();
    m_x = new QLogValueAxis;
    m_x->setBase(4); // a label every other power of two: they never crowd
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_x->setMinorTickCount(1);
    m_x->setTitleText(tr("window W"));
    m_lateAxis = new QValueAxis;
    m_lateAxis->setTitleText(tr("late %"));
    m_holdAxis = new QLogValueAxis;
    m_holdAxis->setBase(10);
    m_holdAxis->setLabelFormat(QStringLiteral("%g"));
    m_holdAxis->setTitleText(tr("p99 ms"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_lateAxis, Qt::AlignLeft);
    chart->addAxis(m_holdAxis, Qt::AlignRight);

    m_late = new QLineSeries;
    m_late->setName(tr("late"));
    m_late->setPen(QPen(QColor(230, 120, 0), 2));
    m_late->setPointsVisible(true);
    m_hold = new QLineSeries;
    m_hold->setName(tr("hold p99"));
    m_hold->setPen(QPen(QColor(30, 100, 200), 2));
    m_hold->setPointsVisible(true);
    m_autoLate = new QScatterSeries;
    m_autoLate->setName(tr("auto"));
    m_autoLate->setColor(QColor(230, 120, 0));
    m_autoLate->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_autoLate->setMarkerSize(11);
    m_autoHold = new QScatterSeries;
    m_autoHold->setName(tr("auto"));
    m_autoHold->setColor(QColor(30, 100, 200));
    m_autoHold->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_autoHold->setMarkerSize(11);
    m_runMarker = marker(tr("this run's W"), QColor(90, 90, 90), Qt::DashLine);
    m_suggestedMarker = marker(tr("suggested W"), QColor(46, 125, 50), Qt::SolidLine);
    m_kneeMarker = marker(tr("knee"), QColor(198, 40, 40), Qt::DotLine);
    for (QLineSeries *s : {m_late, m_runMarker, m_suggestedMarker, m_kneeMarker}) {
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_lateAxis);
    }
    chart->addSeries(m_autoLate);
    m_autoLate->attachAxis(m_x);
    m_autoLate->attachAxis(m_lateAxis);
    for (QXYSeries *s : {static_cast<QXYSeries *>(m_hold), static_cast<QXYSeries *>(m_autoHold)}) {
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_holdAxis);
    }
    m_view = new ZoomChartView(chart);
    m_view->setObjectName(QStringLiteral("whatIfChart"));
    const auto swatch = [](const QColor &color, const QString &glyph, const QString &name) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
            .arg(color.name(), glyph, name.toHtmlEscaped());
    };
    auto *key = new QLabel(QStringList {
        swatch(QColor(230, 120, 0), QStringLiteral("&#9679;"), tr("late")),
        swatch(QColor(30, 100, 200), QStringLiteral("&#9679;"), tr("hold p99")),
        swatch(QColor(90, 90, 90), QStringLiteral("&#9632;"), tr("auto, at the largest W it took")),
        swatch(QColor(90, 90, 90), QStringLiteral("&#9476;"), tr("this run's W")),
        swatch(QColor(46, 125, 50), QStringLiteral("&#9474;"), tr("suggested W")),
        swatch(QColor(198, 40, 40), QStringLiteral("&#8942;"), tr("knee"))}
                               .join(QStringLiteral(" &nbsp; ")));
    key->setObjectName(QStringLiteral("whatIfKey"));
    key->setTextFormat(Qt::RichText);
    key->setWordWrap(true);

    m_model->setHorizontalHeaderLabels({tr("W"), tr("late"), tr("lost ids"), tr("hold p50, ms"),
                                        tr("p99, ms"), tr("max, ms"), tr("peak held")});
    m_rows->setObjectName(QStringLiteral("whatIfTable"));
    m_rows->setModel(m_model);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->verticalHeader()->hide();
    m_rows->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rows->horizontalHeader()->setStretchLastSection(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Max-hold:")));
    controls->addWidget(m_maxHold);
    controls->addStretch(1);
    controls->addWidget(m_useKnee);
    controls->addWidget(m_useSuggested);
    // On a small screen the tab scrolls rather than squeeze the chart or overlap its key.
    m_view->setMinimumHeight(240);
    m_rows->setMinimumHeight(160);
    auto *content = new QWidget;
    auto *inner = new QVBoxLayout(content);
    inner->setContentsMargins(4, 4, 4, 4);
    inner->addWidget(m_summary);
    inner->addLayout(controls);
    inner->addWidget(m_view, 3);
    inner->addWidget(key);
    inner->addWidget(m_rows, 2);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("whatIfScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_maxHold, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_useSuggested, &QPushButton::clicked, this, [this] {
        if (m_table)
            Q_EMIT useSetting(m_table->suggestedWindow, maxHold());
    });
    connect(m_useKnee, &QPushButton::clicked, this, [this] {
        if (m_table && m_table->kneeWindow)
            Q_EMIT useSetting(*m_table->kneeWindow, maxHold());
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &WhatIfView::onFinished);
    clear(tr("The what-if table of a run appears here when it ends."));
}

WhatIfView::~WhatIfView()
{
    m_pending = nullptr;
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void WhatIfView::clear(const QString &why)
{
    m_pending = nullptr;
    if (m_cancel)
        m_cancel->store(true); // what is under way is no longer wanted
    m_table.reset();
    m_note.clear();
    m_summary->setText(why);
    m_maxHold->clear();
    m_maxHold->setEnabled(false);
    m_useSuggested->setText(tr("Use the suggested W"));
    m_useSuggested->setEnabled(false);
    m_useKnee->setVisible(false);
    m_model->removeRows(0, m_model->rowCount());
    redraw();
}

void WhatIfView::analyse(std::shared_ptr<const ArrivalLog> arrivals, const WhatIfRun &run)
{
    if (!arrivals || arrivals->isEmpty()) {
        clear(tr("No message reached the reorder buffer: nothing to analyse."));
        return;
    }
    start([arrivals, run](const std::atomic_bool *cancelled) {
        Outcome o;
        o.table = WhatIfTable::analyse(*arrivals, run, 0, cancelled);
        return o;
    });
}

void WhatIfView::analyseCapture(const QString &path)
{
    start([path](const std::atomic_bool *cancelled) {
        Outcome o;
        CaptureArrivals capture;
        o.error = capture.read(path);
        if (!o.error.isEmpty() || cancelled->load())
            return o;
        if (capture.log.isEmpty()) {
            o.error = tr("The capture holds no message.");
            return o;
        }
        o.note = capture.stopReason;
        o.table = WhatIfTable::analyse(capture.log, capture.run, 0, cancelled);
        return o;
    });
}

void WhatIfView::start(std::function<Outcome(const std::atomic_bool *)> work)
{
    if (m_watcher.isRunning()) {
        // The one under way is cancelled; this one starts when it has stopped.
        m_cancel->store(true);
        m_pending = std::move(work);
        return;
    }
    m_table.reset();
    m_summary->setText(tr("Working out what other windows would have done..."));
    m_useSuggested->setEnabled(false);
    m_useKnee->setVisible(false);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [work = std::move(work), cancel = m_cancel]() {
        yieldToTheWindow();
        return work(cancel.get());
    }));
}

void WhatIfView::onFinished()
{
    if (m_pending) {
        auto next = std::move(m_pending);
        m_pending = nullptr;
        start(std::move(next));
        return;
    }
    const Outcome o = m_watcher.result();
    if (!o.error.isEmpty()) {
        clear(tr("No what-if table: %1").arg(o.error));
    } else if (o.table) {
        m_note = o.note;
        showTable(*o.table);
    }
    Q_EMIT analysed();
}

qint64 WhatIfView::maxHold() const
{
    return m_maxHold->currentData().toLongLong();
}

void WhatIfView::setMaxHold(qint64 ms)
{
    const int index = m_maxHold->findData(ms);
    if (index >= 0)
        m_maxHold->setCurrentIndex(index);
}

void WhatIfView::showTable(const WhatIfTable &table)
{
    if (m_watcher.isRunning()) { // an older request must not replace this table
        m_pending = nullptr;
        m_cancel->store(true);
    }
    m_table = table;
    const QLocale locale;
    QStringList lines;
    lines << tr("Suggested: W = %1, the smallest window without late messages.")
                 .arg(table.suggestedWindow);
    if (table.kneeWindow) {
        const WhatIfRow *knee = table.find(WhatIfSetting {*table.kneeWindow, 0});
        lines << tr("Knee: W = %1 drops %2 late (at most %3 % of the messages) and holds less.")
                     .arg(*table.kneeWindow)
                     .arg(knee ? locale.toString(knee->late) : QString())
                     .arg(locale.toString(WhatIfTable::KneeLateFraction * 100));
    }
    if (const WhatIfRow *own = table.runRow()) {
        lines << tr("This run (%1): %2 late, hold p99 %3 ms.")
                     .arg(WhatIfTable::settingName(own->setting))
                     .arg(locale.toString(own->late))
                     .arg(ms(own->holdP99Ms));
    }
    if (const WhatIfRow *adaptive =
            table.find(WhatIfSetting {WhatIfSetting::AutoWindow, 0, table.run.maxWindow})) {
        lines << tr("Auto: %1 late, hold p99 %2 ms, W from %3 up to %4.")
                     .arg(locale.toString(adaptive->late))
                     .arg(ms(adaptive->holdP99Ms))
                     .arg(AdaptiveWindow::Initial)
                     .arg(adaptive->windowLargest);
    }
    lines << tr("%1 messages replayed for %2 settings in %3 s.")
                 .arg(locale.toString(table.arrivals))
                 .arg(table.rows.size())
                 .arg(locale.toString(table.seconds, 'f', 1));
    if (table.notAnalysed > 0)
        lines << tr("Only the first %1 messages were kept for it.")
                     .arg(locale.toString(table.arrivals));
    if (!m_note.isEmpty())
        lines << tr("The capture stops early: %1.").arg(m_note);
    m_summary->setText(lines.join(QLatin1Char(' ')));

    const qint64 previous = m_maxHold->count() ? maxHold() : table.run.maxHoldMs;
    const QSignalBlocker block(m_maxHold);
    m_maxHold->clear();
    QList<qint64> holds;
    for (const WhatIfRow &row : table.rows) {
        if (!holds.contains(row.setting.maxHoldMs))
            holds << row.setting.maxHoldMs;
    }
    for (qint64 hold : holds)
        m_maxHold->addItem(hold ? tr("%1 ms").arg(hold) : tr("off"), hold);
    m_maxHold->setEnabled(true);
    setMaxHold(previous);
    m_useSuggested->setText(tr("Use W = %1").arg(table.suggestedWindow));
    m_useSuggested->setEnabled(true);
    m_useKnee->setVisible(table.kneeWindow.has_value());
    if (table.kneeWindow)
        m_useKnee->setText(tr("Use the knee, W = %1").arg(*table.kneeWindow));
    redraw();
}

void WhatIfView::setMarker(QLineSeries *series, std::optional<qint64> window)
{
    if (!window) {
        series->clear();
        return;
    }
    series->replace(QList<QPointF> {QPointF(double(*window), m_lateAxis->min()),
                                    QPointF(double(*window), m_lateAxis->max())});
}

void WhatIfView::redraw()
{
    QList<QPointF> late;
    QList<QPointF> hold;
    m_autoLate->clear();
    m_autoHold->clear();
    m_model->removeRows(0, m_model->rowCount());
    if (!m_table) {
        m_late->clear();
        m_hold->clear();
        for (QLineSeries *s : {m_runMarker, m_suggestedMarker, m_kneeMarker})
            s->clear();
        m_x->setRange(1, 65536);
        m_lateAxis->setRange(0, 100);
        m_holdAxis->setRange(0.01, 1000);
        return;
    }
    const WhatIfTable &t = *m_table;
    const qint64 shownHold = maxHold();
    const double arrivals = std::max<double>(1, double(t.arrivals));
    double lateMax = 0;
    double holdMin = 1e300;
    double holdMax = 0;
    const QLocale locale;
    for (const WhatIfRow &row : t.rows) {
        if (row.setting.maxHoldMs != shownHold)
            continue;
        const double latePercent = 100.0 * double(row.late) / arrivals;
        const double p99 = std::max(SmallestHoldMs, row.holdP99Ms);
        const double x = double(row.setting.isAuto() ? std::max<qint64>(1, row.windowLargest)
                                                     : row.setting.window);
        if (row.setting.isAuto()) {
            m_autoLate->append(x, latePercent);
            m_autoHold->append(x, p99);
        } else {
            late << QPointF(x, latePercent);
            hold << QPointF(x, p99);
        }
        lateMax = std::max(lateMax, latePercent);
        holdMin = std::min(holdMin, p99);
        holdMax = std::max(holdMax, p99);

        QString name = row.setting.isAuto() ? tr("auto (up to %1)").arg(row.windowLargest)
                                            : QString::number(row.setting.window);
        QStringList marks;
        if (row.isRunSetting)
            marks << tr("this run");
        if (!row.setting.isAuto() && row.setting.window == t.suggestedWindow)
            marks << tr("suggested");
        if (!row.setting.isAuto() && t.kneeWindow && row.setting.window == *t.kneeWindow)
            marks << tr("knee");
        if (!marks.isEmpty())
            name += QStringLiteral(" (%1)").arg(marks.join(QStringLiteral(", ")));
        QList<QStandardItem *> items {
            new QStandardItem(name),
            new QStandardItem(locale.toString(row.late)),
            new QStandardItem(locale.toString(row.lostIds)),
            new QStandardItem(ms(row.holdP50Ms)),
            new QStandardItem(ms(row.holdP99Ms)),
            new QStandardItem(ms(row.holdMaxMs)),
            new QStandardItem(locale.toString(row.peakHeld)),
        };
        for (int c = ColLate; c < ColumnCount; ++c)
            items[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (row.isRunSetting) {
            QFont bold = items[0]->font();
            bold.setBold(true);
            for (QStandardItem *item : items)
                item->setFont(bold);
        }
        m_model->appendRow(items);
    }
    std::sort(late.begin(), late.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    std::sort(hold.begin(), hold.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    m_late->replace(late);
    m_hold->replace(hold);
    if (!m_view->isZoomed()) {
        m_x->setRange(1, 65536);
        ChartAxis::fit(m_lateAxis, 0, std::max(1.0, lateMax * 1.05));
        m_holdAxis->setRange(std::pow(10, std::floor(std::log10(holdMin))),
                             std::pow(10, std::ceil(std::log10(std::max(holdMax, holdMin * 10)))));
    }
    setMarker(m_runMarker, t.run.autoWindow ? std::nullopt : std::optional<qint64>(t.run.window));
    setMarker(m_suggestedMarker, t.suggestedWindow);
    setMarker(m_kneeMarker, t.kneeWindow);
}
