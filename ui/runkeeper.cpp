#include "runkeeper.h"

#include "capturesettings.h"
#include "history/runhistory.h"
#include "run/runreport.h"

#include <QDateTime>
#include <QDir>
#include <QSettings>

RunKeeper::RunKeeper() = default;

RunKeeper::~RunKeeper()
{
    abandon();
}

QString RunKeeper::open(const QString &path)
{
    auto history = std::make_unique<RunHistory>();
    if (const QString error = history->open(path); !error.isEmpty())
        return error;
    m_history = std::move(history);
    return QString();
}

QString RunKeeper::filesFolder() const
{
    return CaptureSettings::load(QSettings())
        .folderOr(m_history ? m_history->filesFolder() : m_temporary.path());
}

QString RunKeeper::begin(RunConfig *config, const QString &source, QStringList *notes)
{
    m_current = 0;
    if (!m_history) {
        if (!m_temporary.isValid()) {
            *notes << tr("Cannot create a folder for the runs' CSV files: %1")
                          .arg(m_temporary.errorString());
            return QString();
        }
        return m_temporary.filePath(QStringLiteral("run-%1.csv").arg(++m_unkept));
    }
    // The run in the history first: its files are named after its id.
    const std::optional<qint64> id = m_history->begin(*config, source, RunOrigin::Window);
    if (!id) {
        *notes << tr("This run is not kept in the history: %1").arg(m_history->errorString());
        return QString();
    }
    m_current = *id;
    const QDir folder(filesFolder());
    if (!QDir().mkpath(folder.path())) {
        *notes << tr("Cannot create the folder %1: the run's CSV and capture are not kept")
                      .arg(QDir::toNativeSeparators(folder.path()));
        return QString();
    }
    const QString stem =
        QStringLiteral("run-%1-%2")
            .arg(m_current, 4, 10, QLatin1Char('0'))
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString csv = folder.filePath(stem + QStringLiteral(".csv"));
    // A replay is a capture already: it is not recorded again.
    const CaptureSettings capture = CaptureSettings::load(QSettings());
    if (capture.enabled && config->feedKind != FeedKind::Capture) {
        config->capturePath = folder.filePath(stem + QStringLiteral(".jsonl.gz"));
        config->captureMaxBytes = quint64(capture.maxMiB) << 20;
    }
    m_history->setFiles(m_current, csv, config->capturePath);
    return csv;
}

QStringList RunKeeper::finish(const RunReport &report, const QString &csvPath)
{
    QStringList notes;
    const qint64 id = m_current;
    m_current = 0;
    if (!m_history || id == 0)
        return notes;
    if (!m_history->finish(id, report, csvPath))
        notes << tr("The run could not be kept in the history: %1").arg(m_history->errorString());
    if (const int removed = m_history->applyRetention(); removed > 0)
        notes << tr("%n older runs were deleted with their files (the history's limit).", nullptr,
                    removed);
    return notes;
}

void RunKeeper::abandon()
{
    if (m_history && m_current > 0)
        m_history->interrupt(m_current);
    m_current = 0;
}
