#include "historyentry.h"

#include <QCoreApplication>

QString HistoryEntry::title() const
{
    return name.isEmpty() ? QCoreApplication::translate("RunHistory", "run %1").arg(id) : name;
}

QString HistoryEntry::statusKey() const
{
    switch (status) {
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Interrupted:
        return QStringLiteral("interrupted");
    case RunStatus::Finished:
        break;
    }
    return verdict ? RunVerdict::key(*verdict) : QStringLiteral("interrupted");
}
