#include "reorder/latencyhistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

class tst_LatencyHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void exactSmallValues();
    void percentilesWithinPrecision_data();
    void percentilesWithinPrecision();
    void extremes();
};

void tst_LatencyHistogram::empty()
{
    LatencyHistogram h;
    QCOMPARE(h.count(), quint64(0));
    QCOMPARE(h.percentile(50), qint64(0));
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.max(), qint64(0));
}

void tst_LatencyHistogram::exactSmallValues()
{
    LatencyHistogram h;
    for (qint64 v = 1; v <= 100; ++v)
        h.record(v);
    QCOMPARE(h.min(), qint64(1));
    QCOMPARE(h.max(), qint64(100));
    QCOMPARE(h.percentile(50), qint64(50));
    QCOMPARE(h.percentile(99), qint64(99));
    QCOMPARE(h.percentile(100), qint64(100));
    QCOMPARE(h.percentile(0), qint64(1));
    h.record(-5); // a clock step backwards is clamped, not a crash
    QCOMPARE(h.min(), qint64(0));
}

void tst_LatencyHistogram::percentilesWithinPrecision_data()
{
    QTest::addColumn<double>("scale");
    for (double scale : {1e3, 1e6, 1e9, 1e12})
        QTest::addRow("scale %g", scale) << scale;
}

void tst_LatencyHistogram::percentilesWithinPrecision()
{
    QFETCH(double, scale);
    std::mt19937_64 rng(3);
    std::exponential_distribution<double> dist(1.0);
    std::vector<qint64> values(20000);
    LatencyHistogram h;
    for (qint64 &v : values) {
        v = qint64(dist(rng) * scale);
        h.record(v);
    }
    std::sort(values.begin(), values.end());
    for (double p : {50.0, 90.0, 99.0, 99.9}) {
        const qint64 exact = values[std::size_t(std::ceil(p / 100 * values.size())) - 1];
        const double error = std::abs(double(h.percentile(p) - exact)) / std::max<double>(exact, 1);
        QVERIFY2(
            error < 0.01,
            qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(h.percentile(p)).arg(exact)));
    }
    QCOMPARE(h.min(), values.front());
    QCOMPARE(h.max(), values.back());
}

void tst_LatencyHistogram::extremes()
{
    LatencyHistogram h;
    h.record(std::numeric_limits<qint64>::max());
    h.record(0);
    QCOMPARE(h.max(), std::numeric_limits<qint64>::max());
    QCOMPARE(h.percentile(100), std::numeric_limits<qint64>::max());
    QCOMPARE(h.percentile(50), qint64(0));
}

QTEST_APPLESS_MAIN(tst_LatencyHistogram)
#include "tst_latencyhistogram.moc"
