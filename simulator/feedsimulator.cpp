#include "feedsimulator.h"

#include "protocol/messagecodec.h"
#include "protocol/wireprotocol.h"
#include "replaysession.h"
#include "transport/socketreading.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <queue>

namespace {

constexpr qint64 WriteBufferLimit = 4 * 1024 * 1024;
constexpr int FramesPerPump = 1024;
constexpr int TickMs = 2;
constexpr std::size_t MaxScheduled = 100000; // frames waiting out their delay

const QString FeedPath = WireProtocol::FeedPath;
const QString SinkPrefix = WireProtocol::SinkPathPrefix;

} // namespace

// ---------------------------------------------------------------------------------------------

namespace {

struct Delayed
{
    double dueMs;
    quint64 order;
    FeedFrame frame;
    bool operator>(const Delayed &other) const
    {
        return dueMs != other.dueMs ? dueMs > other.dueMs : order > other.order;
    }
};

} // namespace

// A feed's progress. A connection of an ordinary feed has its own; a feed with drops=K keeps one
// across connections, so that a reconnection resumes where the dropped connection stopped.
struct FeedSimulator::FeedState
{
    explicit FeedState(const FeedParams &params, int statsIndex)
        : generator(params)
        , delayRng(params.seed ^ 0x9e3779b97f4a7c15ULL)
        , index(statsIndex)
    { }

    FeedStats stats() const
    {
        FeedStats s = generator.stats();
        s.frames = frames;
        s.duplicates += replayedMessages;
        s.junk += replayedJunk;
        s.oversize += replayedOversize;
        s.replayed = replayedMessages + replayedJunk;
        s.connections = connections;
        s.drops = drops;
        return s;
    }

    FeedGenerator generator;
    std::mt19937_64 delayRng;
    // Frames generated and waiting out their delay (delay=MS); a resumed feed sends them later.
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> delayed;
    std::deque<FeedFrame> history; // the last `replay` frames sent
    int index; // in m_feeds
    quint64 order = 0;
    quint64 frames = 0; // over every connection
    quint64 connections = 0;
    quint64 drops = 0;
    quint64 replayedMessages = 0;
    quint64 replayedJunk = 0;
    quint64 replayedOversize = 0;
    bool generatorDone = false;
    bool inUse = false;
};

class FeedSimulator::FeedSession final : public QObject
{
public:
    FeedSession(FeedSimulator *server, QWebSocket *socket, std::shared_ptr<FeedState> state,
                const QString &resumeKey)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_state(std::move(state))
        , m_resumeKey(resumeKey)
    {
        m_state->inUse = true;
        ++m_state->connections;
        m_socket->setParent(this);
        connect(m_socket, &QWebSocket::disconnected, this, &FeedSession::onDisconnected);
        connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
            if (m_dropping) {
                dropWhenFlushed();
                return;
            }
            if (!paced())
                schedulePump();
        });
        connect(&m_timer, &QTimer::timeout, this, &FeedSession::tick);
    }

    ~FeedSession() override { m_state->inUse = false; }

    void start()
    {
        m_clock.start();
        if (m_state->connections > 1 && !m_state->delayed.empty()) {
            // Leftovers of the dropped connection, due on its clock: due now, in their order.
            std::vector<Delayed> left;
            while (!m_state->delayed.empty()) {
                left.push_back(m_state->delayed.top());
                m_state->delayed.pop();
            }
            for (Delayed &d : left) {
                d.dueMs = 0;
                m_state->delayed.push(std::move(d));
            }
        }
        // A resumed feed first repeats what it sent last, as feeds that replay history do.
        if (m_state->connections > 1) {
            const std::deque<FeedFrame> again = m_state->history;
            for (const FeedFrame &frame : again) {
                if (frame.kind == FeedFrame::Kind::Message
                    || frame.kind == FeedFrame::Kind::Duplicate)
                    ++m_state->replayedMessages;
                else
                    ++m_state->replayedJunk;
                if (frame.kind == FeedFrame::Kind::Oversize)
                    ++m_state->replayedOversize;
                if (!send(frame))
                    return;
            }
        }
        if (paced()) {
            m_timer.start(TickMs);
        } else {
            schedulePump();
        }
    }

