#pragma once

#include "advisor/whatif.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QPushButton;
class QScatterSeries;
class QStandardItemModel;
class QTableView;
class QValueAxis;
QT_END_NAMESPACE

class ZoomChartView;

/*!
    The what-if advisor for one run: late messages and hold p99 against W (log scale), for the
    max-hold chosen, the run's W and the suggested one marked (the smallest W without late
    messages, and the knee when a few late ones are acceptable), where the adaptive window sat,
    and the rows as a table. One click puts the suggestion in the set-up for the next run.

    The table is worked out off the GUI thread (WhatIfTable::analyse on all cores); a new
    request, or closing the window, cancels the one under way.
*/
class WhatIfView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfView)

public:
    explicit WhatIfView(QWidget *parent = nullptr);
    ~WhatIfView() override;

    // The run that just ended: its arrivals, kept in memory.
    void analyse(std::shared_ptr<const ArrivalLog> arrivals, const WhatIfRun &run);
    // A past run: its capture, read and analysed in the background.
    void analyseCapture(const QString &path);
    // A table worked out already (a past run's, from its report).
    void showTable(const WhatIfTable &table);
    // Nothing to show, and why.
    void clear(const QString &why);

    const std::optional<WhatIfTable> &table() const { return m_table; }
    bool isBusy() const { return m_watcher.isRunning(); }
    // The max-hold whose rows are drawn (0: off).
    void setMaxHold(qint64 ms);
    qint64 maxHold() const;

Q_SIGNALS:
    // "Use": the next run's window and max-hold.
    void useSetting(qint64 window, qint64 maxHoldMs);
    // A table is shown (or the work failed: the text says why).
    void analysed();

private:
    struct Outcome
    {
        std::optional<WhatIfTable> table;
        QString error; // the capture could not be read
        QString note; // a capture cut short: where
    };
    void start(std::function<Outcome(const std::atomic_bool *)> work);
    void onFinished();
    void redraw();
    void setMarker(QLineSeries *marker, std::optional<qint64> window);

    QLabel *m_summary;
    QComboBox *m_maxHold;
    QPushButton *m_useSuggested;
    QPushButton *m_useKnee;
    ZoomChartView *m_view;
    QLogValueAxis *m_x;
    QValueAxis *m_lateAxis;
    QLogValueAxis *m_holdAxis;
    QLineSeries *m_late;
    QLineSeries *m_hold;
    QScatterSeries *m_autoLate;
    QScatterSeries *m_autoHold;
    QLineSeries *m_runMarker;
    QLineSeries *m_suggestedMarker;
    QLineSeries *m_kneeMarker;
    QTableView *m_rows;
    QStandardItemModel *m_model;

    std::optional<WhatIfTable> m_table;
    QString m_note;
    // The analysis's own thread, at a low priority (nice 10 on Linux; the threads it starts
    // inherit it): replaying a million arrivals a hundred times keeps every core busy for
    // seconds, and the window must not wait for it.
    QThreadPool m_pool;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::function<Outcome(const std::atomic_bool *)> m_pending; // asked for while one ran
};
