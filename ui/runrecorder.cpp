#include "runrecorder.h"

#include "files/runcsvwriter.h"

RunRecorder::RunRecorder(QObject *parent)
    : QObject(parent)
{ }

RunRecorder::~RunRecorder() = default;

void RunRecorder::begin(const QString &path)
{
    m_path = path;
    m_error.clear();
    m_writer.reset();
    if (path.isEmpty())
        return;
    m_writer = std::make_unique<RunCsvWriter>(path);
    if (!m_writer->open(&m_error))
        m_writer.reset();
}

void RunRecorder::record(const RunEventBatch &batch)
{
    if (m_writer)
        m_writer->add(batch);
}

void RunRecorder::end(const RunReport &report)
{
    QString path = m_path;
    if (m_writer) {
        if (!m_writer->finish(&m_error))
            path.clear();
        m_writer.reset();
    } else {
        path.clear();
    }
    Q_EMIT recorded(report, path, m_error);
}
