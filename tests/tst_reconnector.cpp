#include "transport/orderedsink.h"
#include "transport/reconnector.h"
#include "transport/websocketsource.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <limits>
#include <memory>

namespace {

constexpr int Timeout = 10000;

ReconnectPolicy policyOf(int maxAttempts, int initialDelayMs, int maxDelayMs,
                         int stableAfterMs = 60000)
{
    ReconnectPolicy p;
    p.maxAttempts = maxAttempts;
    p.initialDelayMs = initialDelayMs;
    p.maxDelayMs = maxDelayMs;
    p.stableAfterMs = stableAfterMs;
    return p;
}

// A WebSocket peer that completes every handshake and then closes (1011, a server error: worth
// retrying; or another code given):
// at once, or once it delivered something (the feed: a frame it sends first; the sink: a while
// after a frame arrived, long enough for the sink's ping to be answered).
class DropAfterHandshake final : public QObject
{
public:
    enum class Delivery { None, SendFrame, AfterFrameReceived };

    explicit DropAfterHandshake(
        Delivery delivery,
        QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeBadOperation)
        : m_server(QStringLiteral("drop-after-handshake"), QWebSocketServer::NonSecureMode)
        , m_delivery(delivery)
        , m_code(code)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                accept(socket);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    int connections() const { return m_connections; }
    int framesReceived() const { return m_framesReceived; }

private:
    void refuse(QWebSocket *socket) { socket->close(m_code, QStringLiteral("go away")); }

    void accept(QWebSocket *socket)
    {
        switch (m_delivery) {
        case Delivery::None:
            refuse(socket);
            return;
        case Delivery::SendFrame:
            socket->sendTextMessage(QStringLiteral("{\"id\":%1,\"text\":1}").arg(m_connections));
            socket->flush();
            refuse(socket);
            return;
        case Delivery::AfterFrameReceived:
            connect(socket, &QWebSocket::textMessageReceived, socket, [this, socket] {
                ++m_framesReceived;
                QTimer::singleShot(300, socket, [this, socket] { refuse(socket); });
            });
            return;
        }
    }

    QWebSocketServer m_server;
    Delivery m_delivery;
    QWebSocketProtocol::CloseCode m_code;
    int m_connections = 0;
    int m_framesReceived = 0;
};

} // namespace

// Reconnector on its own (backoff, giving up, restoring), then the WebSocket feed and the sink
// against a peer that drops right after every handshake. Redis: tst_redissource.
class tst_Reconnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delaySchedule_data();
    void delaySchedule();
    void retriesFollowTheSchedule_data();
    void retriesFollowTheSchedule();
    void givesUpAfterMaxAttempts_data();
    void givesUpAfterMaxAttempts();
    void restoring_data();
    void restoring();
    void cancelStopsTheRetry();
    void webSocketPeerDropsAfterEveryHandshake_data();
    void webSocketPeerDropsAfterEveryHandshake();
    void permanentRefusalIsNotRetried_data();
    void permanentRefusalIsNotRetried();
    void handshakeErrorsInPlainWords_data();
    void handshakeErrorsInPlainWords();
};

void tst_Reconnector::delaySchedule_data()
{
    QTest::addColumn<ReconnectPolicy>("policy");
    QTest::addColumn<QList<int>>("delays"); // of attempts 1, 2, ...
    QTest::newRow("default: doubling from 100 to the 5000 cap")
        << ReconnectPolicy {} << QList<int> {100, 200, 400, 800, 1600, 3200, 5000, 5000};
    QTest::newRow("cap between two steps")
        << policyOf(5, 100, 1000) << QList<int> {100, 200, 400, 800, 1000};
    QTest::newRow("initial above the cap") << policyOf(3, 500, 300) << QList<int> {300, 300, 300};
    QList<int> endless {100, 200, 400, 800, 1600, 3200};
    for (int i = 0; i < 60; ++i)
        endless << 5000; // far past where doubling would overflow an int
    QTest::newRow("retries without end (the bridge)")
        << policyOf(std::numeric_limits<int>::max(), 100, 5000) << endless;
}

void tst_Reconnector::delaySchedule()
{
    QFETCH(ReconnectPolicy, policy);
    QFETCH(QList<int>, delays);
    for (int attempt = 1; attempt <= delays.size(); ++attempt)
        QCOMPARE(policy.delayMs(attempt), delays.at(attempt - 1));
    QCOMPARE(policy.delayMs(std::numeric_limits<int>::max()), policy.delayMs(delays.size()));
}

void tst_Reconnector::retriesFollowTheSchedule_data()
{
    QTest::addColumn<ReconnectPolicy>("policy");
    QTest::newRow("doubling") << policyOf(4, 50, 1000); // 50, 100, 200, 400
    QTest::newRow("doubling to a low cap") << policyOf(10, 20, 80); // 20, 40, 80 ... 80
    QTest::newRow("flat") << policyOf(3, 60, 60);
}

