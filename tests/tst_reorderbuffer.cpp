#include "protocol/idmath.h"
#include "reorder/rankedidset.h"
#include "reorder/reorderbuffer.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <set>

namespace {

// A permutation of start..start+n-1 in which each id is at most `disorder` places from its
// sorted position: sort by index + U[0, disorder + 1).
std::vector<qint64> boundedPermutation(std::size_t n, quint64 disorder, quint64 seed,
                                       qint64 start = 0)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<std::pair<double, qint64>> keyed(n);
    for (std::size_t i = 0; i < n; ++i)
        keyed[i] = {double(i) + unit(rng) * double(disorder + 1), start + qint64(i)};
    std::sort(keyed.begin(), keyed.end());
    std::vector<qint64> ids(n);
    for (std::size_t i = 0; i < n; ++i)
        ids[i] = keyed[i].second;
    return ids;
}

// The reordering semantics of docs/PROTOCOL.md, written the slow and obvious way (window rule
// only). Below the start (given, or learned from the first W messages) is late on first arrival.
struct Model
{
    std::vector<qint64> released;
    quint64 late = 0;
    quint64 duplicates = 0;
    quint64 missing = 0;
};

Model runModel(const std::vector<qint64> &arrivals, qint64 window, std::optional<qint64> start)
{
    Model m;
    std::set<qint64> heap;
    std::map<qint64, qint64> givenUp; // ranges lo -> hi
    std::set<qint64> arrivedLate;
    std::optional<qint64> base = start;
    qint64 next = start.value_or(0);
    auto releaseContiguous = [&] {
        while (!heap.empty() && *heap.begin() == next) {
            m.released.push_back(next);
            heap.erase(heap.begin());
            ++next;
        }
    };
    auto giveUp = [&] {
        const qint64 top = *heap.begin();
        if (top > next) {
            givenUp.emplace(next, top - 1);
            m.missing += quint64(top - next);
        }
        next = top;
        releaseContiguous();
    };
    for (qint64 id : arrivals) {
        if (base && id < next) {
            auto range = givenUp.upper_bound(id);
            const bool hole =
                id < *base || (range != givenUp.begin() && id <= std::prev(range)->second);
            if (hole && arrivedLate.insert(id).second)
                ++m.late;
            else
                ++m.duplicates;
            continue;
        }
        if (!heap.insert(id).second) {
            ++m.duplicates;
            continue;
        }
        if (!base) {
            if (qint64(heap.size()) < window)
                continue;
            base = *heap.begin();
            next = *base;
        }
        releaseContiguous();
        while (qint64(heap.size()) > window)
            giveUp();
    }
    if (!base && !heap.empty())
        next = *heap.begin();
    while (!heap.empty())
        giveUp();
    return m;
}

// Late messages no window avoids: the first arrival of each id below a given start.
quint64 unavoidableLate(const std::vector<qint64> &arrivals, std::optional<qint64> start)
{
    if (!start)
        return 0;
    std::set<qint64> below;
    for (qint64 id : arrivals) {
        if (id < *start)
            below.insert(id);
    }
    return below.size();
}

// The recommended window by its definition: the smallest W with which this arrival order has no
// late message (none but the unavoidable ones below a given start).
quint64 bruteForceRecommendedWindow(const std::vector<qint64> &arrivals,
                                    std::optional<qint64> start)
{
    const quint64 unavoidable = unavoidableLate(arrivals, start);
    for (qint64 w = 1;; ++w) {
        if (runModel(arrivals, w, start).late == unavoidable)
            return quint64(w);
    }
}

// The definition checked at its edge, for runs too long for the linear search: the model has no
// avoidable late message with W = rec, and some with W = rec - 1. Enough because a larger window
// never makes a message late that a smaller one kept.
bool modelSaysTight(const std::vector<qint64> &arrivals, std::optional<qint64> start, quint64 rec)
{
    const quint64 unavoidable = unavoidableLate(arrivals, start);
    if (runModel(arrivals, qint64(rec), start).late != unavoidable)
        return false;
    return rec == 1 || runModel(arrivals, qint64(rec) - 1, start).late > unavoidable;
}

struct Run
{
    std::vector<ReleasedMessage> released;
    std::vector<PushResult> results;
};

Run push(ReorderBuffer &buffer, const std::vector<qint64> &ids, bool flush = true)
{
    Run run;
    qint64 now = 0;
    for (qint64 id : ids)
        run.results.push_back(buffer.push(id, 0, now++, run.released));
    if (flush)
        buffer.flush(run.released);
    return run;
}

