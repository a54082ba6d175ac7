#include "commandoption.h"

#include "protocol/urltext.h"

QCommandLineOption CommandOption::toQt(const char *context) const
{
    QString help = QCoreApplication::translate(context, m_help);
    if (!m_valueName)
        return QCommandLineOption(name(), help);
    // QCommandLineParser does not show defaults: --help says what a run uses.
    if (!m_defaultText.isEmpty())
        help = tr("%1 Default: %2", "an option's help text, then its default value")
                   .arg(help, m_defaultText);
    return QCommandLineOption(name(), help, QCoreApplication::translate(context, m_valueName),
                              m_defaultText);
}

std::optional<QHostAddress> CommandOption::parseHost(const QString &text)
{
    QString host = text.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (host.isEmpty() || !address.setAddress(host))
        return std::nullopt;
    return address;
}

QString CommandOption::mustBe(const QString &what, const QString &text) const
{
    return tr("%1 must be %2, not \"%3\"").arg(flag(), what, text);
}

QString CommandOption::problem(const QString &problem) const
{
    return tr("%1: %2").arg(flag(), problem);
}

QString CommandOption::oneOf(const QStringList &choices)
{
    if (choices.size() < 2)
        return choices.join(QString());
    return tr("%1 or %2", "the last of several choices")
        .arg(choices.mid(0, choices.size() - 1).join(QStringLiteral(", ")), choices.last());
}

std::optional<qint64> IntegerOption::read(const QString &text, const char *, QString *error) const
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok && value >= m_min && value <= m_max)
        return value;
    *error = mustBe(CommandOption::tr("an integer from %1 to %2").arg(m_min).arg(m_max), text);
    return std::nullopt;
}

std::optional<QString> TextOption::read(const QString &text, const char *, QString *error) const
{
    if (m_empty == Empty::Refused && text.isEmpty()) {
        *error = CommandOption::tr("%1 must not be empty").arg(flag());
        return std::nullopt;
    }
    if (m_check) {
        if (const QString p = m_check(text); !p.isEmpty()) {
            *error = problem(p);
            return std::nullopt;
        }
    }
    return text;
}

std::optional<QUrl> UrlOption::read(const QString &text, const char *, QString *error) const
{
    if (m_check(text).isEmpty())
        return QUrl(text.trimmed());
    // The check sees the URL without its password, so that the words it finds cannot show it.
    const QString shown = UrlText::withoutPassword(text);
    const QString p = m_check(shown);
    *error = problem(
        p.isEmpty() ? CommandOption::tr("\"%1\" is not a valid URL").arg(shown.trimmed()) : p);
    return std::nullopt;
}
