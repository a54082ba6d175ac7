#include "runhistory.h"

#include "historyschema.h"
#include "processidentity.h"
#include "run/runconfig.h"
#include "run/runreport.h"
#include "runsettings.h"

#include <QAtomicInt>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVariant>

namespace {

const QString Running = QStringLiteral("running");
const QString Finished = QStringLiteral("finished");
const QString Interrupted = QStringLiteral("interrupted");
const QString KeepRunsKey = QStringLiteral("retention_runs");
const QString KeepBytesKey = QStringLiteral("retention_bytes");

// Times are kept in UTC (they sort as text), shown in local time.
QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QVariant &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime() : QDateTime();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVariant pathOrNull(const QString &path)
{
    return path.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                          : QVariant(QFileInfo(path).absoluteFilePath());
}

const QString EntryColumns = QStringLiteral(
    "id, started_at, finished_at, status, origin, name, note, source, reorder_window, mode, "
    "verdict, received, sent, late, duplicates, malformed, missing_ids, total_ms, throughput, "
    "csv_path, capture_path, files_owned");

HistoryEntry entryOf(const QSqlQuery &q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.startedAt = timeOf(q.value(1));
    e.finishedAt = timeOf(q.value(2));
    const QString status = q.value(3).toString();
    e.status = status == Finished ? RunStatus::Finished
        : status == Running       ? RunStatus::Running
                                  : RunStatus::Interrupted;
    e.origin = q.value(4).toString() == QLatin1String("headless") ? RunOrigin::Headless
                                                                  : RunOrigin::Window;
    e.name = q.value(5).toString();
    e.note = q.value(6).toString();
    e.source = q.value(7).toString();
    e.window = q.value(8).toLongLong();
    e.mode = q.value(9).toString();
    const QString verdict = q.value(10).toString();
    for (Verdict v : {Verdict::Pass, Verdict::Warn, Verdict::Fail}) {
        if (RunVerdict::key(v) == verdict)
            e.verdict = v;
    }
    e.received = q.value(11).toULongLong();
    e.sent = q.value(12).toULongLong();
    e.late = q.value(13).toULongLong();
    e.duplicates = q.value(14).toULongLong();
    e.malformed = q.value(15).toULongLong();
    e.missingIds = q.value(16).toULongLong();
    e.totalMs = q.value(17).toDouble();
    e.throughput = q.value(18).toDouble();
    e.csvPath = q.value(19).toString();
    e.capturePath = q.value(20).toString();
    e.filesOwned = q.value(21).toBool();
    return e;
}

quint64 sizeOf(const QString &path)
{
    const QFileInfo info(path);
    return !path.isEmpty() && info.isFile() ? quint64(info.size()) : 0;
}

QAtomicInt connections;

} // namespace

RunHistory::RunHistory()
    : m_connection(QStringLiteral("run-history-%1").arg(connections.fetchAndAddRelaxed(1)))
{ }

RunHistory::~RunHistory()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString RunHistory::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

QSqlDatabase RunHistory::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool RunHistory::fail(const QString &error) const
{
    m_error = error;
    return false;
}

QString RunHistory::filesFolder() const
{
    return QFileInfo(m_path).absoluteDir().filePath(QStringLiteral("runs"));
}

QString RunHistory::open(const QString &path)
{
    if (QSqlDatabase::contains(m_connection)) { // open again: the old connection goes first
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        m_path.clear();
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return tr("cannot create the folder of %1").arg(absolute);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return tr("Qt's SQLite driver (QSQLITE) is not installed: the history needs it");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(absolute);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
        if (!db.open())
            return tr("cannot open the history %1: %2").arg(absolute, db.lastError().text());
        QSqlQuery q(db);
        // The write-ahead log lets another process read and write while this one does;
        // synchronous=NORMAL keeps every commit through a crash of the process.
        // Switching to it takes the database for a moment, and SQLite does not wait for that
        // through the busy timeout when another process is creating or switching it at the
        // same time: try again for as long as the timeout.
        QString error;
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            const bool wal = q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
                && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
            const QString problem = q.lastError().text();
            q.finish();
            if (wal)
                break;
            if (waited.elapsed() >= BusyTimeoutMs) {
                error = tr("cannot use a write-ahead log: %1").arg(problem);
                break;
            }
            QThread::msleep(20);
        }
        if (error.isEmpty() && !q.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
            error = q.lastError().text();
        if (error.isEmpty())
            error = HistorySchema::migrate(db);
        if (!error.isEmpty()) {
            db.close();
            return tr("cannot open the history %1: %2").arg(absolute, error);
        }
    }
    m_path = absolute;
    m_interruptedAtOpen = markInterrupted();
    return QString();
}

