#include "arrivallog.h"

namespace {

// Zigzag: small differences of either sign become small unsigned numbers. The difference is
// taken modulo 2^64, so any two ids (even the ends of the 64-bit range) round-trip.
quint64 zigzag(quint64 difference)
{
    return (difference << 1) ^ quint64(qint64(difference) >> 63);
}

quint64 unzigzag(quint64 value)
{
    return (value >> 1) ^ (~(value & 1) + 1);
}

constexpr std::size_t MaxVarintBytes = 10;

} // namespace

ArrivalLog::ArrivalLog(std::size_t maxBytes)
    : m_maxBytes(maxBytes)
{ }

void ArrivalLog::clear()
{
    m_bytes.clear();
    m_bytes.shrink_to_fit();
    m_count = m_notKept = 0;
    m_lastId = m_lastNs = 0;
}

bool ArrivalLog::append(qint64 id, qint64 atNs)
{
    if (m_bytes.size() + 2 * MaxVarintBytes > m_maxBytes) {
        ++m_notKept;
        return false;
    }
    putVarint(zigzag(quint64(id) - quint64(m_lastId)));
    putVarint(zigzag(quint64(atNs) - quint64(m_lastNs)));
    m_lastId = id;
    m_lastNs = atNs;
    ++m_count;
    return true;
}

void ArrivalLog::putVarint(quint64 value)
{
    while (value >= 0x80) {
        m_bytes.push_back(quint8(value | 0x80));
        value >>= 7;
    }
    m_bytes.push_back(quint8(value));
}

ArrivalLog::Reader::Reader(const ArrivalLog &log)
    : m_bytes(log.m_bytes)
{ }

quint64 ArrivalLog::Reader::readVarint()
{
    quint64 value = 0;
    for (int shift = 0; m_pos < m_bytes.size(); shift += 7) {
        const quint8 byte = m_bytes[m_pos++];
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            break;
    }
    return value;
}

bool ArrivalLog::Reader::next(qint64 *id, qint64 *atNs)
{
    if (m_pos >= m_bytes.size())
        return false;
    m_id = qint64(quint64(m_id) + unzigzag(readVarint()));
    m_atNs = qint64(quint64(m_atNs) + unzigzag(readVarint()));
    *id = m_id;
    *atNs = m_atNs;
    return true;
}
