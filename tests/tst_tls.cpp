#include "run/runcontroller.h"
#include "runtoend.h"
#include "simulator/simulatorhost.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int RunTimeoutMs = 60000;

} // namespace

// wss:// end to end: a QWebSocketServer in secure mode with a self-signed certificate made at
// test time. Without --insecure the run is refused with the certificate's reason; with it the
// run works and says it was not authenticated.
class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void feedCertificateRefused_data();
    void feedCertificateRefused();
    void sinkCertificateRefused();
    void insecureRunsAndSaysSo();
    void headlessRefusedThenInsecure();
    void trustedCertificateNeedsNoInsecure(); // last: it changes the default CA list

private:
    RunReport run(const RunConfig &config, RunController *controller = nullptr);

    QTemporaryDir m_dir;
    QString m_certPath;
    QString m_keyPath;
    std::unique_ptr<SimulatorHost> m_secure;
    SimulatorHost m_plain;
};

void tst_Tls::initTestCase()
{
    // Missing TLS support or openssl is a failure here, never a silent skip.
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (install libssl3)");
    QVERIFY(m_dir.isValid());
    m_certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   m_keyPath, QStringLiteral("-out"), m_certPath, QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY2(openssl.waitForStarted(), "the openssl command is needed to make a certificate");
    QVERIFY(openssl.waitForFinished(60000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());

    QString error;
    const std::optional<QSslConfiguration> tls =
        FeedSimulator::serverTls(m_certPath, m_keyPath, &error);
    QVERIFY2(tls, qPrintable(error));
    m_secure = std::make_unique<SimulatorHost>(*tls);
    QVERIFY2(m_secure->start(0), qPrintable(m_secure->errorString()));
    QVERIFY(m_secure->simulator()->isSecure());
    QVERIFY2(m_plain.start(0), qPrintable(m_plain.errorString()));
}

void tst_Tls::cleanupTestCase()
{
    if (m_secure)
        m_secure->stop();
    m_plain.stop();
}

RunReport tst_Tls::run(const RunConfig &config, RunController *controller)
{
    return runToEnd(config, controller, RunTimeoutMs);
}

void tst_Tls::feedCertificateRefused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("reason");
    QTest::newRow("self-signed") << "127.0.0.1"
                                 << "self-signed";
    QTest::newRow("wrong host") << "localhost"
                                << "host name";
}

void tst_Tls::feedCertificateRefused()
{
    QFETCH(QString, host);
    QFETCH(QString, reason);
    RunConfig config;
    QUrl url = m_secure->simulator()->feedUrl(QStringLiteral("count=100"));
    QCOMPARE(url.scheme(), QStringLiteral("wss"));
    url.setHost(host);
    config.feedUrl = url;
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(report.error.contains(QStringLiteral("certificate")), qPrintable(report.error));
    QVERIFY2(report.error.contains(reason, Qt::CaseInsensitive), qPrintable(report.error));
    QCOMPARE(report.counters.received, quint64(0));
    QVERIFY(!report.ranInsecure());
}

void tst_Tls::sinkCertificateRefused()
{
    RunConfig config;
    config.feedUrl = m_plain.simulator()->feedUrl(QStringLiteral("count=100"));
    config.sinkUrl = m_secure->simulator()->sinkUrl(QStringLiteral("refused"));
    const RunReport report = run(config);
    QCOMPARE(report.exitCode(), 2);
    QVERIFY2(report.error.contains(QStringLiteral("certificate")), qPrintable(report.error));
    QVERIFY2(report.error.contains(QStringLiteral("self-signed")), qPrintable(report.error));
    QCOMPARE(m_secure->simulator()->sinkStats(QStringLiteral("refused")).frames, quint64(0));
}

