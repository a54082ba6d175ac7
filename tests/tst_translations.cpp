#include "mainwindow.h"
#include "messagetablemodel.h"
#include "translations.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Every user-visible string has a Russian translation, and the committed .ts is up to date with
// the sources (lupdate finds nothing new).
class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianIsComplete();
    void russianLoadsAtRuntime();
};

void tst_Translations::russianIsComplete()
{
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("reorder-monitor_ru.ts"));
    QVERIFY(QFile::copy(QStringLiteral(TRANSLATIONS_DIR "/reorder-monitor_ru.ts"), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments = QStringLiteral(SOURCE_DIRS).split(QLatin1Char(','));
    arguments << QStringLiteral("-locations") << QStringLiteral("none")
              << QStringLiteral("-no-obsolete") << QStringLiteral("-ts") << ts;
    QProcess lupdate;
    lupdate.start(QStringLiteral(LUPDATE_BIN), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QCOMPARE(lupdate.exitCode(), 0);

    QFile file(ts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context, source;
    QStringList missing;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            const bool numerus =
                xml.readNext() == QXmlStreamReader::Characters && xml.text().trimmed().isEmpty();
            Q_UNUSED(numerus)
            QString text;
            // Plain or plural translations: gather all text inside <translation>.
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))
                   && !xml.atEnd()) {
                if (xml.isCharacters())
                    text += xml.text();
                xml.readNext();
            }
            if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                missing << QStringLiteral("%1: %2").arg(context, source);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 100);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 strings lack a Russian translation (run the "
                                       "reorder_ui_lupdate target, then translate):\n%2")
                            .arg(missing.size())
                            .arg(missing.join(QLatin1Char('\n')))));
}

void tst_Translations::russianLoadsAtRuntime()
{
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("en")),
             QStringLiteral("en"));
    QCOMPARE(MessageTableModel::statusText(MessageStatus::Late), QStringLiteral("late"));
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("ru")),
             QStringLiteral("ru"));
    const QString late = MessageTableModel::statusText(MessageStatus::Late);
    QVERIFY2(late != QLatin1String("late"), qPrintable(late));
    MainWindow window;
    QVERIFY2(window.windowTitle() != QLatin1String("Reorder Monitor"),
             qPrintable(window.windowTitle()));
    QVERIFY(window.startAction()->text().contains(QChar(0x0421))
            || !window.startAction()->text().contains(QLatin1String("Start")));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
