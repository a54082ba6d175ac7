#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A capture (docs/PROTOCOL.md, "Captures"): the frames of a run's feed exactly as they arrived,
// with their arrival times, and what happened to the feed's connection.
namespace CaptureFormat {
constexpr char Name[] = "reorder-capture";
constexpr int Version = 1;
} // namespace CaptureFormat

// The first line of a capture: what it is, where its frames came from, with which settings.
struct CaptureHeader
{
    int version = CaptureFormat::Version;
    QString source; // the feed (URL without password, or Redis channel or stream)
    QDateTime startedAt;
    QJsonObject settings; // the run's settings, as the report writes them

    QJsonObject toJson() const;
};

// One line after the header.
struct CaptureEntry
{
    enum class Kind : quint8 {
        Text, // a text frame, `text` exactly as it arrived
        Binary, // a binary frame, `bytes`
        Opened, // the feed's connection was made
        Closed, // the feed closed: `code` (1000 = complete) and `reason`
        Dropped, // the feed's connection was lost: `reason`; it is reconnected
        Reconnected,
    };

    Kind kind = Kind::Text;
    qint64 atUs = 0; // since the run started
    QString text;
    QByteArray bytes;
    int code = 0;
    QString reason;

    bool isFrame() const { return kind == Kind::Text || kind == Kind::Binary; }
};
