#pragma once

#include "run/runreport.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QBoxLayout;
class QFrame;
class QLabel;
QT_END_NAMESPACE

/*!
    The verdict and every number of a run: live while it runs (from RunStats), final when it
    ends (from the RunReport). The banner says PASS, WARN or FAIL in its colour with the largest
    loss in words (how many, and what W would have kept them), and the verdict's reasons as a
    list under it. A value that does not exist (nothing arrived, nothing sent) is "–".
*/
class ResultsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPanel)

public:
    explicit ResultsPanel(QWidget *parent = nullptr);

    void reset(const RunConfig &config);
    void showStats(const RunStats &stats);
    void showReport(const RunReport &report);
    // A run of the history that has no report (interrupted, or going on in another process).
    void showUnfinished(const QString &word, const QString &headline);
    // Which run is shown, above the banner ("Run 12 · name · started ..."); "": the live one.
    void setRunCaption(const QString &caption);
    QString runCaption() const;

    QString verdict() const; // "PASS", "WARN", "FAIL", "RUNNING", "HOLDING" (translated)
    QString headline() const; // the line under it, in the banner
    QStringList reasons() const; // the list under the banner
    QColor verdictColor() const { return m_color; }
    bool passed() const { return m_passed; }
    QString value(const QString &objectName) const; // a value as shown, for tests

    static QString none(); // "–": a value that does not exist

protected:
    // Installed on the scroll area's viewport: two columns or one, by the width shown.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Field {
        Ordered,
        Inversions,
        Received,
        Accepted,
        Sent,
        Confirmed,
        Late,
        Duplicates,
        Gaps,
        Malformed,
        MaxDistance,
        Recommended,
        Connect,
        Receive,
        Order,
        Send,
        Total,
        Throughput,
        HoldMid,
        HoldRange,
        FeedDrops,
        SinkDrops,
        Resent,
        HeldBack,
        FieldCount
    };

    void setField(Field field, const QString &text, bool alarm = false);
    void showCounters(const RunCounters &c);
    void showTiming(const PhaseTiming &t);
    void setBanner(const QString &word, const QString &headline, const QColor &color);
    void setReasons(const QStringList &reasons, const QStringList &notes);
    void fitColumns(int width);
    static QString headlineOf(const RunReport &report);

    QLabel *m_caption = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_reasons = nullptr;
    QWidget *m_validation = nullptr;
    QWidget *m_timing = nullptr;
    QBoxLayout *m_columns = nullptr;
    QLabel *m_fields[FieldCount] = {};
    bool m_alarm[FieldCount] = {}; // shown in red
    QStringList m_reasonTexts;
    QColor m_color;
    RunConfig m_config;
    bool m_passed = false;
    bool m_holding = false;
};
