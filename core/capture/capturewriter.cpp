#include "capturewriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

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
    m_buffer += '\n';
    flush();
    return m_error;
}

void CaptureWriter::appendEscaped(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
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

void CaptureWriter::add(const CaptureEntry &e)
{
    if (!m_file.isOpen())
        return;
    m_buffer += "{\"t\":";
    m_buffer += QByteArray::number(e.atUs);
    switch (e.kind) {
    case CaptureEntry::Kind::Text:
        m_buffer += ",\"f\":\"";
        appendEscaped(m_buffer, e.text);
        m_buffer += '"';
        break;
    case CaptureEntry::Kind::Binary:
        m_buffer += ",\"b\":\"";
        m_buffer += e.bytes.toBase64();
        m_buffer += '"';
        break;
    default:
        m_buffer += ",\"e\":\"";
        m_buffer += kindKey(e.kind);
        m_buffer += '"';
        if (e.kind == CaptureEntry::Kind::Closed) {
            m_buffer += ",\"code\":";
            m_buffer += QByteArray::number(e.code);
        }
        if (!e.reason.isEmpty()) {
            m_buffer += ",\"reason\":\"";
            appendEscaped(m_buffer, e.reason);
            m_buffer += '"';
        }
        break;
    }
    m_buffer += "}\n";
    ++m_entries;
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
        m_buffer.clear();
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
    m_buffer.clear();
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
