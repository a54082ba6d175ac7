#include "run/runreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_RunReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractKeys();
    void verdicts_data();
    void verdicts();
    void reasonsLargestLossFirst();
    void exitCodes();
    void windowTooSmallSaysWhatWouldHaveWorked();
    void jsonRoundTrip();
    void passwordsStayOut();
};

namespace {

// A clean run: 8 messages in, 8 ordered out, all confirmed.
RunReport cleanReport()
{
    RunReport r;
    r.endReason = RunEnd::FeedClosed;
    r.config.window = 64;
    r.config.sinkUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/ordered-messages/x"));
    r.counters.received = 8;
    r.counters.accepted = 8;
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

// The same run with `change` applied to it, evaluated again.
template<class Change> RunReport changed(Change change)
{
    RunReport r = cleanReport();
    change(r);
    r.evaluate();
    return r;
}

} // namespace

void tst_RunReport::contractKeys()
{
    const QJsonObject o = cleanReport().toJson();
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

void tst_RunReport::verdicts_data()
{
    QTest::addColumn<RunReport>("report");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("code"); // the first reason's

    QTest::newRow("clean") << cleanReport() << Verdict::Pass << QString();
    // The feed was unhealthy; nothing that arrived was dropped: WARN.
    QTest::newRow("malformed") << changed([](RunReport &r) {
        r.counters.received += 2;
        r.counters.malformed = 2;
    }) << Verdict::Warn << QStringLiteral("malformed");
    QTest::newRow("duplicates") << changed([](RunReport &r) {
        r.counters.received += 1;
        r.counters.accepted += 1;
        r.counters.duplicates = 1;
    }) << Verdict::Warn << QStringLiteral("duplicates");
    QTest::newRow("ids never arrived") << changed([](RunReport &r) {
        r.counters.missingIds = r.counters.lostIds = 3;
        r.counters.gapRanges = 1;
    }) << Verdict::Warn << QStringLiteral("missing_ids");
    QTest::newRow("nothing arrived") << changed([](RunReport &r) {
        r.counters = RunCounters();
        r.validation = ValidationResult();
    }) << Verdict::Warn << QStringLiteral("nothing_arrived");
    QTest::newRow("count not reached") << changed([](RunReport &r) { r.config.count = 10; })
                                       << Verdict::Warn << QStringLiteral("count_not_reached");
    // Something that arrived was dropped, or the output is wrong: FAIL.
    QTest::newRow("late") << changed([](RunReport &r) {
        r.counters.received += 1;
        r.counters.accepted += 1;
        r.counters.late = 1;
        r.config.window = 4;
    }) << Verdict::Fail << QStringLiteral("late");
    QTest::newRow("late beats warnings") << changed([](RunReport &r) {
        r.counters.received += 100;
        r.counters.malformed = 99;
        r.counters.accepted += 1;
        r.counters.late = 1;
        r.config.window = 4;
    }) << Verdict::Fail << QStringLiteral("late");
    QTest::newRow("unconfirmed") << changed([](RunReport &r) { r.counters.confirmed = 7; })
                                 << Verdict::Fail << QStringLiteral("unconfirmed");
    QTest::newRow("not written") << changed([](RunReport &r) {
        r.counters.forwarded = r.counters.confirmed = 6;
    }) << Verdict::Fail << QStringLiteral("not_written");
    QTest::newRow("unordered") << changed([](RunReport &r) {
        OrderValidator v;
        for (qint64 id : {0, 2, 1, 3, 4, 5, 6, 7})
            v.add(id);
        r.validation = v.result();
    }) << Verdict::Fail << QStringLiteral("unordered");
    QTest::newRow("unbalanced") << changed([](RunReport &r) { r.counters.sent = 7; })
                                << Verdict::Fail << QStringLiteral("unbalanced");
    QTest::newRow("error") << changed([](RunReport &r) {
        r.error = QStringLiteral("cannot connect");
    }) << Verdict::Fail << QStringLiteral("error");
    QTest::newRow("no run") << RunReport() << Verdict::Fail << QString();
}

void tst_RunReport::verdicts()
{
    QFETCH(RunReport, report);
    QFETCH(Verdict, verdict);
    QFETCH(QString, code);
    QCOMPARE(report.verdict.level, verdict);
    const QJsonObject o = report.toJson();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), RunVerdict::key(verdict));
    QCOMPARE(o.value(QStringLiteral("passed")).toBool(), verdict == Verdict::Pass);
    if (code.isEmpty()) {
        if (verdict == Verdict::Pass)
            QVERIFY(report.verdict.reasons.isEmpty());
        return;
    }
    QVERIFY(!report.verdict.reasons.isEmpty());
    QCOMPARE(report.verdict.reasons.first().code, code);
    QCOMPARE(o.value(QStringLiteral("reasons")).toArray().first().toString(),
             report.verdict.reasons.first().text);
    QCOMPARE(o.value(QStringLiteral("reason_codes")).toArray().first().toObject().value("code"),
             code);
    // The first line of the summary says the verdict and its reasons.
    const QString first = report.summary().section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(first.startsWith(RunVerdict::key(verdict).toUpper()), qPrintable(first));
    QVERIFY2(first.contains(report.verdict.reasons.first().text), qPrintable(first));
}

