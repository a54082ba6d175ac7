#include "historypanel.h"

#include "history/runhistory.h"
#include "runhistorymodel.h"
#include "settingsdialog.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

HistoryPanel::HistoryPanel(RunHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView)
    , m_bar(new QToolBar)
    , m_storage(new QLabel)
    , m_problem(new QLabel)
{
    setObjectName(QStringLiteral("historyPanel"));
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // Every cell whole (the table scrolls sideways rather than elide a name or a date).
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(false);

    m_compare = new QAction(tr("&Compare"), this);
    m_compare->setToolTip(tr("Select two runs: every figure side by side, the differences "
                             "highlighted, their histograms and rates overlaid"));
    m_rename = new QAction(tr("Re&name..."), this);
    m_rename->setToolTip(tr("Give the selected run a name (\"after the load balancer change\")"));
    m_annotate = new QAction(tr("N&ote..."), this);
    m_annotate->setToolTip(tr("Write a note on the selected run"));
    m_delete = new QAction(tr("&Delete..."), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_delete->setToolTip(tr("Delete the selected runs from the history, with the files the "
                            "window made for them (Delete)"));
    m_replay = new QAction(tr("Re&play capture"), this);
    m_replay->setToolTip(tr("Run the selected run's capture again as the feed"));
    m_settings = new QAction(tr("&Settings..."), this);
    m_settings->setToolTip(tr("Captures, and how much history to keep"));
    m_view->addAction(m_delete);
    for (QAction *a : {m_compare, m_rename, m_annotate, m_delete, m_replay})
        m_bar->addAction(a);
    m_bar->setObjectName(QStringLiteral("historyBar"));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->addSeparator();

    m_storage->setObjectName(QStringLiteral("historyStorage"));
    m_storage->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("historyProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_problem->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_bar);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_storage);

    connect(m_compare, &QAction::triggered, this, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() == 2)
            Q_EMIT compareRequested(ids.at(1), ids.at(0));
    });
    connect(m_rename, &QAction::triggered, this, &HistoryPanel::chooseName);
    connect(m_annotate, &QAction::triggered, this, &HistoryPanel::chooseNote);
    connect(m_delete, &QAction::triggered, this, &HistoryPanel::confirmDelete);
    connect(m_replay, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.size() == 1)
            Q_EMIT replayRequested(m_model->entry(rows.first().row()).capturePath);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryPanel::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        const QList<qint64> ids = selectedIds();
        if (ids.size() == 1)
            Q_EMIT runSelected(ids.first());
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &HistoryPanel::updateActions);
    connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::updateStorage);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateStorage);
    connect(model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateStorage);
    updateActions();
    updateStorage();
}

QList<qint64> HistoryPanel::selectedIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &row : rows)
        ids << m_model->entry(row.row()).id;
    return ids;
}

void HistoryPanel::select(const QList<qint64> &ids)
{
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, RunHistoryModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!ids.isEmpty() && m_model->rowOf(ids.first()) >= 0)
        m_view->scrollTo(m_model->index(m_model->rowOf(ids.first()), 0));
}

void HistoryPanel::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    updateActions();
}

void HistoryPanel::updateStorage()
{
    const RunHistory *history = m_model->history();
    if (!history) {
        m_storage->clear();
        return;
    }
    const HistoryRetention keep = history->retention();
    QStringList limits;
    if (keep.maxRuns > 0)
        limits << (keep.maxRuns == 1 ? tr("the newest run")
                                     : tr("the newest %Ln runs", nullptr, keep.maxRuns));
    if (keep.maxBytes > 0)
        limits << tr("at most %1").arg(SettingsDialog::size(keep.maxBytes));
    m_storage->setText(
        tr("Storage: %1; keeps %2")
            .arg(SettingsDialog::storageText(history->storage()),
                 limits.isEmpty() ? tr("everything") : limits.join(tr(", ", "list separator"))));
}

void HistoryPanel::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool open = m_model->history() != nullptr;
    const auto finished = [this](const QModelIndex &row) {
        return m_model->entry(row.row()).status == RunStatus::Finished;
    };
    m_compare->setEnabled(open && rows.size() == 2
                          && std::all_of(rows.begin(), rows.end(), finished));
    m_rename->setEnabled(open && rows.size() == 1);
    m_annotate->setEnabled(open && rows.size() == 1);
    m_delete->setEnabled(open && !rows.isEmpty());
    m_replay->setEnabled(rows.size() == 1
                         && QFileInfo(m_model->entry(rows.first().row()).capturePath).isFile()
                         && m_model->entry(rows.first().row()).status != RunStatus::Running);
}

bool HistoryPanel::rename(qint64 id, const QString &name)
{
    RunHistory *history = m_model->history();
    if (!history || !history->rename(id, name)) {
        Q_EMIT errorOccurred(
            tr("Cannot rename the run: %1").arg(history ? history->errorString() : QString()));
        return false;
    }
    m_model->reload();
    Q_EMIT changed();
    return true;
}

bool HistoryPanel::annotate(qint64 id, const QString &note)
{
    RunHistory *history = m_model->history();
    if (!history || !history->annotate(id, note)) {
        Q_EMIT errorOccurred(
            tr("Cannot write the note: %1").arg(history ? history->errorString() : QString()));
        return false;
    }
    m_model->reload();
    Q_EMIT changed();
    return true;
}

bool HistoryPanel::remove(const QList<qint64> &ids)
{
    RunHistory *history = m_model->history();
    if (!history)
        return false;
    QStringList errors;
    for (qint64 id : ids) {
        if (!history->remove(id))
            errors << history->errorString();
    }
    m_model->reload();
    updateStorage();
    Q_EMIT changed();
    if (!errors.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot delete: %1").arg(errors.join(QStringLiteral("; "))));
        return false;
    }
    return true;
}

void HistoryPanel::chooseName()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1)
        return;
    const HistoryEntry &e = m_model->entry(m_model->rowOf(ids.first()));
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename the run"),
                                               tr("Name of run %1 (empty: none):").arg(e.id),
                                               QLineEdit::Normal, e.name, &ok);
    if (ok)
        rename(e.id, name);
}

void HistoryPanel::chooseNote()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1)
        return;
    const HistoryEntry &e = m_model->entry(m_model->rowOf(ids.first()));
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(
        this, tr("Note on the run"), tr("Note on %1:").arg(e.title()), e.note, &ok);
    if (ok)
        annotate(e.id, note);
}

void HistoryPanel::confirmDelete()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList titles;
    for (qint64 id : ids)
        titles << m_model->entry(m_model->rowOf(id)).title();
    const QString question = ids.size() == 1
        ? tr("Delete %1 from the history, with its CSV and capture?").arg(titles.first())
        : tr("Delete these %1 runs from the history, with their CSV and capture files?\n%2")
              .arg(ids.size())
              .arg(titles.join(QStringLiteral(", ")));
    const auto answer = QMessageBox::question(
        this, tr("Delete runs"),
        question + QStringLiteral("\n\n")
            + tr("Files named on a command line (headless runs) are left where they are."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        remove(ids);
}

void HistoryPanel::showMenu(const QPoint &at)
{
    QMenu menu(this);
    for (QAction *a : {m_compare, m_rename, m_annotate, m_replay})
        menu.addAction(a);
    menu.addSeparator();
    menu.addAction(m_delete);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}
