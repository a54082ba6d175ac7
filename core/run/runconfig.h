#pragma once

#include "protocol/messagecodec.h"
#include "redis/redisaddress.h"
#include "reorder/reorderbuffer.h"
#include "transport/reconnectpolicy.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

// Where a run's frames come from.
enum class FeedKind : quint8 {
    WebSocket, // feedUrl
    Redis, // redis: a channel or a stream (see RedisSource)
    Capture, // replayPath: a recorded capture played back (see CaptureSource)
};

// What a feed that cannot be paused (a Redis channel) does once the sink's backlog is over its
// byte budget.
enum class BacklogOverflow : quint8 {
    Drop, // drop what arrives, counted exactly, with its ids (the verdict FAILs)
    EndRun, // end the run there
};

// Everything a run needs to know; built by the command line or by the window.
struct RunConfig
{
    FeedKind feedKind = FeedKind::WebSocket;
    QUrl feedUrl; // ws:// or wss:// (FeedKind::WebSocket)
    RedisFeedConfig redis; // FeedKind::Redis; the password may also come from REDIS_PASSWORD
    QString replayPath; // FeedKind::Capture
    double replaySpeed = 1; // FeedKind::Capture: the recorded pace times this; 0 = at once
    QUrl sinkUrl; // empty: release in order but forward nowhere
    // Record the feed as it arrives into this capture ("": no capture); past captureMaxBytes
    // (0: no cap) recording stops and the run goes on.
    QString capturePath;
    quint64 captureMaxBytes = 0;
    ReorderMode mode = ReorderMode::Stream;
    qint64 window = DefaultWindow;
    // --window auto (stream mode): W follows the feed's disorder between 1 and maxWindow
    // (AdaptiveWindow); `window` is then unused.
    bool autoWindow = false;
    qint64 maxWindow = DefaultMaxWindow;
    qint64 maxHoldMs = 0; // 0 = off
    std::optional<qint64> startId;
    quint64 count = 0; // end after this many accepted messages; 0 = until the feed closes
    qsizetype maxFrameBytes = MessageCodec::DefaultMaxFrameBytes;
    // Batch mode: flush when the feed ends. The window turns this off so the operator flushes.
    bool flushAtEnd = true;
    // Keep every message's arrival and release as events (for the window and the CSV).
    bool recordEvents = false;
    // Keep the messages' ids in arrival order with their times, for the what-if advisor (a few
    // bytes a message, up to arrivalLogBytes; past it the advisor sees the first ones).
    bool keepArrivals = false;
    std::size_t arrivalLogBytes = std::size_t(64) << 20;
    // Give up on a connection handshake after this long.
    int connectTimeoutMs = 10000;
    // After the last frame, wait for the sink to confirm and close as long as it makes progress;
    // give up after this long without any.
    int drainTimeoutMs = DefaultDrainTimeoutMs;
    ReconnectPolicy feedReconnect;
    ReconnectPolicy sinkReconnect;
    // Accept certificate errors on wss:// (only when the operator asks for it).
    bool insecure = false;
    // The exit status counts a WARN as a failure (--strict).
    bool strict = false;
    // End the run when nothing moved for this long: no frame from the feed and no confirmation
    // from the sink (time spent reconnecting the feed excluded). 0 = wait forever.
    int idleTimeoutMs = DefaultIdleTimeoutMs;
    // Batch mode holds the whole run: past this estimate of the memory held, stop reading the
    // feed, send what is held, and say so (stream mode needs only O(window)).
    quint64 batchMemoryBytes = DefaultBatchMemoryBytes;

    // Flow control: past this many frames, or this many bytes, that the sink has not confirmed,
    // the feed is paused until the sink is down to a quarter of both. A feed that cannot be
    // paused is treated per backlogOverflow past the bytes.
    quint64 sinkHighWater = DefaultSinkHighWater;
    quint64 maxBacklogBytes = DefaultMaxBacklogBytes;
    BacklogOverflow backlogOverflow = BacklogOverflow::Drop;

    // The reorder buffer's own default window; the command line and the window accept 1..Max.
    static constexpr qint64 DefaultWindow = ReorderConfig {}.window;
    static constexpr qint64 MaxWindow = qint64(1) << 30;
    static constexpr qint64 DefaultMaxWindow = 65536;
    static constexpr int DefaultIdleTimeoutMs = 60000;
    static constexpr quint64 DefaultSinkHighWater = 262144;
    static constexpr quint64 DefaultBatchMemoryBytes = quint64(512) << 20;
    static constexpr quint64 DefaultMaxBacklogBytes = quint64(256) << 20;
    static constexpr int DefaultDrainTimeoutMs = 15000;

    ReorderConfig reorderConfig() const;
    // "auto" (AutoWindow) or a W from 1 to MaxWindow, as typed; nothing when it is neither.
    static std::optional<qint64> windowFromText(const QString &text);
    static constexpr qint64 AutoWindow = 0;
    // The window in words: "1024", or "auto (at most 65536)".
    QString windowDescription() const;
    // A usable SEND_URL is set: the run forwards what it orders.
    bool forwards() const { return sinkUrl.isValid() && !sinkUrl.isEmpty(); }
    // --insecure with a wss:// feed or sink: that connection is not authenticated.
    bool certificateChecksOff() const;
    // "drop" or "end", as --on-overflow names them.
    static QString overflowName(BacklogOverflow overflow);
    // The feed in words, for reports and captures (never with a password).
    QString feedDescription() const;
};

// Checks URLs where they enter: as typed in the window, or given on the command line.
class UrlCheck final
{
    Q_DECLARE_TR_FUNCTIONS(UrlCheck)

public:
    // An empty string when `text` is a usable ws:// or wss:// URL, else the reason in words.
    static QString webSocketProblem(const QString &text);
    static QString modeName(ReorderMode mode);
};

Q_DECLARE_METATYPE(RunConfig)
