// WebSocketReader, the feed's own WebSocket client, against a server of the test's that speaks
// the protocol as bytes: what it writes (in pieces as small as one byte where that matters,
// faulty frames too) and what it reads back, checked frame by frame.
#include "rawwebsocket.h"
#include "transport/websocketreader.h"
#include "transport/websocketsource.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace RawWebSocket;

namespace {

constexpr int Timeout = 10000;
const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

// A server's frames, and what a reader must deliver of them.
using Frames = QList<QByteArray>;
struct Delivered
{
    bool text = true;
    QByteArray bytes; // UTF-8 for text

    bool operator==(const Delivered &o) const { return text == o.text && bytes == o.bytes; }
};
using DeliveredList = QList<Delivered>;

Delivered text(const QByteArray &utf8)
{
    return {true, utf8};
}

char *toString(const Delivered &d)
{
    return QTest::toString((d.text ? "text " : "binary ") + d.bytes.left(80));
}

// One connection to RawServer: the request, and the frames the client sent, unmasked.
struct RawPeer
{
    QTcpSocket *socket = nullptr;
    QByteArray in;
    std::optional<Request> request;
    QList<ClientFrame> frames;
    bool gone = false;

    QList<ClientFrame> framesOf(quint8 opcode) const
    {
        QList<ClientFrame> out;
        for (const ClientFrame &f : frames) {
            if (f.opcode() == opcode)
                out << f;
        }
        return out;
    }
};

/*
    A WebSocket server on bytes. Each connection's request is read; `answer` then writes what
    the test wants (by default the 101 of that request), through write() below, whole or in
    pieces of `chunk` bytes, each flushed to the kernel on its own turn of the event loop.
*/
class RawServer final : public QObject
{
public:
    using Answer = std::function<void(RawServer &, RawPeer &)>;

    explicit RawServer(Answer answer = {})
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                auto peer = std::make_shared<RawPeer>();
                peer->socket = socket;
                m_peers << peer;
                connect(socket, &QTcpSocket::readyRead, this, [this, peer] { onReadyRead(*peer); });
                connect(socket, &QTcpSocket::disconnected, this, [peer] { peer->gone = true; });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = QStringLiteral("/raw-messages")) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    quint16 port() const { return m_server.serverPort(); }
    qsizetype connections() const { return m_peers.size(); }
    RawPeer &peer(qsizetype i) { return *m_peers.at(i); }

    // Writes `bytes` after what was queued before, `chunk` bytes a turn (0: at once).
    void write(RawPeer &peer, const QByteArray &bytes, qsizetype chunk = 0)
    {
        if (chunk <= 0 && m_queue.isEmpty()) {
            peer.socket->write(bytes);
            return;
        }
        m_queue.append({peer.socket, bytes, chunk});
        if (m_queue.size() == 1)
            QTimer::singleShot(0, this, &RawServer::dribble);
    }
    // A client's close frame makes the server close TCP (it answers nothing itself).
    bool closeOnClose = true;

private:
    struct Pending
    {
        QTcpSocket *socket;
        QByteArray bytes;
        qsizetype chunk;
    };

    void dribble()
    {
        while (!m_queue.isEmpty()
               && m_queue.first().socket->state() != QAbstractSocket::ConnectedState)
            m_queue.removeFirst(); // the client went: the rest is no one's
        if (m_queue.isEmpty())
            return;
        Pending &p = m_queue.first();
        const qsizetype n = p.chunk > 0 ? std::min(p.chunk, p.bytes.size()) : p.bytes.size();
        p.socket->write(p.bytes.left(n));
        p.socket->flush();
        p.bytes.remove(0, n);
        if (p.bytes.isEmpty())
            m_queue.removeFirst();
        if (!m_queue.isEmpty())
            QTimer::singleShot(0, this, &RawServer::dribble);
    }

