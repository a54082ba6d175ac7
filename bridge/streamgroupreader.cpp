#include "streamgroupreader.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <charconv>

namespace {

const QByteArray NoPass =
    QByteArrayLiteral("0-0"); // XAUTOCLAIM's cursor at the start and end of a pass

// Claim passes while serving: often enough that a crashed bridge's entries wait about
// claimIdleMs, rarely enough to cost nothing.
int claimIntervalMs(int claimIdleMs)
{
    return std::max(100, claimIdleMs / 2);
}

} // namespace

StreamGroupReader::EntryId StreamGroupReader::EntryId::parse(const QByteArray &text)
{
    // Per entry on the hot path: no allocation.
    EntryId id;
    const char *end = text.constData() + text.size();
    const auto ms = std::from_chars(text.constData(), end, id.ms);
    if (ms.ptr != end && *ms.ptr == '-')
        std::from_chars(ms.ptr + 1, end, id.seq);
    return id;
}

QByteArray StreamGroupReader::EntryId::text() const
{
    char buffer[41];
    const auto ms = std::to_chars(buffer, buffer + 20, this->ms);
    *ms.ptr = '-';
    const auto seq = std::to_chars(ms.ptr + 1, buffer + sizeof buffer, this->seq);
    return QByteArray(buffer, seq.ptr - buffer);
}

