#pragma once

#include "advisor/arrivallog.h"
#include "deliverytracker.h"
#include "eventbatcher.h"
#include "flowcontrol.h"
#include "payloadstore.h"
#include "reorder/adaptivewindow.h"
#include "reorder/intervalset.h"
#include "reorder/releasemeter.h"
#include "reorder/reorderbuffer.h"
#include "runconfig.h"
#include "rundigest.h"
#include "runreport.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class CaptureRecorder;
class MessageSource;
class OrderedSink;
class RunTiming;
class RunWatch;

/*!
    What happens to each frame of a run, on arrival: decode it, count it, keep its text while
    the reorder buffer holds its id, release in order, measure what leaves (ReleaseMeter), hand it
    to the sink, and record it (EventBatcher). Holds the feed back while the sink is behind
    (FlowControl), and drops past the byte budget what a feed that cannot wait sends.

    The hot path: one decode, one push, no allocation beyond the frame's own text. When the run
    must end (--count reached, batch memory cap, over the budget with --on-overflow end) it says
    so with endRequested(); RunController owns the run's states.

    Lives in the run's thread, as a child of the controller.
*/
class FramePath final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramePath)

public:
    FramePath(RunTiming &timing, RunWatch &watch, QObject *parent);
    ~FramePath() override;

    // A new run, its source and (or not) its sink and its capture. Frames are taken until
    // stopTaking().
    void begin(const RunConfig &config, MessageSource *source, OrderedSink *sink,
               CaptureRecorder *capture);
    // No more frames are taken (the feed is closing); a pause is lifted with the close.
    void stopTaking();
    // Releases everything held, in order (Flush, and the end of the run).
    void releaseAll();
    // The run is over: stops the hold timer and hands on the last events.
    void finish();

    void onText(const QString &frame);
    void onBinary(const QByteArray &frame);

    bool isHolding() const { return m_buffer && !m_buffer->isEmpty(); }
    quint64 received() const { return m_received; }
    bool feedPaused() const { return m_paused; }
    // This path's figures into the run's counters.
    void addTo(RunCounters &counters) const;
    ValidationResult validation() const { return m_meter.validation(); }
    const LatencyHistogram &holdTimes() const { return m_meter.holdTimes(); }
    QList<QPair<qint64, qint64>> lostRanges() const;
    QList<QPair<qint64, qint64>> droppedRanges() const;
    const RunDigest &digest() const { return m_digest; }
    // With RunConfig::keepArrivals: what reached the reorder buffer, in order, with its time
    // (taken: the path keeps none after).
    ArrivalLog takeArrivals() { return std::exchange(m_arrivals, ArrivalLog(0)); }

Q_SIGNALS:
    void endRequested(RunEnd reason);
    void notice(const QString &message);
    void eventsReady(const RunEventBatch &batch);

private:
    void recordMalformed(quint64 index, qint64 nowNs, QString frame, MalformedReason reason);
    bool dropOverBudget(const QString &frame, const DecodedMessage &message, quint64 index,
                        qint64 nowNs);
    void checkBatchMemory();
    void endIfCountReached();
    void adaptWindow();
    void forwardReleased(qint64 nowNs);
    void armHoldTimer();
    void onHoldTimer();
    FlowControl::Backlog backlog() const;
    void updateFlowControl();
    void onBacklogWritten(quint64 first, quint64 count);
    // Delivery acknowledgements, once a connection of the feed asks for them.
    void trackDelivery();
    void acknowledge();

    RunTiming &m_timing;
    RunWatch &m_watch;
    RunConfig m_config;
    QPointer<MessageSource> m_source;
    QPointer<OrderedSink> m_sink;
    CaptureRecorder *m_capture = nullptr; // records every frame as it arrives, when set
    bool m_taking = false; // frames are welcome
    bool m_paused = false; // flow control holds the feed back
    bool m_mustDropOverBudget = false; // the feed cannot be paused

    std::unique_ptr<ReorderBuffer> m_buffer;
    std::optional<AdaptiveWindow> m_adaptive; // --window auto
    ArrivalLog m_arrivals;
    PayloadStore m_payloads;
    std::vector<ReleasedMessage> m_released;
    ReleaseMeter m_meter;
    FlowControl m_flow;
    IntervalSet m_overBudget; // ids dropped over the budget
    // What the buffer, the meter and the flow control do not count themselves.
    quint64 m_received = 0;
    quint64 m_accepted = 0;
    quint64 m_malformed = 0;
    quint64 m_droppedOverBudget = 0;
    std::array<quint64, MalformedReasonCount> m_malformedByReason {};
    RunDigest m_digest; // what the charts need, kept small
    std::optional<DeliveryTracker> m_delivery; // only while the feed wants acknowledgements

    EventBatcher m_events;
    QTimer m_holdTimer;
};
