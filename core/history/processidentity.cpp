#include "processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {

// /proc/PID/stat: the state (field 3) and the start time (field 22). The command name (field
// 2) is in parentheses and may hold spaces: fields are counted after its closing one.
struct ProcStat
{
    bool read = false;
    char state = '?';
    quint64 startTicks = 0;
};

ProcStat procStat(qint64 pid)
{
    ProcStat s;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return s;
    const QByteArray line = file.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return s;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 20)
        return s;
    s.read = true;
    s.state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
    s.startTicks = fields.at(19).toULongLong();
    return s;
}

} // namespace

ProcessIdentity ProcessIdentity::current()
{
    ProcessIdentity p;
    p.pid = QCoreApplication::applicationPid();
    p.startTicks = procStat(p.pid).startTicks;
    p.host = QSysInfo::machineHostName();
    return p;
}

bool ProcessIdentity::isRunning() const
{
    if (pid <= 0)
        return false; // no process was named (a run of an older version)
    if (host != QSysInfo::machineHostName())
        return true;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    const ProcStat s = procStat(pid);
    if (!s.read)
        return true; // no /proc: the pid exists, that is all that can be known
    // A zombie has ended; a different start time is another process with the same pid.
    return s.state != 'Z' && (startTicks == 0 || s.startTicks == startTicks);
}
