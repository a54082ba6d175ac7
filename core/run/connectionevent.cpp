#include "connectionevent.h"

#include "runtiming.h"

namespace {

QString endpointName(ConnectionEvent::Endpoint endpoint)
{
    return endpoint == ConnectionEvent::Endpoint::Feed ? QStringLiteral("feed")
                                                       : QStringLiteral("sink");
}

QString kindKey(ConnectionEvent::Kind kind)
{
    switch (kind) {
    case ConnectionEvent::Kind::Dropped:
        return QStringLiteral("dropped");
    case ConnectionEvent::Kind::AttemptFailed:
        return QStringLiteral("attempt_failed");
    case ConnectionEvent::Kind::Reconnected:
        return QStringLiteral("reconnected");
    }
    return QString();
}

} // namespace

QJsonObject ConnectionEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("endpoint"), endpointName(endpoint));
    o.insert(QStringLiteral("event"), kindKey(kind));
    o.insert(QStringLiteral("at_ms"), Duration::ms(atNs));
    if (kind == Kind::Reconnected) {
        o.insert(QStringLiteral("down_ms"), Duration::ms(downNs));
    } else {
        o.insert(QStringLiteral("attempt"), attempt);
        o.insert(QStringLiteral("reason"), reason);
    }
    return o;
}

QString ConnectionEvent::text() const
{
    const QString at = Duration::seconds(atNs);
    const bool feed = endpoint == Endpoint::Feed;
    switch (kind) {
    case Kind::Dropped:
        return feed ? tr("%1 s: the feed dropped (%2); reconnecting, attempt %3")
                          .arg(at, reason)
                          .arg(attempt)
                    : tr("%1 s: the sink dropped (%2); reconnecting, attempt %3; unconfirmed "
                         "frames will be sent again")
                          .arg(at, reason)
                          .arg(attempt);
    case Kind::AttemptFailed:
        return feed
            ? tr("%1 s: reconnecting the feed failed (%2); attempt %3").arg(at, reason).arg(attempt)
            : tr("%1 s: reconnecting the sink failed (%2); attempt %3")
                  .arg(at, reason)
                  .arg(attempt);
    case Kind::Reconnected:
        return feed ? tr("%1 s: the feed reconnected after %2 s; repeated ids count as "
                         "duplicates")
                          .arg(at, Duration::seconds(downNs))
                    : tr("%1 s: the sink reconnected after %2 s; unconfirmed frames are sent "
                         "again")
                          .arg(at, Duration::seconds(downNs));
    }
    return QString();
}
