#pragma once

#include "run/runconfig.h"
#include "simulator/feedgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What the command line asks for. The run itself is in `config`.
struct CommandLineOptions
{
    bool headless = false;
    RunConfig config;
    bool builtInFeed = true; // no --ws-url: start the simulator
    bool builtInSink = true; // no --send-url with the built-in feed: use the simulator's sink
    QString simulatorQuery; // feed parameters of the built-in simulator
    QString sinkName = QStringLiteral("reorder-monitor");
    QString csvPath;
    QString reportPath;
    QString language; // "" = system locale
    QString screenshotPath;
    bool quiet = false;
    // The options given on the command line (names without dashes): the window applies only
    // these over the values it remembers.
    QStringList given;

    bool isGiven(const QString &name) const { return given.contains(name); }
};

/*!
    The command line of reorder-monitor (docs/PROTOCOL.md, "Command line"), for the headless
    run and the window alike. Errors are returned as text for a one-line message and exit
    status 2.
*/
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QString defaultSimulatorQuery();

    CommandLine();

    // Parses; nullopt with `error` set on bad arguments. --help and --version are handled by
    // the caller through helpRequested() / versionRequested().
    std::optional<CommandLineOptions> parse(const QStringList &arguments, QString *error);
    bool helpRequested() const { return m_help; }
    bool versionRequested() const { return m_version; }
    QString helpText() const { return m_parser.helpText(); }

private:
    QCommandLineParser m_parser;
    bool m_help = false;
    bool m_version = false;
};
