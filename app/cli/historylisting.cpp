#include "historylisting.h"

#include "history/runhistory.h"

#include <QRegularExpression>

#include <cstdio>

namespace {

// One line, one field: the operator's words without tabs or line breaks.
QString field(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QString simple = QString(text).replace(space, QStringLiteral(" ")).trimmed();
    return simple.isEmpty() ? QStringLiteral("-") : simple;
}

} // namespace

QString HistoryListing::line(const HistoryEntry &e)
{
    const QString counts = e.status == RunStatus::Finished
        ? tr("received %1, sent %2, late %3, duplicates %4, malformed %5, missing %6")
              .arg(e.received)
              .arg(e.sent)
              .arg(e.late)
              .arg(e.duplicates)
              .arg(e.malformed)
              .arg(e.missingIds)
        : QStringLiteral("-");
    return QStringList {QString::number(e.id),
                        e.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                        field(e.name),
                        e.statusKey().toUpper(),
                        counts,
                        field(e.source)}
        .join(QLatin1Char('\t'));
}

int HistoryListing::print(const QString &path)
{
    RunHistory history;
    if (const QString error = history.open(path.isEmpty() ? RunHistory::defaultPath() : path);
        !error.isEmpty()) {
        std::fprintf(stderr, "reorder-monitor: %s\n", qPrintable(error));
        return 2;
    }
    for (const HistoryEntry &e : history.list()) {
        const QByteArray text = line(e).toLocal8Bit();
        std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
        std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    return 0;
}
