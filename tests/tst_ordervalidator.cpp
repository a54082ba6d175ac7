#include "reorder/intervalset.h"
#include "reorder/ordervalidator.h"

#include <QTest>

#include <random>
#include <set>

class tst_OrderValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data();
    void sequences();
    void randomAgainstBruteForce_data();
    void randomAgainstBruteForce();
    void intervalSetBounded();
    void intervalSetEdges();
    void intervalSetMatchesModel_data();
    void intervalSetMatchesModel();
};

using Ids = QList<qint64>;

void tst_OrderValidator::sequences_data()
{
    QTest::addColumn<Ids>("ids");
    QTest::addColumn<bool>("ordered");
    QTest::addColumn<quint64>("inversions");
    QTest::addColumn<quint64>("duplicates");
    QTest::addColumn<quint64>("missing");
    QTest::addColumn<quint64>("gaps");

    QTest::newRow("empty") << Ids {} << true << quint64(0) << quint64(0) << quint64(0)
                           << quint64(0);
    QTest::newRow("one") << Ids {7} << true << quint64(0) << quint64(0) << quint64(0) << quint64(0);
    QTest::newRow("contiguous") << Ids {1, 2, 3, 4} << true << quint64(0) << quint64(0)
                                << quint64(0) << quint64(0);
    QTest::newRow("increasing with gaps")
        << Ids {1, 3, 4, 8} << true << quint64(0) << quint64(0) << quint64(4) << quint64(2);
    QTest::newRow("one swap") << Ids {1, 3, 2, 4} << false << quint64(1) << quint64(0) << quint64(0)
                              << quint64(0);
    QTest::newRow("reversed") << Ids {5, 4, 3, 2, 1} << false << quint64(10) << quint64(0)
                              << quint64(0) << quint64(0);
    QTest::newRow("repeat") << Ids {1, 2, 2, 3} << false << quint64(0) << quint64(1) << quint64(0)
                            << quint64(0);
    QTest::newRow("old repeat") << Ids {1, 2, 3, 1} << false << quint64(2) << quint64(1)
                                << quint64(0) << quint64(0);
    QTest::newRow("negative") << Ids {-3, -2, -1, 0} << true << quint64(0) << quint64(0)
                              << quint64(0) << quint64(0);
    QTest::newRow("int64 edges") << Ids {std::numeric_limits<qint64>::min(),
                                         std::numeric_limits<qint64>::max()}
                                 << true << quint64(0) << quint64(0)
                                 << std::numeric_limits<quint64>::max() - 1 << quint64(1);
}

void tst_OrderValidator::sequences()
{
    QFETCH(Ids, ids);
    QFETCH(bool, ordered);
    QFETCH(quint64, inversions);
    QFETCH(quint64, duplicates);
    QFETCH(quint64, missing);
    QFETCH(quint64, gaps);
    OrderValidator v;
    for (qint64 id : ids)
        v.add(id);
    const ValidationResult r = v.result();
    QCOMPARE(r.ordered(), ordered);
    QCOMPARE(r.inversions, inversions);
    QCOMPARE(r.duplicates, duplicates);
    QCOMPARE(r.missingIds, missing);
    QCOMPARE(r.gapRanges, gaps);
    QCOMPARE(r.count, quint64(ids.size()));
    QCOMPARE(r.firstViolationIndex < 0, ordered);
}

void tst_OrderValidator::randomAgainstBruteForce_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 30; ++seed)
        QTest::addRow("seed%llu", seed) << seed;
}

void tst_OrderValidator::randomAgainstBruteForce()
{
    QFETCH(quint64, seed);
    std::mt19937_64 rng(seed);
    std::vector<qint64> ids(300);
    for (qint64 &id : ids)
        id = qint64(rng() % 400);
    OrderValidator v;
    for (qint64 id : ids)
        v.add(id);
    quint64 inversions = 0;
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j)
            inversions += ids[i] > ids[j];
    const std::set<qint64> unique(ids.begin(), ids.end());
    const ValidationResult r = v.result();
    // Inversions count pairs against distinct earlier ids; with repeats, compare on unique ones.
    quint64 distinctInversions = 0;
    {
        std::set<qint64> seen;
        for (qint64 id : ids) {
            for (qint64 s : seen)
                distinctInversions += s > id;
            seen.insert(id);
        }
    }
    QCOMPARE(r.inversions, distinctInversions);
    QVERIFY(r.inversions <= inversions);
    QCOMPARE(r.unique, quint64(unique.size()));
    QCOMPARE(r.duplicates, quint64(ids.size() - unique.size()));
    QCOMPARE(r.missingIds, quint64(*unique.rbegin() - *unique.begin() + 1) - unique.size());
}

