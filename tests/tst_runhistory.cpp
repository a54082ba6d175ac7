#include "history/historyschema.h"
#include "history/runhistory.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int ProcessTimeoutMs = 120000;

// A finished run with something in its charts and a verdict with reasons.
RunReport finishedReport(quint64 received, quint64 late = 0)
{
    RunReport r;
    r.startedAt = QDateTime::currentDateTime();
    r.feedDescription = QStringLiteral("ws://127.0.0.1:1/raw-messages");
    r.config.feedUrl = QUrl(r.feedDescription);
    r.config.window = 16;
    r.counters.received = r.counters.accepted = received;
    r.counters.late = late;
    r.counters.sent = received - late;
    r.counters.recommendedWindow = late > 0 ? 40 : 5;
    OrderValidator v;
    for (quint64 id = 0; id < r.counters.sent; ++id)
        v.add(qint64(id));
    r.validation = v.result();
    r.endReason = RunEnd::FeedClosed;
    r.timing.totalMs = 123.5;
    for (quint64 i = 0; i < received; ++i) {
        const qint64 distance = qint64(i % 7) - 3;
        r.digest.band.add(i, distance);
        r.digest.histogram.add(distance);
        r.digest.rates.add(RateSeries::In, qint64(i) * 1000000);
        r.digest.rates.add(RateSeries::Out, qint64(i) * 1000000 + 500000);
    }
    r.evaluate();
    return r;
}

RunConfig someConfig()
{
    RunConfig c;
    c.feedUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/raw-messages"));
    c.window = 16;
    return c;
}

QString writeFile(const QString &path, qsizetype bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray(bytes, 'x'));
    return path;
}

// A connection of the test's own, beside the history's.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db.open();
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // The first column of the first row of `sql`.
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql))
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.lastError().type() == QSqlError::NoError;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

// A pid that no process has now: one of a process that ran and was reaped.
qint64 pidOfAGoneProcess()
{
    QProcess p;
    p.start(QStringLiteral("true"), {});
    if (!p.waitForStarted())
        return 0;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

} // namespace

// The runs history: its database, its migrations, its files and two processes writing it.
class tst_RunHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void createsTheFolderAndTheSchema();
    void migratesADatabaseOfVersion1();
    void refusesANewerSchema();
    void beginFinishListGet();
    void renameAndAnnotate();
    void removeDeletesItsOwnFiles_data();
    void removeDeletesItsOwnFiles();
    void retention_data();
    void retention();
    void runsOfAGoneProcessAreInterrupted();
    void twoProcessesWriteAtOnce();
    void killedRunIsListedInterrupted();

private:
    QString m_path; // a fresh database for each test
    QTemporaryDir m_dir;
    int m_test = 0;
};

void tst_RunHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_RunHistory::init()
{
    m_path = m_dir.filePath(QStringLiteral("t%1/deeper/history.sqlite").arg(++m_test));
}

void tst_RunHistory::createsTheFolderAndTheSchema()
{
    {
        RunHistory history;
        QCOMPARE(history.open(m_path), QString());
        QVERIFY(QFile::exists(m_path));
        QVERIFY(history.list().isEmpty());
        QCOMPARE(history.filesFolder(), QFileInfo(m_path).absoluteDir().filePath("runs"));
    }
    RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT version FROM schema_version")).toInt(),
             HistorySchema::Version);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    // Opening again changes nothing.
    RunHistory again;
    QCOMPARE(again.open(m_path), QString());
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), 1);
}

