#include "payloadstore.h"

quint32 PayloadStore::put(const QString &frame, quint64 arrivalIndex)
{
    m_bytes += bytesOf(frame);
    if (!m_freeSlots.empty()) {
        const quint32 slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_payloads[slot] = Payload {frame, arrivalIndex};
        return slot;
    }
    m_payloads.push_back(Payload {frame, arrivalIndex});
    return quint32(m_payloads.size() - 1);
}

PayloadStore::Payload PayloadStore::take(quint32 slot)
{
    Payload payload = std::exchange(m_payloads[slot], Payload());
    m_bytes -= bytesOf(payload.frame);
    m_freeSlots.push_back(slot);
    return payload;
}

void PayloadStore::clear()
{
    m_payloads.clear();
    m_freeSlots.clear();
    m_bytes = 0;
}
