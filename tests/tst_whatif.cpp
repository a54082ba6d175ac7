#include "advisor/arrivallog.h"
#include "advisor/capturearrivals.h"
#include "advisor/whatif.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <limits>

using namespace TestUtil;

namespace {

using Result = ProcessResult;

Result runMonitor(const QStringList &arguments, int timeoutMs = 120000)
{
    return runProcess(QStringLiteral(REORDER_MONITOR_BIN), arguments, timeoutMs);
}

// An external feed: a WebSocket server of the test's own that sends `frames` to whoever
// connects, then closes normally.
class ExternalFeed : public QObject
{
public:
    explicit ExternalFeed(QStringList frames)
        : m_frames(std::move(frames))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this); // gone with the feed, whether it disconnected or not
            for (const QString &frame : m_frames)
                socket->sendTextMessage(frame);
            socket->close(QWebSocketProtocol::CloseCodeNormal);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        });
    }
    QString url() const
    {
        return QStringLiteral("ws://127.0.0.1:%1/feed").arg(m_server.serverPort());
    }

private:
    QWebSocketServer m_server {QStringLiteral("feed"), QWebSocketServer::NonSecureMode};
    QStringList m_frames;
};

QString message(qint64 id)
{
    return QStringLiteral("{\"id\":%1,\"text\":\"m%1\"}").arg(id);
}

// Ids 0..n-1 in a rough order: shuffled in blocks of varying size, a few very late, some
// repeated, some missing, junk between.
QStringList roughFeed(int n, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<qint64> ids;
    for (qint64 id = 0; id < n; ++id) {
        if (random.bounded(1000) >= 3) // 0.3 % never sent
            ids << id;
    }
    for (qsizetype i = 0; i < ids.size();) {
        const qsizetype block = 1 + random.bounded(i > ids.size() / 2 ? 20 : 150);
        const qsizetype end = std::min(ids.size(), i + block);
        for (qsizetype j = end - 1; j > i; --j)
            ids.swapItemsAt(j, i + random.bounded(j - i + 1));
        i = end;
    }
    for (int k = 0; k < 10; ++k) { // very late: moved 2,000 places later
        const qsizetype from = random.bounded(ids.size() - 2500);
        ids.insert(from + 2000, ids.takeAt(from));
    }
    QStringList frames;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        frames << message(ids[i]);
        if (random.bounded(200) == 0)
            frames << message(ids[random.bounded(i + 1)]); // a repeat of one already sent
        if (random.bounded(300) == 0)
            frames << QStringLiteral("{\"id\":\"x\"}");
    }
    return frames;
}

QJsonObject analyse(const QString &capture, const QStringList &more = {})
{
    const Result r = runMonitor(
        QStringList {QStringLiteral("--analyze"), capture, QStringLiteral("--json")} + more);
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.out + r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject row(const QJsonObject &table, const QJsonValue &window, qint64 maxHoldMs = 0)
{
    for (const QJsonValue &v : table.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("window")) == window
            && o.value(QStringLiteral("max_hold_ms")).toInteger() == maxHoldMs)
            return o;
    }
    return {};
}

} // namespace

class tst_WhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void arrivalLogRoundTrip();
    void arrivalLogCap();
    void tableOnAKnownFeed();
    void rowsEqualRealRuns_data();
    void rowsEqualRealRuns();
    void externalFeedOwnWindow();
    void reportCarriesTheTable();
    void analyzeRefusesWhatIsNotACapture();

private:
    QTemporaryDir m_dir;
    QString m_capture; // the built-in simulator's feed, recorded
};

void tst_WhatIf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("sim.jsonl.gz"));
    const Result r = runMonitor(
        {QStringLiteral("--headless"), QStringLiteral("--sim"),
         QStringLiteral("count=60000&disorder=30,300@40%,30@70%&gap=0.002&dup=0.003&junk=0.002&"
                        "seed=11"),
         QStringLiteral("--window"), QStringLiteral("64"), QStringLiteral("--capture"), m_capture});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.out + r.err));
}