std::vector<qint64> idsOf(const std::vector<ReleasedMessage> &released)
{
    std::vector<qint64> ids;
    for (const ReleasedMessage &r : released)
        ids.push_back(r.id);
    return ids;
}

ReorderConfig streamConfig(qint64 window, std::optional<qint64> start = std::nullopt,
                           qint64 maxHoldNs = 0)
{
    ReorderConfig c;
    c.mode = ReorderMode::Stream;
    c.window = window;
    c.startId = start;
    c.maxHoldNs = maxHoldNs;
    return c;
}

// The real buffer over a whole run: its late count and its recommendation.
std::pair<quint64, quint64> lateAndRecommended(const std::vector<qint64> &ids, qint64 window,
                                               std::optional<qint64> start)
{
    ReorderBuffer buffer(streamConfig(window, start));
    push(buffer, ids);
    return {buffer.stats().late, buffer.recommendedWindow()};
}

// Arrival orders for the recommendation, random and adversarial.
std::vector<qint64> shaped(const QByteArray &shape, std::size_t n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<qint64> ids(n);
    for (std::size_t i = 0; i < n; ++i)
        ids[i] = qint64(i);
    if (shape == "random") {
        std::shuffle(ids.begin(), ids.end(), rng);
    } else if (shape == "bounded") {
        ids = boundedPermutation(n, 1 + seed * 7, seed);
    } else if (shape == "decreasing") {
        std::reverse(ids.begin(), ids.end());
    } else if (shape == "sawtooth") {
        const std::size_t tooth = 1 + seed * 5; // runs of `tooth` ids, each run descending
        for (std::size_t at = 0; at < n; at += tooth)
            std::reverse(ids.begin() + qint64(at), ids.begin() + qint64(std::min(n, at + tooth)));
    } else if (shape == "outlierLast") { // the smallest id arrives last
        std::rotate(ids.begin(), ids.begin() + 1, ids.end());
    } else if (shape == "outlierFirst") { // a far higher id arrives first
        ids.insert(ids.begin(), qint64(1) << 50);
        ids.pop_back();
    } else if (shape == "outlierMiddle" && n >= 2) { // the smallest id arrives halfway
        std::rotate(ids.begin(), ids.begin() + 1, ids.begin() + qint64(n / 2));
    } else if (shape == "belowLearnedStart") {
        // The first messages start at n; ids below come later, spread through the run.
        for (qint64 &id : ids)
            id += qint64(n);
        for (std::size_t k = 1; k <= 1 + n / 10; ++k)
            ids.insert(ids.begin() + qint64(rng() % (ids.size() - n / 4) + n / 4),
                       qint64(n) - qint64(k * (1 + rng() % 3)));
    } else if (shape == "gapsAndDuplicates") {
        ids = boundedPermutation(n, 3 + seed * 11, seed);
        std::vector<qint64> arrivals;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i > 0 && rng() % 10 == 0)
                continue; // never arrives
            arrivals.push_back(ids[i]);
            if (i > 0 && rng() % 12 == 0)
                arrivals.push_back(ids[i - rng() % std::min<std::size_t>(i, 8)]);
        }
        ids = arrivals;
    } else if (shape == "widelySpaced") {
        std::shuffle(ids.begin(), ids.end(), rng);
        for (qint64 &id : ids)
            id = id * 1000000007;
    }
    return ids;
}

} // namespace

class tst_ReorderBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderedBelowWindow_data();
    void orderedBelowWindow();
    void lateMatchesModel_data();
    void lateMatchesModel();
    void recommendedWindowWithFaults_data();
    void recommendedWindowWithFaults();
    void recommendedWindowIsTight_data();
    void recommendedWindowIsTight();
    void decreasingIdsNeedTheWholeRun();
    void widelySpacedMatchesModel_data();
    void widelySpacedMatchesModel();
    void rankedIdSetMatchesModel();
    void contiguousInputIsNotHeld();
    void duplicates();
    void gaps();
    void maxHoldRelease();
    void maxHoldDuringWarmUp();
    void warmUpLearnsStart();
    void belowStartIsLate();
    void batchEqualsSort_data();
    void batchEqualsSort();
    void batchAfterFlush();
    void streamMemoryIsWindowBound();
    void hugeJumps();
    void releasedStaysDuplicateAfterManyGaps_data();
    void releasedStaysDuplicateAfterManyGaps();
    void int64Edges();
    void distanceSequence();
};