    void onReadyRead(RawPeer &peer)
    {
        peer.in += peer.socket->readAll();
        if (!peer.request) {
            peer.request = takeRequest(peer.in);
            if (!peer.request)
                return;
            if (m_answer)
                m_answer(*this, peer);
            else
                write(peer, upgradeAnswer(peer.request->headers.value("sec-websocket-key")));
        }
        while (std::optional<ClientFrame> f = takeFrame(peer.in)) {
            peer.frames << *f;
            if (f->opcode() == Close && closeOnClose)
                peer.socket->disconnectFromHost(); // our close frame, if any, went before
        }
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<std::shared_ptr<RawPeer>> m_peers;
    QList<Pending> m_queue;
};

// The 101 of `peer`'s request, then `frames`, in pieces of `chunk` bytes.
RawServer::Answer upgradeThen(const Frames &frames, qsizetype chunk = 0)
{
    return [frames, chunk](RawServer &server, RawPeer &peer) {
        QByteArray bytes = upgradeAnswer(peer.request->headers.value("sec-websocket-key"));
        for (const QByteArray &f : frames)
            bytes += f;
        server.write(peer, bytes, chunk);
    };
}

// Everything a reader delivered, in order.
struct Recorder
{
    explicit Recorder(WebSocketReader &reader)
    {
        QObject::connect(&reader, &WebSocketReader::textReceived, &reader,
                         [this](const QString &t) { delivered << text(t.toUtf8()); });
        QObject::connect(&reader, &WebSocketReader::binaryReceived, &reader,
                         [this](const QByteArray &b) {
                             delivered << Delivered {false, b};
                         });
    }
    DeliveredList delivered;
};

// What RFC 6455 asks of every frame a client sends (5.2, 5.3): masked, final (we never
// fragment), no reserved bits, the length in its shortest form, a known opcode.
void checkClientFrames(const RawPeer &peer)
{
    for (const ClientFrame &f : peer.frames) {
        QVERIFY(f.masked);
        QVERIFY(f.final());
        QCOMPARE(f.reserved(), quint8(0));
        QVERIFY(f.shortestLength);
        QVERIFY2(f.opcode() == Text || f.opcode() == Close || f.opcode() == Pong,
                 qPrintable(QString::number(f.opcode())));
    }
}

} // namespace

Q_DECLARE_METATYPE(Delivered)

class tst_WebSocketReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handshakeRequestAndSplitAnswer();
    void messages_data();
    void messages();
    void failures_data();
    void failures();
    void serverCloses_data();
    void serverCloses();
    void clientCloses_data();
    void clientCloses();
    void refusals_data();
    void refusals();
    void sentFramesAreMaskedAndWellFormed_data();
    void sentFramesAreMaskedAndWellFormed();
    void pauseHoldsTheServerBack();
    void closedWhilePausedDeliversFirst();
    void aBurstLetsTheEventLoopTurn();
    void connectionLostAndNotMade_data();
    void connectionLostAndNotMade();
    void sourceRefusedOnReconnection_data();
    void sourceRefusedOnReconnection();
};

void tst_WebSocketReader::handshakeRequestAndSplitAnswer()
{
    // The answer comes one byte a TCP segment, with a first frame right behind it.
    RawServer server([](RawServer &s, RawPeer &peer) {
        const QByteArray key = peer.request->headers.value("sec-websocket-key");
        s.write(peer,
                upgradeAnswer(key, "Sec-WebSocket-Protocol: b.v2\r\n")
                    + serverFrame(Text, true, Bom + "first"),
                1);
    });
    QVERIFY(server.listen());
    WebSocketReader reader;
    reader.setSubprotocols({QStringLiteral("a.v1"), QStringLiteral("b.v2")});
    Recorder recorder(reader);
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    QUrl url = server.url();
    url.setQuery(QStringLiteral("count=5&x=a%20b"));
    url.setUserInfo(QStringLiteral("user:secret"));
    reader.open(url);
    QCOMPARE(reader.state(), WebSocketReader::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered.size(), 1, Timeout);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(reader.state(), WebSocketReader::State::Open);
    QCOMPARE(reader.subprotocol(), QStringLiteral("b.v2"));
    QCOMPARE(recorder.delivered.first(), text(Bom + "first"));

    const Request &r = *server.peer(0).request;
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.target, QByteArray("/raw-messages?count=5&x=a%20b"));
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
    QCOMPARE(r.headers.value("host"), QByteArray("127.0.0.1:") + QByteArray::number(server.port()));
    QCOMPARE(r.headers.value("upgrade").toLower(), QByteArray("websocket"));
    QCOMPARE(r.headers.value("connection").toLower(), QByteArray("upgrade"));
    QCOMPARE(r.headers.value("sec-websocket-version"), QByteArray("13"));
    QCOMPARE(QByteArray::fromBase64(r.headers.value("sec-websocket-key")).size(), 16);
    QCOMPARE(r.headers.value("sec-websocket-protocol"), QByteArray("a.v1, b.v2"));
    QVERIFY(!r.headers.contains("authorization")); // the URL's password stays home
}

