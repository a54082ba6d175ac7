#pragma once

#include "redis/redisconnection.h"
#include "redisbridgeconfig.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>

/*!
    reorder-bridge's side of a Redis Streams consumer group: one consumer (consumerName()) in
    the group, reading entries for the bridge to hand out as frames and acknowledging (XACK)
    each one once every consumer of the bridge dealt with it.

    Frames are numbered from 0 over the reader's life, in the order they are handed out. The
    bridge calls confirm(N) when every consumer dealt with the frames below N, and rewind()
    when no consumer is left: what was handed out and not confirmed is still pending with this
    consumer in the group, and is read again first (XREADGROUP … 0) for the next one.

    What it reads, first match wins:
    - this consumer's own pending entries, from the first: after a rewind, after a reconnection
      (a read whose answer was lost may have delivered some), or left by an earlier process of
      the same name; what it handed out already is skipped;
    - entries pending at least claimIdleMs with another consumer of the group, a crashed bridge
      (XAUTOCLAIM, a pass every claimIdleMs / 2, only while XPENDING shows another consumer
      holding entries: a pass also claims this consumer's own idle entries and resets their
      idle time, and whoever takes them over after a crash would find them out of order);
    - new entries (XREADGROUP … > BLOCK).
    A bridge that starts while others hold pending entries waits claimIdleMs, then takes them
    over in one pass, in id order (a crashed bridge's entries are all idle enough by then; a
    pass that met them while they became idle one by one would take them out of order), and
    only then reads new entries. A bridge that is serving already hands out what it takes over
    after newer entries: its consumers count those late.

    Two connections: one reads (a blocking read would hold an XACK back), the other creates the
    group and acknowledges. Lives in one thread.
*/
class StreamGroupReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamGroupReader)

public:
    static constexpr int Batch = 1000; // entries per read
    static constexpr int BlockMs = 1000;
    // Handed out, not confirmed: past this the reader waits. It bounds the memory (16 bytes an
    // entry) and what a crash sends again; a consumer that holds more (batch mode) stalls.
    static constexpr quint64 MaxUnconfirmed = quint64(1) << 20;
    static constexpr int MaxIdsPerAck = 10000;
    static constexpr int NewReadsAhead = 2;

    explicit StreamGroupReader(const RedisBridgeConfig &config, QObject *parent = nullptr);

    // Connects (both connections), creates or joins the group; reads once not held back.
    void open();
    void close();
    // The connection that reads: its drops and reconnections are Redis's, for the log.
    RedisConnection &connection() { return m_reader; }
    const RedisConnection &connection() const { return m_reader; }

    // The owner cannot take more now (no consumer, or one is behind): no new read starts.
    void setHeldBack(bool heldBack);
    // No more reading, for good (the bridge is stopping); what a read in flight brings stays
    // pending for the next bridge.
    void stopReading();

    quint64 handedOut() const { return m_handedOut; }
    // Every consumer dealt with the frames below `frames`: their entries are acknowledged.
    void confirm(quint64 frames);
    // Nobody will confirm what is unconfirmed: it is read again, first, for the next consumer.
    void rewind();

    quint64 unconfirmed() const { return m_unconfirmed.size(); }
    // Nothing waits for a confirmation or an XACK's answer.
    bool isSettled() const { return m_unconfirmed.empty() && m_toAck.empty() && !m_acking; }
    quint64 acknowledged() const { return m_acknowledged; }
    quint64 claimed() const { return m_claimed; } // taken over from other consumers
    quint64 readAgain() const { return m_readAgain; } // own pending entries read again
    QString consumerName() const { return m_consumer; }

Q_SIGNALS:
    // Entries to hand out, in order, as frames handedOut() - entries.size() ... handedOut() - 1.
    void framesRead(const std::vector<RedisStreamEntry> &entries);
    void logMessage(const QString &line);
    // The group cannot be read (the key is not a stream, a refused password): nothing follows.
    void failed(const QString &reason);
    // isSettled() became true.
    void settled();

private:
    // A stream entry id, MS-SEQ, kept in 16 bytes.
    struct EntryId
    {
        quint64 ms = 0;
        quint64 seq = 0;
        static EntryId parse(const QByteArray &text);
        QByteArray text() const;
        bool operator<(const EntryId &o) const { return ms < o.ms || (ms == o.ms && seq < o.seq); }
        bool operator==(const EntryId &o) const { return ms == o.ms && seq == o.seq; }
    };
    enum class Read { Own, Probe, Claim, New };
    // XPENDING's summary, seen from this consumer.
    struct PendingSummary
    {
        quint64 own = 0;
        quint64 others = 0;
        QStringList holders; // "consumer: count", others only
    };

    void onControlReady();
    void createGroup();
    void onGroupCreated(const redisReply &reply);
    void onPendingSummary(const redisReply &reply);
    PendingSummary pendingSummary(const redisReply &reply) const;
    void readMore();
    bool claimDue() const;
    void onReadReply(Read kind, quint64 generation, const redisReply &reply);
    void onClaimPassDone();
    void dropKnown(std::vector<RedisStreamEntry> &entries) const;
    void startOwnPass();
    void handOut(std::vector<RedisStreamEntry> &entries);
    void flushAcks();
    void readError(const redisReply &reply, bool claiming);
    // XREADGROUP … STREAMS key `after`: ">" new entries, else this consumer's pending ones.
    QList<QByteArray> readGroup(const QByteArray &after, bool block) const;

    RedisBridgeConfig m_config;
    QString m_consumer;
    QByteArray m_key;
    QByteArray m_group;
    QByteArray m_consumerBytes;
    RedisConnection m_reader;
    RedisConnection m_control;
    QTimer m_wakeTimer; // the next claim pass while taking over

    bool m_open = false;
    bool m_groupReady = false;
    bool m_creatingGroup = false;
    bool m_heldBack = true;
    bool m_stopped = false;
    int m_reads = 0; // in flight
    int m_readsNew = 0; // of those, XREADGROUP … >
    bool m_waitNoted = false; // the MaxUnconfirmed wait was logged
    quint64 m_generation = 0; // replies of an older generation are stale (rewound)

    bool m_readOwn = false;
    QByteArray m_ownCursor = "0";
    quint64 m_ownPassCount = 0;
    std::vector<EntryId> m_knownOwn; // sorted: handed out already when the pass began

    bool m_claiming = false; // a pass is under way: others hold pending entries
    QByteArray m_claimCursor = "0-0";
    QDeadlineTimer m_nextClaimPass {0};
    bool m_takingOver = false; // new entries wait for the first pass
    quint64 m_passClaimed = 0;

    std::deque<EntryId> m_unconfirmed; // frames [m_confirmed, m_handedOut)
    quint64 m_handedOut = 0;
    quint64 m_confirmed = 0;
    std::deque<EntryId> m_toAck;
    std::vector<EntryId> m_ackInFlight;
    bool m_acking = false;

    quint64 m_acknowledged = 0;
    quint64 m_claimed = 0;
    quint64 m_readAgain = 0;
};
