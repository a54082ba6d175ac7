#include "protocol/messagecodec.h"
#include "simulator/feedgenerator.h"

#include <QTest>
#include <QUrlQuery>

#include <set>

class tst_FeedGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void displacementBound_data();
    void displacementBound();
    void faultsAreCounted();
    void deterministic();
    void params_data();
    void params();
    void junkIsMalformed();
};

void tst_FeedGenerator::displacementBound_data()
{
    QTest::addColumn<quint64>("disorder");
    for (quint64 d : {0, 1, 5, 50, 1000})
        QTest::addRow("D%llu", d) << d;
}

void tst_FeedGenerator::displacementBound()
{
    QFETCH(quint64, disorder);
    FeedParams p;
    p.count = 20000;
    p.disorder = disorder;
    p.start = 77;
    FeedGenerator g(p);
    std::vector<qint64> ids;
    FeedFrame frame;
    while (g.next(frame)) {
        QCOMPARE(frame.kind, FeedFrame::Kind::Message);
        const DecodedMessage m = MessageCodec::decode(frame.text);
        QVERIFY(m.isValid());
        QCOMPARE(m.id, frame.id);
        ids.push_back(frame.id);
    }
    QCOMPARE(ids.size(), std::size_t(p.count));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const qint64 sortedPosition = ids[i] - p.start;
        QVERIFY(quint64(std::abs(sortedPosition - qint64(i))) <= disorder);
    }
    QVERIFY(g.stats().maxDisplacement <= disorder);
    if (disorder >= 5)
        QVERIFY(g.stats().maxDisplacement >= disorder / 2); // it really is disordered
    const std::set<qint64> unique(ids.begin(), ids.end());
    QCOMPARE(unique.size(), ids.size());
    QCOMPARE(*unique.begin(), p.start);
    QCOMPARE(*unique.rbegin(), p.start + qint64(p.count) - 1);
}

void tst_FeedGenerator::faultsAreCounted()
{
    FeedParams p;
    p.count = 10000;
    p.disorder = 20;
    p.dup = 0.05;
    p.gap = 0.03;
    p.junk = 0.04;
    FeedGenerator g(p);
    quint64 messages = 0, dups = 0, junk = 0;
    std::set<qint64> seen;
    FeedFrame frame;
    while (g.next(frame)) {
        switch (frame.kind) {
        case FeedFrame::Kind::Message:
            ++messages;
            QVERIFY(seen.insert(frame.id).second);
            break;
        case FeedFrame::Kind::Duplicate:
            ++dups;
            QVERIFY(seen.count(frame.id)); // repeats an id already sent
            QVERIFY(MessageCodec::decode(frame.text).isValid());
            break;
        default:
            ++junk;
            QVERIFY(frame.isBinary || !MessageCodec::decode(frame.text).isValid());
            break;
        }
    }
    const FeedStats &s = g.stats();
    QCOMPARE(messages, p.count);
    QCOMPARE(s.messages, messages);
    QCOMPARE(s.duplicates, dups);
    QCOMPARE(s.junk, junk);
    QVERIFY(dups > 300 && junk > 200 && s.gaps > 150);
    // Gaps: the ids skipped between the first and the last.
    QCOMPARE(quint64(*seen.rbegin() - *seen.begin() + 1) - seen.size(), s.gaps);
    QCOMPARE(*seen.begin(), p.start); // never a gap before the first id
}

void tst_FeedGenerator::deterministic()
{
    FeedParams p;
    p.count = 500;
    p.disorder = 10;
    p.dup = 0.1;
    p.seed = 99;
    FeedGenerator a(p), b(p);
    FeedFrame fa, fb;
    while (a.next(fa)) {
        QVERIFY(b.next(fb));
        QCOMPARE(fa.text, fb.text);
    }
    QVERIFY(!b.next(fb));
}

void tst_FeedGenerator::params_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << "" << true;
    QTest::newRow("all") << "count=5&disorder=3&start=-9&seed=4&rate=100&delay=5&dup=0.1&gap=0.2&"
                            "junk=0.3&oversize=0.01&drop=50"
                         << true;
    QTest::newRow("endless") << "count=0" << true;
    QTest::newRow("unknown") << "colour=red" << false;
    QTest::newRow("bad count") << "count=abc" << false;
    QTest::newRow("negative count") << "count=-1" << false;
    QTest::newRow("probability > 1") << "dup=1.5" << false;
    QTest::newRow("gap = 1") << "gap=1" << false;
    QTest::newRow("nan rate") << "rate=nan" << false;
}

void tst_FeedGenerator::params()
{
    QFETCH(QString, query);
    QFETCH(bool, valid);
    QString error;
    const auto p = FeedParams::fromQuery(QUrlQuery(query), &error);
    QCOMPARE(bool(p), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (p) {
        const auto again = FeedParams::fromQuery(p->toQuery(), &error);
        QVERIFY(again);
        QCOMPARE(again->count, p->count);
        QCOMPARE(again->start, p->start);
        QCOMPARE(again->dropAfter, p->dropAfter);
    }
}

void tst_FeedGenerator::junkIsMalformed()
{
    for (int kind = 0; kind < FeedGenerator::JunkKinds; ++kind) {
        const FeedFrame f = FeedGenerator::junkFrame(kind);
        QVERIFY(f.isBinary || !MessageCodec::decode(f.text).isValid());
    }
}

QTEST_APPLESS_MAIN(tst_FeedGenerator)
#include "tst_feedgenerator.moc"