void tst_WebSocketReader::messages_data()
{
    QTest::addColumn<Frames>("frames");
    QTest::addColumn<qsizetype>("chunk"); // the server writes this many bytes a turn (0: at once)
    QTest::addColumn<DeliveredList>("expected");

    const QByteArray json = R"({"id":1,"text":1})";
    QTest::newRow("one text frame")
        << Frames {serverFrame(Text, true, json)} << qsizetype(1) << DeliveredList {text(json)};
    QTest::newRow("empty text") << Frames {serverFrame(Text, true, {})} << qsizetype(0)
                                << DeliveredList {text({})};
    QTest::newRow("byte order marks: first, inside, starting a continuation")
        << Frames {serverFrame(Text, true, Bom + json), serverFrame(Text, true, "a" + Bom + "b"),
                   serverFrame(Text, false, "x"), serverFrame(Continuation, true, Bom + "y")}
        << qsizetype(1)
        << DeliveredList {text(Bom + json), text("a" + Bom + "b"), text("x" + Bom + "y")};
    QTest::newRow("fragments with pings between them")
        << Frames {serverFrame(Text, false, "ab"),         serverFrame(Ping, true, "p1"),
                   serverFrame(Continuation, false, "cd"), serverFrame(Ping, true, {}),
                   serverFrame(Pong, true, "unasked"),     serverFrame(Continuation, true, "ef"),
                   serverFrame(Text, true, "next")}
        << qsizetype(1) << DeliveredList {text("abcdef"), text("next")};
    const QByteArray euro = QByteArrayLiteral("\xE2\x82\xAC");
    QTest::newRow("a character split between two frames")
        << Frames {serverFrame(Text, false, "1" + euro.left(2)),
                   serverFrame(Continuation, true, euro.mid(2) + "2")}
        << qsizetype(1) << DeliveredList {text("1" + euro + "2")};
    QTest::newRow("binary, fragmented")
        << Frames {serverFrame(Binary, false, QByteArray("\x00\xff", 2)),
                   serverFrame(Continuation, true, QByteArray("\x80", 1))}
        << qsizetype(1) << DeliveredList {{false, QByteArray("\x00\xff\x80", 3)}};
    // The lengths' three forms, at their edges.
    Frames edges;
    DeliveredList edgeTexts;
    for (const qsizetype n : {125, 126, 65535, 65536}) {
        edges << serverFrame(Text, true, QByteArray(n, char('a' + n % 26)));
        edgeTexts << text(QByteArray(n, char('a' + n % 26)));
    }
    QTest::newRow("7-, 16- and 64-bit lengths") << edges << qsizetype(997) << edgeTexts;
    // The run's own frame limit (--max-frame-bytes, 64 KiB by default) is the codec's: the
    // reader hands over a larger frame whole.
    const QByteArray large = Bom + QByteArray(70000, 'z') + Bom;
    QTest::newRow("over --max-frame-bytes: one frame, then fragmented")
        << Frames {serverFrame(Text, true, large), serverFrame(Text, false, large.left(40000)),
                   serverFrame(Continuation, true, large.mid(40000))}
        << qsizetype(4093) << DeliveredList {text(large), text(large)};
}

void tst_WebSocketReader::messages()
{
    QFETCH(Frames, frames);
    QFETCH(qsizetype, chunk);
    QFETCH(DeliveredList, expected);
    RawServer server(upgradeThen(frames << serverFrame(Close, true, closePayload(1000)), chunk));
    QVERIFY(server.listen());
    WebSocketReader reader;
    Recorder recorder(reader);
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QCOMPARE(recorder.delivered, expected);
    QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
    QVERIFY(reader.peerClosed());
    QCOMPARE(reader.closeCode(), 1000);

    // Each ping answered with its payload, in order; our close answered theirs.
    RawPeer &peer = server.peer(0);
    QTRY_VERIFY(peer.gone);
    checkClientFrames(peer);
    QList<QByteArray> pings, pongs;
    for (const QByteArray &f : frames) {
        if ((quint8(f[0]) & 0x0f) == Ping)
            pings << f.mid(2);
    }
    for (const ClientFrame &f : peer.framesOf(Pong))
        pongs << f.payload;
    QCOMPARE(pongs, pings);
    QCOMPARE(peer.framesOf(Close).size(), 1);
    QCOMPARE(peer.framesOf(Close).first().closeCode(), quint16(1000));
}

