#include "comparefigures.h"

#include "runsetuppanel.h"
#include "verdictstyle.h"

#include <QLocale>

#include <cmath>
#include <functional>
#include <optional>

namespace {

// A figure as text, and as a number when it is one (for the difference).
struct Value
{
    QString text;
    std::optional<double> number;
};

Value count(quint64 v)
{
    return {QLocale().toString(v), double(v)};
}

Value signedCount(qint64 v)
{
    return {QLocale().toString(v), double(v)};
}

Value ms(double v)
{
    return {QLocale().toString(v, 'f', v < 10 ? 3 : 1), v};
}

Value text(const QString &v)
{
    return {v.isEmpty() ? QStringLiteral("–") : v, std::nullopt};
}

// What does not exist is "–", as in the results: nothing sent has no order, no hold times and
// no throughput; nothing received has no recommended window.
Value ifSent(const RunReport &r, const Value &v)
{
    return r.counters.sent > 0 ? v : text(QString());
}

QString endText(RunEnd end)
{
    switch (end) {
    case RunEnd::None:
        break;
    case RunEnd::FeedClosed:
        return CompareFigures::tr("the feed closed");
    case RunEnd::CountReached:
        return CompareFigures::tr("the count was reached");
    case RunEnd::Stopped:
        return CompareFigures::tr("the operator stopped it");
    case RunEnd::IdleTimeout:
        return CompareFigures::tr("the idle timeout");
    case RunEnd::BatchMemoryCap:
        return CompareFigures::tr("batch mode's memory cap");
    case RunEnd::FeedFailed:
        return CompareFigures::tr("the feed failed");
    case RunEnd::SinkFailed:
        return CompareFigures::tr("the sink failed");
    case RunEnd::BacklogOverBudget:
        return CompareFigures::tr("the sink's backlog over its budget");
    }
    return QString();
}

QString difference(double a, double b, bool decimals)
{
    const double d = b - a;
    if (d == 0)
        return QString();
    const QString magnitude = decimals
        ? QLocale().toString(std::abs(d), 'f', std::abs(d) < 10 ? 3 : 1)
        : QLocale().toString(qint64(std::llround(std::abs(d))));
    return (d > 0 ? QStringLiteral("+") : QStringLiteral("−")) + magnitude;
}

} // namespace

