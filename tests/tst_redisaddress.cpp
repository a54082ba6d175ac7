#include "app/cli/bridgecommandline.h"
#include "app/cli/commandline.h"
#include "redis/redisaddress.h"

#include <QTest>

// Where Redis settings enter: URLs, stream ids, and both command lines.
class tst_RedisAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls_data();
    void parsesUrls();
    void refusesUrls_data();
    void refusesUrls();
    void passwordFallback();
    void displayHidesPassword();
    void streamIds_data();
    void streamIds();
    void feedConfig();
    void monitorOptions();
    void monitorRefuses_data();
    void monitorRefuses();
    void bridgeOptions();
    void bridgeRefuses_data();
    void bridgeRefuses();
    void listenAddresses_data();
    void listenAddresses();
};

void tst_RedisAddress::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("database");
    QTest::newRow("plain") << "redis://127.0.0.1:6379"
                           << "127.0.0.1" << 6379 << ""
                           << "" << 0;
    QTest::newRow("default port") << "redis://localhost"
                                  << "localhost" << 6379 << ""
                                  << "" << 0;
    QTest::newRow("password") << "redis://:s3cret@h:7000"
                              << "h" << 7000 << ""
                              << "s3cret" << 0;
    QTest::newRow("acl user") << "redis://me:pw@h:1"
                              << "h" << 1 << "me"
                              << "pw" << 0;
    QTest::newRow("encoded password") << "redis://:p%40ss%3Aw@h:2"
                                      << "h" << 2 << ""
                                      << "p@ss:w" << 0;
    QTest::newRow("database") << "redis://h:3/5"
                              << "h" << 3 << ""
                              << "" << 5;
    QTest::newRow("slash only") << "redis://h:3/"
                                << "h" << 3 << ""
                                << "" << 0;
    QTest::newRow("ipv6") << "redis://[::1]:6380"
                          << "::1" << 6380 << ""
                          << "" << 0;
    QTest::newRow("upper scheme") << "REDIS://h:9"
                                  << "h" << 9 << ""
                                  << "" << 0;
    for (int port : {1, 65535})
        QTest::addRow("port %d", port)
            << QStringLiteral("redis://h:%1").arg(port) << "h" << port << ""
            << "" << 0;
}

void tst_RedisAddress::parsesUrls()
{
    QFETCH(QString, url);
    QString error;
    const std::optional<RedisAddress> a = RedisAddress::fromUrl(QUrl(url), QString(), &error);
    QVERIFY2(a, qPrintable(error));
    QTEST(a->host, "host");
    QTEST(int(a->port), "port");
    QTEST(a->user, "user");
    QTEST(a->password, "password");
    QTEST(a->database, "database");
    QVERIFY(RedisAddress::problem(url).isEmpty());
}

void tst_RedisAddress::refusesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("ws scheme") << "ws://h:1"
                               << "redis://";
    QTest::newRow("tls") << "rediss://h:1"
                         << "TLS";
    QTest::newRow("no host") << "redis://:1"
                             << "no host";
    QTest::newRow("bad port") << "redis://h:99999"
                              << "valid";
    QTest::newRow("database text") << "redis://h:1/x"
                                   << "database";
    QTest::newRow("database negative") << "redis://h:1/-1"
                                       << "database";
    QTest::newRow("database nested") << "redis://h:1/1/2"
                                     << "database";
    QTest::newRow("query") << "redis://h:1?db=2"
                           << "query";
    QTest::newRow("garbage") << "::::"
                             << "";
}

void tst_RedisAddress::refusesUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const QString problem = RedisAddress::problem(url);
    QVERIFY2(!problem.isEmpty(), qPrintable(url));
    QVERIFY2(problem.contains(reason, Qt::CaseInsensitive), qPrintable(problem));
    QVERIFY(!problem.contains(QLatin1Char('\n')));
}

void tst_RedisAddress::passwordFallback()
{
    QString error;
    auto a =
        RedisAddress::fromUrl(QUrl(QStringLiteral("redis://h:1")), QStringLiteral("env"), &error);
    QVERIFY(a);
    QCOMPARE(a->password, QStringLiteral("env"));
    // The URL's own password wins.
    a = RedisAddress::fromUrl(QUrl(QStringLiteral("redis://:url@h:1")), QStringLiteral("env"),
                              &error);
    QVERIFY(a);
    QCOMPARE(a->password, QStringLiteral("url"));
}

void tst_RedisAddress::displayHidesPassword()
{
    QString error;
    const auto a = RedisAddress::fromUrl(QUrl(QStringLiteral("redis://u:topsecret@h:12/3")),
                                         QString(), &error);
    QVERIFY(a);
    QCOMPARE(a->toDisplayString(), QStringLiteral("redis://h:12/3"));
    RedisFeedConfig feed;
    feed.url = QUrl(QStringLiteral("redis://u:topsecret@h:12"));
    feed.channel = QStringLiteral("c");
    QVERIFY(!feed.description().contains(QStringLiteral("topsecret")));
    QVERIFY(!RedisAddress::problem(QStringLiteral("rediss://u:topsecret@h:1"))
                 .contains(QStringLiteral("topsecret")));
}

