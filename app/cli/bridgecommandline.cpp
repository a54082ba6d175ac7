#include "bridgecommandline.h"
#include "commandlinebasics.h"

BridgeCommandLine::BridgeCommandLine()
{
    m_parser.setApplicationDescription(
        tr("Serves a Redis pub/sub channel (or a stream) to WebSocket consumers at "
           "ws://HOST:PORT/raw-messages: every payload, unchanged, as one frame to every "
           "connected consumer. Keeps its consumers while Redis is away and reconnects with "
           "backoff. Reports consumers, messages/s and messages forwarded."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("redis"),
                           tr("The Redis server: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]. "
                              "The password may also come from REDIS_PASSWORD."),
                           tr("URL"), QStringLiteral("redis://127.0.0.1:6379")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("channel"),
                           tr("The pub/sub channel to serve. What is published while Redis "
                              "is away or no consumer is connected is lost."),
                           tr("NAME"), QStringLiteral("test_websocket")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("stream"),
                           tr("Serve this Redis stream instead of a channel (XREAD BLOCK): "
                              "a bridge or consumer restart loses nothing. Each entry's "
                              "\"data\" field (or its first field) is one frame."),
                           tr("KEY")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("stream-from"),
                           tr("With --stream, the first time (no cursor stored yet): $ "
                              "entries added from now on, 0 the whole stream, or what "
                              "follows an entry id."),
                           tr("ID"), QStringLiteral("$")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("name"),
                           tr("With --stream: this bridge's name; the last entry its consumers "
                              "confirmed is kept in Redis under "
                              "reorder-bridge:NAME:KEY:last-delivered."),
                           tr("NAME"), QStringLiteral("default")));
    m_parser.addOption(QCommandLineOption(
        QStringLiteral("listen"), tr("Address and port to serve on (port 0: any free port)."),
        tr("HOST:PORT"), QStringLiteral("127.0.0.1:8765")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("report-interval"),
                           tr("Report consumers, messages/s and messages forwarded every S "
                              "seconds while something changes (0: never)."),
                           tr("S"), QStringLiteral("5")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("max-consumer-backlog"),
                           tr("Channel: disconnect a consumer that leaves more than MB "
                              "mebibytes unread."),
                           tr("MB"), QStringLiteral("256")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("quiet"), tr("Log nothing but errors.")));
}

std::optional<std::pair<QHostAddress, quint16>> BridgeCommandLine::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty() || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return std::make_pair(address, quint16(port));
}

std::optional<BridgeOptions> BridgeCommandLine::parse(const QStringList &arguments,
                                                      const QString &environmentPassword,
                                                      QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (auto e = CommandLineBasics::parse(m_parser, arguments, &m_help, &m_version))
        return failWith(*e);

    BridgeOptions o;
    RedisBridgeConfig &c = o.config;
    o.quiet = m_parser.isSet(QStringLiteral("quiet"));

    QString urlError;
    const QString url = m_parser.value(QStringLiteral("redis")).trimmed();
    const std::optional<RedisAddress> address =
        RedisAddress::fromUrl(QUrl(url, QUrl::StrictMode), environmentPassword, &urlError);
    if (!address)
        return failWith(tr("--redis: %1").arg(urlError));
    c.redis = *address;

    if (m_parser.isSet(QStringLiteral("channel")) && m_parser.isSet(QStringLiteral("stream")))
        return failWith(tr("--channel and --stream exclude each other"));
    c.channel = m_parser.value(QStringLiteral("channel"));
    c.stream = m_parser.value(QStringLiteral("stream"));
    if (m_parser.isSet(QStringLiteral("stream"))) {
        if (c.stream.isEmpty())
            return failWith(tr("--stream must not be empty"));
        c.channel.clear();
    } else if (c.channel.isEmpty()) {
        return failWith(tr("--channel must not be empty"));
    }
    c.streamFrom = m_parser.value(QStringLiteral("stream-from"));
    if (m_parser.isSet(QStringLiteral("stream-from")) && !c.isStream())
        return failWith(tr("--stream-from needs --stream"));
    if (const QString problem = RedisStreamId::problem(c.streamFrom); !problem.isEmpty())
        return failWith(tr("--stream-from: %1").arg(problem));
    c.name = m_parser.value(QStringLiteral("name"));
    if (c.name.isEmpty())
        return failWith(tr("--name must not be empty"));

    const auto listen = parseListen(m_parser.value(QStringLiteral("listen")));
    if (!listen)
        return failWith(tr("--listen must be HOST:PORT, not \"%1\"")
                            .arg(m_parser.value(QStringLiteral("listen"))));
    c.listenAddress = listen->first;
    c.listenPort = listen->second;

    qint64 seconds = 0;
    if (auto e = CommandLineBasics::integer(m_parser, QStringLiteral("report-interval"), 0, 86400,
                                            &seconds))
        return failWith(*e);
    c.reportIntervalMs = int(seconds) * 1000;
    qint64 mebibytes = 0;
    if (auto e = CommandLineBasics::integer(m_parser, QStringLiteral("max-consumer-backlog"), 1,
                                            65536, &mebibytes))
        return failWith(*e);
    c.maxConsumerBacklogBytes = mebibytes * 1024 * 1024;
    return o;
}
