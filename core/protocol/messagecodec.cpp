#include "messagecodec.h"

#include <array>
#include <limits>
#include <vector>

namespace {

using Char = char16_t;

class Scanner
{
public:
    explicit Scanner(QStringView text)
        : m_p(reinterpret_cast<const Char *>(text.utf16()))
        , m_begin(m_p)
        , m_end(m_p + text.size())
    { }

    qint32 position() const { return qint32(m_p - m_begin); }
    bool atEnd() const { return m_p == m_end; }
    Char peek() const { return m_p < m_end ? *m_p : Char(0); }

    void skipWhitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(Char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    // A string starting at the opening quote. Reports whether it contained escapes.
    bool string(bool *escaped)
    {
        if (!consume('"'))
            return false;
        *escaped = false;
        while (m_p < m_end) {
            const Char c = *m_p++;
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c == '\\') {
                *escaped = true;
                if (m_p == m_end)
                    return false;
                const Char e = *m_p++;
                switch (e) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    break;
                case 'u':
                    for (int i = 0; i < 4; ++i) {
                        if (m_p == m_end || !isHex(*m_p))
                            return false;
                        ++m_p;
                    }
                    break;
                default:
                    return false;
                }
            }
        }
        return false;
    }

    // A number; reports whether it is an integer (no fraction, no exponent).
    bool number(bool *integer)
    {
        *integer = true;
        consume('-');
        if (consume('0')) {
            // no leading zeros
        } else if (isDigit1to9(peek())) {
            while (isDigit(peek()))
                ++m_p;
        } else {
            return false;
        }
        if (consume('.')) {
            *integer = false;
            if (!isDigit(peek()))
                return false;
            while (isDigit(peek()))
                ++m_p;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_p;
            *integer = false;
            if (!consume('+'))
                consume('-');
            if (!isDigit(peek()))
                return false;
            while (isDigit(peek()))
                ++m_p;
        }
        return true;
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w) {
            if (!consume(Char(*w)))
                return false;
        }
        return true;
    }

    const Char *pointer() const { return m_p; }

private:
    static bool isDigit(Char c) { return c >= '0' && c <= '9'; }
    static bool isDigit1to9(Char c) { return c >= '1' && c <= '9'; }
    static bool isHex(Char c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    const Char *m_p;
    const Char *m_begin;
    const Char *m_end;
};

enum class Key { Other, Id, Text };

int hexValue(Char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

// Which of the keys we care about a (valid) JSON string token names. Escapes are decoded, so
// "\u0069d" is "id" as any JSON parser would read it.
Key classifyKey(const Char *begin, const Char *end, bool escaped)
{
    // begin/end exclude the quotes
    std::array<Char, 4> decoded {};
    std::size_t n = 0;
    for (const Char *p = begin; p < end; ++p) {
        if (n == decoded.size())
            return Key::Other;
        Char c = *p;
        if (escaped && c == '\\') {
            const Char e = *++p;
            if (e == 'u') {
                c = Char((hexValue(p[1]) << 12) | (hexValue(p[2]) << 8) | (hexValue(p[3]) << 4)
                         | hexValue(p[4]));
                p += 4;
            } else {
                c = e; // other escapes cannot spell a letter of "id" or "text"
            }
        }
        decoded[n++] = c;
    }
    if (n == 2 && decoded[0] == 'i' && decoded[1] == 'd')
        return Key::Id;
    if (n == 4 && decoded[0] == 't' && decoded[1] == 'e' && decoded[2] == 'x' && decoded[3] == 't')
        return Key::Text;
    return Key::Other;
}

// Parses the integer token [begin, end) (JSON integer syntax already checked).
bool parseInt64(const Char *begin, const Char *end, qint64 *out)
{
    const bool negative = *begin == '-';
    if (negative)
        ++begin;
    // Accumulate as a negative number: its range includes the magnitude of INT64_MIN.
    constexpr qint64 limit = std::numeric_limits<qint64>::min();
    qint64 value = 0;
    for (const Char *p = begin; p < end; ++p) {
        const int digit = *p - '0';
        if (value < (limit + digit) / 10)
            return false;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == limit)
            return false;
        value = -value;
    }
    *out = value;
    return true;
}

} // namespace

