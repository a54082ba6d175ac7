// reorder-bench: throughput and memory of the reorder buffer alone, codec + buffer, and the whole
// pipeline end to end over loopback, for W = 16, 1024 and 65536; plus a bare client
// (parse and forward, unordered) as the baseline the pipeline is measured against.
#include "advisor/whatif.h"
#include "benchutil.h"
#include "protocol/messagecodec.h"
#include "reorder/reorderbuffer.h"
#include "run/runcontroller.h"
#include "simulator/feedgenerator.h"
#include "simulator/simulatorhost.h"
#include "transport/websocketreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <random>
#include <utility>

using namespace BenchUtil;

namespace {

constexpr qint64 Windows[] = {16, 1024, 65536};

void row(const char *stage, qint64 window, double rate, qint64 peakKiB,
         const QString &note = QString())
{
    std::printf("%-24s W=%-6lld %s msg/s   peak RSS %7.1f MiB  %s\n", stage,
                static_cast<long long>(window), qPrintable(formatRate(rate)),
                double(peakKiB) / 1024.0, qPrintable(note));
    std::fflush(stdout);
}

// Displacement below the window, as the feed simulator makes it.
FeedParams feedFor(qint64 window, quint64 count)
{
    FeedParams p;
    p.count = count;
    p.disorder = quint64(std::max<qint64>(1, window / 2));
    p.seed = 42;
    return p;
}

std::vector<FeedFrame> generate(const FeedParams &params)
{
    std::vector<FeedFrame> frames;
    frames.reserve(params.count);
    FeedGenerator g(params);
    FeedFrame f;
    while (g.next(f))
        frames.push_back(std::move(f));
    return frames;
}

// Pushes the ids through a reorder buffer of W = `window` and flushes it: how many came out,
// in how many seconds.
std::pair<quint64, double> pushAll(const std::vector<qint64> &ids, qint64 window)
{
    ReorderConfig config;
    config.window = window;
    config.startId = 0;
    ReorderBuffer buffer(config);
    std::vector<ReleasedMessage> released;
    released.reserve(std::size_t(std::min<qint64>(window, 65536)) + 2);
    QElapsedTimer t;
    t.start();
    quint64 out = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        released.clear();
        buffer.push(ids[i], quint32(i), qint64(i), released);
        out += released.size();
    }
    released.clear();
    buffer.flush(released);
    out += released.size();
    return {out, double(t.nsecsElapsed()) / 1e9};
}

void benchBuffer(qint64 window, quint64 count)
{
    const std::vector<FeedFrame> frames = generate(feedFor(window, count));
    std::vector<qint64> ids;
    ids.reserve(frames.size());
    for (const FeedFrame &f : frames)
        ids.push_back(f.id);
    resetPeak();
    const qint64 before = residentKiB();
    const auto [out, seconds] = pushAll(ids, window);
    if (out != count)
        std::printf("!! buffer released %llu of %llu\n", static_cast<unsigned long long>(out),
                    static_cast<unsigned long long>(count));
    row("buffer alone", window, double(count) / seconds, peakResidentKiB() - before,
        QStringLiteral("(above the input)"));
}

void benchCodecAndBuffer(qint64 window, quint64 count)
{
    const std::vector<FeedFrame> frames = generate(feedFor(window, count));
    resetPeak();
    const qint64 before = residentKiB();
    ReorderConfig config;
    config.window = window;
    config.startId = 0;
    ReorderBuffer buffer(config);
    std::vector<QString> payloads(std::size_t(window) * 2 + 2);
    std::vector<ReleasedMessage> released;
    QElapsedTimer t;
    t.start();
    quint64 out = 0;
    quint32 next = 0;
    for (const FeedFrame &f : frames) {
        const DecodedMessage m = MessageCodec::decode(f.text);
        if (!m.isValid())
            continue;
        const quint32 slot = next++ % quint32(payloads.size());
        payloads[slot] = f.text;
        released.clear();
        buffer.push(m.id, slot, 0, released);
        for (const ReleasedMessage &r : released)
            out += payloads[r.slot].size() > 0;
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    row("codec + buffer", window, double(count) / seconds, peakResidentKiB() - before,
        QStringLiteral("(above the input)"));
    Q_UNUSED(out)
}

// `capture`: "" none, else the capture's file suffix (".jsonl" or ".jsonl.gz").
void benchEndToEnd(qint64 window, quint64 count, const QString &capture = QString())
{
    QTemporaryDir dir;
    SimulatorHost host;
    if (!host.start(0)) {
        std::printf("!! cannot start the simulator\n");
        return;
    }
    FeedSimulator *sim = host.simulator();
    RunConfig config;
    config.feedUrl = sim->feedUrl(feedFor(window, count));
    config.sinkUrl = sim->sinkUrl(QStringLiteral("bench"));
    config.window = window;
    config.startId = 0;
    if (!capture.isEmpty())
        config.capturePath = dir.filePath(QStringLiteral("bench") + capture);
    resetPeak();
    RunController controller;
    RunReport report;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::finished, &loop, [&](const RunReport &r) {
        report = r;
        loop.quit();
    });
    controller.start(config);
    loop.exec();
    const bool ok = !report.failed() && report.counters.sent == count
        && sim->sinkStats(QStringLiteral("bench")).validation.ordered();
    const QString what = capture.isEmpty() ? QStringLiteral("end to end (loopback)")
                                           : QStringLiteral("  + capture %1").arg(capture);
    row(qPrintable(what), window, report.throughput, peakResidentKiB(),
        ok ? (capture.isEmpty()
                  ? QStringLiteral("ordered, %1 confirmed; simulator in this process")
                        .arg(report.counters.confirmed)
                  : QStringLiteral("capture of %1 MB")
                        .arg(double(QFileInfo(config.capturePath).size()) / 1e6, 0, 'f', 1))
           : QStringLiteral("FAILED: %1").arg(report.summary()));
    host.stop();
}

