#include "redis/redissource.h"
#include "redistestserver.h"
#include "run/runcontroller.h"
#include "stalledsink.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

constexpr int Timeout = 10000;

RedisAddress addressOf(const RedisTestServer &server, const QString &password = QString())
{
    RedisAddress a;
    a.host = QStringLiteral("127.0.0.1");
    a.port = server.port();
    a.password = password;
    return a;
}

RedisFeedConfig channelFeed(const RedisTestServer &server, const QString &channel)
{
    RedisFeedConfig feed;
    feed.url = QUrl(server.url());
    feed.channel = channel;
    return feed;
}

RedisFeedConfig streamFeed(const RedisTestServer &server, const QString &stream,
                           const QString &from)
{
    RedisFeedConfig feed;
    feed.url = QUrl(server.url());
    feed.stream = stream;
    feed.streamFrom = from;
    return feed;
}

// A stand-in for Redis that answers the handshake (PING) on every connection and then closes it:
// at once (`deliver` false), or after confirming SUBSCRIBE and publishing one message.
class HandshakeThenClose final : public QTcpServer
{
public:
    explicit HandshakeThenClose(bool deliver)
        : m_deliver(deliver)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket] { onReadyRead(socket); });
            }
        });
    }

    int connections() const { return m_connections; }
    int handshakes() const { return m_handshakes; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        // RESP: a command arrives as "*N\r\n$len\r\nNAME\r\n..."; the names are enough here.
        QByteArray seen = socket->property("seen").toByteArray() + socket->readAll();
        socket->setProperty("seen", seen);
        if (seen.contains("\r\nPING\r\n") && !socket->property("ponged").toBool()) {
            socket->setProperty("ponged", true);
            ++m_handshakes;
            socket->write("+PONG\r\n");
            if (!m_deliver) {
                socket->disconnectFromHost();
                return;
            }
        }
        if (m_deliver && seen.contains("\r\nSUBSCRIBE\r\n")) {
            socket->write("*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n"
                          "*3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$5\r\nhello\r\n");
            socket->disconnectFromHost();
        }
    }

    bool m_deliver = false;
    int m_connections = 0;
    int m_handshakes = 0;
};

QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).toString();
    return out;
}

} // namespace

// RedisSource and RedisConnection against a real redis-server started here.
class tst_RedisSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void channelDeliversPayloadsUnchanged();
    void streamStartsWhereAsked_data();
    void streamStartsWhereAsked();
    void streamPayloadField();
    void streamPauseStopsReading();
    void channelSurvivesRedisRestart();
    void streamSurvivesRedisRestart();
    void password_data();
    void password();
    void cannotConnectFailsAtOnce();
    void droppedAfterEveryHandshake_data();
    void droppedAfterEveryHandshake();
    void runCountsMalformedPayloads();
    void stalledSinkOnAChannel_data();
    void stalledSinkOnAChannel();

private:
    RedisTestServer m_server;
    RedisTestServer m_passwordServer;
    RedisTestClient m_client;
};

void tst_RedisSource::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_client.connect(m_server.port(), &error), qPrintable(error));
}

void tst_RedisSource::channelDeliversPayloadsUnchanged()
{
    RedisSource source(addressOf(m_server), channelFeed(m_server, QStringLiteral("c1")));
    QSignalSpy connected(&source, &MessageSource::connected);
    QSignalSpy text(&source, &MessageSource::textReceived);
    QSignalSpy binary(&source, &MessageSource::binaryReceived);
    QSignalSpy failed(&source, &MessageSource::failed);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    QCOMPARE(m_client.subscribers("c1"), 1);

    const QList<QByteArray> payloads {
        QByteArrayLiteral("{\"id\":2,\"text\":7}"), QByteArrayLiteral("hello"), QByteArray(),
        QStringLiteral("{\"id\":3,\"text\":\"h\u00e9llo \u2713\"}").toUtf8(),
        QByteArrayLiteral("{\"id\":1,\"text\":7,\"extra\":[1,{\"a\":null}]}")};
    const QByteArray notUtf8("\xff\xfe{\"id\":4}", 10);
    QList<QByteArray> all = payloads;
    all.insert(2, notUtf8);
    const std::vector<long long> receivers = m_client.publish("c1", all);
    for (long long n : receivers)
        QCOMPARE(n, 1);

    QTRY_COMPARE_WITH_TIMEOUT(text.size() + binary.size(), all.size(), Timeout);
    QStringList expected;
    for (const QByteArray &p : payloads)
        expected << QString::fromUtf8(p);
    QCOMPARE(texts(text), expected);
    QCOMPARE(binary.size(), 1);
    QCOMPARE(binary.at(0).at(0).toByteArray(), notUtf8);
    QVERIFY(failed.isEmpty());

    QSignalSpy ended(&source, &MessageSource::ended);
    source.close();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_client.subscribers("c1"), 0, Timeout);
}