void tst_ReorderBuffer::orderedBelowWindow_data()
{
    QTest::addColumn<quint64>("disorder");
    QTest::addColumn<qint64>("window");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("withStart");
    for (quint64 disorder : {0, 1, 3, 10, 63, 200}) {
        for (qint64 window :
             {qint64(disorder) + 1, qint64(disorder) + 7, qint64(4 * disorder + 16)}) {
            for (quint64 seed = 1; seed <= 3; ++seed) {
                for (bool withStart : {true, false}) {
                    QTest::addRow("D%llu W%lld seed%llu %s", disorder, window, seed,
                                  withStart ? "start" : "warmup")
                        << disorder << window << seed << withStart;
                }
            }
        }
    }
}

void tst_ReorderBuffer::orderedBelowWindow()
{
    QFETCH(quint64, disorder);
    QFETCH(qint64, window);
    QFETCH(quint64, seed);
    QFETCH(bool, withStart);
    const qint64 start = 1000;
    const std::vector<qint64> ids = boundedPermutation(5000, disorder, seed, start);
    ReorderBuffer buffer(
        streamConfig(window, withStart ? std::optional<qint64>(start) : std::nullopt));
    const Run run = push(buffer, ids);
    std::vector<qint64> expected = ids;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(idsOf(run.released), expected);
    QCOMPARE(buffer.stats().late, quint64(0));
    QCOMPARE(buffer.stats().duplicates, quint64(0));
    QCOMPARE(buffer.stats().missingIds, quint64(0));
    QVERIFY(buffer.stats().peakSize <= quint64(window));
    // A learned start needs one more: the smallest id may arrive D places late, after the first
    // D + 1 messages that would otherwise have set the start above it.
    QVERIFY(buffer.recommendedWindow()
            <= quint64(std::max<qint64>(1, qint64(disorder))) + !withStart);
    QCOMPARE(
        buffer.recommendedWindow(),
        bruteForceRecommendedWindow(ids, withStart ? std::optional<qint64>(start) : std::nullopt));
}

void tst_ReorderBuffer::lateMatchesModel_data()
{
    QTest::addColumn<quint64>("disorder");
    QTest::addColumn<qint64>("window");
    QTest::addColumn<quint64>("seed");
    for (quint64 disorder : {2, 5, 16, 40}) {
        for (qint64 window : {qint64(1), qint64(disorder) / 2 + 1, qint64(disorder)}) {
            for (quint64 seed = 1; seed <= 4; ++seed)
                QTest::addRow("D%llu W%lld seed%llu", disorder, window, seed)
                    << disorder << window << seed;
        }
    }
}

void tst_ReorderBuffer::lateMatchesModel()
{
    QFETCH(quint64, disorder);
    QFETCH(qint64, window);
    QFETCH(quint64, seed);
    const std::vector<qint64> ids = boundedPermutation(800, disorder, seed);
    ReorderBuffer buffer(streamConfig(window, 0));
    const Run run = push(buffer, ids);
    const Model model = runModel(ids, window, 0);

    QCOMPARE(idsOf(run.released), model.released);
    QCOMPARE(buffer.stats().late, model.late);
    QCOMPARE(buffer.stats().duplicates, model.duplicates);
    QCOMPARE(buffer.stats().missingIds, model.missing);
    // What was sent is ordered, and sent = accepted - late - duplicates.
    QVERIFY(std::is_sorted(model.released.begin(), model.released.end()));
    QCOMPARE(quint64(run.released.size()), ids.size() - model.late - model.duplicates);
    QCOMPARE(buffer.recommendedWindow(), bruteForceRecommendedWindow(ids, 0));
    if (model.late > 0)
        QVERIFY(buffer.recommendedWindow() > quint64(window));
}

void tst_ReorderBuffer::recommendedWindowWithFaults_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed%llu", seed) << seed;
}

void tst_ReorderBuffer::recommendedWindowWithFaults()
{
    // Gaps that never arrive, duplicates, and disorder beyond the window all at once.
    QFETCH(quint64, seed);
    std::mt19937_64 rng(seed);
    std::vector<qint64> ids = boundedPermutation(400, 3 + seed % 20, seed);
    std::vector<qint64> arrivals;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] != 0 && rng() % 10 == 0)
            continue; // a gap: this id never comes
        arrivals.push_back(ids[i]);
        if (rng() % 12 == 0 && i > 0)
            arrivals.push_back(ids[i - rng() % std::min<std::size_t>(i, 8)]); // a duplicate
    }
    const qint64 window = qint64(1 + rng() % 12);
    ReorderBuffer buffer(streamConfig(window, 0));
    const Run run = push(buffer, arrivals);
    const Model model = runModel(arrivals, window, 0);
    QCOMPARE(idsOf(run.released), model.released);
    QCOMPARE(buffer.stats().late, model.late);
    QCOMPARE(buffer.stats().duplicates, model.duplicates);
    QCOMPARE(buffer.stats().missingIds, model.missing);
    QCOMPARE(buffer.recommendedWindow(), bruteForceRecommendedWindow(arrivals, 0));
}

