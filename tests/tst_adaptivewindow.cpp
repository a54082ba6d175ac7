#include "reorder/adaptivewindow.h"
#include "reorder/reorderbuffer.h"
#include "simulator/feedgenerator.h"

#include <QTest>

#include <algorithm>

namespace {

// A feed through the real buffer, its window adapted after every arrival as FramePath does it.
struct AdaptedRun
{
    quint64 accepted = 0;
    quint64 late = 0;
    quint64 released = 0;
    quint64 recommended = 0;
    qint64 largest = 0;
    qint64 final = 0;
    quint64 changes = 0;
    qint64 largestAfterShrink = 0; // the window over the feed's last tenth
    quint64 holdP99 = 0; // in arrivals: how many arrived while a message was held
    bool neverBelowHeld = true;
};

quint64 p99(std::vector<quint64> &holds)
{
    if (holds.empty())
        return 0;
    const std::size_t at = std::min(holds.size() - 1, holds.size() * 99 / 100);
    std::nth_element(holds.begin(), holds.begin() + qsizetype(at), holds.end());
    return holds[at];
}

// `window` 0: auto, bounded by `maxWindow`.
AdaptedRun run(const QString &query, qint64 window, qint64 maxWindow = 65536)
{
    QString error;
    const std::optional<FeedParams> params = FeedParams::fromQuery(QUrlQuery(query), &error);
    if (!params)
        qFatal("%s", qPrintable(error));
    FeedGenerator feed(*params);
    ReorderConfig config;
    config.window = window > 0 ? window : AdaptiveWindow::Initial;
    config.trackNeeds = window == 0;
    ReorderBuffer buffer(config);
    AdaptiveWindow adaptive(maxWindow);
    AdaptedRun r;
    std::vector<ReleasedMessage> released;
    std::vector<quint64> holds;
    FeedFrame frame;
    quint64 arrivals = 0;
    const quint64 lastTenth = params->count - params->count / 10;
    while (feed.next(frame)) {
        if (frame.kind != FeedFrame::Kind::Message)
            continue;
        ++r.accepted;
        const PushResult result = buffer.push(frame.id, 0, qint64(arrivals), released);
        ++arrivals;
        if (result == PushResult::Late)
            ++r.late;
        if (window == 0 && result != PushResult::Duplicate) {
            const qint64 w = adaptive.observe(buffer.lastNeed(), buffer.size());
            buffer.setWindow(w);
            r.neverBelowHeld = r.neverBelowHeld && qint64(buffer.size()) <= w;
            if (r.accepted > lastTenth)
                r.largestAfterShrink = std::max(r.largestAfterShrink, w);
        }
        for (const ReleasedMessage &m : released)
            holds.push_back(arrivals - 1 - quint64(m.arrivalNs));
        r.released += released.size();
        released.clear();
    }
    buffer.flush(released);
    r.released += released.size();
    r.recommended = buffer.recommendedWindow();
    r.largest = window == 0 ? adaptive.largest() : window;
    r.final = window == 0 ? adaptive.window() : window;
    r.changes = window == 0 ? adaptive.changes() : 0;
    r.holdP99 = p99(holds);
    return r;
}

} // namespace

class tst_AdaptiveWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsAtOnce();
    void boundedByTheMaximum();
    void shrinksSlowlyAndNeverBelowHeld();
    void forgetsOldDisorder();
    void followsADisorderThatChanges();
    void calmFeedStaysSmall();
};

void tst_AdaptiveWindow::growsAtOnce()
{
    AdaptiveWindow w(65536);
    QCOMPARE(w.window(), AdaptiveWindow::Initial);
    QCOMPARE(w.observe(5, 0), AdaptiveWindow::Initial); // well inside: nothing changes
    QCOMPARE(w.changes(), 0u);
    // Needed 100 (it was late at 16): one step to 1.5 times that, with room to spare.
    QCOMPARE(w.observe(100, 16), 151);
    QCOMPARE(w.changes(), 1u);
    // Nearly needing the whole window counts too: 130 * 1.25 > 151.
    QCOMPARE(w.observe(130, 100), 196);
    QCOMPARE(w.largest(), 196);
    QCOMPARE(w.smallest(), AdaptiveWindow::Initial);
}

