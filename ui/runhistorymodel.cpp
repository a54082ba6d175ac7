#include "runhistorymodel.h"

#include "runsetuppanel.h"
#include "verdictstyle.h"

#include "files/csv.h"
#include "files/filesave.h"
#include "history/runhistory.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace {

// Everything a row shows: a reload that finds the same leaves the row alone.
bool sameRow(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.id == b.id && a.status == b.status && a.name == b.name && a.note == b.note
        && a.verdict == b.verdict && a.received == b.received && a.csvPath == b.csvPath
        && a.capturePath == b.capturePath && a.finishedAt == b.finishedAt;
}

} // namespace

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RunHistoryModel::setHistory(RunHistory *history)
{
    beginResetModel();
    m_history = history;
    m_entries = history ? history->list() : QList<HistoryEntry>();
    endResetModel();
}

void RunHistoryModel::reload()
{
    if (!m_history)
        return;
    const QList<HistoryEntry> fresh = m_history->list();
    // Newer runs are added at the top; the rest keep their order, some gone.
    qsizetype added = 0;
    while (added < fresh.size()
           && (m_entries.isEmpty() || fresh.at(added).id > m_entries.first().id))
        ++added;
    // Rows gone (deleted here or elsewhere), from the bottom so that indexes hold.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        const qint64 id = m_entries.at(row).id;
        const bool kept = std::any_of(fresh.begin() + added, fresh.end(),
                                      [id](const HistoryEntry &e) { return e.id == id; });
        if (!kept) {
            beginRemoveRows(QModelIndex(), row, row);
            m_entries.removeAt(row);
            endRemoveRows();
        }
    }
    if (added > 0) {
        beginInsertRows(QModelIndex(), 0, int(added) - 1);
        m_entries = fresh.mid(0, added) + m_entries;
        endInsertRows();
    }
    if (m_entries.size() != fresh.size()) { // older runs appeared: not expected, start over
        beginResetModel();
        m_entries = fresh;
        endResetModel();
        return;
    }
    for (int row = 0; row < m_entries.size(); ++row) {
        if (!sameRow(m_entries.at(row), fresh.at(row))) {
            m_entries[row] = fresh.at(row);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            m_entries[row] = fresh.at(row);
        }
    }
}

int RunHistoryModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::verdictText(const HistoryEntry &e)
{
    switch (e.status) {
    case RunStatus::Running:
        return tr("RUNNING", "a run of the history that has not ended");
    case RunStatus::Interrupted:
        return tr("INTERRUPTED", "a run cut off by a crash or a kill before it ended");
    case RunStatus::Finished:
        break;
    }
    return e.verdict ? VerdictStyle::label(*e.verdict)
                     : tr("INTERRUPTED", "a run cut off by a crash or a kill before it ended");
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return QVariant();
    const HistoryEntry &e = m_entries.at(index.row());
    const bool finished = e.status == RunStatus::Finished;
    if (role == Qt::ToolTipRole) {
        if (index.column() == NoteColumn || index.column() == NameColumn)
            return e.note.isEmpty() ? QVariant() : e.note;
        if (index.column() == SourceColumn)
            return e.source;
        if (index.column() == VerdictColumn && e.status == RunStatus::Interrupted)
            return tr("The program ended before the run did (it crashed or was killed)");
        return QVariant();
    }
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn) {
        return finished && e.verdict ? QBrush(VerdictStyle::color(*e.verdict))
                                     : QBrush(QColor(110, 110, 110));
    }
    if (role == Qt::UserRole)
        return e.id;
    if (role != Qt::DisplayRole)
        return QVariant();
    const auto count = [finished](quint64 v) {
        return finished ? QVariant(QLocale().toString(v)) : QVariant();
    };
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(e.startedAt, QLocale::ShortFormat);
    case NameColumn:
        return e.title();
    case SourceColumn:
        return e.source;
    case WindowColumn:
        return e.window == RunConfig::AutoWindow ? QVariant(tr("auto")) : QVariant(e.window);
    case ModeColumn:
        return RunSetupPanel::modeText(e.mode == QLatin1String("batch") ? ReorderMode::Batch
                                                                        : ReorderMode::Stream);
    case ReceivedColumn:
        return count(e.received);
    case SentColumn:
        return count(e.sent);
    case LateColumn:
        return count(e.late);
    case DuplicatesColumn:
        return count(e.duplicates);
    case MalformedColumn:
        return count(e.malformed);
    case MissingColumn:
        return count(e.missingIds);
    case VerdictColumn:
        return verdictText(e);
    case TotalColumn:
        return finished ? QVariant(QLocale().toString(e.totalMs, 'f', 1)) : QVariant();
    case ThroughputColumn:
        return finished ? QVariant(QLocale().toString(qint64(e.throughput))) : QVariant();
    case NoteColumn:
        return QString(e.note).replace(QLatin1Char('\n'), QLatin1Char(' '));
    default:
        return QVariant();
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case NameColumn:
        return tr("Name");
    case SourceColumn:
        return tr("Source");
    case WindowColumn:
        return tr("W", "reorder window");
    case ModeColumn:
        return tr("Mode");
    case ReceivedColumn:
        return tr("Received");
    case SentColumn:
        return tr("Sent");
    case LateColumn:
        return tr("Late");
    case DuplicatesColumn:
        return tr("Duplicates");
    case MalformedColumn:
        return tr("Malformed");
    case MissingColumn:
        return tr("Missing ids");
    case VerdictColumn:
        return tr("Verdict");
    case TotalColumn:
        return tr("Total ms");
    case ThroughputColumn:
        return tr("msg/s");
    case NoteColumn:
        return tr("Note");
    default:
        return QVariant();
    }
}