void tst_ReorderBuffer::recommendedWindowIsTight_data()
{
    QTest::addColumn<QByteArray>("shape");
    QTest::addColumn<int>("n");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("withStart");
    for (const char *shape :
         {"random", "bounded", "decreasing", "sawtooth", "outlierLast", "outlierFirst",
          "outlierMiddle", "belowLearnedStart", "gapsAndDuplicates", "widelySpaced"}) {
        for (int n : {1, 2, 7, 60, 300, 5000}) {
            for (quint64 seed = 1; seed <= (n <= 300 ? 4 : 2); ++seed) {
                for (bool withStart : {false, true}) {
                    QTest::addRow("%s n%d seed%llu %s", shape, n, seed,
                                  withStart ? "start" : "learned")
                        << QByteArray(shape) << n << seed << withStart;
                }
            }
        }
    }
}

void tst_ReorderBuffer::recommendedWindowIsTight()
{
    // The recommended window is the smallest W with which this arrival order has no late message
    // (docs/PROTOCOL.md), so W = rec has none and W = rec - 1 has some. Below a given start
    // every id is late whatever the window: those do not count.
    QFETCH(QByteArray, shape);
    QFETCH(int, n);
    QFETCH(quint64, seed);
    QFETCH(bool, withStart);
    const std::vector<qint64> ids = shaped(shape, std::size_t(n), seed);
    const qint64 least = *std::min_element(ids.begin(), ids.end());
    // A given start where the run "should" start: the least id, or n for the shape that
    // sends ids below its start.
    const std::optional<qint64> start = !withStart ? std::nullopt
        : shape == "belowLearnedStart"             ? std::optional<qint64>(n)
                                                   : std::optional<qint64>(least);
    const quint64 unavoidable = unavoidableLate(ids, start);

    // A property of the arrival order: the same whatever window the run itself used.
    const quint64 rec = lateAndRecommended(ids, 1024, start).second;
    for (qint64 window : {qint64(1), qint64(3), qint64(n), qint64(n) + 5})
        QCOMPARE(lateAndRecommended(ids, window, start).second, rec);

    QVERIFY(rec >= 1);
    QCOMPARE(lateAndRecommended(ids, qint64(rec), start).first, unavoidable);
    if (rec > 1)
        QVERIFY(lateAndRecommended(ids, qint64(rec) - 1, start).first > unavoidable);
    if (n <= 300)
        QCOMPARE(rec, bruteForceRecommendedWindow(ids, start));
    else
        QVERIFY(modelSaysTight(ids, start, rec));
}

void tst_ReorderBuffer::decreasingIdsNeedTheWholeRun()
{
    // 100,000 strictly decreasing ids: with a learned start every id but the first W is late,
    // and no window short of the whole run avoids that.
    std::vector<qint64> ids(100000);
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = qint64(ids.size() - i); // 100000 .. 1
    const auto [late, rec] = lateAndRecommended(ids, 1024, std::nullopt);
    QCOMPARE(late, quint64(100000 - 1024));
    // W = 100,000 holds them all until the warm-up ends on the last one, which is the smallest.
    QCOMPARE(rec, quint64(100000));
    QCOMPARE(lateAndRecommended(ids, 100000, std::nullopt).first, quint64(0));
    QVERIFY(lateAndRecommended(ids, 99999, std::nullopt).first > 0);

    // Given the start (1), the buffer needs room for the 99,999 ids that arrive before it.
    QCOMPARE(lateAndRecommended(ids, 1024, 1).second, quint64(99999));
    QCOMPARE(lateAndRecommended(ids, 99999, 1).first, quint64(0));
    QCOMPARE(lateAndRecommended(ids, 99998, 1).first, quint64(1)); // id 1, given up
}

void tst_ReorderBuffer::widelySpacedMatchesModel_data()
{
    QTest::addColumn<qint64>("window");
    QTest::addColumn<quint64>("seed");
    for (qint64 window : {8, 300, 5000, 100000})
        for (quint64 seed = 1; seed <= 3; ++seed)
            QTest::addRow("W%lld seed%llu", window, seed) << window << seed;
}

