#include "capturearrivals.h"

#include "capture/capturereader.h"
#include "protocol/messagecodec.h"

#include <QJsonObject>

QString CaptureArrivals::read(const QString &path)
{
    CaptureReader reader;
    if (QString error = reader.open(path); !error.isEmpty())
        return error;
    const CaptureHeader &header = reader.header();
    source = header.source;
    const QJsonObject &s = header.settings;
    run = WhatIfRun();
    run.window = s.value(QStringLiteral("window")).toInteger(run.window);
    run.autoWindow = s.value(QStringLiteral("window_auto")).toBool(false);
    run.maxWindow = s.value(QStringLiteral("max_window")).toInteger(run.maxWindow);
    run.maxHoldMs = s.value(QStringLiteral("max_hold_ms")).toInteger(0);
    if (s.value(QStringLiteral("start_id")).isDouble()
        || s.value(QStringLiteral("start_id")).isString())
        run.startId = s.value(QStringLiteral("start_id")).toInteger();
    if (!run.autoWindow && run.window < 1)
        run.window = 1;
    const qsizetype maxFrameBytes = qsizetype(
        s.value(QStringLiteral("max_frame_bytes")).toInteger(MessageCodec::DefaultMaxFrameBytes));

    CaptureEntry entry;
    while (reader.next(&entry)) {
        if (!entry.isFrame())
            continue;
        ++frames;
        if (entry.kind != CaptureEntry::Kind::Text) {
            ++malformed;
            continue;
        }
        const DecodedMessage message = MessageCodec::decode(entry.text, maxFrameBytes);
        if (!message.isValid()) {
            ++malformed;
            continue;
        }
        log.append(message.id, entry.atUs * 1000);
    }
    stopReason = reader.stopReason();
    return QString();
}
