#pragma once

#include "commandoption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

/*!
    What the command lines of reorder-monitor, reorder-bridge and reorder-feed-server share: a
    QCommandLineParser built from a table of CommandOption constants (so that --help lists
    exactly what is parsed, with the defaults a run uses), --help (or --help-all) and --version,
    no positional arguments, and typed values read through the options, the first problem kept
    as one line in words.
*/
class CommandLineBasics final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineBasics)

public:
    // `context`: the translation context of the table's texts (QT_TRANSLATE_NOOP's first
    // argument); `description` is already translated.
    CommandLineBasics(const char *context, const QString &description,
                      std::initializer_list<const CommandOption *> options);

    // False on bad arguments (error() says why). --help and --version parse fine and are
    // reported by helpRequested() / versionRequested().
    bool parse(const QStringList &arguments);
    bool helpRequested() const { return m_help; }
    bool versionRequested() const { return m_version; }
    QString helpText() const { return m_parser.helpText(); }
    // --help, --help-all or --version was given, whatever else parse() found.
    bool asksForHelpOrVersion() const;
    // Options the table does not know were given (perhaps Qt's own: -platform, -style).
    bool hasUnknownOptions() const { return !m_parser.unknownOptionNames().isEmpty(); }

    bool isSet(const CommandOption &option) const { return m_parser.isSet(option.name()); }
    // The text given for `option` as typed (empty when not given), whatever parse() said.
    QString text(const CommandOption &option) const { return m_parser.value(option.name()); }

    // The value given, or nullopt when `option` was not given or its value is bad (then error()
    // says why).
    template<typename Option> std::optional<typename Option::Value> given(const Option &option)
    {
        if (!isSet(option))
            return std::nullopt;
        QString problem;
        std::optional<typename Option::Value> value =
            option.read(m_parser.value(option.name()), m_context, &problem);
        if (!value)
            fail(problem);
        return value;
    }
    // The value given, else the option's default.
    template<typename Option> typename Option::Value value(const Option &option)
    {
        std::optional<typename Option::Value> v = given(option);
        return v ? *v : option.defaultValue();
    }

    // Keeps the first problem: the one the operator reads.
    void fail(const QString &message);
    const std::optional<QString> &error() const { return m_error; }

private:
    const char *m_context;
    QCommandLineParser m_parser;
    bool m_help = false;
    bool m_version = false;
    std::optional<QString> m_error;
};
