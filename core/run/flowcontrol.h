#pragma once

#include <QtGlobal>

/*!
    Holds the feed back while the sink is behind. Past a high mark of frames the sink has not
    confirmed, or when what the run holds (the reorder buffer's frames and the sink's) is over
    its byte budget with the sink holding a real share of it, the feed is paused (TCP then holds
    the producer back) until the sink is down to a quarter of the frames and the run to half its
    budget, or the sink has caught up. A buffer that alone outgrows the budget (a huge window of
    huge frames) is not the sink's doing: pausing could not shrink it. Counts the pauses and the
    largest backlog. Plain value type.
*/
class FlowControl final
{
public:
    enum class Action { None, Pause, Resume };

    // What is held at one moment: the sink's unconfirmed frames and their bytes, and the bytes
    // the reorder buffer holds.
    struct Backlog
    {
        quint64 sinkFrames = 0;
        quint64 sinkBytes = 0;
        quint64 bufferBytes = 0;

        quint64 bytes() const { return sinkBytes + bufferBytes; }
    };

    FlowControl() = default;
    FlowControl(quint64 highFrames, quint64 budgetBytes)
        : m_highFrames(highFrames)
        , m_budgetBytes(budgetBytes)
    { }

    // What to do with the feed, `paused` or not now.
    Action check(const Backlog &backlog, bool paused);
    // Keeps the peaks only (the feed is closing: there is nothing to pause).
    void observe(const Backlog &backlog);
    // Over the byte budget, whatever the sink's share (a feed that cannot be paused drops then).
    bool overBudget(const Backlog &backlog) const { return backlog.bytes() > m_budgetBytes; }

    quint64 budgetBytes() const { return m_budgetBytes; }
    quint64 pauses() const { return m_pauses; }
    quint64 peakFrames() const { return m_peakFrames; }
    quint64 peakBytes() const { return m_peakBytes; }

private:
    quint64 m_highFrames = 0;
    quint64 m_budgetBytes = 0;
    quint64 m_pauses = 0;
    quint64 m_peakFrames = 0;
    quint64 m_peakBytes = 0;
};
