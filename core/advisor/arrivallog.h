#pragma once

#include <QtGlobal>

#include <vector>

/*!
    The arrival order of a run's messages and their times, kept compact for the what-if advisor:
    each arrival is the difference to the previous id and time, as variable-length integers
    (2 to 4 bytes an arrival for a typical feed, against 16 for the plain pair). Append-only, up
    to a byte cap: past it, arrivals are counted (notKept()) but not kept, and the advisor says
    that it saw only the first size() of them.

    Plain value type; read from several threads at once once written.
*/
class ArrivalLog final
{
public:
    static constexpr std::size_t DefaultMaxBytes = std::size_t(256) << 20;

    explicit ArrivalLog(std::size_t maxBytes = DefaultMaxBytes);

    // False (and counted) once the cap is reached.
    bool append(qint64 id, qint64 atNs);
    void clear();

    quint64 size() const { return m_count; }
    quint64 notKept() const { return m_notKept; }
    bool isEmpty() const { return m_count == 0; }
    std::size_t bytes() const { return m_bytes.size(); }
    qint64 lastNs() const { return m_lastNs; }

    // Reads the arrivals in order; many readers may read one log at once.
    class Reader
    {
    public:
        explicit Reader(const ArrivalLog &log);
        bool next(qint64 *id, qint64 *atNs);

    private:
        quint64 readVarint();
        const std::vector<quint8> &m_bytes;
        std::size_t m_pos = 0;
        qint64 m_id = 0;
        qint64 m_atNs = 0;
    };

private:
    void putVarint(quint64 value);

    std::vector<quint8> m_bytes;
    std::size_t m_maxBytes;
    quint64 m_count = 0;
    quint64 m_notKept = 0;
    qint64 m_lastId = 0;
    qint64 m_lastNs = 0;
};