QList<CompareRow> CompareFigures::rows(const HistoryRecord &ra, const HistoryRecord &rb)
{
    const RunReport a = ra.report.value_or(RunReport());
    const RunReport b = rb.report.value_or(RunReport());
    QList<CompareRow> rows;
    const auto heading = [&rows](const QString &title) {
        CompareRow r;
        r.figure = title;
        r.heading = true;
        rows << r;
    };
    const auto add = [&rows, &a, &b](const QString &figure,
                                     const std::function<Value(const RunReport &)> &of,
                                     bool decimals = false) {
        const Value va = of(a);
        const Value vb = of(b);
        CompareRow r;
        r.figure = figure;
        r.a = va.text;
        r.b = vb.text;
        r.differs = va.text != vb.text;
        if (r.differs && va.number && vb.number)
            r.difference = difference(*va.number, *vb.number, decimals);
        rows << r;
    };
    const auto entryText = [&rows](const QString &figure, const QString &x, const QString &y) {
        CompareRow r;
        r.figure = figure;
        r.a = x.isEmpty() ? QStringLiteral("–") : x;
        r.b = y.isEmpty() ? QStringLiteral("–") : y;
        r.differs = r.a != r.b;
        rows << r;
    };

    heading(tr("The run"));
    entryText(tr("Name"), ra.entry.title(), rb.entry.title());
    // To the second: two runs of one minute differ.
    const auto started = [](const QDateTime &t) {
        return QLocale().toString(t.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + t.time().toString(QStringLiteral("HH:mm:ss"));
    };
    entryText(tr("Started"), started(ra.entry.startedAt), started(rb.entry.startedAt));
    entryText(tr("Source"), ra.entry.source, rb.entry.source);
    add(tr("Feed"), [](const RunReport &r) { return text(r.feedDescription); });
    add(tr("Sink"), [](const RunReport &r) {
        return text(r.config.sinkUrl.toDisplayString(QUrl::RemovePassword));
    });
    add(tr("Mode"),
        [](const RunReport &r) { return text(RunSetupPanel::modeText(r.config.mode)); });
    add(tr("Window W"), [](const RunReport &r) {
        return r.config.autoWindow ? text(r.config.windowDescription())
                                   : signedCount(r.config.window);
    });
    add(tr("W at most (auto)"), [](const RunReport &r) {
        return r.config.autoWindow ? signedCount(r.counters.windowLargest) : text(QString());
    });
    add(tr("Max hold (ms)"), [](const RunReport &r) { return signedCount(r.config.maxHoldMs); });
    entryText(tr("Note"), ra.entry.note, rb.entry.note);

    heading(tr("Verdict"));
    add(tr("Verdict"),
        [](const RunReport &r) { return text(VerdictStyle::label(r.verdict.level)); });
    rows.last().verdict = true;
    add(tr("Reasons"), [](const RunReport &r) {
        return text(r.verdict.reasonTexts().join(QStringLiteral("\n")));
    });
    add(tr("Ended by"), [](const RunReport &r) { return text(endText(r.endReason)); });

    heading(tr("Counts"));
    add(tr("Received"), [](const RunReport &r) { return count(r.counters.received); });
    add(tr("Accepted"), [](const RunReport &r) { return count(r.counters.accepted); });
    add(tr("Sent"), [](const RunReport &r) { return count(r.counters.sent); });
    add(tr("Confirmed by sink"), [](const RunReport &r) { return count(r.counters.confirmed); });
    add(tr("Late"), [](const RunReport &r) { return count(r.counters.late); });
    add(tr("Duplicates"), [](const RunReport &r) { return count(r.counters.duplicates); });
    add(tr("Malformed"), [](const RunReport &r) { return count(r.counters.malformed); });
    add(tr("Missing ids"), [](const RunReport &r) { return count(r.counters.missingIds); });
    add(tr("Gaps"), [](const RunReport &r) { return count(r.counters.gapRanges); });
    add(tr("Ids that never arrived"), [](const RunReport &r) { return count(r.counters.lostIds); });

    heading(tr("Order"));
    add(tr("Ordered"), [](const RunReport &r) {
        return ifSent(r, text(r.validation.ordered() ? tr("yes") : tr("no")));
    });
    add(tr("Inversions"),
        [](const RunReport &r) { return ifSent(r, count(r.validation.inversions)); });
    add(tr("Max distance"),
        [](const RunReport &r) { return ifSent(r, signedCount(r.counters.maxDistance)); });
    add(tr("Max late distance"),
        [](const RunReport &r) { return ifSent(r, signedCount(r.counters.maxLateDistance)); });
    add(tr("Max early distance"),
        [](const RunReport &r) { return ifSent(r, signedCount(r.counters.maxEarlyDistance)); });
    add(tr("Recommended window"), [](const RunReport &r) {
        return r.counters.received > 0 ? count(r.counters.recommendedWindow) : text(QString());
    });

    heading(tr("Timing (ms)"));
    add(
        tr("Connect"), [](const RunReport &r) { return ms(r.timing.connectMs); }, true);
    add(
        tr("Receive"), [](const RunReport &r) { return ms(r.timing.receiveMs); }, true);
    add(
        tr("Order"), [](const RunReport &r) { return ms(r.timing.orderMs); }, true);
    add(
        tr("Send"), [](const RunReport &r) { return ms(r.timing.sendMs); }, true);
    add(
        tr("Total"), [](const RunReport &r) { return ms(r.timing.totalMs); }, true);
    add(tr("Throughput (msg/s)"), [](const RunReport &r) {
        return ifSent(
            r, Value {QLocale().toString(qint64(r.throughput)), double(qint64(r.throughput))});
    });

    heading(tr("Hold time (ms)"));
    add(
        tr("Hold min"), [](const RunReport &r) { return ifSent(r, ms(r.hold.minMs)); }, true);
    add(
        tr("Hold p50"), [](const RunReport &r) { return ifSent(r, ms(r.hold.p50Ms)); }, true);
    add(
        tr("Hold p99"), [](const RunReport &r) { return ifSent(r, ms(r.hold.p99Ms)); }, true);
    add(
        tr("Hold max"), [](const RunReport &r) { return ifSent(r, ms(r.hold.maxMs)); }, true);

    heading(tr("Connections"));
    add(tr("Feed drops"), [](const RunReport &r) { return count(r.counters.feedDrops); });
    add(tr("Feed reconnections"),
        [](const RunReport &r) { return count(r.counters.feedReconnects); });
    add(tr("Sink drops"), [](const RunReport &r) { return count(r.counters.sinkDrops); });
    add(tr("Sink reconnections"),
        [](const RunReport &r) { return count(r.counters.sinkReconnects); });
    add(tr("Re-sent to sink"), [](const RunReport &r) { return count(r.counters.resent); });
    add(tr("Feed held back"), [](const RunReport &r) { return count(r.counters.feedPauses); });
    add(tr("Sink backlog peak"),
        [](const RunReport &r) { return count(r.counters.sinkBacklogPeak); });
    return rows;
}
