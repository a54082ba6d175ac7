#pragma once

#include <QtGlobal>

#include <limits>

// Arithmetic on message ids that never overflows: ids span the whole signed 64-bit range, so
// distances between them are computed in unsigned arithmetic and counters saturate.
namespace IdMath {

constexpr qint64 MinId = std::numeric_limits<qint64>::min();
constexpr qint64 MaxId = std::numeric_limits<qint64>::max();
constexpr quint64 Saturated = std::numeric_limits<quint64>::max();

// hi - lo for lo <= hi, exact for every pair of int64 values.
constexpr quint64 distance(qint64 lo, qint64 hi)
{
    return quint64(hi) - quint64(lo);
}

// Number of ids in [lo, hi] (lo <= hi), saturating at 2^64 - 1.
constexpr quint64 spanCount(qint64 lo, qint64 hi)
{
    const quint64 d = distance(lo, hi);
    return d == Saturated ? Saturated : d + 1;
}

constexpr quint64 saturatingAdd(quint64 a, quint64 b)
{
    return a > Saturated - b ? Saturated : a + b;
}

// a + b for b >= 0, clamped at MaxId.
constexpr qint64 clampedAdd(qint64 a, quint64 b)
{
    return b > distance(a, MaxId) ? MaxId : qint64(quint64(a) + b);
}

// a - b for b >= 0, clamped at MinId.
constexpr qint64 clampedSub(qint64 a, quint64 b)
{
    return b > distance(MinId, a) ? MinId : qint64(quint64(a) - b);
}

} // namespace IdMath