StreamGroupReader::StreamGroupReader(const RedisBridgeConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_consumer(config.consumerName())
    , m_key(config.stream.toUtf8())
    , m_group(config.group.toUtf8())
    , m_consumerBytes(m_consumer.toUtf8())
    , m_reader(config.redis, this)
    , m_control(config.redis, this)
    , m_wakeTimer(this)
{
    for (RedisConnection *c : {&m_reader, &m_control}) {
        c->setReconnectPolicy(m_config.reconnect);
        c->setRetryFirstConnection(true);
        connect(c, &RedisConnection::failed, this, &StreamGroupReader::failed);
    }
    connect(&m_reader, &RedisConnection::ready, this, [this] {
        // A read whose answer was lost with the old connection may have delivered entries to us
        // all the same: they are pending with us, and read again first (what we know is
        // skipped).
        if (m_groupReady)
            startOwnPass();
        readMore();
    });
    connect(&m_reader, &RedisConnection::dropped, this, [this] { m_reads = m_readsNew = 0; });
    connect(&m_control, &RedisConnection::ready, this, &StreamGroupReader::onControlReady);
    connect(&m_control, &RedisConnection::dropped, this, [this] {
        // An XACK that got no answer may not have been applied: it goes again.
        m_toAck.insert(m_toAck.begin(), m_ackInFlight.begin(), m_ackInFlight.end());
        m_ackInFlight.clear();
        m_acking = false;
        m_creatingGroup = false;
    });
    m_wakeTimer.setSingleShot(true);
    connect(&m_wakeTimer, &QTimer::timeout, this, &StreamGroupReader::readMore);
}

void StreamGroupReader::open()
{
    m_open = true;
    m_reader.open();
    m_control.open();
}

void StreamGroupReader::close()
{
    m_open = false;
    m_wakeTimer.stop();
    m_reader.close();
    m_control.close();
}

void StreamGroupReader::setHeldBack(bool heldBack)
{
    m_heldBack = heldBack;
    readMore();
}

void StreamGroupReader::stopReading()
{
    m_stopped = true;
    m_wakeTimer.stop();
}

// --- the group -------------------------------------------------------------------------------

void StreamGroupReader::onControlReady()
{
    if (!m_groupReady)
        createGroup();
    flushAcks();
}

void StreamGroupReader::createGroup()
{
    if (m_creatingGroup || !m_control.isReady())
        return;
    const QByteArray from = m_config.streamFrom == QLatin1String("$")
        ? QByteArrayLiteral("$")
        : RedisStreamId::normalised(m_config.streamFrom).toLatin1();
    m_creatingGroup = m_control.command({QByteArrayLiteral("XGROUP"), QByteArrayLiteral("CREATE"),
                                         m_key, m_group, from, QByteArrayLiteral("MKSTREAM")},
                                        [this](const redisReply &reply) { onGroupCreated(reply); });
}

void StreamGroupReader::onGroupCreated(const redisReply &reply)
{
    m_creatingGroup = false;
    const QString group = m_config.group;
    if (reply.type == REDIS_REPLY_ERROR) {
        const QByteArray error = RedisConnection::replyText(reply);
        if (!error.startsWith("BUSYGROUP")) {
            Q_EMIT failed(tr("cannot create the consumer group %1 of stream %2: %3")
                              .arg(group, m_config.stream, QString::fromUtf8(error)));
            return;
        }
        Q_EMIT logMessage(tr("joined consumer group %1 of stream %2 as consumer %3; the group "
                             "keeps its position")
                              .arg(group, m_config.stream, m_consumer));
    } else {
        Q_EMIT logMessage(tr("created consumer group %1 of stream %2 at %3; reading as consumer %4")
                              .arg(group, m_config.stream, m_config.streamFrom, m_consumer));
    }
    // Who holds what: this consumer's own pending entries are read again first, the others'
    // are taken over once idle.
    m_control.command({QByteArrayLiteral("XPENDING"), m_key, m_group},
                      [this](const redisReply &r) { onPendingSummary(r); });
}

StreamGroupReader::PendingSummary StreamGroupReader::pendingSummary(const redisReply &reply) const
{
    // [count, smallest id, largest id, [[consumer, count], ...]]
    PendingSummary summary;
    if (reply.type != REDIS_REPLY_ARRAY || reply.elements < 4
        || reply.element[3]->type != REDIS_REPLY_ARRAY)
        return summary;
    const redisReply &consumers = *reply.element[3];
    for (size_t i = 0; i < consumers.elements; ++i) {
        const redisReply &c = *consumers.element[i];
        if (c.type != REDIS_REPLY_ARRAY || c.elements < 2)
            continue;
        const QByteArray name = RedisConnection::replyText(*c.element[0]);
        const quint64 count = RedisConnection::replyText(*c.element[1]).toULongLong();
        if (name == m_consumerBytes) {
            summary.own = count;
        } else {
            summary.others += count;
            summary.holders << QStringLiteral("%1: %2").arg(QString::fromUtf8(name)).arg(count);
        }
    }
    return summary;
}

void StreamGroupReader::onPendingSummary(const redisReply &reply)
{
    const PendingSummary summary = pendingSummary(reply);
    const quint64 own = summary.own;
    const quint64 others = summary.others;
    const QStringList &holders = summary.holders;
    if (own > 0) {
        startOwnPass();
        Q_EMIT logMessage(tr("%1 entries are pending with consumer %2 from an earlier run: they "
                             "are sent first")
                              .arg(own)
                              .arg(m_consumer));
    }
    if (others > 0) {
        // One pass once all of them are idle enough: a pass that meets them while they become
        // idle one by one would skip the first and take the later ones, out of order.
        m_takingOver = true;
        m_nextClaimPass = QDeadlineTimer(m_config.claimIdleMs);
        Q_EMIT logMessage(tr("%1 entries are pending with other consumers of the group (%2): "
                             "taking over those idle for %3 ms before reading new entries")
                              .arg(others)
                              .arg(holders.join(QStringLiteral(", ")))
                              .arg(m_config.claimIdleMs));
    }
    m_groupReady = true;
    readMore();
}

// --- reading ---------------------------------------------------------------------------------

QList<QByteArray> StreamGroupReader::readGroup(const QByteArray &after, bool block) const
{
    QList<QByteArray> arguments {
        QByteArrayLiteral("XREADGROUP"), QByteArrayLiteral("GROUP"), m_group, m_consumerBytes,
        QByteArrayLiteral("COUNT"),      QByteArray::number(Batch)};
    if (block)
        arguments << QByteArrayLiteral("BLOCK") << QByteArray::number(BlockMs);
    arguments << QByteArrayLiteral("STREAMS") << m_key << after;
    return arguments;
}

bool StreamGroupReader::claimDue() const
{
    return m_claiming || m_nextClaimPass.hasExpired();
}

void StreamGroupReader::readMore()
{
    if (!m_open || m_stopped || !m_groupReady || m_heldBack || !m_reader.isReady())
        return;
    // New entries are read two requests ahead (Redis serves the next while we hand out the
    // last); the other reads follow a cursor, one at a time.
    if (m_reads > 0 && (m_readsNew == 0 || m_reads >= NewReadsAhead || m_readOwn || claimDue()))
        return;
    if (m_unconfirmed.size() >= MaxUnconfirmed) {
        if (!m_waitNoted) {
            m_waitNoted = true;
            Q_EMIT logMessage(tr("%1 entries sent and not acknowledged: waiting for the "
                                 "consumers before reading more")
                                  .arg(m_unconfirmed.size()));
        }
        return;
    }
    m_waitNoted = false;
    Read kind = Read::New;
    QList<QByteArray> arguments;
    if (m_readOwn) {
        kind = Read::Own;
        arguments = readGroup(m_ownCursor, false);
    } else if (m_claiming) {
        kind = Read::Claim;
        arguments = {QByteArrayLiteral("XAUTOCLAIM"),
                     m_key,
                     m_group,
                     m_consumerBytes,
                     QByteArray::number(m_config.claimIdleMs),
                     m_claimCursor,
                     QByteArrayLiteral("COUNT"),
                     QByteArray::number(Batch)};
    } else if (claimDue()) {
        // A pass begins, if another consumer holds anything.
        kind = Read::Probe;
        m_passClaimed = 0;
        arguments = {QByteArrayLiteral("XPENDING"), m_key, m_group};
    } else if (m_takingOver) {
        // Nothing new is read until what others left had its time: wait for the next pass.
        m_wakeTimer.start(int(std::max<qint64>(1, m_nextClaimPass.remainingTime())));
        return;
    } else {
        arguments = readGroup(QByteArrayLiteral(">"), true);
    }
    if (!m_reader.command(arguments,
                          [this, kind, generation = m_generation](const redisReply &reply) {
                              onReadReply(kind, generation, reply);
                          }))
        return;
    ++m_reads;
    if (kind == Read::New) {
        ++m_readsNew;
        readMore(); // the next one ahead
    }
}

void StreamGroupReader::readError(const redisReply &reply, bool claiming)
{
    const QByteArray error = RedisConnection::replyText(reply);
    if (error.startsWith("NOGROUP")) {
        // Redis lost it (restarted without its data, FLUSHALL): the stream starts over.
        Q_EMIT logMessage(tr("consumer group %1 of stream %2 is gone: creating it again")
                              .arg(m_config.group, m_config.stream));
        m_groupReady = false;
        m_readOwn = false;
        m_claiming = false;
        createGroup();
        return;
    }
    const QString reason = QString::fromUtf8(error);
    Q_EMIT failed(claiming
                      ? tr("cannot take over entries of stream %1: %2").arg(m_config.stream, reason)
                      : tr("cannot read stream %1: %2").arg(m_config.stream, reason));
}

void StreamGroupReader::onReadReply(Read kind, quint64 generation, const redisReply &reply)
{
    --m_reads;
    if (kind == Read::New)
        --m_readsNew;
    if (reply.type == REDIS_REPLY_ERROR) {
        readError(reply, kind == Read::Claim || kind == Read::Probe);
        return;
    }
    // Stopping: what this read brought stays pending with us, for the next bridge to take over.
    // Rewound meanwhile: it is read again with the rest of our pending entries.
    if (m_stopped || !m_open)
        return;
    if (generation != m_generation) {
        readMore();
        return;
    }
    std::vector<RedisStreamEntry> entries;
    switch (kind) {
    case Read::Own:
        entries = RedisConnection::streamEntries(reply);
        if (entries.empty()) {
            m_readOwn = false;
            m_knownOwn = {};
            if (m_ownPassCount > 0)
                Q_EMIT logMessage(tr("sent again the %1 entries that were pending with consumer %2")
                                      .arg(m_ownPassCount)
                                      .arg(m_consumer));
            m_ownPassCount = 0;
            break;
        }
        m_ownCursor = entries.back().id;
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [this](const RedisStreamEntry &e) {
                                         return std::binary_search(m_knownOwn.begin(),
                                                                   m_knownOwn.end(),
                                                                   EntryId::parse(e.id));
                                     }),
                      entries.end());
        m_readAgain += entries.size();
        m_ownPassCount += entries.size();
        break;
    case Read::Probe:
        if (pendingSummary(reply).others == 0) {
            onClaimPassDone();
        } else {
            m_claiming = true;
            m_claimCursor = NoPass; // from the start
        }
        break;
    case Read::Claim:
        // [next cursor, [entries], (Redis 7) [ids deleted from the stream, now unclaimed]]
        if (reply.type != REDIS_REPLY_ARRAY || reply.elements < 2) {
            m_claimCursor = NoPass;
        } else {
            m_claimCursor = RedisConnection::replyText(*reply.element[0]);
            entries = RedisConnection::entryList(*reply.element[1]);
            dropKnown(entries); // ours already, idle with a slow consumer
            m_claimed += entries.size();
            m_passClaimed += entries.size();
        }
        break;
    case Read::New:
        entries = RedisConnection::streamEntries(reply);
        break;
    }
    if (kind == Read::Claim && m_claimCursor == NoPass)
        onClaimPassDone();
    handOut(entries); // last: the owner may ask for more from inside it
    readMore();
}