void tst_WebSocketReader::failures_data()
{
    // What the server sends after the handshake, and how the reader fails the connection.
    QTest::addColumn<Frames>("frames");
    QTest::addColumn<quint64>("limit"); // the reader's message limit
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("deliveredFirst");

    const quint64 big = 1 << 20;
    const QByteArray ok = serverFrame(Text, true, "ok");
    QTest::newRow("masked server frame")
        << Frames {ok, frame(0x80 | Text, "hidden", 0x12345678u)} << big << 1002
        << "a frame from the server was masked" << 1;
    QTest::newRow("reserved opcode")
        << Frames {frame(0x80 | 0x3, "x")} << big << 1002 << "reserved opcode" << 0;
    QTest::newRow("reserved bit") << Frames {frame(0x80 | 0x40 | Text, "x")} << big << 1002
                                  << "reserved bits" << 0;
    QTest::newRow("continuation of nothing")
        << Frames {serverFrame(Continuation, true, "x")} << big << 1002 << "continuation" << 0;
    QTest::newRow("a new message inside another")
        << Frames {serverFrame(Text, false, "a"), serverFrame(Text, true, "b")} << big << 1002
        << "before the last one ended" << 0;
    QTest::newRow("fragmented ping")
        << Frames {serverFrame(Ping, false, "p")} << big << 1002 << "control frame" << 0;
    QTest::newRow("ping of 126 bytes") << Frames {serverFrame(Ping, true, QByteArray(126, 'p'))}
                                       << big << 1002 << "control frame" << 0;
    QTest::newRow("length not in its shortest form")
        << Frames {frame(0x80 | Text, "short", std::nullopt, 2)} << big << 1002 << "shortest form"
        << 0;
    QTest::newRow("64-bit length with its top bit")
        << Frames {QByteArray::fromHex("817f8000000000000001")} << big << 1002 << "top bit" << 0;
    QTest::newRow("close frame of one byte")
        << Frames {serverFrame(Close, true, "x")} << big << 1002 << "one byte" << 0;
    QTest::newRow("close code 1005") << Frames {serverFrame(Close, true, closePayload(1005))} << big
                                     << 1002 << "invalid close code, 1005" << 0;
    QTest::newRow("invalid UTF-8") << Frames {ok,
                                              serverFrame(Text, true,
                                                          QByteArray("a\xff"
                                                                     "b",
                                                                     3))}
                                   << big << 1007 << "not valid UTF-8" << 1;
    QTest::newRow("UTF-8 cut short at the message's end")
        << Frames {serverFrame(Text, false, "a"), serverFrame(Continuation, true, "\xE2\x82")}
        << big << 1007 << "not valid UTF-8" << 0;
    // Said from the header alone: the payload is never sent.
    QTest::newRow("a frame over the limit")
        << Frames {ok, serverFrame(Text, true, QByteArray(4000, 'x')).left(4)} << quint64(1000)
        << 1009 << "exceeded the limit of 1000 bytes" << 1;
    QTest::newRow("a fragmented message over the limit")
        << Frames {serverFrame(Text, false, QByteArray(600, 'x')),
                   serverFrame(Continuation, true, QByteArray(600, 'x'))}
        << quint64(1000) << 1009 << "exceeded the limit" << 0;
}

void tst_WebSocketReader::failures()
{
    QFETCH(Frames, frames);
    QFETCH(quint64, limit);
    QFETCH(int, code);
    QFETCH(QString, words);
    QFETCH(int, deliveredFirst);
    RawServer server(upgradeThen(frames, 3));
    QVERIFY(server.listen());
    WebSocketReader reader;
    reader.setMaxMessageBytes(limit);
    Recorder recorder(reader);
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QCOMPARE(recorder.delivered.size(), deliveredFirst);
    const QString error = reader.errorString();
    QVERIFY2(error.contains(words) && error.contains(QStringLiteral("code %1").arg(code)),
             qPrintable(error));
    QVERIFY(!reader.errorIsPermanent());
    QVERIFY(!reader.peerClosed());
    QCOMPARE(reader.closeCode(), code);
    // The server was told, with a frame of the right form, and the connection is gone.
    RawPeer &peer = server.peer(0);
    QTRY_VERIFY_WITH_TIMEOUT(peer.gone, Timeout);
    checkClientFrames(peer);
    QCOMPARE(peer.framesOf(Close).size(), 1);
    QCOMPARE(peer.framesOf(Close).first().closeCode(), quint16(code));
    QCOMPARE(disconnected.size(), 1);
}

