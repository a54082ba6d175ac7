// reorder-gui-bench: a full-speed run through the real window (built-in simulator), measuring
// how late a 10 ms timer fires on the GUI thread (the event loop's worst stall) and the
// process's peak RSS. The window keeps the run in a runs history of its own (a temporary
// folder) and records a capture of it, as it does by default; --no-capture leaves that out.
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.
#include "benchutil.h"
#include "history/runhistory.h"
#include "mainwindow.h"
#include "messagepanel.h"
#include "messagetablemodel.h"
#include "messagetableview.h"
#include "runhistorymodel.h"
#include "runsetuppanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ReorderMonitorBench"));
    QStringList arguments = app.arguments().mid(1);
    const bool capture = !arguments.removeAll(QStringLiteral("--no-capture"));
    bool countOk = true;
    const quint64 count = !arguments.isEmpty() ? arguments.first().toULongLong(&countOk) : 1000000;
    if (!countOk || count == 0 || arguments.size() > 1) {
        std::fprintf(stderr, "usage: reorder-gui-bench [MESSAGES (1000000)] [--no-capture]\n");
        return 2;
    }

    QTemporaryDir history;
    QSettings().setValue(QStringLiteral("history/file"),
                         history.filePath(QStringLiteral("history.sqlite")));
    QSettings().setValue(QStringLiteral("capture/enabled"), capture);
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    FeedParams params;
    params.count = count;
    params.disorder = 50;
    params.dup = 0.001;
    params.gap = 0.001;
    params.junk = 0.001;
    RunSetupPanel *setup = window.setupPanel();
    setup->setSource(RunSetupPanel::Source::Simulator);
    setup->setSimulatorParams(params);
    setup->setSink(RunSetupPanel::Sink::Simulator);
    setup->setWindow(1024);
    setup->setMode(ReorderMode::Stream);
    setup->setCount(0);

    // The probe: a 10 ms timer; how late each tick comes is how long the loop was stalled.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worstLateness = 0;
    qint64 worstAtMs = 0; // when it came, since the probe started
    qint64 finishedAtMs = -1;
    quint64 ticks = 0, lateOver50 = 0;
    qint64 peakKiB = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 lateness = (now - last) / 1000000 - 10;
        if (ticks > 0) {
            if (lateness > worstLateness) {
                worstLateness = lateness;
                worstAtMs = now / 1000000;
            }
            lateOver50 += lateness > 50;
        }
        last = now;
        ++ticks;
        if (ticks % 10 == 0)
            peakKiB = std::max(peakKiB, BenchUtil::residentKiB());
    });

    RunReport report;
    QObject::connect(&window, &MainWindow::runFinished, [&](const RunReport &r) {
        report = r;
        finishedAtMs = clock.elapsed();
        // Let the last batches land in the table and chart, then measure and quit.
        QTimer::singleShot(500, &app, [&] {
            peakKiB = std::max(peakKiB, BenchUtil::residentKiB());
            std::printf("gui bench: %llu messages at full speed through the window\n",
                        static_cast<unsigned long long>(count));
            const MessageTableModel *model = window.messageModel();
            std::printf("  run: %s, %llu rows in the table, %.0f msg/s, total %.0f ms\n",
                        qPrintable(RunVerdict::key(report.verdict.level).toUpper()),
                        static_cast<unsigned long long>(model->rowCount()), report.throughput,
                        report.timing.totalMs);
            // The table is a ring of the newest rows: its last row is the run's last frame.
            const QModelIndex last =
                model->index(model->rowCount() - 1, MessageTableModel::ArrivalColumn);
            std::printf("  table: arrivals %llu..%llu of %llu received\n",
                        static_cast<unsigned long long>(model->firstArrival()),
                        static_cast<unsigned long long>(model->data(last).toULongLong()),
                        static_cast<unsigned long long>(report.counters.received));
            // And the view follows it: its bottom row is that frame.
            const QTableView *view = window.messagePanel()->view();
            const int bottomRow = view->rowAt(view->viewport()->height() - 1);
            const QModelIndex bottom =
                view->model()->index(bottomRow >= 0 ? bottomRow : view->model()->rowCount() - 1,
                                     MessageTableModel::ArrivalColumn);
            std::printf("  view: %s, bottom row arrival %llu\n",
                        window.messagePanel()->isPaused() ? "paused" : "following",
                        static_cast<unsigned long long>(view->model()->data(bottom).toULongLong()));
            std::printf("  event loop: worst stall %lld ms (%lld ms %s the run ended) over %llu "
                        "ticks of a 10 ms timer; %llu ticks more than 50 ms late\n",
                        static_cast<long long>(worstLateness),
                        static_cast<long long>(std::abs(finishedAtMs - worstAtMs)),
                        worstAtMs <= finishedAtMs ? "before" : "after",
                        static_cast<unsigned long long>(ticks),
                        static_cast<unsigned long long>(lateOver50));
            std::printf("  memory: peak RSS %.1f MiB (VmHWM %.1f MiB)\n", double(peakKiB) / 1024.0,
                        double(BenchUtil::peakResidentKiB()) / 1024.0);
            const HistoryEntry &kept = window.history()->entry(0);
            std::printf(
                "  history: run %lld kept, CSV %.1f MiB, capture %s\n",
                static_cast<long long>(kept.id), double(QFileInfo(kept.csvPath).size()) / 1048576.0,
                kept.capturePath.isEmpty()
                    ? "off"
                    : qPrintable(QStringLiteral("%1 MiB").arg(
                        double(QFileInfo(kept.capturePath).size()) / 1048576.0, 0, 'f', 1)));
            QCoreApplication::exit(!report.failed() ? 0 : 1);
        });
    });
    QTimer::singleShot(200, [&] {
        clock.start();
        probe.start();
        window.startRun();
    });
    return app.exec();
}
