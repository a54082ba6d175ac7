// A frame that starts with a byte order mark (U+FEFF, EF BB BF in UTF-8) must reach the sink
// byte for byte, through the real reorder-monitor and real sockets. The feed and the sink here
// work on bytes, not on QWebSocket: Qt 6.4's QWebSocket decodes every text frame on its own and
// drops a byte order mark that starts one, so it could neither send nor see what this test is
// about (the monitor's feed reads the protocol itself, WebSocketReader, for the same reason).
#include "rawwebsocket.h"
#include "redistestserver.h"
#include "testutil.h"

#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;
using namespace RawWebSocket;

namespace {

const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

// What the feed sends: one list of frame payloads per message (more than one: fragmented).
using Message = QList<QByteArray>;

QList<Message> feedMessages()
{
    return {
        {Bom + R"({"id":1,"text":1})"}, // the byte order mark first
        {R"({"id":2,"text":")" + Bom + R"("})"}, // inside a string
        {R"({"id":3,"text":"a)", Bom + R"(b"})"}, // at the start of a continuation frame
        {R"({"id":4,"text":4})"},
    };
}

QByteArray whole(const Message &m)
{
    QByteArray bytes;
    for (const QByteArray &part : m)
        bytes += part;
    return bytes;
}

/*
    A WebSocket server on bytes: it answers the opening handshake itself. On /raw-messages it
    writes the feed's frames exactly as given and closes with 1000; on /ordered-messages/... it
    keeps the exact payload of every text message it receives and answers pings (the monitor's
    delivery barrier).
*/
class RawWebSocketServer final
{
public:
    explicit RawWebSocketServer(QList<Message> feed)
        : m_feed(std::move(feed))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_peers.insert(socket, Peer());
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_peers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &path) const
    {
        return QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    const QList<QByteArray> &received() const { return m_received; }

private:
    struct Peer
    {
        QByteArray buffer;
        bool upgraded = false;
        QByteArray message; // a text message being put together from its frames
    };

    void onReadyRead(QTcpSocket *socket)
    {
        Peer &peer = m_peers[socket];
        peer.buffer += socket->readAll();
        if (!peer.upgraded) {
            const std::optional<Request> request = takeRequest(peer.buffer);
            if (!request)
                return;
            peer.upgraded = true;
            handshake(socket, *request);
        }
        readFrames(socket, peer);
    }

    void handshake(QTcpSocket *socket, const Request &request)
    {
        socket->write(upgradeAnswer(request.headers.value("sec-websocket-key")));
        if (!request.target.startsWith("/raw-messages"))
            return;
        for (const Message &m : m_feed) {
            for (qsizetype i = 0; i < m.size(); ++i)
                socket->write(serverFrame(i == 0 ? Text : Continuation, i == m.size() - 1, m[i]));
        }
        socket->write(serverFrame(Close, true, closePayload(1000))); // the end
    }

    void readFrames(QTcpSocket *socket, Peer &peer)
    {
        while (const std::optional<ClientFrame> f = takeFrame(peer.buffer)) {
            switch (f->opcode()) {
            case Text:
            case Continuation:
                peer.message += f->payload;
                if (f->final()) {
                    m_received.append(peer.message);
                    peer.message.clear();
                }
                break;
            case Ping:
                socket->write(controlAnswer(*f));
                break;
            case Close:
                socket->write(controlAnswer(*f));
                socket->disconnectFromHost();
                return;
            default:
                break;
            }
        }
    }

    QTcpServer m_server;
    QList<Message> m_feed;
    QHash<QTcpSocket *, Peer> m_peers;
    QList<QByteArray> m_received;
};

} // namespace

class tst_Bom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webSocketFeed();
    void redisStream();

private:
    // Runs reorder-monitor to its end while this thread serves the sockets; its exit status.
    int runMonitor(const QStringList &arguments);
    void compareWithFeed(const QList<QByteArray> &received);

    QTemporaryDir m_dir;
};

int tst_Bom::runMonitor(const QStringList &arguments)
{
    QProcess monitor;
    monitor.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    monitor.start(QStringLiteral(REORDER_MONITOR_BIN),
                  QStringList {QStringLiteral("--headless")} + arguments);
    QSignalSpy finished(&monitor, &QProcess::finished);
    if (!monitor.waitForStarted() || !finished.wait(60000)) {
        monitor.kill(); // this process, by its handle
        monitor.waitForFinished();
        return -1;
    }
    return monitor.exitStatus() == QProcess::NormalExit ? monitor.exitCode() : -1;
}

void tst_Bom::compareWithFeed(const QList<QByteArray> &received)
{
    // Every message is valid (RFC 8259 8.1 lets a parser ignore a leading byte order mark, and
    // ours does), so each is forwarded, exactly as it arrived.
    const QList<Message> feed = feedMessages();
    QCOMPARE(received.size(), feed.size());
    for (qsizetype i = 0; i < feed.size(); ++i)
        QCOMPARE(received[i], whole(feed[i]));
}

void tst_Bom::webSocketFeed()
{
    RawWebSocketServer server(feedMessages());
    QVERIFY(server.listen());
    const QString report = m_dir.filePath(QStringLiteral("ws.json"));
    const int status = runMonitor(
        {QStringLiteral("--ws-url"), server.url(QStringLiteral("/raw-messages")),
         QStringLiteral("--send-url"), server.url(QStringLiteral("/ordered-messages/bom")),
         QStringLiteral("--start-id"), QStringLiteral("1"), QStringLiteral("--report"), report});
    QCOMPARE(status, 0);
    const QJsonObject o = readJson(report);
    QCOMPARE(o.value(QStringLiteral("malformed")).toInteger(), 0);
    QCOMPARE(o.value(QStringLiteral("sent")).toInteger(), 4);
    compareWithFeed(server.received());
}

void tst_Bom::redisStream()
{
    // A Redis stream hands over the payload's bytes as they were added: nothing in the way but
    // our own decoding.
    RedisTestServer redis;
    QString error;
    QVERIFY2(redis.start(&error), qPrintable(error));
    RedisTestClient client;
    QVERIFY2(client.connect(redis.port(), &error), qPrintable(error));
    QList<QByteArray> payloads;
    for (const Message &m : feedMessages())
        payloads.append(whole(m));
    QVERIFY(client.addToStream("bomfeed", payloads));

    RawWebSocketServer sink({});
    QVERIFY(sink.listen());
    const QString report = m_dir.filePath(QStringLiteral("redis.json"));
    const int status = runMonitor(
        {QStringLiteral("--redis-url"), redis.url(), QStringLiteral("--stream"),
         QStringLiteral("bomfeed"), QStringLiteral("--stream-from"), QStringLiteral("0"),
         QStringLiteral("--count"), QString::number(payloads.size()), QStringLiteral("--send-url"),
         sink.url(QStringLiteral("/ordered-messages/bom")), QStringLiteral("--start-id"),
         QStringLiteral("1"), QStringLiteral("--report"), report});
    QCOMPARE(status, 0);
    const QJsonObject o = readJson(report);
    QCOMPARE(o.value(QStringLiteral("malformed")).toInteger(), 0);
    QCOMPARE(o.value(QStringLiteral("sent")).toInteger(), 4);
    compareWithFeed(sink.received());
    redis.stop();
}

QTEST_GUILESS_MAIN(tst_Bom)
#include "tst_bom.moc"