int RunHistory::markInterrupted()
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT id, pid, process_started, host FROM runs WHERE status = '%1'")
               .arg(Running));
    QList<qint64> gone;
    while (q.next()) {
        ProcessIdentity p;
        p.pid = q.value(1).toLongLong();
        p.startTicks = q.value(2).toULongLong();
        p.host = q.value(3).toString();
        if (!p.isRunning())
            gone << q.value(0).toLongLong();
    }
    int marked = 0;
    for (qint64 id : std::as_const(gone))
        marked += interrupt(id) ? 1 : 0;
    return marked;
}

std::optional<qint64> RunHistory::begin(const RunConfig &config, const QString &source,
                                        RunOrigin origin)
{
    const ProcessIdentity me = ProcessIdentity::current();
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("INSERT INTO runs (started_at, status, source, settings_json, origin, pid, "
                       "process_started, host, reorder_window, mode, capture_path, files_owned) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(timeText(QDateTime::currentDateTime()));
    q.addBindValue(Running);
    q.addBindValue(source);
    q.addBindValue(compact(RunSettings::toJson(config)));
    q.addBindValue(origin == RunOrigin::Headless ? QStringLiteral("headless")
                                                 : QStringLiteral("window"));
    q.addBindValue(me.pid);
    q.addBindValue(me.startTicks);
    q.addBindValue(me.host);
    q.addBindValue(qint64(config.autoWindow ? RunConfig::AutoWindow : config.window));
    q.addBindValue(UrlCheck::modeName(config.mode));
    q.addBindValue(pathOrNull(config.capturePath));
    q.addBindValue(origin == RunOrigin::Window);
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool RunHistory::setFiles(qint64 id, const QString &csvPath, const QString &capturePath)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE runs SET csv_path = ?, capture_path = ? WHERE id = ?"));
    q.addBindValue(pathOrNull(csvPath));
    q.addBindValue(pathOrNull(capturePath));
    q.addBindValue(id);
    return q.exec() || fail(q.lastError().text());
}

bool RunHistory::finish(qint64 id, const RunReport &report, const QString &csvPath)
{
    // A CSV of its own that could not be written is not left behind half done.
    if (csvPath.isEmpty()) {
        if (const std::optional<HistoryRecord> r = get(id); r && r->entry.filesOwned)
            QFile::remove(r->entry.csvPath);
    }
    const RunCounters &c = report.counters;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE runs SET status = ?, finished_at = ?, verdict = ?, reorder_window = ?, mode = ?, "
        "received = ?, sent = ?, late = ?, duplicates = ?, malformed = ?, missing_ids = ?, "
        "total_ms = ?, throughput = ?, report_json = ?, digest_json = ?, csv_path = ?, "
        "capture_path = COALESCE(?, capture_path) WHERE id = ?"));
    q.addBindValue(Finished);
    q.addBindValue(timeText(QDateTime::currentDateTime()));
    q.addBindValue(RunVerdict::key(report.verdict.level));
    q.addBindValue(qint64(report.config.autoWindow ? RunConfig::AutoWindow : report.config.window));
    q.addBindValue(UrlCheck::modeName(report.config.mode));
    for (quint64 v : {c.received, c.sent, c.late, c.duplicates, c.malformed, c.missingIds})
        q.addBindValue(qint64(std::min<quint64>(v, quint64(std::numeric_limits<qint64>::max()))));
    q.addBindValue(report.timing.totalMs);
    q.addBindValue(report.throughput);
    q.addBindValue(compact(report.toJson()));
    q.addBindValue(compact(report.digest.toJson()));
    q.addBindValue(pathOrNull(csvPath));
    q.addBindValue(pathOrNull(report.config.capturePath));
    q.addBindValue(id);
    return q.exec() || fail(q.lastError().text());
}

bool RunHistory::interrupt(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, finished_at = ? WHERE id = ? AND "
                             "status = ?"));
    q.addBindValue(Interrupted);
    q.addBindValue(timeText(QDateTime::currentDateTime()));
    q.addBindValue(id);
    q.addBindValue(Running);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() > 0;
}

QList<HistoryEntry> RunHistory::list() const
{
    QList<HistoryEntry> entries;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM runs ORDER BY id DESC").arg(EntryColumns))) {
        fail(q.lastError().text());
        return entries;
    }
    while (q.next())
        entries.append(entryOf(q));
    return entries;
}

std::optional<HistoryRecord> RunHistory::get(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1, settings_json, report_json, digest_json FROM runs "
                             "WHERE id = ?")
                  .arg(EntryColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        fail(q.lastError().isValid() ? q.lastError().text() : tr("there is no run %1").arg(id));
        return std::nullopt;
    }
    HistoryRecord r;
    r.entry = entryOf(q);
    const int first = EntryColumns.count(QLatin1Char(',')) + 1;
    r.settings = objectOf(q.value(first));
    if (!q.value(first + 1).isNull()) {
        RunReport report = RunReport::fromJson(objectOf(q.value(first + 1)));
        report.digest = RunDigest::fromJson(objectOf(q.value(first + 2)));
        r.report = std::move(report);
    }
    return r;
}

