// CompareFigures: the rows of two runs side by side, as the results panel words them; a figure
// that does not exist is "–", never a value it does not have.
#include "comparefigures.h"

#include <QTest>

class tst_CompareFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRunThatSentNothingHasNoOrder();
};

namespace {

HistoryRecord recordOf(const RunReport &report)
{
    HistoryRecord r;
    r.report = report;
    return r;
}

QMap<QString, CompareRow> byFigure(const QList<CompareRow> &rows)
{
    QMap<QString, CompareRow> map;
    for (const CompareRow &row : rows)
        map.insert(row.figure, row);
    return map;
}

} // namespace

void tst_CompareFigures::aRunThatSentNothingHasNoOrder()
{
    RunReport never; // never connected: nothing received, nothing sent
    RunReport ran;
    ran.counters.received = ran.counters.accepted = ran.counters.sent = 100;
    ran.counters.recommendedWindow = 12;
    ran.counters.maxDistance = 11;
    ran.throughput = 5000;
    ran.hold.p99Ms = 1.5;
    const QMap<QString, CompareRow> rows =
        byFigure(CompareFigures::rows(recordOf(never), recordOf(ran)));
    const QString none = QStringLiteral("–");
    for (const char *figure : {"Ordered", "Inversions", "Max distance", "Recommended window",
                               "Throughput (msg/s)", "Hold p99", "Hold min"}) {
        QVERIFY2(rows.contains(QLatin1String(figure)), figure);
        QCOMPARE(rows.value(QLatin1String(figure)).a, none);
        QVERIFY2(rows.value(QLatin1String(figure)).b != none, figure);
    }
    QCOMPARE(rows.value(QStringLiteral("Ordered")).b, QStringLiteral("yes"));
    QCOMPARE(rows.value(QStringLiteral("Recommended window")).b, QStringLiteral("12"));
    QCOMPARE(rows.value(QStringLiteral("Received")).a, QStringLiteral("0")); // counts exist
}

QTEST_GUILESS_MAIN(tst_CompareFigures)
#include "tst_comparefigures.moc"
