#pragma once

#include "runconfig.h"

#include <QString>
#include <QUrl>

#include <optional>

/*!
    What the operator named for a run, each field set only when it was named (on the command
    line): the window puts these over the set-up it remembers, the headless run over RunConfig's
    defaults. A plain value, so that the window takes it without knowing about command lines.
*/
struct RunOverrides
{
    // The feed: a WebSocket URL or a Redis channel or stream; neither: the built-in simulator,
    // whose feed parameters (a query string: count, disorder, ...) may be given too.
    std::optional<QUrl> feedUrl;
    std::optional<RedisFeedConfig> redis;
    std::optional<QString> replayPath; // a capture played back as the feed
    std::optional<double> replaySpeed;
    std::optional<QString> simulatorQuery;
    // Where the ordered messages go. Not named: the built-in simulator's sink when the feed is
    // built in, else nowhere.
    std::optional<QUrl> sinkUrl;
    std::optional<QString> capturePath; // record the feed here

    std::optional<qint64> window;
    std::optional<bool> autoWindow; // --window auto
    std::optional<qint64> maxWindow;
    std::optional<ReorderMode> mode;
    std::optional<qint64> maxHoldMs;
    std::optional<qint64> startId;
    std::optional<quint64> count;
    std::optional<qsizetype> maxFrameBytes;
    std::optional<int> connectTimeoutMs;
    std::optional<int> reconnectAttempts; // the feed's and the sink's
    std::optional<int> idleTimeoutMs;
    std::optional<quint64> batchMemoryBytes;
    std::optional<quint64> maxBacklogBytes;
    std::optional<BacklogOverflow> backlogOverflow;
    std::optional<int> drainTimeoutMs;
    bool insecure = false; // flags: named or not
    bool strict = false;

    bool builtInFeed() const { return !feedUrl && !redis && !replayPath; }
    bool builtInSink() const { return !sinkUrl && builtInFeed(); }

    // `base` with every named field put over it. The built-in simulator's URLs are not known
    // here: whoever starts it fills them in.
    RunConfig appliedTo(RunConfig base) const
    {
        if (feedUrl) {
            base.feedKind = FeedKind::WebSocket;
            base.feedUrl = *feedUrl;
        }
        if (redis) {
            base.feedKind = FeedKind::Redis;
            base.redis = *redis;
        }
        if (replayPath) {
            base.feedKind = FeedKind::Capture;
            base.replayPath = *replayPath;
        }
        base.replaySpeed = replaySpeed.value_or(base.replaySpeed);
        if (sinkUrl)
            base.sinkUrl = *sinkUrl;
        if (capturePath)
            base.capturePath = *capturePath;
        base.window = window.value_or(base.window);
        base.autoWindow = autoWindow.value_or(base.autoWindow);
        base.maxWindow = maxWindow.value_or(base.maxWindow);
        base.mode = mode.value_or(base.mode);
        base.maxHoldMs = maxHoldMs.value_or(base.maxHoldMs);
        if (startId)
            base.startId = startId;
        base.count = count.value_or(base.count);
        base.maxFrameBytes = maxFrameBytes.value_or(base.maxFrameBytes);
        base.connectTimeoutMs = connectTimeoutMs.value_or(base.connectTimeoutMs);
        if (reconnectAttempts)
            base.feedReconnect.maxAttempts = base.sinkReconnect.maxAttempts = *reconnectAttempts;
        base.idleTimeoutMs = idleTimeoutMs.value_or(base.idleTimeoutMs);
        base.batchMemoryBytes = batchMemoryBytes.value_or(base.batchMemoryBytes);
        base.maxBacklogBytes = maxBacklogBytes.value_or(base.maxBacklogBytes);
        base.backlogOverflow = backlogOverflow.value_or(base.backlogOverflow);
        base.drainTimeoutMs = drainTimeoutMs.value_or(base.drainTimeoutMs);
        base.insecure = base.insecure || insecure;
        base.strict = base.strict || strict;
        return base;
    }
};
