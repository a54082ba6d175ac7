// A frame that starts with a byte order mark (U+FEFF, EF BB BF in UTF-8) must reach the sink
// byte for byte, through the real reorder-monitor and real sockets. The feed and the sink here
// work on bytes, not on QWebSocket: Qt 6.4's QWebSocket decodes every text frame on its own and
// drops a byte order mark that starts one, so it could neither send nor see what this test is
// about (the monitor's feed reads the protocol itself, WebSocketReader, for the same reason).
#include "redistestserver.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace TestUtil;

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

enum Opcode : quint8 { Continuation = 0, Text = 1, Close = 8, Ping = 9, Pong = 10 };

// A frame from a server (RFC 6455 5.2: not masked).
QByteArray serverFrame(Opcode opcode, bool final, const QByteArray &payload)
{
    QByteArray f;
    f.append(char((final ? 0x80 : 0) | opcode));
    const quint64 n = quint64(payload.size());
    if (n < 126) {
        f.append(char(n));
    } else if (n < 65536) {
        f.append(char(126));
        f.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        f.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            f.append(char((n >> shift) & 0xff));
    }
    return f + payload;
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
            const qsizetype end = peer.buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray request = peer.buffer.left(end);
            peer.buffer.remove(0, end + 4);
            peer.upgraded = true;
            handshake(socket, request);
        }
        readFrames(socket, peer);
    }

    void handshake(QTcpSocket *socket, const QByteArray &request)
    {
        const QList<QByteArray> lines = request.split('\n');
        const QByteArray path = lines.value(0).split(' ').value(1);
        QByteArray key;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(line.indexOf(':') + 1).trimmed();
        }
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                     QCryptographicHash::Sha1)
                .toBase64();
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                      + accept + "\r\n\r\n");
        if (!path.startsWith("/raw-messages"))
            return;
        for (const Message &m : m_feed) {
            for (qsizetype i = 0; i < m.size(); ++i)
                socket->write(serverFrame(i == 0 ? Text : Continuation, i == m.size() - 1, m[i]));
        }
        socket->write(serverFrame(Close, true, QByteArray::fromHex("03e8"))); // 1000: the end
    }

    void readFrames(QTcpSocket *socket, Peer &peer)
    {
        for (;;) {
            const QByteArray &b = peer.buffer;
            if (b.size() < 2)
                return;
            const bool final = quint8(b[0]) & 0x80;
            const auto opcode = Opcode(quint8(b[0]) & 0x0f);
            const bool masked = quint8(b[1]) & 0x80;
            quint64 length = quint8(b[1]) & 0x7f;
            qsizetype at = 2;
            if (length == 126) {
                if (b.size() < 4)
                    return;
                length = qFromBigEndian<quint16>(b.constData() + 2);
                at = 4;
            } else if (length == 127) {
                if (b.size() < 10)
                    return;
                length = qFromBigEndian<quint64>(b.constData() + 2);
                at = 10;
            }
            const qsizetype maskAt = at;
            if (masked)
                at += 4;
            if (quint64(b.size()) < quint64(at) + length)
                return;
            QByteArray payload = b.mid(at, qsizetype(length));
            if (masked) {
                for (qsizetype i = 0; i < payload.size(); ++i)
                    payload[i] = char(payload[i] ^ b[maskAt + i % 4]);
            }
            peer.buffer.remove(0, at + qsizetype(length));

            switch (opcode) {
            case Text:
            case Continuation:
                peer.message += payload;
                if (final) {
                    m_received.append(peer.message);
                    peer.message.clear();
                }
                break;
            case Ping:
                socket->write(serverFrame(Pong, true, payload));
                break;
            case Close:
                socket->write(serverFrame(Close, true, payload.left(2)));
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
