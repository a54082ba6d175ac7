#include "app/cli/bridgecommandline.h"
#include "app/cli/signalwatcher.h"
#include "bridge/redisbridge.h"

#include <QCoreApplication>

#include <cstdio>

// reorder-bridge: a Redis channel or stream served to WebSocket consumers (see RedisBridge).
// Runs until SIGINT or SIGTERM; exit status 2 on bad arguments, a port it cannot listen on, or a
// Redis server that refuses it.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reorder-bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REORDER_MONITOR_VERSION));

    BridgeCommandLine commandLine;
    QString error;
    const std::optional<BridgeOptions> options =
        commandLine.parse(app.arguments(), qEnvironmentVariable("REDIS_PASSWORD"), &error);
    if (commandLine.helpRequested()) {
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return 0;
    }
    if (commandLine.versionRequested()) {
        std::printf("reorder-bridge %s\n", REORDER_MONITOR_VERSION);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "reorder-bridge: %s (see --help)\n", qPrintable(error));
        return 2;
    }

    RedisBridge bridge(options->config);
    if (!bridge.listen()) {
        std::fprintf(stderr, "reorder-bridge: %s\n", qPrintable(bridge.errorString()));
        return 2;
    }
    // The first line always says where consumers connect (scripts read it).
    std::printf("consumers: %s\n", qPrintable(bridge.feedUrl().toString()));
    std::fflush(stdout);

    const bool quiet = options->quiet;
    QObject::connect(&bridge, &RedisBridge::logMessage, &app, [quiet](const QString &line) {
        if (!quiet) {
            std::printf("%s\n", qPrintable(line));
            std::fflush(stdout);
        }
    });
    QObject::connect(&bridge, &RedisBridge::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "reorder-bridge: %s\n", qPrintable(reason));
        QCoreApplication::exit(2);
    });
    QObject::connect(&bridge, &RedisBridge::finished, &app, [] { QCoreApplication::exit(0); });

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &bridge, &RedisBridge::stop);
    bridge.start();
    return app.exec();
}
