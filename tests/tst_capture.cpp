#include "capture/capturereader.h"
#include "capture/capturesource.h"
#include "capture/capturewriter.h"
#include "run/runcontroller.h"
#include "runtoend.h"
#include "simulator/feedsimulator.h"
#include "simulator/simulatorhost.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <tuple>

#include <zlib.h>

// Captures: the format round trip, what the reader refuses, a capture cut by a crash, a replay
// that gives the same run, the pace of a replay, and reorder-feed-server --replay.
class tst_Capture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void readerRefuses_data();
    void readerRefuses();
    void cutCaptureReadsUpToTheCut_data();
    void cutCaptureReadsUpToTheCut();
    void gzipMembersAndOlderStreams();
    void replayGivesTheSameRun();
    void replayKeepsThePace_data();
    void replayKeepsThePace();
    void feedServerServesTheCapture();
    void recordingStopsAtItsCap();
    void killedRecorderLosesAtMostASecond();

private:
    struct Recorded
    {
        RunReport report;
        QList<QPair<qint64, qint64>> released; // (id, distance) in output order
    };
    Recorded run(RunConfig config);

    QTemporaryDir m_dir;
    SimulatorHost m_host;
    FeedSimulator *m_sim = nullptr;
    int m_sinks = 0;
};

namespace {

constexpr int RunTimeoutMs = 60000;

QList<CaptureEntry> sampleEntries()
{
    QList<CaptureEntry> entries;
    const auto text = [](qint64 at, const QString &t) {
        return CaptureEntry {CaptureEntry::Kind::Text, at, t, {}, 0, {}};
    };
    entries << CaptureEntry {CaptureEntry::Kind::Opened, 10, {}, {}, 0, {}}
            << text(11, QStringLiteral(R"({"id":1,"text":"plain"})"))
            << text(12, QStringLiteral("{\"id\":2,\"text\":\"quote \\\" back\\\\slash\"}"))
            << text(13, QStringLiteral("tab\there\nnew line\r and \x01 control"))
            << text(14, QStringLiteral(u"{\"id\":3,\"text\":\"привет 😀\"}"))
            << text(15, QString(QChar(0xFEFF)) + QStringLiteral(R"({"id":4})"))
            << text(16, QString()) << CaptureEntry {CaptureEntry::Kind::Binary,        17, {},
                                                    QByteArray("\x00\xff\x80 bin", 7), 0,  {}}
            << CaptureEntry {CaptureEntry::Kind::Dropped,
                             18,
                             {},
                             {},
                             0,
                             QStringLiteral("connection lost without a close frame")}
            << CaptureEntry {CaptureEntry::Kind::Reconnected, 19, {}, {}, 0, {}}
            << text(20, QString(70000, QLatin1Char('x')))
            << CaptureEntry {CaptureEntry::Kind::Closed, 21, {}, {}, 1000, QStringLiteral("done")};
    return entries;
}

CaptureHeader sampleHeader()
{
    CaptureHeader h;
    h.source = QStringLiteral("ws://127.0.0.1:1/raw-messages");
    h.startedAt = QDateTime::currentDateTime();
    h.settings.insert(QStringLiteral("window"), 64);
    return h;
}

QString write(const QString &path, const QList<CaptureEntry> &entries)
{
    CaptureWriter writer;
    if (QString e = writer.open(path, sampleHeader()); !e.isEmpty())
        return e;
    for (const CaptureEntry &e : entries)
        writer.add(e);
    return writer.close();
}

QList<CaptureEntry> readAll(const QString &path, QString *stop = nullptr)
{
    CaptureReader reader;
    QList<CaptureEntry> out;
    if (!reader.open(path).isEmpty())
        return out;
    CaptureEntry e;
    while (reader.next(&e))
        out << e;
    if (stop)
        *stop = reader.stopReason();
    return out;
}

} // namespace

void tst_Capture::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_host.start(0), qPrintable(m_host.errorString()));
    m_sim = m_host.simulator();
    m_sim->setRecordSinkFrames(true);
}

void tst_Capture::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "round.jsonl";
    QTest::newRow("gzip") << "round.jsonl.gz";
}