void tst_ReorderBuffer::widelySpacedMatchesModel()
{
    // Ids a billion apart: beyond the ring, every buffered id is "far". The far ids must be
    // kept exactly (duplicates, order, what the window releases) in any arrival order.
    QFETCH(qint64, window);
    QFETCH(quint64, seed);
    std::vector<qint64> ids = shaped("widelySpaced", 20000, seed);
    std::mt19937_64 rng(seed);
    for (int k = 0; k < 500; ++k)
        ids.insert(ids.begin() + qint64(rng() % ids.size()), ids[rng() % ids.size()]);
    for (std::optional<qint64> start : {std::optional<qint64>(), std::optional<qint64>(0)}) {
        ReorderBuffer buffer(streamConfig(window, start));
        const Run run = push(buffer, ids);
        const Model model = runModel(ids, window, start);
        QCOMPARE(idsOf(run.released), model.released);
        QCOMPARE(buffer.stats().late, model.late);
        QCOMPARE(buffer.stats().duplicates, model.duplicates);
        QCOMPARE(buffer.stats().missingIds, model.missing);
    }
}

void tst_ReorderBuffer::rankedIdSetMatchesModel()
{
    // The far ids' set against std::set, through enough ids to split and drop many blocks.
    std::mt19937_64 rng(11);
    RankedIdSet set;
    std::set<qint64> model;
    for (int step = 0; step < 60000; ++step) {
        const qint64 id = qint64(rng() % 20000) * (step < 30000 ? 1 : -7);
        const bool present = model.count(id) != 0;
        QCOMPARE(set.contains(id), present);
        if (rng() % 4 == 0 && !model.empty()) { // remove the smallest, as the buffer does
            QVERIFY(set.erase(*model.begin()));
            model.erase(model.begin());
        } else if (present) {
            QVERIFY(set.erase(id));
            model.erase(id);
        } else {
            set.insert(id);
            model.insert(id);
        }
        QCOMPARE(set.size(), model.size());
        if (!model.empty())
            QCOMPARE(set.first(), *model.begin());
        const qint64 probe = qint64(rng() % 40000) - 20000;
        QCOMPARE(set.countBelow(probe),
                 quint64(std::distance(model.begin(), model.lower_bound(probe))));
    }
    QVERIFY(!set.erase(IdMath::MaxId));
    set.clear();
    QVERIFY(set.isEmpty());
    QCOMPARE(set.countBelow(0), quint64(0));
}

void tst_ReorderBuffer::contiguousInputIsNotHeld()
{
    ReorderBuffer buffer(streamConfig(64, 0));
    std::vector<ReleasedMessage> released;
    for (qint64 id = 0; id < 10000; ++id) {
        released.clear();
        QCOMPARE(buffer.push(id, quint32(id), id * 1000, released), PushResult::Buffered);
        QCOMPARE(released.size(), std::size_t(1)); // out at once
        QCOMPARE(released.front().id, id);
        QCOMPARE(released.front().arrivalNs, id * 1000);
        QCOMPARE(buffer.size(), std::size_t(0));
    }
    QCOMPARE(buffer.recommendedWindow(), quint64(1));

    // Without a start id only the warm-up waits; after it, contiguous ids pass straight through.
    ReorderBuffer warm(streamConfig(8));
    for (qint64 id = 0; id < 7; ++id) {
        released.clear();
        warm.push(id, 0, 0, released);
        QVERIFY(released.empty());
    }
    released.clear();
    warm.push(7, 0, 0, released);
    QCOMPARE(released.size(), std::size_t(8));
    for (qint64 id = 8; id < 100; ++id) {
        released.clear();
        warm.push(id, 0, 0, released);
        QCOMPARE(released.size(), std::size_t(1));
    }
}