void tst_WebSocketReader::serverCloses_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no code: normal") << QByteArray() << 1000 << QString();
    QTest::newRow("1000") << closePayload(1000) << 1000 << QString();
    QTest::newRow("4000 with a reason")
        << closePayload(4000, "bye \xE2\x82\xAC") << 4000 << QStringLiteral(u"bye €");
    QTest::newRow("1011") << closePayload(1011, "busy") << 1011 << QStringLiteral("busy");
}

void tst_WebSocketReader::serverCloses()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, reason);
    RawServer server(upgradeThen({serverFrame(Close, true, payload)}, 1));
    QVERIFY(server.listen());
    WebSocketReader reader;
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
    QVERIFY(reader.peerClosed());
    QCOMPARE(reader.closeCode(), code);
    QCOMPARE(reader.closeReason(), reason);
    RawPeer &peer = server.peer(0);
    QTRY_VERIFY(peer.gone);
    checkClientFrames(peer);
    QCOMPARE(peer.framesOf(Close).size(), 1);
    QCOMPARE(peer.framesOf(Close).first().closeCode(), quint16(code)); // echoed (5.5.1)
}

void tst_WebSocketReader::clientCloses_data()
{
    QTest::addColumn<bool>("serverAnswers");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("sent"); // the reason in our close frame
    QTest::newRow("the server answers")
        << true << QStringLiteral("done here") << QByteArray("done here");
    QTest::newRow("the server never answers")
        << false << QStringLiteral("done here") << QByteArray("done here");
    // A control frame holds 125 bytes: 2 for the code, then whole characters only.
    QTest::newRow("a reason too long")
        << true << QString(100, QChar(0x44F)) << QString(61, QChar(0x44F)).toUtf8();
}

void tst_WebSocketReader::clientCloses()
{
    // Data that comes after our close frame is dropped; the server's close ends it, or the
    // close timeout does.
    QFETCH(bool, serverAnswers);
    QFETCH(QString, reason);
    QFETCH(QByteArray, sent);
    RawServer server;
    server.closeOnClose = false;
    QVERIFY(server.listen());
    WebSocketReader reader;
    Recorder recorder(reader);
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    RawPeer &peer = server.peer(0);
    reader.close(4001, reason);
    QCOMPARE(reader.state(), WebSocketReader::State::Closing);
    QVERIFY(!reader.sendText(QStringLiteral("too late")));
    QTRY_COMPARE_WITH_TIMEOUT(peer.framesOf(Close).size(), 1, Timeout);
    const ClientFrame close = peer.framesOf(Close).first();
    QCOMPARE(close.closeCode(), quint16(4001));
    QCOMPARE(close.payload.mid(2), sent);
    QElapsedTimer clock;
    clock.start();
    // Otherwise not a word, nor TCP's end: the reader gives up after its close timeout.
    if (serverAnswers)
        server.write(peer,
                     serverFrame(Text, true, "after the close")
                         + serverFrame(Close, true, closePayload(4001)));
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QVERIFY(recorder.delivered.isEmpty());
    QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
    QVERIFY(!reader.peerClosed());
    QCOMPARE(reader.closeCode(), 4001);
    QCOMPARE(reader.state(), WebSocketReader::State::Unconnected);
    if (!serverAnswers)
        QVERIFY(clock.elapsed() >= WebSocketReader::CloseTimeoutMs * 9 / 10);
    checkClientFrames(peer);
}

