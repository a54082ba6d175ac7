#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QToolButton;
QT_END_NAMESPACE

class RunSetupPanel;

/*!
    The set-up at the top of the window, or its one-line summary: collapsed while a run is active
    (the space goes to the table and the charts) and whenever the operator asks. Expanded, it
    takes at most part of the window's height and scrolls rather than push the rest off screen.
*/
class SetupArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupArea)

public:
    explicit SetupArea(RunSetupPanel *setup, QWidget *parent = nullptr);

    bool isExpanded() const { return m_expanded; }
    // The operator's choice (Show set-up); a run collapses it for its duration only.
    void setExpanded(bool expanded);
    void setRunActive(bool active);
    // The most height the set-up may take (the rest is the window's working area).
    void setMaximumSetupHeight(int height);
    QString summaryText() const;

Q_SIGNALS:
    void expandedChanged(bool expanded);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    void fitHeight();

    RunSetupPanel *m_setup;
    QScrollArea *m_scroll;
    QWidget *m_summaryBar;
    QLabel *m_summary;
    QToolButton *m_toggle;
    bool m_wanted = true; // what the operator chose
    bool m_runActive = false;
    bool m_expanded = true; // what is shown
    int m_maxHeight = 100000;
};
