#include "capturerecorder.h"

#include "capturewriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMutex>

// The batches' buffers go back and forth between the run's thread and the writer's, their
// memory kept: no allocation, no page faults, no cross-thread free for each batch.
class CaptureRecorder::BufferPool
{
public:
    QByteArray take()
    {
        {
            const QMutexLocker lock(&m_mutex);
            if (!m_free.empty()) {
                QByteArray b = std::move(m_free.back());
                m_free.pop_back();
                return b;
            }
        }
        QByteArray b;
        b.reserve(HandOverBytes + 64 * 1024);
        return b;
    }
    void give(QByteArray &&b)
    {
        b.resize(0); // keeps its capacity
        const QMutexLocker lock(&m_mutex);
        if (m_free.size() < Kept)
            m_free.push_back(std::move(b));
    }

private:
    static constexpr std::size_t Kept = 4;
    QMutex m_mutex;
    std::vector<QByteArray> m_free;
};

// Writes the batches in the recorder's thread.
class CaptureRecorder::Worker final : public QObject
{
public:
    Worker(std::atomic<int> &queued, std::atomic<bool> &full, BufferPool &pool)
        : m_queued(queued)
        , m_full(full)
        , m_pool(pool)
    { }

    QString open(const QString &path, const CaptureHeader &header, quint64 maxBytes)
    {
        m_maxBytes = maxBytes;
        m_sinceFlush.start();
        return m_writer.open(path, header);
    }

    void write(QByteArray &&lines, quint64 entries)
    {
        m_writer.addEncoded(lines, entries);
        m_pool.give(std::move(lines));
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
    BufferPool &m_pool;
    quint64 m_maxBytes = 0;
    QElapsedTimer m_sinceFlush;
};

CaptureRecorder::CaptureRecorder(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<BufferPool>())
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
    m_worker = new Worker(m_queued, m_full, *m_pool);
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
    m_lines = m_pool->take();
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
        [worker = m_worker, lines = std::exchange(m_lines, m_pool->take()),
         entries = std::exchange(m_entries, 0)]() mutable {
            worker->write(std::move(lines), entries);
        },
        Qt::QueuedConnection);
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
