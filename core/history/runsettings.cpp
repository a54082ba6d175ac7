#include "runsettings.h"

#include "run/runconfig.h"

namespace {

QString feedKindKey(FeedKind kind)
{
    switch (kind) {
    case FeedKind::Redis:
        return QStringLiteral("redis");
    case FeedKind::Capture:
        return QStringLiteral("capture");
    case FeedKind::WebSocket:
        break;
    }
    return QStringLiteral("websocket");
}

} // namespace

QJsonObject RunSettings::toJson(const RunConfig &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("feed_kind"), feedKindKey(c.feedKind));
    o.insert(QStringLiteral("feed"), c.feedDescription());
    o.insert(QStringLiteral("send_url"),
             c.forwards() ? QJsonValue(c.sinkUrl.toDisplayString(QUrl::RemovePassword))
                          : QJsonValue());
    o.insert(QStringLiteral("window"),
             c.autoWindow ? QJsonValue(QStringLiteral("auto")) : QJsonValue(qint64(c.window)));
    if (c.autoWindow)
        o.insert(QStringLiteral("max_window"), qint64(c.maxWindow));
    o.insert(QStringLiteral("mode"), UrlCheck::modeName(c.mode));
    o.insert(QStringLiteral("max_hold_ms"), qint64(c.maxHoldMs));
    o.insert(QStringLiteral("start_id"), c.startId ? QJsonValue(qint64(*c.startId)) : QJsonValue());
    o.insert(QStringLiteral("count"), qint64(c.count));
    o.insert(QStringLiteral("max_frame_bytes"), qint64(c.maxFrameBytes));
    o.insert(QStringLiteral("connect_timeout_ms"), c.connectTimeoutMs);
    o.insert(QStringLiteral("reconnect_attempts"), c.feedReconnect.maxAttempts);
    o.insert(QStringLiteral("idle_timeout_ms"), c.idleTimeoutMs);
    o.insert(QStringLiteral("drain_timeout_ms"), c.drainTimeoutMs);
    o.insert(QStringLiteral("batch_memory_mb"), qint64(c.batchMemoryBytes >> 20));
    o.insert(QStringLiteral("max_backlog_mb"), qint64(c.maxBacklogBytes >> 20));
    o.insert(QStringLiteral("on_overflow"), RunConfig::overflowName(c.backlogOverflow));
    o.insert(QStringLiteral("insecure"), c.insecure);
    o.insert(QStringLiteral("strict"), c.strict);
    if (c.feedKind == FeedKind::Capture) {
        o.insert(QStringLiteral("replay"), c.replayPath);
        o.insert(QStringLiteral("replay_speed"), c.replaySpeed);
    }
    o.insert(QStringLiteral("capture"),
             c.capturePath.isEmpty() ? QJsonValue() : QJsonValue(c.capturePath));
    o.insert(QStringLiteral("capture_max_bytes"), qint64(c.captureMaxBytes));
    return o;
}
