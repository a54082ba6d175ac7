// reorder-bench: throughput and memory of the reorder buffer alone, codec + buffer, and the whole
// pipeline end to end over loopback, for W = 16, 1024 and 65536; plus a bare QWebSocket client
// (parse and forward, unordered) as the baseline the pipeline is measured against.
#include "benchutil.h"
#include "protocol/messagecodec.h"
#include "reorder/reorderbuffer.h"
#include "run/runcontroller.h"
#include "simulator/feedgenerator.h"
#include "simulator/simulatorhost.h"

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

void benchBuffer(qint64 window, quint64 count)
{
    const std::vector<FeedFrame> frames = generate(feedFor(window, count));
    std::vector<qint64> ids;
    ids.reserve(frames.size());
    for (const FeedFrame &f : frames)
        ids.push_back(f.id);
    resetPeak();
    const qint64 before = residentKiB();
    ReorderConfig config;
    config.window = window;
    config.startId = 0;
    ReorderBuffer buffer(config);
    std::vector<ReleasedMessage> released;
    released.reserve(std::size_t(window) + 2);
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
    const double seconds = double(t.nsecsElapsed()) / 1e9;
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
    ReorderConfig config;
    config.window = window;
    config.startId = 0;
    ReorderBuffer buffer(config);
    std::vector<ReleasedMessage> released;
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
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    row("spaced shuffled ids", window, double(count) / seconds, peakResidentKiB() - before,
        QStringLiteral("%1 ids in %2 s%3")
            .arg(count)
            .arg(seconds, 0, 'f', 2)
            .arg(out == count ? QString() : QStringLiteral(" - RELEASED %1").arg(out)));
}

// Baseline: a client that parses each frame and forwards it at once, unordered.
void benchBareClient(quint64 count)
{
    SimulatorHost host;
    host.start(0);
    FeedSimulator *sim = host.simulator();
    QWebSocket feed, sink;
    QEventLoop loop;
    quint64 forwarded = 0;
    QElapsedTimer t;
    QObject::connect(&feed, &QWebSocket::textMessageReceived, [&](const QString &frame) {
        if (MessageCodec::decode(frame).isValid()) {
            sink.sendTextMessage(frame);
            ++forwarded;
        }
    });
    QObject::connect(&feed, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
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
