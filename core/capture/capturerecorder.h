#pragma once

#include "captureentry.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <vector>

class CaptureWriter;
class MessageSource;

/*!
    Records a run's feed into a capture while the run goes, without slowing it down: the run's
    thread only appends each frame (its text shared, not copied) to a batch; a thread of its
    own encodes, compresses and writes the batches, and flushes at least once a second, so a
    crash loses at most that. Past its size cap, or when the disk cannot keep up, recording
    stops and says so (notice()); the run goes on.

    Lives in the run's thread.
*/
class CaptureRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureRecorder)

public:
    static constexpr int BatchIntervalMs = 200;
    static constexpr std::size_t MaxBatchEntries = 16384;
    // Batches handed over and not yet written past which the disk is said to be too slow.
    static constexpr int MaxQueuedBatches = 50;

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
        if (m_recording)
            append(CaptureEntry {CaptureEntry::Kind::Text, atNs / 1000, text, {}, 0, {}});
    }
    void binaryFrame(qint64 atNs, const QByteArray &bytes)
    {
        if (m_recording)
            append(CaptureEntry {CaptureEntry::Kind::Binary, atNs / 1000, {}, bytes, 0, {}});
    }
    void event(CaptureEntry::Kind kind, qint64 atNs, int code = 0, const QString &reason = {})
    {
        if (m_recording)
            append(CaptureEntry {kind, atNs / 1000, {}, {}, code, reason});
    }

Q_SIGNALS:
    void notice(const QString &message);

private:
    class Worker;
    void append(CaptureEntry &&entry);
    void handOver();
    void stopRecording(const QString &why);

    QThread m_thread;
    Worker *m_worker = nullptr;
    QTimer m_timer;
    std::vector<CaptureEntry> m_batch;
    std::atomic<int> m_queued {0};
    std::atomic<bool> m_full {false};
    bool m_recording = false;
    QString m_path;
};
