#pragma once

#include "websockethandshake.h"

#include <QByteArray>
#include <QObject>
#include <QStringDecoder>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QAbstractSocket;
class QSslError;

/*!
    A WebSocket client (RFC 6455) that reads the protocol from the socket's bytes itself, for
    the feed. Qt 6.4's QWebSocket decodes each text frame on its own and drops a byte order
    mark that starts one; here a text message is decoded whole, keeping every U+FEFF, and
    anything that is not UTF-8 fails the connection (1007).

    One connection at a time: open() dials (ws:// or wss://) within the timeout, makes the
    Upgrade handshake and says connected(); every message follows as textReceived() or
    binaryReceived(); pings are answered; disconnected() comes once for each open(), whether
    it connected or not, and errorString(), peerClosed() and closeCode() then say how it
    ended. The reader fails the connection itself (a close frame, then TCP closed) on a
    protocol error (1002), text that is not UTF-8 (1007) or a message over the limit (1009).

    setPaused() stops both the delivery of messages, at once, and the reading of the socket, so
    that TCP holds the server back: the socket reads ahead a bounded amount, and the kernel's
    receive window is fixed. Lives in one thread; signals are emitted from it.
*/
class WebSocketReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketReader)

public:
    enum class State : quint8 { Unconnected, Connecting, Open, Closing };
    // After our close frame, how long the server has to answer with its own.
    static constexpr int CloseTimeoutMs = 2000;
    // Messages delivered in one turn of the event loop, at most: what the socket read in one go
    // can be 20,000 frames, and the thread's timers (the window's batches every 50 ms) must fire
    // between turns even when the feed never pauses.
    static constexpr int MessagesPerTurn = 2048;

    explicit WebSocketReader(QObject *parent = nullptr);
    ~WebSocketReader() override;

    // Certificate errors: ignored (exactly those reported) when insecure, refused otherwise.
    void setInsecure(bool insecure) { m_insecure = insecure; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Offered in each handshake; subprotocol() says which one the server took.
    void setSubprotocols(const QStringList &protocols) { m_subprotocols = protocols; }
    // A message longer than this fails the connection with 1009, as soon as a frame's header
    // says so.
    void setMaxMessageBytes(quint64 bytes) { m_maxMessageBytes = bytes; }
    // The kernel's receive buffer, set on each connection (0: the system's own, autotuned).
    void setReceiveWindowBytes(int bytes) { m_receiveWindowBytes = bytes; }
    // While paused, what the socket may still read ahead from the kernel.
    void setPausedReadAheadBytes(qint64 bytes) { m_pausedReadAhead = bytes; }

    // A new connection; the last one, if any, is dropped without a word.
    void open(const QUrl &url);
    // The close handshake: our close frame, then the server's, then TCP closes. Connecting:
    // abort() instead. disconnected() follows.
    void close(int code = 1000, const QString &reason = QString());
    // Drops the connection at once; disconnected() is emitted before this returns.
    void abort();
    // Holds across connections until lifted. Messages already read wait here meanwhile.
    void setPaused(bool paused);
    // A text message of ours (masked); false when not open.
    bool sendText(const QString &text);
    // Hands what was written to the kernel now (the process may be about to exit).
    void flush();

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    QString subprotocol() const { return m_handshake.subprotocol(); }
    // How the last connection or attempt ended: the first error in words (empty when none),
    // and whether trying again cannot help (refused by HTTP 4xx, a handshake that is not
    // WebSocket, TLS that cannot be agreed on).
    QString errorString() const { return m_error; }
    bool errorIsPermanent() const { return m_permanent; }
    // The server closed first with a close frame: its code (1000 when it gave none) and reason.
    bool peerClosed() const { return m_peerClosed; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

Q_SIGNALS:
    void connected();
    void textReceived(const QString &text);
    void binaryReceived(const QByteArray &bytes);
    void disconnected();
    // Insecure, and these certificate errors were ignored: the connection is not authenticated.
    void certificateErrorsIgnored(const QStringList &errors);

private:
    void onSocketConnected();
    void onReadyRead();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketUnconnected();
    void onDeadline();

    // Reads and handles what the socket holds, until paused or nothing is left.
    void drain();
    void scheduleDrain();
    void readSocket();
    void handleFrames();
    // false once the frame ended the connection or changed it.
    bool handleFrame(quint8 opcode, bool final, QByteArrayView payload);
    bool deliver(quint8 opcode, QByteArrayView payload);
    bool handleClose(QByteArrayView payload);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void sendClose(int code, const QString &reason);
    // Fails the connection (RFC 6455 7.1.7): our close frame with `code`, then TCP closed.
    void fail(int code, const QString &words);
    void failProtocol(const QString &what); // 1002
    void keepError(const QString &words, bool permanent);
    void endConnection();
    void dropSocket();

    QAbstractSocket *m_socket = nullptr; // a child; a new one for each connection
    WebSocketHandshake m_handshake;
    QStringDecoder m_decoder;
    QTimer m_deadline;
    QTimer m_closeTimer;
    QUrl m_url;
    QStringList m_subprotocols;
    State m_state = State::Unconnected;

    QByteArray m_in; // read from the socket, not handled yet from m_at on
    qsizetype m_at = 0;
    QByteArray m_message; // a fragmented message so far
    quint8 m_messageOpcode = 0;
    bool m_fragmented = false;

    QString m_error;
    QString m_socketError; // the socket's first error, until the connection ends
    QString m_closeReason;
    int m_closeCode = 0;
    bool m_permanent = false;
    bool m_socketErrorPermanent = false;
    bool m_peerClosed = false;
    bool m_closeSent = false;
    bool m_paused = false;
    bool m_drainQueued = false;
    bool m_endPending = false; // the socket closed while paused with data left to handle
    bool m_inputDone = false; // a close frame came or went: nothing more is read
    bool m_handling = false; // in drain(): not again from a handler
    int m_turnBudget = 0; // messages this turn may still deliver
    quint64 m_serial = 0; // counts connections, so that a handler's open() is noticed

    bool m_insecure = false;
    int m_timeoutMs = 10000;
    int m_receiveWindowBytes = 0;
    qint64 m_pausedReadAhead = 1024 * 1024;
    quint64 m_maxMessageBytes = 16 * 1024 * 1024;
};