void tst_ReorderBuffer::duplicates()
{
    ReorderBuffer buffer(streamConfig(4, 0));
    std::vector<ReleasedMessage> released;
    QCOMPARE(buffer.push(0, 0, 0, released), PushResult::Buffered);
    QCOMPARE(buffer.push(0, 0, 0, released), PushResult::Duplicate); // already released
    QCOMPARE(buffer.push(2, 0, 0, released), PushResult::Buffered);
    QCOMPARE(buffer.push(2, 0, 0, released), PushResult::Duplicate); // already buffered
    QCOMPARE(buffer.push(1, 0, 0, released), PushResult::Buffered);
    QCOMPARE(idsOf(released), (std::vector<qint64> {0, 1, 2}));
    QCOMPARE(buffer.stats().duplicates, quint64(2));

    // A late id is late once; the same id again is a duplicate.
    for (qint64 id : {4, 5, 6, 7, 8})
        buffer.push(id, 0, 0, released); // 3 is given up when the heap exceeds 4
    QCOMPARE(buffer.stats().missingIds, quint64(1));
    QCOMPARE(buffer.push(3, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(3, 0, 0, released), PushResult::Duplicate);
    QCOMPARE(buffer.stats().late, quint64(1));
    QCOMPARE(buffer.stats().duplicates, quint64(3));
}

void tst_ReorderBuffer::gaps()
{
    // Ids 3, 4 and 10..14 never come.
    std::vector<qint64> ids;
    for (qint64 id = 0; id < 30; ++id) {
        if (id == 3 || id == 4 || (id >= 10 && id < 15))
            continue;
        ids.push_back(id);
    }
    ReorderBuffer buffer(streamConfig(3, 0));
    const Run run = push(buffer, ids);
    QCOMPARE(idsOf(run.released), ids);
    QCOMPARE(buffer.stats().missingIds, quint64(7));
    QCOMPARE(buffer.stats().gapRanges, quint64(2));
    QCOMPARE(buffer.lostIds(), quint64(7));
    const auto ranges = buffer.lostRanges(10);
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(ranges[0], qMakePair(qint64(3), qint64(4)));
    QCOMPARE(ranges[1], qMakePair(qint64(10), qint64(14)));
    QCOMPARE(buffer.recommendedWindow(), quint64(1)); // nothing had to wait for an id that came

    // Held back by a gap until the window fills: nothing is released early.
    ReorderBuffer held(streamConfig(3, 0));
    std::vector<ReleasedMessage> released;
    for (qint64 id : {1, 2, 3}) {
        held.push(id, 0, 0, released);
        QVERIFY(released.empty());
    }
    held.push(4, 0, 0, released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {1, 2, 3, 4}));
    QCOMPARE(held.stats().windowReleases, quint64(1));
}

void tst_ReorderBuffer::maxHoldRelease()
{
    const qint64 ms = 1000000;
    ReorderBuffer buffer(streamConfig(1000, 0, 10 * ms));
    std::vector<ReleasedMessage> released;
    buffer.push(0, 0, 0, released);
    buffer.push(2, 0, 1 * ms, released);
    buffer.push(3, 0, 2 * ms, released);
    QCOMPARE(idsOf(released), std::vector<qint64> {0});
    QCOMPARE(buffer.nextDeadlineNs().value(), 11 * ms); // id 2 arrived at 1 ms

    released.clear();
    buffer.expire(10 * ms, released);
    QVERIFY(released.empty());
    buffer.expire(11 * ms, released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {2, 3}));
    QCOMPARE(released[0].arrivalNs, 1 * ms);
    QCOMPARE(buffer.stats().missingIds, quint64(1));
    QCOMPARE(buffer.stats().holdReleases, quint64(1));
    QVERIFY(!buffer.nextDeadlineNs());
    QCOMPARE(buffer.push(1, 0, 12 * ms, released), PushResult::Late);

    // Only as much as needed: the oldest message goes, a newer one waits its own time.
    released.clear();
    buffer.push(6, 0, 20 * ms, released);
    buffer.push(5, 0, 25 * ms, released);
    buffer.expire(30 * ms, released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {5, 6}));
}

void tst_ReorderBuffer::maxHoldDuringWarmUp()
{
    const qint64 ms = 1000000;
    ReorderBuffer buffer(streamConfig(100, std::nullopt, 5 * ms));
    std::vector<ReleasedMessage> released;
    buffer.push(7, 0, 0, released);
    buffer.push(5, 0, 1 * ms, released);
    buffer.push(6, 0, 2 * ms, released);
    QVERIFY(released.empty()); // warming up: 3 of 100
    buffer.expire(5 * ms, released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {5, 6, 7}));
    QCOMPARE(buffer.nextExpected().value(), qint64(8));
}

void tst_ReorderBuffer::warmUpLearnsStart()
{
    ReorderBuffer buffer(streamConfig(4));
    std::vector<ReleasedMessage> released;
    for (qint64 id : {12, 10, 13})
        buffer.push(id, 0, 0, released);
    QVERIFY(!buffer.nextExpected());
    buffer.push(11, 0, 0, released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {10, 11, 12, 13}));
    QCOMPARE(buffer.nextExpected().value(), qint64(14));
    // Below the learned start: late (its place was given up when the start was chosen).
    QCOMPARE(buffer.push(9, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(9, 0, 0, released), PushResult::Duplicate);
    QCOMPARE(buffer.stats().missingIds, quint64(0));

    // A feed shorter than the window is learned on flush.
    ReorderBuffer shortFeed(streamConfig(100));
    const Run run = push(shortFeed, {3, 1, 2});
    QCOMPARE(idsOf(run.released), (std::vector<qint64> {1, 2, 3}));
}

