#pragma once

#include "run/runreport.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
QT_END_NAMESPACE

/*!
    Feed and sink connection states, messages/s and progress, for the window's status bar. Each
    label is as wide as its longest text (in the language in use) and no wider, so that the bar
    fits a small screen and a text change never lays the window out again.
*/
class RunStatusBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunStatusBar)

public:
    explicit RunStatusBar(QWidget *parent = nullptr);

    void reset(quint64 expectedMessages, bool forwarding, bool insecure);
    void showStats(const RunStats &stats);
    void showState(RunState state);
    // The run ended: progress says what was done, rates are "–".
    void finish(const RunReport &report);

    QString feedText() const;
    QString sinkText() const;
    QString rateText() const;
    int progressPermille() const;
    QString progressText() const;

private:
    void setLight(QLabel *label, const QString &text, const QColor &color);

    QLabel *m_feed;
    QLabel *m_sink;
    QLabel *m_rate;
    QLabel *m_insecure;
    QProgressBar *m_progress;
    quint64 m_expected = 0;
    bool m_forwarding = false;
    RunState m_state = RunState::Idle;
};
