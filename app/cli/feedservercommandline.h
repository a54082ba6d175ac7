#pragma once

#include "commandlinebasics.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

// What reorder-feed-server's command line asks for.
struct FeedServerOptions
{
    QHostAddress host;
    quint16 port = 0; // 0: any free port
    QString tlsCertificate; // both set: serve wss://
    QString tlsKey;
    bool quiet = false;
    QString replayPath; // set: serve this capture instead of a simulated feed
    double replaySpeed = 1;

    bool tls() const { return !tlsCertificate.isEmpty(); }
};

/*!
    The command line of reorder-feed-server. Its options are the constants of its table
    (feedservercommandline.cpp). Errors are returned as text for a one-line message and exit
    status 2.
*/
class FeedServerCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(FeedServerCommandLine)

public:
    FeedServerCommandLine();

    std::optional<FeedServerOptions> parse(const QStringList &arguments, QString *error);
    bool helpRequested() const { return m_basics.helpRequested(); }
    bool versionRequested() const { return m_basics.versionRequested(); }
    QString helpText() const { return m_basics.helpText(); }

private:
    CommandLineBasics m_basics;
};
