#include "whatifview.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {

// 0..9999, each block of 8 reversed, one id arriving 300 places late; a millisecond apart.
std::shared_ptr<const ArrivalLog> roughArrivals()
{
    QList<qint64> ids;
    for (qint64 id = 0; id < 10000; id += 8) {
        for (qint64 k = 7; k >= 0; --k)
            ids << id + k;
    }
    ids.move(ids.indexOf(5000), ids.indexOf(5300));
    auto log = std::make_shared<ArrivalLog>();
    for (qsizetype i = 0; i < ids.size(); ++i)
        log->append(ids[i], qint64(i) * 1000000);
    return log;
}

} // namespace

class tst_WhatIfView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheTableAndUsesTheSuggestion();
    void aNewerRequestWins();
    void aCaptureThatIsNotOne();
};

void tst_WhatIfView::showsTheTableAndUsesTheSuggestion()
{
    WhatIfView view;
    view.resize(900, 700);
    view.show();
    QSignalSpy analysed(&view, &WhatIfView::analysed);
    WhatIfRun run;
    run.window = 16;
    view.analyse(roughArrivals(), run);
    QVERIFY(view.isBusy() || analysed.count() == 1);
    QVERIFY(analysed.wait(30000) || analysed.count() == 1);
    QVERIFY(view.table().has_value());
    const WhatIfTable &t = *view.table();
    QCOMPARE(t.arrivals, 10000u);
    QVERIFY2(t.suggestedWindow >= 290, qPrintable(t.toText()));

    auto *table = view.findChild<QTableView *>(QStringLiteral("whatIfTable"));
    QVERIFY(table);
    // Max-hold off shown first: every W of the list, the recommended one, auto.
    QCOMPARE(table->model()->rowCount(), 17 + 1 + 1);
    auto *summary = view.findChild<QLabel *>(QStringLiteral("whatIfSummary"));
    QVERIFY(summary->text().contains(QStringLiteral("W = %1").arg(t.suggestedWindow)));

    auto *use = view.findChild<QPushButton *>(QStringLiteral("useSuggestedWindow"));
    QVERIFY(use->isEnabled());
    QSignalSpy used(&view, &WhatIfView::useSetting);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(used.count(), 1);
    QCOMPARE(used.at(0).at(0).toLongLong(), t.suggestedWindow);
    QCOMPARE(used.at(0).at(1).toLongLong(), 0);

    // Another max-hold: its rows, and "use" carries it.
    view.setMaxHold(10);
    QCOMPARE(view.maxHold(), 10);
    QCOMPARE(table->model()->rowCount(), 17 + 1 + 1);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(used.at(1).at(1).toLongLong(), 10);
}

void tst_WhatIfView::aNewerRequestWins()
{
    WhatIfView view;
    QSignalSpy analysed(&view, &WhatIfView::analysed);
    WhatIfRun first;
    first.window = 4;
    WhatIfRun second;
    second.window = 32;
    view.analyse(roughArrivals(), first);
    view.analyse(roughArrivals(), second);
    QTRY_VERIFY_WITH_TIMEOUT(analysed.count() >= 1 && !view.isBusy(), 30000);
    QVERIFY(view.table().has_value());
    QCOMPARE(view.table()->run.window, 32);
    QVERIFY(view.table()->runRow());
    QCOMPARE(view.table()->runRow()->setting.window, 32);
}

void tst_WhatIfView::aCaptureThatIsNotOne()
{
    WhatIfView view;
    QSignalSpy analysed(&view, &WhatIfView::analysed);
    view.analyseCapture(QStringLiteral("/nonexistent/capture.jsonl"));
    QVERIFY(analysed.wait(10000));
    QVERIFY(!view.table().has_value());
    auto *summary = view.findChild<QLabel *>(QStringLiteral("whatIfSummary"));
    QVERIFY2(summary->text().startsWith(QStringLiteral("No what-if table: ")),
             qPrintable(summary->text()));
}

QTEST_MAIN(tst_WhatIfView)
#include "tst_whatifview.moc"
