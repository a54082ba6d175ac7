#pragma once

#include "captureentry.h"
#include "capturewriter.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

class CaptureWriter;
class MessageSource;

/*!
    Records a run's feed into a capture while the run goes, with little of the run's time: the
    run's thread only appends each frame's line to a buffer (a few tens of nanoseconds: ASCII
    is copied as it is escaped); a thread of its own compresses and writes the buffers, and
    flushes at least once a second, so a crash loses at most that. Past its size cap, or when
    the disk cannot keep up, recording stops and says so (notice()); the run goes on.

    Lives in the run's thread.
*/
class CaptureRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureRecorder)

public:
    static constexpr int BatchIntervalMs = 200;
    // A batch of lines for the writer's thread: few wake-ups (a million frames make about 50).
    static constexpr qsizetype HandOverBytes = 1024 * 1024;
    // Batches handed over and not yet written past which the disk is said to be too slow
    // (12 MiB waiting).
    static constexpr int MaxQueuedBatches = 12;

    explicit CaptureRecorder(QObject *parent = nullptr);
    ~CaptureRecorder() override;

    // Opens `path` (a ".gz" name is compressed) and writes the header; the error, or empty.
    // maxBytes 0: no cap.
    QString start(const QString &path, const CaptureHeader &header, quint64 maxBytes);
    // Writes what is left and closes the file; the error, or empty.
    QString stop();
    bool isRecording() const { return m_recording; }
    QString path() const { return m_path; }

    // The hot path: one append.
    void frame(qint64 atNs, const QString &text)
    {
        if (!m_recording)
            return;
        CaptureWriter::encodeText(m_lines, atNs / 1000, text);
        if (++m_entries, m_lines.size() >= HandOverBytes)
            handOver();
    }
    void binaryFrame(qint64 atNs, const QByteArray &bytes)
    {
        if (m_recording)
            add(CaptureEntry {CaptureEntry::Kind::Binary, atNs / 1000, {}, bytes, 0, {}});
    }
    void recordEvent(CaptureEntry::Kind kind, qint64 atNs, int code = 0, const QString &reason = {})
    {
        if (m_recording)
            add(CaptureEntry {kind, atNs / 1000, {}, {}, code, reason});
    }

Q_SIGNALS:
    void notice(const QString &message);

private:
    class Worker;
    class BufferPool;
    void add(const CaptureEntry &entry);
    void handOver();
    void stopRecording(const QString &why);

    std::unique_ptr<BufferPool> m_pool;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QTimer m_timer;
    QByteArray m_lines; // encoded, not yet handed over
    quint64 m_entries = 0; // in m_lines
    std::atomic<int> m_queued {0};
    std::atomic<bool> m_full {false};
    bool m_recording = false;
    QString m_path;
};