void tst_Capture::roundTrip()
{
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    const QList<CaptureEntry> entries = sampleEntries();
    QCOMPARE(write(path, entries), QString());
    CaptureReader reader;
    QCOMPARE(reader.open(path), QString());
    QCOMPARE(reader.header().source, sampleHeader().source);
    QCOMPARE(reader.header().settings.value(QStringLiteral("window")).toInt(), 64);
    QString stop;
    const QList<CaptureEntry> back = readAll(path, &stop);
    QCOMPARE(stop, QString());
    QCOMPARE(back.size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(back[i].kind, entries[i].kind);
        QCOMPARE(back[i].atUs, entries[i].atUs);
        QCOMPARE(back[i].text, entries[i].text); // exactly, a leading BOM included
        QCOMPARE(back[i].bytes, entries[i].bytes);
        QCOMPARE(back[i].code, entries[i].code);
        QCOMPARE(back[i].reason, entries[i].reason);
    }
    // Readable with standard tools: one JSON object per line (gunzip first for .gz).
    if (!name.endsWith(QLatin1String(".gz"))) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), entries.size() + 1);
    } else {
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
        QVERIFY(gunzip.waitForFinished(10000));
        QCOMPARE(gunzip.exitCode(), 0);
        QCOMPARE(gunzip.readAllStandardOutput().count('\n'), entries.size() + 1);
    }
}

void tst_Capture::readerRefuses_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("words");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("other JSON") << QByteArray("{\"hello\":1}\n{\"t\":1}\n") << "not a capture";
    QTest::newRow("not JSON") << QByteArray("id,text\n1,2\n") << "not a capture";
    QTest::newRow("future version")
        << QByteArray("{\"format\":\"reorder-capture\",\"version\":99}\n") << "version 99";
    QTest::newRow("header cut") << QByteArray("{\"format\":\"reorder-cap") << "cut short";
}

void tst_Capture::readerRefuses()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, words);
    const QString path = m_dir.filePath(QStringLiteral("refused-%1").arg(QTest::currentDataTag()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    CaptureReader reader;
    const QString error = reader.open(path);
    QVERIFY2(error.contains(words), qPrintable(error));
}

void tst_Capture::cutCaptureReadsUpToTheCut_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "cut.jsonl";
    QTest::newRow("gzip") << "cut.jsonl.gz";
}

void tst_Capture::cutCaptureReadsUpToTheCut()
{
    // A capture whose end a crash cut off, anywhere: it reads whole lines up to the cut, says
    // where it stopped, and never returns a half line.
    QFETCH(QString, name);
    const QString whole = m_dir.filePath(name);
    QList<CaptureEntry> entries;
    for (int i = 0; i < 20000; ++i)
        entries << CaptureEntry {CaptureEntry::Kind::Text,
                                 i,
                                 QStringLiteral(R"({"id":%1,"text":"line %1"})").arg(i),
                                 {},
                                 0,
                                 {}};
    QCOMPARE(write(whole, entries), QString());
    QFile file(whole);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const double fraction : {0.3, 0.61, 0.97}) {
        const QString cut = whole + QStringLiteral(".cut");
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes.left(qsizetype(double(bytes.size()) * fraction)));
        out.close();
        QString stop;
        const QList<CaptureEntry> back = readAll(cut, &stop);
        QVERIFY2(!back.isEmpty() && back.size() < entries.size(), qPrintable(stop));
        for (qsizetype i = 0; i < back.size(); ++i)
            QCOMPARE(back[i].text, entries[i].text);
        QVERIFY2(stop.contains(QStringLiteral("read up to line")), qPrintable(stop));
    }
}

void tst_Capture::gzipMembersAndOlderStreams()
{
    // The writer makes a gzip member of each batch; the reader reads them one after another,
    // whatever their number, as it reads the single stream with sync points that captures
    // were written as before.
    QList<CaptureEntry> entries;
    for (int i = 0; i < 40000; ++i)
        entries << CaptureEntry {CaptureEntry::Kind::Text,
                                 i,
                                 QStringLiteral(R"({"id":%1,"text":"member %1"})").arg(i),
                                 {},
                                 0,
                                 {}};
    const QString members = m_dir.filePath(QStringLiteral("members.jsonl.gz"));
    QCOMPARE(write(members, entries), QString());
    QString stop;
    QList<CaptureEntry> back = readAll(members, &stop);
    QCOMPARE(stop, QString());
    QCOMPARE(back.size(), entries.size());
    QCOMPARE(back.last().text, entries.last().text);

    // The same lines as one zlib stream, a sync point every thousand lines, properly ended:
    // and once more with its end cut off after the last sync point.
    QByteArray lines = QJsonDocument(sampleHeader().toJson()).toJson(QJsonDocument::Compact);
    lines += '\n';
    QByteArray older;
    z_stream z {};
    QCOMPARE(deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    const auto deflateSome = [&](const QByteArray &in, int flush) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        z.avail_in = uInt(in.size());
        char out[64 * 1024];
        do {
            z.next_out = reinterpret_cast<Bytef *>(out);
            z.avail_out = sizeof(out);
            deflate(&z, flush);
            older.append(out, qsizetype(sizeof(out) - z.avail_out));
        } while (z.avail_out == 0);
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        CaptureWriter::encode(lines, entries[i]);
        if ((i + 1) % 1000 == 0) {
            deflateSome(lines, Z_SYNC_FLUSH);
            lines.clear();
        }
    }
    const QByteArray beforeEnd = older;
    deflateSome(lines, Z_FINISH);
    deflateEnd(&z);
    for (const auto &[name, bytes, expected] :
         {std::tuple {QStringLiteral("older.jsonl.gz"), older, entries.size()},
          std::tuple {QStringLiteral("older-cut.jsonl.gz"), beforeEnd, entries.size()}}) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        back = readAll(path, &stop);
        QCOMPARE(back.size(), expected);
        QCOMPARE(back.last().text, entries.last().text);
    }
}

