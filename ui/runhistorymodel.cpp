#include "runhistorymodel.h"

#include "runsetuppanel.h"
#include "verdictstyle.h"

#include "files/csv.h"
#include "files/filesave.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RunHistoryModel::append(const RunRecord &record)
{
    const int row = int(m_records.size());
    beginInsertRows(QModelIndex(), row, row);
    m_records.push_back(record);
    endInsertRows();
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::verdictOf(const RunReport &report) const
{
    return VerdictStyle::label(report.verdict.level);
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_records.size())
        return QVariant();
    const RunRecord &r = m_records[std::size_t(index.row())];
    const RunCounters &c = r.report.counters;
    if (role == Qt::ToolTipRole) {
        if (index.column() == VerdictColumn)
            return r.report.verdict.reasonTexts().join(QLatin1Char('\n'));
        if (index.column() == SourceColumn)
            return r.report.feedDescription;
        return QVariant();
    }
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn)
        return QBrush(VerdictStyle::color(r.report.verdict.level));
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(r.report.startedAt, QLocale::ShortFormat);
    case SourceColumn:
        return r.source;
    case WindowColumn:
        return qint64(r.report.config.window);
    case ModeColumn:
        return RunSetupPanel::modeText(r.report.config.mode);
    case ReceivedColumn:
        return QLocale().toString(c.received);
    case SentColumn:
        return QLocale().toString(c.sent);
    case LateColumn:
        return QLocale().toString(c.late);
    case DuplicatesColumn:
        return QLocale().toString(c.duplicates);
    case MalformedColumn:
        return QLocale().toString(c.malformed);
    case MissingColumn:
        return QLocale().toString(c.missingIds);
    case VerdictColumn:
        return verdictOf(r.report);
    case TotalColumn:
        return QLocale().toString(r.report.timing.totalMs, 'f', 1);
    case ThroughputColumn:
        return QLocale().toString(qint64(r.report.throughput));
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
    default:
        return QVariant();
    }
}

QString RunHistoryModel::messagesFileName(int row, const RunRecord &record)
{
    return QStringLiteral("run-%1-%2.csv")
        .arg(row + 1, 3, 10, QLatin1Char('0'))
        .arg(record.report.startedAt.toString(QStringLiteral("yyyyMMdd-HHmmss")));
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
                      QStringLiteral("reasons")});
    const QDir folder = QFileInfo(path).absoluteDir();
    QStringList copyErrors;
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        const RunRecord &r = m_records[i];
        const RunReport &rep = r.report;
        const RunCounters &c = rep.counters;
        QString messages;
        if (!r.messagesCsv.isEmpty() && QFile::exists(r.messagesCsv)) {
            messages = messagesFileName(int(i), r);
            if (const QString e = FileSave::copyReplacing(r.messagesCsv, folder.filePath(messages));
                !e.isEmpty())
                copyErrors << e;
        }
        rows << Csv::row({Csv::number(quint64(i + 1)),
                          Csv::text(rep.startedAt.toString(Qt::ISODate)),
                          Csv::text(r.source),
                          Csv::text(rep.feedDescription),
                          Csv::text(rep.config.sinkUrl.toDisplayString(QUrl::RemovePassword)),
                          Csv::number(qint64(rep.config.window)),
                          UrlCheck::modeName(rep.config.mode),
                          Csv::number(c.received),
                          Csv::number(c.accepted),
                          Csv::number(c.sent),
                          Csv::number(c.late),
                          Csv::number(c.duplicates),
                          Csv::number(c.malformed),
                          Csv::number(c.missingIds),
                          Csv::number(c.recommendedWindow),
                          RunVerdict::key(rep.verdict.level),
                          Csv::decimal(rep.timing.connectMs),
                          Csv::decimal(rep.timing.receiveMs),
                          Csv::decimal(rep.timing.orderMs),
                          Csv::decimal(rep.timing.sendMs),
                          Csv::decimal(rep.timing.totalMs),
                          Csv::decimal(rep.throughput, 0),
                          Csv::text(messages),
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
