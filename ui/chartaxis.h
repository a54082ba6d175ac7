#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QValueAxis;
QT_END_NAMESPACE

// Axis helpers the charts share: exact ranges with round ticks, and short numbers for labels.
namespace ChartAxis {

// The axis spans exactly min..max (the data, not twice it), with ticks at round values (1, 2 or
// 5 times a power of ten) about `ticks` apart, labelled with the decimals they need.
void fit(QValueAxis *axis, double min, double max, int ticks = 5);
// About one tick per `spacing` pixels of an axis `pixels` long (at least 2).
int ticksFor(int pixels, int spacing);
// Round ticks for the axis's present range (after a zoom).
void fitTicks(QValueAxis *axis, int ticks = 5);
// 0, 950, 1k, 16k, 1.5M: a label that never needs eliding.
QString shortNumber(qint64 value);

} // namespace ChartAxis