void tst_WebSocketReader::refusals_data()
{
    // The server's answer to the upgrade, instead of a good 101.
    QTest::addColumn<QByteArray>("answer"); // %KEY% stands for Sec-WebSocket-Accept of our key
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("permanent");

    const QByteArray upgrade = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\n";
    QTest::newRow("401") << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
                         << "the server refused the connection: HTTP 401 Unauthorized" << true;
    QTest::newRow("404") << QByteArray("HTTP/1.1 404 Not Found\r\n\r\n")
                         << "the server refused the connection: HTTP 404 Not Found" << true;
    QTest::newRow("429: try later") << QByteArray("HTTP/1.1 429 Too Many Requests\r\n\r\n")
                                    << "HTTP 429 Too Many Requests" << false;
    QTest::newRow("503") << QByteArray("HTTP/1.1 503 Service Unavailable\r\n\r\n")
                         << "HTTP 503 Service Unavailable" << false;
    QTest::newRow("wrong Sec-WebSocket-Accept")
        << upgrade + "Sec-WebSocket-Accept: " + acceptFor("another key") + "\r\n\r\n"
        << "Sec-WebSocket-Accept does not match" << true;
    QTest::newRow("no Sec-WebSocket-Accept") << upgrade + "\r\n"
                                             << "Sec-WebSocket-Accept does not match" << true;
    QTest::newRow("no Upgrade header")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: %KEY%\r\n\r\n")
        << "not a WebSocket upgrade" << true;
    QTest::newRow("a subprotocol not offered")
        << upgrade + "Sec-WebSocket-Accept: %KEY%\r\nSec-WebSocket-Protocol: other\r\n\r\n"
        << "subprotocol we did not offer: other" << true;
    QTest::newRow("an extension not offered")
        << upgrade + "Sec-WebSocket-Accept: %KEY%\r\nSec-WebSocket-Extensions: deflate\r\n\r\n"
        << "extension we did not offer: deflate" << true;
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << "not HTTP" << false;
}

void tst_WebSocketReader::refusals()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, words);
    QFETCH(bool, permanent);
    RawServer server([answer](RawServer &s, RawPeer &peer) {
        QByteArray bytes = answer;
        bytes.replace("%KEY%", acceptFor(peer.request->headers.value("sec-websocket-key")));
        s.write(peer, bytes, 5);
    });
    QVERIFY(server.listen());
    WebSocketReader reader;
    reader.setTimeoutMs(30000);
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    QElapsedTimer clock;
    clock.start();
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed()))); // at once
    QCOMPARE(connected.size(), 0);
    QVERIFY2(reader.errorString().contains(words), qPrintable(reader.errorString()));
    QCOMPARE(reader.errorIsPermanent(), permanent);
    QVERIFY(server.peer(0).frames.isEmpty());
}

void tst_WebSocketReader::sentFramesAreMaskedAndWellFormed_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString();
    QTest::newRow("an acknowledgement") << QStringLiteral(R"({"ack":12345})");
    QTest::newRow("125 bytes") << QString(125, QLatin1Char('a'));
    QTest::newRow("126 bytes: 16-bit length") << QString(126, QLatin1Char('b'));
    QTest::newRow("65535 bytes") << QString(65535, QLatin1Char('c'));
    QTest::newRow("65536 bytes: 64-bit length") << QString(65536, QLatin1Char('d'));
    QTest::newRow("byte order marks and other characters")
        << QString(QChar(0xFEFF)) + QStringLiteral(u"€ я 🙂") + QChar(0xFEFF);
}

void tst_WebSocketReader::sentFramesAreMaskedAndWellFormed()
{
    QFETCH(QString, message);
    RawServer server;
    QVERIFY(server.listen());
    WebSocketReader reader;
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    constexpr int Count = 4;
    for (int i = 0; i < Count; ++i)
        QVERIFY(reader.sendText(message));
    RawPeer &peer = server.peer(0);
    QTRY_COMPARE_WITH_TIMEOUT(peer.frames.size(), Count, Timeout);
    checkClientFrames(peer);
    QSet<quint32> masks;
    for (const ClientFrame &f : peer.frames) {
        QCOMPARE(f.opcode(), quint8(Text));
        QCOMPARE(f.payload, message.toUtf8());
        masks.insert(f.mask);
    }
    QVERIFY(masks.size() > 1); // a new key for each frame (5.3)
}

