#include "app/cli/analyzecommand.h"
#include "app/cli/commandline.h"
#include "app/cli/headlessrunner.h"
#include "app/cli/historylisting.h"
#include "mainwindow.h"
#include "runsetuppanel.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// --screenshot: a demo run on the built-in simulator, captured mid-run.
void captureDemo(MainWindow &window, const QString &path)
{
    FeedParams demo;
    demo.count = 400000;
    demo.disorder = 60;
    demo.rate = 50000;
    demo.dup = 0.004;
    demo.gap = 0.002;
    demo.junk = 0.003;
    demo.seed = 7;
    // The feed vanishes three times, evenly spread, and resumes, repeating its last 100 frames.
    demo.drops = 3;
    demo.dropAfter = demo.count / (demo.drops + 1);
    demo.replay = 100;
    RunSetupPanel *setup = window.setupPanel();
    setup->setSource(RunSetupPanel::Source::Simulator);
    setup->setSimulatorParams(demo);
    setup->setSink(RunSetupPanel::Sink::Simulator);
    setup->setWindow(64);
    setup->setMode(ReorderMode::Stream);
    setup->setMaxHoldMs(0);
    setup->setStartId(std::nullopt);
    setup->setCount(0);
    window.startRun();
    QTimer::singleShot(4000, &window, [&window, path] {
        const bool saved = window.grab().save(path);
        std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "cannot save",
                     qPrintable(path));
        window.stopRun();
        // Once the run is recorded in the history (or after a while, whatever happens).
        const int code = saved ? 0 : 2;
        QObject::connect(&window, &MainWindow::runFinished, qApp,
                         [code] { QCoreApplication::exit(code); });
        QTimer::singleShot(20000, qApp, [code] { QCoreApplication::exit(code); });
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine::Startup startup = CommandLine::startup(arguments, Translations::available());
    std::unique_ptr<QCoreApplication> app;
    if (startup.window)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reorder-monitor"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReorderMonitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REORDER_MONITOR_VERSION));
    Translations::install(*app, startup.language);

    // Again, now that the help and the errors can be translated.
    CommandLine commandLine(Translations::available());
    QString error;
    const std::optional<CommandLineOptions> options = commandLine.parse(app->arguments(), &error);
    if (commandLine.helpRequested()) {
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return 0;
    }
    if (commandLine.versionRequested()) {
        std::printf("reorder-monitor %s\n", REORDER_MONITOR_VERSION);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "reorder-monitor: %s (see --help)\n", qPrintable(error));
        return 2;
    }

    if (!options->analyzePath.isEmpty())
        return AnalyzeCommand::run(*options);
    if (options->historyList)
        return HistoryListing::print(options->historyPath);
    if (options->headless) {
        HeadlessRunner runner(*options);
        QObject::connect(&runner, &HeadlessRunner::done, app.get(), &QCoreApplication::exit);
        runner.start();
        return app->exec();
    }

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/reorder-monitor.svg")));
    MainWindow window(options->historyPath);
    window.applyOptions(options->run);
    window.show();
    if (!options->screenshotPath.isEmpty())
        captureDemo(window, options->screenshotPath);
    return app->exec();
}
