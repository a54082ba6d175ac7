#include "verdictstyle.h"

QString VerdictStyle::label(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return tr("PASS", "verdict: ordered, confirmed, nothing dropped or missing");
    case Verdict::Warn:
        return tr("WARN", "verdict: ordered and nothing dropped, but the feed was unhealthy");
    case Verdict::Fail:
        break;
    }
    return tr("FAIL", "verdict: order violated, frames unconfirmed or messages dropped");
}

QColor VerdictStyle::color(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QColor(46, 125, 50); // green
    case Verdict::Warn:
        return QColor(196, 120, 0); // amber, readable on white
    case Verdict::Fail:
        break;
    }
    return QColor(198, 40, 40); // red
}
