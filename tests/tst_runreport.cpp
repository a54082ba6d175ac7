#include "run/runreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_RunReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractKeys();
    void passAndExitCodes();
    void windowTooSmallWarning();
    void jsonRoundTrip();
    void passwordsStayOut();
};

namespace {

RunReport passingReport()
{
    RunReport r;
    r.endReason = RunEnd::FeedClosed;
    r.config.window = 64;
    r.config.sinkUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/ordered-messages/x"));
    r.counters.received = 12;
    r.counters.accepted = 10;
    r.counters.malformed = 2;
    r.counters.duplicates = 1;
    r.counters.late = 1;
    r.counters.sent = 8;
    r.counters.forwarded = 8;
    r.counters.confirmed = 8;
    r.counters.recommendedWindow = 5;
    OrderValidator v;
    for (qint64 id = 0; id < 8; ++id)
        v.add(id);
    r.validation = v.result();
    r.evaluate();
    return r;
}

} // namespace

void tst_RunReport::contractKeys()
{
    const QJsonObject o = passingReport().toJson();
    // docs/PROTOCOL.md's report keys: scripts rely on these.
    for (const char *key :
         {"received", "accepted", "malformed", "duplicates", "late", "sent", "missing_ids",
          "ordered", "inversions", "max_distance", "recommended_window", "window", "mode",
          "timing_ms", "throughput_msgs_per_s", "hold_ms"}) {
        QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    for (const char *key : {"connect", "receive", "order", "send", "total"})
        QVERIFY2(o.value(QStringLiteral("timing_ms")).toObject().contains(QLatin1String(key)), key);
    for (const char *key : {"min", "p50", "p99", "max"})
        QVERIFY2(o.value(QStringLiteral("hold_ms")).toObject().contains(QLatin1String(key)), key);
    QVERIFY(o.value(QStringLiteral("ordered")).isBool());
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("stream"));
    QCOMPARE(o.value(QStringLiteral("sent")).toInteger(), 8);
    QCOMPARE(o.value(QStringLiteral("window")).toInteger(), 64);
}

void tst_RunReport::passAndExitCodes()
{
    RunReport ok = passingReport();
    QVERIFY(ok.passed());
    QCOMPARE(ok.exitCode(), 0);

    RunReport wrongCount = passingReport();
    wrongCount.counters.sent = 7;
    wrongCount.evaluate();
    QVERIFY(!wrongCount.passed());
    QCOMPARE(wrongCount.exitCode(), 1);

    RunReport unordered = passingReport();
    OrderValidator v;
    for (qint64 id : {0, 2, 1, 3, 4, 5, 6, 7})
        v.add(id);
    unordered.validation = v.result();
    unordered.evaluate();
    QCOMPARE(unordered.exitCode(), 1);
    QVERIFY(unordered.problems.join(' ').contains(QStringLiteral("inversions")));

    RunReport unconfirmed = passingReport();
    unconfirmed.counters.confirmed = 7;
    unconfirmed.evaluate();
    QCOMPARE(unconfirmed.exitCode(), 1);

    RunReport failed = passingReport();
    failed.error = QStringLiteral("cannot connect");
    failed.evaluate();
    QCOMPARE(failed.exitCode(), 2);
    QVERIFY(failed.summary().contains(QStringLiteral("cannot connect")));
}

void tst_RunReport::windowTooSmallWarning()
{
    RunReport r = passingReport();
    r.config.window = 4; // recommended is 5 and one message was late
    r.evaluate();
    QVERIFY(r.passed()); // late messages are counted, not a validation failure
    QVERIFY(r.windowTooSmall());
    QVERIFY(r.warnings.join(' ').contains(QStringLiteral("too small")));
    QCOMPARE(r.toJson().value(QStringLiteral("window_too_small")).toBool(), true);
}

void tst_RunReport::jsonRoundTrip()
{
    RunReport r = passingReport();
    r.counters.missingIds = std::numeric_limits<quint64>::max(); // clamps, stays a number
    r.lostRanges = {{3, 4}, {10, 14}};
    const QByteArray json = QJsonDocument(r.toJson()).toJson();
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back.object().value(QStringLiteral("missing_ids")).toInteger(),
             std::numeric_limits<qint64>::max());
    QCOMPARE(back.object().value(QStringLiteral("lost_id_ranges")).toArray().size(), 2);
}

void tst_RunReport::passwordsStayOut()
{
    RunReport r = passingReport();
    r.config.sinkUrl = QUrl(QStringLiteral("wss://user:s3cret@127.0.0.1:1/ordered-messages/x"));
    r.evaluate();
    const QByteArray json = QJsonDocument(r.toJson()).toJson();
    QVERIFY(!json.contains("s3cret"));
    QVERIFY(json.contains("user@127.0.0.1"));
    QVERIFY(!r.summary().contains(QStringLiteral("s3cret")));
}

QTEST_APPLESS_MAIN(tst_RunReport)
#include "tst_runreport.moc"
