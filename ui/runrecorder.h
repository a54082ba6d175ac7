#pragma once

#include "run/runevents.h"
#include "run/runreport.h"

#include <QObject>

#include <memory>

class RunCsvWriter;

// Records a run's messages to CSV as they happen, in the run's worker thread.
class RunRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunRecorder)

public:
    explicit RunRecorder(QObject *parent = nullptr);
    ~RunRecorder() override;

    void begin(const QString &path);
    void record(const RunEventBatch &batch);
    void end(const RunReport &report);

Q_SIGNALS:
    // The run ended and its CSV is written (csvError says why not, if not).
    void recorded(const RunReport &report, const QString &csvPath, const QString &csvError);

private:
    std::unique_ptr<RunCsvWriter> m_writer;
    QString m_path;
    QString m_error;
};
