#include "flowcontrol.h"

#include <algorithm>

void FlowControl::observe(const Backlog &backlog)
{
    m_peakFrames = std::max(m_peakFrames, backlog.sinkFrames);
    m_peakBytes = std::max(m_peakBytes, backlog.bytes());
}

FlowControl::Action FlowControl::check(const Backlog &backlog, bool paused)
{
    // The peaks are kept at every check, so a backlog that only grows while paused still shows.
    observe(backlog);
    if (!paused) {
        const bool framesHigh = backlog.sinkFrames > m_highFrames;
        const bool bytesHigh =
            backlog.bytes() > m_budgetBytes && backlog.sinkBytes > m_budgetBytes / 4;
        if (!framesHigh && !bytesHigh)
            return Action::None;
        ++m_pauses;
        return Action::Pause;
    }
    const bool caughtUp = backlog.sinkFrames == 0;
    const bool low = backlog.sinkFrames < m_highFrames / 4 && backlog.bytes() < m_budgetBytes / 2;
    return caughtUp || low ? Action::Resume : Action::None;
}
