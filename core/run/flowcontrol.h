#pragma once

#include <QtGlobal>

/*!
    Holds the feed back while the sink is behind: past a high mark of frames the sink has not
    confirmed, the feed is paused (TCP then holds the producer back) until the backlog is down
    to a quarter of the mark. Counts the pauses and the largest backlog. Plain value type.
*/
class FlowControl final
{
public:
    enum class Action { None, Pause, Resume };

    explicit FlowControl(quint64 highFrames = 0)
        : m_highFrames(highFrames)
    { }

    // What to do with the feed, `paused` or not now, with `unconfirmed` frames waiting.
    Action check(quint64 unconfirmed, bool paused);

    quint64 pauses() const { return m_pauses; }
    quint64 peakFrames() const { return m_peakFrames; }

private:
    quint64 m_highFrames = 0;
    quint64 m_pauses = 0;
    quint64 m_peakFrames = 0;
};
