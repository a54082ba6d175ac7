#include "commandline.h"
#include "headlessrunner.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reorder-monitor"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReorderMonitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REORDER_MONITOR_VERSION));

    CommandLine commandLine;
    QString error;
    const std::optional<CommandLineOptions> options = commandLine.parse(app.arguments(), &error);
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

    HeadlessRunner runner(*options);
    QObject::connect(&runner, &HeadlessRunner::done, &app, &QCoreApplication::exit);
    runner.start();
    return app.exec();
}
