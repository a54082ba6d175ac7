#include "reorder/reorderbuffer.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
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
// only).
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
    std::set<qint64> givenUp;
    bool known = start.has_value();
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
        for (qint64 g = next; g < top; ++g) {
            givenUp.insert(g);
            ++m.missing;
        }
        next = top;
        releaseContiguous();
    };
    for (qint64 id : arrivals) {
        if (known && id < next) {
            if (givenUp.erase(id) || (start && id < *start))
                ++m.late;
            else
                ++m.duplicates;
            continue;
        }
        if (!heap.insert(id).second) {
            ++m.duplicates;
            continue;
        }
        if (!known) {
            if (qint64(heap.size()) < window)
                continue;
            known = true;
            next = *heap.begin();
        }
        releaseContiguous();
        while (qint64(heap.size()) > window)
            giveUp();
    }
    if (!known && !heap.empty())
        next = *heap.begin();
    while (!heap.empty()) {
        if (*heap.begin() == next)
            releaseContiguous();
        else
            giveUp();
    }
    return m;
}

quint64 bruteForceRecommendedWindow(const std::vector<qint64> &arrivals, qint64 start)
{
    for (qint64 w = 1;; ++w) {
        if (runModel(arrivals, w, start).late == 0)
            return quint64(w);
    }
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
    QVERIFY(buffer.recommendedWindow() <= quint64(std::max<qint64>(1, qint64(disorder))));
    if (withStart)
        QCOMPARE(buffer.recommendedWindow(), bruteForceRecommendedWindow(ids, start));
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
    // What stream mode would have needed, computed offline.
    QCOMPARE(buffer.recommendedWindow(),
             bruteForceRecommendedWindow(
                 [&] {
                     // the model takes first arrivals only
                     std::vector<qint64> firsts;
                     std::set<qint64> seen;
                     for (qint64 id : ids)
                         if (seen.insert(id).second)
                             firsts.push_back(id);
                     return firsts;
                 }(),
                 expected.front()));
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
