#pragma once

#include <QString>

// URLs as an operator typed them, shown in messages and logs.
namespace UrlText {

// `text` with the password of its user info replaced by "****". Works on what was typed, which
// may not parse as a URL: a password must not show in the message saying why.
QString withoutPassword(const QString &text);

} // namespace UrlText
