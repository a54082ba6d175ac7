#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>
#include <vector>

/*!
    One command-line option, declared once as a constant (qBittorrent's src/app/cmdoptions.cpp is
    the model): its name, the name of its value, its help text and its default. The typed options
    below add how a value is read and checked; CommandLineBasics builds the parser and --help from
    the same constants. Help texts, value names and descriptions are source texts marked with
    QT_TRANSLATE_NOOP in the context of their table, translated when shown.

    A typed option has `Value`, `read(text, context, &error)` (the value, or nullopt and the
    error as one line in words) and, when it has a default, `defaultValue()`. Their messages are
    translated as CommandOption::tr (lupdate files a bare tr() under the derived class).
*/
class CommandOption
{
    Q_DECLARE_TR_FUNCTIONS(CommandOption)

public:
    QString name() const { return QString::fromLatin1(m_name); }
    // As typed on the command line, for messages: "--window".
    QString flag() const { return QStringLiteral("--") + name(); }
    // The option for QCommandLineParser, its texts translated in `context`.
    QCommandLineOption toQt(const char *context) const;

    // "--name must be WHAT, not "TEXT"".
    QString mustBe(const QString &what, const QString &text) const;
    // "--name: PROBLEM".
    QString problem(const QString &problem) const;
    // "WHAT1, WHAT2 or WHAT3".
    static QString oneOf(const QStringList &choices);

    // An IP address, [IPv6] or "localhost"; nullopt when `text` is none of those.
    static std::optional<QHostAddress> parseHost(const QString &text);

protected:
    CommandOption(const char *name, const char *valueName, const char *help, QString defaultText)
        : m_name(name)
        , m_valueName(valueName)
        , m_help(help)
        , m_defaultText(std::move(defaultText))
    { }

    const QString &defaultText() const { return m_defaultText; }

private:
    const char *m_name;
    const char *m_valueName; // nullptr: a flag
    const char *m_help;
    QString m_defaultText; // shown by --help; empty: none
};

// An option without a value: given or not.
class FlagOption final : public CommandOption
{
public:
    FlagOption(const char *name, const char *help)
        : CommandOption(name, nullptr, help, QString())
    { }
};

// An integer within [min, max].
class IntegerOption final : public CommandOption
{
public:
    using Value = qint64;

    IntegerOption(const char *name, const char *valueName, const char *help, qint64 min, qint64 max,
                  std::optional<qint64> defaultValue = std::nullopt)
        : CommandOption(name, valueName, help,
                        defaultValue ? QString::number(*defaultValue) : QString())
        , m_min(min)
        , m_max(max)
        , m_default(defaultValue)
    { }

    qint64 min() const { return m_min; }
    qint64 max() const { return m_max; }
    std::optional<qint64> read(const QString &text, const char *context, QString *error) const;
    // Without a default (--start-id) only CommandLineBasics::given() makes sense.
    qint64 defaultValue() const { return m_default.value_or(m_min); }

private:
    qint64 m_min;
    qint64 m_max;
    std::optional<qint64> m_default;
};

// One of a few named values of an enum; `nameOf` gives each its name (compared without case).
template<typename E> class ChoiceOption final : public CommandOption
{
public:
    using Value = E;
    using NameOf = QString (*)(E);

    ChoiceOption(const char *name, const char *valueName, const char *help, std::vector<E> choices,
                 NameOf nameOf, E defaultValue)
        : CommandOption(name, valueName, help, nameOf(defaultValue))
        , m_choices(std::move(choices))
        , m_nameOf(nameOf)
        , m_default(defaultValue)
    { }

    std::optional<E> read(const QString &text, const char *, QString *error) const
    {
        QStringList names;
        for (E choice : m_choices) {
            if (text.compare(m_nameOf(choice), Qt::CaseInsensitive) == 0)
                return choice;
            names << m_nameOf(choice);
        }
        *error = mustBe(oneOf(names), text);
        return std::nullopt;
    }
    E defaultValue() const { return m_default; }

private:
    std::vector<E> m_choices;
    NameOf m_nameOf;
    E m_default;
};

// Text, possibly refused when empty, possibly checked by a function that names the problem.
class TextOption final : public CommandOption
{
public:
    using Value = QString;
    // The problem with `text` in words; empty when there is none.
    using Check = QString (*)(const QString &text);
    enum class Empty : quint8 { Allowed, Refused };

    TextOption(const char *name, const char *valueName, const char *help,
               QString defaultValue = QString(), Empty empty = Empty::Allowed,
               Check check = nullptr)
        : CommandOption(name, valueName, help, std::move(defaultValue))
        , m_empty(empty)
        , m_check(check)
    { }

    std::optional<QString> read(const QString &text, const char *context, QString *error) const;
    QString defaultValue() const { return defaultText(); }

private:
    Empty m_empty;
    Check m_check;
};

// A URL checked by `check` (for example UrlCheck::webSocketProblem). An error never shows the
// URL's password.
class UrlOption final : public CommandOption
{
public:
    using Value = QUrl;
    using Check = TextOption::Check;

    UrlOption(const char *name, const char *valueName, const char *help, Check check,
              QString defaultText = QString())
        : CommandOption(name, valueName, help, std::move(defaultText))
        , m_check(check)
    { }

    std::optional<QUrl> read(const QString &text, const char *context, QString *error) const;
    QUrl defaultValue() const { return QUrl(defaultText().trimmed()); }

private:
    Check m_check;
};

// Any value `parse` understands; `what` says in words what it must be ("HOST:PORT").
template<typename T> class ValueOption final : public CommandOption
{
public:
    using Value = T;
    using Parse = std::optional<T> (*)(const QString &text);

    ValueOption(const char *name, const char *valueName, const char *help, const char *what,
                Parse parse, QString defaultText = QString())
        : CommandOption(name, valueName, help, std::move(defaultText))
        , m_what(what)
        , m_parse(parse)
    { }

    std::optional<T> read(const QString &text, const char *context, QString *error) const
    {
        std::optional<T> value = m_parse(text);
        if (!value)
            *error = mustBe(QCoreApplication::translate(context, m_what), text);
        return value;
    }
    T defaultValue() const { return m_parse(defaultText()).value_or(T()); }

private:
    const char *m_what;
    Parse m_parse;
};
