#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <optional>

/*!
    What the command lines of reorder-monitor and reorder-bridge share on top of
    QCommandLineParser: --help (or --help-all) and --version, no positional arguments, and
    integer options checked against a range, every error as one line in words.
*/
class CommandLineBasics final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineBasics)

public:
    // Parses `arguments`; the error, or nullopt. *help and *version say what was asked for.
    static std::optional<QString> parse(QCommandLineParser &parser, const QStringList &arguments,
                                        bool *help, bool *version);
    // The integer value of option `name`, within [min, max]; the error, or nullopt.
    static std::optional<QString> integer(const QCommandLineParser &parser, const QString &name,
                                          qint64 min, qint64 max, qint64 *out);
};
