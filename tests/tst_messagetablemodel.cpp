#include "messagetablemodel.h"

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

QTEST_MAIN(tst_MessageTableModel)
#include "tst_messagetablemodel.moc"