void tst_WhatIf::arrivalLogRoundTrip()
{
    const qint64 lo = std::numeric_limits<qint64>::min();
    const qint64 hi = std::numeric_limits<qint64>::max();
    const QList<QPair<qint64, qint64>> arrivals {{5, 0},   {3, 10}, {1000000, 11},       {-7, 11},
                                                 {hi, 12}, {lo, 5}, {hi - 1, 1LL << 50}, {0, 0}};
    ArrivalLog log;
    for (const auto &a : arrivals)
        QVERIFY(log.append(a.first, a.second));
    QCOMPARE(log.size(), quint64(arrivals.size()));
    ArrivalLog::Reader reader(log);
    qint64 id = 0;
    qint64 at = 0;
    for (const auto &a : arrivals) {
        QVERIFY(reader.next(&id, &at));
        QCOMPARE(id, a.first);
        QCOMPARE(at, a.second);
    }
    QVERIFY(!reader.next(&id, &at));

    // Compact: a feed of near ids a microsecond apart takes a few bytes an arrival.
    ArrivalLog compact;
    for (qint64 i = 0; i < 100000; ++i)
        compact.append(i + (i % 7) * 3, i * 1000);
    QVERIFY2(compact.bytes() <= 4 * 100000, qPrintable(QString::number(compact.bytes())));
}

void tst_WhatIf::arrivalLogCap()
{
    ArrivalLog log(1000);
    quint64 kept = 0;
    for (int i = 0; i < 1000; ++i)
        kept += log.append(i, i) ? 1 : 0;
    QVERIFY(kept > 0 && kept < 1000);
    QCOMPARE(log.size(), kept);
    QCOMPARE(log.notKept(), 1000 - kept);
    QVERIFY(log.bytes() <= 1000);
    WhatIfTable table = WhatIfTable::analyse(log, WhatIfRun());
    QCOMPARE(table.notAnalysed, 1000 - kept);
    QVERIFY(table.toText().contains(QStringLiteral("only the first")));
}

void tst_WhatIf::tableOnAKnownFeed()
{
    // 0..1999 with each block of four reversed, and id 500 arriving after 501..543 (42 greater
    // ids before it); id 700 never comes.
    QList<qint64> ids;
    for (qint64 id = 0; id < 2000; id += 4)
        ids << id + 3 << id + 2 << id + 1 << id;
    ids.removeOne(700);
    ids.insert(ids.indexOf(540), ids.takeAt(ids.indexOf(500)));
    ArrivalLog log;
    for (qsizetype i = 0; i < ids.size(); ++i)
        log.append(ids[i], qint64(i) * 1000000); // a millisecond apart
    WhatIfRun run;
    run.window = 8;
    run.startId = 0;
    const WhatIfTable table = WhatIfTable::analyse(log, run, 2);
    QCOMPARE(table.arrivals, quint64(ids.size()));
    QCOMPARE(table.recommendedWindow, 42u);
    QCOMPARE(table.suggestedWindow, 42);
    QVERIFY2(table.kneeWindow.has_value(),
             qPrintable(table.toText())); // 1 late in 1999: within 0.1 %
    QCOMPARE(*table.kneeWindow, 4); // the blocks need 3; 500 alone is late
    // W = 1, 2, 4 ... 65536 (the run's 8 among them), the recommended 42, and auto, each with
    // max-hold off, 1, 10, 100 and 1000 ms.
    QCOMPARE(table.rows.size(), (17 + 1 + 1) * 5);
    const WhatIfRow *own = table.runRow();
    QVERIFY(own);
    QCOMPARE(own->setting.window, 8);
    QCOMPARE(own->late, 1u);
    QCOMPARE(own->lostIds, 1u); // 700
    QCOMPARE(own->released + own->late, quint64(ids.size()));
    const WhatIfRow *exact = table.find(WhatIfSetting {42, 0});
    QVERIFY(exact);
    QCOMPARE(exact->late, 0u);
    QCOMPARE(exact->peakHeld, 43u); // W + 1 for the instant before the release
    // 501 waited while about 42 arrived a millisecond apart.
    QVERIFY2(exact->holdMaxMs >= 40 && exact->holdMaxMs <= 43,
             qPrintable(QString::number(exact->holdMaxMs)));
    const WhatIfRow *one = table.find(WhatIfSetting {1, 0});
    QVERIFY2(one->late > 900, qPrintable(QString::number(one->late))); // most of each block
    // Max-hold of 10 ms gives up on 500 after 10 arrivals: late again; 1000 ms never fires.
    QCOMPARE(table.find(WhatIfSetting {42, 10})->late, 1u);
    QCOMPARE(table.find(WhatIfSetting {42, 1000})->late, 0u);
    QVERIFY(table.find(WhatIfSetting {42, 10})->holdMaxMs <= 10.01);
    // Auto grows to what 500 needed, after it was late once.
    const WhatIfRow *adaptive = table.find(WhatIfSetting {WhatIfSetting::AutoWindow, 0});
    QVERIFY(adaptive);
    QVERIFY(adaptive->windowLargest >= 42);
    QVERIFY(adaptive->late <= 1);
    const QJsonArray json = table.toJson();
    QCOMPARE(json.size(), table.rows.size());
    QCOMPARE(json.at(0).toObject().value(QStringLiteral("window")).toInteger(), 1);
    QVERIFY(table.toText().contains(QStringLiteral("suggested window: W = 42")));
}

