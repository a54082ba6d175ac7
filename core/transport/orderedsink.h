#pragma once

#include "reconnector.h"
#include "websocketdialer.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <deque>
#include <variant>

/*!
    Sends the ordered frames to SEND_URL, each one as one text frame with its exact text.

    Frames are numbered in the order given to send(). They queue while the sink connects, and
    whenever the socket's write buffer is full. A WebSocket has no acknowledgements, so the sink
    pings: a pong confirms every frame written before its ping (frames on one connection are read
    in order). Pings go every 1,024 frames or 256 KiB, or 50 ms after frames were written, never
    in bursts: some servers close a connection that sends many pings at once (Node's ws, past 60
    pongs it has not written yet). Unconfirmed frames stay in a replay queue; after a drop the
    sink reconnects and writes them again, in order, before the rest: delivery is at least once,
    and resent() says how many frames a receiver may have seen twice.

    finish() waits until every frame is confirmed, then closes with a close handshake; it gives
    up when the sink confirms nothing for a while. What is held is counted in bytes too
    (unconfirmedBytes()): frames that wait while the sink is far behind are kept as UTF-8.
*/
class OrderedSink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderedSink)

public:
    explicit OrderedSink(const QUrl &url, QObject *parent = nullptr);
    ~OrderedSink() override;

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnector.setPolicy(policy); }
    void setInsecure(bool insecure) { m_dialer.setInsecure(insecure); }
    void setConnectTimeoutMs(int ms) { m_dialer.setTimeoutMs(ms); }

    void open();
    // Queues the next frame; true when it was written to the socket at once.
    bool send(const QString &frame);
    // No more frames will come: confirm everything, close, then finished(); gaveUp() when the
    // sink confirmed nothing for noProgressMs; failed() when it is lost for good.
    void finish(int noProgressMs);
    void abort();

    QUrl url() const { return m_url; }
    bool isConnected() const { return m_state == State::Connected; }
    quint64 unconfirmed() const { return m_total - m_confirmed; } // held in memory, at most
    quint64 unconfirmedBytes() const { return m_bytes; } // what those frames take
    quint64 written() const { return m_written; } // written at least once
    quint64 confirmed() const { return m_confirmed; }
    quint64 resent() const { return m_resent; }
    quint64 unprotected() const { return m_unprotected; }

Q_SIGNALS:
    void connected();
    // Frames [first, first + count) were written for the first time, after waiting in the queue.
    void backlogWritten(quint64 first, quint64 count);
    void confirmedChanged(quint64 confirmed);
    void dropped(const QString &reason, int attempt);
    void reconnected();
    void finished();
    // The drain gave up: the sink stopped confirming (the frames it did not confirm are lost to
    // it; the reason says how many).
    void gaveUp(const QString &reason);
    void failed(const QString &reason);
    // setInsecure(true) and a handshake's certificate errors were ignored.
    void certificateErrorsIgnored(const QStringList &errors);

private:
    enum class State { Idle, Connecting, Connected, WaitingToReconnect, Closing, Done };

    void connectSocket();
    void onConnected();
    void onDisconnected();
    void onPong(quint64 elapsed, const QByteArray &payload);
    void onAttemptEnded();
    void pump();
    void writeAt(quint64 index);
    void trimReplay();
    // A ping when enough was written since the last one (after each write).
    void pingIfDue();
    // A ping when frames wait for confirmation that no ping in flight covers (the timer, the
    // drain): never a second ping for the same frames while the first is unanswered.
    void pingIfBehind();
    void sendPing();
    void maybeClose();
    void onDrainStalled();
    void fail(const QString &reason);
    bool socketFull() const;

    QUrl m_url;
    QWebSocket m_socket;
    WebSocketDialer m_dialer;
    Reconnector m_reconnector; // restored by a pong that confirms frames
    QTimer m_pingTimer;
    QTimer m_finishTimer;
    State m_state = State::Idle;
    bool m_everConnected = false;
    bool m_finishing = false;
    bool m_pumpScheduled = false;

    // A frame's text, or the same text as UTF-8 (see CompactAfterBytes in the .cpp).
    using Frame = std::variant<QString, QByteArray>;
    static quint64 bytesOf(const Frame &frame);
    void popFront();

    // Frames [m_base, m_total): m_frames[i - m_base] is frame i. Below m_base a frame is either
    // confirmed or was written and then evicted from the replay queue (unprotected).
    std::deque<Frame> m_frames;
    quint64 m_bytes = 0; // what m_frames holds
    quint64 m_base = 0;
    quint64 m_confirmed = 0;
    quint64 m_cursor = 0; // next frame to write on this connection
    quint64 m_written = 0; // frames below this were written at least once
    quint64 m_total = 0;
    quint64 m_lastPinged = 0;
    quint64 m_bytesSincePing = 0; // characters written since, roughly bytes
    int m_pingsInFlight = 0; // on this connection, not answered yet
    quint64 m_resent = 0;
    quint64 m_unprotected = 0;
    // Past this many written, unconfirmed frames the oldest stop being protected (counted in
    // unprotected()); frames never written are never dropped.
    static constexpr quint64 ReplayLimit = quint64(1) << 21;
};
