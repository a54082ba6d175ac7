#pragma once

#include "runconfig.h"

#include <QCoreApplication>
#include <QString>

class MessageSource;
class OrderedSink;
class QObject;

/*!
    Builds a run's two ends from its configuration: the feed (a WebSocket, or a Redis channel or
    stream) and the sink (SEND_URL). A new kind of source is one more case here (see
    docs/ARCHITECTURE.md, "Adding a source").
*/
class RunEndpoints final
{
    Q_DECLARE_TR_FUNCTIONS(RunEndpoints)

public:
    // The feed, not yet opened; nullptr with *problem set when the configuration is unusable.
    static MessageSource *createSource(const RunConfig &config, QObject *parent, QString *problem);
    // The sink, not yet opened; nullptr without a problem when the run forwards nowhere.
    static OrderedSink *createSink(const RunConfig &config, QObject *parent, QString *problem);
};
