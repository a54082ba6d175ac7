#include "app/cli/bridgecommandline.h"
#include "app/cli/commandline.h"
#include "app/cli/feedservercommandline.h"
#include "protocol/wireprotocol.h"
#include "reorder/adaptivewindow.h"

#include <QTest>

#include <limits>

namespace {

constexpr qint64 Min64 = std::numeric_limits<qint64>::min();
constexpr qint64 Max64 = std::numeric_limits<qint64>::max();

// An integer option's accepted range: the contract each row checks from outside.
struct Range
{
    const char *option;
    qint64 min;
    qint64 max;
    const char *orWord = nullptr; // a word accepted besides the numbers ("auto")
};

// The number just past `edge` (towards `direction`), as text: past the 64-bit ends too.
QString beyond(qint64 edge, int direction)
{
    if (direction > 0)
        return edge == Max64 ? QString::number(quint64(edge) + 1) : QString::number(edge + 1);
    return edge == Min64 ? QStringLiteral("-9223372036854775809") : QString::number(edge - 1);
}

QString integerError(const QString &option, qint64 min, qint64 max, const QString &text,
                     const char *orWord = nullptr)
{
    return QStringLiteral("--%1 must be an integer from %2 to %3%4, not \"%5\"")
        .arg(option)
        .arg(min)
        .arg(max)
        .arg(orWord ? QStringLiteral(", or ") + QLatin1String(orWord) : QString())
        .arg(text);
}

// Rows min-1, min, max, max+1 and a few texts that are not integers, for each range.
void addIntegerRows(const std::initializer_list<Range> &ranges)
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("error");
    for (const Range &r : ranges) {
        const QString option = QLatin1String(r.option);
        const auto row = [&](const char *edge, const QString &text, bool valid, qint64 value) {
            QTest::addRow("%s %s (%s)", r.option, edge, qPrintable(text))
                << option << text << valid << value
                << (valid ? QString() : integerError(option, r.min, r.max, text, r.orWord));
        };
        row("min-1", beyond(r.min, -1), false, 0);
        row("min", QString::number(r.min), true, r.min);
        row("max", QString::number(r.max), true, r.max);
        row("max+1", beyond(r.max, +1), false, 0);
        for (const char *text : {"x", "", "1.5", "0x10"})
            row("text", QLatin1String(text), false, 0);
    }
}

// The help paragraph of `option` ("--window <W>  Reorder ..."), on one line.
QString optionHelp(const QString &help, const QString &option)
{
    QStringList lines;
    bool inside = false;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('-')))
            inside = trimmed.startsWith(QStringLiteral("--%1 ").arg(option));
        if (inside)
            lines << trimmed;
    }
    return lines.join(QLatin1Char(' ')).simplified();
}

const QStringList Languages = {QStringLiteral("en"), QStringLiteral("ru")};

std::optional<CommandLineOptions> parseMonitor(const QStringList &arguments, QString *error)
{
    CommandLine line(Languages);
    return line.parse(QStringList {QStringLiteral("reorder-monitor")} + arguments, error);
}

std::optional<BridgeOptions> parseBridge(const QStringList &arguments, QString *error,
                                         const QString &environmentPassword = QString())
{
    BridgeCommandLine line;
    return line.parse(QStringList {QStringLiteral("reorder-bridge")} + arguments,
                      environmentPassword, error);
}

std::optional<FeedServerOptions> parseFeedServer(const QStringList &arguments, QString *error)
{
    FeedServerCommandLine line;
    return line.parse(QStringList {QStringLiteral("reorder-feed-server")} + arguments, error);
}

// The run fields the command line reports as named, by RunOverrides' field names.
QStringList givenFields(const RunOverrides &r)
{
    QStringList fields;
    const auto add = [&fields](bool given, const char *name) {
        if (given)
            fields << QLatin1String(name);
    };
    add(r.feedUrl.has_value(), "feedUrl");
    add(r.redis.has_value(), "redis");
    add(r.simulatorQuery.has_value(), "simulatorQuery");
    add(r.sinkUrl.has_value(), "sinkUrl");
    add(r.window.has_value(), "window");
    add(r.mode.has_value(), "mode");
    add(r.maxHoldMs.has_value(), "maxHoldMs");
    add(r.startId.has_value(), "startId");
    add(r.count.has_value(), "count");
    add(r.maxFrameBytes.has_value(), "maxFrameBytes");
    add(r.connectTimeoutMs.has_value(), "connectTimeoutMs");
    add(r.reconnectAttempts.has_value(), "reconnectAttempts");
    add(r.idleTimeoutMs.has_value(), "idleTimeoutMs");
    add(r.batchMemoryBytes.has_value(), "batchMemoryBytes");
    add(r.insecure, "insecure");
    return fields;
}

// The value an integer option of reorder-monitor put into the run, in the option's unit.
std::optional<qint64> monitorInteger(const CommandLineOptions &o, const QString &option)
{
    const RunOverrides &r = o.run;
    const auto wide = [](const auto &value) {
        return value ? std::optional<qint64>(qint64(*value)) : std::nullopt;
    };
    if (option == QLatin1String("count"))
        return wide(r.count);
    if (option == QLatin1String("window"))
        return r.window;
    if (option == QLatin1String("max-hold"))
        return r.maxHoldMs;
    if (option == QLatin1String("start-id"))
        return r.startId;
    if (option == QLatin1String("max-frame-bytes"))
        return wide(r.maxFrameBytes);
    if (option == QLatin1String("connect-timeout"))
        return wide(r.connectTimeoutMs);
    if (option == QLatin1String("reconnect-attempts"))
        return wide(r.reconnectAttempts);
    if (option == QLatin1String("idle-timeout"))
        return wide(r.idleTimeoutMs);
    if (option == QLatin1String("batch-memory-mb"))
        return r.batchMemoryBytes ? std::optional<qint64>(qint64(*r.batchMemoryBytes >> 20))
                                  : std::nullopt;
    return std::nullopt;
}

QString feedUrl()
{
    return QStringLiteral("ws://127.0.0.1:9") + WireProtocol::FeedPath;
}

