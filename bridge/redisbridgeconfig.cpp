#include "redisbridgeconfig.h"

#include <QCoreApplication>
#include <QSysInfo>

QString RedisBridgeConfig::consumerName() const
{
    if (!consumer.isEmpty())
        return consumer;
    return QStringLiteral("%1-%2-%3")
        .arg(name, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

QString RedisBridgeConfig::sourceDescription() const
{
    return isStream() ? QCoreApplication::translate("RedisBridge", "stream %1").arg(stream)
                      : QCoreApplication::translate("RedisBridge", "channel %1").arg(channel);
}