private:
    const FeedParams &params() const { return m_state->generator.params(); }
    bool paced() const { return params().rate > 0 || params().delayMs > 0; }

    void schedulePump()
    {
        if (m_pumpScheduled || m_done)
            return;
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, &FeedSession::pump);
    }

    // As fast as the connection takes it, in chunks, yielding to the event loop in between.
    void pump()
    {
        m_pumpScheduled = false;
        for (int n = 0; n < FramesPerPump && !m_done; ++n) {
            if (m_socket->bytesToWrite() > WriteBufferLimit)
                return; // bytesWritten() resumes
            FeedFrame frame;
            if (!m_state->generator.next(frame)) {
                finish();
                return;
            }
            if (!send(frame))
                return;
        }
        publish(false);
        schedulePump();
    }

    // Paced (rate) and/or delayed feeds.
    void tick()
    {
        if (m_done)
            return;
        const double now = double(m_clock.nsecsElapsed()) / 1e6;
        const FeedParams &p = params();
        FeedState &st = *m_state;
        qint64 budget;
        if (p.rate > 0)
            budget = qint64(p.rate * now / 1000.0) - qint64(m_generated);
        else
            budget = qint64(MaxScheduled) - qint64(st.delayed.size());
        budget = std::min<qint64>(budget, 20000);
        for (qint64 i = 0; i < budget && !st.generatorDone; ++i) {
            FeedFrame frame;
            if (!st.generator.next(frame)) {
                st.generatorDone = true;
                break;
            }
            ++m_generated;
            if (p.delayMs > 0) {
                // Due times are relative to this connection's clock; a resumed feed's leftovers
                // are due at once.
                const double due =
                    now + std::uniform_real_distribution<double>(0, p.delayMs)(st.delayRng);
                st.delayed.push(Delayed {due, st.order++, std::move(frame)});
            } else if (!send(frame)) {
                return;
            }
        }
        while (!st.delayed.empty() && st.delayed.top().dueMs <= now && !m_done) {
            if (m_socket->bytesToWrite() > WriteBufferLimit)
                break;
            FeedFrame frame = st.delayed.top().frame;
            st.delayed.pop();
            if (!send(frame))
                return;
        }
        publish(false);
        if (st.generatorDone && st.delayed.empty())
            finish();
    }

    // False when the session stops sending on purpose (a drop or a stall).
    bool send(const FeedFrame &frame)
    {
        if (frame.isBinary)
            m_socket->sendBinaryMessage(frame.binary);
        else
            m_socket->sendTextMessage(frame.text);
        ++m_sent;
        FeedState &st = *m_state;
        ++st.frames;
        if (params().replay > 0) {
            st.history.push_back(frame);
            if (st.history.size() > params().replay)
                st.history.pop_front();
        }
        const FeedParams &p = params();
        if (p.stallAfter > 0 && m_sent >= p.stallAfter) {
            // Silent but connected, as a feed whose producer hangs.
            m_done = true;
            m_timer.stop();
            publish(false, true);
            return false;
        }
        const bool mayDrop = p.drops == 0 || st.drops < p.drops;
        if (p.dropAfter > 0 && m_sent >= p.dropAfter && mayDrop) {
            m_done = true;
            m_timer.stop();
            ++st.drops;
            if (p.closeCode > 0) {
                m_dropped = true;
                m_socket->close(QWebSocketProtocol::CloseCode(p.closeCode),
                                QStringLiteral("simulated fault"));
                publish(true);
                return false;
            }
            // Vanish without a close frame, as a crashed feed or a cut network would; first let
            // every frame written so far reach the kernel, so that the count of what was sent
            // stays exact.
            m_dropping = true;
            dropWhenFlushed();
            return false;
        }
        return true;
    }

    void dropWhenFlushed()
    {
        m_socket->flush();
        if (m_socket->bytesToWrite() > 0)
            return; // bytesWritten() calls again
        m_dropping = false;
        m_dropped = true;
        m_socket->abort();
        publish(true);
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_timer.stop();
        m_finished = true;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("feed complete"));
        if (!m_resumeKey.isEmpty())
            m_server->forgetFeed(m_resumeKey); // complete: the next connection starts afresh
        publish(true);
    }

    void onDisconnected()
    {
        if (!m_done || m_dropping) {
            m_done = true;
            m_dropping = false;
            m_aborted = true;
            m_timer.stop();
            publish(true);
        }
        deleteLater();
    }

    void publish(bool final, bool stalled = false)
    {
        FeedStats stats = m_state->stats();
        stats.finished = m_finished;
        stats.dropped = m_dropped;
        stats.aborted = m_aborted;
        stats.stalled = stalled || m_stalled;
        m_stalled = stats.stalled;
        m_server->publishFeed(m_state->index, stats, final);
    }

    FeedSimulator *m_server;
    QWebSocket *m_socket;
    std::shared_ptr<FeedState> m_state;
    QString m_resumeKey; // non-empty: the feed resumes on the next connection
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_generated = 0; // on this connection (pacing)
    quint64 m_sent = 0; // on this connection
    bool m_pumpScheduled = false;
    bool m_done = false;
    bool m_dropping = false;
    bool m_finished = false;
    bool m_dropped = false;
    bool m_aborted = false;
    bool m_stalled = false;
};

