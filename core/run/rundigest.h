#pragma once

#include "distanceband.h"
#include "distancehistogram.h"
#include "rateseries.h"

#include <QJsonObject>

/*!
    What a run's charts show, kept as the run goes and small whatever its length: the distance
    band against arrival, the distance histogram, and the rates over time. Kept with the run in
    the history, so that a past run's charts can be drawn again as they were. Plain value type.
*/
struct RunDigest
{
    DistanceBand band;
    DistanceHistogram histogram;
    RateSeries rates;
    // --window auto: W against arrival (lo and hi: its smallest and largest in each bucket);
    // empty for a fixed window.
    DistanceBand window;

    void clear();
    QJsonObject toJson() const;
    static RunDigest fromJson(const QJsonObject &o);
};
