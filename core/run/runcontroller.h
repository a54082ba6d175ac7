#pragma once

#include "connectionlog.h"
#include "deliverytracker.h"
#include "eventbatcher.h"
#include "flowcontrol.h"
#include "payloadstore.h"
#include "reorder/releasemeter.h"
#include "reorder/reorderbuffer.h"
#include "runconfig.h"
#include "runevents.h"
#include "runreport.h"
#include "runtiming.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class MessageSource;
class OrderedSink;

/*!
    Runs one reordering run: source -> codec -> ReorderBuffer -> OrderedSink, with validation,
    timing and the run record (docs/ARCHITECTURE.md, "The path of a frame").

    Frames are handled one by one on arrival (cheap: decode, push, forward). Everything meant for
    a user interface leaves in batches: eventsReady() every 50 ms when RunConfig::recordEvents is
    set, statsUpdated() a few times a second, and finished() once with the report.

    Lives in one thread (the GUI moves it to a worker thread); call its slots through queued
    connections from other threads.
*/
class RunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    static constexpr int StatsIntervalMs = 250;
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
    // The feed's side of the run. Frames are welcome while it is Open or Paused.
    enum class Feed : quint8 {
        Open,
        Paused, // held back: the sink is behind
        Closing, // asked to close (count reached, stopped): what still arrives is not taken
        Closed, // ended, failed, or never opened
    };

    // The per-frame path.
    void onText(const QString &frame);
    void onBinary(const QByteArray &frame);
    void recordMalformed(quint64 index, qint64 nowNs, QString frame, MalformedReason reason);
    void checkBatchMemory();
    void forwardReleased(qint64 nowNs);
    void onHoldTimer();
    void armHoldTimer();
    void releaseAll();

    // Flow control: the feed waits while the sink is behind.
    void updateFlowControl();
    void onBacklogWritten(quint64 first, quint64 count);

    // The run's states.
    void setState(RunState state);
    void onFeedConnected();
    void onFeedEnded();
    void onFeedFailed(const QString &reason);
    void onSinkFinished();
    void onSinkFailed(const QString &reason);
    void onIdleCheck();
    void endFeed(RunEnd reason);
    void closeFeed();
    void beginDrain();
    void fail(const QString &reason);
    void failSoon(const QString &reason);
    void complete();
    bool isLive() const { return m_state == RunState::Connecting || m_state == RunState::Running; }
    bool feedOpen() const { return m_feed == Feed::Open || m_feed == Feed::Paused; }
    // The first reason given is the run's end reason.
    void endBecause(RunEnd reason)
    {
        if (m_report.endReason == RunEnd::None)
            m_report.endReason = reason;
    }

    // Connections.
    void connectSource(MessageSource *source);
    void connectSink(OrderedSink *sink);
    template<class End> void watchConnection(End *end, ConnectionEvent::Endpoint endpoint);

    // Acknowledged delivery, when the feed asks for it (deliverytracker.h).
    void trackDelivery();
    void acknowledgeDelivery();

    // What leaves besides the events: stats, the report.
    void emitStats();
    RunCounters counters() const;

    RunConfig m_config;
    RunState m_state = RunState::Idle;
    Feed m_feed = Feed::Closed;
    // Filled as the run goes (start, end reason, error), concluded at its end.
    RunReport m_report;
    RunTiming m_timing;

    std::unique_ptr<ReorderBuffer> m_buffer;
    PayloadStore m_payloads;
    std::vector<ReleasedMessage> m_released;
    ReleaseMeter m_meter;
    RunCounters m_counters; // what the buffer, the sink and the log do not count themselves
    ConnectionLog m_connections;
    FlowControl m_flow;
    QPointer<MessageSource> m_source;
    QPointer<OrderedSink> m_sink;
    std::optional<DeliveryTracker> m_delivery; // only while the feed wants acknowledgements

    EventBatcher m_events;
    QTimer m_statsTimer;
    QTimer m_holdTimer;
    QTimer m_idleTimer;
    qint64 m_lastProgressNs = 0; // a frame arrived or the sink confirmed
    quint64 m_lastStatsReceived = 0;
    quint64 m_lastStatsSent = 0;
    qint64 m_lastStatsNs = 0;
};