void tst_RunReport::reasonsLargestLossFirst()
{
    const RunReport r = changed([](RunReport &r) {
        r.counters.received += 30;
        r.counters.malformed = 5;
        r.counters.accepted += 25;
        r.counters.duplicates = 20;
        r.counters.late = 2;
        r.counters.sent = 11; // 8 + 3 that were not late
        r.counters.forwarded = r.counters.confirmed = 11;
        r.config.window = 2;
        r.counters.missingIds = r.counters.lostIds = 9;
        OrderValidator v;
        for (qint64 id = 0; id < 11; ++id)
            v.add(id);
        r.validation = v.result();
    });
    QStringList codes;
    for (const VerdictReason &reason : r.verdict.reasons)
        codes << reason.code;
    // FAIL first; then WARN, each group by size.
    QCOMPARE(codes,
             (QStringList {QStringLiteral("late"), QStringLiteral("duplicates"),
                           QStringLiteral("missing_ids"), QStringLiteral("malformed")}));
}

void tst_RunReport::exitCodes()
{
    const RunReport clean = cleanReport();
    QCOMPARE(clean.exitCode(), 0);
    QCOMPARE(changed([](RunReport &r) { r.config.strict = true; }).exitCode(), 0);
    const RunReport warn = changed([](RunReport &r) {
        r.counters.received += 1;
        r.counters.malformed = 1;
    });
    QCOMPARE(warn.exitCode(), 0);
    RunReport strictWarn = warn;
    strictWarn.config.strict = true; // --strict
    QCOMPARE(strictWarn.exitCode(), 1);
    QCOMPARE(strictWarn.toJson().value(QStringLiteral("exit_status")).toInt(), 1);
    const RunReport fail = changed([](RunReport &r) { r.counters.confirmed = 1; });
    QCOMPARE(fail.exitCode(), 1);

    const RunReport error = changed([](RunReport &r) { r.error = QStringLiteral("refused"); });
    QCOMPARE(error.exitCode(), 2);
    QCOMPARE(error.toJson().value(QStringLiteral("exit_status")).toInt(), 2);
    QVERIFY(error.summary().contains(QStringLiteral("refused")));
}

void tst_RunReport::windowTooSmallSaysWhatWouldHaveWorked()
{
    const RunReport r = changed([](RunReport &r) {
        r.counters.received += 1;
        r.counters.accepted += 1;
        r.counters.late = 1;
        r.config.window = 4; // recommended is 5
    });
    QVERIFY(r.failed());
    QVERIFY(r.windowTooSmall());
    const QString reason = r.verdict.reasons.first().text;
    QVERIFY2(reason.contains(QStringLiteral("W = 4")) && reason.contains(QStringLiteral("W = 5")),
             qPrintable(reason));
    QCOMPARE(r.toJson().value(QStringLiteral("window_too_small")).toBool(), true);
}

void tst_RunReport::jsonRoundTrip()
{
    RunReport r = cleanReport();
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
    RunReport r = cleanReport();
    r.config.sinkUrl = QUrl(QStringLiteral("wss://user:s3cret@127.0.0.1:1/ordered-messages/x"));
    r.evaluate();
    const QByteArray json = QJsonDocument(r.toJson()).toJson();
    QVERIFY(!json.contains("s3cret"));
    QVERIFY(json.contains("user@127.0.0.1"));
    QVERIFY(!r.summary().contains(QStringLiteral("s3cret")));
}

QTEST_APPLESS_MAIN(tst_RunReport)
#include "tst_runreport.moc"