void tst_RunHistory::migratesADatabaseOfVersion1()
{
    // Version 1 as it was written then: runs with a report and no chart data.
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const RunReport old = finishedReport(300, 12);
    const QString csv = writeFile(m_dir.filePath(QStringLiteral("v1.csv")), 10);
    {
        RawDatabase raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (1)")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                        "started_at TEXT NOT NULL, finished_at TEXT, status TEXT "
                                        "NOT NULL, name TEXT NOT NULL DEFAULT '', source TEXT NOT "
                                        "NULL DEFAULT '', settings_json TEXT NOT NULL DEFAULT "
                                        "'{}', report_json TEXT, csv_path TEXT)")));
        QSqlQuery q(raw.db());
        q.prepare(QStringLiteral("INSERT INTO runs (started_at, finished_at, status, name, source, "
                                 "settings_json, report_json, csv_path) VALUES (?, ?, ?, ?, ?, ?, "
                                 "?, ?)"));
        for (const QVariant &v :
             {QVariant(QStringLiteral("2024-01-02T03:04:05.006Z")),
              QVariant(QStringLiteral("2024-01-02T03:04:06.000Z")),
              QVariant(QStringLiteral("finished")), QVariant(QStringLiteral("before the change")),
              QVariant(QStringLiteral("feed A")), QVariant(QStringLiteral("{\"window\":16}")),
              QVariant(QJsonDocument(old.toJson()).toJson()), QVariant(csv)})
            q.addBindValue(v);
        QVERIFY(q.exec());
        // A run of version 1 still marked running: no process can be found for it now.
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO runs (started_at, status, settings_json) "
                                        "VALUES ('2024-01-03T00:00:00.000Z', 'running', "
                                        "'{\"window\":32,\"mode\":\"batch\"}')")));
    }
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    QCOMPARE(history.interruptedAtOpen(), 1);
    const QList<HistoryEntry> runs = history.list();
    QCOMPARE(runs.size(), 2);
    const HistoryEntry &interrupted = runs.at(0);
    QCOMPARE(interrupted.status, RunStatus::Interrupted);
    QCOMPARE(interrupted.window, 32);
    QCOMPARE(interrupted.mode, QStringLiteral("batch"));
    const HistoryEntry &finished = runs.at(1);
    QCOMPARE(finished.status, RunStatus::Finished);
    QCOMPARE(finished.name, QStringLiteral("before the change"));
    QCOMPARE(finished.verdict, std::optional<Verdict>(Verdict::Fail));
    QCOMPARE(finished.received, quint64(300));
    QCOMPARE(finished.late, quint64(12));
    QCOMPARE(finished.window, 16);
    QCOMPARE(finished.totalMs, 123.5);
    QCOMPARE(finished.csvPath, csv);
    QCOMPARE(finished.startedAt,
             QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC).toLocalTime());
    const std::optional<HistoryRecord> record = history.get(finished.id);
    QVERIFY(record && record->report);
    QCOMPARE(record->report->toJson(), old.toJson());
    QCOMPARE(record->report->verdict.reasonTexts(), old.verdict.reasonTexts());
    RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT version FROM schema_version")).toInt(),
             HistorySchema::Version);
    // What version 2 added works on the migrated rows.
    QVERIFY(history.annotate(finished.id, QStringLiteral("kept from version 1")));
    QVERIFY(history.setRetention({10, 0}));
    QCOMPARE(history.retention().maxRuns, 10);
}

void tst_RunHistory::refusesANewerSchema()
{
    {
        RunHistory history;
        QCOMPARE(history.open(m_path), QString());
    }
    {
        RawDatabase raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
    }
    RunHistory history;
    const QString error = history.open(m_path);
    QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
    QVERIFY(!history.isOpen());
}

