#include "safefilename.h"

#include <QDir>
#include <QFileInfo>

namespace {

bool isReservedDeviceName(const QString &name)
{
    // Windows refuses these as file names whatever the extension; keep our files portable.
    const QString stem = name.section(QLatin1Char('.'), 0, 0).toUpper();
    static const QStringList reserved = {QStringLiteral("CON"), QStringLiteral("PRN"),
                                         QStringLiteral("AUX"), QStringLiteral("NUL")};
    if (reserved.contains(stem))
        return true;
    return stem.size() == 4
        && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))
        && stem.at(3) >= QLatin1Char('0') && stem.at(3) <= QLatin1Char('9');
}

QString nameFromUrl(const QUrl &url)
{
    if (url.isEmpty())
        return QString();
    // Decoded, so that %2F and friends are seen for what they are (and then replaced).
    const QString path = url.path(QUrl::FullyDecoded);
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (auto it = segments.crbegin(); it != segments.crend(); ++it) {
        if (*it != QLatin1String(".") && *it != QLatin1String(".."))
            return *it;
    }
    return url.host();
}

} // namespace

QString SafeFileName::fromText(QStringView text, const QString &fallback)
{
    QString out;
    out.reserve(std::min(text.size(), MaxLength));
    bool lastReplaced = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')
            || (u >= '0' && u <= '9') || u == '.' || u == '-' || u == '_';
        if (plain) {
            out += c;
            lastReplaced = false;
        } else if (!lastReplaced) {
            out += QLatin1Char('_');
            lastReplaced = true;
        }
        if (out.size() >= MaxLength)
            break;
    }
    // No hidden files, no "." or "..", nothing that ends in a dot (Windows drops it).
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')))
        out.chop(1);
    if (out.isEmpty() || out == QLatin1String("_"))
        return fallback;
    // Not mistaken for an option by the tools that will handle the file, nor a device name.
    if (out.startsWith(QLatin1Char('-')) || isReservedDeviceName(out))
        out.prepend(QLatin1Char('_'));
    return out;
}

QString SafeFileName::forRun(const QUrl &sinkUrl, const QUrl &feedUrl, const QDateTime &at,
                             const QString &suffix)
{
    QString source = nameFromUrl(sinkUrl);
    if (source.isEmpty())
        source = nameFromUrl(feedUrl);
    const QString stamp = at.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString name =
        fromText(source, QStringLiteral("run")).left(MaxLength - stamp.size() - 12);
    return name + QLatin1Char('-') + stamp + QLatin1Char('.')
        + fromText(suffix, QStringLiteral("out"));
}

std::optional<QString> SafeFileName::inside(const QString &folder, const QString &name)
{
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")
        || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || name.contains(QChar(0)))
        return std::nullopt;
    const QString base = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString path = QDir::cleanPath(base + QLatin1Char('/') + name);
    // Lexically inside: the parent of the result is exactly the folder.
    if (QFileInfo(path).absolutePath() != base)
        return std::nullopt;
    return path;
}