tst_Capture::Recorded tst_Capture::run(RunConfig config)
{
    config.recordEvents = true;
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("capture%1").arg(++m_sinks));
    RunController controller;
    Recorded r;
    QHash<quint64, qint64> ids; // arrival index -> id
    connect(&controller, &RunController::eventsReady, this, [&](const RunEventBatch &batch) {
        for (const MessageArrival &a : batch.arrivals)
            ids.insert(a.index, a.id);
        for (const MessageRelease &m : batch.releases)
            r.released.append({ids.value(m.arrivalIndex), m.distance});
    });
    r.report = runToEnd(config, &controller, RunTimeoutMs);
    return r;
}

void tst_Capture::replayGivesTheSameRun()
{
    // A run on a faulty, disordered feed, recorded; its capture replayed at full speed gives
    // the same counts, the same output order and the same distances.
    FeedParams params;
    params.count = 30000;
    params.disorder = 60;
    params.dup = 0.01;
    params.gap = 0.01;
    params.junk = 0.01;
    params.seed = 11;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.window = 128;
    config.capturePath = m_dir.filePath(QStringLiteral("same.jsonl.gz"));
    const Recorded original = run(config);
    QVERIFY2(!original.report.failed(), qPrintable(original.report.summary()));

    RunConfig replay;
    replay.feedKind = FeedKind::Capture;
    replay.replayPath = config.capturePath;
    replay.replaySpeed = 0; // max
    replay.window = 128;
    const Recorded again = run(replay);
    const RunCounters &a = original.report.counters;
    const RunCounters &b = again.report.counters;
    QCOMPARE(b.received, a.received);
    QCOMPARE(b.accepted, a.accepted);
    QCOMPARE(b.malformed, a.malformed);
    QCOMPARE(b.duplicates, a.duplicates);
    QCOMPARE(b.late, a.late);
    QCOMPARE(b.sent, a.sent);
    QCOMPARE(b.missingIds, a.missingIds);
    QCOMPARE(b.maxDistance, a.maxDistance);
    QCOMPARE(b.recommendedWindow, a.recommendedWindow);
    QCOMPARE(again.report.verdict.level, original.report.verdict.level);
    QCOMPARE(again.released, original.released); // ids in order, each with its distance
}

void tst_Capture::replayKeepsThePace_data()
{
    QTest::addColumn<double>("speed");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("4x") << 4.0;
}

void tst_Capture::replayKeepsThePace()
{
    // A feed paced at 1,000 messages/s for 1.5 s, recorded; replayed at 1x it lasts as long,
    // at 4x a quarter of that (loosely: the machine is shared).
    QFETCH(double, speed);
    const QString path = m_dir.filePath(QStringLiteral("paced.jsonl"));
    if (!QFile::exists(path)) {
        FeedParams params;
        params.count = 1500;
        params.rate = 1000;
        params.disorder = 5;
        RunConfig config;
        config.feedUrl = m_sim->feedUrl(params);
        config.capturePath = path;
        QVERIFY(!run(config).report.failed());
    }
    CaptureReader reader;
    QCOMPARE(reader.open(path), QString());
    CaptureEntry e;
    qint64 first = -1, last = 0;
    while (reader.next(&e)) {
        if (!e.isFrame())
            continue;
        if (first < 0)
            first = e.atUs;
        last = e.atUs;
    }
    const double recordedMs = double(last - first) / 1000.0;
    QVERIFY(recordedMs > 1200);

    CaptureSource source(path, speed);
    QSignalSpy ended(&source, &MessageSource::ended);
    QElapsedTimer clock;
    int frames = 0;
    qint64 firstMs = -1, lastMs = 0;
    connect(&source, &MessageSource::textReceived, this, [&] {
        const qint64 now = clock.elapsed();
        if (firstMs < 0)
            firstMs = now;
        lastMs = now;
        ++frames;
    });
    clock.start();
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 20000);
    QCOMPARE(frames, 1500);
    const double playedMs = double(lastMs - firstMs);
    const double expected = recordedMs / speed;
    QVERIFY2(
        playedMs > expected * 0.9 && playedMs < expected * 1.25 + 50,
        qPrintable(QStringLiteral("played %1 ms, expected %2 ms").arg(playedMs).arg(expected)));
}

