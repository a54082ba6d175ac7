#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrlQuery>

#include <array>
#include <deque>
#include <optional>
#include <random>
#include <vector>

// The query parameters of /raw-messages (docs/PROTOCOL.md, "Wire protocol").
struct FeedParams
{
    Q_DECLARE_TR_FUNCTIONS(FeedParams)

public:
    quint64 count = 1000; // messages with distinct ids; 0 = endless
    quint64 disorder = 0; // D: each message at most D positions from its sorted place
    // A disorder that changes during the feed: "disorder=20,400@30%,20@70%" starts at 20, is
    // 400 from 30% of `count` and 20 again from 70% (or "@N": from the N-th message).
    struct DisorderStep
    {
        quint64 at = 0; // a message index, or a percentage of count
        bool percent = false;
        quint64 disorder = 0;
    };
    std::vector<DisorderStep> disorderSteps;
    // The disorder of the message at `index` (of `count`).
    quint64 disorderAt(quint64 index) const;
    qint64 start = 0; // first id
    quint64 seed = 1;
    double rate = 0; // messages per second; 0 = as fast as the connection takes them
    int delayMs = 0; // each frame held back a random 0..delayMs
    double dup = 0; // probability, after a message, of repeating a recent one
    double gap = 0; // probability of skipping an id before a message
    double junk = 0; // probability, after a message, of a malformed frame
    double oversize = 0; // probability, after a message, of a frame over 64 KiB
    quint64 dropAfter = 0; // vanish (no close frame) after this many frames; 0 = never
    // Faults across connections (the simulator keeps the feed's state between them):
    quint64 drops = 0; // with dropAfter: drop this many times in all, then run to the end; a
                       // reconnection resumes the feed where it stopped. 0 = every connection
                       // drops and restarts the feed from its first frame.
    quint64 replay = 0; // on resuming, send the last `replay` frames again first
    int closeCode = 0; // at a drop, close with this code instead of vanishing; 0 = vanish
    quint64 stallAfter = 0; // after this many frames, send nothing more but stay connected
    // Message frames padded to at least this many bytes with a "pad" field (unknown fields
    // travel with the message): large frames for memory tests. 0 = no padding.
    quint64 size = 0;
    static constexpr quint64 MaxSize = 16 * 1024 * 1024;

    // Unknown parameters and bad values are refused with the reason in `error`.
    static std::optional<FeedParams> fromQuery(const QUrlQuery &query, QString *error);
    QUrlQuery toQuery() const;
};

struct FeedFrame
{
    enum class Kind : quint8 { Message, Duplicate, Junk, Oversize };

    QString text;
    QByteArray binary; // set for binary junk frames (text is then empty)
    Kind kind = Kind::Message;
    qint64 id = 0; // Message and Duplicate
    bool isBinary = false;
};

// What a feed sent: what a monitor's counts must match.
struct FeedStats
{
    quint64 frames = 0;
    quint64 messages = 0; // distinct ids sent
    quint64 duplicates = 0;
    quint64 junk = 0; // malformed frames, oversized ones included
    quint64 oversize = 0;
    quint64 gaps = 0; // ids skipped
    quint64 maxDisplacement = 0;
    qint64 firstId = 0;
    qint64 lastId = 0; // highest id generated
    quint64 replayed = 0; // frames sent again after a resumed drop (counted in duplicates/junk)
    quint64 connections = 0;
    quint64 drops = 0; // connections ended on purpose (dropAfter)
    bool finished = false; // the whole feed was sent and closed normally
    bool dropped = false; // the last connection vanished on purpose (dropAfter)
    bool aborted = false; // the client went away first
    bool stalled = false; // stopped sending on purpose (stallAfter)
};

/*!
    Generates the simulated feed: ids start, start+1, ... (minus skipped gaps), permuted so that
    each message is at most `disorder` positions from its sorted place, with duplicates, junk and
    oversized frames mixed in. Deterministic for a given seed. O(disorder) memory, so an endless
    feed runs in constant space. Plain value type.
*/
class FeedGenerator final
{
public:
    static constexpr int JunkKinds = 11;

    explicit FeedGenerator(const FeedParams &params);

    // The next frame to send; false when the feed is complete.
    bool next(FeedFrame &frame);
    const FeedStats &stats() const { return m_stats; }
    const FeedParams &params() const { return m_params; }
    // A malformed frame of the given kind (0..JunkKinds-1), for tests as well.
    static FeedFrame junkFrame(int kind);

private:
    struct Pending
    {
        double key;
        qint64 id;
        quint64 index; // position in sorted order
    };

    void generateOne();
    void emitMessage(const Pending &pending);
    double uniform() { return m_unit(m_rng); }
    // The frame of message `id`, padded to `size` bytes when it is larger than the message.
    static QString messageText(qint64 id, qint64 text, quint64 size = 0);

    FeedParams m_params;
    FeedStats m_stats;
    std::mt19937_64 m_rng;
    std::uniform_real_distribution<double> m_unit {0.0, 1.0};
    std::vector<Pending> m_heap; // min-heap on key
    std::deque<FeedFrame> m_ready;
    std::array<QString, 64> m_recent; // recently sent message texts, for duplicates
    std::array<qint64, 64> m_recentIds {};
    quint64 m_recentCount = 0;
    quint64 m_generated = 0;
    quint64 m_emitted = 0;
    qint64 m_nextId = 0;
};
