#include "commandlinebasics.h"

std::optional<QString> CommandLineBasics::parse(QCommandLineParser &parser,
                                                const QStringList &arguments, bool *help,
                                                bool *version)
{
    if (!parser.parse(arguments))
        return parser.errorText();
    // addHelpOption() also adds --help-all: it asks for help too, never for a run.
    *help = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"));
    *version = parser.isSet(QStringLiteral("version"));
    if (!parser.positionalArguments().isEmpty())
        return tr("unexpected argument: %1").arg(parser.positionalArguments().first());
    return std::nullopt;
}

std::optional<QString> CommandLineBasics::integer(const QCommandLineParser &parser,
                                                  const QString &name, qint64 min, qint64 max,
                                                  qint64 *out)
{
    bool ok = false;
    const QString text = parser.value(name);
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return tr("--%1 must be an integer from %2 to %3, not \"%4\"")
            .arg(name)
            .arg(min)
            .arg(max)
            .arg(text);
    *out = v;
    return std::nullopt;
}
