#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

enum class MalformedReason : quint8 {
    None,
    Empty, // an empty frame
    Binary, // a binary frame where text was expected
    TooLarge, // over the configured frame size limit
    NotJson, // not valid JSON
    NotObject, // valid JSON, but not an object
    NoId, // an object without "id"
    IdNotInteger, // "id" is a string, float, bool, null, array or object
    IdOutOfRange, // "id" is an integer beyond 64 bits
    DuplicateId, // "id" appears twice in the object
    NestedTooDeep, // valid JSON, but nested deeper than MessageCodec::MaxDepth
};
constexpr int MalformedReasonCount = int(MalformedReason::NestedTooDeep) + 1;

// The result of decoding one frame: either a message (id, and where its "text" value lies in the
// frame) or the reason it is malformed. The frame itself is kept by the caller: it is forwarded as
// is, never re-serialised.
struct DecodedMessage
{
    qint64 id = 0;
    qint32 textStart = -1; // position of the raw JSON value of "text" in the frame, -1 if absent
    qint32 textLength = 0;
    MalformedReason reason = MalformedReason::None;

    bool isValid() const { return reason == MalformedReason::None; }
};

/*!
    Decodes feed frames: strict JSON (RFC 8259) with a top-level object holding an integer "id".
    Unknown fields are accepted and kept, since the frame travels as is. One byte order mark
    (U+FEFF) before the JSON text is ignored, as RFC 8259 8.1 allows: such a frame is a valid
    message and is forwarded as it arrived, mark included. Parsing is iterative, so no input
    can exhaust the stack; a document nested deeper than MaxDepth is refused (NestedTooDeep),
    though still read to its end to tell it from one that is not JSON at all. Thread-safe (no
    state).
*/
class MessageCodec final
{
    Q_DECLARE_TR_FUNCTIONS(MessageCodec)

public:
    static constexpr qsizetype DefaultMaxFrameBytes = 64 * 1024;
    static constexpr int MaxDepth = 256;

    static DecodedMessage decode(QStringView frame, qsizetype maxFrameBytes = DefaultMaxFrameBytes);
    // The raw JSON text of the "text" value, or an empty view.
    static QStringView textOf(QStringView frame, const DecodedMessage &message);
    // UTF-8 length of a UTF-16 string, as it travels on the wire.
    static qsizetype utf8Length(QStringView text);

    // Stable machine-readable key ("not_json", ...) for CSV and JSON reports.
    static QString reasonKey(MalformedReason reason);
    // Translated, human-readable wording for the window and the console.
    static QString reasonText(MalformedReason reason);
};
