#include "messagetablemodel.h"
#include "statusfiltermodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

MessageArrival arrival(quint64 index, qint64 id, MessageStatus status = MessageStatus::Accepted)
{
    MessageArrival a;
    a.index = index;
    a.id = id;
    a.frame = QStringLiteral("{\"id\":%1,\"text\":%2}").arg(id).arg(id * 10);
    a.textStart = a.frame.indexOf(QLatin1String("\"text\":")) + 7;
    a.textLength = a.frame.size() - 1 - a.textStart;
    a.status = status;
    return a;
}

} // namespace

class tst_MessageTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchInsertAndUpdate();
    void malformedRow();
    void millionRowsStayCheap();
    void ringKeepsLatestRows_data();
    void ringKeepsLatestRows();
    void filterFollowsTheRing();
    void lateRowsSayHowLate();
    void findsIdsStatusesAndFirstCopies();
};

void tst_MessageTableModel::batchInsertAndUpdate()
{
    MessageTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    RunEventBatch batch;
    for (quint64 i = 0; i < 100; ++i)
        batch.arrivals << arrival(i, qint64(i ^ 1));
    batch.releases << MessageRelease {5, 0, 5, 0, 2000000, 0}
                   << MessageRelease {40, 1, 39, 0, 500000, 0};
    model.apply(batch);

    QCOMPARE(inserted.size(), 1); // one insert for the whole batch
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 99);
    QCOMPARE(changed.size(), 1); // one update for the batch's releases
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 5);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 40);
    QCOMPARE(reset.size(), 0); // never a reset on live data
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.data(model.index(5, MessageTableModel::OutputColumn)).toLongLong(), 0);
    QCOMPARE(model.data(model.index(5, MessageTableModel::DistanceColumn)).toLongLong(), 5);
    QVERIFY(!model.data(model.index(6, MessageTableModel::OutputColumn)).isValid()); // still held
    QCOMPARE(model.data(model.index(3, MessageTableModel::IdColumn)).toLongLong(), 2);
    QCOMPARE(model.data(model.index(3, MessageTableModel::TextColumn)).toString(),
             QStringLiteral("20"));
    QCOMPARE(model.data(model.index(3, 0), MessageTableModel::StatusKeyRole).toString(),
             QStringLiteral("accepted"));

    RunEventBatch next;
    next.arrivals << arrival(100, 7, MessageStatus::Duplicate);
    model.apply(next);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.data(model.index(100, 0), MessageTableModel::StatusKeyRole).toString(),
             QStringLiteral("duplicate"));
    QVERIFY(model.data(model.index(100, 0), Qt::BackgroundRole).isValid()); // coloured

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_MessageTableModel::malformedRow()
{
    MessageTableModel model;
    RunEventBatch batch;
    MessageArrival bad;
    bad.index = 0;
    bad.frame = QStringLiteral("hello");
    bad.status = MessageStatus::Malformed;
    bad.reason = MalformedReason::NotJson;
    batch.arrivals << bad;
    model.apply(batch);
    QCOMPARE(model.data(model.index(0, MessageTableModel::RawColumn)).toString(),
             QStringLiteral("hello"));
    QVERIFY(!model.data(model.index(0, MessageTableModel::IdColumn)).isValid());
    QVERIFY(model.data(model.index(0, MessageTableModel::StatusColumn))
                .toString()
                .contains(MessageCodec::reasonText(MalformedReason::NotJson)));
}

void tst_MessageTableModel::millionRowsStayCheap()
{
    // A million rows in 50-ms-sized batches, then random access: no per-row signal, no reset.
    MessageTableModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QElapsedTimer t;
    t.start();
    quint64 index = 0;
    for (int b = 0; b < 100; ++b) {
        RunEventBatch batch;
        batch.arrivals.reserve(10000);
        for (int i = 0; i < 10000; ++i, ++index)
            batch.arrivals << arrival(index, qint64(index));
        for (quint64 i = index - 10000; i < index; i += 2)
            batch.releases << MessageRelease {i, i / 2, 0, 0, 0, 0};
        model.apply(batch);
    }
    QCOMPARE(model.rowCount(), 1000000);
    QCOMPARE(inserted.size(), 100);
    QCOMPARE(model.data(model.index(999998, MessageTableModel::OutputColumn)).toLongLong(), 499999);
    qInfo("1,000,000 rows in 100 batches, frames formatted included: %lld ms", t.elapsed());
}

void tst_MessageTableModel::ringKeepsLatestRows_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("batches");
    QTest::newRow("small batches") << 1000 << 70 << 100;
    QTest::newRow("batch = capacity") << 1000 << 1000 << 7;
    QTest::newRow("batch larger than the table") << 1000 << 2500 << 4;
    QTest::newRow("across chunks") << 20000 << 3000 << 30;
}

