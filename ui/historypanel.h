#pragma once

#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QTableView;
class QToolBar;
QT_END_NAMESPACE

class RunHistoryModel;

/*!
    The Runs history tab: the runs kept in the history (RunHistoryModel), newest first, with what
    can be done to them, as buttons and in the context menu: compare two, rename, annotate,
    delete (with its files, after asking), replay a run's capture; and the storage the history
    uses with its limit. Selecting one run asks to show it (runSelected).
*/
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(RunHistoryModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QToolBar *toolBar() const { return m_bar; }
    QAction *compareAction() const { return m_compare; }
    QAction *renameAction() const { return m_rename; }
    QAction *annotateAction() const { return m_annotate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *replayAction() const { return m_replay; }
    QAction *settingsAction() const { return m_settings; }

    // The ids of the selected runs, newest first.
    QList<qint64> selectedIds() const;
    void select(const QList<qint64> &ids);
    // Says why there is no history (it could not be opened), or hides that.
    void setProblem(const QString &problem);
    // The storage the history uses, and its limit.
    void updateStorage();

    // What the actions do, without asking (the actions ask first where it matters).
    bool rename(qint64 id, const QString &name);
    bool annotate(qint64 id, const QString &note);
    bool remove(const QList<qint64> &ids);

Q_SIGNALS:
    void runSelected(qint64 id); // exactly one run is selected
    void compareRequested(qint64 older, qint64 newer);
    void replayRequested(const QString &capturePath);
    void errorOccurred(const QString &message);
    // The history changed here (renamed, annotated, deleted).
    void changed();

private:
    void updateActions();
    void chooseName();
    void chooseNote();
    void confirmDelete();
    void showMenu(const QPoint &at);

    RunHistoryModel *m_model;
    QTableView *m_view;
    QToolBar *m_bar;
    QLabel *m_storage;
    QLabel *m_problem;
    QAction *m_compare;
    QAction *m_rename;
    QAction *m_annotate;
    QAction *m_delete;
    QAction *m_replay;
    QAction *m_settings;
};
