#pragma once

#include "protocol/messagecodec.h"

#include <QList>
#include <QMetaType>
#include <QString>

enum class MessageStatus : quint8 {
    Accepted, // buffered; released later or at once
    Late,
    Duplicate,
    Malformed,
    Dropped, // well-formed, but the sink was over its byte budget and the feed cannot wait
};

// One frame as it arrived. The frame text is shared with the sink's copy, never duplicated.
struct MessageArrival
{
    quint64 index = 0; // arrival index over every frame of the run, from 0
    qint64 id = 0; // meaningless when malformed
    qint64 arrivalNs = 0; // since the run started
    QString frame; // exact text (binary frames: a hex preview)
    qint32 textStart = -1;
    qint32 textLength = 0;
    MessageStatus status = MessageStatus::Accepted;
    MalformedReason reason = MalformedReason::None;

    QStringView text() const
    {
        return MessageCodec::textOf(frame, DecodedMessage {id, textStart, textLength, reason});
    }
};

// An accepted message leaving the buffer, in output order.
struct MessageRelease
{
    quint64 arrivalIndex = 0; // which arrival (MessageArrival::index)
    quint64 outputIndex = 0;
    qint64 distance = 0; // arrival index - output index, both over sent messages
    qint64 releaseNs = 0;
    qint64 holdNs = 0;
    // When written to the sink; Queued until then (a SentUpdate follows); NotForwarded when the
    // run has no sink.
    qint64 sentNs = Queued;

    static constexpr qint64 Queued = -1;
    static constexpr qint64 NotForwarded = -2;
};

// Frames queued while the sink connected, written at sentNs.
struct SentUpdate
{
    quint64 firstOutputIndex = 0;
    quint64 count = 0;
    qint64 sentNs = 0;
};

// What happened since the previous batch, in order: arrivals before the releases they caused.
struct RunEventBatch
{
    QList<MessageArrival> arrivals;
    QList<MessageRelease> releases;
    QList<SentUpdate> sent;

    bool isEmpty() const { return arrivals.isEmpty() && releases.isEmpty() && sent.isEmpty(); }
};

Q_DECLARE_METATYPE(RunEventBatch)