qsizetype MessageCodec::utf8Length(QStringView text)
{
    qsizetype bytes = 0;
    const auto *p = reinterpret_cast<const Char *>(text.utf16());
    const auto *end = p + text.size();
    for (; p < end; ++p) {
        const Char c = *p;
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (c >= 0xD800 && c < 0xDC00 && p + 1 < end && p[1] >= 0xDC00 && p[1] < 0xE000) {
            bytes += 4;
            ++p;
        } else {
            bytes += 3;
        }
    }
    return bytes;
}

DecodedMessage MessageCodec::decode(QStringView frame, qsizetype maxFrameBytes)
{
    DecodedMessage result;
    auto fail = [&result](MalformedReason reason) {
        result.reason = reason;
        result.textStart = -1;
        result.textLength = 0;
        return result;
    };

    if (frame.isEmpty())
        return fail(MalformedReason::Empty);
    // Each UTF-16 unit is at least one byte and at most three.
    if (frame.size() > maxFrameBytes
        || (frame.size() * 3 > maxFrameBytes && utf8Length(frame) > maxFrameBytes))
        return fail(MalformedReason::TooLarge);

    Scanner s(frame);
    // RFC 8259 8.1: a byte order mark is not part of JSON text, and a parser MAY ignore one
    // rather than treat it as an error. We ignore one, at the very start only (as Qt's own JSON
    // parser does): a producer that writes it still sends JSON, and the frame travels on as it
    // arrived, mark included, so nothing downstream sees a changed byte.
    s.consume(Char(0xFEFF));
    s.skipWhitespace();
    if (s.atEnd())
        return fail(MalformedReason::NotJson);
    const bool topIsObject = s.peek() == '{';

    // Iterative parse with an explicit stack of open containers ('{' or '['): up to MaxDepth
    // inline, deeper ones on the heap (at most one per character of the frame), so a document
    // past the limit is still read to its end and called too deep only if it is JSON.
    std::array<char, MaxDepth> stack {};
    std::vector<char> deeper;
    int depth = 0;
    bool tooDeep = false;
    auto open = [&](char c) {
        if (depth < MaxDepth)
            stack[std::size_t(depth)] = c;
        else
            deeper.push_back(c);
        ++depth;
    };
    auto innermost = [&] {
        return depth <= MaxDepth ? stack[std::size_t(depth - 1)] : deeper.back();
    };
    auto close = [&] {
        if (depth > MaxDepth)
            deeper.pop_back();
        --depth;
    };
    bool haveId = false;
    MalformedReason idProblem = MalformedReason::None;
    Key pendingKey = Key::Other; // the top-level key whose value comes next

    // The "text" value ends when the container it opened closes back to the top object.
    auto containerClosed = [&] {
        close();
        if (depth == 1 && topIsObject && result.textLength == -1)
            result.textLength = s.position() - result.textStart;
    };

    enum class Expect { Value, KeyOrClose, Key, CommaOrClose };
    Expect expect = Expect::Value;
    for (;;) {
        s.skipWhitespace();
        if (expect == Expect::Value) {
            const bool topMember = topIsObject && depth == 1;
            const Char c = s.peek();
            const qint32 valueStart = s.position();
            const Char *valueBegin = s.pointer();
            bool isInteger = false;
            bool complete = true; // the value ended here (not an opened container)
            if (c == '{' || c == '[') {
                if (depth == MaxDepth)
                    tooDeep = true;
                s.consume(c);
                open(char(c));
                expect = c == '{' ? Expect::KeyOrClose : Expect::Value;
                complete = false;
                if (c == '[') {
                    s.skipWhitespace();
                    if (s.consume(']')) {
                        close(); // an empty array is a complete value
                        complete = true;
                    }
                }
            } else if (c == '"') {
                bool escaped = false;
                if (!s.string(&escaped))
                    return fail(MalformedReason::NotJson);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                if (!s.number(&isInteger))
                    return fail(MalformedReason::NotJson);
            } else if (c == 't') {
                if (!s.literal("true"))
                    return fail(MalformedReason::NotJson);
            } else if (c == 'f') {
                if (!s.literal("false"))
                    return fail(MalformedReason::NotJson);
            } else if (c == 'n') {
                if (!s.literal("null"))
                    return fail(MalformedReason::NotJson);
            } else {
                return fail(MalformedReason::NotJson);
            }

            if (topMember && pendingKey == Key::Id) {
                if (!isInteger)
                    idProblem = std::max(idProblem, MalformedReason::IdNotInteger);
                else if (!parseInt64(valueBegin, s.pointer(), &result.id))
                    idProblem = std::max(idProblem, MalformedReason::IdOutOfRange);
            } else if (topMember && pendingKey == Key::Text) {
                result.textStart = valueStart;
                result.textLength = complete ? s.position() - valueStart : -1;
            }
            if (topMember)
                pendingKey = Key::Other;
            if (complete) {
                if (depth == 0)
                    break; // the whole document was one scalar
                expect = Expect::CommaOrClose;
            }
            continue;
        }

        if (expect == Expect::KeyOrClose || expect == Expect::Key) {
            if (expect == Expect::KeyOrClose && s.consume('}')) {
                containerClosed();
                if (depth == 0)
                    break;
                expect = Expect::CommaOrClose;
                continue;
            }
            const Char *keyBegin = s.pointer();
            bool escaped = false;
            if (!s.string(&escaped))
                return fail(MalformedReason::NotJson);
            if (depth == 1 && topIsObject) {
                pendingKey = classifyKey(keyBegin + 1, s.pointer() - 1, escaped);
                if (pendingKey == Key::Id) {
                    if (haveId)
                        idProblem = MalformedReason::DuplicateId;
                    haveId = true;
                }
            }
            s.skipWhitespace();
            if (!s.consume(':'))
                return fail(MalformedReason::NotJson);
            expect = Expect::Value;
            continue;
        }

        // CommaOrClose
        const char container = innermost();
        if (s.consume(',')) {
            expect = container == '{' ? Expect::Key : Expect::Value;
            continue;
        }
        if (!s.consume(container == '{' ? '}' : ']'))
            return fail(MalformedReason::NotJson);
        containerClosed();
        if (depth == 0)
            break;
    }

    s.skipWhitespace();
    if (!s.atEnd())
        return fail(MalformedReason::NotJson);
    if (tooDeep)
        return fail(MalformedReason::NestedTooDeep);
    if (!topIsObject)
        return fail(MalformedReason::NotObject);
    if (!haveId)
        return fail(MalformedReason::NoId);
    if (idProblem != MalformedReason::None)
        return fail(idProblem);
    return result;
}