void tst_RedisSource::streamStartsWhereAsked_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("0: the whole stream")
        << QStringLiteral("0") << QStringList {"a", "b", "c", "new"};
    QTest::newRow("$: only new entries") << QStringLiteral("$") << QStringList {"new"};
    QTest::newRow("after an entry id") << QStringLiteral("second") << QStringList {"c", "new"};
}

void tst_RedisSource::streamStartsWhereAsked()
{
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    const QByteArray key = "s-" + QByteArray::number(QTest::currentDataTag()[0]);
    m_client.command({"DEL", key});
    QList<QByteArray> ids;
    for (const char *payload : {"a", "b", "c"})
        ids << *m_client.command({"XADD", key, "*", "data", payload});
    if (from == QLatin1String("second"))
        from = QString::fromLatin1(ids.at(1));

    RedisSource source(addressOf(m_server), streamFeed(m_server, QString::fromLatin1(key), from));
    QSignalSpy connected(&source, &MessageSource::connected);
    QSignalSpy text(&source, &MessageSource::textReceived);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    const QByteArray last = *m_client.command({"XADD", key, "*", "data", "new"});
    QTRY_COMPARE_WITH_TIMEOUT(texts(text), expected, Timeout);
    QCOMPARE(source.lastEntryId(), QString::fromLatin1(last));
}

void tst_RedisSource::streamPayloadField()
{
    const QByteArray key = "fields";
    m_client.command({"XADD", key, "*", "a", "1", "data", "X"});
    m_client.command({"XADD", key, "*", "message", "hello"});
    RedisSource source(addressOf(m_server),
                       streamFeed(m_server, QString::fromLatin1(key), QStringLiteral("0")));
    QSignalSpy text(&source, &MessageSource::textReceived);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(texts(text), (QStringList {"X", "hello"}), Timeout);
}

void tst_RedisSource::streamPauseStopsReading()
{
    const QByteArray key = "paused";
    RedisSource source(addressOf(m_server),
                       streamFeed(m_server, QString::fromLatin1(key), QStringLiteral("0")));
    QSignalSpy connected(&source, &MessageSource::connected);
    QSignalSpy text(&source, &MessageSource::textReceived);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    source.setPaused(true);
    // The read already on its way ends after its BLOCK time; no other is issued.
    QTest::qWait(RedisSource::StreamBlockMs + 300);
    QList<QByteArray> payloads;
    for (int i = 0; i < 2500; ++i)
        payloads << QByteArray::number(i);
    QVERIFY(m_client.addToStream(key, payloads));
    QTest::qWait(300);
    QCOMPARE(text.size(), 0);
    source.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 2500, Timeout);
    QCOMPARE(text.last().at(0).toString(), QStringLiteral("2499"));
}

