#include "app/cli/signalwatcher.h"
#include "simulator/feedsimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>
#include <memory>

// reorder-feed-server: the built-in feed simulator as a standalone server for operators and
// scripts. Serves /raw-messages?... and /ordered-messages/<name> until SIGINT or SIGTERM.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reorder-feed-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REORDER_MONITOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Serves a simulated out-of-order feed at ws://HOST:PORT/raw-messages?count=&"
        "disorder=&start=&seed=&rate=&delay=&dup=&gap=&junk=&oversize=&drop=&drops=&replay=&"
        "closecode=&stall= and validates what arrives at "
        "ws://HOST:PORT/ordered-messages/<name>?slow=&drop=&drops= (wss:// with --tls-cert "
        "and --tls-key)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("main", "Port to listen on (0: any free port)."),
        QStringLiteral("PORT"), QStringLiteral("8765"));
    const QCommandLineOption hostOption(
        QStringLiteral("host"), QCoreApplication::translate("main", "Address to listen on."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet"), QCoreApplication::translate("main", "Log nothing but errors."));
    const QCommandLineOption certOption(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("main", "Serve wss:// with this PEM certificate (chain)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("tls-key"),
        QCoreApplication::translate("main", "The certificate's private key (PEM, unencrypted)."),
        QStringLiteral("FILE"));
    parser.addOption(portOption);
    parser.addOption(certOption);
    parser.addOption(keyOption);
    parser.addOption(hostOption);
    parser.addOption(quietOption);
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    const QHostAddress address(parser.value(hostOption));
    if (!ok || port > 65535 || address.isNull()) {
        std::fprintf(stderr, "reorder-feed-server: bad --port or --host\n");
        return 2;
    }

    std::unique_ptr<FeedSimulator> secure;
    if (parser.isSet(certOption) || parser.isSet(keyOption)) {
        QString error;
        const std::optional<QSslConfiguration> tls =
            FeedSimulator::serverTls(parser.value(certOption), parser.value(keyOption), &error);
        if (!tls) {
            std::fprintf(stderr, "reorder-feed-server: %s\n", qPrintable(error));
            return 2;
        }
        secure = std::make_unique<FeedSimulator>(*tls);
    }
    FeedSimulator plain;
    FeedSimulator &simulator = secure ? *secure : plain;
    const bool quiet = parser.isSet(quietOption);
    QObject::connect(&simulator, &FeedSimulator::logMessage, &app, [quiet](const QString &line) {
        if (!quiet) {
            std::printf("%s\n", qPrintable(line));
            std::fflush(stdout);
        }
    });
    if (!simulator.listen(address, quint16(port))) {
        std::fprintf(stderr, "reorder-feed-server: cannot listen on %s:%u: %s\n",
                     qPrintable(address.toString()), port, qPrintable(simulator.errorString()));
        return 2;
    }
    std::printf("feed: %s\nsink: %s\n",
                qPrintable(simulator.feedUrl(QStringLiteral("count=1000&disorder=10")).toString()),
                qPrintable(simulator.sinkUrl(QStringLiteral("NAME")).toString()));
    std::fflush(stdout);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    return app.exec();
}
