#pragma once

#include "bridge/redisbridge.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What reorder-bridge's command line asks for.
struct BridgeOptions
{
    RedisBridgeConfig config;
    bool quiet = false; // log nothing but errors (and the first line with the URL)
};

/*!
    The command line of reorder-bridge. Errors are returned as text for a one-line message and
    exit status 2.
*/
class BridgeCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(BridgeCommandLine)

public:
    BridgeCommandLine();

    // `environmentPassword` is REDIS_PASSWORD, used when the URL has no password.
    std::optional<BridgeOptions> parse(const QStringList &arguments,
                                       const QString &environmentPassword, QString *error);
    bool helpRequested() const { return m_help; }
    bool versionRequested() const { return m_version; }
    QString helpText() const { return m_parser.helpText(); }

    // HOST:PORT, [IPv6]:PORT or :PORT (loopback); nullopt when it does not parse.
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

private:
    QCommandLineParser m_parser;
    bool m_help = false;
    bool m_version = false;
};