void tst_Tls::insecureRunsAndSaysSo()
{
    FeedSimulator *sim = m_secure->simulator();
    RunConfig config;
    config.feedUrl = sim->feedUrl(QStringLiteral("count=5000&disorder=20&junk=0.01"));
    config.sinkUrl = sim->sinkUrl(QStringLiteral("insecure"));
    config.insecure = true;
    config.window = 64;
    RunController controller;
    QStringList notices;
    connect(&controller, &RunController::notice, this,
            [&notices](const QString &m) { notices << m; });
    bool statsSayInsecure = false;
    connect(&controller, &RunController::statsUpdated, this,
            [&statsSayInsecure](const RunStats &s) { statsSayInsecure |= s.insecure; });
    const RunReport report = run(config, &controller);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.sent, quint64(5000));
    QCOMPARE(sim->sinkStats(QStringLiteral("insecure")).frames, quint64(5000));
    QVERIFY(report.ranInsecure());
    QVERIFY(statsSayInsecure);
    QVERIFY2(report.ignoredCertificateErrors.join(' ').contains(QStringLiteral("self-signed")),
             qPrintable(report.ignoredCertificateErrors.join(' ')));
    QVERIFY(report.verdict.notes.join(' ').contains(QStringLiteral("INSECURE")));
    QVERIFY(report.summary().contains(QStringLiteral("INSECURE")));
    QVERIFY(notices.join(' ').contains(QStringLiteral("INSECURE")));
    QVERIFY(report.toJson().value(QStringLiteral("insecure")).toBool());
}

void tst_Tls::headlessRefusedThenInsecure()
{
    // The command line against a standalone reorder-feed-server serving wss://.
    QProcess server;
    server.start(QStringLiteral(REORDER_FEED_SERVER_BIN),
                 {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls-cert"),
                  m_certPath, QStringLiteral("--tls-key"), m_keyPath});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromLocal8Bit(server.readLine());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("wss://127.0.0.1:(\\d+)/raw-messages")).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const QString base = QStringLiteral("wss://127.0.0.1:%1").arg(match.captured(1));
    const QStringList common = {QStringLiteral("--headless"), QStringLiteral("--ws-url"),
                                base + QStringLiteral("/raw-messages?count=2000&disorder=9"),
                                QStringLiteral("--send-url"),
                                base + QStringLiteral("/ordered-messages/cli")};

    QProcess refused;
    refused.start(QStringLiteral(REORDER_MONITOR_BIN), common);
    QVERIFY(refused.waitForFinished(60000));
    QCOMPARE(refused.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(refused.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("certificate"))
                 && err.contains(QStringLiteral("self-signed")),
             qPrintable(err));

    const QString reportPath = m_dir.filePath(QStringLiteral("insecure.json"));
    QProcess insecure;
    insecure.start(
        QStringLiteral(REORDER_MONITOR_BIN),
        common
            + QStringList {QStringLiteral("--insecure"), QStringLiteral("--report"), reportPath});
    QVERIFY(insecure.waitForFinished(60000));
    const QString out = QString::fromLocal8Bit(insecure.readAllStandardOutput());
    QVERIFY2(insecure.exitCode() == 0,
             qPrintable(out + QString::fromLocal8Bit(insecure.readAllStandardError())));
    QVERIFY(out.contains(QStringLiteral("INSECURE")));
    const QJsonObject o = TestUtil::readJson(reportPath);
    QVERIFY(!o.isEmpty());
    QVERIFY(o.value(QStringLiteral("insecure")).toBool());
    QCOMPARE(o.value(QStringLiteral("sent")).toInteger(), 2000);

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

void tst_Tls::trustedCertificateNeedsNoInsecure()
{
    // The default configuration is where the system's CA store lives; trusting our certificate
    // there (as an operator's CA would be) makes the run work without --insecure.
    QSslConfiguration defaults = QSslConfiguration::defaultConfiguration();
    defaults.addCaCertificates(m_certPath);
    QSslConfiguration::setDefaultConfiguration(defaults);
    FeedSimulator *sim = m_secure->simulator();
    RunConfig config;
    config.feedUrl = sim->feedUrl(QStringLiteral("count=1000&disorder=5"));
    config.sinkUrl = sim->sinkUrl(QStringLiteral("trusted"));
    const RunReport report = run(config);
    QVERIFY2(!report.failed(), qPrintable(report.summary()));
    QCOMPARE(report.counters.sent, quint64(1000));
    QVERIFY(!report.ranInsecure());
    QVERIFY(report.ignoredCertificateErrors.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
