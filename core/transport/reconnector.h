#pragma once

#include "reconnectpolicy.h"

#include <QObject>
#include <QTimer>

#include <functional>

/*!
    When to dial a dropped connection again, shared by every connection that reconnects (the
    WebSocket feed, the ordered sink, Redis). It owns the ReconnectPolicy, the number of the
    attempt under way, the backoff timer and the "stable after" timer; its owner dials and
    reports, with its own words.

    The owner calls scheduleRetry() when a connection (or an attempt) ends: true, and retryDue()
    follows after the backoff delay; false when the attempts are used up. connectionUp() when a
    handshake completes; the attempts start again from 1 only once that connection delivered
    something (delivered(), or the first signal given to restoreOn()) or stayed up
    stableAfterMs, never on a handshake alone: a peer that drops right after every handshake
    uses up the attempts instead of being retried forever.

    Lives in its owner's thread: construct it with the owner as parent, so that moveToThread()
    takes it (and its timers, its children) along.
*/
class Reconnector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reconnector)

public:
    explicit Reconnector(QObject *parent = nullptr);

    void setPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    const ReconnectPolicy &policy() const { return m_policy; }

    // The attempt under way or scheduled, from 1; 0 while the connection is restored.
    int attempt() const { return m_attempt; }
    bool isRetryScheduled() const { return m_retryTimer.isActive(); }

    // The connection was lost, or an attempt failed: schedules the next attempt (attempt() is
    // its number) and returns true, or returns false when the attempts are used up or the policy
    // disables reconnecting. Either way the stable timer stops.
    bool scheduleRetry();
    // A handshake completed. After a drop, starts the stable timer and the watch for delivery.
    void connectionUp();
    // The connection delivered something: the attempts are restored. Cheap enough per frame.
    void delivered()
    {
        if (m_attempt > 0)
            restore();
    }
    // Stops both timers and the watch; the count starts again from 0.
    void cancel();

    // The first `signal` of `sender` after each connectionUp() that follows a drop counts as
    // delivered(). The connection exists only until then, so a hot signal costs nothing once
    // the connection is restored. `sender` must outlive this object or be its sibling.
    template<typename Sender, typename Signal> void restoreOn(const Sender *sender, Signal signal)
    {
        m_watchDelivery = [this, sender, signal] {
            return connect(sender, signal, this, &Reconnector::delivered, Qt::SingleShotConnection);
        };
    }

Q_SIGNALS:
    // The backoff delay of attempt() is over: dial again.
    void retryDue();

private:
    void restore();
    void stopWatching();

    ReconnectPolicy m_policy;
    QTimer m_retryTimer;
    QTimer m_stableTimer;
    std::function<QMetaObject::Connection()> m_watchDelivery;
    QMetaObject::Connection m_deliveryWatch;
    int m_attempt = 0;
};