void tst_RedisSource::channelSurvivesRedisRestart()
{
    RedisTestServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisSource source(addressOf(server), channelFeed(server, QStringLiteral("r")));
    source.setReconnectPolicy(ReconnectPolicy {20, 50, 500});
    QSignalSpy connected(&source, &MessageSource::connected);
    QSignalSpy dropped(&source, &MessageSource::dropped);
    QSignalSpy reconnected(&source, &MessageSource::reconnected);
    QSignalSpy text(&source, &MessageSource::textReceived);
    QSignalSpy failed(&source, &MessageSource::failed);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    RedisTestClient client;
    QVERIFY(client.connect(server.port()));
    QCOMPARE(client.publish("r", {"before"}).at(0), 1);
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 1, Timeout);

    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!dropped.isEmpty(), Timeout);
    QCOMPARE(dropped.first().at(1).toInt(), 1); // attempt 1
    QVERIFY(!dropped.first().at(0).toString().isEmpty());
    QVERIFY2(server.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, Timeout);
    QVERIFY(client.connect(server.port()));
    QCOMPARE(client.subscribers("r"), 1);
    QCOMPARE(client.publish("r", {"after"}).at(0), 1);
    QTRY_COMPARE_WITH_TIMEOUT(texts(text), (QStringList {"before", "after"}), Timeout);
    QVERIFY(failed.isEmpty());
}

void tst_RedisSource::streamSurvivesRedisRestart()
{
    // Redis keeps the stream across its restart (append-only file), so nothing is lost.
    RedisTestServer server;
    QString error;
    QVERIFY2(server.start(&error,
                          {QStringLiteral("--appendonly"), QStringLiteral("yes"),
                           QStringLiteral("--appendfsync"), QStringLiteral("always")}),
             qPrintable(error));
    RedisSource source(addressOf(server),
                       streamFeed(server, QStringLiteral("kept"), QStringLiteral("0")));
    source.setReconnectPolicy(ReconnectPolicy {20, 50, 500});
    QSignalSpy reconnected(&source, &MessageSource::reconnected);
    QSignalSpy text(&source, &MessageSource::textReceived);
    source.open();
    RedisTestClient client;
    QVERIFY(client.connect(server.port()));
    QVERIFY(client.addToStream("kept", {"1", "2", "3"}));
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 3, Timeout);
    server.stop();
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(client.connect(server.port()));
    QVERIFY(client.addToStream("kept", {"4", "5"}));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(texts(text), (QStringList {"1", "2", "3", "4", "5"}), Timeout);
}

void tst_RedisSource::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("failure"); // empty: connects
    QTest::newRow("right") << QStringLiteral("pw-1") << QString();
    QTest::newRow("none") << QString() << QStringLiteral("REDIS_PASSWORD");
    QTest::newRow("wrong") << QStringLiteral("nope") << QStringLiteral("refused");
}

void tst_RedisSource::password()
{
    QFETCH(QString, password);
    QFETCH(QString, failure);
    RedisTestServer &server = m_passwordServer; // started once, for every row
    QString error;
    QVERIFY2(server.start(&error, {QStringLiteral("--requirepass"), QStringLiteral("pw-1")}),
             qPrintable(error));
    RedisSource source(addressOf(server, password), channelFeed(server, QStringLiteral("p")));
    QSignalSpy connected(&source, &MessageSource::connected);
    QSignalSpy failed(&source, &MessageSource::failed);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size() + failed.size(), 1, Timeout);
    if (failure.isEmpty()) {
        QCOMPARE(connected.size(), 1);
        return;
    }
    QCOMPARE(failed.size(), 1);
    const QString reason = failed.first().at(0).toString();
    QVERIFY2(reason.contains(failure), qPrintable(reason));
    QVERIFY(!reason.contains(QStringLiteral("pw-1")));
}

void tst_RedisSource::cannotConnectFailsAtOnce()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    RedisAddress address;
    address.host = QStringLiteral("127.0.0.1");
    address.port = probe.serverPort();
    probe.close();
    RedisFeedConfig feed;
    feed.url = QUrl(QStringLiteral("redis://127.0.0.1:%1").arg(address.port));
    feed.channel = QStringLiteral("x");
    RedisSource source(address, feed);
    QSignalSpy failed(&source, &MessageSource::failed);
    QSignalSpy dropped(&source, &MessageSource::dropped);
    source.open();
    QCOMPARE(failed.size(), 0); // never from inside open()
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("cannot connect")),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(dropped.size(), 0);
}

