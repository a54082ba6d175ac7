#include "ordervalidator.h"

#include "protocol/idmath.h"

OrderValidator::OrderValidator() = default;

void OrderValidator::reset()
{
    m_seen.clear();
    m_result = ValidationResult();
}

void OrderValidator::add(qint64 id)
{
    ValidationResult &r = m_result;
    const qint64 index = qint64(r.count++);
    if (!r.maxId || id > *r.maxId) {
        // The common case: a new highest id.
        m_seen.insert(id);
        ++r.unique;
        if (!r.firstId)
            r.firstId = r.minId = id;
        r.maxId = id;
        r.lastId = id;
        return;
    }

    if (r.firstViolationIndex < 0)
        r.firstViolationIndex = index;
    if (id < *r.lastId)
        ++r.descents;
    if (id < *r.maxId)
        r.inversions = IdMath::saturatingAdd(r.inversions, m_seen.countIn(id + 1, *r.maxId));
    if (m_seen.contains(id) || (m_seen.hasForgotten() && id < m_seen.floor())) {
        ++r.duplicates;
    } else {
        m_seen.insert(id);
        ++r.unique;
    }
    if (id < *r.minId)
        r.minId = id;
    r.lastId = id;
}

ValidationResult OrderValidator::result() const
{
    ValidationResult r = m_result;
    r.exact = !m_seen.hasForgotten();
    if (r.minId) {
        const quint64 gapless = IdMath::distance(*r.minId, *r.maxId); // span - 1, never wraps
        r.missingIds = gapless - std::min(gapless, r.unique - 1);
        r.gapRanges = m_seen.intervalCount() > 0 ? m_seen.intervalCount() - 1 : 0;
    }
    return r;
}