void tst_WhatIf::rowsEqualRealRuns_data()
{
    QTest::addColumn<QString>("window");
    QTest::newRow("W 8") << "8";
    QTest::newRow("W 64 (the recording run's)") << "64";
    QTest::newRow("W 150") << "150";
    QTest::newRow("W 4096") << "4096";
    QTest::newRow("auto") << "auto";
}

void tst_WhatIf::rowsEqualRealRuns()
{
    // The capture replayed as fast as it goes through a real run with that window: its late,
    // lost and sent counts are the table's row.
    QFETCH(QString, window);
    const QString report = m_dir.filePath(QStringLiteral("replay-%1.json").arg(window));
    const Result r =
        runMonitor({QStringLiteral("--headless"), QStringLiteral("--replay"), m_capture,
                    QStringLiteral("--speed"), QStringLiteral("max"), QStringLiteral("--window"),
                    window, QStringLiteral("--report"), report, QStringLiteral("--no-what-if")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.out + r.err));
    const QJsonObject run = readJson(report);
    QVERIFY(!run.contains(QStringLiteral("what_if")));
    const QJsonObject table = analyse(m_capture, {QStringLiteral("--window"), window});
    const QJsonValue w =
        window == QLatin1String("auto") ? QJsonValue(window) : QJsonValue(window.toLongLong());
    const QJsonObject row = ::row(table, w);
    QVERIFY2(!row.isEmpty(), qPrintable(window));
    QVERIFY(row.value(QStringLiteral("run")).toBool());
    QCOMPARE(row.value(QStringLiteral("late")).toInteger(),
             run.value(QStringLiteral("late")).toInteger());
    QCOMPARE(row.value(QStringLiteral("lost_ids")).toInteger(),
             run.value(QStringLiteral("lost_ids")).toInteger());
    QCOMPARE(row.value(QStringLiteral("released")).toInteger(),
             run.value(QStringLiteral("sent")).toInteger());
    QCOMPARE(table.value(QStringLiteral("recommended_window")).toInteger(),
             run.value(QStringLiteral("recommended_window")).toInteger());
    if (window == QLatin1String("auto")) {
        QCOMPARE(row.value(QStringLiteral("window_max")).toInteger(),
                 run.value(QStringLiteral("window_max")).toInteger());
        QCOMPARE(row.value(QStringLiteral("window_final")).toInteger(),
                 run.value(QStringLiteral("window_final")).toInteger());
    }
}

