#include "capturewriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>

#include <zlib.h>

namespace {

// Lines are gathered up to this size before they go to the file (or to zlib).
constexpr qsizetype BufferBytes = 256 * 1024;

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

struct CaptureWriter::Deflate
{
    z_stream stream {};
    bool started = false;
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
        // windowBits 15 + 16: a gzip stream that gunzip and zcat read.
        if (deflateInit2(&m_deflate->stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8,
                         Z_DEFAULT_STRATEGY)
            != Z_OK) {
            m_file.close();
            return tr("cannot compress the capture %1").arg(QDir::toNativeSeparators(path));
        }
        m_deflate->started = true;
    }
    m_buffer = QJsonDocument(header.toJson()).toJson(QJsonDocument::Compact);
    m_buffer.reserve(BufferBytes * 2);
    m_buffer += '\n';
    flush();
    return m_error;
}

void CaptureWriter::appendEscaped(QByteArray &out, QStringView text)
{
    // Frames are nearly always ASCII: copy it straight from UTF-16, escaping as we go; the rest
    // of a frame that is not goes through Qt's UTF-8 encoder.
    const qsizetype start = out.size();
    out.resize(start + text.size() * 6); // the worst case of ASCII: \u00XX
    char *o = out.data() + start;
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
    out.resize(o - out.constData());
    if (i < text.size())
        appendEscapedUtf8(out, text.mid(i).toUtf8());
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
    appendTime(out, atUs);
    out += ",\"f\":\"";
    appendEscaped(out, text);
    out += "\"}\n";
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
        writeOut(false);
}

void CaptureWriter::addEncoded(const QByteArray &lines, quint64 entries)
{
    if (!m_file.isOpen())
        return;
    m_buffer += lines;
    m_entries += entries;
    if (m_buffer.size() >= BufferBytes)
        writeOut(false);
}

void CaptureWriter::flush()
{
    writeOut(true);
}

void CaptureWriter::writeOut(bool sync)
{
    if (!m_file.isOpen() || (m_buffer.isEmpty() && !sync))
        return;
    const auto put = [this](const char *data, qint64 size) {
        if (size > 0 && m_file.write(data, size) != size && m_error.isEmpty())
            m_error = tr("cannot write the capture %1: %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        m_fileBytes += quint64(size);
    };
    if (!m_deflate) {
        put(m_buffer.constData(), m_buffer.size());
        m_buffer.resize(0); // keeps its capacity
        return;
    }
    z_stream &z = m_deflate->stream;
    z.next_in = reinterpret_cast<Bytef *>(m_buffer.data());
    z.avail_in = uInt(m_buffer.size());
    char out[64 * 1024];
    const int mode = sync ? Z_SYNC_FLUSH : Z_NO_FLUSH;
    do {
        z.next_out = reinterpret_cast<Bytef *>(out);
        z.avail_out = sizeof(out);
        deflate(&z, mode);
        put(out, qint64(sizeof(out) - z.avail_out));
    } while (z.avail_out == 0);
    m_buffer.resize(0); // keeps its capacity
}

QString CaptureWriter::close()
{
    if (!m_file.isOpen())
        return m_error;
    writeOut(true);
    if (m_deflate) {
        z_stream &z = m_deflate->stream;
        char out[64 * 1024];
        int status = Z_OK;
        do {
            z.next_in = nullptr;
            z.avail_in = 0;
            z.next_out = reinterpret_cast<Bytef *>(out);
            z.avail_out = sizeof(out);
            status = deflate(&z, Z_FINISH);
            const qint64 size = qint64(sizeof(out) - z.avail_out);
            if (size > 0 && m_file.write(out, size) != size && m_error.isEmpty())
                m_error =
                    tr("cannot write the capture %1: %2")
                        .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            m_fileBytes += quint64(size);
        } while (status == Z_OK);
        deflateEnd(&z);
        m_deflate.reset();
    }
    m_file.close();
    return m_error;
}