void tst_MessageTableModel::ringKeepsLatestRows()
{
    // An endless feed: the table holds the newest `capacity` frames, the oldest leave in one
    // remove per batch, and the last row is always the newest arrival.
    QFETCH(int, capacity);
    QFETCH(int, batch);
    QFETCH(int, batches);
    MessageTableModel model;
    model.setCapacity(capacity);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    quint64 index = 0;
    for (int b = 0; b < batches; ++b) {
        RunEventBatch events;
        for (int i = 0; i < batch; ++i, ++index)
            events.arrivals << arrival(index, qint64(index));
        // Each message released as it arrives: output index = arrival index.
        for (quint64 i = index - quint64(batch); i < index; ++i)
            events.releases << MessageRelease {i, i, 0, 0, 1000, 0};
        model.apply(events);
        QVERIFY(model.rowCount() <= capacity);
        const QModelIndex last =
            model.index(model.rowCount() - 1, MessageTableModel::ArrivalColumn);
        QCOMPARE(model.data(last).toULongLong(), index - 1); // the newest at the bottom
        QCOMPARE(
            model.data(model.index(model.rowCount() - 1, MessageTableModel::IdColumn)).toLongLong(),
            qint64(index - 1));
    }
    QCOMPARE(model.rowCount(), int(std::min<quint64>(index, quint64(capacity))));
    QCOMPARE(model.firstArrival(), index - quint64(model.rowCount()));
    QCOMPARE(model.arrivals(), index);
    QCOMPARE(model.data(model.index(0, MessageTableModel::ArrivalColumn)).toULongLong(),
             model.firstArrival());
    QVERIFY(removed.size() <= batches); // never a remove per row
    QCOMPARE(reset.size(), 0);
    QVERIFY(!model.rowOfArrival(model.firstArrival() - 1));
    QCOMPARE(model.rowOfArrival(index - 1).value_or(-1), model.rowCount() - 1);
}

void tst_MessageTableModel::filterFollowsTheRing()
{
    // A filter over the ring: rows leave it as they leave the table, and a distance filter
    // takes rows as they are released.
    MessageTableModel model;
    model.setCapacity(1000);
    StatusFilterModel filter(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setStatuses(StatusFilterModel::bit(MessageStatus::Duplicate)
                       | StatusFilterModel::bit(MessageStatus::Late));
    quint64 index = 0;
    int shown = 0;
    for (int b = 0; b < 30; ++b) {
        RunEventBatch events;
        for (int i = 0; i < 100; ++i, ++index)
            events.arrivals << arrival(index, qint64(index),
                                       index % 10 == 3       ? MessageStatus::Duplicate
                                           : index % 10 == 7 ? MessageStatus::Late
                                                             : MessageStatus::Accepted);
        model.apply(events);
        shown = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            shown += model.status(row) != MessageStatus::Accepted;
        QCOMPARE(filter.rowCount(), shown);
    }
    QCOMPARE(filter.rowCount(), 200); // 2 in 10 of the last 1000
    const QModelIndex first = filter.mapToSource(filter.index(0, 0));
    QCOMPARE(model.data(model.index(first.row(), 0)).toULongLong(), quint64(2003));

    filter.setStatuses(StatusFilterModel::AllStatuses);
    filter.setMinDistance(5);
    QCOMPARE(filter.rowCount(), 0);
    RunEventBatch release;
    // Released late: rows far from their place join the filtered rows as they are released.
    for (quint64 i = index - 50; i < index; ++i) {
        if (i % 10 != 3 && i % 10 != 7)
            release.releases << MessageRelease {i, i - 100, qint64(i % 10), 0, 0, 0};
    }
    model.apply(release);
    int far = 0;
    for (const MessageRelease &r : std::as_const(release.releases))
        far += r.distance > 5;
    QCOMPARE(filter.rowCount(), far);
}

void tst_MessageTableModel::lateRowsSayHowLate()
{
    // Ids 0..9 released, 10 and 11 given up (a gap) when 12 went out; 10 then arrives late:
    // 2 ids behind the output, in the gap 10-11.
    MessageTableModel model;
    RunEventBatch events;
    quint64 index = 0;
    for (qint64 id : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12})
        events.arrivals << arrival(index++, id);
    for (quint64 i = 0; i < index; ++i)
        events.releases << MessageRelease {i, i, 0, qint64(i) * 10, 0, 0};
    MessageArrival late = arrival(index, 10, MessageStatus::Late);
    late.arrivalNs = 1000000;
    events.arrivals << late;
    model.apply(events);
    const int row = int(index);
    QCOMPARE(model.magnitude(row), qint64(2));
    QVERIFY(model.data(model.index(row, MessageTableModel::StatusColumn))
                .toString()
                .contains(QStringLiteral("2 id(s) behind")));
    const auto gap = model.gapOf(10);
    QVERIFY(gap);
    QCOMPARE(gap->firstId, qint64(10));
    QCOMPARE(gap->lastId, qint64(11));
    QCOMPARE(gap->nextOutput, quint64(10));
    QVERIFY(!model.gapOf(5));
}

void tst_MessageTableModel::findsIdsStatusesAndFirstCopies()
{
    MessageTableModel model;
    RunEventBatch events;
    for (quint64 i = 0; i < 100; ++i)
        events.arrivals << arrival(i, qint64(i));
    events.arrivals << arrival(100, 42, MessageStatus::Duplicate);
    events.arrivals << arrival(101, 43, MessageStatus::Duplicate);
    events.releases << MessageRelease {42, 42, 0, 0, 0, 0};
    model.apply(events);
    QCOMPARE(model.findId(77, model.rowCount(), -1).value_or(-1), 77);
    QCOMPARE(model.findId(42, model.rowCount(), -1).value_or(-1), 100); // newest first
    QCOMPARE(model.findId(42, 100, -1).value_or(-1), 42);
    QVERIFY(!model.findId(1000, model.rowCount(), -1));
    QCOMPARE(model.findStatus(MessageStatus::Duplicate, -1, +1).value_or(-1), 100);
    QCOMPARE(model.findStatus(MessageStatus::Duplicate, 100, +1).value_or(-1), 101);
    QVERIFY(!model.findStatus(MessageStatus::Duplicate, 101, +1));
    QCOMPARE(model.firstCopyOf(100).value_or(-1), 42);
    QVERIFY(model.info(42).output);
    QVERIFY(model.rowText(42).startsWith(QStringLiteral("42\t42\t420")));
}

QTEST_MAIN(tst_MessageTableModel)
#include "tst_messagetablemodel.moc"
