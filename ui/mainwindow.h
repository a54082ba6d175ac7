#pragma once

#include "run/runoverrides.h"
#include "run/runreport.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
QT_END_NAMESPACE

class ChartsPanel;
class CompareDialog;
class ErrorBanner;
class HistoryPanel;
class MessagePanel;
class MessageTableModel;
class ResultsPanel;
class RunHistory;
class RunHistoryModel;
class RunKeeper;
class RunSession;
class RunSetupPanel;
class RunStatusBar;
class SetupArea;

/*!
    The operator's window. It builds the widgets and wires the run session to them; the work is
    done by RunSession (off the GUI thread) and the models and panels.
*/
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // historyPath: the runs history to show and keep runs in; "": the one the settings name
    // (history/file), else RunHistory::defaultPath().
    explicit MainWindow(const QString &historyPath = QString(), QWidget *parent = nullptr);
    ~MainWindow() override;

    // Pre-fills the set-up with what the operator named (on the command line: URLs, window,
    // mode, ...); the rest stays as the window remembers it.
    void applyOptions(const RunOverrides &options);

    RunSetupPanel *setupPanel() const { return m_setup; }
    MessageTableModel *messageModel() const { return m_messages; }
    MessagePanel *messagePanel() const { return m_messagePanel; }
    ChartsPanel *charts() const { return m_charts; }
    SetupArea *setupArea() const { return m_setupArea; }
    RunStatusBar *statusWidget() const { return m_status; }
    QTabWidget *bottomTabs() const { return m_bottomTabs; }
    ResultsPanel *results() const { return m_results; }
    RunHistoryModel *history() const { return m_history; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    // The runs history's database; nullptr when it could not be opened.
    RunHistory *runHistory() const;
    RunSession *session() const { return m_session; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QAction *flushAction() const { return m_flush; }
    QAction *exportAction() const { return m_export; }
    QAction *openCaptureAction() const { return m_openCapture; }
    QString errorText() const;

public Q_SLOTS:
    void startRun();
    void stopRun();
    void flushRun();
    // The selected (else the latest) finished run's messages.
    bool exportCsv(const QString &path);
    bool exportHistory(const QString &path);
    // A past run of the history in the results and the charts, as it was (not while a run is
    // going on).
    bool showRun(qint64 id);
    // Replays a capture as the feed (the set-up's sink, window and replay speed); false, with
    // the reason shown, when it cannot start.
    bool openCapture(const QString &path);
    // Two finished runs side by side; the dialog is shown and deletes itself when closed.
    CompareDialog *compareRuns(qint64 older, qint64 newer);
    void openSettings();

Q_SIGNALS:
    void runFinished(const RunReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void updateActions();
    void showError(const QString &message);
    void clearError();
    void log(const QString &message);
    void onStateChanged(RunState state);
    void onFinished(const RunReport &report, const QString &csvPath, const QString &csvError);
    int exportRow() const;
    void chooseAndExportCsv();
    void chooseAndExportHistory();
    void about();
    void balanceResults();
    void openHistory(const QString &path);
    void chooseAndOpenCapture();
    RunSession *m_session;
    RunSetupPanel *m_setup;
    MessageTableModel *m_messages;
    MessagePanel *m_messagePanel;
    ChartsPanel *m_charts;
    ResultsPanel *m_results;
    std::unique_ptr<RunKeeper> m_keeper; // the history's database; before the model showing it
    RunHistoryModel *m_history;
    HistoryPanel *m_historyPanel;
    RunStatusBar *m_status;
    QPlainTextEdit *m_events;
    QTabWidget *m_bottomTabs;
    ErrorBanner *m_errorBanner;
    SetupArea *m_setupArea = nullptr;
    QSplitter *m_outer = nullptr;
    QSplitter *m_right = nullptr;
    bool m_shownOnce = false;
    bool m_resultsPlaced = false; // the operator moved the divider: leave it
    bool m_holdingAnnounced = false;
    QString m_lastError; // logged once, however many times it is reported
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_flush = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportHistory = nullptr;
    QAction *m_openCapture = nullptr;
    QString m_currentSource;
    int m_runNumber = 0;
    bool m_closeAfterRun = false; // quitting: close once the run is recorded
    bool m_autoWindowRun = false; // the run's W is adaptive: the distance chart follows it
    QTimer m_historyRefresh; // other windows and headless runs add to the history too
};
