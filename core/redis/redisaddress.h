#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

/*!
    Where a Redis server is and how to log in: parsed from
   redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]. The password comes from the URL or, when the URL has
   none, from a fallback (the caller passes REDIS_PASSWORD). Plain value type.
*/
struct RedisAddress
{
    Q_DECLARE_TR_FUNCTIONS(RedisAddress)

public:
    static constexpr quint16 DefaultPort = 6379;
    static constexpr int MaxDatabase = 65535;

    QString host;
    quint16 port = DefaultPort;
    QString user; // ACL user; empty: the default user
    QString password; // empty: no AUTH
    int database = 0;

    // nullopt with the reason in `error` when `url` is not a usable redis:// URL.
    static std::optional<RedisAddress> fromUrl(const QUrl &url, const QString &fallbackPassword,
                                               QString *error);
    // An empty string when `text` is a usable redis:// URL, else the reason in words.
    static QString problem(const QString &text);

    // redis://HOST:PORT[/DB], never with the password: for logs, reports and the window.
    QString toDisplayString() const;
};

/*!
    Stream entry ids as XREAD takes them: "0" (before the first entry), "$" (the stream's current
    end, resolved once when reading starts) or MS[-SEQ].
*/
class RedisStreamId final
{
    Q_DECLARE_TR_FUNCTIONS(RedisStreamId)

public:
    // An empty string when `text` is "0", "$" or an entry id MS[-SEQ], else the reason in words.
    static QString problem(const QString &text);
    // A complete MS-SEQ id; MS alone means MS-0.
    static QString normalised(const QString &text);
};

// A Redis source for the monitor: a pub/sub channel or a stream, exactly one of the two.
struct RedisFeedConfig
{
    Q_DECLARE_TR_FUNCTIONS(RedisFeedConfig)

public:
    QUrl url; // redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]
    QString channel; // SUBSCRIBE to this pub/sub channel, or
    QString stream; // XREAD this stream key
    // Stream: where the run starts: "0" the beginning (the default: a run sees the whole
    // stream), "$" only entries added from now on, or just after the entry id given.
    QString streamFrom = QStringLiteral("0");

    bool isStream() const { return !stream.isEmpty(); }
    // An empty string when the configuration is usable, else the reason in words.
    QString problem() const;
    // "redis://HOST:PORT channel NAME" or "redis://HOST:PORT stream KEY".
    QString description() const;
};