void StreamGroupReader::onClaimPassDone()
{
    m_claiming = false;
    m_nextClaimPass = QDeadlineTimer(claimIntervalMs(m_config.claimIdleMs));
    if (m_passClaimed > 0) {
        Q_EMIT logMessage(tr("took over %1 entries pending for %2 ms or more with other "
                             "consumers of group %3")
                              .arg(m_passClaimed)
                              .arg(m_config.claimIdleMs)
                              .arg(m_config.group));
    }
    if (m_takingOver) {
        m_takingOver = false;
        Q_EMIT logMessage(tr("reading new entries of stream %1").arg(m_config.stream));
    }
}

void StreamGroupReader::dropKnown(std::vector<RedisStreamEntry> &entries) const
{
    // Entries this reader already handed out (unconfirmed, or confirmed and being acknowledged)
    // are not handed out twice: a claim pass that finds them idle brings them back.
    if (entries.empty())
        return;
    std::vector<EntryId> fetched;
    fetched.reserve(entries.size());
    for (const RedisStreamEntry &e : entries)
        fetched.push_back(EntryId::parse(e.id));
    std::vector<EntryId> sorted = fetched;
    std::sort(sorted.begin(), sorted.end());
    std::vector<EntryId> known;
    const auto note = [&](const EntryId &id) {
        if (std::binary_search(sorted.begin(), sorted.end(), id))
            known.push_back(id);
    };
    std::for_each(m_toAck.begin(), m_toAck.end(), note);
    std::for_each(m_ackInFlight.begin(), m_ackInFlight.end(), note);
    std::for_each(m_unconfirmed.begin(), m_unconfirmed.end(), note);
    if (known.empty())
        return;
    std::sort(known.begin(), known.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (std::binary_search(known.begin(), known.end(), fetched[i]))
            continue;
        if (kept != i)
            entries[kept] = std::move(entries[i]);
        ++kept;
    }
    entries.resize(kept);
}

