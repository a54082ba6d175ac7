#pragma once

#include "intervalset.h"

#include <QtGlobal>

#include <optional>

struct ValidationResult
{
    quint64 count = 0; // ids seen
    quint64 unique = 0;
    quint64 duplicates = 0; // ids seen before
    quint64 inversions = 0; // pairs (i < j) with id_i > id_j
    quint64 descents = 0; // adjacent pairs out of order
    quint64 missingIds = 0; // ids between the lowest and the highest that never came
    quint64 gapRanges = 0; // runs of such ids
    std::optional<qint64> firstId;
    std::optional<qint64> lastId;
    std::optional<qint64> minId;
    std::optional<qint64> maxId;
    qint64 firstViolationIndex = -1; // index of the first id that broke strict increase
    bool exact = true; // false if the id set outgrew its bound and old ids were forgotten

    bool ordered() const { return inversions == 0 && duplicates == 0; }
};

/*!
    Checks a sequence of ids (what was actually sent, or what a sink received) for strict
    increase, and counts duplicates, inversions and gaps.

    Memory is one interval per gap (bounded by IntervalSet's cap); a strictly increasing sequence
    costs O(1) per id. Plain value type, not thread-safe.
*/
class OrderValidator final
{
public:
    OrderValidator();

    void add(qint64 id);
    ValidationResult result() const;
    void reset();

private:
    IntervalSet m_seen;
    ValidationResult m_result;
};