QString sinkUrl()
{
    return QStringLiteral("ws://127.0.0.1:9") + WireProtocol::SinkPathPrefix + QStringLiteral("me");
}

const QString RedisUrl = QStringLiteral("redis://127.0.0.1:6379");

} // namespace

// The three command lines, parsed in process: defaults, ranges, values, combinations, and the
// one-line errors an operator reads (docs/PROTOCOL.md, "Command line"). Exit statuses of the
// real programs: tst_headless and tst_redisbridge.
class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // reorder-monitor
    void monitorDefaults();
    void monitorHelpShowsDefaults_data();
    void monitorHelpShowsDefaults();
    void monitorIntegers_data();
    void monitorIntegers();
    void monitorMode_data();
    void monitorMode();
    void monitorAutoWindow();
    void monitorUrls_data();
    void monitorUrls();
    void monitorRedis_data();
    void monitorRedis();
    void monitorSimulator_data();
    void monitorSimulator();
    void monitorGiven_data();
    void monitorGiven();
    void monitorRefuses_data();
    void monitorRefuses();
    void helpAndVersion_data();
    void helpAndVersion();
    void startup_data();
    void startup();
    void monitorHistory_data();
    void monitorHistory();
    // reorder-bridge
    void bridgeDefaults();
    void bridgeIntegers_data();
    void bridgeIntegers();
    void bridgeParses_data();
    void bridgeParses();
    void bridgeRefuses_data();
    void bridgeRefuses();
    // reorder-feed-server
    void feedServerDefaults();
    void feedServerPorts_data();
    void feedServerPorts();
    void feedServerHosts_data();
    void feedServerHosts();
    void feedServerRefuses_data();
    void feedServerRefuses();
};

void tst_CommandLine::monitorDefaults()
{
    QString error;
    const std::optional<CommandLineOptions> o = parseMonitor({}, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(givenFields(o->run), QStringList()); // nothing named: the window keeps its own
    QVERIFY(o->run.builtInFeed());
    QVERIFY(o->run.builtInSink());
    QVERIFY(!o->headless);
    QVERIFY(!o->quiet);
    QVERIFY(o->csvPath.isEmpty());
    QVERIFY(o->reportPath.isEmpty());
    QVERIFY(o->language.isEmpty());
    QVERIFY(o->screenshotPath.isEmpty());
    QCOMPARE(o->sinkName, QStringLiteral("reorder-monitor"));
    QCOMPARE(o->simulatorQuery, CommandLine::defaultSimulatorQuery());

    // The headless run's configuration is RunConfig's own defaults.
    const RunConfig c = o->config();
    const RunConfig d;
    QCOMPARE(c.feedKind, d.feedKind);
    QVERIFY(c.feedUrl.isEmpty());
    QVERIFY(c.sinkUrl.isEmpty());
    QCOMPARE(c.mode, ReorderMode::Stream);
    QCOMPARE(c.window, RunConfig::DefaultWindow);
    QCOMPARE(c.window, d.window);
    QCOMPARE(c.maxHoldMs, d.maxHoldMs);
    QVERIFY(!c.startId);
    QCOMPARE(c.count, quint64(0));
    QCOMPARE(c.maxFrameBytes, MessageCodec::DefaultMaxFrameBytes);
    QCOMPARE(c.connectTimeoutMs, d.connectTimeoutMs);
    QCOMPARE(c.feedReconnect.maxAttempts, d.feedReconnect.maxAttempts);
    QCOMPARE(c.sinkReconnect.maxAttempts, d.sinkReconnect.maxAttempts);
    QCOMPARE(c.idleTimeoutMs, RunConfig::DefaultIdleTimeoutMs);
    QCOMPARE(c.batchMemoryBytes, RunConfig::DefaultBatchMemoryBytes);
    QCOMPARE(c.insecure, false);
    QCOMPARE(c.flushAtEnd, d.flushAtEnd);
    QCOMPARE(c.redis.streamFrom, QStringLiteral("0")); // a run reads the whole stream
}

void tst_CommandLine::monitorHelpShowsDefaults_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("shown"); // empty: no default shown
    const RunConfig d;
    QTest::newRow("window") << "window" << QString::number(RunConfig::DefaultWindow);
    QTest::newRow("mode") << "mode"
                          << "stream";
    QTest::newRow("count") << "count"
                           << "0";
    QTest::newRow("max-hold") << "max-hold" << QString::number(d.maxHoldMs);
    QTest::newRow("max-frame-bytes")
        << "max-frame-bytes" << QString::number(MessageCodec::DefaultMaxFrameBytes);
    QTest::newRow("connect-timeout") << "connect-timeout" << QString::number(d.connectTimeoutMs);
    QTest::newRow("reconnect-attempts")
        << "reconnect-attempts" << QString::number(d.feedReconnect.maxAttempts);
    QTest::newRow("idle-timeout") << "idle-timeout"
                                  << QString::number(RunConfig::DefaultIdleTimeoutMs);
    QTest::newRow("batch-memory-mb")
        << "batch-memory-mb" << QString::number(RunConfig::DefaultBatchMemoryBytes >> 20);
    QTest::newRow("sim") << "sim" << CommandLine::defaultSimulatorQuery();
    QTest::newRow("sink-name") << "sink-name"
                               << "reorder-monitor";
    QTest::newRow("stream-from") << "stream-from"
                                 << "0";
    QTest::newRow("start-id: learned") << "start-id" << QString();
    QTest::newRow("ws-url: none") << "ws-url" << QString();
}

void tst_CommandLine::monitorHelpShowsDefaults()
{
    QFETCH(QString, option);
    QFETCH(QString, shown);
    CommandLine line;
    QVERIFY(line.parse({QStringLiteral("reorder-monitor"), QStringLiteral("--help")}, nullptr));
    QVERIFY(line.helpRequested());
    const QString help = optionHelp(line.helpText(), option);
    QVERIFY2(!help.isEmpty(), qPrintable(option));
    if (shown.isEmpty())
        QVERIFY2(!help.contains(QStringLiteral("Default: ")) || option == QLatin1String("ws-url"),
                 qPrintable(help));
    else
        QVERIFY2(help.endsWith(QStringLiteral("Default: ") + shown), qPrintable(help));
}

