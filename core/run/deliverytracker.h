#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

/*!
    What a run may acknowledge to its feed (MessageSource::acknowledge): the largest N such
    that every arrival below N is dealt with. An arrival is dealt with when it was not
    forwardable (malformed, late, duplicate: at once), or when it left the reorder buffer and,
    with a sink, the sink confirmed it (OrderedSink counts its confirmations by output index);
    without a sink, leaving the buffer is enough.

    Arrivals come in order, each reported once; a tracker started mid-run (firstArrival) ignores
    what arrived before it. Memory: one flag per arrival from the oldest one not dealt with, and
    one index per forwarded output the sink has not confirmed: what the buffer and the sink hold
    anyway. O(1) amortised per message; it allocates only when it outgrows what it held before.
    Plain value type.
*/
class DeliveryTracker final
{
public:
    explicit DeliveryTracker(quint64 firstArrival = 0);

    // The next arrival, `index`: held in the reorder buffer (pending) or dealt with at once.
    void arrived(quint64 index, bool pending);
    // A held arrival left the buffer with no sink to confirm it: dealt with.
    void released(quint64 index);
    // A held arrival left the buffer as the sink's output number `output` (outputs in order).
    void forwarded(quint64 index, quint64 output);
    // The sink confirmed its first `outputs` outputs.
    void confirmed(quint64 outputs);

    quint64 acknowledged() const { return m_acknowledged; }
    // acknowledged() when it grew since the last call; nullopt otherwise.
    std::optional<quint64> takeAcknowledged();

    // Arrivals from the oldest not dealt with on, and outputs not confirmed, held now.
    quint64 span() const { return m_done.size(); }
    quint64 unconfirmed() const { return m_outputs.size(); }

private:
    // A queue in one buffer that doubles when full: no allocation per element.
    template<class T> class Ring
    {
    public:
        quint64 size() const { return m_size; }
        bool empty() const { return m_size == 0; }
        T &at(quint64 i) { return m_items[(m_head + i) & (m_items.size() - 1)]; }
        T &front() { return at(0); }
        void pushBack(T value);
        void popFront()
        {
            m_head = (m_head + 1) & (m_items.size() - 1);
            --m_size;
        }

    private:
        std::vector<T> m_items; // a power of two in size
        quint64 m_head = 0;
        quint64 m_size = 0;
    };

    void markDone(quint64 index);

    quint64 m_acknowledged; // arrivals below this are dealt with; m_done[0] is this one
    quint64 m_reported;
    quint64 m_nextArrival;
    Ring<quint8> m_done; // per arrival from m_acknowledged: dealt with yet?
    Ring<quint64> m_outputs; // arrival index of each output from m_firstOutput, unconfirmed
    quint64 m_firstOutput = 0;
};
