#include "redisaddress.h"

#include <QRegularExpression>

std::optional<RedisAddress> RedisAddress::fromUrl(const QUrl &url, const QString &fallbackPassword,
                                                  QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString shown = url.toDisplayString(QUrl::RemovePassword);
    if (url.isEmpty())
        return failWith(tr("the Redis URL is empty"));
    if (!url.isValid())
        return failWith(tr("\"%1\" is not a valid URL: %2").arg(shown, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("rediss"))
        return failWith(tr("\"%1\": rediss:// (TLS) is not supported; use redis://").arg(shown));
    if (scheme != QLatin1String("redis"))
        return failWith(tr("\"%1\" must start with redis://").arg(shown));
    if (url.host().isEmpty())
        return failWith(tr("\"%1\" has no host").arg(shown));
    const int port = url.port(DefaultPort);
    if (port <= 0 || port > 65535)
        return failWith(tr("\"%1\" has an invalid port").arg(shown));
    if (url.hasQuery() || url.hasFragment())
        return failWith(tr("\"%1\": a Redis URL takes no ?query or #fragment").arg(shown));

    RedisAddress address;
    address.host = url.host();
    address.port = quint16(port);
    address.user = url.userName();
    address.password = url.password();
    if (address.password.isEmpty())
        address.password = fallbackPassword;

    QString path = url.path();
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        const int database = path.toInt(&ok);
        if (!ok || database < 0 || database > MaxDatabase)
            return failWith(
                tr("\"%1\": the path must be a database number, not \"%2\"").arg(shown, path));
        address.database = database;
    }
    return address;
}

QString RedisAddress::problem(const QString &text)
{
    QString error;
    if (!fromUrl(QUrl(text.trimmed(), QUrl::StrictMode), QString(), &error))
        return error;
    return {};
}

QString RedisAddress::toDisplayString() const
{
    QString text = QStringLiteral("redis://%1:%2").arg(host).arg(port);
    if (database != 0)
        text += QStringLiteral("/%1").arg(database);
    return text;
}

QString RedisStreamId::problem(const QString &text)
{
    if (text == QLatin1String("0") || text == QLatin1String("$"))
        return {};
    static const QRegularExpression id(QStringLiteral("^(\\d{1,20})(-(\\d{1,20}))?$"));
    const QRegularExpressionMatch match = id.match(text);
    bool ok = match.hasMatch();
    if (ok) {
        match.captured(1).toULongLong(&ok);
        if (ok && match.hasCaptured(3))
            match.captured(3).toULongLong(&ok);
    }
    if (!ok)
        return tr("\"%1\" is not a stream entry id: use 0, $ or MS-SEQ such as 1700000000000-0")
            .arg(text);
    return {};
}

QString RedisStreamId::normalised(const QString &text)
{
    if (text == QLatin1String("0"))
        return QStringLiteral("0-0");
    if (text == QLatin1String("$") || text.contains(QLatin1Char('-')))
        return text;
    return text + QStringLiteral("-0");
}

QString RedisFeedConfig::problem() const
{
    const QString urlProblem = RedisAddress::problem(url.toString());
    if (!urlProblem.isEmpty())
        return urlProblem;
    if (channel.isEmpty() == stream.isEmpty())
        return tr("give a Redis channel or a stream key, not both and not neither");
    if (isStream())
        return RedisStreamId::problem(streamFrom);
    return {};
}

QString RedisFeedConfig::description() const
{
    QString error;
    const std::optional<RedisAddress> address = RedisAddress::fromUrl(url, QString(), &error);
    const QString where =
        address ? address->toDisplayString() : url.toDisplayString(QUrl::RemovePassword);
    if (isStream())
        return tr("%1 stream %2 from %3").arg(where, stream, streamFrom);
    return tr("%1 channel %2").arg(where, channel);
}
