#pragma once

#include <QSqlDatabase>
#include <QString>

/*!
    The history's tables and how each older layout becomes the next. The version is kept in the
    table schema_version; open() takes a database of any older version to Version in one
    transaction (BEGIN IMMEDIATE: two processes opening at once migrate it once).

    Version 1: runs (id, times, status, name, source, settings, report, CSV path).
    Version 2: + note, origin, the process that runs it (pid, start time, host), summary columns
    (verdict, counts, W, mode, timing), the charts' data (digest_json), the capture's path,
    whether the files are the history's own; the settings table (retention).
*/
namespace HistorySchema {

constexpr int Version = 2;

// The version of `db` (0: empty).
int version(const QSqlDatabase &db);
// Takes `db` from its version up to `target`; the error in words, or empty. A database of a
// later version than this program knows is refused.
QString migrate(QSqlDatabase &db, int target = Version);
} // namespace HistorySchema