bool RunHistory::rename(qint64 id, const QString &name)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE runs SET name = ? WHERE id = ?"));
    q.addBindValue(name.trimmed());
    q.addBindValue(id);
    return q.exec() || fail(q.lastError().text());
}

bool RunHistory::annotate(qint64 id, const QString &note)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE runs SET note = ? WHERE id = ?"));
    q.addBindValue(note.trimmed());
    q.addBindValue(id);
    return q.exec() || fail(q.lastError().text());
}

bool RunHistory::remove(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT status, pid, process_started, host, files_owned, csv_path, "
                             "capture_path FROM runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return fail(tr("there is no run %1").arg(id));
    ProcessIdentity owner {q.value(1).toLongLong(), q.value(2).toULongLong(),
                           q.value(3).toString()};
    if (q.value(0).toString() == Running && owner.isRunning())
        return fail(tr("run %1 is still going on").arg(id));
    const bool owned = q.value(4).toBool();
    const QStringList files {q.value(5).toString(), q.value(6).toString()};
    q.finish();
    QSqlQuery del(database());
    del.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    del.addBindValue(id);
    if (!del.exec())
        return fail(del.lastError().text());
    if (owned) {
        for (const QString &file : files) {
            if (!file.isEmpty() && QFileInfo(file).isFile())
                QFile::remove(file);
        }
    }
    return true;
}

HistoryStorage RunHistory::storage() const
{
    HistoryStorage s;
    for (const char *suffix : {"", "-wal", "-shm"})
        s.databaseBytes += sizeOf(m_path + QLatin1String(suffix));
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT files_owned, csv_path, capture_path FROM runs"));
    while (q.next()) {
        ++s.runs;
        if (q.value(0).toBool())
            s.fileBytes += sizeOf(q.value(1).toString()) + sizeOf(q.value(2).toString());
    }
    return s;
}

QString RunHistory::setting(const QString &key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool RunHistory::setSetting(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec() || fail(q.lastError().text());
}

HistoryRetention RunHistory::retention() const
{
    HistoryRetention r;
    const QString runs = setting(KeepRunsKey);
    const QString bytes = setting(KeepBytesKey);
    r.maxRuns = runs.isEmpty() ? DefaultKeepRuns : runs.toInt();
    r.maxBytes = bytes.isEmpty() ? DefaultKeepBytes : bytes.toULongLong();
    return r;
}

bool RunHistory::setRetention(const HistoryRetention &r)
{
    return setSetting(KeepRunsKey, QString::number(std::max(0, r.maxRuns)))
        && setSetting(KeepBytesKey, QString::number(r.maxBytes));
}

int RunHistory::applyRetention()
{
    const HistoryRetention keep = retention();
    struct Row
    {
        qint64 id;
        bool running;
        quint64 bytes; // its files and its row
    };
    std::vector<Row> rows; // newest first
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.exec(QStringLiteral(
        "SELECT id, status, files_owned, csv_path, capture_path, length(settings_json) + "
        "IFNULL(length(report_json), 0) + IFNULL(length(digest_json), 0) FROM runs "
        "ORDER BY id DESC"));
    while (q.next()) {
        const quint64 files =
            q.value(2).toBool() ? sizeOf(q.value(3).toString()) + sizeOf(q.value(4).toString()) : 0;
        rows.push_back({q.value(0).toLongLong(), q.value(1).toString() == Running,
                        files + q.value(5).toULongLong()});
    }
    q.finish();

    std::vector<qint64> doomed;
    std::vector<bool> gone(rows.size(), false);
    // By count: past the newest maxRuns.
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (keep.maxRuns > 0 && i >= std::size_t(keep.maxRuns) && !rows[i].running) {
            doomed.push_back(rows[i].id);
            gone[i] = true;
        }
    }
    // By size: the oldest first until the rest fits.
    if (keep.maxBytes > 0) {
        quint64 total = storage().total();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (gone[i])
                total -= std::min(total, rows[i].bytes);
        }
        for (std::size_t i = rows.size(); i-- > 1 && total > keep.maxBytes;) {
            if (gone[i] || rows[i].running)
                continue;
            doomed.push_back(rows[i].id);
            total -= std::min(total, rows[i].bytes);
        }
    }
    int removed = 0;
    for (qint64 id : doomed)
        removed += remove(id) ? 1 : 0;
    if (removed > 0) {
        QSqlQuery vacuum(database());
        vacuum.exec(QStringLiteral("PRAGMA incremental_vacuum"));
    }
    return removed;
}