void tst_RedisAddress::streamIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("zero") << "0" << true << "0-0";
    QTest::newRow("dollar") << "$" << true << "$";
    QTest::newRow("ms") << "1700000000000" << true << "1700000000000-0";
    QTest::newRow("ms-seq") << "1700000000000-5" << true << "1700000000000-5";
    QTest::newRow("max") << "18446744073709551615-18446744073709551615" << true
                         << "18446744073709551615-18446744073709551615";
    QTest::newRow("overflow") << "18446744073709551616" << false << "";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("plus") << "+" << false << "";
    QTest::newRow("gt") << ">" << false << "";
    QTest::newRow("negative") << "-1" << false << "";
    QTest::newRow("text") << "abc" << false << "";
    QTest::newRow("two dashes") << "1-2-3" << false << "";
}

void tst_RedisAddress::streamIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(RedisStreamId::problem(id).isEmpty(), valid);
    if (valid)
        QTEST(RedisStreamId::normalised(id), "normalised");
}

void tst_RedisAddress::feedConfig()
{
    RedisFeedConfig feed;
    feed.url = QUrl(QStringLiteral("redis://127.0.0.1:6379"));
    QVERIFY(!feed.problem().isEmpty()); // neither
    feed.channel = QStringLiteral("c");
    QVERIFY2(feed.problem().isEmpty(), qPrintable(feed.problem()));
    QCOMPARE(feed.description(), QStringLiteral("redis://127.0.0.1:6379 channel c"));
    feed.stream = QStringLiteral("s");
    QVERIFY(!feed.problem().isEmpty()); // both
    feed.channel.clear();
    QVERIFY(feed.problem().isEmpty());
    QVERIFY(feed.isStream());
    feed.streamFrom = QStringLiteral("nope");
    QVERIFY(!feed.problem().isEmpty());
    feed.streamFrom = QStringLiteral("$");
    QCOMPARE(feed.description(), QStringLiteral("redis://127.0.0.1:6379 stream s from $"));
    feed.url = QUrl(QStringLiteral("http://x"));
    QVERIFY(!feed.problem().isEmpty());
}

void tst_RedisAddress::monitorOptions()
{
    CommandLine commandLine;
    QString error;
    auto o =
        commandLine.parse({QStringLiteral("reorder-monitor"), QStringLiteral("--headless"),
                           QStringLiteral("--redis-url"), QStringLiteral("redis://127.0.0.1:7000"),
                           QStringLiteral("--channel"), QStringLiteral("test_websocket")},
                          &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->config.feedKind, FeedKind::Redis);
    QCOMPARE(o->config.redis.channel, QStringLiteral("test_websocket"));
    QVERIFY(o->config.redis.stream.isEmpty());
    QVERIFY(!o->builtInFeed);
    QVERIFY(!o->builtInSink); // without --send-url: forward nowhere
    QVERIFY(o->config.redis.problem().isEmpty());

    CommandLine streamLine;
    o = streamLine.parse({QStringLiteral("reorder-monitor"), QStringLiteral("--redis-url"),
                          QStringLiteral("redis://h"), QStringLiteral("--stream"),
                          QStringLiteral("feed"), QStringLiteral("--stream-from"),
                          QStringLiteral("$"), QStringLiteral("--send-url"),
                          QStringLiteral("ws://127.0.0.1:1/ordered-messages/x")},
                         &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->config.redis.stream, QStringLiteral("feed"));
    QCOMPARE(o->config.redis.streamFrom, QStringLiteral("$"));
    QVERIFY(o->config.redis.isStream());

    CommandLine plain;
    o = plain.parse({QStringLiteral("reorder-monitor")}, &error);
    QVERIFY(o);
    QCOMPARE(o->config.feedKind, FeedKind::WebSocket);
    QCOMPARE(o->config.redis.streamFrom, QStringLiteral("0")); // a run reads the whole stream
}