void tst_WebSocketReader::pauseHoldsTheServerBack()
{
    // Paused, nothing is delivered and little is read: TCP holds the server, whose own buffer
    // keeps what it wrote. Paused from a handler, the pause lands at once, not after the batch
    // read with it.
    constexpr int Count = 20000;
    constexpr qsizetype Size = 1000; // 20 MB in all
    RawServer server([](RawServer &s, RawPeer &peer) {
        QByteArray bytes = upgradeAnswer(peer.request->headers.value("sec-websocket-key"));
        for (int i = 0; i < Count; ++i) {
            const QByteArray n = QByteArray::number(i);
            bytes += serverFrame(Text, true, n + QByteArray(Size - n.size(), '.'));
        }
        s.write(peer, bytes);
    });
    QVERIFY(server.listen());
    WebSocketReader reader;
    reader.setReceiveWindowBytes(WebSocketSource::ReceiveWindowBytes);
    reader.setPausedReadAheadBytes(WebSocketSource::PausedReadBufferBytes);
    QList<int> ids;
    bool pauseAtTen = true;
    connect(&reader, &WebSocketReader::textReceived, this, [&](const QString &t) {
        ids << QStringView(t).left(t.indexOf(QLatin1Char('.'))).toInt();
        if (ids.size() == 10 && pauseAtTen)
            reader.setPaused(true);
    });
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    reader.setPaused(true);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    RawPeer &peer = server.peer(0);
    QTest::qWait(300); // the server writes on as far as TCP lets it
    QCOMPARE(ids.size(), 0);
    // What the kernels' buffers (4 MiB to send here) and the reader's read-ahead took is gone.
    const qint64 unsent = peer.socket->bytesToWrite();
    QVERIFY2(unsent > Count * Size - (8 << 20), qPrintable(QString::number(unsent)));

    reader.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), 10, Timeout);
    QTest::qWait(100);
    QCOMPARE(ids.size(), 10);
    pauseAtTen = false;
    reader.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), Count, Timeout);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(ids.at(i), i);
}

void tst_WebSocketReader::aBurstLetsTheEventLoopTurn()
{
    // Thousands of frames read in one go are delivered a turn of the event loop at a time
    // (MessagesPerTurn): the thread's timers fire between turns, so the window's batches keep
    // their pace while the feed never pauses.
    constexpr int Count = 20000;
    RawServer server([](RawServer &s, RawPeer &peer) {
        QByteArray bytes = upgradeAnswer(peer.request->headers.value("sec-websocket-key"));
        for (int i = 0; i < Count; ++i)
            bytes += serverFrame(Text, true, QByteArray::number(i));
        s.write(peer, bytes);
    });
    QVERIFY(server.listen());
    WebSocketReader reader;
    reader.setPaused(true); // until all of it waits in the socket
    QList<int> ids;
    QList<int> turns; // how many messages had come at each tick of a 0 ms timer
    QTimer tick;
    tick.setInterval(0);
    connect(&tick, &QTimer::timeout, this, [&] {
        if (!ids.isEmpty() && ids.size() < Count)
            turns << int(ids.size());
    });
    connect(&reader, &WebSocketReader::textReceived, this,
            [&](const QString &t) { ids << t.toInt(); });
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    QTest::qWait(200); // everything on its way into the reader's socket
    tick.start();
    reader.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), Count, Timeout);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(ids.at(i), i);
    QVERIFY2(turns.size() >= Count / WebSocketReader::MessagesPerTurn - 2,
             qPrintable(QString::number(turns.size())));
    for (qsizetype i = 1; i < turns.size(); ++i)
        QVERIFY(turns[i] - turns[i - 1] <= WebSocketReader::MessagesPerTurn);
}

void tst_WebSocketReader::closedWhilePausedDeliversFirst()
{
    // The server sends its last frames and its close frame and closes TCP while the reader is
    // paused: once resumed, the frames come first, then the close frame's end, not a loss.
    RawServer server(
        upgradeThen({serverFrame(Text, true, "1"), serverFrame(Text, true, "2"),
                     serverFrame(Text, true, "3"), serverFrame(Close, true, closePayload(1000))}));
    QVERIFY(server.listen());
    WebSocketReader reader;
    Recorder recorder(reader);
    connect(&reader, &WebSocketReader::textReceived, this, [&reader] { reader.setPaused(true); });
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered.size(), 1, Timeout);
    server.peer(0).socket->disconnectFromHost();
    QTRY_VERIFY(server.peer(0).gone);
    QTest::qWait(50);
    QCOMPARE(disconnected.size(), 0);
    while (recorder.delivered.size() < 3) {
        const qsizetype n = recorder.delivered.size();
        reader.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.delivered.size(), n + 1, Timeout);
    }
    reader.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QCOMPARE(recorder.delivered, (DeliveredList {text("1"), text("2"), text("3")}));
    QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
    QVERIFY(reader.peerClosed());
    QCOMPARE(reader.closeCode(), 1000);
}