void tst_ReorderBuffer::belowStartIsLate()
{
    ReorderBuffer buffer(streamConfig(4, 100));
    std::vector<ReleasedMessage> released;
    QCOMPARE(buffer.push(99, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(100, 0, 0, released), PushResult::Buffered);
    QCOMPARE(idsOf(released), std::vector<qint64> {100});
}

void tst_ReorderBuffer::batchEqualsSort_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 10; ++seed)
        QTest::addRow("seed%llu", seed) << seed;
}

void tst_ReorderBuffer::batchEqualsSort()
{
    QFETCH(quint64, seed);
    std::mt19937_64 rng(seed);
    std::vector<qint64> ids(3000);
    for (qint64 &id : ids)
        id = qint64(rng() % 5000) - 2500; // duplicates and gaps included
    ReorderConfig config;
    config.mode = ReorderMode::Batch;
    config.window = 1; // irrelevant in batch mode
    ReorderBuffer buffer(config);
    Run run = push(buffer, ids, false);
    QVERIFY(run.released.empty()); // nothing before the flush
    buffer.flush(run.released);

    std::vector<qint64> expected = ids;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    QCOMPARE(idsOf(run.released), expected);
    QCOMPARE(buffer.stats().duplicates, quint64(ids.size() - expected.size()));
    QCOMPARE(buffer.stats().late, quint64(0));
    // What stream mode with the same (learned) start would have needed, computed offline.
    const quint64 rec = buffer.recommendedWindow();
    QVERIFY(modelSaysTight(ids, std::nullopt, rec));
    QCOMPARE(lateAndRecommended(ids, 1024, std::nullopt).second, rec);

    // With a start id, the start is not learned: what a stream with that start would need.
    config.startId = expected.front();
    ReorderBuffer started(config);
    push(started, ids);
    QVERIFY(modelSaysTight(ids, expected.front(), started.recommendedWindow()));
}

void tst_ReorderBuffer::batchAfterFlush()
{
    ReorderConfig config;
    config.mode = ReorderMode::Batch;
    ReorderBuffer buffer(config);
    std::vector<ReleasedMessage> released;
    for (qint64 id : {5, 3, 4})
        buffer.push(id, 0, 0, released);
    buffer.flush(released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {3, 4, 5}));
    released.clear();
    QCOMPARE(buffer.push(2, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(4, 0, 0, released), PushResult::Duplicate);
    buffer.push(8, 0, 0, released);
    buffer.push(7, 0, 0, released);
    buffer.flush(released);
    QCOMPARE(idsOf(released), (std::vector<qint64> {7, 8}));
    QCOMPARE(buffer.stats().missingIds, quint64(1)); // id 6
}

void tst_ReorderBuffer::streamMemoryIsWindowBound()
{
    // A long run with gaps, duplicates and disorder: the buffer never holds more than W, and
    // the gap bookkeeping stays bounded (IntervalSet's cap), whatever the run length.
    const qint64 window = 32;
    ReorderBuffer buffer(streamConfig(window, 0));
    std::vector<ReleasedMessage> released;
    std::mt19937_64 rng(7);
    quint64 pushed = 0;
    qint64 base = 0;
    for (int block = 0; block < 400; ++block) {
        const std::vector<qint64> ids = boundedPermutation(1000, 20, rng(), base);
        for (qint64 id : ids) {
            if (rng() % 50 == 0)
                continue; // gap
            released.clear();
            buffer.push(id, 0, qint64(pushed++), released);
            QVERIFY(buffer.size() <= std::size_t(window));
        }
        base += 1000;
    }
    QVERIFY(buffer.stats().peakSize <= quint64(window) + 1);
    QVERIFY(buffer.stats().missingIds > 5000);
    QCOMPARE(buffer.stats().late, quint64(0));
}

void tst_ReorderBuffer::hugeJumps()
{
    // Gaps of 2^62: nothing is allocated per missing id, counters do not overflow.
    const qint64 jump = qint64(1) << 62;
    ReorderBuffer buffer(streamConfig(2, 0));
    std::vector<ReleasedMessage> released;
    QElapsedTimer timer;
    timer.start();
    const qint64 far = jump + jump / 2;
    for (qint64 id : {qint64(0), jump, jump + 1, far, qint64(1)})
        buffer.push(id, 0, 0, released);
    buffer.flush(released);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(idsOf(released), (std::vector<qint64> {0, jump, jump + 1, far}));
    QCOMPARE(buffer.stats().late, quint64(1)); // id 1, given up when the window overflowed
    QCOMPARE(buffer.stats().missingIds, quint64(jump - 1) + quint64(jump / 2 - 2));
}

