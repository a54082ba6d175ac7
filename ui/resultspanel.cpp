#include "resultspanel.h"

#include "verdictstyle.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace {

QString number(quint64 v)
{
    return QLocale().toString(v);
}

QString ms(double v)
{
    return QLocale().toString(v, 'f', v < 10 ? 3 : 1);
}

} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("resultsPanel"));
    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setAlignment(Qt::AlignCenter);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setMinimumHeight(40);
    m_detail = new QLabel;
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);

    // Fixed sizes: a label whose size cannot change does not make the whole window lay itself
    // out again each time its text does (several times a second during a run).
    const QFontMetrics metrics(font());
    const QSize valueSize(metrics.horizontalAdvance(QLatin1Char('0')) * 20, metrics.height() + 2);
    auto makeValue = [this, valueSize](Field f) {
        m_fields[f] = new QLabel(QStringLiteral("-"));
        m_fields[f]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_fields[f]->setFixedSize(valueSize);
        return m_fields[f];
    };

    auto *validation = new QGroupBox(tr("Validation"));
    auto *v = new QFormLayout(validation);
    v->addRow(tr("Ordered:"), makeValue(Ordered));
    v->addRow(tr("Inversions:"), makeValue(Inversions));
    v->addRow(tr("Received:"), makeValue(Received));
    v->addRow(tr("Accepted:"), makeValue(Accepted));
    v->addRow(tr("Sent:"), makeValue(Sent));
    v->addRow(tr("Confirmed by sink:"), makeValue(Confirmed));
    v->addRow(tr("Late:"), makeValue(Late));
    v->addRow(tr("Duplicates:"), makeValue(Duplicates));
    v->addRow(tr("Missing ids (gaps):"), makeValue(Gaps));
    v->addRow(tr("Malformed:"), makeValue(Malformed));
    v->addRow(tr("Max distance:"), makeValue(MaxDistance));
    v->addRow(tr("Recommended window:"), makeValue(Recommended));

    auto *timing = new QGroupBox(tr("Timing"));
    auto *t = new QFormLayout(timing);
    t->addRow(tr("Connect:"), makeValue(Connect));
    t->addRow(tr("Receive:"), makeValue(Receive));
    t->addRow(tr("Order:"), makeValue(Order));
    t->addRow(tr("Send:"), makeValue(Send));
    t->addRow(tr("Total:"), makeValue(Total));
    t->addRow(tr("Throughput:"), makeValue(Throughput));
    t->addRow(tr("Hold ms (min/p50/p99/max):"), makeValue(Hold));
    t->addRow(tr("Feed drops:"), makeValue(FeedDrops));
    t->addRow(tr("Sink drops:"), makeValue(SinkDrops));
    t->addRow(tr("Re-sent to sink:"), makeValue(Resent));
    t->addRow(tr("Feed held back:"), makeValue(HeldBack));

    auto *columns = new QHBoxLayout;
    columns->addWidget(validation);
    columns->addWidget(timing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_detail);
    layout->addLayout(columns);
    layout->addStretch();
    setVerdict(tr("No run yet"), tr("Set up a run and press Start."),
               palette().color(QPalette::Mid));
}

void ResultsPanel::setVerdict(const QString &text, const QString &detail, const QColor &color)
{
    m_verdict->setText(text);
    m_verdict->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 4px; }")
            .arg(color.name()));
    m_detail->setText(detail);
}

void ResultsPanel::setField(Field field, const QString &text, bool alarm)
{
    QLabel *label = m_fields[field];
    if (label->text() != text) {
        label->setText(text);
        label->setToolTip(text); // in case it is wider than its place
    }
    // A style sheet re-polishes the label: set it only when the alarm changes (stats come
    // four times a second).
    if (m_alarm[field] != alarm) {
        m_alarm[field] = alarm;
        label->setStyleSheet(alarm ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                   : QString());
    }
}

