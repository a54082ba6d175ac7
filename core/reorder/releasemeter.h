#pragma once

#include "latencyhistogram.h"
#include "ordervalidator.h"
#include "reorderbuffer.h"

/*!
    Measures what leaves a ReorderBuffer, message by message: its output index, how far it
    travelled (arrival index - output index: positive arrived late, negative early), how long it
    was held, and whether the ids left strictly increasing. A run and a what-if replay of its
    arrivals measure with the same code. Plain value type.
*/
class ReleaseMeter final
{
public:
    struct Measure
    {
        quint64 output = 0;
        qint64 distance = 0;
        qint64 holdNs = 0;
    };

    Measure add(const ReleasedMessage &message, qint64 nowNs);
    void reset();

    quint64 sent() const { return m_sent; }
    qint64 maxLateDistance() const { return m_maxLate; }
    qint64 maxEarlyDistance() const { return m_maxEarly; } // as a positive number
    qint64 maxDistance() const { return std::max(m_maxLate, m_maxEarly); }
    const LatencyHistogram &holdTimes() const { return m_hold; }
    ValidationResult validation() const { return m_validator.result(); }

private:
    OrderValidator m_validator;
    LatencyHistogram m_hold;
    quint64 m_sent = 0;
    qint64 m_maxLate = 0;
    qint64 m_maxEarly = 0;
};
