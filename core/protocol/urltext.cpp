#include "urltext.h"

#include <QRegularExpression>

QString UrlText::withoutPassword(const QString &text)
{
    // scheme://user:password@host...: what follows the user, up to the last '@' before a query
    // or a fragment (a password typed with a '/' in it must not show either; an '@' in the
    // query is not a password's end).
    static const QRegularExpression userInfo(
        QStringLiteral("^(\\s*[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*:)[^@?#]*@"));
    QString shown = text;
    return shown.replace(userInfo, QStringLiteral("\\1****@"));
}
