// libFuzzer target for ReorderBuffer: any sequence of pushes (ids anywhere in the 64-bit range,
// near the edges, huge jumps), expiries, deadlines and flushes, in either mode, must keep the
// buffer's promises: released ids strictly increase over the whole run, every buffered message
// leaves exactly once, the window bounds what stream mode holds, counters add up, nothing
// allocates per missing id (a huge gap would exhaust memory or time), and the recommended window
// is the smallest with no late message: replayed with W = rec none is late, with rec - 1 some.
//
// Input: byte 0 configures (mode, window, max-hold, start id); then each operation is one byte,
// with a push taking its id from the following bytes.
#include "protocol/idmath.h"
#include "reorder/reorderbuffer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <unordered_set>
#include <vector>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

constexpr qint64 Edges[] = {
    IdMath::MinId,
    IdMath::MinId + 1,
    IdMath::MinId + 2,
    -(qint64(1) << 62),
    -2,
    -1,
    0,
    1,
    2,
    qint64(1) << 32,
    qint64(1) << 62,
    (qint64(1) << 62) + 1,
    IdMath::MaxId - 2,
    IdMath::MaxId - 1,
    IdMath::MaxId,
};
constexpr std::size_t EdgeCount = sizeof(Edges) / sizeof(Edges[0]);

class Input
{
public:
    Input(const std::uint8_t *data, std::size_t size)
        : m_p(data)
        , m_end(data + size)
    { }

    bool atEnd() const { return m_p == m_end; }
    std::uint8_t byte() { return m_p < m_end ? *m_p++ : 0; }
    qint64 int64()
    {
        quint64 v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | byte();
        return qint64(v);
    }

private:
    const std::uint8_t *m_p;
    const std::uint8_t *m_end;
};

// The same ids pushed into a fresh stream buffer with window `window`, flushed at the end: its
// late count and its recommendation.
std::pair<quint64, quint64> replay(const ReorderConfig &config, const std::vector<qint64> &ids,
                                   qint64 window)
{
    ReorderConfig c = config;
    c.mode = ReorderMode::Stream;
    c.window = window;
    c.maxHoldNs = 0;
    ReorderBuffer buffer(c);
    std::vector<ReleasedMessage> out;
    for (qint64 id : ids) {
        buffer.push(id, 0, 0, out);
        out.clear();
    }
    buffer.flush(out);
    return {buffer.stats().late, buffer.recommendedWindow()};
}

// The recommendation's definition, for a run the window rule alone decided (no max-hold, no
// flush before the last push): with W = rec no message is late but the ones below a given
// start (late whatever the window), with W = rec - 1 some more are; and it does not depend on
// the window the run used.
void checkRecommendation(const ReorderConfig &config, const std::vector<qint64> &ids, quint64 rec)
{
    std::set<qint64> belowStart;
    for (qint64 id : ids) {
        if (config.startId && id < *config.startId)
            belowStart.insert(id);
    }
    const auto [late, again] = replay(config, ids, qint64(rec));
    check(late == belowStart.size(), "no avoidable late message with W = recommended window");
    check(again == rec, "the recommendation does not depend on the window");
    if (rec > 1)
        check(replay(config, ids, qint64(rec) - 1).first > belowStart.size(),
              "a late message with W = recommended window - 1");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t setup = in.byte();
    ReorderConfig config;
    config.mode = (setup & 1) ? ReorderMode::Batch : ReorderMode::Stream;
    config.window = 1 + (in.byte() % 64);
    config.maxHoldNs = (setup & 2) ? qint64(1 + in.byte()) : 0;
    if (setup & 4)
        config.startId = Edges[in.byte() % EdgeCount];
    ReorderBuffer buffer(config);

    std::vector<ReleasedMessage> released;
    std::unordered_set<quint32> outstanding; // buffered, not yet released
    quint32 nextSlot = 0;
    quint64 pushes = 0;
    quint64 releasedCount = 0;
    bool anyReleased = false;
    qint64 lastReleased = 0;
    quint64 gaps = 0; // ids skipped in the released sequence, saturating
    qint64 lastId = 0;
    qint64 now = 0;
    std::vector<qint64> pushedIds;
    bool flushed = false;
    bool windowRuleOnly = config.maxHoldNs == 0; // no flush before a push, no max-hold

    auto take = [&] {
        for (const ReleasedMessage &r : released) {
            check(!anyReleased || r.id > lastReleased, "released ids strictly increase");
            if (anyReleased)
                gaps = IdMath::saturatingAdd(gaps, IdMath::distance(lastReleased, r.id) - 1);
            else if (config.startId)
                gaps = IdMath::saturatingAdd(gaps, IdMath::distance(*config.startId, r.id));
            check(outstanding.erase(r.slot) == 1, "a released slot was buffered, once");
            anyReleased = true;
            lastReleased = r.id;
            ++releasedCount;
        }
        released.clear();
        check(buffer.size() == outstanding.size(), "size() is what is still held");
    };

    for (int ops = 0; !in.atEnd() && ops < 4096; ++ops) {
        const std::uint8_t op = in.byte();
        now += op >> 3; // time only moves forward
        switch (op & 7) {
        case 0:
        case 1:
        case 2:
        case 3: {
            qint64 id;
            switch (op & 3) {
            case 0: // near the previous id, the common case of a disordered feed
                id = IdMath::clampedAdd(IdMath::clampedSub(lastId, 8), in.byte() % 24);
                break;
            case 1:
                id = Edges[in.byte() % EdgeCount];
                break;
            case 2:
                id = in.int64();
                break;
            default: // next expected, or near it
            {
                const std::optional<qint64> next = buffer.nextExpected();
                id = IdMath::clampedAdd(next.value_or(lastId), in.byte() % 4);
                break;
            }
            }
            lastId = id;
            pushedIds.push_back(id);
            windowRuleOnly = windowRuleOnly && !flushed;
            const quint32 slot = nextSlot++;
            const PushResult result = buffer.push(id, slot, now, released);
            ++pushes;
            if (result == PushResult::Buffered)
                outstanding.insert(slot);
            take();
            if (config.mode == ReorderMode::Stream)
                check(buffer.size() <= std::size_t(config.window), "stream holds at most W");
            break;
        }
        case 4:
        case 5: {
            buffer.expire(now, released);
            take();
            if (const std::optional<qint64> deadline = buffer.nextDeadlineNs())
                check(*deadline > now, "deadlines lie ahead after expire");
            break;
        }
        case 6:
            (void)buffer.nextDeadlineNs();
            break;
        default:
            buffer.flush(released);
            take();
            check(buffer.isEmpty(), "flush empties the buffer");
            flushed = true;
            break;
        }
    }
    buffer.flush(released);
    take();
    check(outstanding.empty(), "every buffered message left");

    const ReorderStats &s = buffer.stats();
    check(s.buffered + s.late + s.duplicates == pushes, "every push is counted once");
    check(s.released == releasedCount && s.released == s.buffered, "buffered = released");
    check(buffer.lostIds() <= s.missingIds, "lost ids are missing ids");
    check(s.missingIds == gaps, "missing ids are the holes in what was released");
    check(buffer.recommendedWindow() >= 1, "recommended window at least 1");
    if (windowRuleOnly && !pushedIds.empty())
        checkRecommendation(config, pushedIds, buffer.recommendedWindow());
    (void)buffer.lostRanges(16);
    return 0;
}
