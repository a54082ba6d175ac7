#include "commandline.h"
#include "commandlinebasics.h"

#include <QUrlQuery>

QString CommandLine::defaultSimulatorQuery()
{
    return QStringLiteral("count=100000&disorder=50&seed=1");
}

CommandLine::CommandLine()
{
    const CommandLineOptions defaults; // the defaults shown are the ones a run uses
    m_parser.setApplicationDescription(
        tr("Reorders an out-of-order WebSocket feed of JSON messages by id, forwards it in "
           "order and proves it.\nWithout --ws-url (or --redis-url) the built-in feed simulator "
           "is started on a free loopback port and both URLs point at it."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(QCommandLineOption(QStringLiteral("headless"),
                                          tr("Run without a window and print the summary.")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("ws-url"),
                           tr("The feed to read (ws:// or wss://). Default: the built-in "
                              "simulator."),
                           tr("URL")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("redis-url"),
                           tr("Read the feed from Redis instead of a WebSocket: "
                              "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], with --channel or "
                              "--stream. The password may also come from REDIS_PASSWORD."),
                           tr("URL")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("channel"),
                           tr("With --redis-url: subscribe to this pub/sub channel. What is "
                              "published while the monitor is not subscribed is lost (and "
                              "shows as missing ids)."),
                           tr("NAME")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("stream"),
                           tr("With --redis-url: read this Redis stream (XREAD); each entry's "
                              "\"data\" field (or its first field) is one frame."),
                           tr("KEY")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("stream-from"),
                           tr("With --stream: 0 reads the whole stream, $ only entries added "
                              "from now on, an entry id what follows it."),
                           tr("ID"), QStringLiteral("0")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("send-url"),
                           tr("Where to forward the ordered messages. Default: the built-in "
                              "simulator's sink when the feed is built in, else nowhere."),
                           tr("URL")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("count"),
                           tr("End the run after N accepted messages (0: when the feed "
                              "closes)."),
                           tr("N"), QStringLiteral("0")));
    m_parser.addOption(QCommandLineOption(
        QStringLiteral("window"), tr("Reorder window W: the heap's capacity in stream mode."),
        tr("W"), QString::number(defaults.config.window)));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("mode"),
                           tr("stream: forward as soon as order allows; batch: hold the "
                              "whole run and send it sorted at the end."),
                           tr("MODE"), QStringLiteral("stream")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("max-hold"),
                                          tr("Stream mode: release a message held longer than MS "
                                             "milliseconds, giving up what it waits for (0: off)."),
                                          tr("MS"), QStringLiteral("0")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("start-id"),
                           tr("The first expected id (default: learned from the first W "
                              "messages)."),
                           tr("ID")));
    m_parser.addOption(QCommandLineOption(
        QStringLiteral("csv"),
        tr("Write one row per message to FILE (a folder: a file named after the sink "
           "and the start time, inside it)."),
        tr("FILE")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("report"),
                           tr("Write the JSON report to FILE (a folder: a file named after "
                              "the sink and the start time, inside it)."),
                           tr("FILE")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("sim"),
                           tr("Feed parameters of the built-in simulator, as a query string "
                              "(count, disorder, start, seed, rate, delay, dup, gap, junk, "
                              "oversize, drop)."),
                           tr("QUERY"), defaultSimulatorQuery()));
    m_parser.addOption(QCommandLineOption(QStringLiteral("sink-name"),
                                          tr("Name of the built-in sink: /ordered-messages/NAME."),
                                          tr("NAME"), defaults.sinkName));
    m_parser.addOption(QCommandLineOption(QStringLiteral("max-frame-bytes"),
                                          tr("Frames larger than this are malformed (counted, not "
                                             "forwarded)."),
                                          tr("BYTES"),
                                          QString::number(MessageCodec::DefaultMaxFrameBytes)));
    m_parser.addOption(QCommandLineOption(QStringLiteral("connect-timeout"),
                                          tr("Give up connecting after MS milliseconds."), tr("MS"),
                                          QString::number(defaults.config.connectTimeoutMs)));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("reconnect-attempts"),
                           tr("Reconnect a dropped feed or sink up to N times in a row, with "
                              "exponential backoff (0: never)."),
                           tr("N"), QString::number(defaults.config.feedReconnect.maxAttempts)));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("idle-timeout"),
                           tr("End the run when nothing moved for MS milliseconds: no frame "
                              "from the feed and no confirmation from the sink (time spent "
                              "reconnecting the feed excluded). The report says so (end_reason "
                              "idle_timeout). 0: wait forever. Default: %1.")
                               .arg(RunConfig::DefaultIdleTimeoutMs),
                           tr("MS"), QString::number(RunConfig::DefaultIdleTimeoutMs)));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("batch-memory-mb"),
                           tr("Batch mode: past this much memory held (an estimate), stop "
                              "reading the feed, send what is held and fail with a clear "
                              "message (exit status 1). Stream mode needs only the window. "
                              "Default: %1.")
                               .arg(RunConfig::DefaultBatchMemoryBytes >> 20),
                           tr("MB"), QString::number(RunConfig::DefaultBatchMemoryBytes >> 20)));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("insecure"),
                           tr("Accept certificate errors on wss:// (the connection is then "
                              "not authenticated).")));
    m_parser.addOption(
        QCommandLineOption(QStringLiteral("quiet"), tr("Print nothing but errors.")));
    m_parser.addOption(QCommandLineOption(
        QStringLiteral("lang"), tr("User interface language (en, ru). Default: the system's."),
        tr("LANG")));
    m_parser.addOption(QCommandLineOption(
        QStringLiteral("screenshot"),
        tr("Window: run the demo, save a screenshot to FILE and exit."), tr("FILE")));
}

