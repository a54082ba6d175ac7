#include "bridgecommandline.h"

#include "protocol/wireprotocol.h"

namespace {

// The table of reorder-bridge's options: each declared once, in the order --help lists them.
// Texts are translated in the context "BridgeCommandLine".
constexpr char Context[] = "BridgeCommandLine";
const RedisBridgeConfig Defaults; // the defaults shown are the ones the bridge uses

const UrlOption Redis {"redis", QT_TRANSLATE_NOOP("BridgeCommandLine", "URL"),
                       QT_TRANSLATE_NOOP("BridgeCommandLine",
                                         "The Redis server: "
                                         "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]. The "
                                         "password may also come from REDIS_PASSWORD."),
                       RedisAddress::problem,
                       QStringLiteral("redis://%1:%2")
                           .arg(QHostAddress(QHostAddress::LocalHost).toString())
                           .arg(RedisAddress::DefaultPort)};
const TextOption Channel {"channel", QT_TRANSLATE_NOOP("BridgeCommandLine", "NAME"),
                          QT_TRANSLATE_NOOP("BridgeCommandLine",
                                            "The pub/sub channel to serve. What is published while "
                                            "Redis is away or no consumer is connected is lost."),
                          Defaults.channel, TextOption::Empty::Refused};
const TextOption Stream {"stream", QT_TRANSLATE_NOOP("BridgeCommandLine", "KEY"),
                         QT_TRANSLATE_NOOP("BridgeCommandLine",
                                           "Serve this Redis stream instead of a channel, as one "
                                           "consumer of a consumer group: an entry is "
                                           "acknowledged once every consumer dealt with it, so a "
                                           "crash of a consumer, the bridge or Redis loses "
                                           "nothing. Each entry's \"data\" field (or its first "
                                           "field) is one frame."),
                         QString(), TextOption::Empty::Refused};
const TextOption StreamFrom {"stream-from",
                             QT_TRANSLATE_NOOP("BridgeCommandLine", "ID"),
                             QT_TRANSLATE_NOOP("BridgeCommandLine",
                                               "With --stream, where a new consumer group starts "
                                               "(an existing group keeps its position): $ entries "
                                               "added from now on, 0 the whole stream, or what "
                                               "follows an entry id."),
                             Defaults.streamFrom,
                             TextOption::Empty::Allowed,
                             RedisStreamId::problem};
const TextOption Group {"group", QT_TRANSLATE_NOOP("BridgeCommandLine", "NAME"),
                        QT_TRANSLATE_NOOP("BridgeCommandLine",
                                          "With --stream: the consumer group. Bridges of one "
                                          "group share the stream (each entry goes to one of "
                                          "them) and take over what a crashed one left pending; "
                                          "each group gets every entry."),
                        Defaults.group, TextOption::Empty::Refused};
const TextOption Name {"name", QT_TRANSLATE_NOOP("BridgeCommandLine", "NAME"),
                       QT_TRANSLATE_NOOP("BridgeCommandLine",
                                         "With --stream: this bridge's consumer in the group is "
                                         "NAME-HOST-PID."),
                       Defaults.name, TextOption::Empty::Refused};
const TextOption Consumer {"consumer", QT_TRANSLATE_NOOP("BridgeCommandLine", "NAME"),
                           QT_TRANSLATE_NOOP("BridgeCommandLine",
                                             "With --stream: this exact consumer name instead "
                                             "(a restart then sends what it left pending at "
                                             "once). Never two running bridges with one name."),
                           QString(), TextOption::Empty::Refused};
const IntegerOption ClaimIdle {
    "claim-idle",
    QT_TRANSLATE_NOOP("BridgeCommandLine", "MS"),
    QT_TRANSLATE_NOOP("BridgeCommandLine",
                      "With --stream: take over entries pending this long with another consumer "
                      "of the group (a crashed bridge); at start, new entries wait that long for "
                      "those."),
    1,
    86400000,
    Defaults.claimIdleMs};
const ValueOption<std::pair<QHostAddress, quint16>> Listen {
    "listen",
    QT_TRANSLATE_NOOP("BridgeCommandLine", "HOST:PORT"),
    QT_TRANSLATE_NOOP("BridgeCommandLine", "Address and port to serve on (port 0: any free port)."),
    QT_TRANSLATE_NOOP("BridgeCommandLine", "HOST:PORT"),
    BridgeCommandLine::parseListen,
    QStringLiteral("%1:%2").arg(Defaults.listenAddress.toString()).arg(Defaults.listenPort)};
const IntegerOption ReportInterval {
    "report-interval",
    QT_TRANSLATE_NOOP("BridgeCommandLine", "S"),
    QT_TRANSLATE_NOOP("BridgeCommandLine",
                      "Report consumers, messages/s and messages forwarded every S seconds while "
                      "something changes (0: never)."),
    0,
    86400,
    Defaults.reportIntervalMs / 1000};
const IntegerOption MaxConsumerBacklog {
    "max-consumer-backlog",
    QT_TRANSLATE_NOOP("BridgeCommandLine", "MB"),
    QT_TRANSLATE_NOOP("BridgeCommandLine",
                      "Channel: disconnect a consumer that leaves more than MB mebibytes unread."),
    1,
    65536,
    Defaults.maxConsumerBacklogBytes >> 20};
const FlagOption Quiet {"quiet", QT_TRANSLATE_NOOP("BridgeCommandLine", "Log nothing but errors.")};

} // namespace

