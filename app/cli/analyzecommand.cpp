#include "analyzecommand.h"

#include "advisor/capturearrivals.h"
#include "advisor/whatif.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int AnalyzeCommand::run(const CommandLineOptions &options)
{
    CaptureArrivals capture;
    if (const QString error = capture.read(options.analyzePath); !error.isEmpty()) {
        std::fprintf(stderr, "reorder-monitor: %s\n", qPrintable(error));
        return 2;
    }
    // The setting to mark: the recorded run's, or what the command line names.
    WhatIfRun run = capture.run;
    const RunOverrides &named = options.run;
    if (named.autoWindow)
        run.autoWindow = *named.autoWindow;
    run.window = named.window.value_or(run.window);
    run.maxWindow = named.maxWindow.value_or(run.maxWindow);
    run.maxHoldMs = named.maxHoldMs.value_or(run.maxHoldMs);
    if (named.startId)
        run.startId = named.startId;

    const WhatIfTable table = WhatIfTable::analyse(capture.log, run);
    if (options.json) {
        QJsonObject o {
            {QStringLiteral("capture"), options.analyzePath},
            {QStringLiteral("source"), capture.source},
            {QStringLiteral("frames"), qint64(capture.frames)},
            {QStringLiteral("malformed"), qint64(capture.malformed)},
            {QStringLiteral("arrivals"), qint64(table.arrivals)},
            {QStringLiteral("not_analysed"), qint64(table.notAnalysed)},
            {QStringLiteral("recommended_window"), qint64(table.recommendedWindow)},
            {QStringLiteral("suggested_window"), table.suggestedWindow},
            {QStringLiteral("knee_window"),
             table.kneeWindow ? QJsonValue(*table.kneeWindow) : QJsonValue()},
            {QStringLiteral("stop_reason"),
             capture.stopReason.isEmpty() ? QJsonValue() : QJsonValue(capture.stopReason)},
            {QStringLiteral("seconds"), table.seconds},
            {QStringLiteral("rows"), table.toJson()},
        };
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    QString text = tr("capture %1 (of %2): %3 frames, %4 malformed\n")
                       .arg(QDir::toNativeSeparators(options.analyzePath),
                            capture.source.isEmpty() ? tr("an unnamed feed") : capture.source)
                       .arg(capture.frames)
                       .arg(capture.malformed);
    if (!capture.stopReason.isEmpty())
        text += tr("the capture stops early: %1; what it holds up to there is analysed\n")
                    .arg(capture.stopReason);
    text += table.toText();
    std::fputs(text.toLocal8Bit().constData(), stdout);
    return 0;
}
