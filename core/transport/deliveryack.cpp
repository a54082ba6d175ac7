#include "deliveryack.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString AckKey = QStringLiteral("ack");

// Acks are small; anything longer is not one (and is not parsed).
constexpr qsizetype MaxAckFrame = 64;

} // namespace

QString DeliveryAck::frame(quint64 frames)
{
    return QStringLiteral("{\"ack\":%1}").arg(frames);
}

std::optional<quint64> DeliveryAck::parse(QStringView frame)
{
    if (frame.size() > MaxAckFrame)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8());
    const QJsonValue value = document.object().value(AckKey);
    const qint64 n = value.toInteger(-1); // -1 unless a whole number (frame counts stay < 2^53)
    if (n < 0)
        return std::nullopt;
    return quint64(n);
}
