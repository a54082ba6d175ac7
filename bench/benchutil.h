#pragma once

#include <QString>
#include <QtGlobal>

// Process memory figures from /proc/self/status, in KiB.
namespace BenchUtil {

qint64 residentKiB(); // VmRSS
qint64 peakResidentKiB(); // VmHWM
// Resets VmHWM to the current RSS (Linux: /proc/self/clear_refs), so the next peak is per stage.
bool resetPeak();
QString formatRate(double messagesPerSecond);

} // namespace BenchUtil