QString RunHistoryModel::messagesFileName(const HistoryEntry &e)
{
    return QStringLiteral("run-%1-%2.csv")
        .arg(e.id, 3, 10, QLatin1Char('0'))
        .arg(e.startedAt.toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

bool RunHistoryModel::exportTo(const QString &path, QString *error) const
{
    QStringList rows;
    rows << Csv::row({QStringLiteral("run"),
                      QStringLiteral("started"),
                      QStringLiteral("source"),
                      QStringLiteral("feed"),
                      QStringLiteral("send_url"),
                      QStringLiteral("window"),
                      QStringLiteral("mode"),
                      QStringLiteral("received"),
                      QStringLiteral("accepted"),
                      QStringLiteral("sent"),
                      QStringLiteral("late"),
                      QStringLiteral("duplicates"),
                      QStringLiteral("malformed"),
                      QStringLiteral("missing_ids"),
                      QStringLiteral("recommended_window"),
                      QStringLiteral("verdict"),
                      QStringLiteral("connect_ms"),
                      QStringLiteral("receive_ms"),
                      QStringLiteral("order_ms"),
                      QStringLiteral("send_ms"),
                      QStringLiteral("total_ms"),
                      QStringLiteral("throughput_msgs_per_s"),
                      QStringLiteral("messages_csv"),
                      QStringLiteral("name"),
                      QStringLiteral("note"),
                      QStringLiteral("reasons")});
    const QDir folder = QFileInfo(path).absoluteDir();
    QStringList copyErrors;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        const HistoryEntry &e = *it;
        std::optional<HistoryRecord> record = m_history ? m_history->get(e.id) : std::nullopt;
        const RunReport rep = record && record->report ? *record->report : RunReport();
        const RunCounters &c = rep.counters;
        QString messages;
        if (!e.csvPath.isEmpty() && QFile::exists(e.csvPath)) {
            messages = messagesFileName(e);
            if (const QString err = FileSave::copyReplacing(e.csvPath, folder.filePath(messages));
                !err.isEmpty())
                copyErrors << err;
        }
        // Empty where it does not exist: nothing arrived.
        const QString recommended = c.received > 0 ? Csv::number(c.recommendedWindow) : QString();
        rows << Csv::row({Csv::number(quint64(e.id)),
                          Csv::text(e.startedAt.toString(Qt::ISODate)),
                          Csv::text(e.source),
                          Csv::text(rep.feedDescription),
                          Csv::text(rep.config.sinkUrl.toDisplayString(QUrl::RemovePassword)),
                          e.window == RunConfig::AutoWindow ? QStringLiteral("auto")
                                                            : Csv::number(qint64(e.window)),
                          e.mode,
                          Csv::number(c.received),
                          Csv::number(c.accepted),
                          Csv::number(c.sent),
                          Csv::number(c.late),
                          Csv::number(c.duplicates),
                          Csv::number(c.malformed),
                          Csv::number(c.missingIds),
                          recommended,
                          e.statusKey(),
                          Csv::decimal(rep.timing.connectMs),
                          Csv::decimal(rep.timing.receiveMs),
                          Csv::decimal(rep.timing.orderMs),
                          Csv::decimal(rep.timing.sendMs),
                          Csv::decimal(rep.timing.totalMs),
                          Csv::decimal(rep.throughput, 0),
                          Csv::text(messages),
                          Csv::text(e.name),
                          Csv::text(e.note),
                          Csv::text(rep.verdict.reasonTexts().join(QStringLiteral("; ")))});
    }
    if (const QString e = FileSave::writeWhole(path, rows.join(QString()).toUtf8()); !e.isEmpty())
        copyErrors.prepend(e);
    if (!copyErrors.isEmpty()) {
        if (error)
            *error = copyErrors.join(QStringLiteral("; "));
        return false;
    }
    return true;
}
