#include "orderedsink.h"

#include <QtEndian>

namespace {

// Keep the socket's own buffer short so a slow sink queues here, where frames are counted.
constexpr qint64 WriteBufferLimit = 8 * 1024 * 1024;
constexpr quint64 FramesPerPump = 4096;
// A ping after this many frames (or bytes) written: the sink confirms in steps this small, so a
// slow sink is seen making progress (the drain waits for it) rather than silent until its whole
// backlog is read.
constexpr quint64 FramesPerPing = 1024;
constexpr quint64 BytesPerPing = 256 * 1024;
constexpr int PingIntervalMs = 50;
// Past this many bytes held for the sink, frames that wait are kept as UTF-8: half the memory of
// UTF-16 for ASCII, paid for by a conversion only while the sink is behind.
constexpr quint64 CompactAfterBytes = 4 * 1024 * 1024;
// What one held frame costs beyond its text: the queue's entry and the allocation's header.
constexpr quint64 BytesPerFrame = 64;

QByteArray encodeCount(quint64 n)
{
    QByteArray payload(8, Qt::Uninitialized);
    qToBigEndian(n, payload.data());
    return payload;
}

} // namespace

OrderedSink::OrderedSink(const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) // children move with us
    , m_dialer(&m_socket, this)
    , m_reconnector(this)
    , m_pingTimer(this)
    , m_finishTimer(this)
{
    m_finishTimer.setSingleShot(true);
    m_pingTimer.setInterval(PingIntervalMs);
    connect(&m_socket, &QWebSocket::connected, this, &OrderedSink::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &OrderedSink::onDisconnected);
    connect(&m_dialer, &WebSocketDialer::attemptEnded, this, &OrderedSink::onAttemptEnded);
    connect(&m_dialer, &WebSocketDialer::certificateErrorsIgnored, this,
            &OrderedSink::certificateErrorsIgnored);
    connect(&m_socket, &QWebSocket::pong, this, &OrderedSink::onPong);
    connect(&m_socket, &QWebSocket::bytesWritten, this, [this] {
        if (m_cursor < m_total)
            pump();
    });
    connect(&m_reconnector, &Reconnector::retryDue, this, &OrderedSink::connectSocket);
    connect(&m_pingTimer, &QTimer::timeout, this, &OrderedSink::pingIfBehind);
    connect(&m_finishTimer, &QTimer::timeout, this, &OrderedSink::onDrainStalled);
}

OrderedSink::~OrderedSink()
{
    // The socket goes after the rest of us (it is declared first) and says "disconnected" while
    // it goes: neither we nor the dialer are there to hear it.
    m_socket.disconnect();
}

void OrderedSink::open()
{
    if (m_state == State::Idle)
        connectSocket();
}

void OrderedSink::connectSocket()
{
    m_state = State::Connecting;
    m_dialer.dial(m_url);
}

bool OrderedSink::socketFull() const
{
    return m_socket.bytesToWrite() > WriteBufferLimit;
}

bool OrderedSink::send(const QString &frame)
{
    if (m_state == State::Done || m_finishing)
        return false;
    if (m_bytes > CompactAfterBytes) {
        QByteArray utf8 = frame.toUtf8();
        utf8.squeeze(); // toUtf8() reserves three bytes per character
        m_bytes += BytesPerFrame + quint64(utf8.capacity());
        m_frames.emplace_back(std::move(utf8));
    } else {
        m_bytes += bytesOf(frame);
        m_frames.emplace_back(frame);
    }
    ++m_total;
    // Fast path: connected, nothing waiting ahead of this frame, room in the socket.
    if (m_state == State::Connected && m_cursor + 1 == m_total && !socketFull()) {
        writeAt(m_cursor++);
        m_written = m_total;
        trimReplay();
        return true;
    }
    if (m_state == State::Connected && !m_pumpScheduled) {
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, &OrderedSink::pump);
    }
    return false;
}

