#include "run/runtiming.h"

#include <QTest>
#include <QThread>

class tst_RunTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phasesInOrder();
    void unfinishedPhasesRunToNow();
    void marksAreSetOnce();
};

void tst_RunTiming::phasesInOrder()
{
    RunTiming t;
    t.start();
    QThread::msleep(5);
    t.markFeedConnected();
    QThread::msleep(5);
    t.markSinkConnected();
    t.markSendStarted();
    QThread::msleep(10);
    t.markFeedEnded();
    t.addOrderNs(3000000);
    QThread::msleep(5);
    t.markSendFinished();
    t.markFinished();

    const PhaseTiming p = t.phases(true);
    QVERIFY(p.connectMs >= 10); // both ends: until the sink connected
    QVERIFY(t.phases(false).connectMs < p.connectMs);
    QVERIFY(p.receiveMs >= 15);
    QCOMPARE(p.orderMs, 3.0);
    QVERIFY(p.sendMs >= 15);
    QVERIFY(p.totalMs >= p.connectMs + 10);
    QVERIFY(p.totalMs >= p.receiveMs);
    // Finished: asking again later gives the same figures.
    QThread::msleep(5);
    QCOMPARE(t.phases(true).totalMs, p.totalMs);
}

void tst_RunTiming::unfinishedPhasesRunToNow()
{
    RunTiming t;
    QVERIFY(!t.isStarted());
    t.start();
    t.markFeedConnected();
    QThread::msleep(5);
    const PhaseTiming a = t.phases(false);
    QThread::msleep(5);
    const PhaseTiming b = t.phases(false);
    QVERIFY(b.receiveMs > a.receiveMs);
    QVERIFY(b.totalMs > a.totalMs);
    QCOMPARE(b.sendMs, 0.0); // never started
}

void tst_RunTiming::marksAreSetOnce()
{
    RunTiming t;
    t.start();
    t.markSendStarted();
    QThread::msleep(5);
    t.markSendStarted(); // the first frame counts, not the last
    t.markSendFinished();
    QVERIFY(t.phases(false).sendMs >= 4);
}

QTEST_APPLESS_MAIN(tst_RunTiming)
#include "tst_runtiming.moc"
