#pragma once

#include "bridge/redisbridge.h"
#include "commandlinebasics.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// What reorder-bridge's command line asks for.
struct BridgeOptions
{
    RedisBridgeConfig config;
    bool quiet = false; // log nothing but errors (and the first line with the URL)
};

/*!
    The command line of reorder-bridge. Its options are the constants of its table
    (bridgecommandline.cpp), their defaults RedisBridgeConfig's. Errors are returned as text for
    a one-line message and exit status 2.
*/
class BridgeCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(BridgeCommandLine)

public:
    BridgeCommandLine();

    // `environmentPassword` is REDIS_PASSWORD, used when the URL has no password.
    std::optional<BridgeOptions> parse(const QStringList &arguments,
                                       const QString &environmentPassword, QString *error);
    bool helpRequested() const { return m_basics.helpRequested(); }
    bool versionRequested() const { return m_basics.versionRequested(); }
    QString helpText() const { return m_basics.helpText(); }

    // HOST:PORT, [IPv6]:PORT or :PORT (loopback); nullopt when it does not parse.
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

private:
    CommandLineBasics m_basics;
};