void OrderedSink::trimReplay()
{
    // Give up protecting the oldest written frames rather than grow without bound. Frames not
    // yet written are never dropped: m_base never passes the write cursor.
    while (m_written - m_base > ReplayLimit && m_base < m_cursor) {
        popFront();
        if (m_base >= m_confirmed)
            ++m_unprotected;
        ++m_base;
    }
}

quint64 OrderedSink::bytesOf(const Frame &frame)
{
    // What is allocated, not what is used: that is what the budget bounds.
    if (const QString *text = std::get_if<QString>(&frame))
        return BytesPerFrame + quint64(text->capacity()) * sizeof(QChar);
    return BytesPerFrame + quint64(std::get<QByteArray>(frame).capacity());
}

void OrderedSink::popFront()
{
    m_bytes -= bytesOf(m_frames.front());
    m_frames.pop_front();
}

void OrderedSink::writeAt(quint64 index)
{
    const Frame &frame = m_frames[std::size_t(index - m_base)];
    if (const QString *text = std::get_if<QString>(&frame)) {
        m_socket.sendTextMessage(*text);
        m_bytesSincePing += quint64(text->size());
    } else {
        const QByteArray &utf8 = std::get<QByteArray>(frame);
        m_socket.sendTextMessage(QString::fromUtf8(utf8));
        m_bytesSincePing += quint64(utf8.size());
    }
    pingIfDue();
}

void OrderedSink::pump()
{
    m_pumpScheduled = false;
    if (m_state != State::Connected)
        return;
    const quint64 firstNew = std::max(m_cursor, m_written);
    quint64 n = 0;
    while (m_cursor < m_total && n < FramesPerPump && !socketFull()) {
        if (m_cursor < m_written)
            ++m_resent;
        writeAt(m_cursor++);
        ++n;
    }
    if (m_cursor > m_written) {
        const quint64 fresh = m_cursor - firstNew;
        m_written = m_cursor;
        Q_EMIT backlogWritten(firstNew, fresh);
    }
    if (n > 0)
        trimReplay(); // the batch's tail is confirmed by the next ping (the timer's at the latest)
    if (m_cursor < m_total && !socketFull() && !m_pumpScheduled) {
        // More to write: continue after the event loop has had a turn.
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, &OrderedSink::pump);
    }
    // Otherwise bytesWritten() resumes the pump.
    maybeClose();
}

void OrderedSink::pingIfDue()
{
    if (m_cursor - m_lastPinged >= FramesPerPing || m_bytesSincePing >= BytesPerPing)
        sendPing();
}

void OrderedSink::pingIfBehind()
{
    if (m_cursor > m_lastPinged || (m_cursor > m_confirmed && m_pingsInFlight == 0))
        sendPing();
}

void OrderedSink::sendPing()
{
    if (m_state != State::Connected || m_cursor <= m_confirmed)
        return;
    m_lastPinged = m_cursor;
    m_bytesSincePing = 0;
    ++m_pingsInFlight;
    m_socket.ping(encodeCount(m_cursor));
}

void OrderedSink::onPong(quint64, const QByteArray &payload)
{
    if (payload.size() != 8)
        return;
    if (m_pingsInFlight > 0)
        --m_pingsInFlight;
    const quint64 upTo = std::min(qFromBigEndian<quint64>(payload.constData()), m_cursor);
    if (upTo > m_confirmed) {
        m_reconnector.delivered();
        m_confirmed = upTo;
        while (m_base < m_confirmed) {
            popFront();
            ++m_base;
        }
        if (m_finishing)
            m_finishTimer.start(); // progress: the drain waits as long as the sink moves
        Q_EMIT confirmedChanged(m_confirmed);
    } else if (m_pingsInFlight > 0) {
        return;
    }
    maybeClose(); // the last pong may be all that the close waited for
}

void OrderedSink::finish(int noProgressMs)
{
    if (m_finishing || m_state == State::Done)
        return;
    m_finishing = true;
    m_finishTimer.start(noProgressMs);
    if (m_state == State::Idle)
        connectSocket(); // a batch run whose sink was never needed until now
    else if (m_state == State::Connected)
        pump();
}

