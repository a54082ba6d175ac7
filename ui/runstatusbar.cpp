#include "runstatusbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

RunStatusBar::RunStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_feed(new QLabel)
    , m_sink(new QLabel)
    , m_rate(new QLabel)
    , m_insecure(new QLabel(tr("INSECURE: certificates are not checked")))
    , m_progress(new QProgressBar)
{
    m_feed->setObjectName(QStringLiteral("feedState"));
    m_sink->setObjectName(QStringLiteral("sinkState"));
    m_rate->setObjectName(QStringLiteral("rate"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_insecure->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: #c62828; padding: 1px 6px; }"));
    m_insecure->hide();
    m_progress->setFixedWidth(220);
    // Fixed sizes: text changes several times a second must not relayout the window.
    const QFontMetrics metrics(font());
    const int height = metrics.height() + 4;
    m_feed->setFixedSize(metrics.horizontalAdvance(QLatin1Char('0')) * 32, height);
    m_sink->setFixedSize(metrics.horizontalAdvance(QLatin1Char('0')) * 28, height);
    m_rate->setFixedSize(metrics.horizontalAdvance(QLatin1Char('0')) * 40, height);
    m_progress->setTextVisible(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_insecure);
    layout->addWidget(m_feed);
    layout->addWidget(m_sink);
    layout->addWidget(m_rate);
    layout->addWidget(m_progress);
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
    m_rate->setText(QString());
}

void RunStatusBar::showState(RunState state)
{
    m_state = state;
    const QColor grey(140, 140, 140), green(46, 125, 50), amber(230, 150, 0);
    switch (state) {
    case RunState::Idle:
        setLight(m_feed, tr("Feed: idle"), grey);
        setLight(m_sink, tr("Sink: idle"), grey);
        m_progress->setRange(0, 1000);
        break;
    case RunState::Connecting:
        setLight(m_feed, tr("Feed: connecting"), amber);
        break;
    case RunState::Holding:
        setLight(m_feed, tr("Feed: ended, holding for Flush"), amber);
        break;
    case RunState::Draining:
        setLight(m_feed, tr("Feed: ended"), grey);
        break;
    case RunState::Finished:
    case RunState::Failed:
        setLight(m_feed, tr("Feed: closed"), grey);
        setLight(m_sink, tr("Sink: closed"), grey);
        m_progress->setRange(0, 1000);
        if (state == RunState::Finished)
            m_progress->setValue(1000);
        break;
    case RunState::Running:
        setLight(m_feed, tr("Feed: connected"), green);
        break;
    }
}

void RunStatusBar::showStats(const RunStats &stats)
{
    const QColor green(46, 125, 50), amber(230, 150, 0), grey(140, 140, 140);
    if (stats.state == RunState::Running)
        setLight(m_feed, stats.feedConnected ? tr("Feed: connected") : tr("Feed: reconnecting"),
                 stats.feedConnected ? green : amber);
    if (!stats.forwarding)
        setLight(m_sink, tr("Sink: not forwarding"), grey);
    else
        setLight(m_sink, stats.sinkConnected ? tr("Sink: connected") : tr("Sink: connecting"),
                 stats.sinkConnected ? green : amber);
    m_rate->setText(tr("%1 msg/s in, %2 msg/s out")
                        .arg(QLocale().toString(qint64(stats.receiveRate)),
                             QLocale().toString(qint64(stats.sendRate))));
    const quint64 target = stats.targetCount > 0 ? stats.targetCount : m_expected;
    if (target > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<quint64>(1000, stats.counters.accepted * 1000 / target)));
    }
}
