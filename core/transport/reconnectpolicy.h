#pragma once

#include <QtGlobal>

// Exponential backoff for reconnecting a dropped connection.
struct ReconnectPolicy
{
    int maxAttempts = 8; // consecutive failed attempts before giving up; 0 disables reconnecting
    int initialDelayMs = 100;
    int maxDelayMs = 5000;
    // A connection counts as restored, and the attempts start again from 1, once it delivered
    // something or stayed up this long; one that is refused right after every handshake uses
    // up the attempts instead of reconnecting forever.
    int stableAfterMs = 2000;

    bool enabled() const { return maxAttempts > 0; }
    // Delay before attempt n (from 1): initial, doubling, capped.
    int delayMs(int attempt) const
    {
        qint64 delay = initialDelayMs;
        for (int i = 1; i < attempt && delay < maxDelayMs; ++i)
            delay *= 2;
        return int(qMin<qint64>(delay, maxDelayMs));
    }
};
