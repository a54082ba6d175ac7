#include "releasemeter.h"

ReleaseMeter::Measure ReleaseMeter::add(const ReleasedMessage &message, qint64 nowNs)
{
    Measure m;
    m.output = m_sent++;
    m.distance = qint64(message.sequence) - qint64(m.output);
    m.holdNs = nowNs - message.arrivalNs;
    m_validator.add(message.id);
    m_hold.record(m.holdNs);
    m_maxLate = std::max(m_maxLate, m.distance);
    m_maxEarly = std::max(m_maxEarly, -m.distance);
    return m;
}

void ReleaseMeter::reset()
{
    *this = ReleaseMeter();
}
