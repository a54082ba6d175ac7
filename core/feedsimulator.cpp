#include "feedsimulator.h"

#include "messagecodec.h"

#include <QElapsedTimer>
#include <QMutexLocker>
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

const QString FeedPath = QStringLiteral("/raw-messages");
const QString SinkPrefix = QStringLiteral("/ordered-messages/");

} // namespace

// ---------------------------------------------------------------------------------------------

class FeedSimulator::FeedSession final : public QObject
{
public:
    FeedSession(FeedSimulator *server, QWebSocket *socket, const FeedParams &params, int index)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_generator(params)
        , m_index(index)
        , m_delayRng(params.seed ^ 0x9e3779b97f4a7c15ULL)
    {
        m_socket->setParent(this);
        connect(m_socket, &QWebSocket::disconnected, this, &FeedSession::onDisconnected);
        connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
            if (!paced())
                schedulePump();
        });
        connect(&m_timer, &QTimer::timeout, this, &FeedSession::tick);
    }

    void start()
    {
        m_clock.start();
        if (paced()) {
            m_timer.start(TickMs);
        } else {
            schedulePump();
        }
    }

private:
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

    bool paced() const { return m_generator.params().rate > 0 || m_generator.params().delayMs > 0; }

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
            if (!m_generator.next(frame)) {
                finish();
                return;
            }
            send(frame);
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
        const FeedParams &p = m_generator.params();
        qint64 budget;
        if (p.rate > 0)
            budget = qint64(p.rate * now / 1000.0) - qint64(m_generated);
        else
            budget = qint64(MaxScheduled) - qint64(m_delayed.size());
        budget = std::min<qint64>(budget, 20000);
        for (qint64 i = 0; i < budget && !m_generatorDone; ++i) {
            FeedFrame frame;
            if (!m_generator.next(frame)) {
                m_generatorDone = true;
                break;
            }
            ++m_generated;
            if (p.delayMs > 0) {
                const double due =
                    now + std::uniform_real_distribution<double>(0, p.delayMs)(m_delayRng);
                m_delayed.push(Delayed {due, m_order++, std::move(frame)});
            } else if (!send(frame)) {
                return;
            }
        }
        while (!m_delayed.empty() && m_delayed.top().dueMs <= now && !m_done) {
            if (m_socket->bytesToWrite() > WriteBufferLimit)
                break;
            FeedFrame frame = m_delayed.top().frame;
            m_delayed.pop();
            if (!send(frame))
                return;
        }
        publish(false);
        if (m_generatorDone && m_delayed.empty())
            finish();
    }

    // False when the session dropped the connection on purpose.
    bool send(const FeedFrame &frame)
    {
        if (frame.isBinary)
            m_socket->sendBinaryMessage(frame.binary);
        else
            m_socket->sendTextMessage(frame.text);
        ++m_sent;
        const quint64 dropAfter = m_generator.params().dropAfter;
        if (dropAfter > 0 && m_sent >= dropAfter) {
            // Vanish without a close frame, as a crashed feed or a cut network would.
            m_done = true;
            m_dropped = true;
            m_timer.stop();
            m_socket->flush();
            m_socket->abort();
            publish(true);
            return false;
        }
        return true;
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_timer.stop();
        m_finished = true;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("feed complete"));
        publish(true);
    }

    void onDisconnected()
    {
        if (!m_done) {
            m_done = true;
            m_aborted = true;
            m_timer.stop();
            publish(true);
        }
        deleteLater();
    }

    void publish(bool final)
    {
        FeedStats stats = m_generator.stats();
        stats.frames = m_sent;
        stats.finished = m_finished;
        stats.dropped = m_dropped;
        stats.aborted = m_aborted;
        m_server->publishFeed(m_index, stats, final);
    }

    FeedSimulator *m_server;
    QWebSocket *m_socket;
    FeedGenerator m_generator;
    int m_index;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::mt19937_64 m_delayRng;
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> m_delayed;
    quint64 m_order = 0;
    quint64 m_generated = 0;
    quint64 m_sent = 0;
    bool m_generatorDone = false;
    bool m_pumpScheduled = false;
    bool m_done = false;
    bool m_finished = false;
    bool m_dropped = false;
    bool m_aborted = false;
};

// ---------------------------------------------------------------------------------------------

class FeedSimulator::SinkSession final : public QObject
{
public:
    SinkSession(FeedSimulator *server, QWebSocket *socket, const QString &name, double maxRate)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_name(name)
        , m_maxRate(maxRate)
    {
        m_clock.start();
        m_socket->setParent(this);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &SinkSession::onText);
        connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SinkSession::onBinary);
        connect(m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrame = true; });
        connect(m_socket, &QWebSocket::disconnected, this, &SinkSession::onDisconnected);
        QMutexLocker lock(&m_server->m_mutex);
        ++m_server->sinkRecordLocked(m_name).stats.connections;
    }

