#include "capturewriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cstring>

#include <libdeflate.h>

namespace {

// Lines are gathered up to this size before they go to the file (or become a gzip member).
constexpr qsizetype BufferBytes = 256 * 1024;
// libdeflate's fastest: 540 MB/s of capture lines on the machine measured, 5.7 times smaller.
constexpr int CompressionLevel = 1;

const char *kindKey(CaptureEntry::Kind kind)
{
    switch (kind) {
    case CaptureEntry::Kind::Opened:
        return "open";
    case CaptureEntry::Kind::Closed:
        return "close";
    case CaptureEntry::Kind::Dropped:
        return "drop";
    case CaptureEntry::Kind::Reconnected:
        return "reconnect";
    case CaptureEntry::Kind::Text:
    case CaptureEntry::Kind::Binary:
        break;
    }
    return "";
}

} // namespace

QJsonObject CaptureHeader::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(CaptureFormat::Name));
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("source"), source);
    o.insert(QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("settings"), settings);
    return o;
}

// gzip through libdeflate: each batch of lines becomes a gzip member of its own (RFC 1952
// allows a file of several; gunzip, zcat and Python read them all). Whole buffers only, no
// stream state: about twice zlib's speed at its fastest level, and smaller files, so that a
// capture costs the run little. A member written is complete, so a crash leaves every batch
// but the one being written readable.
struct CaptureWriter::Deflate
{
    libdeflate_compressor *compressor = nullptr;
    QByteArray out;

    ~Deflate() { libdeflate_free_compressor(compressor); }
};

CaptureWriter::CaptureWriter() = default;

CaptureWriter::~CaptureWriter()
{
    if (m_file.isOpen())
        close();
}

QString CaptureWriter::open(const QString &path, const CaptureHeader &header)
{
    m_file.setFileName(path);
    m_entries = m_fileBytes = 0;
    m_error.clear();
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return tr("cannot write the capture %1: %2")
            .arg(QDir::toNativeSeparators(path), m_file.errorString());
    if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        m_deflate = std::make_unique<Deflate>();
        m_deflate->compressor = libdeflate_alloc_compressor(CompressionLevel);
        if (!m_deflate->compressor) {
            m_deflate.reset();
            m_file.close();
            return tr("cannot compress the capture %1").arg(QDir::toNativeSeparators(path));
        }
    }
    m_buffer = QJsonDocument(header.toJson()).toJson(QJsonDocument::Compact);
    m_buffer.reserve(BufferBytes * 2);
    m_buffer += '\n';
    flush();
    return m_error;
}

namespace {

// The worst case of an ASCII character in a JSON string: \u00XX.
constexpr qsizetype MaxEscapedBytes = 6;

// Copies the ASCII start of `text` to `o`, escaping as it goes, and stops at the first
// character that is not ASCII; `done` says how far it got. `o` has room for
// MaxEscapedBytes a character.
char *escapeAscii(char *o, QStringView text, qsizetype &done)
{
    static const char hex[] = "0123456789abcdef";
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0x80)
            break;
        const char c = char(u);
        if (u >= 0x20 && c != '"' && c != '\\') {
            *o++ = c;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *o++ = c;
            break;
        case '\n':
            *o++ = 'n';
            break;
        case '\r':
            *o++ = 'r';
            break;
        case '\t':
            *o++ = 't';
            break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[u >> 4];
            *o++ = hex[u & 15];
        }
    }
    done = i;
    return o;
}

template<qsizetype N> char *put(char *o, const char (&literal)[N])
{
    std::memcpy(o, literal, N - 1);
    return o + N - 1;
}

} // namespace

void CaptureWriter::appendEscaped(QByteArray &out, QStringView text)
{
    // Frames are nearly always ASCII: copy it straight from UTF-16, escaping as we go; the rest
    // of a frame that is not goes through Qt's UTF-8 encoder.
    const qsizetype start = out.size();
    out.resize(start + text.size() * MaxEscapedBytes);
    qsizetype done = 0;
    char *o = escapeAscii(out.data() + start, text, done);
    out.resize(o - out.constData());
    if (done < text.size())
        appendEscapedUtf8(out, text.mid(done).toUtf8());
}