void tst_CommandLine::monitorIntegers_data()
{
    addIntegerRows({{"count", 0, Max64},
                    {"window", 1, RunConfig::MaxWindow, "auto"},
                    {"max-hold", 0, 86400000},
                    {"start-id", Min64, Max64},
                    {"max-frame-bytes", 16, 16 * 1024 * 1024},
                    {"connect-timeout", 100, 600000},
                    {"reconnect-attempts", 0, 1000},
                    {"idle-timeout", 0, 86400000},
                    {"batch-memory-mb", 1, 1024 * 1024}});
}

void tst_CommandLine::monitorIntegers()
{
    QFETCH(QString, option);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    QFETCH(QString, error);
    QString problem;
    const std::optional<CommandLineOptions> o =
        parseMonitor({QStringLiteral("--") + option, text}, &problem);
    QCOMPARE(o.has_value(), valid);
    if (!valid) {
        QCOMPARE(problem, error);
        return;
    }
    QCOMPARE(monitorInteger(*o, option), std::optional<qint64>(value));
    QCOMPARE(givenFields(o->run).size(), 1); // that option alone is reported as given
}

void tst_CommandLine::monitorAutoWindow()
{
    QString error;
    std::optional<CommandLineOptions> o = parseMonitor({"--window", "AUTO"}, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->run.autoWindow, std::optional<bool>(true));
    QVERIFY(!o->run.window); // a fixed W remembered by the window stays as it was
    QVERIFY(!o->run.maxWindow);
    RunConfig c = o->run.appliedTo(RunConfig());
    QVERIFY(c.autoWindow);
    QCOMPARE(c.maxWindow, RunConfig::DefaultMaxWindow);
    QCOMPARE(c.reorderConfig().window, AdaptiveWindow::Initial);
    QVERIFY(c.reorderConfig().trackNeeds);

    o = parseMonitor({"--window", "auto", "--max-window", "500"}, &error);
    QVERIFY2(o, qPrintable(error));
    c = o->run.appliedTo(RunConfig());
    QCOMPARE(c.maxWindow, 500);
    QCOMPARE(c.windowDescription(), QStringLiteral("auto (at most 500)"));

    // A fixed W turns a remembered auto off.
    RunConfig remembered;
    remembered.autoWindow = true;
    o = parseMonitor({"--window", "64"}, &error);
    QVERIFY2(o, qPrintable(error));
    c = o->run.appliedTo(remembered);
    QVERIFY(!c.autoWindow);
    QCOMPARE(c.window, 64);
    QVERIFY(!c.reorderConfig().trackNeeds);
}

void tst_CommandLine::monitorMode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<ReorderMode>("mode");
    QTest::newRow("stream") << "stream" << true << ReorderMode::Stream;
    QTest::newRow("batch") << "batch" << true << ReorderMode::Batch;
    QTest::newRow("any case") << "BATCH" << true << ReorderMode::Batch;
    QTest::newRow("sideways") << "sideways" << false << ReorderMode::Stream;
    QTest::newRow("empty") << "" << false << ReorderMode::Stream;
}

void tst_CommandLine::monitorMode()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const std::optional<CommandLineOptions> o =
        parseMonitor({QStringLiteral("--mode"), text}, &error);
    QCOMPARE(o.has_value(), valid);
    if (valid) {
        QTEST(*o->run.mode, "mode");
        QTEST(o->config().mode, "mode");
    } else {
        QCOMPARE(error, QStringLiteral("--mode must be stream or batch, not \"%1\"").arg(text));
    }
}

void tst_CommandLine::monitorUrls_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("error"); // the error starts with this
    QTest::addColumn<QString>("secret"); // never shown
    const QString channel = QStringLiteral("--channel");
    QTest::newRow("ws-url") << QStringList {"--ws-url", feedUrl()} << true << ""
                            << "";
    QTest::newRow("ws-url trimmed")
        << QStringList {"--ws-url", "  " + feedUrl() + " "} << true << ""
        << "";
    QTest::newRow("wss with password")
        << QStringList {"--ws-url", "wss://u:hunter2@127.0.0.1:9/raw"} << true << ""
        << "";
    QTest::newRow("@ in the query is not a password")
        << QStringList {"--ws-url", "ws://127.0.0.1:9/raw?disorder=20,400@30%25"} << true << ""
        << "";
    QTest::newRow("ws-url http") << QStringList {"--ws-url", "http://x/y"} << false
                                 << "--ws-url: \"http://x/y\" must start with ws:// or wss://"
                                 << "";
    QTest::newRow("ws-url empty") << QStringList {"--ws-url", ""} << false
                                  << "--ws-url: the URL is empty"
                                  << "";
    QTest::newRow("ws-url no host")
        << QStringList {"--ws-url", "ws:///raw-messages"} << false << "--ws-url: "
        << "";
    QTest::newRow("ws-url port 0") << QStringList {"--ws-url", "ws://h:0/x"} << false
                                   << "--ws-url: \"ws://h:0/x\" has an invalid port"
                                   << "";
    QTest::newRow("ws-url garbage") << QStringList {"--ws-url", "::::"} << false << "--ws-url: "
                                    << "";
    QTest::newRow("ws-url http with password")
        << QStringList {"--ws-url", "http://user:hunter2@h/x"} << false
        << "--ws-url: \"http://user:****@h/x\" must start with ws:// or wss://"
        << "hunter2";
    QTest::newRow("ws-url bad port with password")
        << QStringList {"--ws-url", "ws://user:hunter2@h:99999/x"} << false << "--ws-url: "
        << "hunter2";
    QTest::newRow("ws-url password with a slash")
        << QStringList {"--ws-url", "ws://user:hun/ter2@h:99999/x"} << false << "--ws-url: "
        << "ter2";
    QTest::newRow("send-url") << QStringList {"--send-url", sinkUrl()} << true << ""
                              << "";
    QTest::newRow("send-url garbage")
        << QStringList {"--send-url", "::::"} << false << "--send-url: "
        << "";
    QTest::newRow("send-url with password")
        << QStringList {"--send-url", "https://me:hunter2@h/x"} << false << "--send-url: "
        << "hunter2";
    QTest::newRow("redis-url with password")
        << QStringList {"--redis-url", "redis://:s3cret@127.0.0.1:7000", channel, "c"} << true << ""
        << "";
    QTest::newRow("redis-url http with password")
        << QStringList {"--redis-url", "http://u:topsecret@h:1", channel, "c"} << false
        << "--redis-url: "
        << "topsecret";
    QTest::newRow("redis-url tls")
        << QStringList {"--redis-url", "rediss://u:topsecret@h:1", channel, "c"} << false
        << "--redis-url: "
        << "topsecret";
    QTest::newRow("redis-url bad port with password")
        << QStringList {"--redis-url", "redis://u:topsecret@h:99999", channel, "c"} << false
        << "--redis-url: "
        << "topsecret";
}

