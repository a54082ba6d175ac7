#include "runendpoints.h"

#include "capture/capturesource.h"
#include "redis/redissource.h"
#include "transport/orderedsink.h"
#include "transport/websocketsource.h"

MessageSource *RunEndpoints::createSource(const RunConfig &config, QObject *parent,
                                          QString *problem)
{
    if (config.feedKind == FeedKind::Capture)
        return new CaptureSource(config.replayPath, config.replaySpeed, parent);
    if (config.feedKind == FeedKind::Redis) {
        QString error = config.redis.problem();
        const std::optional<RedisAddress> address = error.isEmpty()
            ? RedisAddress::fromUrl(config.redis.url, qEnvironmentVariable("REDIS_PASSWORD"),
                                    &error)
            : std::nullopt;
        if (!address) {
            *problem = tr("Redis: %1").arg(error);
            return nullptr;
        }
        auto *source = new RedisSource(*address, config.redis, parent);
        source->setReconnectPolicy(config.feedReconnect);
        source->setConnectTimeoutMs(config.connectTimeoutMs);
        return source;
    }
    if (const QString error = UrlCheck::webSocketProblem(config.feedUrl.toString());
        !error.isEmpty()) {
        *problem = tr("WS_URL: %1").arg(error);
        return nullptr;
    }
    auto *source = new WebSocketSource(config.feedUrl, parent);
    source->setReconnectPolicy(config.feedReconnect);
    source->setInsecure(config.insecure);
    source->setConnectTimeoutMs(config.connectTimeoutMs);
    return source;
}

OrderedSink *RunEndpoints::createSink(const RunConfig &config, QObject *parent, QString *problem)
{
    if (!config.forwards())
        return nullptr;
    if (const QString error = UrlCheck::webSocketProblem(config.sinkUrl.toString());
        !error.isEmpty()) {
        *problem = tr("SEND_URL: %1").arg(error);
        return nullptr;
    }
    auto *sink = new OrderedSink(config.sinkUrl, parent);
    sink->setReconnectPolicy(config.sinkReconnect);
    sink->setInsecure(config.insecure);
    sink->setConnectTimeoutMs(config.connectTimeoutMs);
    return sink;
}
