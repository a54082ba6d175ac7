#pragma once

#include "reorder/latencyhistogram.h"
#include "reorder/ordervalidator.h"
#include "reorder/reorderbuffer.h"
#include "runconfig.h"
#include "runevents.h"
#include "runreport.h"
#include "runtiming.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class MessageSource;
class OrderedSink;

/*!
    Runs one reordering run: source -> codec -> ReorderBuffer -> OrderedSink, with validation,
    timing and the run record.

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
    static constexpr int EventIntervalMs = 50;
    // A busy worker may not get to its timer for a while: a batch also leaves when it is this big,
    // so that the receiver (a GUI thread) never digests more than a few milliseconds at once.
    static constexpr qsizetype MaxBatchEvents = 16384;
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
    struct Payload
    {
        QString frame;
        quint64 arrivalIndex = 0;
    };

    void onText(const QString &frame);
    void onBinary(const QByteArray &frame);
    void onFeedConnected();
    void onFeedEnded();
    void onFeedFailed(const QString &reason);
    void onSinkConnected();
    void onSinkFinished();
    void onSinkFailed(const QString &reason);
    void onBacklogWritten(quint64 first, quint64 count);
    void onHoldTimer();
    void updateFlowControl();
    void onIdleCheck();
    ConnectionEvent dropEvent(ConnectionEvent::Endpoint endpoint, qint64 *downSinceNs,
                              const QString &reason, int attempt) const;
    ConnectionEvent reconnectEvent(ConnectionEvent::Endpoint endpoint, qint64 *downSinceNs,
                                   qint64 *downTotalNs);
    void onFeedDropped(const QString &reason, int attempt);
    void onFeedReconnected();
    void onSinkDropped(const QString &reason, int attempt);
    void onSinkReconnected();
    void onCertificateErrorsIgnored(const QStringList &errors);
    void addConnectionEvent(const ConnectionEvent &event);
    void endFeedBecause(RunEnd reason, const QString &message);

    MessageSource *createSource();
    void setState(RunState state);
    void recordMalformed(quint64 index, qint64 nowNs, QString frame, MalformedReason reason);
    void forwardReleased(qint64 nowNs);
    void releaseAll();
    void armHoldTimer();
    void endFeed();
    void beginDrain();
    void fail(const QString &reason);
    void failSoon(const QString &reason);
    void complete();
    void emitEvents();
    void emitStats();
    RunCounters counters() const;
    quint32 storePayload(const QString &frame, quint64 arrivalIndex);

    RunConfig m_config;
    RunState m_state = RunState::Idle;
    RunTiming m_timing;
    QDateTime m_startedAt;
    std::unique_ptr<ReorderBuffer> m_buffer;
    OrderValidator m_validator;
    LatencyHistogram m_hold;
    RunCounters m_counters; // what the buffer and the sink do not count themselves
    QPointer<MessageSource> m_source;
    QPointer<OrderedSink> m_sink;
    QString m_error;
    QString m_feedDescription;
    bool m_feedOpen = false; // frames are still welcome
    bool m_feedClosing = false;
    bool m_stopped = false;
    bool m_feedPaused = false;

    // Payloads of buffered messages, by slot; freed slots are reused, so this stays O(W).
    std::vector<Payload> m_payloads;
    std::vector<quint32> m_freeSlots;
    std::vector<ReleasedMessage> m_released;

    RunEventBatch m_batch;
    QTimer m_eventTimer;
    QTimer m_statsTimer;
    QTimer m_holdTimer;
    QTimer m_idleTimer;
    qint64 m_lastProgressNs = 0; // a frame arrived or the sink confirmed
    qint64 m_feedDownSinceNs = -1; // the feed is reconnecting since then
    qint64 m_sinkDownSinceNs = -1;
    quint64 m_batchHeldBytes = 0; // estimate of what batch mode holds
    bool m_batchCapReached = false;
    RunEnd m_endReason = RunEnd::None;
    QList<ConnectionEvent> m_connectionEvents;
    quint64 m_connectionEventsDropped = 0;
    QStringList m_ignoredCertificateErrors;
    quint64 m_lastStatsReceived = 0;
    quint64 m_lastStatsSent = 0;
    qint64 m_lastStatsNs = 0;
};

Q_DECLARE_METATYPE(RunConfig)
