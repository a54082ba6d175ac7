#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

QString install(QCoreApplication &app, const QString &language)
{
    const QString lang = language.isEmpty()
        ? QLocale::system().name().section(QLatin1Char('_'), 0, 0)
        : language.section(QLatin1Char('_'), 0, 0).toLower();
    if (lang.isEmpty() || lang == QLatin1String("en") || !available().contains(lang))
        return QStringLiteral("en");
    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/reorder-monitor_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(lang));
    return lang;
}

} // namespace Translations