void tst_CommandLine::monitorUrls()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, valid);
    QFETCH(QString, error);
    QFETCH(QString, secret);
    QString problem;
    const std::optional<CommandLineOptions> o = parseMonitor(arguments, &problem);
    QVERIFY2(o.has_value() == valid, qPrintable(problem));
    if (!valid) {
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        QVERIFY(!problem.contains(QLatin1Char('\n')));
        if (!secret.isEmpty())
            QVERIFY2(!problem.contains(secret), qPrintable(problem));
        return;
    }
    const QUrl given(arguments.at(1).trimmed());
    const QString option = arguments.at(0);
    const RunConfig c = o->config();
    if (option == QLatin1String("--ws-url")) {
        QCOMPARE(*o->run.feedUrl, given);
        QCOMPARE(c.feedUrl, given);
        QCOMPARE(c.feedKind, FeedKind::WebSocket);
    } else if (option == QLatin1String("--send-url")) {
        QCOMPARE(*o->run.sinkUrl, given);
        QCOMPARE(c.sinkUrl, given);
    } else {
        QCOMPARE(o->run.redis->url, given);
        QCOMPARE(c.feedKind, FeedKind::Redis);
    }
}

void tst_CommandLine::monitorRedis_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // empty: valid; else the error starts with this
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("from");
    const QStringList redis = {QStringLiteral("--redis-url"), RedisUrl};
    const QString needsOne = QStringLiteral("--redis-url needs either --channel or --stream");
    const QString needRedis =
        QStringLiteral("--channel, --stream and --stream-from need --redis-url");
    QTest::newRow("channel") << redis + QStringList {"--channel", "test_websocket"} << ""
                             << "test_websocket"
                             << ""
                             << "0";
    QTest::newRow("stream") << redis + QStringList {"--stream", "feed"} << ""
                            << ""
                            << "feed"
                            << "0";
    QTest::newRow("stream from $")
        << redis + QStringList {"--stream", "feed", "--stream-from", "$"} << ""
        << ""
        << "feed"
        << "$";
    QTest::newRow("stream from an id")
        << redis + QStringList {"--stream", "feed", "--stream-from", "1700000000000-5"} << ""
        << ""
        << "feed"
        << "1700000000000-5";
    QTest::newRow("neither") << redis << needsOne << ""
                             << ""
                             << "";
    QTest::newRow("both") << redis + QStringList {"--channel", "a", "--stream", "b"} << needsOne
                          << ""
                          << ""
                          << "";
    QTest::newRow("channel alone") << QStringList {"--channel", "a"} << needRedis << ""
                                   << ""
                                   << "";
    QTest::newRow("stream alone") << QStringList {"--stream", "a"} << needRedis << ""
                                  << ""
                                  << "";
    QTest::newRow("stream-from alone") << QStringList {"--stream-from", "0"} << needRedis << ""
                                       << ""
                                       << "";
    QTest::newRow("with ws-url") << redis + QStringList {"--channel", "a", "--ws-url", feedUrl()}
                                 << "--ws-url and --redis-url exclude each other"
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("empty channel")
        << redis + QStringList {"--channel", ""} << "--channel must not be empty"
        << ""
        << ""
        << "";
    QTest::newRow("empty stream") << redis + QStringList {"--stream", ""}
                                  << "--stream must not be empty"
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("stream-from with channel")
        << redis + QStringList {"--channel", "a", "--stream-from", "0"}
        << "--stream-from needs --stream"
        << ""
        << ""
        << "";
    QTest::newRow("bad stream-from") << redis + QStringList {"--stream", "a", "--stream-from", "x"}
                                     << "--stream-from: \"x\" is not a stream entry id"
                                     << ""
                                     << ""
                                     << "";
    QTest::newRow("bad scheme") << QStringList {"--redis-url", "http://h:1", "--channel", "a"}
                                << "--redis-url: "
                                << ""
                                << ""
                                << "";
}

void tst_CommandLine::monitorRedis()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QString problem;
    const std::optional<CommandLineOptions> o = parseMonitor(arguments, &problem);
    QVERIFY2(o.has_value() == error.isEmpty(), qPrintable(problem));
    if (!o) {
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        QVERIFY(!problem.contains(QLatin1Char('\n')));
        return;
    }
    QVERIFY(o->run.redis);
    QTEST(o->run.redis->channel, "channel");
    QTEST(o->run.redis->stream, "stream");
    QTEST(o->run.redis->streamFrom, "from");
    QCOMPARE(o->run.redis->url, QUrl(RedisUrl));
    QVERIFY2(o->run.redis->problem().isEmpty(), qPrintable(o->run.redis->problem()));
    QVERIFY(!o->run.builtInFeed());
    QVERIFY(!o->run.builtInSink()); // without --send-url: forward nowhere
    QCOMPARE(o->config().feedKind, FeedKind::Redis);
}