void tst_AdaptiveWindow::boundedByTheMaximum()
{
    AdaptiveWindow w(1000);
    QCOMPARE(w.observe(5000000, 0), 1000);
    QCOMPARE(w.observe(quint64(1) << 62, 1000), 1000);
    QCOMPARE(w.largest(), 1000);
    AdaptiveWindow small(8); // a maximum below the initial window bounds that too
    QCOMPARE(small.window(), 8);
}

void tst_AdaptiveWindow::shrinksSlowlyAndNeverBelowHeld()
{
    AdaptiveWindow w(65536);
    w.observe(1000, 0);
    const qint64 grown = w.window();
    QCOMPARE(grown, 1501);
    // A calm feed from now on, but 1,400 held: the window never goes below them.
    for (int i = 0; i < 200000; ++i)
        QVERIFY(w.observe(0, 1400) >= 1400);
    QCOMPARE(w.window(), 1400);
    // Released, it shrinks by at most an eighth each 1,024 arrivals.
    qint64 before = w.window();
    for (int i = 0; i < 1024 * 80; ++i) {
        const qint64 now = w.observe(0, 0);
        QVERIFY(now >= before - std::max<qint64>(1, before / 8));
        before = now;
    }
    QVERIFY2(w.window() <= 2, qPrintable(QString::number(w.window())));
}

void tst_AdaptiveWindow::forgetsOldDisorder()
{
    // A disorder of 300 for a while, then 10: the window follows it down, to the margin above
    // what is needed now, after some thousands of arrivals, not at once.
    AdaptiveWindow w(65536);
    for (int i = 0; i < 50000; ++i)
        w.observe(quint64(i % 301), 0);
    QVERIFY(w.window() >= 300);
    for (int i = 0; i < 2048; ++i)
        w.observe(quint64(i % 11), 0);
    QVERIFY2(w.window() >= 200, qPrintable(QString::number(w.window()))); // slowly
    for (int i = 0; i < 100000; ++i)
        w.observe(quint64(i % 11), 0);
    QVERIFY2(w.window() >= 11 && w.window() <= 40, qPrintable(QString::number(w.window())));
}

void tst_AdaptiveWindow::followsADisorderThatChanges()
{
    // The case, 200,000 messages: gaps of 0.1 %, disorder 20, 400 from 30 %, 20 from 70 %.
    const QString feed =
        QStringLiteral("count=200000&gap=0.001&seed=3&disorder=20,400@30%25,20@70%25");
    const AdaptedRun autoRun = run(feed, 0);
    QVERIFY(autoRun.neverBelowHeld);
    QCOMPARE(autoRun.released + autoRun.late, autoRun.accepted); // nothing vanished
    QVERIFY2(autoRun.late * 1000 <= autoRun.accepted, qPrintable(QString::number(autoRun.late)));
    QVERIFY2(autoRun.largest >= 400 && autoRun.largest <= 1200,
             qPrintable(QString::number(autoRun.largest)));
    QVERIFY2(autoRun.largestAfterShrink < 100,
             qPrintable(QString::number(autoRun.largestAfterShrink)));
    QVERIFY(autoRun.changes > 2);

    // Against the fixed windows: the smallest one without late messages holds every message
    // about as long as auto at its worst; a large one much longer.
    const AdaptedRun best = run(feed, qint64(autoRun.recommended));
    QCOMPARE(best.late, 0u);
    QVERIFY2(double(autoRun.holdP99) <= 1.5 * double(best.holdP99),
             qPrintable(
                 QStringLiteral("auto %1, best fixed %2").arg(autoRun.holdP99).arg(best.holdP99)));
    const AdaptedRun large = run(feed, 4096);
    QVERIFY(autoRun.holdP99 * 2 < large.holdP99);
    const AdaptedRun tooSmall = run(feed, 32);
    QVERIFY(tooSmall.late > 100 * std::max<quint64>(autoRun.late, 1));
}

void tst_AdaptiveWindow::calmFeedStaysSmall()
{
    const AdaptedRun r = run(QStringLiteral("count=50000&disorder=3"), 0);
    QCOMPARE(r.late, 0u);
    QVERIFY2(r.largest <= AdaptiveWindow::Initial, qPrintable(QString::number(r.largest)));
    // Bounded: a wild feed cannot take the window past its maximum.
    const AdaptedRun wild = run(QStringLiteral("count=20000&disorder=5000"), 0, 256);
    QCOMPARE(wild.largest, 256);
    QVERIFY(wild.late > 0);
}

QTEST_GUILESS_MAIN(tst_AdaptiveWindow)
#include "tst_adaptivewindow.moc"
