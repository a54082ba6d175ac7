#include "resultspanel.h"

#include "verdictstyle.h"

#include <QFormLayout>
#include <QFrame>
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

// The objectName of each value, for tests and for the accessibility tree.
const char *const FieldNames[] = {
    "ordered", "inversions", "received",  "accepted",  "sent",        "confirmed",
    "late",    "duplicates", "gaps",      "malformed", "maxDistance", "recommended",
    "connect", "receive",    "order",     "send",      "total",       "throughput",
    "holdMid", "holdRange",  "feedDrops", "sinkDrops", "resent",      "heldBack",
};

} // namespace

bool ResultsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitColumns(parentWidget()->width());
    return QWidget::eventFilter(watched, event);
}

void ResultsPanel::fitColumns(int width)
{
    // Side by side when both fit the width shown (a scroll area's viewport), else one above the
    // other: never cut off, never a sideways scroll for a narrow column.
    const int both =
        m_validation->sizeHint().width() + m_timing->sizeHint().width() + m_columns->spacing();
    const auto direction = width >= both ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_columns->direction() != direction)
        m_columns->setDirection(direction);
}

QString ResultsPanel::none()
{
    return QStringLiteral("–");
}

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
{
    static_assert(std::size(FieldNames) == FieldCount);
    setObjectName(QStringLiteral("resultsPanel"));
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("runCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->hide();
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setAlignment(Qt::AlignCenter);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_verdict->setFont(big);
    m_headline = new QLabel;
    m_headline->setObjectName(QStringLiteral("verdictHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setAlignment(Qt::AlignCenter);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    auto *banner = new QVBoxLayout(m_banner);
    banner->setContentsMargins(8, 4, 8, 6);
    banner->setSpacing(2);
    banner->addWidget(m_verdict);
    banner->addWidget(m_headline);
    m_reasons = new QLabel;
    m_reasons->setObjectName(QStringLiteral("verdictReasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto makeValue = [this](Field f) {
        m_fields[f] = new QLabel(none());
        m_fields[f]->setObjectName(QString::fromLatin1(FieldNames[f]));
        m_fields[f]->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    t->addRow(tr("Hold p50 / p99:"), makeValue(HoldMid));
    t->addRow(tr("Hold min / max:"), makeValue(HoldRange));
    t->addRow(tr("Feed drops:"), makeValue(FeedDrops));
    t->addRow(tr("Sink drops:"), makeValue(SinkDrops));
    t->addRow(tr("Re-sent to sink:"), makeValue(Resent));
    t->addRow(tr("Feed held back:"), makeValue(HeldBack));
    for (QFormLayout *form : {v, t}) {
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    }

    m_validation = validation;
    m_timing = timing;
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->addWidget(validation, 1);
    m_columns->addWidget(timing, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_banner);
    layout->addWidget(m_reasons);
    layout->addLayout(m_columns);
    layout->addStretch();
    setBanner(tr("No run yet"), tr("Set up a run and press Start."),
              palette().color(QPalette::Mid));
    setReasons({}, {});
}

void ResultsPanel::setBanner(const QString &word, const QString &headline, const QColor &color)
{
    m_color = color;
    m_verdict->setText(word);
    m_headline->setText(headline);
    m_headline->setVisible(!headline.isEmpty());
    m_banner->setStyleSheet(
        QStringLiteral("#verdictBanner { background: %1; border-radius: 4px; } "
                       "#verdictBanner QLabel { color: white; background: transparent; }")
            .arg(color.name()));
}

void ResultsPanel::setReasons(const QStringList &reasons, const QStringList &notes)
{
    m_reasonTexts = reasons;
    QString html;
    if (!reasons.isEmpty()) {
        html += QStringLiteral("<ul style=\"margin-left:-20px\">");
        for (const QString &r : reasons)
            html += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    for (const QString &n : notes)
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Note: %1").arg(n).toHtmlEscaped());
    m_reasons->setText(html);
    m_reasons->setVisible(!html.isEmpty());
}

void ResultsPanel::setField(Field field, const QString &text, bool alarm)
{
    QLabel *label = m_fields[field];
    if (label->text() != text)
        label->setText(text);
    // A style sheet re-polishes the label: set it only when the alarm changes (stats come
    // four times a second).
    if (m_alarm[field] != alarm) {
        m_alarm[field] = alarm;
        label->setStyleSheet(alarm ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                   : QString());
    }
}

QString ResultsPanel::value(const QString &objectName) const
{
    for (const QLabel *label : m_fields) {
        if (label->objectName() == objectName)
            return label->text();
    }
    return QString();
}

void ResultsPanel::reset(const RunConfig &config)
{
    m_config = config;
    setRunCaption(QString());
    m_passed = false;
    m_holding = false;
    for (int f = 0; f < FieldCount; ++f)
        setField(Field(f), none());
    setBanner(tr("RUNNING"), tr("The verdict follows when the run ends."), QColor(90, 110, 140));
    setReasons({}, {});
}

void ResultsPanel::showCounters(const RunCounters &c)
{
    const bool anything = c.received > 0;
    const bool sentAny = c.sent > 0;
    setField(Received, number(c.received));
    setField(Accepted, number(c.accepted));
    setField(Sent, number(c.sent));
    setField(Confirmed, !m_config.forwards() ? tr("not forwarding") : number(c.confirmed));
    setField(Late, number(c.late), c.late > 0);
    setField(Duplicates, number(c.duplicates));
    setField(Gaps, tr("%1 in %2 gaps").arg(number(c.missingIds), number(c.gapRanges)));
    setField(Malformed, number(c.malformed), c.malformed > 0);
    setField(MaxDistance, sentAny ? QLocale().toString(c.maxDistance) : none());
    const bool tooSmall = c.recommendedWindow > quint64(m_config.window);
    setField(
        Recommended,
        !anything ? none()
            : tooSmall
            ? tr("%1 (W = %2 is too small)").arg(number(c.recommendedWindow)).arg(m_config.window)
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
    setField(Resent, !m_config.forwards() ? tr("not forwarding") : number(c.resent));
    setField(HeldBack,
             c.feedPauses == 0 ? tr("never") : tr("%1×, for a slow sink").arg(c.feedPauses));
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
    const bool holding = stats.state == RunState::Holding;
    if (holding) {
        setBanner(tr("HOLDING"),
                  tr("%1 messages held — press Flush to send them sorted")
                      .arg(number(stats.counters.held)),
                  VerdictStyle::color(Verdict::Warn));
    } else if (m_holding) {
        setBanner(tr("RUNNING"), tr("Flushing: the verdict follows when the run ends."),
                  QColor(90, 110, 140));
    }
    m_holding = holding;
}

QString ResultsPanel::headlineOf(const RunReport &report)
{
    const RunCounters &c = report.counters;
    const Verdict level = report.verdict.level;
    if (level == Verdict::Pass)
        return tr("%1 messages sent in order, every one confirmed").arg(number(c.sent));
    if (c.late > 0 && report.windowTooSmall()) {
        return tr("%1 messages lost (late): W = %2 was too small, W = %3 would have kept them")
            .arg(number(c.late))
            .arg(report.config.window)
            .arg(number(c.recommendedWindow));
    }
    if (c.late > 0)
        return tr("%1 messages lost (late)").arg(number(c.late));
    if (level == Verdict::Warn && c.received > 0)
        return tr("Sent in order, nothing dropped, but the feed itself was faulty:");
    if (!report.verdict.reasons.isEmpty()) {
        QString first = report.verdict.reasons.first().text;
        if (!first.isEmpty())
            first[0] = first[0].toUpper();
        return first;
    }
    return QString();
}

void ResultsPanel::showReport(const RunReport &report)
{
    m_config = report.config;
    m_holding = false;
    showCounters(report.counters);
    showTiming(report.timing);
    const bool sentAny = report.counters.sent > 0;
    setField(Ordered,
             !sentAny                          ? none()
                 : report.validation.ordered() ? tr("yes")
                                               : tr("no"),
             sentAny && !report.validation.ordered());
    setField(Inversions, sentAny ? number(report.validation.inversions) : none(),
             report.validation.inversions > 0);
    setField(Throughput, sentAny ? tr("%1 msg/s").arg(number(quint64(report.throughput))) : none());
    setField(HoldMid,
             sentAny ? tr("%1 / %2 ms").arg(ms(report.hold.p50Ms), ms(report.hold.p99Ms)) : none());
    setField(HoldRange,
             sentAny ? tr("%1 / %2 ms").arg(ms(report.hold.minMs), ms(report.hold.maxMs)) : none());
    m_passed = report.verdict.level == Verdict::Pass;
    setBanner(VerdictStyle::label(report.verdict.level), headlineOf(report),
              VerdictStyle::color(report.verdict.level));
    setReasons(report.verdict.reasonTexts(), report.verdict.notes);
}

void ResultsPanel::showUnfinished(const QString &word, const QString &headline)
{
    m_passed = false;
    m_holding = false;
    for (int f = 0; f < FieldCount; ++f)
        setField(Field(f), none());
    setBanner(word, headline, QColor(110, 110, 110));
    setReasons({}, {});
}

void ResultsPanel::setRunCaption(const QString &caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

QString ResultsPanel::runCaption() const
{
    return m_caption->text();
}

QString ResultsPanel::verdict() const
{
    return m_verdict->text();
}

QString ResultsPanel::headline() const
{
    return m_headline->text();
}

QStringList ResultsPanel::reasons() const
{
    return m_reasonTexts;
}