void tst_CommandLine::monitorSimulator_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // empty: valid; else the error starts with this
    QTest::addColumn<QString>("given"); // RunOverrides::simulatorQuery; "-": not given
    QTest::addColumn<QString>("used"); // what the headless run's simulator gets
    QTest::addColumn<QString>("sinkName");
    const QString sim = QStringLiteral("--sim");
    const QString byDefault = CommandLine::defaultSimulatorQuery();
    QTest::newRow("default") << QStringList() << ""
                             << "-" << byDefault << "reorder-monitor";
    QTest::newRow("default keeps its count") << QStringList {"--count", "500"} << ""
                                             << "-" << byDefault << "reorder-monitor";
    QTest::newRow("given") << QStringList {sim, "count=10&disorder=3"} << ""
                           << "count=10&disorder=3"
                           << "count=10&disorder=3"
                           << "reorder-monitor";
    QTest::newRow("count added") << QStringList {sim, "disorder=3", "--count", "500"} << ""
                                 << "disorder=3&count=500"
                                 << "disorder=3&count=500"
                                 << "reorder-monitor";
    QTest::newRow("its own count wins")
        << QStringList {sim, "count=7&disorder=3", "--count", "500"} << ""
        << "count=7&disorder=3"
        << "count=7&disorder=3"
        << "reorder-monitor";
    QTest::newRow("empty") << QStringList {sim, ""} << ""
                           << ""
                           << ""
                           << "reorder-monitor";
    QTest::newRow("bad count") << QStringList {sim, "count=x"} << "--sim: bad parameter count=x"
                               << ""
                               << ""
                               << "";
    QTest::newRow("bad disorder") << QStringList {sim, "disorder=-1"}
                                  << "--sim: bad parameter disorder=-1"
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("bad close code")
        << QStringList {sim, "closecode=1005"} << "--sim: bad parameter closecode=1005"
        << ""
        << ""
        << "";
    QTest::newRow("bad, with an external feed")
        << QStringList {sim, "dup=2", "--ws-url", feedUrl()} << "--sim: bad parameter dup=2"
        << ""
        << ""
        << "";
    QTest::newRow("sink name") << QStringList {"--sink-name", "me"} << ""
                               << "-" << byDefault << "me";
    QTest::newRow("empty sink name")
        << QStringList {"--sink-name", ""} << "--sink-name must not be empty"
        << ""
        << ""
        << "";
    QTest::newRow("sink name with a slash")
        << QStringList {"--sink-name", "a/b"} << "--sink-name: \"a/b\" must not contain '/'"
        << ""
        << ""
        << "";
}

void tst_CommandLine::monitorSimulator()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QFETCH(QString, given);
    QString problem;
    const std::optional<CommandLineOptions> o = parseMonitor(arguments, &problem);
    QVERIFY2(o.has_value() == error.isEmpty(), qPrintable(problem));
    if (!o) {
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        QVERIFY(!problem.contains(QLatin1Char('\n')));
        return;
    }
    if (given == QLatin1String("-"))
        QVERIFY(!o->run.simulatorQuery);
    else
        QCOMPARE(o->run.simulatorQuery, std::optional<QString>(given));
    QTEST(o->simulatorQuery, "used");
    QTEST(o->sinkName, "sinkName");
}

void tst_CommandLine::monitorGiven_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<bool>("builtInFeed");
    QTest::addColumn<bool>("builtInSink");
    QTest::newRow("nothing") << QStringList() << QStringList() << true << true;
    QTest::newRow("not run fields")
        << QStringList {"--headless",  "--quiet", "--csv",  "a.csv", "--report",     "r.json",
                        "--sink-name", "me",      "--lang", "ru",    "--screenshot", "s.png"}
        << QStringList() << true << true;
    QTest::newRow("the default, named")
        << QStringList {"--window", QString::number(RunConfig::DefaultWindow), "--mode", "stream"}
        << QStringList {"window", "mode"} << true << true;
    QTest::newRow("limits") << QStringList {"--reconnect-attempts", "3",
                                            "--idle-timeout",       "0",
                                            "--max-frame-bytes",    "2048",
                                            "--batch-memory-mb",    "64",
                                            "--connect-timeout",    "500"}
                            << QStringList {"maxFrameBytes", "connectTimeoutMs",
                                            "reconnectAttempts", "idleTimeoutMs",
                                            "batchMemoryBytes"}
                            << true << true;
    QTest::newRow("ordering") << QStringList {"--max-hold", "250",     "--start-id",
                                              "-7",         "--count", "9"}
                              << QStringList {"maxHoldMs", "startId", "count"} << true << true;
    QTest::newRow("simulator to a url")
        << QStringList {"--sim", "count=9", "--send-url", sinkUrl(), "--insecure"}
        << QStringList {"simulatorQuery", "sinkUrl", "insecure"} << true << false;
    QTest::newRow("feed alone") << QStringList {"--ws-url", feedUrl()} << QStringList {"feedUrl"}
                                << false << false;
    QTest::newRow("redis") << QStringList {"--redis-url", RedisUrl, "--channel", "c"}
                           << QStringList {"redis"} << false << false;
}

void tst_CommandLine::monitorGiven()
{
    QFETCH(QStringList, arguments);
    QString error;
    const std::optional<CommandLineOptions> o = parseMonitor(arguments, &error);
    QVERIFY2(o, qPrintable(error));
    QTEST(givenFields(o->run), "given");
    QTEST(o->run.builtInFeed(), "builtInFeed");
    QTEST(o->run.builtInSink(), "builtInSink");
}

void tst_CommandLine::monitorRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("the brief's example") << QStringList {"--window", "x"}
                                         << "--window must be an integer from 1 to 1073741824, "
                                            "or auto, not \"x\"";
    QTest::newRow("unknown option") << QStringList {"--colour"} << "Unknown option 'colour'.";
    QTest::newRow("positional") << QStringList {"extra"} << "unexpected argument: extra";
    QTest::newRow("missing value") << QStringList {"--window"} << "Missing value after '--window'.";
    QTest::newRow("language") << QStringList {"--lang", "de"}
                              << "--lang must be en or ru, not \"de\"";
    QTest::newRow("the first problem") << QStringList {"--mode", "x", "--window", "0"}
                                       << "--window must be an integer from 1 to 1073741824, "
                                          "or auto, not \"0\"";
    QTest::newRow("max-window alone")
        << QStringList {"--max-window", "100"} << "--max-window needs --window auto";
    QTest::newRow("max-window with a fixed W")
        << QStringList {"--window", "100", "--max-window", "100"}
        << "--max-window needs --window auto";
    QTest::newRow("auto in batch mode") << QStringList {"--window", "auto", "--mode", "batch"}
                                        << "--window auto works in stream mode only";
    QTest::newRow("max-window zero") << QStringList {"--window", "auto", "--max-window", "0"}
                                     << "--max-window must be an integer from 1 to 1073741824, "
                                        "not \"0\"";
}

