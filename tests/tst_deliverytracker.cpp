#include "run/deliverytracker.h"

#include <QTest>

#include <algorithm>

// What a run acknowledges to its feed: the largest prefix of arrivals dealt with.
class tst_DeliveryTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_data();
    void script();
    void reportsOnlyGrowth();
    void longRunStaysSmall();
};

void tst_DeliveryTracker::script_data()
{
    // Events, in order: P / D an arrival held (pending) or dealt with at once (indices count
    // from `first`), R<i> arrival i released with no sink, F<i> arrival i forwarded as the next
    // output, C<k> the sink confirmed k outputs. `acks`: acknowledged() after each event.
    QTest::addColumn<quint64>("first");
    QTest::addColumn<QString>("events");
    QTest::addColumn<QList<quint64>>("acks");
    using L = QList<quint64>;
    QTest::newRow("dealt with at once") << quint64(0) << "D D D" << L {1, 2, 3};
    QTest::newRow("held, then released without a sink")
        << quint64(0) << "P D D R0" << L {0, 0, 0, 3};
    QTest::newRow("forwarded waits for the sink") << quint64(0) << "P D F0 C1" << L {0, 0, 0, 2};
    QTest::newRow("released out of arrival order")
        << quint64(0) << "P P D F1 F0 C1 C2" << L {0, 0, 0, 0, 0, 0, 3};
    QTest::newRow("a confirmation past the outputs") << quint64(0) << "P F0 C5" << L {0, 0, 1};
    QTest::newRow("a repeated confirmation")
        << quint64(0) << "P P F0 C1 C1 F1 C1 C2" << L {0, 0, 0, 1, 1, 1, 1, 2};
    QTest::newRow("an old hole holds the rest back")
        << quint64(0) << "P D D D D R4" << L {0, 0, 0, 0, 0, 0};
    QTest::newRow("a late start ignores what came before")
        << quint64(5) << "F2 P D C1 F5 C2" << L {5, 5, 5, 5, 5, 7};
}

void tst_DeliveryTracker::script()
{
    QFETCH(quint64, first);
    QFETCH(QString, events);
    QFETCH(QList<quint64>, acks);
    DeliveryTracker tracker(first);
    quint64 nextArrival = first;
    quint64 nextOutput = 0;
    const QStringList tokens = events.split(QLatin1Char(' '));
    QCOMPARE(tokens.size(), acks.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        const quint64 n = t.mid(1).toULongLong();
        switch (t.at(0).toLatin1()) {
        case 'P':
        case 'D':
            tracker.arrived(nextArrival++, t.at(0) == QLatin1Char('P'));
            break;
        case 'R':
            tracker.released(n);
            break;
        case 'F':
            tracker.forwarded(n, nextOutput++);
            break;
        case 'C':
            tracker.confirmed(n);
            break;
        default:
            QFAIL(qPrintable(t));
        }
        QVERIFY2(tracker.acknowledged() == acks[i],
                 qPrintable(QStringLiteral("after %1 (event %2): %3, expected %4")
                                .arg(t)
                                .arg(i)
                                .arg(tracker.acknowledged())
                                .arg(acks[i])));
    }
}

void tst_DeliveryTracker::reportsOnlyGrowth()
{
    DeliveryTracker tracker;
    QCOMPARE(tracker.takeAcknowledged(), std::nullopt);
    tracker.arrived(0, true);
    tracker.arrived(1, false);
    QCOMPARE(tracker.takeAcknowledged(), std::nullopt);
    tracker.released(0);
    QCOMPARE(tracker.takeAcknowledged(), std::optional<quint64>(2));
    QCOMPARE(tracker.takeAcknowledged(), std::nullopt);
}

void tst_DeliveryTracker::longRunStaysSmall()
{
    // A million arrivals, each held for up to `hold` later arrivals, forwarded in that order and
    // confirmed in steps of 1000: what the tracker holds stays near what is in flight.
    constexpr quint64 Count = 1000000;
    constexpr quint64 Hold = 100;
    DeliveryTracker tracker;
    quint64 output = 0;
    quint64 maxSpan = 0;
    for (quint64 i = 0; i < Count; ++i) {
        const bool junk = i % 97 == 0;
        tracker.arrived(i, !junk);
        if (i >= Hold && (i - Hold) % 97 != 0)
            tracker.forwarded(i - Hold, output++);
        if (output % 1000 == 0)
            tracker.confirmed(output);
        maxSpan = std::max(maxSpan, tracker.span());
    }
    for (quint64 i = Count - Hold; i < Count; ++i) {
        if (i % 97 != 0)
            tracker.forwarded(i, output++);
    }
    tracker.confirmed(output);
    QCOMPARE(tracker.acknowledged(), Count);
    QCOMPARE(tracker.span(), quint64(0));
    QCOMPARE(tracker.unconfirmed(), quint64(0));
    QVERIFY2(maxSpan <= Hold + 1000 + 16, qPrintable(QString::number(maxSpan)));
}

QTEST_APPLESS_MAIN(tst_DeliveryTracker)
#include "tst_deliverytracker.moc"
