#pragma once

#include "commandlinebasics.h"
#include "run/runoverrides.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What reorder-monitor's command line asks for. What it names for the run is in `run`.
struct CommandLineOptions
{
    bool headless = false;
    RunOverrides run;
    // The built-in simulator's feed parameters for the headless run: --sim, else the default;
    // --count added when the query has no count.
    QString simulatorQuery;
    QString sinkName; // the built-in sink's
    QString csvPath;
    QString reportPath;
    QString language; // "" = system locale
    QString screenshotPath;
    bool quiet = false;
    // --analyze CAPTURE: print its what-if table (as JSON with --json) and exit.
    QString analyzePath;
    bool json = false;
    bool whatIf = true; // the headless report's what_if table (--no-what-if: none)
    // Keep the headless run in the runs history (--history, --history-file), or list the
    // history (--history-list). historyPath "": the history the window uses.
    bool history = false;
    bool historyList = false;
    QString historyPath;

    // The headless run's configuration: what was named, over RunConfig's defaults.
    RunConfig config() const { return run.appliedTo(RunConfig()); }
};

/*!
    The command line of reorder-monitor (docs/PROTOCOL.md, "Command line"), for the headless
    run and the window alike. Its options are the constants of its table (commandline.cpp).
    Errors are returned as text for a one-line message and exit status 2.
*/
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Read before the application exists: a window needs a display, and the headless run, the
    // help, the version and a bad argument must not; the language is installed before anything
    // is printed. Problems are left to parse().
    struct Startup
    {
        bool window = false;
        QString language;
    };
    static Startup startup(const QStringList &arguments, const QStringList &languages);

    static QString defaultSimulatorQuery();

    // `languages`: what --lang accepts (empty: anything).
    explicit CommandLine(const QStringList &languages = QStringList());

    // Parses; nullopt with `error` set on bad arguments. --help and --version are handled by
    // the caller through helpRequested() / versionRequested().
    std::optional<CommandLineOptions> parse(const QStringList &arguments, QString *error);
    bool helpRequested() const { return m_basics.helpRequested(); }
    bool versionRequested() const { return m_basics.versionRequested(); }
    QString helpText() const { return m_basics.helpText(); }

    // The checks of --sim and --sink-name: the problem in words, empty when there is none.
    static QString simulatorQueryProblem(const QString &query);
    static QString sinkNameProblem(const QString &name);

private:
    CommandLineBasics m_basics;
    QStringList m_languages;
};
