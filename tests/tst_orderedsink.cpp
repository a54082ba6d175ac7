// OrderedSink's pings, seen from a sink that reads the protocol as bytes: a pong confirms what
// was written before its ping, so the sink pings as it writes; it must never ping in bursts.
// Node's ws (the most used WebSocket server) closes a connection with more than 60 pongs it
// has not written yet; a sink that read slowly at the end of a run once got a ping for every
// pong it sent, and was cut off (1006) after it had read every frame.
#include "rawwebsocket.h"
#include "transport/orderedsink.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace RawWebSocket;

namespace {

constexpr int Timeout = 60000;

// What one connection to the sink saw.
struct Connection
{
    QList<QByteArray> texts;
    QList<QByteArray> pingPayloads;
    int backToBackPings = 0; // a ping right after a ping, no text between
    qint64 textBytes = 0;
    QElapsedTimer open;
    qint64 openMs = 0;
    quint16 closeCode = 0;
};

// A sink speaking RFC 6455 as bytes. It reads at most `bytesPerTick` every millisecond (0: as
// fast as they come) and, on its first connection, drops the TCP connection after
// `dropAfterTexts` text frames (0: never).
class RawSink : public QObject
{
public:
    RawSink(qint64 bytesPerTick, int dropAfterTexts)
        : m_bytesPerTick(bytesPerTick)
        , m_dropAfter(dropAfterTexts)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                m_connections.append(Connection());
                m_connections.last().open.start();
                auto state = std::make_shared<PeerState>();
                state->index = m_connections.size() - 1;
                if (m_bytesPerTick > 0) {
                    socket->setReadBufferSize(m_bytesPerTick);
                    auto *tick = new QTimer(socket);
                    connect(tick, &QTimer::timeout, socket,
                            [this, socket, state] { read(socket, *state); });
                    tick->start(1);
                } else {
                    connect(socket, &QTcpSocket::readyRead, socket,
                            [this, socket, state] { read(socket, *state); });
                }
                connect(socket, &QTcpSocket::disconnected, socket, [this, state] {
                    Connection &c = m_connections[state->index];
                    c.openMs = c.open.elapsed();
                });
            }
        });
    }

    ~RawSink() override
    {
        // Before the connections they report to.
        qDeleteAll(findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly));
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/s").arg(m_server.serverPort()));
    }
    const QList<Connection> &connections() const { return m_connections; }

private:
    struct PeerState
    {
        qsizetype index = 0;
        QByteArray buffer;
        bool upgraded = false;
        bool lastWasPing = false;
    };

    void read(QTcpSocket *socket, PeerState &peer)
    {
        // What came before the connection closed is read after it, at the same pace.
        peer.buffer += m_bytesPerTick > 0 ? socket->read(m_bytesPerTick) : socket->readAll();
        if (!peer.upgraded) {
            const std::optional<Request> request = takeRequest(peer.buffer);
            if (!request)
                return;
            peer.upgraded = true;
            socket->write(upgradeAnswer(request->headers.value("sec-websocket-key")));
        }
        Connection &c = m_connections[peer.index];
        while (const std::optional<ClientFrame> f = takeFrame(peer.buffer)) {
            switch (f->opcode()) {
            case Text:
                c.texts.append(f->payload);
                c.textBytes += f->payload.size();
                peer.lastWasPing = false;
                if (peer.index == 0 && m_dropAfter > 0 && c.texts.size() == m_dropAfter) {
                    socket->abort();
                    return;
                }
                break;
            case Ping:
                if (peer.lastWasPing)
                    ++c.backToBackPings;
                peer.lastWasPing = true;
                c.pingPayloads.append(f->payload);
                socket->write(controlAnswer(*f));
                break;
            case Close:
                c.closeCode = f->closeCode();
                socket->write(controlAnswer(*f));
                socket->disconnectFromHost();
                return;
            default:
                break;
            }
        }
    }

    QTcpServer m_server;
    qint64 m_bytesPerTick;
    int m_dropAfter;
    QList<Connection> m_connections;
};

