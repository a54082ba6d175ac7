#include "capturerecorder.h"

#include "capturewriter.h"

#include <QDir>
#include <QElapsedTimer>

// Writes the batches in the recorder's thread.
class CaptureRecorder::Worker final : public QObject
{
public:
    Worker(std::atomic<int> &queued, std::atomic<bool> &full)
        : m_queued(queued)
        , m_full(full)
    { }

    QString open(const QString &path, const CaptureHeader &header, quint64 maxBytes)
    {
        m_maxBytes = maxBytes;
        m_sinceFlush.start();
        return m_writer.open(path, header);
    }

    void write(const QByteArray &lines, quint64 entries)
    {
        m_writer.addEncoded(lines, entries);
        if (m_sinceFlush.elapsed() >= 1000) {
            m_writer.flush(); // a crash loses at most a second
            m_sinceFlush.restart();
        }
        if (m_maxBytes > 0 && m_writer.fileBytes() >= m_maxBytes)
            m_full = true;
        --m_queued;
    }

    QString close() { return m_writer.close(); }
    quint64 fileBytes() const { return m_writer.fileBytes(); }

private:
    CaptureWriter m_writer;
    std::atomic<int> &m_queued;
    std::atomic<bool> &m_full;
    quint64 m_maxBytes = 0;
    QElapsedTimer m_sinceFlush;
};

CaptureRecorder::CaptureRecorder(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_thread.setObjectName(QStringLiteral("capture-writer"));
    m_timer.setInterval(BatchIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &CaptureRecorder::handOver);
}

CaptureRecorder::~CaptureRecorder()
{
    stop();
}

QString CaptureRecorder::start(const QString &path, const CaptureHeader &header, quint64 maxBytes)
{
    stop();
    m_worker = new Worker(m_queued, m_full);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_queued = 0;
    m_full = false;
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { error = m_worker->open(path, header, maxBytes); },
        Qt::BlockingQueuedConnection);
    m_path = path;
    m_lines.clear();
    m_lines.reserve(HandOverBytes + 64 * 1024);
    m_entries = 0;
    m_recording = error.isEmpty();
    if (m_recording)
        m_timer.start();
    return error;
}

void CaptureRecorder::add(const CaptureEntry &entry)
{
    CaptureWriter::encode(m_lines, entry);
    if (++m_entries, m_lines.size() >= HandOverBytes)
        handOver();
}

void CaptureRecorder::handOver()
{
    if (!m_worker)
        return;
    if (m_full) {
        stopRecording(tr("the capture %1 reached its size cap: recording stopped, the run goes on")
                          .arg(QDir::toNativeSeparators(m_path)));
        return;
    }
    if (m_queued > MaxQueuedBatches) {
        stopRecording(tr("the capture %1 cannot be written as fast as the feed arrives: "
                         "recording stopped, the run goes on")
                          .arg(QDir::toNativeSeparators(m_path)));
        return;
    }
    if (m_entries == 0)
        return;
    ++m_queued;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, lines = std::exchange(m_lines, QByteArray()),
         entries = std::exchange(m_entries, 0)] { worker->write(lines, entries); },
        Qt::QueuedConnection);
    m_lines.reserve(HandOverBytes + 64 * 1024);
}

void CaptureRecorder::stopRecording(const QString &why)
{
    m_recording = false;
    m_lines.clear();
    m_entries = 0;
    m_timer.stop();
    Q_EMIT notice(why);
}

QString CaptureRecorder::stop()
{
    if (!m_worker)
        return QString();
    const bool wasRecording = m_recording;
    if (wasRecording)
        handOver();
    m_recording = false;
    m_timer.stop();
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { error = m_worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted with the thread's finish
    return error;
}