void tst_ReorderBuffer::releasedStaysDuplicateAfterManyGaps_data()
{
    QTest::addColumn<bool>("withStart");
    QTest::newRow("start given") << true;
    QTest::newRow("start learned") << false;
}

void tst_ReorderBuffer::releasedStaysDuplicateAfterManyGaps()
{
    // Every odd id is missing: 70,000 gap ranges, more than the gap bookkeeping remembers.
    // An id that was released must be a duplicate when it comes again, however old.
    QFETCH(bool, withStart);
    const qint64 gaps = 70000;
    ReorderBuffer buffer(streamConfig(1, withStart ? std::optional<qint64>(0) : std::nullopt));
    std::vector<ReleasedMessage> released;
    for (qint64 k = 0; k <= gaps; ++k)
        buffer.push(2 * k, 0, 0, released);
    buffer.flush(released);
    QCOMPARE(released.size(), std::size_t(gaps + 1));
    QCOMPARE(buffer.stats().gapRanges, quint64(gaps));
    QCOMPARE(buffer.stats().late, quint64(0));

    for (qint64 id : {qint64(0), qint64(2), qint64(1000), gaps, 2 * gaps - 2, 2 * gaps})
        QCOMPARE(buffer.push(id, 0, 0, released), PushResult::Duplicate);
    QCOMPARE(buffer.stats().late, quint64(0));
    QCOMPARE(buffer.stats().duplicates, quint64(6));
    // A recent gap is remembered: its id is late once, then a duplicate.
    QCOMPARE(buffer.push(2 * gaps - 1, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(2 * gaps - 1, 0, 0, released), PushResult::Duplicate);
    // Below the start nothing was ever released: late, however many gaps came since.
    QCOMPARE(buffer.push(-1, 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.push(-1, 0, 0, released), PushResult::Duplicate);
    QCOMPARE(buffer.push(-(qint64(1) << 40), 0, 0, released), PushResult::Late);
    QCOMPARE(buffer.stats().late, quint64(3));
    QCOMPARE(buffer.lostIds(), quint64(gaps - 1));
    QVERIFY(!buffer.lostRanges(1).isEmpty());
}

void tst_ReorderBuffer::int64Edges()
{
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    {
        ReorderBuffer buffer(streamConfig(4));
        const Run run = push(buffer, {max, max - 2, max - 1, max - 3});
        QCOMPARE(idsOf(run.released), (std::vector<qint64> {max - 3, max - 2, max - 1, max}));
        std::vector<ReleasedMessage> released;
        QCOMPARE(buffer.push(max, 0, 0, released), PushResult::Duplicate);
        QVERIFY(!buffer.nextExpected()); // past the end of the id range
    }
    {
        ReorderBuffer buffer(streamConfig(2, min));
        const Run run = push(buffer, {min + 1, min, max, min + 3});
        QCOMPARE(idsOf(run.released), (std::vector<qint64> {min, min + 1, min + 3, max}));
        QCOMPARE(buffer.stats().missingIds, quint64(1) + (quint64(max) - quint64(min + 3) - 1));
    }
    {
        // Almost the whole id range as one gap: counted exactly, without wrapping.
        ReorderBuffer buffer(streamConfig(1, min));
        std::vector<ReleasedMessage> released;
        buffer.push(max, 0, 0, released);
        buffer.push(max - 1, 0, 0, released);
        QCOMPARE(idsOf(released), (std::vector<qint64> {max - 1, max}));
        QCOMPARE(buffer.stats().missingIds, quint64(max) - quint64(min) - 1);
    }
}

void tst_ReorderBuffer::distanceSequence()
{
    // Arrival order 2, 0, 1: sequences 0, 1, 2 are each message's arrival index.
    ReorderBuffer buffer(streamConfig(8, 0));
    std::vector<ReleasedMessage> released;
    buffer.push(2, 20, 0, released);
    buffer.push(0, 0, 1, released);
    buffer.push(1, 10, 2, released);
    QCOMPARE(released.size(), std::size_t(3));
    QCOMPARE(released[0].sequence, quint64(1)); // id 0 arrived second
    QCOMPARE(released[0].slot, quint32(0));
    QCOMPARE(released[1].sequence, quint64(2));
    QCOMPARE(released[2].sequence, quint64(0)); // id 2 arrived first, leaves last
    QCOMPARE(released[2].arrivalNs, qint64(0));
    QCOMPARE(buffer.recommendedWindow(), quint64(1));
}

QTEST_APPLESS_MAIN(tst_ReorderBuffer)
#include "tst_reorderbuffer.moc"
