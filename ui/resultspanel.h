#pragma once

#include "run/runreport.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QFormLayout;
QT_END_NAMESPACE

/*!
    The verdict and every number of a run: live while it runs (from RunStats), final when it
    ends (from the RunReport).
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

    QString verdict() const; // "PASS", "FAIL", ... as shown (translated)
    bool passed() const { return m_passed; }

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
        Hold,
        FeedDrops,
        SinkDrops,
        Resent,
        HeldBack,
        FieldCount
    };

    void setField(Field field, const QString &text, bool alarm = false);
    void showCounters(const RunCounters &c);
    void showTiming(const PhaseTiming &t);
    void setVerdict(const QString &text, const QString &detail, const QColor &color);

    QLabel *m_verdict = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_fields[FieldCount] = {};
    bool m_alarm[FieldCount] = {}; // shown in red
    RunConfig m_config;
    bool m_passed = false;
};