void tst_RedisSource::droppedAfterEveryHandshake_data()
{
    QTest::addColumn<bool>("deliver");
    QTest::newRow("handshake only: gives up") << false;
    QTest::newRow("delivers each time: goes on") << true;
}

void tst_RedisSource::droppedAfterEveryHandshake()
{
    // A server that answers the handshake and then drops, every time: a handshake alone does not
    // restore the attempts (the connection neither delivered nor stayed up), so they run out;
    // a connection that delivers a payload first restores them, and reconnecting goes on.
    QFETCH(bool, deliver);
    HandshakeThenClose peer(deliver);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    RedisAddress address;
    address.host = QStringLiteral("127.0.0.1");
    address.port = peer.serverPort();
    RedisFeedConfig feed;
    feed.url = QUrl(QStringLiteral("redis://127.0.0.1:%1").arg(address.port));
    feed.channel = QStringLiteral("c");
    ReconnectPolicy policy;
    policy.maxAttempts = 3;
    policy.initialDelayMs = 20;
    policy.maxDelayMs = 100;
    policy.stableAfterMs = 2000;
    RedisSource source(address, feed);
    source.setReconnectPolicy(policy);
    QSignalSpy dropped(&source, &MessageSource::dropped);
    QSignalSpy failed(&source, &MessageSource::failed);
    QSignalSpy text(&source, &MessageSource::textReceived);
    source.open();
    if (!deliver) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            failed.size() == 1,
            qPrintable(QStringLiteral("no failure after %1 drops").arg(dropped.size())), Timeout);
        // Every handshake was answered, and none was taken for a restored connection. (The
        // source never went live: its SUBSCRIBE was never confirmed.)
        QCOMPARE(peer.handshakes(), 1 + policy.maxAttempts);
        QCOMPARE(dropped.size(), policy.maxAttempts);
        for (int i = 0; i < dropped.size(); ++i)
            QCOMPARE(dropped.at(i).at(1).toInt(), i + 1);
        QCOMPARE(peer.connections(), 1 + policy.maxAttempts);
        const QString reason = failed.first().at(0).toString();
        QVERIFY2(reason.contains(QStringLiteral("could not reconnect")), qPrintable(reason));
        return;
    }
    // Twice as many drops as attempts, each one a new drop (attempt 1), and no failure.
    QTRY_VERIFY_WITH_TIMEOUT(dropped.size() >= 2 * policy.maxAttempts, Timeout);
    source.close();
    QVERIFY(failed.isEmpty());
    for (const QList<QVariant> &args : std::as_const(dropped))
        QCOMPARE(args.at(1).toInt(), 1);
    QVERIFY(text.size() >= 2 * policy.maxAttempts);
    QCOMPARE(text.first().at(0).toString(), QStringLiteral("hello"));
}

void tst_RedisSource::runCountsMalformedPayloads()
{
    RunConfig config;
    config.feedKind = FeedKind::Redis;
    config.redis = channelFeed(m_server, QStringLiteral("run"));
    config.count = 3;
    config.window = 8;
    config.recordEvents = true;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    QList<MessageArrival> arrivals;
    connect(&controller, &RunController::eventsReady, this,
            [&arrivals](const RunEventBatch &batch) { arrivals += batch.arrivals; });
    controller.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), RunState::Running, Timeout);
    QCOMPARE(m_client.subscribers("run"), 1);
    m_client.publish(
        "run",
        {"{\"id\":2,\"text\":7}", "hello", "{\"id\":1,\"text\":7}", "{\"id\":3,\"text\":7}"});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
    const RunReport report = finished.first().at(0).value<RunReport>();
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.received, 4u);
    QCOMPARE(report.counters.malformed, 1u);
    QCOMPARE(report.counters.sent, 3u);
    QCOMPARE(report.feedDescription,
             QStringLiteral("redis://127.0.0.1:%1 channel run").arg(m_server.port()));
    // The malformed payload is recorded with its text, not dropped.
    QCOMPARE(arrivals.size(), 4);
    QCOMPARE(arrivals.at(1).status, MessageStatus::Malformed);
    QCOMPARE(arrivals.at(1).frame, QStringLiteral("hello"));
}

