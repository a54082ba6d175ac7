#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// A drop or a reconnection of the feed or the sink, timed, for the report and the window.
struct ConnectionEvent
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionEvent)

public:
    enum class Endpoint : quint8 { Feed, Sink };
    enum class Kind : quint8 {
        Dropped, // the connection was lost; reconnecting
        AttemptFailed, // a reconnection attempt failed; trying again
        Reconnected,
    };

    Endpoint endpoint = Endpoint::Feed;
    Kind kind = Kind::Dropped;
    qint64 atNs = 0; // since the run started
    qint64 downNs = 0; // Reconnected: how long the connection was down
    int attempt = 0; // Dropped/AttemptFailed: the attempt about to be made (from 1)
    QString reason; // Dropped/AttemptFailed

    QJsonObject toJson() const;
    // One line for the operator: "12.3 s: the feed dropped (...); reconnecting, attempt 1".
    QString text() const;
};

Q_DECLARE_METATYPE(ConnectionEvent)