void tst_RunHistory::beginFinishListGet()
{
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    RunConfig config = someConfig();
    config.capturePath = m_dir.filePath(QStringLiteral("c.jsonl.gz"));
    const std::optional<qint64> first =
        history.begin(config, QStringLiteral("feed A"), RunOrigin::Window);
    QVERIFY(first);
    const std::optional<qint64> second =
        history.begin(config, QStringLiteral("feed B"), RunOrigin::Headless);
    QVERIFY(second && *second > *first);

    // Newest first; running until finished.
    QList<HistoryEntry> runs = history.list();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).id, *second);
    QCOMPARE(runs.at(0).status, RunStatus::Running);
    QCOMPARE(runs.at(0).origin, RunOrigin::Headless);
    QCOMPARE(runs.at(0).statusKey(), QStringLiteral("running"));
    QCOMPARE(runs.at(1).source, QStringLiteral("feed A"));
    QCOMPARE(runs.at(1).capturePath, config.capturePath);
    QVERIFY(!runs.at(1).verdict);
    std::optional<HistoryRecord> running = history.get(*first);
    QVERIFY(running && !running->report);
    QCOMPARE(running->settings.value("window").toInteger(), 16);

    const RunReport report = finishedReport(500, 7);
    const QString csv = m_dir.filePath(QStringLiteral("first.csv"));
    QVERIFY(history.finish(*first, report, csv));
    runs = history.list();
    const HistoryEntry &done = runs.at(1);
    QCOMPARE(done.status, RunStatus::Finished);
    QCOMPARE(done.verdict, std::optional<Verdict>(Verdict::Fail));
    QCOMPARE(done.statusKey(), QStringLiteral("fail"));
    QCOMPARE(done.received, quint64(500));
    QCOMPARE(done.sent, quint64(493));
    QCOMPARE(done.late, quint64(7));
    QCOMPARE(done.csvPath, csv);
    QVERIFY(done.finishedAt.isValid() && done.finishedAt >= done.startedAt);

    // The whole run back: the report as it was, and the charts' data.
    const std::optional<HistoryRecord> record = history.get(*first);
    QVERIFY(record && record->report);
    QCOMPARE(record->report->toJson(), report.toJson());
    QCOMPARE(record->report->verdict.reasonTexts(), report.verdict.reasonTexts());
    QCOMPARE(record->report->digest.toJson(), report.digest.toJson());
    QCOMPARE(record->report->digest.histogram.total(), quint64(500));
    QVERIFY(!history.get(9999));

    // Another instance (another connection) sees the same.
    RunHistory other;
    QCOMPARE(other.open(m_path), QString());
    QCOMPARE(other.list().size(), 2);
    QCOMPARE(other.get(*first)->report->toJson(), report.toJson());
}

void tst_RunHistory::renameAndAnnotate()
{
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    const qint64 id = *history.begin(someConfig(), QStringLiteral("feed"), RunOrigin::Window);
    QCOMPARE(history.list().first().title(), QStringLiteral("run %1").arg(id));
    QVERIFY(history.rename(id, QStringLiteral("  after the load balancer change ")));
    QVERIFY(history.annotate(id, QStringLiteral("W = 64 was enough\nsecond line")));
    const HistoryEntry e = history.list().first();
    QCOMPARE(e.name, QStringLiteral("after the load balancer change"));
    QCOMPARE(e.title(), e.name);
    QCOMPARE(e.note, QStringLiteral("W = 64 was enough\nsecond line"));
}

void tst_RunHistory::removeDeletesItsOwnFiles_data()
{
    QTest::addColumn<RunOrigin>("origin");
    QTest::addColumn<bool>("filesDeleted");
    QTest::newRow("the window's run: its files go with it") << RunOrigin::Window << true;
    QTest::newRow("a headless run: the operator's files stay") << RunOrigin::Headless << false;
}

void tst_RunHistory::removeDeletesItsOwnFiles()
{
    QFETCH(RunOrigin, origin);
    QFETCH(bool, filesDeleted);
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    QDir().mkpath(history.filesFolder());
    const QString csv = writeFile(QDir(history.filesFolder()).filePath("run.csv"), 100);
    const QString capture = writeFile(QDir(history.filesFolder()).filePath("run.jsonl.gz"), 200);
    const qint64 keep = *history.begin(someConfig(), QStringLiteral("kept"), origin);
    const qint64 id = *history.begin(someConfig(), QStringLiteral("feed"), origin);
    QVERIFY(history.setFiles(id, csv, capture));
    QVERIFY(history.finish(id, finishedReport(10), csv));
    if (origin == RunOrigin::Window)
        QCOMPARE(history.storage().fileBytes, quint64(300));
    QVERIFY(history.remove(id));
    QCOMPARE(QFile::exists(csv), !filesDeleted);
    QCOMPARE(QFile::exists(capture), !filesDeleted);
    QCOMPARE(history.list().size(), 1);
    QCOMPARE(history.list().first().id, keep);
    QVERIFY(!history.get(id));
    QCOMPARE(history.storage().fileBytes, quint64(0));
    // A run going on (in this process) is not deleted.
    QVERIFY(!history.remove(keep));
    QVERIFY(history.errorString().contains(QStringLiteral("going on")));
    QVERIFY(!history.remove(id)); // gone already
}