void tst_Capture::feedServerServesTheCapture()
{
    // reorder-feed-server --replay, as any client sees it: the recorded frames byte for byte,
    // in their order, then a normal close.
    const QString path = m_dir.filePath(QStringLiteral("served.jsonl.gz"));
    QCOMPARE(write(path, sampleEntries()), QString());
    QProcess server;
    server.start(QStringLiteral(REORDER_FEED_SERVER_BIN),
                 {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--replay"), path,
                  QStringLiteral("--speed"), QStringLiteral("max")});
    QVERIFY(server.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += server.readAllStandardOutput()).contains("feed: "), 10000);
    const QString feedLine = QString::fromUtf8(out)
                                 .section(QStringLiteral("feed: "), 1)
                                 .section(QLatin1Char('\n'), 0, 0);
    QWebSocket client;
    QStringList texts;
    QList<QByteArray> binaries;
    connect(&client, &QWebSocket::textMessageReceived, this,
            [&texts](const QString &t) { texts << t; });
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&binaries](const QByteArray &b) { binaries << b; });
    QSignalSpy closed(&client, &QWebSocket::disconnected);
    client.open(QUrl(feedLine.trimmed()));
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QStringList expected;
    for (const CaptureEntry &e : sampleEntries()) {
        if (e.kind == CaptureEntry::Kind::Text)
            expected << e.text;
    }
    // Qt's client drops a leading byte order mark when it decodes a frame; compare past it.
    for (QString &t : expected) {
        if (t.startsWith(QChar(0xFEFF)))
            t.remove(0, 1);
    }
    QCOMPARE(texts, expected);
    QCOMPARE(binaries.size(), 1);
    QCOMPARE(binaries.first(), QByteArray("\x00\xff\x80 bin", 7));
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

void tst_Capture::recordingStopsAtItsCap()
{
    // Past its size cap the capture stops growing and says so; the run goes on and passes.
    FeedParams params;
    params.count = 200000;
    params.disorder = 10;
    RunConfig config;
    config.feedUrl = m_sim->feedUrl(params);
    config.capturePath = m_dir.filePath(QStringLiteral("capped.jsonl"));
    config.captureMaxBytes = 256 * 1024;
    RunController controller;
    QStringList notices;
    connect(&controller, &RunController::notice, this,
            [&notices](const QString &n) { notices << n; });
    config.sinkUrl = m_sim->sinkUrl(QStringLiteral("capped"));
    const RunReport report = runToEnd(config, &controller, RunTimeoutMs);
    QCOMPARE(report.verdict.level, Verdict::Pass);
    QCOMPARE(report.counters.sent, quint64(200000));
    QVERIFY2(notices.join(' ').contains(QStringLiteral("size cap")),
             qPrintable(notices.join('\n')));
    const qint64 size = QFileInfo(config.capturePath).size();
    QVERIFY2(size >= 256 * 1024 && size < 4 * 1024 * 1024, qPrintable(QString::number(size)));
    QString stop;
    QVERIFY(!readAll(config.capturePath, &stop).isEmpty());
}

void tst_Capture::killedRecorderLosesAtMostASecond()
{
    // The real monitor recording a feed of 2,000 messages/s is killed (SIGKILL): its capture
    // holds everything but the last second or so, and reads up to where it was cut.
    const QString path = m_dir.filePath(QStringLiteral("killed.jsonl.gz"));
    QProcess monitor;
    monitor.start(QStringLiteral(REORDER_MONITOR_BIN),
                  {QStringLiteral("--headless"), QStringLiteral("--quiet"), QStringLiteral("--sim"),
                   QStringLiteral("count=0&rate=2000&disorder=10"), QStringLiteral("--capture"),
                   path});
    QVERIFY(monitor.waitForStarted());
    QTest::qWait(3500);
    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(10000));
    QString stop;
    const QList<CaptureEntry> entries = readAll(path, &stop);
    qsizetype frames = 0;
    for (const CaptureEntry &e : entries)
        frames += e.isFrame() ? 1 : 0;
    // About 3 s of feed were received; at most about a second of it may be missing.
    QVERIFY2(frames >= 3000, qPrintable(QStringLiteral("%1 frames; %2").arg(frames).arg(stop)));
}

QTEST_GUILESS_MAIN(tst_Capture)
#include "tst_capture.moc"
