#include "capturereader.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>

#include <zlib.h>

namespace {

constexpr qint64 ReadChunk = 256 * 1024;

} // namespace

struct CaptureReader::Inflate
{
    z_stream stream {};
    bool ended = false;
};

CaptureReader::CaptureReader() = default;

CaptureReader::~CaptureReader()
{
    if (m_inflate)
        inflateEnd(&m_inflate->stream);
}

QString CaptureReader::open(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return tr("cannot read %1: %2").arg(shown, m_file.errorString());
    const QByteArray magic = m_file.peek(2);
    if (magic.size() == 2 && quint8(magic[0]) == 0x1f && quint8(magic[1]) == 0x8b) {
        m_inflate = std::make_unique<Inflate>();
        if (inflateInit2(&m_inflate->stream, 15 + 16) != Z_OK)
            return tr("cannot decompress %1").arg(shown);
    }
    QByteArray line;
    bool complete = false;
    if (!readLine(&line, &complete))
        return tr("%1 is empty: not a capture").arg(shown);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(CaptureFormat::Name)) {
        return complete || error.error == QJsonParseError::NoError
            ? tr("%1 is not a capture (its first line does not name the %2 format)")
                  .arg(shown, QLatin1String(CaptureFormat::Name))
            : tr("%1 is cut short inside its first line: not a readable capture").arg(shown);
    }
    m_header.version = o.value(QStringLiteral("version")).toInt();
    if (m_header.version < 1 || m_header.version > CaptureFormat::Version)
        return tr("%1 is a capture of version %2; this build reads version %3")
            .arg(shown)
            .arg(m_header.version)
            .arg(CaptureFormat::Version);
    m_header.source = o.value(QStringLiteral("source")).toString();
    m_header.startedAt =
        QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    m_header.settings = o.value(QStringLiteral("settings")).toObject();
    return QString();
}

bool CaptureReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_data.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray raw = m_file.read(ReadChunk);
    if (!m_inflate) {
        if (raw.isEmpty())
            m_eof = true;
        m_data += raw;
        return !raw.isEmpty();
    }
    if (raw.isEmpty()) {
        m_eof = true;
        m_streamCut = !m_inflate->ended;
        return false;
    }
    z_stream &z = m_inflate->stream;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
    z.avail_in = uInt(raw.size());
    char out[64 * 1024];
    while (z.avail_in > 0) {
        if (m_inflate->ended) {
            // Another gzip member follows (CaptureWriter writes one for each batch).
            inflateReset(&z);
            m_inflate->ended = false;
        }
        z.next_out = reinterpret_cast<Bytef *>(out);
        z.avail_out = sizeof(out);
        const int status = inflate(&z, Z_NO_FLUSH);
        m_data.append(out, qsizetype(sizeof(out) - z.avail_out));
        if (status == Z_STREAM_END) {
            m_inflate->ended = true;
        } else if (status != Z_OK && status != Z_BUF_ERROR) {
            m_eof = true;
            m_streamCut = true; // corrupt from here: read what came before
            break;
        }
    }
    return true;
}

bool CaptureReader::readLine(QByteArray *line, bool *complete)
{
    for (;;) {
        const qsizetype nl = m_data.indexOf('\n', m_pos);
        if (nl >= 0) {
            *line = m_data.mid(m_pos, nl - m_pos);
            m_pos = nl + 1;
            *complete = true;
            ++m_line;
            return true;
        }
        if (!fill() && m_eof) {
            if (m_pos >= m_data.size())
                return false;
            *line = m_data.mid(m_pos);
            m_pos = m_data.size();
            *complete = false; // the file ends inside this line
            ++m_line;
            return true;
        }
    }
}

bool CaptureReader::parse(const QByteArray &line, CaptureEntry *e)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
    if (error.error != QJsonParseError::NoError || !o.contains(QLatin1String("t")))
        return false;
    *e = CaptureEntry();
    e->atUs = o.value(QLatin1String("t")).toInteger();
    if (const QJsonValue f = o.value(QLatin1String("f")); f.isString()) {
        e->kind = CaptureEntry::Kind::Text;
        e->text = f.toString();
        return true;
    }
    if (const QJsonValue b = o.value(QLatin1String("b")); b.isString()) {
        e->kind = CaptureEntry::Kind::Binary;
        e->bytes = QByteArray::fromBase64(b.toString().toLatin1());
        return true;
    }
    const QString event = o.value(QLatin1String("e")).toString();
    if (event == QLatin1String("open"))
        e->kind = CaptureEntry::Kind::Opened;
    else if (event == QLatin1String("close"))
        e->kind = CaptureEntry::Kind::Closed;
    else if (event == QLatin1String("drop"))
        e->kind = CaptureEntry::Kind::Dropped;
    else if (event == QLatin1String("reconnect"))
        e->kind = CaptureEntry::Kind::Reconnected;
    else
        return false;
    e->code = o.value(QLatin1String("code")).toInt();
    e->reason = o.value(QLatin1String("reason")).toString();
    return true;
}

bool CaptureReader::next(CaptureEntry *entry)
{
    if (!m_stopReason.isEmpty())
        return false;
    QByteArray line;
    bool complete = false;
    if (!readLine(&line, &complete)) {
        if (m_streamCut)
            m_stopReason = tr("the capture's compressed stream ends early (cut by a crash?): "
                              "read up to line %1")
                               .arg(m_line);
        return false;
    }
    if (parse(line, entry) && (complete || !m_streamCut))
        return true;
    m_stopReason = complete ? tr("line %1 of the capture is not an entry: read up to line %2")
                                  .arg(m_line)
                                  .arg(m_line - 1)
                            : tr("the capture ends in the middle of line %1 (cut by a crash?): "
                                 "read up to line %2")
                                  .arg(m_line)
                                  .arg(m_line - 1);
    return false;
}