// ---------------------------------------------------------------------------------------------

class FeedSimulator::SinkSession final : public QObject
{
public:
    SinkSession(FeedSimulator *server, QWebSocket *socket, const QString &name, double maxRate,
                quint64 dropAfter, quint64 drops, quint64 stallEvery, int stallMs)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_name(name)
        , m_maxRate(maxRate)
        , m_stallEvery(stallEvery)
        , m_stallMs(stallMs)
    {
        m_clock.start();
        m_socket->setParent(this);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &SinkSession::onText);
        connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SinkSession::onBinary);
        connect(m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrame = true; });
        connect(m_socket, &QWebSocket::disconnected, this, &SinkSession::onDisconnected);
        QMutexLocker lock(&m_server->m_mutex);
        SinkRecord &record = m_server->sinkRecordLocked(m_name);
        ++record.stats.connections;
        m_connection = record.stats.connections;
        record.connectionStarts.append(record.stats.frames);
        // ?drop=N&drops=K: the first K connections (every one if K is 0) vanish after N frames.
        if (dropAfter > 0 && (drops == 0 || record.stats.connections <= drops))
            m_dropAfter = dropAfter;
    }

private:
    void onText(const QString &frame)
    {
        if (m_dropped)
            return; // frames Qt had already read when the connection was cut
        const DecodedMessage message = MessageCodec::decode(frame);
        ++m_frames;
        throttle();
        if (message.isValid())
            m_validator.add(message.id);
        QMutexLocker lock(&m_server->m_mutex);
        SinkRecord &record = m_server->sinkRecordLocked(m_name);
        ++record.stats.frames;
        // Over all of the sink's connections: a stall comes whatever drops came between.
        if (m_stallEvery > 0 && record.stats.frames % m_stallEvery == 0) {
            ++record.stats.stalls;
            stall();
        }
        if (message.isValid())
            record.validator.add(message.id);
        else
            ++record.stats.malformed;
        if (m_server->m_recordSinkFrames)
            record.frames.append(frame);
        if (m_dropAfter > 0 && m_frames >= m_dropAfter && !m_dropped) {
            // Vanish mid-send without a close frame; what the monitor wrote after this frame and
            // was still in flight is lost with the connection.
            m_dropped = true;
            ++record.stats.drops;
            lock.unlock();
            m_socket->abort();
        }
    }

    // ?stall=N&stallms=MS: after every N frames, read nothing for MS milliseconds (the feed
    // goes on: nothing blocks this thread), as a consumer that hangs now and then.
    void stall()
    {
        QAbstractSocket *tcp = SocketReading::tcpSocketOf(*m_socket, &m_server->m_server);
        SocketReading::pause(tcp, 64 * 1024);
        QTimer::singleShot(m_stallMs, tcp, [tcp] { SocketReading::resume(tcp); });
    }

    // A deliberately slow consumer (?slow=F frames per second), to exercise flow control.
    void throttle()
    {
        if (m_maxRate <= 0)
            return;
        const qint64 dueNs = qint64(double(m_frames) / m_maxRate * 1e9);
        const qint64 aheadNs = dueNs - m_clock.nsecsElapsed();
        if (aheadNs > 1000000) {
            // Answers to pings read so far go out before the sleep, as a slow reader's would;
            // Qt would otherwise hold them until this whole read is handled.
            m_socket->flush();
            QThread::usleep(quint64(aheadNs / 1000));
        }
    }

    void onBinary(const QByteArray &)
    {
        if (m_dropped)
            return;
        ++m_frames;
        QMutexLocker lock(&m_server->m_mutex);
        SinkRecord &record = m_server->sinkRecordLocked(m_name);
        ++record.stats.frames;
        ++record.stats.binaryFrames;
        ++record.stats.malformed;
    }

    void onDisconnected()
    {
        SinkStats stats;
        const ValidationResult own = m_validator.result();
        {
            QMutexLocker lock(&m_server->m_mutex);
            SinkRecord &record = m_server->sinkRecordLocked(m_name);
            record.stats.closedNormally = m_closeFrame;
            if (!own.ordered())
                ++record.stats.disorderedConnections;
            record.stats.validation = record.validator.result();
            stats = record.stats;
            --m_server->m_open;
        }
        const ValidationResult &v = stats.validation;
        // Over all the sink's connections, then this connection alone (after a drop, a monitor
        // sends unconfirmed frames again: repeats across connections, order within each).
        Q_EMIT m_server->logMessage(
            FeedSimulator::tr("sink %1: %2 frames, %3, %4 duplicates, %5 inversions, %6 "
                              "missing ids, %7 malformed; connection %8: %9 frames, %10%11")
                .arg(m_name)
                .arg(stats.frames)
                .arg(v.ordered() ? FeedSimulator::tr("ordered") : FeedSimulator::tr("NOT ordered"))
                .arg(v.duplicates)
                .arg(v.inversions)
                .arg(v.missingIds)
                .arg(stats.malformed)
                .arg(m_connection)
                .arg(own.count)
                .arg(own.ordered() ? FeedSimulator::tr("ordered")
                                   : FeedSimulator::tr("NOT ordered"))
                .arg(m_dropped          ? FeedSimulator::tr(", cut on purpose")
                         : m_closeFrame ? FeedSimulator::tr(", closed normally")
                                        : QString()));
        deleteLater();
    }

    FeedSimulator *m_server;
    QWebSocket *m_socket;
    QString m_name;
    double m_maxRate = 0;
    quint64 m_stallEvery = 0;
    int m_stallMs = 0;
    QElapsedTimer m_clock;
    OrderValidator m_validator; // this connection only
    quint64 m_frames = 0;
    quint64 m_dropAfter = 0;
    quint64 m_connection = 0; // 1 for the sink's first connection
    bool m_closeFrame = false;
    bool m_dropped = false;
};

