#include "flowcontrol.h"

#include <algorithm>

FlowControl::Action FlowControl::check(quint64 unconfirmed, bool paused)
{
    // The peak is kept at every check, so a backlog that only grows while paused still shows.
    m_peakFrames = std::max(m_peakFrames, unconfirmed);
    if (!paused && unconfirmed > m_highFrames) {
        ++m_pauses;
        return Action::Pause;
    }
    if (paused && unconfirmed < m_highFrames / 4)
        return Action::Resume;
    return Action::None;
}
