// libFuzzer target for MessageCodec::decode: no input may crash it, hang it, exhaust the stack
// or make it disagree with itself or with Qt's own JSON parser.
//
// Input: the frame as UTF-8 (what a WebSocket text frame carries); inputs starting with the two
// bytes FF FE are raw UTF-16 instead (lone surrogates and all), which Qt never hands us but the
// codec must survive.
#include "protocol/messagecodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

constexpr qsizetype SmallLimit = 48;

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const bool rawUtf16 = size >= 2 && data[0] == 0xff && data[1] == 0xfe;
    QString frame;
    if (rawUtf16) {
        const std::size_t units = (size - 2) / 2;
        frame.resize(qsizetype(units));
        std::memcpy(frame.data(), data + 2, units * 2); // QString's buffer is aligned
    } else {
        frame = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    }

    const DecodedMessage m = MessageCodec::decode(frame);
    const DecodedMessage small = MessageCodec::decode(frame, SmallLimit);
    const qsizetype wireBytes = MessageCodec::utf8Length(frame);
    if (!rawUtf16)
        check(wireBytes == frame.toUtf8().size(), "utf8Length matches toUtf8()");

    // The size limit comes first and alone decides TooLarge.
    check((m.reason == MalformedReason::TooLarge)
              == (wireBytes > MessageCodec::DefaultMaxFrameBytes),
          "TooLarge exactly above the default limit");
    check((small.reason == MalformedReason::TooLarge) == (wireBytes > SmallLimit),
          "TooLarge exactly above the small limit");
    if (small.reason != MalformedReason::TooLarge && m.reason != MalformedReason::TooLarge) {
        check(small.reason == m.reason && small.id == m.id && small.textStart == m.textStart
                  && small.textLength == m.textLength,
              "the limit changes nothing else");
    }

    if (m.reason == MalformedReason::NestedTooDeep) {
        // Too deep is said only of JSON: Qt's parser reads it, or stops at its own depth limit.
        check(frame.size() > MessageCodec::MaxDepth, "too deep takes more than MaxDepth brackets");
        if (!rawUtf16) {
            QJsonParseError error;
            (void)QJsonDocument::fromJson(frame.toUtf8(), &error);
            check(error.error == QJsonParseError::NoError
                      || error.error == QJsonParseError::DeepNesting
                      || error.error == QJsonParseError::IllegalNumber,
                  "Qt reads what the codec calls too deep");
        }
    }
    if (!m.isValid()) {
        check(m.reason != MalformedReason::None, "invalid has a reason");
        return 0;
    }
    if (frame.isEmpty())
        check(false, "an empty frame is not a message");
    if (m.textStart >= 0) {
        check(m.textLength > 0, "a text value is not empty");
        check(qsizetype(m.textStart) + m.textLength <= frame.size(), "text within the frame");
        const QStringView text = MessageCodec::textOf(frame, m);
        check(text.size() == m.textLength, "textOf matches");
    } else {
        check(MessageCodec::textOf(frame, m).isEmpty(), "no text, empty view");
    }

    // Differential: what the codec accepts from valid UTF-8, Qt's parser (RFC 8259 as well)
    // reads as an object whose "id" is a number equal to ours (exact below 2^53).
    if (!rawUtf16) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(frame.toUtf8(), &error);
        // Qt refuses numbers a double cannot hold (1e400); RFC 8259's grammar allows them.
        if (error.error == QJsonParseError::IllegalNumber)
            return 0;
        if (error.error != QJsonParseError::NoError)
            std::fprintf(stderr, "Qt: %s\n", qPrintable(error.errorString()));
        check(error.error == QJsonParseError::NoError, "Qt parses what the codec accepts");
        check(doc.isObject(), "Qt sees an object");
        const QJsonValue id = doc.object().value(QStringLiteral("id"));
        check(id.isDouble(), "Qt sees a numeric id");
        if (m.id > -(qint64(1) << 53) && m.id < (qint64(1) << 53))
            check(qint64(id.toDouble()) == m.id, "same id as Qt");
    }
    return 0;
}
