#include "commandline.h"

#include "capture/capturesource.h"
#include "simulator/feedgenerator.h"

#include <QUrlQuery>

#include <limits>

namespace {

// The table of reorder-monitor's options: each declared once, in the order --help lists them.
// Texts are translated in the context "CommandLine".
constexpr char Context[] = "CommandLine";
const RunConfig Defaults; // the defaults shown are the ones a run uses

const FlagOption Headless {
    "headless", QT_TRANSLATE_NOOP("CommandLine", "Run without a window and print the summary.")};
const UrlOption WsUrl {
    "ws-url", QT_TRANSLATE_NOOP("CommandLine", "URL"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "The feed to read (ws:// or wss://). Default: the built-in "
                      "simulator."),
    UrlCheck::webSocketProblem};
const UrlOption RedisUrl {
    "redis-url", QT_TRANSLATE_NOOP("CommandLine", "URL"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Read the feed from Redis instead of a WebSocket: "
                      "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], with --channel or "
                      "--stream. The password may also come from REDIS_PASSWORD."),
    RedisAddress::problem};
const TextOption Channel {"channel", QT_TRANSLATE_NOOP("CommandLine", "NAME"),
                          QT_TRANSLATE_NOOP("CommandLine",
                                            "With --redis-url: subscribe to this pub/sub channel. "
                                            "What is published while the monitor is not "
                                            "subscribed is lost (and shows as missing ids)."),
                          QString(), TextOption::Empty::Refused};
const TextOption Stream {"stream", QT_TRANSLATE_NOOP("CommandLine", "KEY"),
                         QT_TRANSLATE_NOOP("CommandLine",
                                           "With --redis-url: read this Redis stream (XREAD); each "
                                           "entry's \"data\" field (or its first field) is one "
                                           "frame."),
                         QString(), TextOption::Empty::Refused};
const TextOption StreamFrom {"stream-from",
                             QT_TRANSLATE_NOOP("CommandLine", "ID"),
                             QT_TRANSLATE_NOOP("CommandLine",
                                               "With --stream: 0 reads the whole stream, $ only "
                                               "entries added from now on, an entry id what "
                                               "follows it."),
                             Defaults.redis.streamFrom,
                             TextOption::Empty::Allowed,
                             RedisStreamId::problem};
const TextOption Replay {"replay", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                         QT_TRANSLATE_NOOP("CommandLine",
                                           "Run a recorded capture as the feed (instead of "
                                           "--ws-url, --redis-url or the simulator), at its "
                                           "recorded pace times --speed."),
                         QString(), TextOption::Empty::Refused};
const ValueOption<double> Speed {
    "speed",
    QT_TRANSLATE_NOOP("CommandLine", "SPEED"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "With --replay: play the capture this many times faster than it was "
                      "recorded (1, 2, 10, ...), or max: as fast as the run takes it."),
    QT_TRANSLATE_NOOP("CommandLine", "a number from 0.001 to 1000, or max"),
    CaptureSource::speedFromText,
    QStringLiteral("1")};
const TextOption Capture {"capture", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                          QT_TRANSLATE_NOOP("CommandLine",
                                            "Record the feed as it arrives into FILE: every frame "
                                            "with its time, and the connection's drops (JSON "
                                            "Lines; gzip when FILE ends in .gz). --replay plays it "
                                            "back."),
                          QString(), TextOption::Empty::Refused};
const UrlOption SendUrl {"send-url", QT_TRANSLATE_NOOP("CommandLine", "URL"),
                         QT_TRANSLATE_NOOP("CommandLine",
                                           "Where to forward the ordered messages. Default: the "
                                           "built-in simulator's sink when the feed is built in, "
                                           "else nowhere."),
                         UrlCheck::webSocketProblem};
const IntegerOption Count {
    "count",
    QT_TRANSLATE_NOOP("CommandLine", "N"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "End the run after N accepted messages (0: when the feed closes)."),
    0,
    std::numeric_limits<qint64>::max(),
    qint64(Defaults.count)};
const ValueOption<qint64> Window {
    "window",
    QT_TRANSLATE_NOOP("CommandLine", "W"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Reorder window W: the heap's capacity in stream mode; auto: W follows the "
                      "feed's disorder, up to the maximum window."),
    QT_TRANSLATE_NOOP("CommandLine", "an integer from 1 to 1073741824, or auto"),
    RunConfig::windowFromText,
    QString::number(RunConfig::DefaultWindow)};
const IntegerOption MaxWindow {
    "max-window",
    QT_TRANSLATE_NOOP("CommandLine", "N"),
    QT_TRANSLATE_NOOP("CommandLine", "With --window auto: the largest W it may grow to."),
    1,
    RunConfig::MaxWindow,
    RunConfig::DefaultMaxWindow};
const ChoiceOption<ReorderMode> Mode {
    "mode",
    QT_TRANSLATE_NOOP("CommandLine", "MODE"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "stream: forward as soon as order allows; batch: hold the whole run and "
                      "send it sorted at the end."),
    {ReorderMode::Stream, ReorderMode::Batch},
    UrlCheck::modeName,
    Defaults.mode};
const IntegerOption MaxHold {"max-hold",
                             QT_TRANSLATE_NOOP("CommandLine", "MS"),
                             QT_TRANSLATE_NOOP("CommandLine",
                                               "Stream mode: release a message held longer than "
                                               "MS milliseconds, giving up what it waits for (0: "
                                               "off)."),
                             0,
                             86400000,
                             Defaults.maxHoldMs};
const IntegerOption StartId {
    "start-id", QT_TRANSLATE_NOOP("CommandLine", "ID"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "The first expected id (default: learned from the first W messages)."),
    std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()};
const TextOption Csv {"csv", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                      QT_TRANSLATE_NOOP("CommandLine",
                                        "Write one row per message to FILE (a folder: a file "
                                        "named after the sink and the start time, inside it).")};
const TextOption Report {"report", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                         QT_TRANSLATE_NOOP("CommandLine",
                                           "Write the JSON report to FILE (a folder: a file named "
                                           "after the sink and the start time, inside it).")};
const TextOption Sim {"sim",
                      QT_TRANSLATE_NOOP("CommandLine", "QUERY"),
                      QT_TRANSLATE_NOOP("CommandLine",
                                        "Feed parameters of the built-in simulator, as a query "
                                        "string (count, disorder, start, seed, rate, delay, dup, "
                                        "gap, junk, oversize, drop, drops, replay, closecode, "
                                        "stall, size; docs/PROTOCOL.md)."),
                      CommandLine::defaultSimulatorQuery(),
                      TextOption::Empty::Allowed,
                      CommandLine::simulatorQueryProblem};
const TextOption SinkName {"sink-name",
                           QT_TRANSLATE_NOOP("CommandLine", "NAME"),
                           QT_TRANSLATE_NOOP("CommandLine",
                                             "The built-in sink's name: the last part of its "
                                             "URL."),
                           QStringLiteral("reorder-monitor"),
                           TextOption::Empty::Refused,
                           CommandLine::sinkNameProblem};
const IntegerOption MaxFrameBytes {"max-frame-bytes",
                                   QT_TRANSLATE_NOOP("CommandLine", "BYTES"),
                                   QT_TRANSLATE_NOOP("CommandLine",
                                                     "Frames larger than this are malformed "
                                                     "(counted, not forwarded)."),
                                   16,
                                   16 * 1024 * 1024,
                                   Defaults.maxFrameBytes};
const IntegerOption ConnectTimeout {
    "connect-timeout",
    QT_TRANSLATE_NOOP("CommandLine", "MS"),
    QT_TRANSLATE_NOOP("CommandLine", "Give up connecting after MS milliseconds."),
    100,
    600000,
    Defaults.connectTimeoutMs};
const IntegerOption ReconnectAttempts {
    "reconnect-attempts",
    QT_TRANSLATE_NOOP("CommandLine", "N"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Reconnect a dropped feed or sink up to N times in a row, with exponential "
                      "backoff (0: never)."),
    0,
    1000,
    Defaults.feedReconnect.maxAttempts};
const IntegerOption IdleTimeout {
    "idle-timeout",
    QT_TRANSLATE_NOOP("CommandLine", "MS"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "End the run when nothing moved for MS milliseconds: no frame from the feed "
                      "and no confirmation from the sink (time spent reconnecting the feed "
                      "excluded). The report says so (end_reason idle_timeout). 0: wait "
                      "forever."),
    0,
    86400000,
    Defaults.idleTimeoutMs};
const IntegerOption BatchMemoryMb {
    "batch-memory-mb",
    QT_TRANSLATE_NOOP("CommandLine", "MB"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Batch mode: past this much memory held (an estimate), stop reading the "
                      "feed, send what is held and fail with a clear message (exit status 1). "
                      "Stream mode needs only the window."),
    1,
    1024 * 1024,
    qint64(Defaults.batchMemoryBytes >> 20)};
const IntegerOption MaxBacklog {
    "max-backlog",
    QT_TRANSLATE_NOOP("CommandLine", "MB"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Memory budget for what the run holds while the sink is behind (the "
                      "window's frames and the frames the sink has not confirmed): past it the "
                      "feed is paused; a Redis channel, which cannot wait, drops (see "
                      "--on-overflow)."),
    1,
    1024 * 1024,
    qint64(Defaults.maxBacklogBytes >> 20)};
const ChoiceOption<BacklogOverflow> OnOverflow {
    "on-overflow",
    QT_TRANSLATE_NOOP("CommandLine", "WHAT"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "A feed that cannot be paused (a Redis channel) past --max-backlog: drop "
                      "what arrives, counted with its ids (the run FAILs), or end the run."),
    {BacklogOverflow::Drop, BacklogOverflow::EndRun},
    RunConfig::overflowName,
    Defaults.backlogOverflow};
const IntegerOption DrainTimeout {
    "drain-timeout",
    QT_TRANSLATE_NOOP("CommandLine", "MS"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "After the feed ends, wait for the sink as long as it confirms frames; give "
                      "up after MS milliseconds without any (what it did not confirm FAILs the "
                      "run)."),
    100,
    86400000,
    Defaults.drainTimeoutMs};
const FlagOption Strict {"strict",
                         QT_TRANSLATE_NOOP("CommandLine",
                                           "Exit with status 1 on WARN too (the feed was "
                                           "unhealthy: missing ids, duplicates, malformed "
                                           "frames, or nothing arrived).")};
const FlagOption Insecure {"insecure",
                           QT_TRANSLATE_NOOP("CommandLine",
                                             "Accept certificate errors on wss:// (the connection "
                                             "is then not authenticated).")};
const TextOption Analyze {
    "analyze", QT_TRANSLATE_NOOP("CommandLine", "CAPTURE"),
    QT_TRANSLATE_NOOP("CommandLine",
                      "Print the what-if table of a capture and exit: late messages, lost ids, "
                      "hold times and memory for W = 1, 2, 4 ... 65536, the recorded run's W, "
                      "the recommended one and auto, with max-hold off, 1, 10, 100 and 1000 ms. "
                      "--window and --max-hold name the setting to compare (default: the "
                      "recorded run's)."),
    QString(), TextOption::Empty::Refused};
const FlagOption Json {
    "json", QT_TRANSLATE_NOOP("CommandLine", "With --analyze: print the table as JSON.")};
const FlagOption NoWhatIf {
    "no-what-if",
    QT_TRANSLATE_NOOP("CommandLine",
                      "Leave the what-if table out of the report (it costs a few bytes of memory a "
                      "message and some seconds at the end of a long run).")};
const FlagOption History {
    "history",
    QT_TRANSLATE_NOOP("CommandLine",
                      "Keep the run in the runs history the window shows (its settings, "
                      "report, verdict, charts and the paths of its files), in the "
                      "app's data folder.")};
const TextOption HistoryFile {"history-file", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                              QT_TRANSLATE_NOOP("CommandLine",
                                                "The runs history to use instead of the window's: "
                                                "an SQLite database, created if missing (implies "
                                                "--history)."),
                              QString(), TextOption::Empty::Refused};
const FlagOption HistoryList {
    "history-list",
    QT_TRANSLATE_NOOP("CommandLine",
                      "Print the runs history, newest first, one line each: id, "
                      "started, name, verdict, counts, source; then exit.")};
const FlagOption Quiet {"quiet", QT_TRANSLATE_NOOP("CommandLine", "Print nothing but errors.")};
const TextOption Lang {
    "lang", QT_TRANSLATE_NOOP("CommandLine", "LANG"),
    QT_TRANSLATE_NOOP("CommandLine", "User interface language (en, ru). Default: the system's.")};
const TextOption Screenshot {
    "screenshot", QT_TRANSLATE_NOOP("CommandLine", "FILE"),
    QT_TRANSLATE_NOOP("CommandLine", "Window: run the demo, save a screenshot to FILE and exit.")};

template<typename To, typename From> std::optional<To> narrowed(const std::optional<From> &value)
{
    return value ? std::optional<To>(To(*value)) : std::nullopt;
}

} // namespace

QString CommandLine::defaultSimulatorQuery()
{
    return QStringLiteral("count=100000&disorder=50&seed=1");
}

QString CommandLine::simulatorQueryProblem(const QString &query)
{
    QString error;
    return FeedParams::fromQuery(QUrlQuery(query), &error) ? QString() : error;
}

QString CommandLine::sinkNameProblem(const QString &name)
{
    return name.contains(QLatin1Char('/')) ? tr("\"%1\" must not contain '/'").arg(name)
                                           : QString();
}

CommandLine::Startup CommandLine::startup(const QStringList &arguments,
                                          const QStringList &languages)
{
    CommandLine line(languages);
    const bool parsed = line.parse(arguments, nullptr).has_value();
    const CommandLineBasics &b = line.m_basics;
    Startup s;
    // Unknown options may be QApplication's own (-platform, -style): it takes them out of the
    // arguments before the real parse. Any other bad argument is reported without a display.
    s.window = !b.isSet(Headless) && !b.isSet(Analyze) && !b.isSet(HistoryList)
        && !b.asksForHelpOrVersion() && (parsed || b.hasUnknownOptions());
    // The language asked for, even when another argument is bad: that error is printed in it.
    const QString language = b.text(Lang);
    if (languages.contains(language))
        s.language = language;
    return s;
}

CommandLine::CommandLine(const QStringList &languages)
    : m_basics(Context,
               tr("Reorders an out-of-order WebSocket feed of JSON messages by id, forwards it in "
                  "order and proves it.\nWithout --ws-url (or --redis-url) the built-in feed "
                  "simulator is started on a free loopback port and both URLs point at it."),
               {&Headless,
                &WsUrl,
                &RedisUrl,
                &Channel,
                &Stream,
                &StreamFrom,
                &Replay,
                &Speed,
                &Capture,
                &SendUrl,
                &Count,
                &Window,
                &MaxWindow,
                &Mode,
                &MaxHold,
                &StartId,
                &Csv,
                &Report,
                &Sim,
                &SinkName,
                &MaxFrameBytes,
                &ConnectTimeout,
                &ReconnectAttempts,
                &IdleTimeout,
                &BatchMemoryMb,
                &MaxBacklog,
                &OnOverflow,
                &DrainTimeout,
                &Strict,
                &Insecure,
                &Analyze,
                &Json,
                &NoWhatIf,
                &History,
                &HistoryFile,
                &HistoryList,
                &Quiet,
                &Lang,
                &Screenshot})
    , m_languages(languages)
{ }

std::optional<CommandLineOptions> CommandLine::parse(const QStringList &arguments, QString *error)
{
    CommandLineBasics &b = m_basics;
    const auto failed = [&b, error]() -> std::optional<CommandLineOptions> {
        if (error)
            *error = b.error().value_or(QString());
        return std::nullopt;
    };
    if (!b.parse(arguments))
        return failed();

    CommandLineOptions o;
    o.headless = b.isSet(Headless);
    o.analyzePath = b.value(Analyze);
    o.json = b.isSet(Json);
    o.whatIf = !b.isSet(NoWhatIf);
    if (o.json && o.analyzePath.isEmpty())
        b.fail(tr("%1 needs %2").arg(Json.flag(), Analyze.flag()));
    o.quiet = b.isSet(Quiet);
    o.csvPath = b.value(Csv);
    o.reportPath = b.value(Report);
    o.screenshotPath = b.value(Screenshot);
    o.sinkName = b.value(SinkName);
    o.language = b.value(Lang);
    o.historyPath = b.given(HistoryFile).value_or(QString());
    o.history = b.isSet(History) || !o.historyPath.isEmpty();
    o.historyList = b.isSet(HistoryList);
    if (o.historyList && b.isSet(Headless))
        b.fail(tr("%1 and %2 exclude each other").arg(HistoryList.flag(), Headless.flag()));
    if (!o.language.isEmpty() && !m_languages.isEmpty() && !m_languages.contains(o.language))
        b.fail(Lang.mustBe(CommandOption::oneOf(m_languages), o.language));

    RunOverrides &r = o.run;
    r.insecure = b.isSet(Insecure);
    r.strict = b.isSet(Strict);
    r.feedUrl = b.given(WsUrl);
    r.sinkUrl = b.given(SendUrl);
    if (const std::optional<qint64> window = b.given(Window)) {
        r.autoWindow = *window == RunConfig::AutoWindow;
        if (!*r.autoWindow)
            r.window = window;
    }
    r.maxWindow = b.given(MaxWindow);
    r.mode = b.given(Mode);
    if (r.maxWindow && !r.autoWindow.value_or(false))
        b.fail(tr("%1 needs %2 auto").arg(MaxWindow.flag(), Window.flag()));
    if (r.autoWindow.value_or(false) && r.mode == ReorderMode::Batch)
        b.fail(tr("%1 auto works in stream mode only").arg(Window.flag()));
    r.maxHoldMs = b.given(MaxHold);
    r.startId = b.given(StartId);
    r.count = narrowed<quint64>(b.given(Count));
    r.maxFrameBytes = narrowed<qsizetype>(b.given(MaxFrameBytes));
    r.connectTimeoutMs = narrowed<int>(b.given(ConnectTimeout));
    r.reconnectAttempts = narrowed<int>(b.given(ReconnectAttempts));
    r.idleTimeoutMs = narrowed<int>(b.given(IdleTimeout));
    if (const std::optional<qint64> mebibytes = b.given(BatchMemoryMb))
        r.batchMemoryBytes = quint64(*mebibytes) << 20;
    if (const std::optional<qint64> mebibytes = b.given(MaxBacklog))
        r.maxBacklogBytes = quint64(*mebibytes) << 20;
    r.backlogOverflow = b.given(OnOverflow);
    r.drainTimeoutMs = narrowed<int>(b.given(DrainTimeout));

    // Redis: a URL with exactly one of a channel and a stream.
    const std::optional<QUrl> redisUrl = b.given(RedisUrl);
    const std::optional<QString> channel = b.given(Channel);
    const std::optional<QString> stream = b.given(Stream);
    const std::optional<QString> streamFrom = b.given(StreamFrom);
    if (redisUrl) {
        if (r.feedUrl)
            b.fail(tr("%1 and %2 exclude each other").arg(WsUrl.flag(), RedisUrl.flag()));
        if (channel.has_value() == stream.has_value())
            b.fail(
                tr("%1 needs either %2 or %3").arg(RedisUrl.flag(), Channel.flag(), Stream.flag()));
        if (streamFrom && !stream)
            b.fail(tr("%1 needs %2").arg(StreamFrom.flag(), Stream.flag()));
        RedisFeedConfig redis;
        redis.url = *redisUrl;
        redis.channel = channel.value_or(QString());
        redis.stream = stream.value_or(QString());
        redis.streamFrom = streamFrom.value_or(redis.streamFrom);
        r.redis = redis;
    } else if (channel || stream || streamFrom) {
        b.fail(tr("%1, %2 and %3 need %4")
                   .arg(Channel.flag(), Stream.flag(), StreamFrom.flag(), RedisUrl.flag()));
    }
    r.replayPath = b.given(Replay);
    r.replaySpeed = b.given(Speed);
    r.capturePath = b.given(Capture);
    if (r.replayPath && (r.feedUrl || redisUrl))
        b.fail(tr("%1 excludes %2 and %3").arg(Replay.flag(), WsUrl.flag(), RedisUrl.flag()));
    if (r.replaySpeed && !r.replayPath)
        b.fail(tr("%1 needs %2").arg(Speed.flag(), Replay.flag()));

    // The built-in simulator's feed ends after --count messages unless --sim says otherwise.
    const auto withCount = [&r](const QString &query) {
        QUrlQuery q(query);
        if (!q.hasQueryItem(QStringLiteral("count")) && r.count.value_or(0) > 0)
            q.addQueryItem(QStringLiteral("count"), QString::number(*r.count));
        return q.toString(QUrl::FullyEncoded);
    };
    const std::optional<QString> sim = b.given(Sim);
    if (sim)
        r.simulatorQuery = withCount(*sim);
    o.simulatorQuery = withCount(sim.value_or(Sim.defaultValue()));

    if (b.error())
        return failed();
    return o;
}
