#include "advisor/whatif.h"
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
    void fromJsonGivesTheSameReport_data();
    void fromJsonGivesTheSameReport();
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

namespace {

// A run with something in every part of the report: a FAIL with reasons at both levels, notes
// (insecure, stopped, re-sent frames, the feed's own), connection events, ranges, malformed
// reasons, batch mode, --strict.
RunReport richReport()
{
    RunReport r = cleanReport();
    r.startedAt = QDateTime(QDate(2024, 5, 17), QTime(13, 45, 7, 321));
    r.feedDescription = QStringLiteral("wss://feed.example:9443/raw-messages?count=50");
    r.config.feedUrl = QUrl(r.feedDescription);
    r.config.sinkUrl = QUrl(QStringLiteral("wss://user:s3cret@127.0.0.1:1/ordered-messages/x"));
    r.config.insecure = true;
    r.config.strict = true;
    r.config.mode = ReorderMode::Batch;
    r.config.batchMemoryBytes = quint64(64) << 20;
    r.config.maxBacklogBytes = quint64(32) << 20;
    r.config.backlogOverflow = BacklogOverflow::EndRun;
    r.config.count = 50;
    r.config.startId = -7;
    r.config.window = 4;
    r.config.maxHoldMs = 250;
    r.config.idleTimeoutMs = 5000;
    r.config.drainTimeoutMs = 3000;
    r.config.capturePath = QStringLiteral("/tmp/run-1.jsonl.gz");
    RunCounters &c = r.counters;
    c.received = 60;
    c.malformed = 3;
    c.malformedByReason[std::size_t(MalformedReason::Empty)] = 1;
    c.malformedByReason[std::size_t(MalformedReason::Binary)] = 2;
    c.accepted = 57;
    c.duplicates = 4;
    c.late = 6;
    c.sent = 47;
    c.forwarded = 47;
    c.confirmed = 45;
    c.resent = 12;
    c.unprotected = 1;
    c.feedPauses = 2;
    c.sinkBacklogPeak = 33;
    c.backlogPeakBytes = 123456;
    c.missingIds = c.lostIds = 5;
    c.gapRanges = 2;
    c.recommendedWindow = 9;
    c.maxDistance = 11;
    c.maxLateDistance = 11;
    c.maxEarlyDistance = 3;
    c.feedDrops = 1;
    c.feedReconnects = 1;
    c.sinkDrops = 2;
    c.sinkReconnects = 1;
    c.feedReconnectAttempts = 1;
    c.sinkReconnectAttempts = 3;
    c.feedDownNs = 1234567891;
    c.sinkDownNs = 98765432;
    OrderValidator v;
    for (qint64 id = -7; id < 40; ++id)
        v.add(id);
    r.validation = v.result();
    r.timing = PhaseTiming {1.25, 812.5, 3.125, 790.0625, 830.5};
    r.hold = HoldTimes {0.001, 0.25, 12.5, 40.75};
    r.lostRanges = {{3, 4}, {10, 12}};
    r.droppedRanges = {{20, 20}};
    ConnectionEvent dropped;
    dropped.kind = ConnectionEvent::Kind::Dropped;
    dropped.atNs = 400123456;
    dropped.attempt = 1;
    dropped.reason = QStringLiteral("the remote host closed the connection");
    ConnectionEvent failed = dropped;
    failed.kind = ConnectionEvent::Kind::AttemptFailed;
    failed.atNs = 500000001;
    failed.attempt = 2;
    ConnectionEvent back;
    back.endpoint = ConnectionEvent::Endpoint::Sink;
    back.kind = ConnectionEvent::Kind::Reconnected;
    back.atNs = 1634691347;
    back.downNs = 1234567891;
    r.connectionEvents = {dropped, failed, back};
    r.connectionEventsDropped = 4;
    r.ignoredCertificateErrors = {QStringLiteral("The certificate is self-signed")};
    r.feedNotes = {QStringLiteral("the capture ends in the middle of a line (at 1234 bytes)")};
    r.stopped = true;
    r.endReason = RunEnd::Stopped;
    r.evaluate();
    return r;
}

} // namespace

void tst_RunReport::fromJsonGivesTheSameReport_data()
{
    QTest::addColumn<RunReport>("report");
    const RunReport rich = richReport();
    // Reasons at both levels and every kind of note, or the row proves less than it says.
    QVERIFY(rich.verdict.reasons.size() >= 5 && rich.verdict.notes.size() == 5);
    QVERIFY(rich.verdict.reasons.first().level == Verdict::Fail
            && rich.verdict.reasons.last().level == Verdict::Warn);
    QTest::newRow("rich") << rich;
    QTest::newRow("clean") << cleanReport();
    QTest::newRow("replay that could not be made") << changed([](RunReport &r) {
        r.config.feedKind = FeedKind::Capture;
        r.config.replayPath = QStringLiteral("/tmp/a capture.jsonl");
        r.config.replaySpeed = 2.5;
        r.feedDescription = r.config.feedDescription();
        r.config.sinkUrl = QUrl();
        r.error = QStringLiteral("cannot open the capture");
        r.endReason = RunEnd::FeedFailed;
    });
    QTest::newRow("no run") << RunReport();
    QTest::newRow("adaptive window with its what-if table") << changed([](RunReport &r) {
        r.config.autoWindow = true;
        r.config.maxWindow = 4096;
        r.config.maxHoldMs = 50;
        r.counters.windowSmallest = 16;
        r.counters.windowLargest = 600;
        r.counters.windowFinal = 40;
        r.counters.windowChanges = 17;
        ArrivalLog log;
        const qint64 ids[] = {1, 0, 3, 2, 7, 4, 5, 6, 9, 8};
        for (qint64 i = 0; i < 10; ++i)
            log.append(ids[i], i * 1000000);
        r.whatIf = WhatIfTable::analyse(log, WhatIfRun {0, true, 4096, 50, std::nullopt}, 2);
    });
}

void tst_RunReport::fromJsonGivesTheSameReport()
{
    // A past run in the history is shown from its JSON: exactly as it was, verdict included.
    QFETCH(RunReport, report);
    const QJsonObject json = report.toJson();
    // Through text, as the history keeps it.
    const RunReport back = RunReport::fromJson(
        QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object());
    QCOMPARE(back.toJson(), json);
    QCOMPARE(back.verdict.level, report.verdict.level);
    QCOMPARE(back.verdict.reasons.size(), report.verdict.reasons.size());
    for (qsizetype i = 0; i < report.verdict.reasons.size(); ++i) {
        const VerdictReason &a = report.verdict.reasons.at(i);
        const VerdictReason &b = back.verdict.reasons.at(i);
        QCOMPARE(b.level, a.level);
        QCOMPARE(b.code, a.code);
        QCOMPARE(b.count, a.count);
        QCOMPARE(b.text, a.text);
    }
    QCOMPARE(back.verdict.notes, report.verdict.notes);
    QCOMPARE(back.summary(), report.summary());
    QCOMPARE(back.exitCode(), report.exitCode());
    QCOMPARE(back.startedAt, report.startedAt);
    QCOMPARE(back.connectionEvents.size(), report.connectionEvents.size());
    for (qsizetype i = 0; i < report.connectionEvents.size(); ++i)
        QCOMPARE(back.connectionEvents.at(i).text(), report.connectionEvents.at(i).text());
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