void tst_RunHistory::retention_data()
{
    QTest::addColumn<int>("maxRuns");
    QTest::addColumn<int>("maxMiB");
    QTest::addColumn<int>("expectedRuns");
    // Six finished runs of 1 MiB of files each, and one still running (never removed).
    QTest::newRow("no limit") << 0 << 0 << 7;
    QTest::newRow("the newest 4") << 4 << 0 << 5; // 4 + the running one, which is older
    QTest::newRow("within 3 MiB") << 0 << 3 << 3; // 2 finished runs + their database + running
    QTest::newRow("both: the tighter wins") << 5 << 2 << 2;
    QTest::newRow("the newest is always kept") << 1 << 1 << 2;
}

void tst_RunHistory::retention()
{
    QFETCH(int, maxRuns);
    QFETCH(int, maxMiB);
    QFETCH(int, expectedRuns);
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    QCOMPARE(history.retention().maxRuns, RunHistory::DefaultKeepRuns); // until set
    QVERIFY(history.setRetention({maxRuns, quint64(maxMiB) << 20}));
    QDir().mkpath(history.filesFolder());
    const qint64 running =
        *history.begin(someConfig(), QStringLiteral("still going"), RunOrigin::Window);
    QStringList files;
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        const qint64 id = *history.begin(someConfig(), QStringLiteral("feed"), RunOrigin::Window);
        const QString csv = writeFile(
            QDir(history.filesFolder()).filePath(QStringLiteral("r%1.csv").arg(i)), 1 << 20);
        QVERIFY(history.finish(id, finishedReport(20), csv));
        files << csv;
        ids << id;
    }
    const int removed = history.applyRetention();
    const QList<HistoryEntry> runs = history.list();
    QCOMPARE(runs.size(), expectedRuns);
    QCOMPARE(removed, 7 - expectedRuns);
    QCOMPARE(runs.first().id, ids.last()); // the newest stays
    QCOMPARE(runs.last().id, running); // and so does the run going on
    // The oldest went, with their files.
    for (int i = 0; i < 6; ++i) {
        const bool kept = i >= 6 - (expectedRuns - 1);
        QCOMPARE(QFile::exists(files.at(i)), kept);
        QCOMPARE(history.get(ids.at(i)).has_value(), kept);
    }
    if (maxMiB > 0 && expectedRuns > 2)
        QVERIFY(history.storage().total() <= quint64(maxMiB) << 20);
}

void tst_RunHistory::runsOfAGoneProcessAreInterrupted()
{
    {
        RunHistory history;
        QCOMPARE(history.open(m_path), QString());
        for (int i = 0; i < 3; ++i)
            history.begin(someConfig(), QStringLiteral("run %1").arg(i), RunOrigin::Headless);
    }
    const qint64 gone = pidOfAGoneProcess();
    QVERIFY(gone > 0);
    {
        RawDatabase raw(m_path);
        // 1: a process that ended; 2: this one, still running; 3: a process of another host.
        QVERIFY(raw.exec(QStringLiteral("UPDATE runs SET pid = %1 WHERE id = 1").arg(gone)));
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE runs SET host = 'elsewhere.example' WHERE id = 3")));
    }
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    QCOMPARE(history.interruptedAtOpen(), 1);
    const QList<HistoryEntry> runs = history.list();
    QCOMPARE(runs.at(2).status, RunStatus::Interrupted);
    QCOMPARE(runs.at(2).statusKey(), QStringLiteral("interrupted"));
    QVERIFY(runs.at(2).finishedAt.isValid());
    QCOMPARE(runs.at(1).status, RunStatus::Running);
    QCOMPARE(runs.at(0).status, RunStatus::Running);
    // The pid of this process with another start time: a pid reused by a new process.
    {
        RawDatabase raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE runs SET process_started = process_started + 1 "
                                        "WHERE id = 2")));
    }
    RunHistory again;
    QCOMPARE(again.open(m_path), QString());
    QCOMPARE(again.interruptedAtOpen(), 1);
    QCOMPARE(again.list().at(1).status, RunStatus::Interrupted);
}