// Shuffled ids a million apart with a window that holds them all: every buffered id lies beyond
// the ring that tracks ids near the next expected one, so this measures the "far" ids' set.
void benchSpaced(qint64 window, quint64 count)
{
    std::vector<qint64> ids(count);
    for (quint64 i = 0; i < count; ++i)
        ids[i] = qint64(i) * 1000003;
    std::mt19937_64 rng(42);
    std::shuffle(ids.begin(), ids.end(), rng);
    resetPeak();
    const qint64 before = residentKiB();
    const auto [out, seconds] = pushAll(ids, window);
    row("spaced shuffled ids", window, double(count) / seconds, peakResidentKiB() - before,
        QStringLiteral("%1 ids in %2 s%3")
            .arg(count)
            .arg(seconds, 0, 'f', 2)
            .arg(out == count ? QString() : QStringLiteral(" - RELEASED %1").arg(out)));
}

// Baseline: a client that parses each frame and forwards it at once, unordered, on the
// sockets the monitor uses (WebSocketReader for the feed, QWebSocket for the sink).
void benchBareClient(quint64 count)
{
    SimulatorHost host;
    host.start(0);
    FeedSimulator *sim = host.simulator();
    WebSocketReader feed;
    QWebSocket sink;
    QEventLoop loop;
    quint64 forwarded = 0;
    QElapsedTimer t;
    QObject::connect(&feed, &WebSocketReader::textReceived, [&](const QString &frame) {
        if (MessageCodec::decode(frame).isValid()) {
            sink.sendTextMessage(frame);
            ++forwarded;
        }
    });
    QObject::connect(&feed, &WebSocketReader::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&sink, &QWebSocket::connected, [&] {
        t.start();
        feed.open(sim->feedUrl(feedFor(1024, count)));
    });
    sink.open(sim->sinkUrl(QStringLiteral("bare")));
    loop.exec();
    sink.flush();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    row("bare client, unordered", 0, double(forwarded) / seconds, peakResidentKiB(),
        QStringLiteral("(the socket's own cost)"));
    host.stop();
}

} // namespace