void ResultsPanel::reset(const RunConfig &config)
{
    m_config = config;
    m_passed = false;
    for (int f = 0; f < FieldCount; ++f)
        setField(Field(f), QStringLiteral("-"));
    setVerdict(tr("RUNNING"), tr("Validation follows when the run ends."), QColor(90, 110, 140));
}

void ResultsPanel::showCounters(const RunCounters &c)
{
    setField(Received, number(c.received));
    setField(Accepted, number(c.accepted));
    setField(Sent, number(c.sent));
    setField(Confirmed, m_config.sinkUrl.isEmpty() ? tr("not forwarding") : number(c.confirmed));
    setField(Late, number(c.late), c.late > 0);
    setField(Duplicates, number(c.duplicates));
    setField(Gaps, tr("%1 in %2 gaps").arg(number(c.missingIds), number(c.gapRanges)));
    setField(Malformed, number(c.malformed), c.malformed > 0);
    setField(MaxDistance, QLocale().toString(c.maxDistance));
    const bool tooSmall = c.recommendedWindow > quint64(m_config.window);
    setField(Recommended,
             tooSmall ? tr("%1 (window %2 is too small)")
                            .arg(number(c.recommendedWindow))
                            .arg(m_config.window)
                      : number(c.recommendedWindow),
             tooSmall && c.late > 0);
    // Each drop is counted and timed; the Events tab has the when and why of each.
    const auto drops = [](quint64 count, qint64 downNs) {
        return count == 0 ? QStringLiteral("0")
                          : tr("%1 (down %2 s)")
                                .arg(number(count))
                                .arg(QLocale().toString(double(downNs) / 1e9, 'f', 2));
    };
    setField(FeedDrops, drops(c.feedDrops, c.feedDownNs), c.feedDrops > 0);
    setField(SinkDrops, drops(c.sinkDrops, c.sinkDownNs), c.sinkDrops > 0);
    setField(Resent, m_config.sinkUrl.isEmpty() ? tr("not forwarding") : number(c.resent));
    setField(HeldBack,
             c.feedPauses == 0 ? tr("never") : tr("%1x, for a slow sink").arg(c.feedPauses));
}

void ResultsPanel::showTiming(const PhaseTiming &t)
{
    setField(Connect, tr("%1 ms").arg(ms(t.connectMs)));
    setField(Receive, tr("%1 ms").arg(ms(t.receiveMs)));
    setField(Order, tr("%1 ms").arg(ms(t.orderMs)));
    setField(Send, tr("%1 ms").arg(ms(t.sendMs)));
    setField(Total, tr("%1 ms").arg(ms(t.totalMs)));
}

void ResultsPanel::showStats(const RunStats &stats)
{
    showCounters(stats.counters);
    showTiming(stats.timing);
    setField(Throughput, tr("%1 msg/s now").arg(number(quint64(stats.receiveRate))));
}

void ResultsPanel::showReport(const RunReport &report)
{
    m_config = report.config;
    showCounters(report.counters);
    showTiming(report.timing);
    setField(Ordered, report.validation.ordered() ? tr("yes") : tr("no"),
             !report.validation.ordered());
    setField(Inversions, number(report.validation.inversions), report.validation.inversions > 0);
    setField(Throughput, tr("%1 msg/s").arg(number(quint64(report.throughput))));
    setField(Hold,
             QStringLiteral("%1 / %2 / %3 / %4")
                 .arg(ms(report.hold.minMs), ms(report.hold.p50Ms), ms(report.hold.p99Ms),
                      ms(report.hold.maxMs)));
    m_passed = report.verdict.level == Verdict::Pass;
    const QString details = report.verdict.level == Verdict::Pass
        ? tr("The output is strictly ordered, every frame was confirmed, nothing was dropped and "
             "no id is missing.")
        : report.verdict.reasonTexts().join(QLatin1Char('\n'));
    setVerdict(VerdictStyle::label(report.verdict.level), details,
               VerdictStyle::color(report.verdict.level));
}

QString ResultsPanel::verdict() const
{
    return m_verdict->text();
}
