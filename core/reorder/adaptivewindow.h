#pragma once

#include <QtGlobal>

#include <array>

/*!
    A window that follows the feed's disorder (RunConfig "--window auto"): it starts small,
    grows at once when a message needed more than it had (it was, or nearly was, late: as SRT
    raises its reorder tolerance when a packet it reported lost turns up), and shrinks slowly
    when the disorder falls, towards a high quantile of the windows recent messages needed,
    forgotten at a steady rate (as WebRTC NetEq's delay manager keeps its target delay). Bounded
    by a maximum, and never below what is held: shrinking never forces a message out.

    Plain value type; O(1) a message (a quantile over 256 buckets every 1,024 messages).
*/
class AdaptiveWindow final
{
public:
    static constexpr qint64 Initial = 16;
    // Growth: the need times this; the target when shrinking: the quantile times this.
    static constexpr double Margin = 1.5;
    static constexpr double Quantile = 0.9999;
    // Per message; the needs of the last few thousand messages count most.
    static constexpr double Forget = 0.9995;
    static constexpr int ShrinkEvery = 1024;

    explicit AdaptiveWindow(qint64 maxWindow, qint64 initial = Initial);

    // A message needed `need` (the ids greater than it that arrived before it) while `held`
    // are held: the window to use from now on.
    qint64 observe(quint64 need, quint64 held);

    qint64 window() const { return m_window; }
    qint64 smallest() const { return m_smallest; }
    qint64 largest() const { return m_largest; }
    quint64 changes() const { return m_changes; }

private:
    static int bucketOf(quint64 need);
    static quint64 upperOf(int bucket);
    void set(qint64 window);
    quint64 quantile() const;

    static constexpr int Buckets = 256;
    std::array<double, Buckets> m_weights {};
    double m_total = 0;
    double m_step = 1; // the weight of the next message: grows instead of decaying the rest
    qint64 m_max;
    qint64 m_window;
    qint64 m_smallest;
    qint64 m_largest;
    quint64 m_changes = 0;
    int m_sinceShrink = 0;
};