// Each stage runs in a child process of its own, so that its peak RSS is its own.
// The what-if advisor on the feed (disorder 20, 400 from 30 %, 20 from 70 %; 0.1 % of
// the ids missing; 200,000 messages a second): 20 settings, then the whole table; and the
// adaptive window against the fixed ones, as the table gives them.
void benchWhatIf(quint64 count)
{
    FeedParams p;
    p.count = count;
    p.gap = 0.001;
    p.seed = 7;
    QString error;
    p.disorderSteps =
        FeedParams::fromQuery(QUrlQuery(QStringLiteral("disorder=20,400@30%25,20@70%25")), &error)
            ->disorderSteps;
    p.disorder = 20;
    ArrivalLog log;
    FeedGenerator g(p);
    FeedFrame f;
    qint64 at = 0;
    while (g.next(f)) {
        if (f.kind == FeedFrame::Kind::Message)
            log.append(f.id, at += 5000);
    }
    QList<WhatIfSetting> twenty;
    for (qint64 w = 1; w <= 65536; w *= 2)
        twenty.append(WhatIfSetting {w, 0});
    twenty.append(WhatIfSetting {400, 0});
    twenty.append(WhatIfSetting {WhatIfSetting::AutoWindow, 0});
    twenty.append(WhatIfSetting {400, 10});
    QElapsedTimer clock;
    clock.start();
    WhatIfTable::analyseSettings(log, twenty, std::nullopt);
    const double twentyS = double(clock.nsecsElapsed()) / 1e9;
    std::printf("what-if: %llu arrivals x %lld settings in %.2f s (%s arrivals/s over all "
                "settings; log %.1f bytes an arrival)\n",
                static_cast<unsigned long long>(log.size()), static_cast<long long>(twenty.size()),
                twentyS,
                qPrintable(formatRate(double(log.size()) * double(twenty.size()) / twentyS)),
                double(log.bytes()) / double(log.size()));
    WhatIfRun run;
    run.window = 1024;
    const WhatIfTable table = WhatIfTable::analyse(log, run);
    std::printf("what-if: the whole table, %lld settings, in %.2f s; suggested W %lld\n",
                static_cast<long long>(table.rows.size()), table.seconds,
                static_cast<long long>(table.suggestedWindow));
    const auto show = [&](const char *name, const WhatIfSetting &setting) {
        const WhatIfRow *r = table.find(setting);
        if (!r)
            return;
        std::printf("  %-14s late %7llu (%.4f %%)  hold p99 %8.3f ms  max W %lld\n", name,
                    static_cast<unsigned long long>(r->late),
                    100.0 * double(r->late) / double(table.arrivals), r->holdP99Ms,
                    static_cast<long long>(r->windowLargest));
    };
    show("auto", WhatIfSetting {WhatIfSetting::AutoWindow, 0});
    show("W 32", WhatIfSetting {32, 0});
    show("W 512", WhatIfSetting {512, 0});
    show("W 4096", WhatIfSetting {4096, 0});
    const QByteArray best = QByteArray("best W ") + QByteArray::number(table.suggestedWindow);
    show(best.constData(), WhatIfSetting {table.suggestedWindow, 0});
    std::fflush(stdout);
}

int runStage(const QString &stage, qint64 window, quint64 count)
{
    if (stage == QLatin1String("buffer"))
        benchBuffer(window, count * 5);
    else if (stage == QLatin1String("codec"))
        benchCodecAndBuffer(window, count);
    else if (stage == QLatin1String("bare"))
        benchBareClient(count);
    else if (stage == QLatin1String("e2e"))
        benchEndToEnd(window, count);
    else if (stage == QLatin1String("e2e-capture"))
        benchEndToEnd(window, count, QStringLiteral(".jsonl"));
    else if (stage == QLatin1String("e2e-capture-gz"))
        benchEndToEnd(window, count, QStringLiteral(".jsonl.gz"));
    else if (stage == QLatin1String("spaced"))
        benchSpaced(window, count);
    else if (stage == QLatin1String("whatif"))
        benchWhatIf(count);
    else
        return 2;
    return 0;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    quint64 count = 1000000;
    const qsizetype countAt = args.indexOf(QStringLiteral("--count"));
    if (countAt > 0 && countAt + 1 < args.size())
        count = args.at(countAt + 1).toULongLong();
    const qsizetype stageAt = args.indexOf(QStringLiteral("--stage"));
    if (stageAt > 0 && stageAt + 2 < args.size())
        return runStage(args.at(stageAt + 1), args.at(stageAt + 2).toLongLong(), count);

    std::printf("reorder-bench: %llu messages per stage (buffer alone: 5x), displacement W/2, "
                "each stage in its own process\n",
                static_cast<unsigned long long>(count));
    std::fflush(stdout);
    auto child = [&](const char *stage, qint64 window, quint64 n) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--stage"), QLatin1String(stage), QString::number(window),
                 QStringLiteral("--count"), QString::number(n)});
        p.waitForFinished(-1);
    };
    for (qint64 w : Windows)
        child("buffer", w, count);
    // Widely spaced ids, shuffled, W large: time must grow as n log n, not n^2.
    for (quint64 n : {200000, 400000, 800000})
        child("spaced", qint64(1) << 20, n);
    child("whatif", 0, count);
    for (qint64 w : Windows)
        child("codec", w, count);
    child("bare", 0, count);
    for (qint64 w : Windows)
        child("e2e", w, count);
    // Recording a capture of the feed on the way (issue "Runs that last": under 10% slower).
    child("e2e", 1024, count);
    child("e2e-capture", 1024, count);
    child("e2e-capture-gz", 1024, count);
    return 0;
}
