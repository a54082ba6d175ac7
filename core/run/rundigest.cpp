#include "rundigest.h"

#include <QJsonArray>

void RunDigest::clear()
{
    band.clear();
    histogram.clear();
    rates.clear();
    window.clear();
}

namespace {

QJsonObject bandToJson(const DistanceBand &band)
{
    QJsonArray lo, hi;
    for (const DistanceBand::Bucket &b : band.buckets()) {
        lo.append(b.used ? QJsonValue(b.lo) : QJsonValue());
        hi.append(b.used ? QJsonValue(b.hi) : QJsonValue());
    }
    return QJsonObject {{QStringLiteral("arrivals_per_bucket"), qint64(band.arrivalsPerBucket())},
                        {QStringLiteral("lo"), lo},
                        {QStringLiteral("hi"), hi}};
}

DistanceBand bandFromJson(const QJsonObject &o)
{
    const QJsonArray lo = o.value(QStringLiteral("lo")).toArray();
    const QJsonArray hi = o.value(QStringLiteral("hi")).toArray();
    std::vector<DistanceBand::Bucket> buckets;
    for (qsizetype i = 0; i < std::min(lo.size(), hi.size()); ++i) {
        DistanceBand::Bucket b;
        b.used = !lo.at(i).isNull();
        b.lo = lo.at(i).toInteger();
        b.hi = hi.at(i).toInteger();
        buckets.push_back(b);
    }
    DistanceBand band;
    band.restore(quint64(o.value(QStringLiteral("arrivals_per_bucket")).toInteger(1)),
                 std::move(buckets));
    return band;
}

} // namespace

QJsonObject RunDigest::toJson() const
{
    QJsonArray counts;
    for (int b = 0; b < histogram.used(1); ++b)
        counts.append(qint64(histogram.count(b)));
    QJsonObject rateBins;
    static const char *names[RateSeries::SeriesCount] = {"in", "out", "late", "duplicates",
                                                         "malformed"};
    for (int s = 0; s < RateSeries::SeriesCount; ++s) {
        QJsonArray bins;
        for (quint32 v : rates.bins(RateSeries::Series(s)))
            bins.append(qint64(v));
        rateBins.insert(QLatin1String(names[s]), bins);
    }
    QJsonObject o {
        {QStringLiteral("band"), bandToJson(band)},
        {QStringLiteral("histogram"),
         QJsonObject {{QStringLiteral("counts"), counts},
                      {QStringLiteral("largest"), histogram.largest()}}},
        {QStringLiteral("rates"),
         QJsonObject {{QStringLiteral("bin_ns"), rates.binNs()},
                      {QStringLiteral("last_ns"), rates.lastNs()},
                      {QStringLiteral("bins"), rateBins}}},
    };
    if (!window.buckets().empty())
        o.insert(QStringLiteral("window"), bandToJson(window));
    return o;
}

RunDigest RunDigest::fromJson(const QJsonObject &o)
{
    RunDigest d;
    d.band = bandFromJson(o.value(QStringLiteral("band")).toObject());
    d.window = bandFromJson(o.value(QStringLiteral("window")).toObject());

    const QJsonObject histogram = o.value(QStringLiteral("histogram")).toObject();
    std::array<quint64, DistanceHistogram::Buckets> counts {};
    const QJsonArray stored = histogram.value(QStringLiteral("counts")).toArray();
    for (qsizetype i = 0; i < std::min<qsizetype>(stored.size(), DistanceHistogram::Buckets); ++i)
        counts[std::size_t(i)] = quint64(stored.at(i).toInteger());
    d.histogram.restore(counts, histogram.value(QStringLiteral("largest")).toInteger());

    const QJsonObject rates = o.value(QStringLiteral("rates")).toObject();
    const QJsonObject bins = rates.value(QStringLiteral("bins")).toObject();
    static const char *names[RateSeries::SeriesCount] = {"in", "out", "late", "duplicates",
                                                         "malformed"};
    std::array<std::vector<quint32>, RateSeries::SeriesCount> series;
    for (int s = 0; s < RateSeries::SeriesCount; ++s) {
        for (const QJsonValue &v : bins.value(QLatin1String(names[s])).toArray())
            series[std::size_t(s)].push_back(quint32(v.toInteger()));
    }
    d.rates.restore(rates.value(QStringLiteral("bin_ns")).toInteger(RateSeries::FirstBinNs),
                    rates.value(QStringLiteral("last_ns")).toInteger(), std::move(series));
    return d;
}