void CaptureWriter::appendEscapedUtf8(QByteArray &out, const QByteArray &utf8)
{
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *plain = p; // the start of a run that needs no escape
    static const char hex[] = "0123456789abcdef";
    for (; p != end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(plain, p - plain);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(escaped, 6);
        }
        }
        plain = p + 1;
    }
    out.append(plain, end - plain);
}

void CaptureWriter::appendTime(QByteArray &out, qint64 atUs)
{
    char number[24];
    const auto [end, ec] = std::to_chars(number, number + sizeof(number), atUs);
    Q_UNUSED(ec)
    out += "{\"t\":";
    out.append(number, end - number);
}

void CaptureWriter::encodeText(QByteArray &out, qint64 atUs, QStringView text)
{
    // The run's thread pays for this once a frame: one resize, the line written in place (at
    // a million frames a second, each append of its own cost a few percent).
    constexpr qsizetype Frame = sizeof("{\"t\":,\"f\":\"\"}\n") - 1 + 20; // 20: the time's digits
    const qsizetype start = out.size();
    out.resize(start + Frame + text.size() * MaxEscapedBytes);
    char *o = put(out.data() + start, "{\"t\":");
    o = std::to_chars(o, o + 20, atUs).ptr;
    o = put(o, ",\"f\":\"");
    qsizetype done = 0;
    o = escapeAscii(o, text, done);
    if (done < text.size()) {
        out.resize(o - out.constData());
        appendEscapedUtf8(out, text.mid(done).toUtf8());
        out += "\"}\n";
        return;
    }
    o = put(o, "\"}\n");
    out.resize(o - out.constData());
}

void CaptureWriter::encode(QByteArray &out, const CaptureEntry &e)
{
    switch (e.kind) {
    case CaptureEntry::Kind::Text:
        encodeText(out, e.atUs, e.text);
        return;
    case CaptureEntry::Kind::Binary:
        appendTime(out, e.atUs);
        out += ",\"b\":\"";
        out += e.bytes.toBase64();
        out += '"';
        break;
    default:
        appendTime(out, e.atUs);
        out += ",\"e\":\"";
        out += kindKey(e.kind);
        out += '"';
        if (e.kind == CaptureEntry::Kind::Closed) {
            out += ",\"code\":";
            out += QByteArray::number(e.code);
        }
        if (!e.reason.isEmpty()) {
            out += ",\"reason\":\"";
            appendEscaped(out, e.reason);
            out += '"';
        }
        break;
    }
    out += "}\n";
}

void CaptureWriter::add(const CaptureEntry &e)
{
    if (!m_file.isOpen())
        return;
    encode(m_buffer, e);
    ++m_entries;
    if (m_buffer.size() >= BufferBytes)
        writeOut();
}

void CaptureWriter::addEncoded(const QByteArray &lines, quint64 entries)
{
    if (!m_file.isOpen())
        return;
    m_entries += entries;
    if (m_buffer.isEmpty() && lines.size() >= BufferBytes) {
        write(lines); // a whole batch: no copy
        return;
    }
    m_buffer += lines;
    if (m_buffer.size() >= BufferBytes)
        writeOut();
}

void CaptureWriter::flush()
{
    writeOut();
}

void CaptureWriter::writeOut()
{
    if (!m_file.isOpen() || m_buffer.isEmpty())
        return;
    write(m_buffer);
    m_buffer.resize(0); // keeps its capacity
}

void CaptureWriter::write(QByteArrayView lines)
{
    const auto store = [this](const char *data, qint64 size) {
        if (size > 0 && m_file.write(data, size) != size && m_error.isEmpty())
            m_error = tr("cannot write the capture %1: %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        m_fileBytes += quint64(size);
    };
    if (!m_deflate) {
        store(lines.data(), lines.size());
        return;
    }
    QByteArray &out = m_deflate->out;
    const std::size_t bound =
        libdeflate_gzip_compress_bound(m_deflate->compressor, std::size_t(lines.size()));
    if (std::size_t(out.size()) < bound)
        out.resize(qsizetype(bound));
    const std::size_t size =
        libdeflate_gzip_compress(m_deflate->compressor, lines.data(), std::size_t(lines.size()),
                                 out.data(), std::size_t(out.size()));
    store(out.constData(), qint64(size)); // never 0: the bound is always enough
}

QString CaptureWriter::close()
{
    if (!m_file.isOpen())
        return m_error;
    writeOut();
    m_deflate.reset();
    m_file.close();
    return m_error;
}
