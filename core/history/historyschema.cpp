#include "historyschema.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Runs each statement; the first error in words, or empty.
QString execAll(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &statement : statements) {
        QSqlQuery q(db);
        if (!q.exec(statement))
            return q.lastError().text();
    }
    return QString();
}

// Version 1: the first layout.
QString createVersion1(QSqlDatabase &db)
{
    return execAll(db,
                   {
                       QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
                       QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
                       QStringLiteral("CREATE TABLE runs ("
                                      " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                      " started_at TEXT NOT NULL,"
                                      " finished_at TEXT,"
                                      " status TEXT NOT NULL,"
                                      " name TEXT NOT NULL DEFAULT '',"
                                      " source TEXT NOT NULL DEFAULT '',"
                                      " settings_json TEXT NOT NULL DEFAULT '{}',"
                                      " report_json TEXT,"
                                      " csv_path TEXT)"),
                   });
}

// Version 2: notes, who runs it, summary columns for the list, the charts, the capture.
QString version1To2(QSqlDatabase &db)
{
    QString error = execAll(
        db,
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN origin TEXT NOT NULL DEFAULT 'window'"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE runs ADD COLUMN process_started INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN verdict TEXT"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN reorder_window INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN received INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN sent INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN late INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN malformed INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN missing_ids INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN total_ms REAL NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN throughput REAL NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN digest_json TEXT"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN capture_path TEXT"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN files_owned INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("CREATE INDEX runs_by_status ON runs (status)"),
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        });
    if (!error.isEmpty())
        return error;

    // The summary columns of the runs kept so far, from their reports (or settings).
    QSqlQuery rows(db);
    if (!rows.exec(QStringLiteral("SELECT id, report_json, settings_json FROM runs")))
        return rows.lastError().text();
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE runs SET verdict = ?, reorder_window = ?, mode = ?, received = ?, sent = ?, "
        "late = ?, duplicates = ?, malformed = ?, missing_ids = ?, total_ms = ?, throughput = ? "
        "WHERE id = ?"));
    while (rows.next()) {
        const QJsonObject report =
            QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object();
        const QJsonObject settings =
            QJsonDocument::fromJson(rows.value(2).toString().toUtf8()).object();
        const QJsonObject &o = report.isEmpty() ? settings : report;
        const auto count = [&report](const char *key) {
            return report.value(QLatin1String(key)).toInteger();
        };
        update.addBindValue(report.isEmpty() ? QVariant()
                                             : report.value(QStringLiteral("verdict")).toString());
        update.addBindValue(o.value(QStringLiteral("window")).toInteger());
        update.addBindValue(o.value(QStringLiteral("mode")).toString());
        update.addBindValue(count("received"));
        update.addBindValue(count("sent"));
        update.addBindValue(count("late"));
        update.addBindValue(count("duplicates"));
        update.addBindValue(count("malformed"));
        update.addBindValue(count("missing_ids"));
        update.addBindValue(report.value(QStringLiteral("timing_ms"))
                                .toObject()
                                .value(QStringLiteral("total"))
                                .toDouble());
        update.addBindValue(report.value(QStringLiteral("throughput_msgs_per_s")).toDouble());
        update.addBindValue(rows.value(0));
        if (!update.exec())
            return update.lastError().text();
    }
    return QString();
}

} // namespace

int HistorySchema::version(const QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QString HistorySchema::migrate(QSqlDatabase &db, int target)
{
    // Before the first table: deleted runs give their pages back (PRAGMA incremental_vacuum).
    if (db.tables().isEmpty())
        execAll(db, {QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")});
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return begin.lastError().text();
    // Read again inside the transaction: another process may have migrated meanwhile.
    const int from = version(db);
    QString error;
    if (from > Version) {
        error = QCoreApplication::translate("HistorySchema",
                                            "the history was written by a newer version of the "
                                            "program (schema %1; this one knows %2)")
                    .arg(from)
                    .arg(Version);
    }
    using Step = QString (*)(QSqlDatabase &);
    static const Step steps[Version] = {createVersion1, version1To2};
    for (int v = from; error.isEmpty() && v < target; ++v) {
        error = steps[v](db);
        if (error.isEmpty()) {
            QSqlQuery set(db);
            set.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
            set.addBindValue(v + 1);
            if (!set.exec())
                error = set.lastError().text();
        }
    }
    QSqlQuery end(db);
    if (!error.isEmpty()) {
        end.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    if (!end.exec(QStringLiteral("COMMIT")))
        return end.lastError().text();
    return QString();
}