void tst_CommandLine::monitorRefuses()
{
    QFETCH(QStringList, arguments);
    QString error;
    QVERIFY(!parseMonitor(arguments, &error));
    QTEST(error, "error");
}

void tst_CommandLine::helpAndVersion_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("help");
    QTest::newRow("--help") << "--help" << true;
    QTest::newRow("-h") << "-h" << true;
    QTest::newRow("--help-all") << "--help-all" << true;
    QTest::newRow("--version") << "--version" << false;
    QTest::newRow("-v") << "-v" << false;
}

void tst_CommandLine::helpAndVersion()
{
    QFETCH(QString, argument);
    QFETCH(bool, help);
    CommandLine monitor;
    QVERIFY(monitor.parse({QStringLiteral("reorder-monitor"), argument}, nullptr));
    QCOMPARE(monitor.helpRequested(), help);
    QCOMPARE(monitor.versionRequested(), !help);
    BridgeCommandLine bridge;
    QVERIFY(bridge.parse({QStringLiteral("reorder-bridge"), argument}, QString(), nullptr));
    QCOMPARE(bridge.helpRequested(), help);
    QCOMPARE(bridge.versionRequested(), !help);
    FeedServerCommandLine server;
    QVERIFY(server.parse({QStringLiteral("reorder-feed-server"), argument}, nullptr));
    QCOMPARE(server.helpRequested(), help);
    QCOMPARE(server.versionRequested(), !help);
}

void tst_CommandLine::startup_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("window");
    QTest::addColumn<QString>("language");
    QTest::newRow("window") << QStringList() << true << "";
    QTest::newRow("headless") << QStringList {"--headless"} << false << "";
    QTest::newRow("help") << QStringList {"--help"} << false << "";
    QTest::newRow("version") << QStringList {"-v"} << false << "";
    QTest::newRow("language") << QStringList {"--lang", "ru"} << true << "ru";
    QTest::newRow("language=") << QStringList {"--headless", "--lang=ru"} << false << "ru";
    QTest::newRow("language of an error")
        << QStringList {"--headless", "--lang", "ru", "--window", "x"} << false << "ru";
    QTest::newRow("unknown language: no display to say so")
        << QStringList {"--lang", "de"} << false << "";
    QTest::newRow("bad value: no display to say so")
        << QStringList {"--window", "x"} << false << "";
    // QApplication takes its own arguments out before the real parse.
    QTest::newRow("Qt's own") << QStringList {"-platform", "offscreen"} << true << "";
    QTest::newRow("Qt's own and a bad value")
        << QStringList {"-style", "fusion", "--window", "x"} << true << "";
    QTest::newRow("bad, headless") << QStringList {"--headless", "--colour"} << false << "";
    QTest::newRow("history list: no display") << QStringList {"--history-list"} << false << "";
    QTest::newRow("the window on a history file")
        << QStringList {"--history-file", "h.sqlite"} << true << "";
}

void tst_CommandLine::startup()
{
    QFETCH(QStringList, arguments);
    const CommandLine::Startup s = CommandLine::startup(
        QStringList {QStringLiteral("reorder-monitor")} + arguments, Languages);
    QTEST(s.window, "window");
    QTEST(s.language, "language");
}

void tst_CommandLine::monitorHistory_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("history");
    QTest::addColumn<bool>("list");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    QTest::newRow("not asked") << QStringList {"--headless"} << false << false << ""
                               << "";
    QTest::newRow("the window's history")
        << QStringList {"--headless", "--history"} << true << false << ""
        << "";
    QTest::newRow("a file of its own implies --history")
        << QStringList {"--headless", "--history-file", "/tmp/h.sqlite"} << true << false
        << "/tmp/h.sqlite"
        << "";
    QTest::newRow("list") << QStringList {"--history-list"} << false << true << ""
                          << "";
    QTest::newRow("list a file") << QStringList {"--history-list", "--history-file", "h.sqlite"}
                                 << true << true << "h.sqlite"
                                 << "";
    QTest::newRow("empty file name") << QStringList {"--history-file", ""} << false << false << ""
                                     << "--history-file must not be empty";
    QTest::newRow("list is not a run")
        << QStringList {"--history-list", "--headless"} << false << false << ""
        << "--history-list and --headless exclude each other";
}

void tst_CommandLine::monitorHistory()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QString problem;
    const std::optional<CommandLineOptions> o = parseMonitor(arguments, &problem);
    if (!error.isEmpty()) {
        QVERIFY(!o);
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        return;
    }
    QVERIFY2(o, qPrintable(problem));
    QTEST(o->history, "history");
    QTEST(o->historyList, "list");
    QTEST(o->historyPath, "path");
}

void tst_CommandLine::bridgeDefaults()
{
    QString error;
    const std::optional<BridgeOptions> o = parseBridge({}, &error);
    QVERIFY2(o, qPrintable(error));
    const RedisBridgeConfig &c = o->config;
    const RedisBridgeConfig d;
    QCOMPARE(c.redis.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.redis.port, RedisAddress::DefaultPort);
    QVERIFY(c.redis.password.isEmpty());
    QCOMPARE(c.redis.database, 0);
    QCOMPARE(c.channel, d.channel);
    QCOMPARE(c.channel, QStringLiteral("test_websocket"));
    QVERIFY(!c.isStream());
    QCOMPARE(c.streamFrom, d.streamFrom);
    QCOMPARE(c.name, d.name);
    QCOMPARE(c.group, QStringLiteral("reorder-bridge"));
    QVERIFY(c.consumer.isEmpty());
    QCOMPARE(c.claimIdleMs, d.claimIdleMs);
    QCOMPARE(c.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.listenPort, WireProtocol::DefaultPort);
    QCOMPARE(c.reportIntervalMs, d.reportIntervalMs);
    QCOMPARE(c.maxConsumerBacklogBytes, d.maxConsumerBacklogBytes);
    QVERIFY(!o->quiet);

    BridgeCommandLine line;
    QVERIFY(line.parse({QStringLiteral("reorder-bridge"), QStringLiteral("--help")}, QString(),
                       nullptr));
    const QString help = line.helpText();
    const QString listen = QStringLiteral("Default: 127.0.0.1:%1").arg(WireProtocol::DefaultPort);
    QVERIFY2(optionHelp(help, QStringLiteral("listen")).endsWith(listen), qPrintable(help));
    QVERIFY(
        optionHelp(help, QStringLiteral("redis")).endsWith(QStringLiteral("Default: ") + RedisUrl));
    QVERIFY(optionHelp(help, QStringLiteral("channel"))
                .endsWith(QStringLiteral("Default: ") + d.channel));
    QVERIFY(
        optionHelp(help, QStringLiteral("report-interval")).endsWith(QStringLiteral("Default: 5")));
}

