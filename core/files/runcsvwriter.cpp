#include "runcsvwriter.h"

#include "csv.h"

namespace {

constexpr qsizetype BufferFlushBytes = 1 << 20;

QString ms(qint64 ns)
{
    return Csv::decimal(double(ns) / 1e6, 3);
}

} // namespace

RunCsvWriter::RunCsvWriter(const QString &path)
    : m_path(path)
{ }

RunCsvWriter::~RunCsvWriter() = default; // an unfinished file is discarded

QStringList RunCsvWriter::header()
{
    return {
        QStringLiteral("arrival_index"), QStringLiteral("id"),      QStringLiteral("text"),
        QStringLiteral("arrival_ms"),    QStringLiteral("status"),  QStringLiteral("output_index"),
        QStringLiteral("distance"),      QStringLiteral("hold_ms"), QStringLiteral("sent_ms"),
        QStringLiteral("reason"),        QStringLiteral("raw")};
}

QString RunCsvWriter::statusKey(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Accepted:
        return QStringLiteral("accepted");
    case MessageStatus::Late:
        return QStringLiteral("late");
    case MessageStatus::Duplicate:
        return QStringLiteral("duplicate");
    case MessageStatus::Malformed:
        return QStringLiteral("malformed");
    case MessageStatus::Dropped:
        return QStringLiteral("dropped");
    }
    return QString();
}

bool RunCsvWriter::open(QString *error)
{
    m_file = std::make_unique<OutputFile>(m_path);
    if (const QString problem = m_file->open(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        m_file.reset();
        return false;
    }
    m_buffer = Csv::row(header()).toUtf8();
    return true;
}

RunCsvWriter::Row *RunCsvWriter::rowAt(quint64 arrivalIndex)
{
    if (arrivalIndex < m_firstIndex || arrivalIndex - m_firstIndex >= m_pending.size())
        return nullptr;
    return &m_pending[std::size_t(arrivalIndex - m_firstIndex)];
}

void RunCsvWriter::add(const RunEventBatch &batch)
{
    if (!m_file)
        return;
    for (const MessageArrival &arrival : batch.arrivals) {
        if (m_pending.empty())
            m_firstIndex = arrival.index;
        Row row;
        row.arrival = arrival;
        row.complete = arrival.status != MessageStatus::Accepted;
        m_pending.push_back(std::move(row));
    }
    for (const MessageRelease &release : batch.releases) {
        Row *row = rowAt(release.arrivalIndex);
        if (!row)
            continue;
        row->release = release;
        row->released = true;
        // Without a sink no sent time will come: the row is complete as it is.
        row->complete = release.sentNs != MessageRelease::Queued;
        if (!row->complete)
            m_awaitingSend.push_back(release.arrivalIndex);
    }
    for (const SentUpdate &sent : batch.sent) {
        const quint64 end = sent.firstOutputIndex + sent.count;
        while (!m_awaitingSend.empty()) {
            Row *row = rowAt(m_awaitingSend.front());
            if (row && row->release.outputIndex >= end)
                break;
            if (row) {
                row->release.sentNs = sent.sentNs;
                row->complete = true;
            }
            m_awaitingSend.pop_front();
        }
    }
    writeCompleted();
}

void RunCsvWriter::writeCompleted()
{
    while (!m_pending.empty() && m_pending.front().complete) {
        write(m_pending.front());
        m_pending.pop_front();
        ++m_firstIndex;
    }
    if (m_buffer.size() >= BufferFlushBytes)
        flushBuffer();
}

void RunCsvWriter::write(const Row &row)
{
    const MessageArrival &a = row.arrival;
    const bool malformed = a.status == MessageStatus::Malformed;
    QStringList fields;
    fields.reserve(11);
    fields << Csv::number(a.index) << (malformed ? QString() : Csv::number(a.id))
           << Csv::text(a.text()) << ms(a.arrivalNs) << statusKey(a.status);
    if (row.released) {
        fields << Csv::number(row.release.outputIndex) << Csv::number(row.release.distance)
               << ms(row.release.holdNs)
               << (row.release.sentNs >= 0 ? ms(row.release.sentNs) : QString());
    } else {
        fields << QString() << QString() << QString() << QString();
    }
    fields << (malformed ? MessageCodec::reasonKey(a.reason) : QString())
           << (malformed ? Csv::text(a.frame) : QString());
    m_buffer += Csv::row(fields).toUtf8();
    ++m_rows;
}

void RunCsvWriter::flushBuffer()
{
    if (m_buffer.isEmpty() || !m_file)
        return;
    m_file->write(m_buffer); // a failure shows at commit()
    m_buffer.clear();
}

bool RunCsvWriter::finish(QString *error)
{
    if (!m_file) {
        if (error)
            *error = tr("%1 was not open").arg(m_path);
        return false;
    }
    for (Row &row : m_pending)
        row.complete = true;
    writeCompleted();
    flushBuffer();
    const QString problem = m_file->commit();
    m_file.reset();
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}