void StreamGroupReader::handOut(std::vector<RedisStreamEntry> &entries)
{
    if (entries.empty())
        return;
    m_reader.markDelivered();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const EntryId id = EntryId::parse(entries[i].id);
        if (entries[i].deleted) {
            m_toAck.push_back(id); // gone from the stream: nothing to send, nothing to keep
            continue;
        }
        m_unconfirmed.push_back(id);
        if (kept != i)
            entries[kept] = std::move(entries[i]);
        ++kept;
    }
    entries.resize(kept);
    m_handedOut += kept;
    if (kept > 0)
        Q_EMIT framesRead(entries);
    flushAcks();
}

// --- acknowledging ---------------------------------------------------------------------------

void StreamGroupReader::confirm(quint64 frames)
{
    if (frames <= m_confirmed)
        return;
    const quint64 n = std::min(frames, m_handedOut) - m_confirmed;
    for (quint64 i = 0; i < n; ++i) {
        m_toAck.push_back(m_unconfirmed.front());
        m_unconfirmed.pop_front();
    }
    m_confirmed += n;
    flushAcks();
    readMore();
}

void StreamGroupReader::rewind()
{
    m_unconfirmed.clear();
    m_confirmed = m_handedOut; // frame numbers go on
    startOwnPass();
    ++m_generation;
    if (isSettled())
        Q_EMIT settled();
}

void StreamGroupReader::startOwnPass()
{
    m_readOwn = true;
    m_ownCursor = "0";
    m_ownPassCount = 0;
    // What this reader handed out already is pending with us too: not handed out twice.
    m_knownOwn.assign(m_unconfirmed.begin(), m_unconfirmed.end());
    m_knownOwn.insert(m_knownOwn.end(), m_toAck.begin(), m_toAck.end());
    m_knownOwn.insert(m_knownOwn.end(), m_ackInFlight.begin(), m_ackInFlight.end());
    std::sort(m_knownOwn.begin(), m_knownOwn.end());
}

void StreamGroupReader::flushAcks()
{
    if (m_acking || m_toAck.empty() || !m_control.isReady())
        return;
    const std::size_t n = std::min<std::size_t>(m_toAck.size(), MaxIdsPerAck);
    QList<QByteArray> arguments;
    arguments.reserve(qsizetype(n) + 3);
    arguments << QByteArrayLiteral("XACK") << m_key << m_group;
    for (std::size_t i = 0; i < n; ++i)
        arguments << m_toAck[i].text();
    m_acking = m_control.command(arguments, [this](const redisReply &reply) {
        m_acking = false;
        if (reply.type == REDIS_REPLY_ERROR) {
            // They stay pending with us: a later bridge takes them over (sent twice, not lost).
            Q_EMIT logMessage(tr("cannot acknowledge %1 entries: %2")
                                  .arg(m_ackInFlight.size())
                                  .arg(QString::fromUtf8(RedisConnection::replyText(reply))));
        } else {
            m_acknowledged += m_ackInFlight.size();
        }
        m_ackInFlight.clear();
        flushAcks();
        if (isSettled())
            Q_EMIT settled();
    });
    if (!m_acking)
        return;
    m_ackInFlight.assign(m_toAck.begin(), m_toAck.begin() + qsizetype(n));
    m_toAck.erase(m_toAck.begin(), m_toAck.begin() + qsizetype(n));
}