void tst_RedisSource::stalledSinkOnAChannel_data()
{
    QTest::addColumn<BacklogOverflow>("overflow");
    QTest::newRow("drop, counted") << BacklogOverflow::Drop;
    QTest::newRow("end the run") << BacklogOverflow::EndRun;
}

void tst_RedisSource::stalledSinkOnAChannel()
{
    // Pub/sub cannot be paused: with a sink that never reads, what the run holds must stop at
    // its byte budget, and what is dropped past it is counted exactly, with its ids.
    QFETCH(BacklogOverflow, overflow);
    StalledSink stalled;
    QVERIFY(stalled.listen(QHostAddress::LocalHost, 0));
    RunConfig config;
    config.feedKind = FeedKind::Redis;
    config.redis = channelFeed(m_server, QStringLiteral("budget"));
    config.sinkUrl = stalled.url();
    config.window = 16;
    config.maxBacklogBytes = quint64(4) << 20;
    config.backlogOverflow = overflow;
    config.idleTimeoutMs = 0;
    config.drainTimeoutMs = 300;
    constexpr int Count = 12000;
    config.count = Count;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), RunState::Running, Timeout);
    const QByteArray pad(2000, 'x');
    int published = 0;
    while (published < Count && finished.isEmpty()) {
        QList<QByteArray> batch;
        for (int i = 0; i < 500; ++i, ++published)
            batch << "{\"id\":" + QByteArray::number(published) + ",\"pad\":\"" + pad + "\"}";
        m_client.publish("budget", batch);
        // Let the run read them before the next batch, so that Redis's own output buffer for
        // the subscriber never grows to its limit.
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty()
                                     || controller.stats().counters.received >= quint64(published),
                                 Timeout);
    }
    if (finished.isEmpty() && !finished.wait(Timeout)) {
        const RunStats st = controller.stats();
        qWarning("state %d received %llu accepted %llu dropped %llu held %llu sent %llu",
                 int(st.state), st.counters.received, st.counters.accepted,
                 st.counters.droppedOverBudget, st.counters.held, st.counters.sent);
    }
    QCOMPARE(finished.size(), 1);
    const RunReport report = finished.first().at(0).value<RunReport>();
    const RunCounters &c = report.counters;
    // Memory stayed near the budget: a frame of 2 KB is 4 KB held as UTF-16.
    QVERIFY2(c.backlogPeakBytes < config.maxBacklogBytes + (quint64(1) << 20),
             qPrintable(QString::number(c.backlogPeakBytes)));
    QCOMPARE(report.verdict.level, Verdict::Fail);
    if (overflow == BacklogOverflow::EndRun) {
        QCOMPARE(report.endReason, RunEnd::BacklogOverBudget);
        QCOMPARE(c.droppedOverBudget, quint64(0));
        QVERIFY(c.received < quint64(Count));
        return;
    }
    QVERIFY(c.droppedOverBudget > quint64(Count) / 2);
    QCOMPARE(c.sent + c.held, c.accepted - c.late - c.duplicates - c.droppedOverBudget);
    QCOMPARE(report.verdict.reasons.first().code, QStringLiteral("over_budget"));
    const QJsonObject o = report.toJson();
    QCOMPARE(quint64(o.value(QStringLiteral("dropped_over_budget")).toInteger()),
             c.droppedOverBudget);
    // The ids dropped, as ranges: together exactly as many as were dropped.
    quint64 inRanges = 0;
    for (const QJsonValue &range : o.value(QStringLiteral("dropped_id_ranges")).toArray())
        inRanges += quint64(range[1].toInteger() - range[0].toInteger() + 1);
    QCOMPARE(inRanges, c.droppedOverBudget);
    // What was dropped is not also called lost.
    QVERIFY(c.lostIds < quint64(100));
}

QTEST_GUILESS_MAIN(tst_RedisSource)
#include "tst_redissource.moc"
