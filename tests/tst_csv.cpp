#include "files/csv.h"
#include "files/runcsvwriter.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_Csv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoting_data();
    void quoting();
    void roundTrip();
    void writerRowsInArrivalOrder();
    void writerWaitsForSentTime();
    void writerWithoutSinkWritesAtRelease();
    void writerFailsOnBadPath();
};

void tst_Csv::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");

    QTest::newRow("plain") << "abc"
                           << "abc";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
    QTest::newRow("crlf") << "a\r\nb"
                          << "\"a\r\nb\"";
    QTest::newRow("leading space") << " a"
                                   << "\" a\"";
    QTest::newRow("formula =") << "=1+1"
                               << "'=1+1";
    QTest::newRow("formula +") << "+SUM(A1)"
                               << "'+SUM(A1)";
    QTest::newRow("formula -") << "-2+3"
                               << "'-2+3";
    QTest::newRow("formula @") << "@cmd"
                               << "'@cmd";
    QTest::newRow("formula tab") << "\t=1"
                                 << "'\t=1";
    QTest::newRow("formula CR") << "\r=1"
                                << "\"'\r=1\"";
    QTest::newRow("formula with comma") << "=HYPERLINK(\"x\",\"y\")"
                                        << "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"";
    QTest::newRow("negative number stays") << "-42"
                                           << "-42";
    QTest::newRow("signed float stays") << "-1.5e3"
                                        << "-1.5e3";
    QTest::newRow("plus number stays") << "+7"
                                       << "+7";
    QTest::newRow("json string") << "\"hello\""
                                 << "\"\"\"hello\"\"\"";
    QTest::newRow("unicode") << QStringLiteral(u"привет") << QStringLiteral(u"привет");
}

void tst_Csv::quoting()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(Csv::text(value), cell);
}

void tst_Csv::roundTrip()
{
    const QStringList values {QStringLiteral("a,b"), QStringLiteral("x\"y"),
                              QStringLiteral("line\nbreak"), QString(), QStringLiteral("plain")};
    QStringList fields;
    for (const QString &v : values)
        fields << Csv::text(v);
    const QString document =
        Csv::row(fields) + Csv::row({QStringLiteral("1"), QStringLiteral("2")});
    const QList<QStringList> rows = Csv::parse(document);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0], values);
    QCOMPARE(rows[1], (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
}

namespace {

using namespace TestUtil;

MessageArrival arrival(quint64 index, qint64 id, const QString &frame, MessageStatus status,
                       MalformedReason reason = MalformedReason::None)
{
    MessageArrival a;
    a.index = index;
    a.id = id;
    a.arrivalNs = qint64(index) * 1000000;
    a.frame = frame;
    a.status = status;
    a.reason = reason;
    const DecodedMessage m = MessageCodec::decode(frame);
    if (m.isValid()) {
        a.textStart = m.textStart;
        a.textLength = m.textLength;
    }
    return a;
}

} // namespace

void tst_Csv::writerRowsInArrivalOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    RunCsvWriter writer(path);
    QString error;
    QVERIFY2(writer.open(&error), qPrintable(error));

    RunEventBatch first;
    first.arrivals << arrival(0, 2, QStringLiteral(R"x({"id":2,"text":"=cmd()"})x"),
                              MessageStatus::Accepted)
                   << arrival(1, 0, QStringLiteral("nonsense, \"quoted\""),
                              MessageStatus::Malformed, MalformedReason::NotJson)
                   << arrival(2, 1, QStringLiteral(R"({"id":1,"text":-5})"),
                              MessageStatus::Accepted);
    first.releases << MessageRelease {2, 0, 0, 3000000, 1000000, 3000000};
    writer.add(first);
    QVERIFY(!QFile::exists(path)); // written atomically on finish

    RunEventBatch second;
    second.arrivals << arrival(3, 1, QStringLiteral(R"({"id":1,"text":-5})"),
                               MessageStatus::Duplicate);
    second.releases << MessageRelease {0, 1, -1, 4000000, 4000000, 4000000};
    writer.add(second);
    QVERIFY2(writer.finish(&error), qPrintable(error));
    QCOMPARE(writer.rowsWritten(), quint64(4));

    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0], RunCsvWriter::header());
    QCOMPARE(rows[1],
             (QStringList {"0", "2", "\"=cmd()\"", "0.000", "accepted", "1", "-1", "4.000", "4.000",
                           "", ""}));
    QCOMPARE(rows[2].at(4), QStringLiteral("malformed"));
    QCOMPARE(rows[2].at(9), QStringLiteral("not_json"));
    QCOMPARE(rows[2].at(10), QStringLiteral("nonsense, \"quoted\""));
    QCOMPARE(rows[2].at(1), QString()); // no id for a malformed frame
    QCOMPARE(
        rows[3],
        (QStringList {"2", "1", "-5", "2.000", "accepted", "0", "0", "1.000", "3.000", "", ""}));
    QCOMPARE(rows[4].at(4), QStringLiteral("duplicate"));
    QCOMPARE(rows[4].at(5), QString());
}

void tst_Csv::writerWaitsForSentTime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("queued.csv"));
    RunCsvWriter writer(path);
    QVERIFY(writer.open(nullptr));
    RunEventBatch batch;
    batch.arrivals << arrival(0, 0, QStringLiteral(R"({"id":0})"), MessageStatus::Accepted)
                   << arrival(1, 1, QStringLiteral(R"({"id":1})"), MessageStatus::Accepted);
    batch.releases << MessageRelease {0, 0, 0, 1, 1, -1} << MessageRelease {1, 1, 0, 1, 1, -1};
    writer.add(batch);
    QCOMPARE(writer.rowsWritten(), quint64(0)); // waiting for the sink
    RunEventBatch sent;
    sent.sent << SentUpdate {0, 2, 9000000};
    writer.add(sent);
    QCOMPARE(writer.rowsWritten(), quint64(2));
    QVERIFY(writer.finish(nullptr));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1].at(8), QStringLiteral("9.000"));
    QCOMPARE(rows[2].at(8), QStringLiteral("9.000"));
}

void tst_Csv::writerWithoutSinkWritesAtRelease()
{
    // No sink, no sent time to wait for: rows go out as soon as they are released, so memory
    // holds about the window, not the whole run.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nosink.csv"));
    RunCsvWriter writer(path);
    QVERIFY(writer.open(nullptr));
    RunEventBatch batch;
    batch.arrivals << arrival(0, 0, QStringLiteral(R"({"id":0})"), MessageStatus::Accepted)
                   << arrival(1, 1, QStringLiteral(R"({"id":1})"), MessageStatus::Accepted);
    batch.releases << MessageRelease {0, 0, 0, 1, 1, MessageRelease::NotForwarded}
                   << MessageRelease {1, 1, 0, 1, 1, MessageRelease::NotForwarded};
    writer.add(batch);
    QCOMPARE(writer.rowsWritten(), quint64(2));
    QVERIFY(writer.finish(nullptr));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1].at(8), QString()); // never sent
}

void tst_Csv::writerFailsOnBadPath()
{
    RunCsvWriter writer(QStringLiteral("/nonexistent-dir/x/run.csv"));
    QString error;
    QVERIFY(!writer.open(&error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x/run.csv")));
}

QTEST_APPLESS_MAIN(tst_Csv)
#include "tst_csv.moc"