QString frameOf(int id, int size)
{
    const QString head = QStringLiteral("{\"id\":%1,\"text\":\"").arg(id);
    return head + QString(std::max<qsizetype>(0, size - head.size() - 2), QLatin1Char('x'))
        + QStringLiteral("\"}");
}

} // namespace

class tst_OrderedSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pingsNeverComeInBursts_data();
    void pingsNeverComeInBursts();
};

void tst_OrderedSink::pingsNeverComeInBursts_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("size");
    QTest::addColumn<qint64>("bytesPerTick");
    QTest::addColumn<int>("dropAfter");
    // Large frames, read slowly: the drain at the end waits on one pong after another.
    QTest::newRow("60 KB frames, a slow sink") << 400 << 60000 << qint64(64 * 1024) << 0;
    QTest::newRow("small frames, a slow sink") << 40000 << 40 << qint64(8 * 1024) << 0;
    QTest::newRow("small frames, at full speed") << 100000 << 40 << qint64(0) << 0;
    // After a drop, what was not confirmed goes again: pinged as the first time, not per frame.
    QTest::newRow("a drop, then the replay") << 20000 << 200 << qint64(0) << 15000;
}

void tst_OrderedSink::pingsNeverComeInBursts()
{
    QFETCH(int, frames);
    QFETCH(int, size);
    QFETCH(qint64, bytesPerTick);
    QFETCH(int, dropAfter);
    RawSink peer(bytesPerTick, dropAfter);
    QVERIFY(peer.listen());
    OrderedSink sink(peer.url());
    ReconnectPolicy policy;
    policy.initialDelayMs = 20;
    sink.setReconnectPolicy(policy);
    QSignalSpy finished(&sink, &OrderedSink::finished);
    QSignalSpy failed(&sink, &OrderedSink::failed);
    QSignalSpy gaveUp(&sink, &OrderedSink::gaveUp);
    QList<QString> sent;
    for (int id = 1; id <= frames; ++id)
        sent.append(frameOf(id, size));
    connect(&sink, &OrderedSink::connected, this, [&] {
        for (const QString &f : std::as_const(sent))
            sink.send(f);
        sink.finish(Timeout);
    });
    sink.open();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(finished.wait(Timeout));
    qInfo("finished after %lld ms", clock.elapsed());
    QVERIFY(failed.isEmpty() && gaveUp.isEmpty());
    QCOMPARE(sink.confirmed(), quint64(frames));

    const QList<Connection> &connections = peer.connections();
    QCOMPARE(connections.size(), dropAfter > 0 ? 2 : 1);
    const Connection &last = connections.last();
    QTRY_COMPARE(last.closeCode, quint16(1000)); // read by the sink after our side closed
    // What the sink read last covers the rest, in order, byte for byte.
    const qsizetype from = frames - last.texts.size();
    QVERIFY(from >= 0 && from <= (dropAfter > 0 ? dropAfter : 0));
    for (qsizetype i = 0; i < last.texts.size(); ++i)
        QCOMPARE(last.texts[i], sent[from + i].toUtf8());
    for (const Connection &c : connections) {
        // A pong answers every ping: a ping that follows a ping with nothing written between
        // confirms nothing new, and a burst of them is what servers cut off.
        QCOMPARE(c.backToBackPings, 0);
        // Pings every 1,024 frames or 256 KiB, or 50 ms after frames were written, and one
        // after a pong that confirmed less than was written: never one per frame.
        const qint64 bound = c.texts.size() / 1024 + c.textBytes / (256 * 1024)
            + (c.openMs > 0 ? c.openMs : 1000) / 50 * 2 + 4;
        QVERIFY2(c.pingPayloads.size() <= bound,
                 qPrintable(QStringLiteral("%1 pings for %2 frames, %3 bytes in %4 ms")
                                .arg(c.pingPayloads.size())
                                .arg(c.texts.size())
                                .arg(c.textBytes)
                                .arg(c.openMs)));
    }
}

QTEST_GUILESS_MAIN(tst_OrderedSink)
#include "tst_orderedsink.moc"
