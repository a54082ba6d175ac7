#pragma once

#include <QString>

#include <vector>

/*!
    The frames of the messages the reorder buffer holds, by slot: the buffer orders small
    entries (id, slot) and the text waits here until it leaves. Freed slots are reused, so the
    store stays as large as the most messages held at once. Counts the memory its frames take.
    Plain value type.
*/
class PayloadStore final
{
public:
    struct Payload
    {
        QString frame;
        quint64 arrivalIndex = 0;
    };

    // Memory a held message costs beyond its text: the slot, the heap entry, the id set's node.
    static constexpr quint64 BytesPerMessage = 160;

    quint32 put(const QString &frame, quint64 arrivalIndex);
    // Empties the slot and hands its payload over.
    Payload take(quint32 slot);
    void clear();

    quint64 bytes() const { return m_bytes; } // held now, estimated
    static quint64 bytesOf(const QString &frame)
    {
        return BytesPerMessage + quint64(frame.capacity()) * sizeof(QChar); // as allocated
    }

private:
    std::vector<Payload> m_payloads;
    std::vector<quint32> m_freeSlots;
    quint64 m_bytes = 0;
};
