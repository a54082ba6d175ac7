#include "deliverytracker.h"

#include <algorithm>

template<class T> void DeliveryTracker::Ring<T>::pushBack(T value)
{
    if (m_size == m_items.size()) {
        // Full: unroll into a buffer twice the size, oldest first.
        std::vector<T> grown(std::max<std::size_t>(64, m_items.size() * 2));
        for (quint64 i = 0; i < m_size; ++i)
            grown[i] = at(i);
        m_items.swap(grown);
        m_head = 0;
    }
    m_items[(m_head + m_size) & (m_items.size() - 1)] = value;
    ++m_size;
}

DeliveryTracker::DeliveryTracker(quint64 firstArrival)
    : m_acknowledged(firstArrival)
    , m_reported(firstArrival)
    , m_nextArrival(firstArrival)
{ }

void DeliveryTracker::arrived(quint64 index, bool pending)
{
    if (index != m_nextArrival)
        return; // out of order or before the start: not ours to judge
    ++m_nextArrival;
    if (m_done.empty() && !pending) {
        ++m_acknowledged; // the common case: nothing held before it
        return;
    }
    m_done.pushBack(pending ? 0 : 1);
}

void DeliveryTracker::released(quint64 index)
{
    markDone(index);
}

void DeliveryTracker::forwarded(quint64 index, quint64 output)
{
    if (m_outputs.empty())
        m_firstOutput = output;
    m_outputs.pushBack(index);
}

void DeliveryTracker::confirmed(quint64 outputs)
{
    while (!m_outputs.empty() && m_firstOutput < outputs) {
        const quint64 index = m_outputs.front();
        m_outputs.popFront();
        ++m_firstOutput;
        markDone(index);
    }
}

void DeliveryTracker::markDone(quint64 index)
{
    if (index < m_acknowledged || index >= m_nextArrival)
        return; // before the tracker started, or already counted
    m_done.at(index - m_acknowledged) = 1;
    while (!m_done.empty() && m_done.front() != 0) {
        m_done.popFront();
        ++m_acknowledged;
    }
}

std::optional<quint64> DeliveryTracker::takeAcknowledged()
{
    if (m_acknowledged == m_reported)
        return std::nullopt;
    m_reported = m_acknowledged;
    return m_acknowledged;
}
