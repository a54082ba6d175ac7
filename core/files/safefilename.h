#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

/*!
    File names made from text that came from outside (a URL's path, a sink name), so that they
    cannot escape the folder the operator chose: no separators, no "..", no leading dot, no
    control or shell-special characters, no reserved device names, bounded length. Stateless and
    thread-safe.
*/
class SafeFileName final
{
public:
    static constexpr qsizetype MaxLength = 80;

    // Keeps [A-Za-z0-9._-] (other characters become '_', runs of them one '_'), drops leading
    // and trailing dots, prefixes '_' to a leading '-' or a device name (CON, NUL, COM1, ...),
    // cuts to MaxLength. Never empty: `fallback` if nothing is left.
    static QString fromText(QStringView text, const QString &fallback = QStringLiteral("run"));
    // A default name for a run's file: "<name>-<yyyyMMdd-HHmmss>.<suffix>", the name taken from
    // the sink URL's last path segment (or host), else the feed's.
    static QString forRun(const QUrl &sinkUrl, const QUrl &feedUrl, const QDateTime &at,
                          const QString &suffix);
    // The absolute path of `name` directly inside `folder`, or nullopt when `name` is not a
    // plain file name (separators, "..", empty) and the path would land elsewhere.
    static std::optional<QString> inside(const QString &folder, const QString &name);
};