void tst_RunHistory::twoProcessesWriteAtOnce()
{
    // Two real headless runs on one new history, started together (they create it together),
    // while this process writes to it as fast as it can: every row complete, the database intact.
    std::array<QProcess, 2> runs;
    QStringList reports;
    constexpr int Count = 300000;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        reports << m_dir.filePath(QStringLiteral("concurrent-%1.json").arg(i));
        runs[i].start(
            QStringLiteral(REORDER_MONITOR_BIN),
            {QStringLiteral("--headless"), QStringLiteral("--history-file"), m_path,
             QStringLiteral("--sim"),
             QStringLiteral("count=%1&disorder=20&seed=%2").arg(Count + int(i)).arg(i + 1),
             QStringLiteral("--report"), reports.last()});
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_path), 20000);
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    const qint64 mine = *history.begin(someConfig(), QStringLiteral("this"), RunOrigin::Headless);
    int writes = 0;
    int extras = 0;
    // Runs of its own too, but fewer than the retention keeps (500 by default): on a slow build
    // (sanitizers) the loop turns thousands of times, and retention would prune the two runs.
    constexpr int MaxExtras = 300;
    QElapsedTimer clock;
    clock.start();
    const auto done = [&runs] {
        return runs[0].state() == QProcess::NotRunning && runs[1].state() == QProcess::NotRunning;
    };
    while (!done() && clock.elapsed() < ProcessTimeoutMs) {
        QVERIFY2(history.annotate(mine, QStringLiteral("write %1").arg(++writes)),
                 qPrintable(history.errorString()));
        if (extras < MaxExtras) {
            ++extras;
            const qint64 extra =
                *history.begin(someConfig(), QStringLiteral("extra"), RunOrigin::Headless);
            QVERIFY(history.finish(extra, finishedReport(5), QString()));
        }
        for (QProcess &p : runs)
            p.waitForFinished(5);
    }
    for (QProcess &p : runs) {
        QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(ProcessTimeoutMs));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 p.readAllStandardError().constData());
    }
    QVERIFY(writes > 0);
    qInfo("%d writes by this process meanwhile, %d of them runs", writes, extras);

    // Both runs finished, each with the report it wrote to its file.
    int found = 0;
    for (const HistoryEntry &e : history.list()) {
        if (e.source != QLatin1String("built-in simulator"))
            continue;
        ++found;
        QCOMPARE(e.status, RunStatus::Finished);
        const std::optional<HistoryRecord> r = history.get(e.id);
        QVERIFY(r && r->report);
        const quint64 received = r->report->counters.received;
        QVERIFY(received == Count || received == Count + 1);
        const QJsonObject file = TestUtil::readJson(reports.at(int(received - Count)));
        QCOMPARE(r->report->toJson(), file);
        QCOMPARE(r->report->digest.histogram.total(), r->report->counters.sent);
    }
    QCOMPARE(found, 2);
    QCOMPARE(history.list().size(), 3 + extras);
    RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void tst_RunHistory::killedRunIsListedInterrupted()
{
    // A headless run killed (SIGKILL: no chance to say anything) shows as interrupted.
    QProcess run;
    run.start(QStringLiteral(REORDER_MONITOR_BIN),
              {QStringLiteral("--headless"), QStringLiteral("--history-file"), m_path,
               QStringLiteral("--sim"), QStringLiteral("count=0&rate=2000")});
    QVERIFY(run.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_path), 20000);
    RunHistory history;
    QCOMPARE(history.open(m_path), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!history.list().isEmpty(), 20000);
    QCOMPARE(history.list().first().status, RunStatus::Running);
    run.kill();
    QVERIFY(run.waitForFinished(10000));
    QCOMPARE(run.exitStatus(), QProcess::CrashExit);

    QProcess list;
    list.start(QStringLiteral(REORDER_MONITOR_BIN),
               {QStringLiteral("--history-list"), QStringLiteral("--history-file"), m_path});
    QVERIFY(list.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(list.exitCode(), 0);
    const QStringList lines =
        QString::fromLocal8Bit(list.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QStringList fields = lines.first().split('\t');
    QCOMPARE(fields.size(), 6);
    QCOMPARE(fields.at(0), QString::number(history.list().first().id));
    QCOMPARE(fields.at(3), QStringLiteral("INTERRUPTED"));
    QCOMPARE(fields.at(5), QStringLiteral("built-in simulator"));
    QCOMPARE(history.list().first().status, RunStatus::Interrupted);
}

QTEST_GUILESS_MAIN(tst_RunHistory)
#include "tst_runhistory.moc"
