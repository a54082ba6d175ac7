#pragma once

#include "outputfile.h"
#include "run/runevents.h"

#include <QCoreApplication>
#include <QString>

#include <deque>
#include <memory>

/*!
    Writes a run's messages to CSV, one row per frame in arrival order, as the events come:
    arrival_index, id, text, arrival_ms, status, output_index, distance, hold_ms, sent_ms, reason,
    raw. A row is written once it is complete (released and sent, or late, duplicate or
    malformed), so memory holds only the rows still in flight, about the reorder window.
    Written through OutputFile: a regular file appears whole on finish(), or not at all; a
    device is written into.
*/
class RunCsvWriter final
{
    Q_DECLARE_TR_FUNCTIONS(RunCsvWriter)

public:
    explicit RunCsvWriter(const QString &path);
    ~RunCsvWriter();

    bool open(QString *error);
    void add(const RunEventBatch &batch);
    // Writes what is still pending (rows never sent keep an empty sent_ms) and commits.
    bool finish(QString *error);
    quint64 rowsWritten() const { return m_rows; }

    static QStringList header();
    static QString statusKey(MessageStatus status);

private:
    struct Row
    {
        MessageArrival arrival;
        MessageRelease release;
        bool released = false;
        bool complete = false;
    };

    Row *rowAt(quint64 arrivalIndex);
    void writeCompleted();
    void write(const Row &row);
    void flushBuffer();

    QString m_path;
    std::unique_ptr<OutputFile> m_file;
    QByteArray m_buffer;
    std::deque<Row> m_pending; // from the oldest incomplete arrival on
    quint64 m_firstIndex = 0; // arrival index of m_pending.front()
    std::deque<quint64> m_awaitingSend; // arrival indexes of released rows without a sent time
    quint64 m_rows = 0;
};
