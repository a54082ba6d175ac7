// reorder-soak: a long stream-mode run through faults, as the hardening issue asks. 10,000,000
// messages (--count N) with random junk, duplicates and gaps; the feed vanishes several times
// (--drops K) and resumes where it stopped, replaying its last frames, so repeated ids arrive;
// the sink vanishes K times mid-send, so the monitor resends what it had not confirmed; and the
// sink stops reading for a while every --stall-every frames (--stall-ms), so the monitor's
// backlog fills to its flow-control marks again and again.
//
// Two processes, so that the memory measured is the monitor's alone and a crash is counted
// instead of ending the soak:
//  - this one hosts the feed simulator and its sink (SimulatorHost), and judges the outcome
//    against what the simulator generated and what its sink received;
//  - a child runs the monitor (RunController, as reorder-monitor --headless does) and reports
//    its RSS after 1M messages and after all of them.
//
// Prints the messages lost (must be 0), the crashes (0), the RSS after 1M and after N messages
// (stream mode must stay flat within 10%), the throughput and the wall time. Exit status 0 only
// when all of these pass.
#include "benchutil.h"
#include "run/runcontroller.h"
#include "simulator/simulatorhost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>

using namespace BenchUtil;

namespace {

constexpr quint64 DefaultCount = 10000000;
constexpr quint64 EarlySample = 1000000; // the first RSS figure: after this many messages
constexpr double FlatWithin = 0.10;
constexpr qint64 DefaultWindow = 256;
constexpr quint64 DefaultSeed = 2024;
constexpr quint64 DefaultDrops = 3;
constexpr quint64 DefaultStallEvery = 500000; // the first stall comes before the 1M sample
constexpr int DefaultStallMs = 1000;
constexpr double FaultRate = 0.001; // junk, duplicates and gaps: 0.1% each
constexpr quint64 Disorder = 100; // displacement, below the window
constexpr quint64 Replay = 1000; // frames a resumed feed sends again
const QString SinkName = QStringLiteral("soak");
const QString ResultTag = QStringLiteral("result ");

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

struct Options
{
    quint64 count = DefaultCount;
    qint64 window = DefaultWindow;
    quint64 seed = DefaultSeed;
    quint64 drops = DefaultDrops;
    quint64 stallEvery = DefaultStallEvery; // 0: the sink never stalls
    int stallMs = DefaultStallMs;
    QString capture; // set: the monitor records its feed into this capture
};

// --- the child: the monitor alone ------------------------------------------------------------

// Runs the monitor; progress lines for the operator, then one "result key=value ..." line.
int runMonitor(const Options &options, const QUrl &feedUrl, const QUrl &sinkUrl)
{
    RunConfig config;
    config.feedUrl = feedUrl;
    config.sinkUrl = sinkUrl;
    config.mode = ReorderMode::Stream;
    config.window = options.window;
    config.drainTimeoutMs = 120000;
    config.capturePath = options.capture;

    RunController controller;
    qint64 earlyRss = -1;
    quint64 earlyAt = 0;
    qint64 maxRssAfterEarly = 0;
    quint64 nextProgress = options.count / 10;
    QElapsedTimer clock;
    QObject::connect(&controller, &RunController::statsUpdated, &controller,
                     [&](const RunStats &s) {
                         const quint64 sent = s.counters.sent;
                         const qint64 rss = residentKiB();
                         if (earlyRss >= 0)
                             maxRssAfterEarly = std::max(maxRssAfterEarly, rss);
                         if (sent < nextProgress)
                             return;
                         nextProgress = sent - sent % (options.count / 10) + options.count / 10;
                         say(QStringLiteral("  %1 s: %2 sent, %3 unconfirmed (peak %4), "
                                            "RSS %5 MiB")
                                 .arg(double(clock.elapsed()) / 1000.0, 6, 'f', 1)
                                 .arg(sent, 9)
                                 .arg(s.counters.forwarded - s.counters.confirmed, 7)
                                 .arg(s.counters.sinkBacklogPeak)
                                 .arg(mib(rss), 0, 'f', 1));
                     });
    QObject::connect(&controller, &RunController::notice, &controller,
                     [](const QString &m) { say(QStringLiteral("  monitor: %1").arg(m)); });
    RunReport report;
    qint64 endRss = -1;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::finished, &loop, [&](const RunReport &r) {
        // Every message received, sent and confirmed; nothing torn down yet.
        endRss = residentKiB();
        report = r;
        loop.quit();
    });
    // The first figure as close to 1M sent as the event loop allows (stats come every 250 ms).
    QTimer early;
    early.setInterval(5);
    QObject::connect(&early, &QTimer::timeout, &controller, [&] {
        const quint64 sent = controller.stats().counters.sent;
        if (sent < EarlySample)
            return;
        earlyRss = residentKiB();
        earlyAt = sent;
        early.stop();
    });
    early.start();
    clock.start();
    controller.start(config);
    loop.exec();