void tst_WhatIf::externalFeedOwnWindow()
{
    // A feed of the test's own, rough enough that W = 32 drops messages as late: the run's late
    // count is the table's, from the report and from the capture alike.
    ExternalFeed feed(roughFeed(20000, 5));
    const QString capture = m_dir.filePath(QStringLiteral("external.jsonl"));
    const QString report = m_dir.filePath(QStringLiteral("external.json"));
    const Result r =
        runMonitor({QStringLiteral("--headless"), QStringLiteral("--ws-url"), feed.url(),
                    QStringLiteral("--window"), QStringLiteral("32"), QStringLiteral("--capture"),
                    capture, QStringLiteral("--report"), report});
    QCOMPARE(r.exitCode, 1); // late messages: FAIL
    const QJsonObject run = readJson(report);
    const qint64 late = run.value(QStringLiteral("late")).toInteger();
    QVERIFY(late > 10);
    QVERIFY(run.value(QStringLiteral("duplicates")).toInteger() > 10);
    QVERIFY(run.value(QStringLiteral("malformed")).toInteger() > 10);

    const QJsonArray inReport = run.value(QStringLiteral("what_if")).toArray();
    QVERIFY(!inReport.isEmpty());
    int marked = 0;
    for (const QJsonValue &v : inReport) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("run")).toBool())
            continue;
        ++marked;
        QCOMPARE(o.value(QStringLiteral("window")).toInteger(), 32);
        QCOMPARE(o.value(QStringLiteral("late")).toInteger(), late);
        QCOMPARE(o.value(QStringLiteral("lost_ids")).toInteger(),
                 run.value(QStringLiteral("lost_ids")).toInteger());
    }
    QCOMPARE(marked, 1);

    const QJsonObject table = analyse(capture);
    QCOMPARE(row(table, 32).value(QStringLiteral("late")).toInteger(), late);
    QVERIFY(row(table, 32).value(QStringLiteral("run")).toBool()); // W from the capture's header
    const qint64 suggested = table.value(QStringLiteral("suggested_window")).toInteger();
    QCOMPARE(suggested, run.value(QStringLiteral("recommended_window")).toInteger());
    QCOMPARE(row(table, suggested).value(QStringLiteral("late")).toInteger(), 0);
    QCOMPARE(run.value(QStringLiteral("what_if_suggested_window")).toInteger(), suggested);
    QCOMPARE(table.value(QStringLiteral("malformed")).toInteger(),
             run.value(QStringLiteral("malformed")).toInteger());
}

void tst_WhatIf::reportCarriesTheTable()
{
    const QString report = m_dir.filePath(QStringLiteral("sim.json"));
    const Result r =
        runMonitor({QStringLiteral("--headless"), QStringLiteral("--sim"),
                    QStringLiteral("count=5000&disorder=40&seed=3"), QStringLiteral("--window"),
                    QStringLiteral("16"), QStringLiteral("--max-hold"), QStringLiteral("50"),
                    QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("what if: W = ")), qPrintable(r.out));
    const QJsonObject o = readJson(report);
    const QJsonArray rows = o.value(QStringLiteral("what_if")).toArray();
    // W = 1 ... 65536 (16 among them), the recommended one when it is not a power of two, and
    // auto; the run's own max-hold (50 ms) joins off, 1, 10, 100 and 1000.
    const qint64 recommended = o.value(QStringLiteral("recommended_window")).toInteger();
    const bool powerOfTwo = (recommended & (recommended - 1)) == 0;
    QCOMPARE(rows.size(), (17 + (powerOfTwo ? 0 : 1) + 1) * 6);
    QVERIFY(o.value(QStringLiteral("what_if_arrivals")).toInteger() == 5000);
    QCOMPARE(o.value(QStringLiteral("what_if_not_analysed")).toInteger(), 0);
    bool own = false;
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        if (row.value(QStringLiteral("run")).toBool()) {
            own = true;
            QCOMPARE(row.value(QStringLiteral("window")).toInteger(), 16);
            QCOMPARE(row.value(QStringLiteral("max_hold_ms")).toInteger(), 50);
        }
        const QJsonObject hold = row.value(QStringLiteral("hold_ms")).toObject();
        QVERIFY(hold.value(QStringLiteral("p50")).toDouble()
                <= hold.value(QStringLiteral("p99")).toDouble());
        QVERIFY(hold.value(QStringLiteral("p99")).toDouble()
                <= hold.value(QStringLiteral("max")).toDouble());
    }
    QVERIFY(own);
}

void tst_WhatIf::analyzeRefusesWhatIsNotACapture()
{
    const QString notCapture = m_dir.filePath(QStringLiteral("not-a-capture.json"));
    QFile file(notCapture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"id\": 1}\n");
    file.close();
    Result r = runMonitor({QStringLiteral("--analyze"), notCapture});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("not a capture")), qPrintable(r.err));
    r = runMonitor({QStringLiteral("--analyze"), m_dir.filePath(QStringLiteral("missing.jsonl"))});
    QCOMPARE(r.exitCode, 2);
    r = runMonitor({QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--json needs --analyze")), qPrintable(r.err));

    // A capture cut short (a crash) is analysed up to the cut, and says so.
    QFile whole(m_capture);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = m_dir.filePath(QStringLiteral("cut.jsonl.gz"));
    QFile part(cut);
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(bytes.left(bytes.size() / 2));
    part.close();
    r = runMonitor({QStringLiteral("--analyze"), cut});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("the capture stops early")), qPrintable(r.out));
}

QTEST_MAIN(tst_WhatIf)
#include "tst_whatif.moc"