private:
    void onText(const QString &frame)
    {
        const DecodedMessage message = MessageCodec::decode(frame);
        ++m_frames;
        throttle();
        if (message.isValid())
            m_validator.add(message.id);
        else
            ++m_malformed;
        QMutexLocker lock(&m_server->m_mutex);
        SinkRecord &record = m_server->sinkRecordLocked(m_name);
        ++record.stats.frames;
        if (message.isValid())
            record.validator.add(message.id);
        else
            ++record.stats.malformed;
        if (m_server->m_recordSinkFrames)
            record.frames.append(frame);
    }

    // A deliberately slow consumer (?slow=F frames per second), to exercise flow control.
    void throttle()
    {
        if (m_maxRate <= 0)
            return;
        const qint64 dueNs = qint64(double(m_frames) / m_maxRate * 1e9);
        const qint64 aheadNs = dueNs - m_clock.nsecsElapsed();
        if (aheadNs > 1000000)
            QThread::usleep(quint64(aheadNs / 1000));
    }

    void onBinary(const QByteArray &)
    {
        ++m_frames;
        ++m_malformed;
        QMutexLocker lock(&m_server->m_mutex);
        SinkRecord &record = m_server->sinkRecordLocked(m_name);
        ++record.stats.frames;
        ++record.stats.binaryFrames;
        ++record.stats.malformed;
    }

    void onDisconnected()
    {
        SinkStats stats;
        {
            QMutexLocker lock(&m_server->m_mutex);
            SinkRecord &record = m_server->sinkRecordLocked(m_name);
            record.stats.closedNormally = m_closeFrame;
            record.stats.validation = record.validator.result();
            stats = record.stats;
            --m_server->m_open;
        }
        const ValidationResult &v = stats.validation;
        Q_EMIT m_server->logMessage(
            FeedSimulator::tr("sink %1: %2 frames, %3, %4 duplicates, %5 inversions, %6 "
                              "missing ids, %7 malformed")
                .arg(m_name)
                .arg(stats.frames)
                .arg(v.ordered() ? FeedSimulator::tr("ordered") : FeedSimulator::tr("NOT ordered"))
                .arg(v.duplicates)
                .arg(v.inversions)
                .arg(v.missingIds)
                .arg(stats.malformed));
        Q_EMIT m_server->sinkFinished(m_name, stats);
        deleteLater();
    }

    FeedSimulator *m_server;
    QWebSocket *m_socket;
    QString m_name;
    double m_maxRate = 0;
    QElapsedTimer m_clock;
    OrderValidator m_validator; // this connection only
    quint64 m_frames = 0;
    quint64 m_malformed = 0;
    bool m_closeFrame = false;
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

void FeedSimulator::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        const QString path = url.path();
        {
            QMutexLocker lock(&m_mutex);
            ++m_open;
        }
        if (path == FeedPath) {
            QString error;
            const std::optional<FeedParams> params = FeedParams::fromQuery(QUrlQuery(url), &error);
            if (!params) {
                Q_EMIT logMessage(tr("refused a feed: %1").arg(error));
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QWebSocket::disconnected, this, [this] {
                    QMutexLocker lock(&m_mutex);
                    --m_open;
                });
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, error);
                continue;
            }
            int index;
            {
                QMutexLocker lock(&m_mutex);
                index = int(m_feeds.size());
                m_feeds.append(FeedStats());
            }
            auto *session = new FeedSession(this, socket, *params, index);
            connect(session, &QObject::destroyed, this, [this] {
                QMutexLocker lock(&m_mutex);
                --m_open;
            });
            session->start();
        } else if (path.startsWith(SinkPrefix) && path.size() > SinkPrefix.size()
                   && !path.mid(SinkPrefix.size()).contains(QLatin1Char('/'))) {
            bool ok = false;
            const QString slow = QUrlQuery(url).queryItemValue(QStringLiteral("slow"));
            const double maxRate = slow.isEmpty() ? 0.0 : slow.toDouble(&ok);
            new SinkSession(this, socket, path.mid(SinkPrefix.size()), ok ? maxRate : 0.0);
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
                                                       : tr(", client went away")));
        Q_EMIT feedFinished(stats);
    }
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

QStringList FeedSimulator::sinkNames() const
{
    QMutexLocker lock(&m_mutex);
    QStringList names;
    for (const auto &entry : m_sinks)
        names << entry.first;
    return names;
}

int FeedSimulator::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}