void tst_Reconnector::retriesFollowTheSchedule()
{
    // Measured loosely: never early (a coarse timer may fire 5% early), and far below what
    // doubling without the cap would take.
    QFETCH(ReconnectPolicy, policy);
    Reconnector reconnector;
    reconnector.setPolicy(policy);
    QSignalSpy due(&reconnector, &Reconnector::retryDue);
    qint64 scheduled = 0;
    qint64 measured = 0;
    qint64 previous = 0;
    for (int attempt = 1; attempt <= policy.maxAttempts; ++attempt) {
        QElapsedTimer clock;
        clock.start();
        QVERIFY(reconnector.scheduleRetry());
        QCOMPARE(reconnector.attempt(), attempt);
        QVERIFY(reconnector.isRetryScheduled());
        QTRY_COMPARE_WITH_TIMEOUT(due.size(), attempt, Timeout);
        const qint64 elapsed = clock.elapsed();
        const int delay = policy.delayMs(attempt);
        QVERIFY(delay >= previous && delay <= policy.maxDelayMs); // ordered, capped
        QVERIFY2(elapsed >= delay * 9 / 10,
                 qPrintable(QStringLiteral("attempt %1 after %2 ms, due after %3 ms")
                                .arg(attempt)
                                .arg(elapsed)
                                .arg(delay)));
        previous = delay;
        scheduled += delay;
        measured += elapsed;
    }
    QVERIFY(!reconnector.scheduleRetry()); // used up
    QCOMPARE(reconnector.attempt(), policy.maxAttempts);
    QVERIFY(!reconnector.isRetryScheduled());
    QVERIFY2(measured < scheduled + 3000,
             qPrintable(QStringLiteral("%1 ms for %2 ms of delays").arg(measured).arg(scheduled)));
}

void tst_Reconnector::givesUpAfterMaxAttempts_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::newRow("0: never reconnect") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("negative: never reconnect") << -1;
}

void tst_Reconnector::givesUpAfterMaxAttempts()
{
    // Each attempt fails before any handshake: the count only grows.
    QFETCH(int, maxAttempts);
    Reconnector reconnector;
    reconnector.setPolicy(policyOf(maxAttempts, 1, 1));
    QSignalSpy due(&reconnector, &Reconnector::retryDue);
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        QVERIFY(reconnector.scheduleRetry());
        QCOMPARE(reconnector.attempt(), attempt);
        QTRY_COMPARE_WITH_TIMEOUT(due.size(), attempt, Timeout);
    }
    QVERIFY(!reconnector.scheduleRetry());
    QVERIFY(!reconnector.isRetryScheduled());
    QCOMPARE(reconnector.attempt(), std::max(maxAttempts, 0));
    QVERIFY(!reconnector.scheduleRetry()); // and stays given up
}

void tst_Reconnector::restoring_data()
{
    // After a first drop and a new handshake, what happens before the next drop, and the attempt
    // number that next drop gets.
    QTest::addColumn<QString>("meanwhile");
    QTest::addColumn<int>("nextAttempt");
    QTest::newRow("a handshake alone: not restored") << QStringLiteral("nothing") << 2;
    QTest::newRow("delivered: restored") << QStringLiteral("delivered") << 1;
    QTest::newRow("the delivery signal: restored") << QStringLiteral("signal") << 1;
    QTest::newRow("stayed up: restored") << QStringLiteral("stable") << 1;
    QTest::newRow("dropped before stable: not restored") << QStringLiteral("dropped") << 3;
    QTest::newRow("the delivery signal before the handshake: not watched")
        << QStringLiteral("early") << 2;
}