std::optional<CommandLineOptions> CommandLine::parse(const QStringList &arguments, QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (auto e = CommandLineBasics::parse(m_parser, arguments, &m_help, &m_version))
        return failWith(*e);

    CommandLineOptions o;
    RunConfig &c = o.config;
    o.headless = m_parser.isSet(QStringLiteral("headless"));
    for (const QString &name : m_parser.optionNames()) {
        if (!o.given.contains(name))
            o.given << name;
    }
    o.quiet = m_parser.isSet(QStringLiteral("quiet"));
    o.csvPath = m_parser.value(QStringLiteral("csv"));
    o.reportPath = m_parser.value(QStringLiteral("report"));
    o.language = m_parser.value(QStringLiteral("lang"));
    o.screenshotPath = m_parser.value(QStringLiteral("screenshot"));
    o.simulatorQuery = m_parser.value(QStringLiteral("sim"));
    o.sinkName = m_parser.value(QStringLiteral("sink-name"));
    c.insecure = m_parser.isSet(QStringLiteral("insecure"));

    auto integer = [this](const QString &name, qint64 min, qint64 max, qint64 *out) {
        return CommandLineBasics::integer(m_parser, name, min, max, out);
    };
    qint64 value = 0;
    if (auto e = integer(QStringLiteral("count"), 0, std::numeric_limits<qint64>::max(), &value))
        return failWith(*e);
    c.count = quint64(value);
    if (auto e = integer(QStringLiteral("window"), 1, qint64(1) << 30, &c.window))
        return failWith(*e);
    if (auto e = integer(QStringLiteral("max-hold"), 0, 86400000, &c.maxHoldMs))
        return failWith(*e);
    if (auto e = integer(QStringLiteral("max-frame-bytes"), 16, 16 * 1024 * 1024, &value))
        return failWith(*e);
    c.maxFrameBytes = qsizetype(value);
    if (auto e = integer(QStringLiteral("connect-timeout"), 100, 600000, &value))
        return failWith(*e);
    c.connectTimeoutMs = int(value);
    if (auto e = integer(QStringLiteral("reconnect-attempts"), 0, 1000, &value))
        return failWith(*e);
    c.feedReconnect.maxAttempts = c.sinkReconnect.maxAttempts = int(value);
    if (auto e = integer(QStringLiteral("idle-timeout"), 0, 86400000, &value))
        return failWith(*e);
    c.idleTimeoutMs = int(value);
    if (auto e = integer(QStringLiteral("batch-memory-mb"), 1, 1024 * 1024, &value))
        return failWith(*e);
    c.batchMemoryBytes = quint64(value) << 20;
    if (m_parser.isSet(QStringLiteral("start-id"))) {
        if (auto e = integer(QStringLiteral("start-id"), std::numeric_limits<qint64>::min(),
                             std::numeric_limits<qint64>::max(), &value))
            return failWith(*e);
        c.startId = value;
    }
    const std::optional<ReorderMode> mode =
        UrlCheck::parseMode(m_parser.value(QStringLiteral("mode")));
    if (!mode)
        return failWith(tr("--mode must be stream or batch, not \"%1\"")
                            .arg(m_parser.value(QStringLiteral("mode"))));
    c.mode = *mode;

    if (m_parser.isSet(QStringLiteral("ws-url"))) {
        const QString url = m_parser.value(QStringLiteral("ws-url"));
        const QString problem = UrlCheck::webSocketProblem(url);
        if (!problem.isEmpty())
            return failWith(tr("--ws-url: %1").arg(problem));
        c.feedUrl = QUrl(url.trimmed());
        o.builtInFeed = false;
    }
    const bool redis = m_parser.isSet(QStringLiteral("redis-url"));
    const bool channel = m_parser.isSet(QStringLiteral("channel"));
    const bool stream = m_parser.isSet(QStringLiteral("stream"));
    if (redis) {
        if (!o.builtInFeed)
            return failWith(tr("--ws-url and --redis-url exclude each other"));
        if (channel == stream)
            return failWith(tr("--redis-url needs either --channel NAME or --stream KEY"));
        c.feedKind = FeedKind::Redis;
        c.redis.url = QUrl(m_parser.value(QStringLiteral("redis-url")).trimmed());
        c.redis.channel = m_parser.value(QStringLiteral("channel"));
        c.redis.stream = m_parser.value(QStringLiteral("stream"));
        c.redis.streamFrom = m_parser.value(QStringLiteral("stream-from"));
        const QString urlProblem =
            RedisAddress::problem(m_parser.value(QStringLiteral("redis-url")));
        if (!urlProblem.isEmpty())
            return failWith(tr("--redis-url: %1").arg(urlProblem));
        if (channel && c.redis.channel.isEmpty())
            return failWith(tr("--channel must not be empty"));
        if (stream && c.redis.stream.isEmpty())
            return failWith(tr("--stream must not be empty"));
        if (m_parser.isSet(QStringLiteral("stream-from")) && !stream)
            return failWith(tr("--stream-from needs --stream"));
        if (const QString problem = RedisStreamId::problem(c.redis.streamFrom);
            stream && !problem.isEmpty())
            return failWith(tr("--stream-from: %1").arg(problem));
        o.builtInFeed = false;
    } else if (channel || stream || m_parser.isSet(QStringLiteral("stream-from"))) {
        return failWith(tr("--channel, --stream and --stream-from need --redis-url"));
    }
    if (m_parser.isSet(QStringLiteral("send-url"))) {
        const QString url = m_parser.value(QStringLiteral("send-url"));
        const QString problem = UrlCheck::webSocketProblem(url);
        if (!problem.isEmpty())
            return failWith(tr("--send-url: %1").arg(problem));
        c.sinkUrl = QUrl(url.trimmed());
        o.builtInSink = false;
    } else {
        o.builtInSink = o.builtInFeed;
    }
    if (o.sinkName.isEmpty() || o.sinkName.contains(QLatin1Char('/')))
        return failWith(tr("--sink-name must be a non-empty name without '/'"));
    if (o.builtInFeed) {
        QString simError;
        QUrlQuery query(o.simulatorQuery);
        if (!query.hasQueryItem(QStringLiteral("count")) && c.count > 0)
            query.addQueryItem(QStringLiteral("count"), QString::number(c.count));
        if (!FeedParams::fromQuery(query, &simError))
            return failWith(tr("--sim: %1").arg(simError));
        o.simulatorQuery = query.toString(QUrl::FullyEncoded);
    }
    return o;
}
