#pragma once

#include "capturereader.h"
#include "transport/messagesource.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>

/*!
    A capture played back as a feed: its frames exactly as they were recorded, at their
    original pace scaled by `speed` (2 = twice as fast; 0 = as fast as the run takes them), and
    its connection's story (drops, reconnections, the close). Reads the file as it plays, so a
    capture of any size costs the same memory. A capture cut short plays up to the cut and says
    where it stopped (notice()), then ends.

    Pausing really pauses (nothing is read meanwhile).
*/
class CaptureSource final : public MessageSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureSource)

public:
    // Frames emitted per turn of the event loop at most, so that a replay at full speed leaves
    // the loop room for timers and the sink.
    static constexpr int FramesPerTurn = 1024;

    CaptureSource(const QString &path, double speed, QObject *parent = nullptr);

    // A speed as an operator types it: a factor from 0.001 to 1000, or "max" (0: at once).
    static std::optional<double> speedFromText(const QString &text);

    void open() override;
    void close() override;
    QString description() const override;
    void setPaused(bool paused) override;

private:
    void play();
    void schedule();
    void finish(bool normal, const QString &reason);
    void deliver(const CaptureEntry &entry);

    QString m_path;
    double m_speed = 1; // 0: as fast as possible
    CaptureReader m_reader;
    CaptureEntry m_next;
    bool m_hasNext = false;
    bool m_open = false;
    bool m_connected = false;
    bool m_up = false; // between an open and a drop
    bool m_paused = false;
    bool m_done = false;
    qint64 m_firstUs = -1;
    QElapsedTimer m_clock;
    qint64 m_pausedNs = 0; // time spent paused, which the pace does not count
    qint64 m_pausedAtNs = -1;
    QTimer m_timer;
};