void tst_CommandLine::bridgeIntegers_data()
{
    addIntegerRows({{"report-interval", 0, 86400}, {"max-consumer-backlog", 1, 65536}});
}

void tst_CommandLine::bridgeIntegers()
{
    QFETCH(QString, option);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    QFETCH(QString, error);
    QString problem;
    const std::optional<BridgeOptions> o =
        parseBridge({QStringLiteral("--") + option, text}, &problem);
    QCOMPARE(o.has_value(), valid);
    if (!valid)
        QCOMPARE(problem, error);
    else if (option == QLatin1String("report-interval"))
        QCOMPARE(qint64(o->config.reportIntervalMs), value * 1000);
    else
        QCOMPARE(o->config.maxConsumerBacklogBytes, value << 20);
}

void tst_CommandLine::bridgeParses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("environmentPassword");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("database");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    const int port = WireProtocol::DefaultPort;
    QTest::newRow("channel") << QStringList {"--channel", "c"} << ""
                             << "c"
                             << ""
                             << "$"
                             << "" << 0 << "127.0.0.1" << port;
    QTest::newRow("stream") << QStringList {"--redis",       "redis://h:7/2",
                                            "--stream",      "feed",
                                            "--name",        "b1",
                                            "--stream-from", "0",
                                            "--group",       "g1",
                                            "--claim-idle",  "1500"}
                            << "fromenv"
                            << ""
                            << "feed"
                            << "0"
                            << "fromenv" << 2 << "127.0.0.1" << port;
    QTest::newRow("the URL's password wins")
        << QStringList {"--redis", "redis://:url@h:1"} << "fromenv"
        << "test_websocket"
        << ""
        << "$"
        << "url" << 0 << "127.0.0.1" << port;
    QTest::newRow("listen any port") << QStringList {"--listen", "127.0.0.1:0"} << ""
                                     << "test_websocket"
                                     << ""
                                     << "$"
                                     << "" << 0 << "127.0.0.1" << 0;
    QTest::newRow("listen port only") << QStringList {"--listen", ":9000"} << ""
                                      << "test_websocket"
                                      << ""
                                      << "$"
                                      << "" << 0 << "127.0.0.1" << 9000;
    QTest::newRow("listen localhost") << QStringList {"--listen", "localhost:1"} << ""
                                      << "test_websocket"
                                      << ""
                                      << "$"
                                      << "" << 0 << "127.0.0.1" << 1;
    QTest::newRow("listen ipv6") << QStringList {"--listen", "[::1]:2"} << ""
                                 << "test_websocket"
                                 << ""
                                 << "$"
                                 << "" << 0 << "::1" << 2;
    QTest::newRow("listen any address") << QStringList {"--listen", "0.0.0.0:65535"} << ""
                                        << "test_websocket"
                                        << ""
                                        << "$"
                                        << "" << 0 << "0.0.0.0" << 65535;
}

void tst_CommandLine::bridgeParses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environmentPassword);
    QString error;
    const std::optional<BridgeOptions> o = parseBridge(arguments, &error, environmentPassword);
    QVERIFY2(o, qPrintable(error));
    const RedisBridgeConfig &c = o->config;
    QTEST(c.channel, "channel");
    QTEST(c.stream, "stream");
    QTEST(c.streamFrom, "from");
    QTEST(c.redis.password, "password");
    QTEST(c.redis.database, "database");
    QTEST(c.listenAddress.toString(), "address");
    QTEST(int(c.listenPort), "port");
    if (c.isStream()) {
        // One consumer per process in the group, unless named exactly.
        QCOMPARE(c.group, QStringLiteral("g1"));
        QCOMPARE(c.claimIdleMs, 1500);
        QVERIFY2(c.consumerName().startsWith(QStringLiteral("b1-")), qPrintable(c.consumerName()));
        QVERIFY(c.consumerName().endsWith(
            QStringLiteral("-%1").arg(QCoreApplication::applicationPid())));
        const std::optional<BridgeOptions> named =
            parseBridge(arguments + QStringList {"--consumer", "exact"}, &error);
        QVERIFY2(named, qPrintable(error));
        QCOMPARE(named->config.consumerName(), QStringLiteral("exact"));
    }
}