void OrderedSink::maybeClose()
{
    if (!m_finishing || m_state != State::Connected)
        return;
    if (m_cursor < m_total)
        return;
    if (m_confirmed < m_total) {
        pingIfBehind();
        return;
    }
    // Qt closes the TCP connection right after its close frame. A pong still on its way would
    // then meet a closed socket, and the peer's kernel, answered with a reset, may discard our
    // close frame unread (the sink sees 1006 instead of 1000): close only when no pong is due.
    if (m_pingsInFlight > 0)
        return;
    m_state = State::Closing;
    m_pingTimer.stop();
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
}

void OrderedSink::onDrainStalled()
{
    const QString reason =
        tr("the sink confirmed nothing for %1 s (--drain-timeout): %2 of %3 frames were not "
           "confirmed")
            .arg(m_finishTimer.interval() / 1000.0)
            .arg(m_total - m_confirmed)
            .arg(m_total);
    abort();
    Q_EMIT gaveUp(reason);
}

void OrderedSink::abort()
{
    m_state = State::Done;
    m_dialer.cancel();
    m_reconnector.cancel();
    m_pingTimer.stop();
    m_finishTimer.stop();
    m_socket.abort();
}

void OrderedSink::onConnected()
{
    m_dialer.cancel();
    if (m_state != State::Connecting)
        return;
    m_state = State::Connected;
    // Restored once the sink confirms something or the connection stays up; a sink that closes
    // right after every handshake uses up the attempts instead.
    m_reconnector.connectionUp();
    m_cursor = m_base; // after a drop, everything unconfirmed still held goes again
    m_lastPinged = m_cursor;
    m_bytesSincePing = 0;
    m_pingsInFlight = 0; // pongs do not outlive their connection
    m_pingTimer.start();
    if (m_everConnected) {
        Q_EMIT reconnected();
    } else {
        m_everConnected = true;
        Q_EMIT connected();
    }
    pump();
    maybeClose(); // finishing with nothing to send
}

void OrderedSink::onAttemptEnded()
{
    if (m_state == State::Connecting)
        onDisconnected();
}

void OrderedSink::onDisconnected()
{
    m_dialer.cancel();
    m_pingTimer.stop();
    if (m_state == State::Closing) {
        m_reconnector.cancel();
        m_state = State::Done;
        m_finishTimer.stop();
        Q_EMIT finished();
        return;
    }
    if (m_state != State::Connecting && m_state != State::Connected)
        return;

    QString reason = m_dialer.lastError();
    if (reason.isEmpty()) {
        const QString why = m_socket.closeReason();
        reason = m_socket.closeCode() == QWebSocketProtocol::CloseCodeNormal ? tr("connection lost")
            : why.isEmpty()
            ? tr("closed by the sink with code %1").arg(int(m_socket.closeCode()))
            : tr("closed by the sink with code %1 (%2)").arg(int(m_socket.closeCode())).arg(why);
    }
    if (!m_everConnected) {
        fail(tr("cannot connect to %1: %2")
                 .arg(m_url.toDisplayString(QUrl::RemovePassword), reason));
        return;
    }
    const bool permanent =
        m_dialer.lastErrorIsPermanent() || WebSocketDialer::isPermanent(m_socket.closeCode());
    if (!permanent && m_reconnector.scheduleRetry()) {
        m_state = State::WaitingToReconnect;
        Q_EMIT dropped(reason, m_reconnector.attempt());
        return;
    }
    fail(tr("the sink %1 dropped and could not be reconnected: %2")
             .arg(m_url.toDisplayString(QUrl::RemovePassword), reason));
}

void OrderedSink::fail(const QString &reason)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_dialer.cancel();
    m_reconnector.cancel();
    m_pingTimer.stop();
    m_finishTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(0, this, [this] { m_socket.abort(); });
    Q_EMIT failed(reason);
}
