#pragma once

#include "captureentry.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>

/*!
    Reads a capture (plain or gzip, whatever its name says), entry by entry, without holding it
    in memory. A file that is not a capture, or of a version this build does not know, is
    refused in words. A capture cut short by a crash reads up to its last whole line, and then
    says where it stopped (stopReason()).

    Plain class, one thread.
*/
class CaptureReader final
{
    Q_DECLARE_TR_FUNCTIONS(CaptureReader)

public:
    CaptureReader();
    ~CaptureReader();

    // Opens `path` and reads its header: the error in words, or empty.
    QString open(const QString &path);
    const CaptureHeader &header() const { return m_header; }
    // The next entry; false at the end (whole, or where a cut or a bad line stopped it).
    bool next(CaptureEntry *entry);
    // Empty when the capture was read to its proper end; else where and why it stopped.
    QString stopReason() const { return m_stopReason; }
    quint64 linesRead() const { return m_line; }

private:
    struct Inflate;
    bool readLine(QByteArray *line, bool *complete);
    bool fill();
    bool parse(const QByteArray &line, CaptureEntry *entry);

    QFile m_file;
    std::unique_ptr<Inflate> m_inflate;
    QByteArray m_data; // read (and inflated) but not yet consumed
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_streamCut = false; // a gzip member without its end
    CaptureHeader m_header;
    quint64 m_line = 0;
    QString m_stopReason;
};
