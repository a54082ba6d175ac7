#include "reconnector.h"

Reconnector::Reconnector(QObject *parent)
    : QObject(parent)
    , m_retryTimer(this) // children, so that moveToThread() takes them along
    , m_stableTimer(this)
{
    m_retryTimer.setSingleShot(true);
    m_stableTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Reconnector::retryDue);
    connect(&m_stableTimer, &QTimer::timeout, this, &Reconnector::restore);
}

bool Reconnector::scheduleRetry()
{
    m_stableTimer.stop();
    stopWatching();
    if (!m_policy.enabled() || m_attempt >= m_policy.maxAttempts)
        return false;
    ++m_attempt;
    m_retryTimer.start(m_policy.delayMs(m_attempt));
    return true;
}

void Reconnector::connectionUp()
{
    m_retryTimer.stop();
    if (m_attempt == 0)
        return;
    // Restored once it delivers or stays up; not merely by a handshake.
    m_stableTimer.start(m_policy.stableAfterMs);
    stopWatching();
    if (m_watchDelivery)
        m_deliveryWatch = m_watchDelivery();
}

void Reconnector::restore()
{
    m_attempt = 0;
    m_stableTimer.stop();
    stopWatching();
}

void Reconnector::cancel()
{
    m_retryTimer.stop();
    restore();
}

void Reconnector::stopWatching()
{
    if (m_deliveryWatch)
        QObject::disconnect(m_deliveryWatch);
    m_deliveryWatch = {};
}
