#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

// The window records every run's feed into a capture unless told not to (Settings): where, and
// up to what size each. Kept in QSettings.
struct CaptureSettings
{
    static constexpr int DefaultMaxMiB = 1024;

    bool enabled = true;
    QString folder; // "": the runs history's own folder ("runs" next to its database)
    int maxMiB = DefaultMaxMiB; // per capture; 0: no cap

    static CaptureSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // The folder the window's run files go to.
    QString folderOr(const QString &historyFolder) const
    {
        return folder.isEmpty() ? historyFolder : folder;
    }
};
