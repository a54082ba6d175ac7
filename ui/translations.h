#pragma once

#include <QString>

class QCoreApplication;

// Installs the application's translation (and Qt's own) for `language` ("ru", "en"; "" = the
// system locale). English needs none. Returns the language in use.
namespace Translations {

QString install(QCoreApplication &app, const QString &language);
QStringList available();

} // namespace Translations