// ---------------------------------------------------------------------------------------------

FeedSimulator::FeedSimulator(QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("reorder-feed-simulator"), QWebSocketServer::NonSecureMode)
{
    m_server.setParent(this);
    connect(&m_server, &QWebSocketServer::newConnection, this, &FeedSimulator::onNewConnection);
}

FeedSimulator::FeedSimulator(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("reorder-feed-simulator"), QWebSocketServer::SecureMode)
    , m_secure(true)
{
    m_server.setParent(this);
    m_server.setSslConfiguration(tls);
    connect(&m_server, &QWebSocketServer::newConnection, this, &FeedSimulator::onNewConnection);
}

FeedSimulator::~FeedSimulator()
{
    m_server.close();
}

std::optional<QSslConfiguration> FeedSimulator::serverTls(const QString &certificatePath,
                                                          const QString &keyPath, QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!QSslSocket::supportsSsl())
        return failWith(tr("TLS is not available (no TLS backend)"));
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return failWith(
            tr("cannot read %1: %2").arg(certificatePath, certificateFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
    if (chain.isEmpty())
        return failWith(tr("%1 holds no PEM certificate").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return failWith(tr("cannot read %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec);
    if (key.isNull())
        return failWith(tr("%1 holds no unencrypted RSA or EC key in PEM").arg(keyPath));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients bring no certificate
    return tls;
}

bool FeedSimulator::listen(const QHostAddress &address, quint16 port)
{
    const bool ok = m_server.listen(address, port);
    QMutexLocker lock(&m_mutex);
    if (ok) {
        m_port = m_server.serverPort();
        m_host = address.toString();
        m_error.clear();
    } else {
        m_error = m_server.errorString();
    }
    return ok;
}

void FeedSimulator::close()
{
    m_server.close();
}

QString FeedSimulator::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

quint16 FeedSimulator::port() const
{
    QMutexLocker lock(&m_mutex);
    return m_port;
}

QUrl FeedSimulator::feedUrl(const FeedParams &params) const
{
    return feedUrl(params.toQuery().toString(QUrl::FullyEncoded));
}

QUrl FeedSimulator::feedUrl(const QString &query) const
{
    QUrl url;
    url.setScheme(m_secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_host.isEmpty() ? QStringLiteral("127.0.0.1") : m_host);
    url.setPort(port());
    url.setPath(FeedPath);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QUrl FeedSimulator::sinkUrl(const QString &name) const
{
    QUrl url = feedUrl();
    url.setPath(SinkPrefix + name);
    return url;
}

void FeedSimulator::setRecordSinkFrames(bool record)
{
    QMutexLocker lock(&m_mutex);
    m_recordSinkFrames = record;
}

void FeedSimulator::setReplay(const QString &capturePath, double speed)
{
    m_replayPath = capturePath;
    m_replaySpeed = speed;
}

void FeedSimulator::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        const QString path = url.path();
        {
            QMutexLocker lock(&m_mutex);
            ++m_open;
        }
        if (path == FeedPath && !m_replayPath.isEmpty()) {
            auto *session = new ReplaySession(socket, m_replayPath, m_replaySpeed, this);
            connect(session, &ReplaySession::logMessage, this, &FeedSimulator::logMessage);
            connect(session, &QObject::destroyed, this, [this] {
                QMutexLocker lock(&m_mutex);
                --m_open;
            });
        } else if (path == FeedPath) {
            QString error;
            const std::optional<FeedParams> params = FeedParams::fromQuery(QUrlQuery(url), &error);
            std::shared_ptr<FeedState> state;
            QString resumeKey;
            if (params && params->drops > 0 && params->dropAfter > 0) {
                // A feed that resumes: the same query string is the same feed.
                resumeKey = url.query(QUrl::FullyEncoded);
                auto it = m_resumable.find(resumeKey);
                if (it != m_resumable.end()) {
                    state = it->second;
                    if (state->inUse)
                        error = tr("this resumable feed is connected already");
                }
            }
            if (!params || !error.isEmpty()) {
                Q_EMIT logMessage(tr("refused a feed: %1").arg(error));
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QWebSocket::disconnected, this, [this] {
                    QMutexLocker lock(&m_mutex);
                    --m_open;
                });
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, error);
                continue;
            }
            if (!state) {
                int index;
                {
                    QMutexLocker lock(&m_mutex);
                    index = int(m_feeds.size());
                    m_feeds.append(FeedStats());
                }
                state = std::make_shared<FeedState>(*params, index);
                if (!resumeKey.isEmpty())
                    m_resumable[resumeKey] = state;
            }
            auto *session = new FeedSession(this, socket, state, resumeKey);
            connect(session, &QObject::destroyed, this, [this] {
                QMutexLocker lock(&m_mutex);
                --m_open;
            });
            session->start();
        } else if (path.startsWith(SinkPrefix) && path.size() > SinkPrefix.size()
                   && !path.mid(SinkPrefix.size()).contains(QLatin1Char('/'))) {
            const QUrlQuery query(url);
            bool ok = false;
            const QString slow = query.queryItemValue(QStringLiteral("slow"));
            const double maxRate = slow.isEmpty() ? 0.0 : slow.toDouble(&ok);
            const quint64 dropAfter = query.queryItemValue(QStringLiteral("drop")).toULongLong();
            const quint64 drops = query.queryItemValue(QStringLiteral("drops")).toULongLong();
            const quint64 stallEvery = query.queryItemValue(QStringLiteral("stall")).toULongLong();
            const int stallMs =
                std::clamp(query.queryItemValue(QStringLiteral("stallms")).toInt(), 0, 600000);
            new SinkSession(this, socket, path.mid(SinkPrefix.size()), ok ? maxRate : 0.0,
                            dropAfter, drops, stallEvery, stallMs);
        } else {
            Q_EMIT logMessage(tr("refused a connection to unknown path %1").arg(path));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QWebSocket::disconnected, this, [this] {
                QMutexLocker lock(&m_mutex);
                --m_open;
            });
            socket->close(
                QWebSocketProtocol::CloseCodePolicyViolated,
                tr("unknown path %1: use %2 or %3<name>").arg(path, FeedPath, SinkPrefix));
        }
    }
}