void tst_RedisAddress::monitorRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString url = QStringLiteral("redis://127.0.0.1:6379");
    QTest::newRow("neither") << QStringList {QStringLiteral("--redis-url"), url} << "--channel";
    QTest::newRow("both") << QStringList {QStringLiteral("--redis-url"), url,
                                          QStringLiteral("--channel"),   QStringLiteral("a"),
                                          QStringLiteral("--stream"),    QStringLiteral("b")}
                          << "--channel";
    QTest::newRow("channel alone")
        << QStringList {QStringLiteral("--channel"), QStringLiteral("a")} << "--redis-url";
    QTest::newRow("stream alone") << QStringList {QStringLiteral("--stream"), QStringLiteral("a")}
                                  << "--redis-url";
    QTest::newRow("bad scheme") << QStringList {
        QStringLiteral("--redis-url"), QStringLiteral("http://h:1"), QStringLiteral("--channel"),
        QStringLiteral("a")} << "redis://";
    QTest::newRow("tls") << QStringList {QStringLiteral("--redis-url"),
                                         QStringLiteral("rediss://h:1"),
                                         QStringLiteral("--channel"), QStringLiteral("a")}
                         << "TLS";
    QTest::newRow("with ws-url") << QStringList {QStringLiteral("--redis-url"),
                                                 url,
                                                 QStringLiteral("--channel"),
                                                 QStringLiteral("a"),
                                                 QStringLiteral("--ws-url"),
                                                 QStringLiteral("ws://h:1/raw-messages")}
                                 << "exclude";
    QTest::newRow("empty channel")
        << QStringList {QStringLiteral("--redis-url"), url, QStringLiteral("--channel"), QString()}
        << "empty";
    QTest::newRow("stream-from with channel")
        << QStringList {QStringLiteral("--redis-url"),   url,
                        QStringLiteral("--channel"),     QStringLiteral("a"),
                        QStringLiteral("--stream-from"), QStringLiteral("0")}
        << "--stream";
    QTest::newRow("bad stream-from")
        << QStringList {QStringLiteral("--redis-url"),   url,
                        QStringLiteral("--stream"),      QStringLiteral("a"),
                        QStringLiteral("--stream-from"), QStringLiteral("x")}
        << "entry id";
}

void tst_RedisAddress::monitorRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    CommandLine commandLine;
    QString error;
    QVERIFY(
        !commandLine.parse(QStringList {QStringLiteral("reorder-monitor")} + arguments, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void tst_RedisAddress::bridgeOptions()
{
    BridgeCommandLine defaults;
    QString error;
    auto o = defaults.parse({QStringLiteral("reorder-bridge")}, QString(), &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->config.redis.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(o->config.redis.port, quint16(6379));
    QCOMPARE(o->config.channel, QStringLiteral("test_websocket"));
    QVERIFY(!o->config.isStream());
    QCOMPARE(o->config.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(o->config.listenPort, quint16(8765));

    BridgeCommandLine stream;
    o = stream.parse({QStringLiteral("reorder-bridge"), QStringLiteral("--redis"),
                      QStringLiteral("redis://h:7/2"), QStringLiteral("--stream"),
                      QStringLiteral("feed"), QStringLiteral("--name"), QStringLiteral("b1"),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--stream-from"), QStringLiteral("0")},
                     QStringLiteral("fromenv"), &error);
    QVERIFY2(o, qPrintable(error));
    QVERIFY(o->config.isStream());
    QVERIFY(o->config.channel.isEmpty());
    QCOMPARE(o->config.redis.password, QStringLiteral("fromenv"));
    QCOMPARE(o->config.redis.database, 2);
    QCOMPARE(o->config.listenPort, quint16(0));
    QCOMPARE(o->config.cursorKey(), QStringLiteral("reorder-bridge:b1:feed:last-delivered"));
}

void tst_RedisAddress::bridgeRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad url") << QStringList {QStringLiteral("--redis"), QStringLiteral("ws://h")};
    QTest::newRow("both") << QStringList {QStringLiteral("--channel"), QStringLiteral("a"),
                                          QStringLiteral("--stream"), QStringLiteral("b")};
    QTest::newRow("empty stream") << QStringList {QStringLiteral("--stream"), QString()};
    QTest::newRow("stream-from without stream")
        << QStringList {QStringLiteral("--stream-from"), QStringLiteral("0")};
    QTest::newRow("listen") << QStringList {QStringLiteral("--listen"), QStringLiteral("nowhere")};
    QTest::newRow("listen port") << QStringList {QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:70000")};
    QTest::newRow("interval") << QStringList {QStringLiteral("--report-interval"),
                                              QStringLiteral("-1")};
    QTest::newRow("positional") << QStringList {QStringLiteral("extra")};
}

void tst_RedisAddress::bridgeRefuses()
{
    QFETCH(QStringList, arguments);
    BridgeCommandLine commandLine;
    QString error;
    QVERIFY(!commandLine.parse(QStringList {QStringLiteral("reorder-bridge")} + arguments,
                               QString(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void tst_RedisAddress::listenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << "127.0.0.1:8765" << true << "127.0.0.1" << 8765;
    QTest::newRow("any port") << "127.0.0.1:0" << true << "127.0.0.1" << 0;
    QTest::newRow("port only") << ":9000" << true << "127.0.0.1" << 9000;
    QTest::newRow("localhost") << "localhost:1" << true << "127.0.0.1" << 1;
    QTest::newRow("ipv6") << "[::1]:2" << true << "::1" << 2;
    QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
    QTest::newRow("name") << "example:1" << false << "" << 0;
}

void tst_RedisAddress::listenAddresses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto parsed = BridgeCommandLine::parseListen(text);
    QCOMPARE(bool(parsed), valid);
    if (!valid)
        return;
    QTEST(parsed->first.toString(), "address");
    QTEST(int(parsed->second), "port");
}

QTEST_APPLESS_MAIN(tst_RedisAddress)
#include "tst_redisaddress.moc"