BridgeCommandLine::BridgeCommandLine()
    : m_basics(Context,
               tr("Serves a Redis pub/sub channel (or a stream) to WebSocket consumers at "
                  "ws://HOST:PORT%1: every payload, unchanged, as one frame to every connected "
                  "consumer. Keeps its consumers while Redis is away and reconnects with "
                  "backoff. Reports consumers, messages/s and messages forwarded.")
                   .arg(WireProtocol::FeedPath),
               {&Redis, &Channel, &Stream, &StreamFrom, &Group, &Name, &Consumer, &ClaimIdle,
                &Listen, &ReportInterval, &MaxConsumerBacklog, &Quiet})
{ }

std::optional<std::pair<QHostAddress, quint16>> BridgeCommandLine::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    const QString host = text.left(colon);
    // ":PORT": loopback.
    const std::optional<QHostAddress> address =
        host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : CommandOption::parseHost(host);
    if (!address)
        return std::nullopt;
    return std::make_pair(*address, quint16(port));
}

std::optional<BridgeOptions> BridgeCommandLine::parse(const QStringList &arguments,
                                                      const QString &environmentPassword,
                                                      QString *error)
{
    CommandLineBasics &b = m_basics;
    const auto failed = [&b, error]() -> std::optional<BridgeOptions> {
        if (error)
            *error = b.error().value_or(QString());
        return std::nullopt;
    };
    if (!b.parse(arguments))
        return failed();

    BridgeOptions o;
    RedisBridgeConfig &c = o.config;
    o.quiet = b.isSet(Quiet);
    const QUrl url = b.value(Redis);
    if (!b.error()) {
        QString urlError;
        if (const auto address = RedisAddress::fromUrl(url, environmentPassword, &urlError))
            c.redis = *address;
        else
            b.fail(Redis.problem(urlError));
    }
    const std::optional<QString> stream = b.given(Stream);
    if (stream && b.isSet(Channel))
        b.fail(tr("%1 and %2 exclude each other").arg(Channel.flag(), Stream.flag()));
    c.channel = stream ? QString() : b.value(Channel);
    c.stream = stream.value_or(QString());
    c.streamFrom = b.value(StreamFrom);
    for (const CommandOption *streamOnly : std::initializer_list<const CommandOption *> {
             &StreamFrom, &Group, &Name, &Consumer, &ClaimIdle}) {
        if (b.isSet(*streamOnly) && !stream)
            b.fail(tr("%1 needs %2").arg(streamOnly->flag(), Stream.flag()));
    }
    c.group = b.value(Group);
    c.name = b.value(Name);
    c.consumer = b.given(Consumer).value_or(QString());
    c.claimIdleMs = int(b.value(ClaimIdle));
    const auto listen = b.value(Listen);
    c.listenAddress = listen.first;
    c.listenPort = listen.second;
    c.reportIntervalMs = int(b.value(ReportInterval)) * 1000;
    c.maxConsumerBacklogBytes = b.value(MaxConsumerBacklog) << 20;
    if (b.error())
        return failed();
    return o;
}
