#include "chartaxis.h"

#include <QValueAxis>

#include <cmath>

namespace ChartAxis {

void fit(QValueAxis *axis, double min, double max, int ticks)
{
    if (!(max > min))
        max = min + 1;
    const double raw = (max - min) / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * power;
        if (step >= raw)
            break;
    }
    // The axis makes a label item per tick at once: never let a wide range meet a small
    // interval, even for a moment (millions of items).
    const bool first = axis->tickType() != QValueAxis::TicksDynamic;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    if (first || step >= axis->tickInterval()) {
        axis->setTickInterval(step);
        axis->setRange(min, max);
    } else {
        axis->setRange(min, max);
        axis->setTickInterval(step);
    }
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

int ticksFor(int pixels, int spacing)
{
    return std::max(2, pixels / std::max(1, spacing));
}

void fitTicks(QValueAxis *axis, int ticks)
{
    fit(axis, axis->min(), axis->max(), ticks);
}

QString shortNumber(qint64 value)
{
    const qint64 magnitude = value < 0 ? -value : value;
    const auto scaled = [value](double unit, const char *suffix) {
        const double v = double(value) / unit;
        const bool whole = std::abs(v - std::round(v)) < 0.05 || std::abs(v) >= 10;
        return QString::number(v, 'f', whole ? 0 : 1) + QLatin1String(suffix);
    };
    if (magnitude >= 1000000000)
        return scaled(1e9, "G");
    if (magnitude >= 1000000)
        return scaled(1e6, "M");
    if (magnitude >= 1000)
        return scaled(1e3, "k");
    return QString::number(value);
}

} // namespace ChartAxis
