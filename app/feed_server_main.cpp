#include "app/cli/feedservercommandline.h"
#include "app/cli/signalwatcher.h"
#include "capture/capturereader.h"
#include "simulator/feedsimulator.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

// reorder-feed-server: the built-in feed simulator as a standalone server for operators and
// scripts. Serves the feed and the sinks (core/protocol/wireprotocol.h) until SIGINT or SIGTERM;
// exit status 2 on bad arguments, unusable TLS files or a port it cannot listen on.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reorder-feed-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REORDER_MONITOR_VERSION));

    FeedServerCommandLine commandLine;
    QString error;
    const std::optional<FeedServerOptions> options = commandLine.parse(app.arguments(), &error);
    if (commandLine.helpRequested()) {
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return 0;
    }
    if (commandLine.versionRequested()) {
        std::printf("reorder-feed-server %s\n", REORDER_MONITOR_VERSION);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "reorder-feed-server: %s (see --help)\n", qPrintable(error));
        return 2;
    }

    std::unique_ptr<FeedSimulator> secure;
    if (options->tls()) {
        const std::optional<QSslConfiguration> tls =
            FeedSimulator::serverTls(options->tlsCertificate, options->tlsKey, &error);
        if (!tls) {
            std::fprintf(stderr, "reorder-feed-server: %s\n", qPrintable(error));
            return 2;
        }
        secure = std::make_unique<FeedSimulator>(*tls);
    }
    FeedSimulator plain;
    FeedSimulator &simulator = secure ? *secure : plain;
    if (!options->replayPath.isEmpty()) {
        // A capture that cannot be read is said now, not to the first client.
        CaptureReader check;
        if (const QString error = check.open(options->replayPath); !error.isEmpty()) {
            std::fprintf(stderr, "reorder-feed-server: %s\n", qPrintable(error));
            return 2;
        }
        simulator.setReplay(options->replayPath, options->replaySpeed);
    }
    const bool quiet = options->quiet;
    QObject::connect(&simulator, &FeedSimulator::logMessage, &app, [quiet](const QString &line) {
        if (!quiet) {
            std::printf("%s\n", qPrintable(line));
            std::fflush(stdout);
        }
    });
    if (!simulator.listen(options->host, options->port)) {
        std::fprintf(stderr, "reorder-feed-server: cannot listen on %s:%u: %s\n",
                     qPrintable(options->host.toString()), unsigned(options->port),
                     qPrintable(simulator.errorString()));
        return 2;
    }
    const QString example =
        options->replayPath.isEmpty() ? QStringLiteral("count=1000&disorder=10") : QString();
    std::printf("feed: %s\nsink: %s\n", qPrintable(simulator.feedUrl(example).toString()),
                qPrintable(simulator.sinkUrl(QStringLiteral("NAME")).toString()));
    std::fflush(stdout);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    return app.exec();
}