    const RunCounters &c = report.counters;
    say(report.summary());
    say(ResultTag
        + QStringLiteral("passed=%1 sent=%2 confirmed=%3 late=%4 lost_ids=%5 resent=%6 "
                         "unprotected=%7 feed_drops=%8 sink_drops=%9 backlog_peak=%10 "
                         "rss_early_kib=%11 early_at=%12 rss_end_kib=%13 rss_max_kib=%14 "
                         "peak_kib=%15 throughput=%16")
              .arg(!report.failed() ? 1 : 0)
              .arg(c.sent)
              .arg(c.confirmed)
              .arg(c.late)
              .arg(c.lostIds)
              .arg(c.resent)
              .arg(c.unprotected)
              .arg(c.feedDrops)
              .arg(c.sinkDrops)
              .arg(c.sinkBacklogPeak)
              .arg(earlyRss)
              .arg(earlyAt)
              .arg(endRss)
              .arg(std::max(maxRssAfterEarly, endRss))
              .arg(peakResidentKiB())
              .arg(report.throughput, 0, 'f', 0));
    return 0;
}

// --- the parent: feed, sink and verdict ------------------------------------------------------

QHash<QString, QString> parseResult(const QString &line)
{
    QHash<QString, QString> values;
    for (const QString &pair : line.mid(ResultTag.size()).split(QLatin1Char(' '))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            values.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return values;
}

int runSoak(const Options &options)
{
    SimulatorHost host;
    if (!host.start(0)) {
        say(QStringLiteral("reorder-soak: cannot start the simulator: %1").arg(host.errorString()));
        return 2;
    }
    FeedSimulator *sim = host.simulator();

    // The feed drops after every quarter of the run (for K = 3) and resumes, replaying its last
    // frames; the sink drops at other points, mid-send.
    FeedParams feed;
    feed.count = options.count;
    feed.disorder = Disorder;
    feed.seed = options.seed;
    feed.dup = FaultRate;
    feed.gap = FaultRate;
    feed.junk = FaultRate;
    feed.dropAfter =
        options.drops > 0 ? std::max<quint64>(options.count / (options.drops + 1), 1) : 0;
    feed.drops = options.drops;
    feed.replay = Replay;
    QUrl sinkUrl = sim->sinkUrl(SinkName);
    QUrlQuery sinkQuery;
    if (options.drops > 0) {
        const quint64 sinkDropAfter = std::max<quint64>(options.count / (options.drops + 2), 1);
        sinkQuery.addQueryItem(QStringLiteral("drop"), QString::number(sinkDropAfter));
        sinkQuery.addQueryItem(QStringLiteral("drops"), QString::number(options.drops));
    }
    if (options.stallEvery > 0) {
        sinkQuery.addQueryItem(QStringLiteral("stall"), QString::number(options.stallEvery));
        sinkQuery.addQueryItem(QStringLiteral("stallms"), QString::number(options.stallMs));
    }
    sinkUrl.setQuery(sinkQuery);

    say(QStringLiteral("reorder-soak: %1 messages, stream mode, window %2, seed %3; junk, "
                       "duplicates and gaps %4% each; the feed drops %5 times (every %6 frames, "
                       "replaying %7), the sink %5 times (every %8 frames) and stops reading "
                       "for %9 ms every %10 frames; monitor in a child process, feed and sink in "
                       "this one")
            .arg(options.count)
            .arg(options.window)
            .arg(options.seed)
            .arg(FaultRate * 100)
            .arg(options.drops)
            .arg(feed.dropAfter)
            .arg(Replay)
            .arg(QUrlQuery(sinkUrl).queryItemValue(QStringLiteral("drop")))
            .arg(options.stallMs)
            .arg(options.stallEvery));

    QProcess child;
    child.setProcessChannelMode(QProcess::MergedChannels);
    QString pending;
    QString resultLine;
    QObject::connect(&child, &QProcess::readyRead, &child, [&] {
        pending += QString::fromLocal8Bit(child.readAll());
        qsizetype nl;
        while ((nl = pending.indexOf(QLatin1Char('\n'))) >= 0) {
            const QString line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith(ResultTag))
                resultLine = line;
            else
                say(line);
        }
    });
    QEventLoop loop;
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&child, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    // A hung monitor is a failure too: about 1 ms per 100 messages is far beyond any run seen.
    bool hung = false;
    QTimer::singleShot(int(std::min<quint64>(options.count / 100 + 120000, 3600000)), &loop, [&] {
        hung = true;
        child.kill();
    });

    QElapsedTimer wall;
    wall.start();
    QStringList arguments {QStringLiteral("--child"),
                           QStringLiteral("--count"),
                           QString::number(options.count),
                           QStringLiteral("--window"),
                           QString::number(options.window),
                           QStringLiteral("--feed-url"),
                           sim->feedUrl(feed).toString(),
                           QStringLiteral("--sink-url"),
                           sinkUrl.toString()};
    if (!options.capture.isEmpty())
        arguments << QStringLiteral("--capture") << options.capture;
    child.start(QCoreApplication::applicationFilePath(), arguments);
    loop.exec();
    child.waitForFinished(5000);
    const double wallSeconds = double(wall.elapsed()) / 1000.0;
    pending += QString::fromLocal8Bit(child.readAll()); // a last line without its newline
    if (pending.startsWith(ResultTag))
        resultLine = pending.trimmed();

    // The sink's last connection is closed by the monitor; let the simulator see it end.
    QElapsedTimer settle;
    settle.start();
    while (sim->openConnections() > 0 && settle.elapsed() < 10000)
        QThread::msleep(20);

    const bool crashed = child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0
        || resultLine.isEmpty() || hung;
    const QList<FeedStats> sessions = sim->feedSessions();
    const FeedStats generated = sessions.isEmpty() ? FeedStats() : sessions.last();
    const SinkStats sink = sim->sinkStats(SinkName);
    host.stop();
    const QHash<QString, QString> r = parseResult(resultLine);
    auto num = [&](const char *key) {
        return r.value(QLatin1String(key)).toLongLong();
    };

    // Lost: ids the feed generated that the sink never received; repeats count once.
    const qint64 lost = qint64(generated.messages) - qint64(sink.validation.unique);
    // Nothing accepted went missing or out of order: the sink and the monitor miss exactly the
    // ids the feed skipped, the sink got no junk, and every connection's ids were strictly
    // increasing; repeats across connections are frames the monitor resent after a drop (at least
    // once), never more.
    const quint64 resent = quint64(num("resent"));
    const bool faithful = lost == 0 && generated.finished
        && sink.validation.missingIds == generated.gaps && sink.malformed == 0
        && sink.disorderedConnections == 0 && sink.validation.duplicates <= resent
        && num("late") == 0 && num("unprotected") == 0 && quint64(num("lost_ids")) == generated.gaps
        && num("passed") == 1;
    const bool faultsHappened = generated.drops >= options.drops && sink.drops >= options.drops
        && quint64(num("feed_drops")) >= options.drops
        && quint64(num("sink_drops")) >= options.drops
        && (options.stallEvery == 0 || sink.stalls >= options.count / options.stallEvery);
    const qint64 earlyKiB = num("rss_early_kib");
    const qint64 endKiB = num("rss_end_kib");
    const double growth = earlyKiB > 0 ? double(endKiB) / double(earlyKiB) - 1.0 : 0.0;
    const bool flat = earlyKiB > 0 && endKiB > 0 && growth <= FlatWithin;

    say(QStringLiteral("feed: %1 ids generated (%2 frames, %3 duplicates incl. %4 replayed, %5 "
                       "junk, %6 gaps), %7 drops; sink: %8 unique ids (%9 frames, %10 repeats, "
                       "%11 missing ids, %12 malformed, %13 connections out of order), %14 drops, "
                       "%15 stalls; monitor: %16 sent, %17 resent, sink backlog peak %18")
            .arg(generated.messages)
            .arg(generated.frames)
            .arg(generated.duplicates)
            .arg(generated.replayed)
            .arg(generated.junk)
            .arg(generated.gaps)
            .arg(generated.drops)
            .arg(sink.validation.unique)
            .arg(sink.frames)
            .arg(sink.validation.duplicates)
            .arg(sink.validation.missingIds)
            .arg(sink.malformed)
            .arg(sink.disorderedConnections)
            .arg(sink.drops)
            .arg(sink.stalls)
            .arg(num("sent"))
            .arg(resent)
            .arg(num("backlog_peak")));
    const bool ok = !crashed && faithful && faultsHappened && flat;
    const QString memory = earlyKiB <= 0 || endKiB <= 0
        ? QStringLiteral("RSS not measured")
        : QStringLiteral("RSS after %1M %2 MiB, after %3M %4 MiB (%5%6%, %7), highest after "
                         "1M %8 MiB, peak %9 MiB")
              .arg(double(num("early_at")) / 1e6, 0, 'f', 2)
              .arg(mib(earlyKiB), 0, 'f', 1)
              .arg(double(options.count) / 1e6, 0, 'f', 0)
              .arg(mib(endKiB), 0, 'f', 1)
              .arg(growth >= 0 ? QStringLiteral("+") : QString())
              .arg(growth * 100.0, 0, 'f', 1)
              .arg(flat ? QStringLiteral("flat") : QStringLiteral("NOT flat"))
              .arg(mib(num("rss_max_kib")), 0, 'f', 1)
              .arg(mib(num("peak_kib")), 0, 'f', 1);
    QStringList problems;
    if (hung)
        problems << QStringLiteral("the monitor hung and was killed");
    else if (crashed)
        problems << QStringLiteral("the monitor crashed (%1)")
                        .arg(child.exitStatus() == QProcess::NormalExit
                                 ? QStringLiteral("exit code %1").arg(child.exitCode())
                                 : QStringLiteral("killed by a signal"));
    else if (!faithful)
        problems << QStringLiteral("delivery check FAILED");
    if (!crashed && !faultsHappened)
        problems << QStringLiteral("fewer drops than asked");
    say(QStringLiteral(
            "SOAK %1: messages lost %2, crashes %3; %4; throughput %5 msg/s; wall %6 s%7")
            .arg(ok ? QStringLiteral("PASSED") : QStringLiteral("FAILED"))
            .arg(lost)
            .arg(crashed ? 1 : 0)
            .arg(memory)
            .arg(r.value(QStringLiteral("throughput"), QStringLiteral("0")))
            .arg(wallSeconds, 0, 'f', 1)
            .arg(problems.isEmpty() ? QString()
                                    : QStringLiteral("; ") + problems.join(QStringLiteral("; "))));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Soak: a long stream-mode run through feed and sink drops; prints the "
        "messages lost, the crashes and the monitor's RSS after 1M and at the end."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Messages (distinct ids), at least 2M."),
                                         QStringLiteral("N"), QString::number(DefaultCount));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("Reorder window."), QStringLiteral("W"),
                                          QString::number(DefaultWindow));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Feed seed."),
                                        QStringLiteral("S"), QString::number(DefaultSeed));
    const QCommandLineOption dropsOption(QStringLiteral("drops"),
                                         QStringLiteral("Times the feed and the sink each drop."),
                                         QStringLiteral("K"), QString::number(DefaultDrops));
    const QCommandLineOption stallEveryOption(
        QStringLiteral("stall-every"),
        QStringLiteral("The sink stops reading after every N frames (0: never)."),
        QStringLiteral("N"), QString::number(DefaultStallEvery));
    const QCommandLineOption stallMsOption(QStringLiteral("stall-ms"),
                                           QStringLiteral("How long each stall lasts."),
                                           QStringLiteral("MS"), QString::number(DefaultStallMs));
    const QCommandLineOption captureOption(
        QStringLiteral("capture"),
        QStringLiteral("The monitor records its feed into FILE (.gz: compressed) as it goes."),
        QStringLiteral("FILE"));
    QCommandLineOption childOption(QStringLiteral("child"));
    QCommandLineOption feedOption(QStringLiteral("feed-url"), QString(), QStringLiteral("URL"));
    QCommandLineOption sinkOption(QStringLiteral("sink-url"), QString(), QStringLiteral("URL"));
    for (QCommandLineOption *internal : {&childOption, &feedOption, &sinkOption})
        internal->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({countOption, windowOption, seedOption, dropsOption, stallEveryOption,
                       stallMsOption, captureOption, childOption, feedOption, sinkOption});
    parser.process(app);

    Options options;
    bool countOk = false, windowOk = false, seedOk = false, dropsOk = false;
    options.count = parser.value(countOption).toULongLong(&countOk);
    options.window = parser.value(windowOption).toLongLong(&windowOk);
    options.seed = parser.value(seedOption).toULongLong(&seedOk);
    options.drops = parser.value(dropsOption).toULongLong(&dropsOk);
    bool stallOk = false, stallMsOk = false;
    options.stallEvery = parser.value(stallEveryOption).toULongLong(&stallOk);
    options.stallMs = parser.value(stallMsOption).toInt(&stallMsOk);
    options.capture = parser.value(captureOption);
    if (!countOk || options.count < 2 * EarlySample || !windowOk || options.window < 1 || !seedOk
        || !dropsOk || options.drops > 100 || !stallOk || !stallMsOk || options.stallMs < 0
        || options.stallMs > 600000) {
        std::fprintf(stderr, "reorder-soak: bad option (--count needs at least %llu)\n",
                     static_cast<unsigned long long>(2 * EarlySample));
        return 2;
    }
    if (parser.isSet(childOption))
        return runMonitor(options, QUrl(parser.value(feedOption)), QUrl(parser.value(sinkOption)));
    return runSoak(options);
}
