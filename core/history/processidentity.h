#pragma once

#include <QString>
#include <QtGlobal>

/*!
    A process as the history names it: its pid on a host, and when it started (a pid is reused
    once its process is gone; the start time tells the new process from the old). On Linux the
    start time is read from /proc; elsewhere it is 0 and the pid alone is checked.
*/
struct ProcessIdentity
{
    qint64 pid = 0;
    quint64 startTicks = 0; // since boot, in clock ticks; 0: not known
    QString host;

    static ProcessIdentity current();
    // The process still runs (on this host; a process of another host cannot be checked and is
    // taken as running). No pid: none.
    bool isRunning() const;
};
