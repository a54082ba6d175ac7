#pragma once

#include "capture/capturerecorder.h"
#include "framepath.h"
#include "runconfig.h"
#include "runevents.h"
#include "runreport.h"
#include "runtiming.h"
#include "runwatch.h"

#include <QObject>
#include <QPointer>

class MessageSource;
class OrderedSink;

/*!
    Runs one reordering run: builds its two ends (RunEndpoints), takes it through its states
    (connecting, running, holding for a Flush, draining to the sink, finished or failed) and
    concludes its report. What happens to each frame is FramePath's; the connections, the idle
    timeout and the live stats are RunWatch's (docs/ARCHITECTURE.md, "The path of a frame").

    Everything meant for a user interface leaves in batches: eventsReady() every 50 ms when
    RunConfig::recordEvents is set, statsUpdated() a few times a second, and finished() once
    with the report.

    Lives in one thread (the GUI moves it to a worker thread); call its slots through queued
    connections from other threads.
*/
class RunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    // Flow control: past this many frames the sink has not confirmed, the feed is paused (TCP
    // holds it back) until the sink is down to the low mark. RunConfig::sinkHighWater sets it.
    static constexpr quint64 SinkHighWater = RunConfig::DefaultSinkHighWater;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    RunState state() const { return m_state; }
    RunStats stats() const;

public Q_SLOTS:
    void start(const RunConfig &config);
    // Ends the run now: held messages are released and sent, the report is still produced.
    // A second stop while the sink drains gives up waiting for it.
    void stop();
    // Batch mode: release what is held, sorted, to the sink. Stream mode: release the rest.
    void flush();

Q_SIGNALS:
    void stateChanged(RunState state);
    void eventsReady(const RunEventBatch &batch);
    void statsUpdated(const RunStats &stats);
    // Something the operator should know that does not end the run (a drop, a reconnect, the
    // idle timeout, the batch memory cap).
    void notice(const QString &message);
    // A drop, failed attempt or reconnection of the feed or the sink (also sent as a notice).
    void connectionEvent(const ConnectionEvent &event);
    void errorOccurred(const QString &message);
    void finished(const RunReport &report);

private:
    // The feed's side of the run; frames are taken while it is Open.
    enum class Feed : quint8 {
        Open,
        Closing, // asked to close (count reached, stopped): what still arrives is not taken
        Closed, // ended, failed, or never opened
    };

    void setState(RunState state);
    bool isLive() const { return m_state == RunState::Connecting || m_state == RunState::Running; }
    bool isOver() const { return m_state == RunState::Finished || m_state == RunState::Failed; }
    // The first reason given is the run's end reason.
    void endBecause(RunEnd reason)
    {
        if (m_report.endReason == RunEnd::None)
            m_report.endReason = reason;
    }

    void onFeedConnected();
    void onFeedEnded();
    void onFeedFailed(const QString &reason);
    void onSinkFinished();
    void onSinkFailed(const QString &reason);
    void endFeed(RunEnd reason);
    void closeFeed();
    void beginDrain();
    void fail(const QString &reason);
    void failSoon(const QString &reason);
    void complete();
    RunCounters counters() const;
    CaptureHeader captureHeader() const;

    RunConfig m_config;
    RunState m_state = RunState::Idle;
    Feed m_feed = Feed::Closed;
    RunReport m_report; // filled as the run goes (start, end reason, error), concluded at its end
    RunTiming m_timing;
    QPointer<MessageSource> m_source;
    QPointer<OrderedSink> m_sink;
    RunWatch m_watch;
    CaptureRecorder m_capture;
    FramePath m_path;
};