QStringView MessageCodec::textOf(QStringView frame, const DecodedMessage &message)
{
    if (message.textStart < 0 || message.textLength <= 0)
        return {};
    return frame.mid(message.textStart, message.textLength);
}

QString MessageCodec::reasonKey(MalformedReason reason)
{
    switch (reason) {
    case MalformedReason::None:
        return QStringLiteral("ok");
    case MalformedReason::Empty:
        return QStringLiteral("empty");
    case MalformedReason::Binary:
        return QStringLiteral("binary");
    case MalformedReason::TooLarge:
        return QStringLiteral("too_large");
    case MalformedReason::NotJson:
        return QStringLiteral("not_json");
    case MalformedReason::NotObject:
        return QStringLiteral("not_object");
    case MalformedReason::NoId:
        return QStringLiteral("no_id");
    case MalformedReason::IdNotInteger:
        return QStringLiteral("id_not_integer");
    case MalformedReason::IdOutOfRange:
        return QStringLiteral("id_out_of_range");
    case MalformedReason::DuplicateId:
        return QStringLiteral("duplicate_id_field");
    case MalformedReason::NestedTooDeep:
        return QStringLiteral("nested_too_deep");
    }
    return QStringLiteral("unknown");
}

QString MessageCodec::reasonText(MalformedReason reason)
{
    switch (reason) {
    case MalformedReason::None:
        return tr("valid message");
    case MalformedReason::Empty:
        return tr("empty frame");
    case MalformedReason::Binary:
        return tr("binary frame");
    case MalformedReason::TooLarge:
        return tr("frame over the size limit");
    case MalformedReason::NotJson:
        return tr("not valid JSON");
    case MalformedReason::NotObject:
        return tr("JSON, but not an object");
    case MalformedReason::NoId:
        return tr("no \"id\" field");
    case MalformedReason::IdNotInteger:
        return tr("\"id\" is not an integer");
    case MalformedReason::IdOutOfRange:
        return tr("\"id\" does not fit in 64 bits");
    case MalformedReason::DuplicateId:
        return tr("\"id\" appears twice");
    case MalformedReason::NestedTooDeep:
        return tr("JSON nested too deep (over %1 levels)").arg(MaxDepth);
    }
    return tr("unknown problem");
}
