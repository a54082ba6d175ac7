#pragma once

#include "messagesource.h"
#include "reconnector.h"
#include "websocketreader.h"

#include <QTimer>
#include <QUrl>

/*!
    A feed read from a WebSocket (ws:// or wss://). A close frame with code 1000 ends the feed;
    a connection that vanishes (no close frame) or closes with another code is reconnected with
    backoff, per the ReconnectPolicy. A first connection that cannot be made fails at once.
    The protocol is read by WebSocketReader, not QWebSocket: each text frame reaches
    textReceived byte for byte, a leading byte order mark included.

    Certificate errors refuse the connection unless setInsecure(true), which ignores exactly the
    errors reported for that handshake.
*/
class WebSocketSource final : public MessageSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketSource)

public:
    // The reader closes the connection (1009) past this; the run's own frame limit sits far
    // below it.
    static constexpr quint64 HardMessageLimit = 16 * 1024 * 1024;
    // While paused, what the socket may still read ahead from the kernel before TCP holds the
    // feed back.
    static constexpr qint64 PausedReadBufferBytes = 1024 * 1024;
    // The kernel's receive buffer for the feed (Linux doubles it; setting it also turns off the
    // kernel's autotuning, which grows it up to tcp_rmem's maximum: 32 MiB on the machine
    // measured). A pause stops the delivery at once, but what the socket read meanwhile waits
    // here; bounding the window bounds that, and how far past the flow-control mark the sink's
    // backlog goes (about 17k small frames instead of up to 650k seen in a 10M soak with
    // QWebSocket), so a long run's memory stays flat. 256 KiB still carries about 5 MB/s at
    // 100 ms round trip; loopback throughput is unchanged.
    static constexpr int ReceiveWindowBytes = 256 * 1024;
    // Acknowledgements go out this long after the first one waiting, or at once this many frames
    // after the last one sent.
    static constexpr int AckIntervalMs = 50;
    static constexpr quint64 AckEveryFrames = 1000;

    explicit WebSocketSource(const QUrl &url, QObject *parent = nullptr);
    ~WebSocketSource() override;

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnector.setPolicy(policy); }
    void setInsecure(bool insecure) { m_reader.setInsecure(insecure); }
    void setConnectTimeoutMs(int ms) { m_reader.setTimeoutMs(ms); }

    void open() override;
    void close() override;
    QString description() const override;
    void setPaused(bool paused) override;
    bool wantsAcknowledgements() const override { return m_acking; }
    void acknowledge(quint64 frames) override;

private:
    // Lingering: closed with acknowledgements on; ended() was emitted, the connection stays.
    enum class State { Idle, Connecting, Connected, WaitingToReconnect, Closing, Lingering, Ended };

    void onText(const QString &frame);
    void onBinary(const QByteArray &frame);
    void onConnected();
    void onDisconnected();
    void connectSocket();
    void finishWith(bool normal, const QString &reason);
    QString disconnectReason() const;
    void sendAck();

    QUrl m_url;
    WebSocketReader m_reader;
    Reconnector m_reconnector; // restored by the first frame of a reconnection
    State m_state = State::Idle;
    bool m_everConnected = false;
    bool m_paused = false; // asked for; kept across reconnections

    // Acknowledgements on the current connection (deliveryack.h).
    bool m_acking = false; // its server accepted the subprotocol
    quint64 m_emitted = 0; // frames emitted over the source's life
    quint64 m_connectionStart = 0; // m_emitted when the current connection came up
    quint64 m_ackWanted = 0; // frames of this connection dealt with, as far as we were told
    quint64 m_ackSent = 0;
    QTimer m_ackTimer;
};