void FeedSimulator::publishFeed(int session, const FeedStats &stats, bool final)
{
    {
        QMutexLocker lock(&m_mutex);
        if (session >= 0 && session < m_feeds.size())
            m_feeds[session] = stats;
    }
    if (final) {
        Q_EMIT logMessage(tr("feed %1: %2 frames, %3 messages, %4 duplicates, %5 junk, %6 gaps, "
                             "max displacement %7%8")
                              .arg(session)
                              .arg(stats.frames)
                              .arg(stats.messages)
                              .arg(stats.duplicates)
                              .arg(stats.junk)
                              .arg(stats.gaps)
                              .arg(stats.maxDisplacement)
                              .arg(stats.finished      ? tr(", complete")
                                       : stats.dropped ? tr(", dropped on purpose")
                                                       : tr(", client went away"))
                          + tr("; %1 oversize, %2 replayed after a drop, connection %3")
                                .arg(stats.oversize)
                                .arg(stats.replayed)
                                .arg(stats.connections));
    }
}

void FeedSimulator::forgetFeed(const QString &resumeKey)
{
    m_resumable.erase(resumeKey);
}

FeedSimulator::SinkRecord &FeedSimulator::sinkRecordLocked(const QString &name)
{
    auto &slot = m_sinks[name];
    if (!slot)
        slot = std::make_unique<SinkRecord>();
    return *slot;
}

QList<FeedStats> FeedSimulator::feedSessions() const
{
    QMutexLocker lock(&m_mutex);
    return m_feeds;
}

FeedStats FeedSimulator::lastFeed() const
{
    QMutexLocker lock(&m_mutex);
    return m_feeds.isEmpty() ? FeedStats() : m_feeds.last();
}

SinkStats FeedSimulator::sinkStats(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_sinks.find(name);
    if (it == m_sinks.end())
        return SinkStats();
    SinkStats stats = it->second->stats;
    stats.validation = it->second->validator.result();
    return stats;
}

QStringList FeedSimulator::sinkFrames(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_sinks.find(name);
    return it == m_sinks.end() ? QStringList() : it->second->frames;
}

QList<quint64> FeedSimulator::sinkConnectionStarts(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_sinks.find(name);
    return it == m_sinks.end() ? QList<quint64>() : it->second->connectionStarts;
}

int FeedSimulator::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}
