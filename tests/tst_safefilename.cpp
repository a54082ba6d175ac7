#include "files/safefilename.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <random>

class tst_SafeFileName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromText_data();
    void fromText();
    void randomTextStaysAPlainName();
    void inside_data();
    void inside();
    void forRun_data();
    void forRun();
};

void tst_SafeFileName::fromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "reorder-monitor"
                           << "reorder-monitor";
    QTest::newRow("empty") << ""
                           << "run";
    QTest::newRow("dot") << "."
                         << "run";
    QTest::newRow("dot dot") << ".."
                             << "run";
    QTest::newRow("dots") << "....."
                          << "run";
    QTest::newRow("traversal") << "../../etc/passwd"
                               << "_.._etc_passwd";
    QTest::newRow("absolute") << "/etc/passwd"
                              << "_etc_passwd";
    QTest::newRow("backslashes") << "..\\..\\windows\\win.ini"
                                 << "_.._windows_win.ini";
    QTest::newRow("hidden") << ".bashrc"
                            << "bashrc";
    QTest::newRow("trailing dot") << "name."
                                  << "name";
    QTest::newRow("spaces and quotes") << "a b\"c'd"
                                       << "a_b_c_d";
    QTest::newRow("shell") << "$(rm -rf ~);`x`|y&z"
                           << "_rm_-rf_x_y_z";
    QTest::newRow("option") << "-rf"
                            << "_-rf";
    QTest::newRow("control") << QStringLiteral("a\nb\tc") + QChar(0) + "d"
                             << "a_b_c_d";
    QTest::newRow("unicode") << QStringLiteral("f\u00fc\u00dfe-\u65e5\u672c") << "f_e-_";
    QTest::newRow("device") << "CON"
                            << "_CON";
    QTest::newRow("device ext") << "nul.csv"
                                << "_nul.csv";
    QTest::newRow("com port") << "com7"
                              << "_com7";
    QTest::newRow("not a device") << "console"
                                  << "console";
    QTest::newRow("long") << QString(500, QLatin1Char('x'))
                          << QString(SafeFileName::MaxLength, QLatin1Char('x'));
}

void tst_SafeFileName::fromText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SafeFileName::fromText(text), expected);
}

void tst_SafeFileName::randomTextStaysAPlainName()
{
    // Whatever a URL brings, the result is one plain name inside the chosen folder.
    const QString alphabet = QStringLiteral("aZ09._-/\\:*?\"<>| \n\t%$~`'") + QChar(0)
        + QChar(0x00e9) + QChar(0x202e) + QChar(0xff0f) + QChar(0xd83d);
    const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = int(rng() % 40);
        for (int k = 0; k < length; ++k)
            text += alphabet.at(qsizetype(rng() % quint32(alphabet.size())));
        const QString name = SafeFileName::fromText(text);
        QVERIFY2(plain.match(name).hasMatch(), qPrintable(name));
        QVERIFY(name.size() <= SafeFileName::MaxLength);
        QVERIFY(name != QLatin1String(".") && name != QLatin1String(".."));
        const std::optional<QString> path = SafeFileName::inside(dir.path(), name);
        QVERIFY2(path, qPrintable(name));
        QCOMPARE(QFileInfo(*path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
    }
}

void tst_SafeFileName::inside_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << "run.csv" << true;
    QTest::newRow("dotted") << "a.b.c" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("dot") << "." << false;
    QTest::newRow("dot dot") << ".." << false;
    QTest::newRow("parent") << "../run.csv" << false;
    QTest::newRow("absolute") << "/etc/passwd" << false;
    QTest::newRow("sub folder") << "a/b.csv" << false;
    QTest::newRow("backslash") << "..\\b.csv" << false;
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false;
}

void tst_SafeFileName::inside()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::optional<QString> path = SafeFileName::inside(dir.path(), name);
    QCOMPARE(bool(path), ok);
    if (path)
        QCOMPARE(*path, QDir(dir.path()).absoluteFilePath(name));
}

void tst_SafeFileName::forRun_data()
{
    QTest::addColumn<QString>("sink");
    QTest::addColumn<QString>("feed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sink name") << "ws://127.0.0.1:8765/ordered-messages/me"
                               << "ws://127.0.0.1:8765/raw-messages"
                               << "me-20240102-030405.csv";
    QTest::newRow("no sink") << ""
                             << "wss://feed.example/raw-messages?count=5"
                             << "raw-messages-20240102-030405.csv";
    QTest::newRow("encoded traversal") << "ws://h/ordered-messages/..%2F..%2Fetc%2Fcron.d"
                                       << ""
                                       << "cron.d-20240102-030405.csv";
    QTest::newRow("dot segments") << "ws://h/ordered-messages/../.."
                                  << ""
                                  << "ordered-messages-20240102-030405.csv";
    QTest::newRow("nothing") << ""
                             << ""
                             << "run-20240102-030405.csv";
}

void tst_SafeFileName::forRun()
{
    QFETCH(QString, sink);
    QFETCH(QString, feed);
    QFETCH(QString, expected);
    const QDateTime at(QDate(2024, 1, 2), QTime(3, 4, 5));
    const QString name = SafeFileName::forRun(QUrl(sink), QUrl(feed), at, QStringLiteral("csv"));
    QCOMPARE(name, expected);
    QVERIFY(SafeFileName::inside(QStringLiteral("/tmp/x"), name));
}

QTEST_APPLESS_MAIN(tst_SafeFileName)
#include "tst_safefilename.moc"
