#include "runstatusbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <algorithm>

namespace {

const QColor Grey(140, 140, 140), Green(46, 125, 50), Amber(230, 150, 0);

QString rate(double v)
{
    return QLocale().toString(qint64(v));
}

} // namespace

RunStatusBar::RunStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_feed(new QLabel)
    , m_sink(new QLabel)
    , m_rate(new QLabel)
    , m_insecure(new QLabel(tr("INSECURE")))
    , m_progress(new QProgressBar)
{
    m_feed->setObjectName(QStringLiteral("feedState"));
    m_sink->setObjectName(QStringLiteral("sinkState"));
    m_rate->setObjectName(QStringLiteral("rate"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_insecure->setToolTip(tr("Certificates are not checked: the connections are not "
                              "authenticated"));
    m_insecure->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: #c62828; padding: 1px 6px; }"));
    m_insecure->hide();
    // Each label as wide as the longest text it can show, in this language.
    const QFontMetrics metrics(font());
    const int height = metrics.height() + 4;
    const int light =
        metrics.horizontalAdvance(QChar(0x25CF)) + metrics.horizontalAdvance(QLatin1Char(' '));
    const auto widest = [&metrics, light](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = std::max(w, metrics.horizontalAdvance(t));
        return w + light + 6;
    };
    m_feed->setFixedSize(widest({tr("Feed: idle"), tr("Feed: connecting"), tr("Feed: connected"),
                                 tr("Feed: reconnecting"), tr("Feed: ended"), tr("Feed: closed"),
                                 tr("Feed: ended, held")}),
                         height);
    m_sink->setFixedSize(
        widest({tr("Sink: idle"), tr("Sink: connecting"), tr("Sink: connected"), tr("Sink: closed"),
                tr("Sink: not forwarding"), tr("Sink: waits for Flush")}),
        height);
    m_rate->setFixedSize(
        metrics.horizontalAdvance(tr("%1 in, %2 out msg/s").arg(rate(999999), rate(999999))) + 6,
        height);
    m_rate->setToolTip(tr("Messages per second received from the feed and sent to the sink"));
    m_progress->setFixedWidth(std::max(80, metrics.horizontalAdvance(QLatin1Char('0')) * 12));
    m_progress->setTextVisible(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_insecure);
    layout->addWidget(m_feed);
    layout->addWidget(m_sink);
    layout->addWidget(m_rate);
    layout->addWidget(m_progress);
    layout->addStretch();
    reset(0, false, false);
    showState(RunState::Idle);
}

void RunStatusBar::setLight(QLabel *label, const QString &text, const QColor &color)
{
    label->setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span> %2")
                       .arg(color.name(), text.toHtmlEscaped()));
    label->setToolTip(text);
}

void RunStatusBar::reset(quint64 expectedMessages, bool forwarding, bool insecure)
{
    m_expected = expectedMessages;
    m_forwarding = forwarding;
    m_insecure->setVisible(insecure);
    m_progress->setRange(0, expectedMessages > 0 ? 1000 : 0);
    m_progress->setValue(0);
    m_progress->setFormat(expectedMessages > 0 ? QStringLiteral("%p%") : QString());
    m_progress->setToolTip(QString());
    m_rate->setText(QString());
}

void RunStatusBar::showState(RunState state)
{
    m_state = state;
    switch (state) {
    case RunState::Idle:
        setLight(m_feed, tr("Feed: idle"), Grey);
        setLight(m_sink, tr("Sink: idle"), Grey);
        m_progress->setRange(0, 1000);
        break;
    case RunState::Connecting:
        setLight(m_feed, tr("Feed: connecting"), Amber);
        break;
    case RunState::Holding:
        setLight(m_feed, tr("Feed: ended, held"), Amber);
        // Batch mode connects the sink on Flush: it is not "connecting" meanwhile.
        setLight(m_sink, m_forwarding ? tr("Sink: waits for Flush") : tr("Sink: not forwarding"),
                 Grey);
        break;
    case RunState::Draining:
        setLight(m_feed, tr("Feed: ended"), Grey);
        break;
    case RunState::Finished:
    case RunState::Failed:
        setLight(m_feed, tr("Feed: closed"), Grey);
        setLight(m_sink, m_forwarding ? tr("Sink: closed") : tr("Sink: not forwarding"), Grey);
        break;
    case RunState::Running:
        setLight(m_feed, tr("Feed: connected"), Green);
        break;
    }
}

void RunStatusBar::showStats(const RunStats &stats)
{
    if (stats.state == RunState::Running)
        setLight(m_feed, stats.feedConnected ? tr("Feed: connected") : tr("Feed: reconnecting"),
                 stats.feedConnected ? Green : Amber);
    if (!stats.forwarding)
        setLight(m_sink, tr("Sink: not forwarding"), Grey);
    else if (stats.state == RunState::Holding)
        setLight(m_sink, tr("Sink: waits for Flush"), Grey);
    else
        setLight(m_sink, stats.sinkConnected ? tr("Sink: connected") : tr("Sink: connecting"),
                 stats.sinkConnected ? Green : Amber);
    m_rate->setText(tr("%1 in, %2 out msg/s").arg(rate(stats.receiveRate), rate(stats.sendRate)));
    const quint64 target = stats.targetCount > 0 ? stats.targetCount : m_expected;
    if (target > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<quint64>(1000, stats.counters.accepted * 1000 / target)));
    }
}

void RunStatusBar::finish(const RunReport &report)
{
    showState(RunState::Finished);
    m_rate->setText(tr("– in, – out msg/s"));
    const RunCounters &c = report.counters;
    const quint64 target = report.config.count > 0 ? report.config.count : m_expected;
    m_progress->setRange(0, 1000);
    if (target > 0) {
        // What was done, not 100% after a stop at 13%.
        const quint64 distinct = c.accepted - std::min(c.accepted, c.duplicates);
        m_progress->setValue(int(std::min<quint64>(1000, distinct * 1000 / target)));
        m_progress->setFormat(report.stopped ? tr("%p% (stopped)") : QStringLiteral("%p%"));
        m_progress->setToolTip(
            tr("%1 of %2 messages").arg(QLocale().toString(distinct), QLocale().toString(target)));
    } else {
        // A feed of unknown length: done is done (or not, if it never connected).
        m_progress->setValue(c.received > 0 && !report.stopped ? 1000 : 0);
        m_progress->setFormat(report.stopped ? tr("stopped") : QStringLiteral("%p%"));
    }
}

QString RunStatusBar::feedText() const
{
    return m_feed->toolTip();
}

QString RunStatusBar::sinkText() const
{
    return m_sink->toolTip();
}

QString RunStatusBar::rateText() const
{
    return m_rate->text();
}

int RunStatusBar::progressPermille() const
{
    return m_progress->value();
}

QString RunStatusBar::progressText() const
{
    return m_progress->text();
}
