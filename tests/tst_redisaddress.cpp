#include "redis/redisaddress.h"

#include <QTest>

// Where Redis settings enter: URLs and stream ids (the options that carry them: tst_commandline).
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

QTEST_APPLESS_MAIN(tst_RedisAddress)
#include "tst_redisaddress.moc"
