#pragma once

#include "run/runreport.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
QT_END_NAMESPACE

// Feed and sink connection states, messages/s and progress, for the window's status bar.
class RunStatusBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunStatusBar)

public:
    explicit RunStatusBar(QWidget *parent = nullptr);

    void reset(quint64 expectedMessages, bool forwarding, bool insecure);
    void showStats(const RunStats &stats);
    void showState(RunState state);

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