void tst_WebSocketReader::connectionLostAndNotMade_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("words");
    QTest::newRow("lost without a close frame") << "lost"
                                                << "closed";
    QTest::newRow("nothing listens") << "refused"
                                     << "connection refused: nothing listens on 127.0.0.1:";
    QTest::newRow("no answer") << "mute"
                               << "no answer within 0.3 s";
}

void tst_WebSocketReader::connectionLostAndNotMade()
{
    QFETCH(QString, what);
    QFETCH(QString, words);
    RawServer server(what == QLatin1String("lost")
                         ? RawServer::Answer([](RawServer &s, RawPeer &peer) {
                               s.write(
                                   peer,
                                   upgradeAnswer(peer.request->headers.value("sec-websocket-key"))
                                       + serverFrame(Text, true, "only"));
                               QTimer::singleShot(50, peer.socket, &QTcpSocket::abort);
                           })
                         : RawServer::Answer([](RawServer &, RawPeer &) {})); // never answers
    QVERIFY(server.listen());
    QUrl url = server.url();
    if (what == QLatin1String("refused")) {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        url.setPort(gone.serverPort()); // closed again at the end of this block
    }
    WebSocketReader reader;
    reader.setTimeoutMs(300);
    Recorder recorder(reader);
    QSignalSpy connected(&reader, &WebSocketReader::connected);
    QSignalSpy disconnected(&reader, &WebSocketReader::disconnected);
    reader.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QVERIFY2(reader.errorString().contains(words, Qt::CaseInsensitive),
             qPrintable(reader.errorString()));
    QVERIFY(!reader.errorIsPermanent());
    QVERIFY(!reader.peerClosed());
    QCOMPARE(connected.size(), what == QLatin1String("lost") ? 1 : 0);
    QCOMPARE(recorder.delivered.size(), what == QLatin1String("lost") ? 1 : 0);
    QTest::qWait(50);
    QCOMPARE(disconnected.size(), 1);
}

void tst_WebSocketReader::sourceRefusedOnReconnection_data()
{
    QTest::addColumn<QByteArray>("answer"); // to every handshake after the first
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<QString>("words");
    QTest::newRow("401") << QByteArray("HTTP/1.1 401 Unauthorized\r\n\r\n") << true
                         << "the server refused the connection: HTTP 401 Unauthorized";
    QTest::newRow("wrong Sec-WebSocket-Accept")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n")
        << true << "Sec-WebSocket-Accept does not match";
    QTest::newRow("503: retried") << QByteArray("HTTP/1.1 503 Service Unavailable\r\n\r\n") << false
                                  << "HTTP 503 Service Unavailable";
}

void tst_WebSocketReader::sourceRefusedOnReconnection()
{
    // Through WebSocketSource: the feed works, drops, and every later handshake is refused. A
    // refusal that retrying cannot change ends the feed at once, in words; another is retried.
    QFETCH(QByteArray, answer);
    QFETCH(bool, permanent);
    QFETCH(QString, words);
    RawServer server([answer](RawServer &s, RawPeer &peer) {
        if (s.connections() > 1) {
            s.write(peer, answer);
            return;
        }
        s.write(peer,
                upgradeAnswer(peer.request->headers.value("sec-websocket-key"))
                    + serverFrame(Text, true, R"({"id":1,"text":1})"));
        QTimer::singleShot(50, peer.socket, &QTcpSocket::abort);
    });
    QVERIFY(server.listen());
    WebSocketSource source(server.url());
    ReconnectPolicy policy;
    policy.maxAttempts = 3;
    policy.initialDelayMs = 20;
    source.setReconnectPolicy(policy);
    QSignalSpy frames(&source, &MessageSource::textReceived);
    QSignalSpy dropped(&source, &MessageSource::dropped);
    QSignalSpy failed(&source, &MessageSource::failed);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    QCOMPARE(frames.size(), 1);
    const QString reason = failed.first().at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("could not be reconnected")) && reason.contains(words),
             qPrintable(reason));
    QCOMPARE(server.connections(), permanent ? 2 : 2 + policy.maxAttempts - 1);
    QCOMPARE(dropped.size(), permanent ? 1 : policy.maxAttempts);
}

QTEST_GUILESS_MAIN(tst_WebSocketReader)
#include "tst_websocketreader.moc"
