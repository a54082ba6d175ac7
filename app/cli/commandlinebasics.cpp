#include "commandlinebasics.h"

CommandLineBasics::CommandLineBasics(const char *context, const QString &description,
                                     std::initializer_list<const CommandOption *> options)
    : m_context(context)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    for (const CommandOption *option : options)
        m_parser.addOption(option->toQt(context));
}

bool CommandLineBasics::asksForHelpOrVersion() const
{
    // addHelpOption() also adds --help-all: it asks for help too, never for a run.
    return m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))
        || m_parser.isSet(QStringLiteral("version"));
}

bool CommandLineBasics::parse(const QStringList &arguments)
{
    m_error.reset();
    m_help = m_version = false;
    if (!m_parser.parse(arguments)) {
        fail(m_parser.errorText());
        return false;
    }
    m_help = m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"));
    m_version = m_parser.isSet(QStringLiteral("version"));
    if (!m_parser.positionalArguments().isEmpty()) {
        fail(tr("unexpected argument: %1").arg(m_parser.positionalArguments().first()));
        return false;
    }
    return true;
}

void CommandLineBasics::fail(const QString &message)
{
    if (!m_error)
        m_error = message;
}