void tst_CommandLine::bridgeRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // the error starts with this
    QTest::addColumn<QString>("secret"); // never shown
    QTest::newRow("bad url") << QStringList {"--redis", "ws://h"} << "--redis: "
                             << "";
    QTest::newRow("bad port with password")
        << QStringList {"--redis", "redis://u:topsecret@h:99999"} << "--redis: "
        << "topsecret";
    QTest::newRow("tls with password")
        << QStringList {"--redis", "rediss://u:topsecret@h:1"} << "--redis: "
        << "topsecret";
    QTest::newRow("both") << QStringList {"--channel", "a", "--stream", "b"}
                          << "--channel and --stream exclude each other"
                          << "";
    QTest::newRow("empty channel") << QStringList {"--channel", ""} << "--channel must not be empty"
                                   << "";
    QTest::newRow("empty stream") << QStringList {"--stream", ""} << "--stream must not be empty"
                                  << "";
    QTest::newRow("empty name") << QStringList {"--stream", "s", "--name", ""}
                                << "--name must not be empty"
                                << "";
    QTest::newRow("stream-from without stream")
        << QStringList {"--stream-from", "0"} << "--stream-from needs --stream"
        << "";
    QTest::newRow("group without stream")
        << QStringList {"--group", "g"} << "--group needs --stream"
        << "";
    QTest::newRow("consumer without stream")
        << QStringList {"--consumer", "c"} << "--consumer needs --stream"
        << "";
    QTest::newRow("claim-idle without stream")
        << QStringList {"--claim-idle", "5"} << "--claim-idle needs --stream"
        << "";
    QTest::newRow("claim-idle zero")
        << QStringList {"--stream", "s", "--claim-idle", "0"} << "--claim-idle must be"
        << "";
    QTest::newRow("empty consumer")
        << QStringList {"--stream", "s", "--consumer", ""} << "--consumer must not be empty"
        << "";
    QTest::newRow("bad stream-from")
        << QStringList {"--stream", "s", "--stream-from", "+"} << "--stream-from: "
        << "";
    QTest::newRow("listen") << QStringList {"--listen", "nowhere"}
                            << "--listen must be HOST:PORT, not \"nowhere\""
                            << "";
    QTest::newRow("listen without port")
        << QStringList {"--listen", "127.0.0.1"} << "--listen must be HOST:PORT, not \"127.0.0.1\""
        << "";
    QTest::newRow("listen port") << QStringList {"--listen", "127.0.0.1:70000"}
                                 << "--listen must be HOST:PORT, not \"127.0.0.1:70000\""
                                 << "";
    QTest::newRow("listen name") << QStringList {"--listen", "example:1"}
                                 << "--listen must be HOST:PORT, not \"example:1\""
                                 << "";
    QTest::newRow("positional") << QStringList {"extra"} << "unexpected argument: extra"
                                << "";
    QTest::newRow("unknown option") << QStringList {"--window", "5"} << "Unknown option 'window'."
                                    << "";
}

void tst_CommandLine::bridgeRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QFETCH(QString, secret);
    QString problem;
    QVERIFY(!parseBridge(arguments, &problem));
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
    QVERIFY(!problem.contains(QLatin1Char('\n')));
    if (!secret.isEmpty())
        QVERIFY2(!problem.contains(secret), qPrintable(problem));
}

void tst_CommandLine::feedServerDefaults()
{
    QString error;
    const std::optional<FeedServerOptions> o = parseFeedServer({}, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->port, WireProtocol::DefaultPort);
    QCOMPARE(o->host, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!o->tls());
    QVERIFY(!o->quiet);

    FeedServerCommandLine line;
    QVERIFY(line.parse({QStringLiteral("reorder-feed-server"), QStringLiteral("--help")}, nullptr));
    const QString help = line.helpText();
    QVERIFY2(optionHelp(help, QStringLiteral("port"))
                 .endsWith(QStringLiteral("Default: %1").arg(WireProtocol::DefaultPort)),
             qPrintable(help));
    QVERIFY(
        optionHelp(help, QStringLiteral("host")).endsWith(QStringLiteral("Default: 127.0.0.1")));
    QVERIFY(help.contains(WireProtocol::FeedPath));
    QVERIFY(help.contains(WireProtocol::SinkPathPrefix));
}

void tst_CommandLine::feedServerPorts_data()
{
    addIntegerRows({{"port", 0, 65535}});
}

void tst_CommandLine::feedServerPorts()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    QFETCH(QString, error);
    QString problem;
    const std::optional<FeedServerOptions> o =
        parseFeedServer({QStringLiteral("--port"), text}, &problem);
    QCOMPARE(o.has_value(), valid);
    if (valid)
        QCOMPARE(qint64(o->port), value);
    else
        QCOMPARE(problem, error);
}

void tst_CommandLine::feedServerHosts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address"); // empty: refused
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "127.0.0.1";
    QTest::newRow("any") << "0.0.0.0"
                         << "0.0.0.0";
    QTest::newRow("ipv6") << "::1"
                          << "::1";
    QTest::newRow("ipv6 in brackets") << "[::1]"
                                      << "::1";
    QTest::newRow("localhost") << "localhost"
                               << "127.0.0.1";
    QTest::newRow("a name") << "nowhere"
                            << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("five parts") << "1.2.3.4.5"
                                << "";
}

void tst_CommandLine::feedServerHosts()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QString error;
    const std::optional<FeedServerOptions> o =
        parseFeedServer({QStringLiteral("--host"), text}, &error);
    QCOMPARE(o.has_value(), !address.isEmpty());
    if (o)
        QCOMPARE(o->host.toString(), address);
    else
        QCOMPARE(error,
                 QStringLiteral("--host must be an IP address or localhost, not \"%1\"").arg(text));
}

void tst_CommandLine::feedServerRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("tls") << QStringList {"--tls-cert", "c.pem", "--tls-key", "k.pem"} << "";
    QTest::newRow("certificate alone")
        << QStringList {"--tls-cert", "c.pem"} << "--tls-cert and --tls-key go together";
    QTest::newRow("key alone") << QStringList {"--tls-key", "k.pem"}
                               << "--tls-cert and --tls-key go together";
    QTest::newRow("empty certificate")
        << QStringList {"--tls-cert", "", "--tls-key", "k.pem"} << "--tls-cert must not be empty";
    QTest::newRow("positional") << QStringList {"8765"} << "unexpected argument: 8765";
    QTest::newRow("unknown option") << QStringList {"--listen", "x"} << "Unknown option 'listen'.";
}

void tst_CommandLine::feedServerRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QString problem;
    const std::optional<FeedServerOptions> o = parseFeedServer(arguments, &problem);
    QCOMPARE(o.has_value(), error.isEmpty());
    if (o) {
        QVERIFY(o->tls());
        QCOMPARE(o->tlsCertificate, QStringLiteral("c.pem"));
        QCOMPARE(o->tlsKey, QStringLiteral("k.pem"));
    } else {
        QCOMPARE(problem, error);
    }
}

QTEST_APPLESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