void tst_Reconnector::restoring()
{
    QFETCH(QString, meanwhile);
    QFETCH(int, nextAttempt);
    const bool stable = meanwhile == QLatin1String("stable");
    const bool dropped = meanwhile == QLatin1String("dropped");
    Reconnector reconnector;
    reconnector.setPolicy(policyOf(5, dropped ? 150 : 1, 1000, stable || dropped ? 30 : 60000));
    QObject deliveries; // its objectNameChanged stands for "a frame arrived"
    reconnector.restoreOn(&deliveries, &QObject::objectNameChanged);
    QSignalSpy due(&reconnector, &Reconnector::retryDue);

    QVERIFY(reconnector.scheduleRetry()); // the first drop
    QCOMPARE(reconnector.attempt(), 1);
    if (meanwhile == QLatin1String("early")) {
        deliveries.setObjectName(QStringLiteral("not watched yet"));
        QCOMPARE(reconnector.attempt(), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(due.size(), 1, Timeout);
    reconnector.connectionUp();
    QCOMPARE(reconnector.attempt(), 1); // a handshake restores nothing by itself
    if (meanwhile == QLatin1String("delivered")) {
        reconnector.delivered();
    } else if (meanwhile == QLatin1String("signal")) {
        deliveries.setObjectName(QStringLiteral("frame"));
    } else if (stable) {
        QTRY_COMPARE_WITH_TIMEOUT(reconnector.attempt(), 0, Timeout);
    } else if (dropped) {
        // Down again before stableAfterMs: the stable timer stops with the drop, so it cannot
        // restore the attempts while the retry (far longer than stableAfterMs) waits.
        QVERIFY(reconnector.scheduleRetry());
        QTRY_COMPARE_WITH_TIMEOUT(due.size(), 2, Timeout);
        QCOMPARE(reconnector.attempt(), 2);
        reconnector.connectionUp();
    }
    QVERIFY(reconnector.scheduleRetry());
    QCOMPARE(reconnector.attempt(), nextAttempt);
    // The watch ends with the drop: a late signal restores nothing.
    deliveries.setObjectName(QStringLiteral("late"));
    QCOMPARE(reconnector.attempt(), nextAttempt);
}

void tst_Reconnector::cancelStopsTheRetry()
{
    Reconnector reconnector;
    reconnector.setPolicy(policyOf(3, 20, 20));
    QSignalSpy due(&reconnector, &Reconnector::retryDue);
    QVERIFY(reconnector.scheduleRetry());
    reconnector.cancel();
    QVERIFY(!reconnector.isRetryScheduled());
    QCOMPARE(reconnector.attempt(), 0);
    // A later retry is scheduled afresh, and only its own timeout fires.
    QVERIFY(reconnector.scheduleRetry());
    QCOMPARE(reconnector.attempt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(due.size(), 1, Timeout);
}

void tst_Reconnector::webSocketPeerDropsAfterEveryHandshake_data()
{
    QTest::addColumn<bool>("feed"); // else the sink
    QTest::addColumn<bool>("delivers"); // each connection delivers before it drops
    QTest::newRow("feed, handshake only: gives up") << true << false;
    QTest::newRow("feed, a frame each time: goes on") << true << true;
    QTest::newRow("sink, handshake only: gives up") << false << false;
    QTest::newRow("sink, a frame confirmed each time: goes on") << false << true;
}

void tst_Reconnector::webSocketPeerDropsAfterEveryHandshake()
{
    QFETCH(bool, feed);
    QFETCH(bool, delivers);
    using Delivery = DropAfterHandshake::Delivery;
    DropAfterHandshake peer(!delivers  ? Delivery::None
                                : feed ? Delivery::SendFrame
                                       : Delivery::AfterFrameReceived);
    QVERIFY(peer.listen());
    const ReconnectPolicy policy = policyOf(3, 20, 100, 2000);

    WebSocketSource source(peer.url(QStringLiteral("/raw-messages")));
    OrderedSink sink(peer.url(QStringLiteral("/ordered-messages/x")));
    int frames = 0;
    const auto sendNext = [&sink, &frames] {
        sink.send(QStringLiteral("{\"id\":%1,\"text\":1}").arg(frames++));
    };
    std::unique_ptr<QSignalSpy> dropped;
    std::unique_ptr<QSignalSpy> failed;
    std::unique_ptr<QSignalSpy> text;
    if (feed) {
        source.setReconnectPolicy(policy);
        dropped = std::make_unique<QSignalSpy>(&source, &MessageSource::dropped);
        failed = std::make_unique<QSignalSpy>(&source, &MessageSource::failed);
        text = std::make_unique<QSignalSpy>(&source, &MessageSource::textReceived);
        source.open();
    } else {
        sink.setReconnectPolicy(policy);
        dropped = std::make_unique<QSignalSpy>(&sink, &OrderedSink::dropped);
        failed = std::make_unique<QSignalSpy>(&sink, &OrderedSink::failed);
        // Every connection gets a new frame to confirm (what was confirmed is not sent again).
        connect(&sink, &OrderedSink::connected, this, sendNext);
        connect(&sink, &OrderedSink::reconnected, this, sendNext);
        sink.open();
    }

    if (!delivers) {
        QTRY_COMPARE_WITH_TIMEOUT(failed->size(), 1, Timeout);
        QCOMPARE(dropped->size(), policy.maxAttempts);
        for (int i = 0; i < dropped->size(); ++i)
            QCOMPARE(dropped->at(i).at(1).toInt(), i + 1);
        QCOMPARE(peer.connections(), 1 + policy.maxAttempts);
        const QString reason = failed->first().at(0).toString();
        QVERIFY2(reason.contains(QStringLiteral("could not be reconnected"))
                     && reason.contains(QStringLiteral("1011")),
                 qPrintable(reason));
        return;
    }
    // Twice as many drops as attempts, each one a new drop (attempt 1), and no failure.
    QTRY_VERIFY_WITH_TIMEOUT(dropped->size() >= 2 * policy.maxAttempts, Timeout);
    QVERIFY(failed->isEmpty());
    for (const QList<QVariant> &args : std::as_const(*dropped))
        QCOMPARE(args.at(1).toInt(), 1);
    if (feed) {
        QVERIFY(text->size() >= 2 * policy.maxAttempts);
        source.close();
    } else {
        QVERIFY(peer.framesReceived() >= 2 * policy.maxAttempts);
        QVERIFY(sink.confirmed() >= quint64(2 * policy.maxAttempts));
        sink.abort();
    }
}

void tst_Reconnector::permanentRefusalIsNotRetried_data()
{
    QTest::addColumn<bool>("feed");
    QTest::addColumn<int>("code");
    QTest::newRow("feed closed with 1008")
        << true << int(QWebSocketProtocol::CloseCodePolicyViolated);
    QTest::newRow("feed closed with 1003")
        << true << int(QWebSocketProtocol::CloseCodeDatatypeNotSupported);
    QTest::newRow("sink closed with 1008")
        << false << int(QWebSocketProtocol::CloseCodePolicyViolated);
}

void tst_Reconnector::permanentRefusalIsNotRetried()
{
    // A wrong path (1008) or data the peer will never take (1003): retrying cannot help, so the
    // connection fails at the first drop, saying why, instead of after every attempt.
    QFETCH(bool, feed);
    QFETCH(int, code);
    DropAfterHandshake peer(DropAfterHandshake::Delivery::SendFrame,
                            QWebSocketProtocol::CloseCode(code));
    QVERIFY(peer.listen());
    WebSocketSource source(peer.url(QStringLiteral("/raw-messages")));
    OrderedSink sink(peer.url(QStringLiteral("/ordered-messages/x")));
    const ReconnectPolicy policy = policyOf(8, 20, 100, 2000);
    std::unique_ptr<QSignalSpy> dropped, failed;
    if (feed) {
        source.setReconnectPolicy(policy);
        dropped = std::make_unique<QSignalSpy>(&source, &MessageSource::dropped);
        failed = std::make_unique<QSignalSpy>(&source, &MessageSource::failed);
        source.open();
    } else {
        sink.setReconnectPolicy(policy);
        dropped = std::make_unique<QSignalSpy>(&sink, &OrderedSink::dropped);
        failed = std::make_unique<QSignalSpy>(&sink, &OrderedSink::failed);
        sink.open();
    }
    QTRY_COMPARE_WITH_TIMEOUT(failed->size(), 1, Timeout);
    QCOMPARE(dropped->size(), 0);
    QCOMPARE(peer.connections(), 1);
    const QString reason = failed->first().at(0).toString();
    QVERIFY2(reason.contains(QString::number(code)) && reason.contains(QStringLiteral("go away")),
             qPrintable(reason));
}

void tst_Reconnector::handshakeErrorsInPlainWords_data()
{
    QTest::addColumn<QByteArray>("answer"); // the server's HTTP answer to the upgrade
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("words");
    QTest::newRow("401") << QByteArray("HTTP/1.1 401 Unauthorized") << "ws"
                         << "the server refused the connection: HTTP 401 Unauthorized";
    QTest::newRow("404") << QByteArray("HTTP/1.1 404 Not Found") << "ws"
                         << "the server refused the connection: HTTP 404 Not Found";
    QTest::newRow("503") << QByteArray("HTTP/1.1 503 Service Unavailable") << "ws"
                         << "HTTP 503 Service Unavailable";
    QTest::newRow("wss to a plain server") << QByteArray("HTTP/1.1 400 Bad Request") << "wss"
                                           << "use ws:// instead of wss://";
}

void tst_Reconnector::handshakeErrorsInPlainWords()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, scheme);
    QFETCH(QString, words);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server, answer] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, answer] {
            s->readAll();
            s->write(answer + "\r\nContent-Length: 0\r\n\r\n");
        });
    });
    WebSocketSource source(QUrl(
        QStringLiteral("%1://127.0.0.1:%2/raw-messages").arg(scheme).arg(server.serverPort())));
    source.setConnectTimeoutMs(30000);
    QSignalSpy failed(&source, &MessageSource::failed);
    QElapsedTimer clock;
    clock.start();
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    // Said at once, not at the handshake's deadline, and without Qt's internal names.
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    const QString reason = failed.first().at(0).toString();
    QVERIFY2(reason.contains(words), qPrintable(reason));
    QVERIFY2(!reason.contains(QStringLiteral("QWebSocket")), qPrintable(reason));
}

QTEST_GUILESS_MAIN(tst_Reconnector)
#include "tst_reconnector.moc"