void tst_OrderValidator::intervalSetBounded()
{
    IntervalSet set(16);
    for (qint64 i = 0; i < 1000; ++i)
        set.insert(i * 3); // every id a separate interval
    QCOMPARE(set.intervalCount(), std::size_t(16));
    QVERIFY(set.hasForgotten());
    QCOMPARE(set.floor(), qint64(983 * 3 + 1));
    QVERIFY(set.contains(999 * 3));
    QVERIFY(!set.contains(999 * 3 - 1));
    QCOMPARE(set.countIn(0, 3000), quint64(16));
}

void tst_OrderValidator::intervalSetEdges()
{
    IntervalSet set;
    const qint64 min = std::numeric_limits<qint64>::min();
    const qint64 max = std::numeric_limits<qint64>::max();
    set.insert(min, min + 2);
    set.insert(max - 1, max);
    set.insert(5, 9);
    set.insert(10, 12); // touches 5..9: merged
    QCOMPARE(set.intervalCount(), std::size_t(3));
    QCOMPARE(set.count(), quint64(3 + 2 + 8));
    QVERIFY(set.remove(7));
    QCOMPARE(set.intervalCount(), std::size_t(4));
    QCOMPARE(set.countIn(6, 8), quint64(2));
    QVERIFY(!set.remove(7));
    set.insert(min, max);
    QCOMPARE(set.intervalCount(), std::size_t(1));
    QCOMPARE(set.count(), std::numeric_limits<quint64>::max()); // 2^64 ids saturate
    QVERIFY(set.contains(0));
}

void tst_OrderValidator::intervalSetMatchesModel_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("span");
    for (quint64 seed = 1; seed <= 6; ++seed) {
        for (qint64 span : {qint64(40), qint64(2000)})
            QTest::addRow("seed%llu span%lld", seed, span) << seed << span;
    }
}

void tst_OrderValidator::intervalSetMatchesModel()
{
    // Random inserts of ranges and removals of single ids against a plain std::set: membership,
    // counts in ranges (the O(log n) path), and the intervals themselves.
    QFETCH(quint64, seed);
    QFETCH(qint64, span);
    std::mt19937_64 rng(seed);
    IntervalSet set;
    std::set<qint64> model;
    for (int step = 0; step < 3000; ++step) {
        const qint64 a = qint64(rng() % quint64(span)) - span / 2;
        if (rng() % 3 == 0) {
            const qint64 b = a + qint64(rng() % 8);
            set.insert(a, b);
            for (qint64 id = a; id <= b; ++id)
                model.insert(id);
        } else {
            QCOMPARE(set.remove(a), model.erase(a) == 1);
        }
        const qint64 lo = qint64(rng() % quint64(span)) - span / 2;
        const qint64 hi = lo + qint64(rng() % quint64(span));
        const auto inRange = std::distance(model.lower_bound(lo), model.upper_bound(hi));
        QCOMPARE(set.countIn(lo, hi), quint64(inRange));
        QCOMPARE(set.contains(lo), model.count(lo) == 1);
        QCOMPARE(set.count(), quint64(model.size()));
    }
    // The intervals are maximal runs of the model, lowest first.
    std::vector<std::pair<qint64, qint64>> runs;
    for (qint64 id : model) {
        if (!runs.empty() && runs.back().second + 1 == id)
            runs.back().second = id;
        else
            runs.emplace_back(id, id);
    }
    const auto intervals = set.intervals(runs.size() + 1);
    QCOMPARE(std::size_t(intervals.size()), runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        QCOMPARE(std::make_pair(intervals[qsizetype(i)].first, intervals[qsizetype(i)].second),
                 runs[i]);
}

QTEST_APPLESS_MAIN(tst_OrderValidator)
#include "tst_ordervalidator.moc"
