#include "adaptivewindow.h"

#include <algorithm>
#include <cmath>

AdaptiveWindow::AdaptiveWindow(qint64 maxWindow, qint64 initial)
    : m_max(std::max<qint64>(maxWindow, 1))
    , m_window(std::clamp<qint64>(initial, 1, m_max))
    , m_smallest(m_window)
    , m_largest(m_window)
{ }

// Exact below 64, then 8 buckets per doubling (about 9% apart).
int AdaptiveWindow::bucketOf(quint64 need)
{
    if (need < 64)
        return int(need);
    const int octave = 63 - __builtin_clzll(need); // 6 for 64..127
    const int eighth = int((need >> (octave - 3)) & 7);
    return std::min(Buckets - 1, 64 + (octave - 6) * 8 + eighth);
}

quint64 AdaptiveWindow::upperOf(int bucket)
{
    if (bucket < 64)
        return quint64(bucket);
    const int octave = 6 + (bucket - 64) / 8;
    const int eighth = (bucket - 64) % 8;
    return ((quint64(8 + eighth + 1)) << (octave - 3)) - 1;
}

void AdaptiveWindow::set(qint64 window)
{
    window = std::clamp<qint64>(window, 1, m_max);
    if (window == m_window)
        return;
    m_window = window;
    ++m_changes;
    m_smallest = std::min(m_smallest, window);
    m_largest = std::max(m_largest, window);
}

quint64 AdaptiveWindow::quantile() const
{
    const double wanted = m_total * Quantile;
    double sum = 0;
    for (int b = 0; b < Buckets; ++b) {
        sum += m_weights[std::size_t(b)];
        if (sum >= wanted)
            return upperOf(b);
    }
    return upperOf(Buckets - 1);
}

qint64 AdaptiveWindow::observe(quint64 need, quint64 held)
{
    // Forgetting by weighting the new more (the old shrink relatively); rescaled before the
    // numbers grow out of range.
    m_weights[std::size_t(bucketOf(need))] += m_step;
    m_total += m_step;
    m_step /= Forget;
    if (m_step > 1e100) {
        for (double &w : m_weights)
            w /= m_step;
        m_total /= m_step;
        m_step = 1;
    }

    if (double(need) * 1.25 > double(m_window)) {
        // This one needed (nearly) more than the window: grow now.
        set(qint64(std::ceil(double(need) * Margin)) + 1);
    } else if (++m_sinceShrink >= ShrinkEvery) {
        m_sinceShrink = 0;
        const qint64 target = qint64(std::ceil(double(quantile()) * Margin)) + 1;
        if (target < m_window) {
            // Slowly, and never below what is held: nothing is forced out.
            const qint64 step = std::max<qint64>(1, m_window / 8);
            set(std::max({target, m_window - step, qint64(held), qint64(1)}));
        }
    }
    return m_window;
}
