#pragma once

#include "captureentry.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>

/*!
    Writes a capture as JSON Lines, gzip-compressed when the path ends in ".gz", straight into
    the file as it goes (never a temporary renamed at the end: a crash must leave what was
    written). flush() pushes what is buffered to the kernel (for gzip, as a complete gzip
    member: a file is a sequence of them, and reads back up to the last one written even
    without its end); call it at least once a second.

    Plain class, one thread.
*/
class CaptureWriter final
{
    Q_DECLARE_TR_FUNCTIONS(CaptureWriter)

public:
    CaptureWriter();
    ~CaptureWriter();

    // The error in words, or empty.
    QString open(const QString &path, const CaptureHeader &header);
    void add(const CaptureEntry &entry);
    // Lines encoded elsewhere (encode()), `entries` of them.
    void addEncoded(const QByteArray &lines, quint64 entries);
    void flush();
    // Flushes and closes; the error in words, or empty.
    QString close();

    bool isOpen() const { return m_file.isOpen(); }
    quint64 entries() const { return m_entries; }
    quint64 fileBytes() const { return m_fileBytes; } // written to the file so far

    // `text` as the contents of a JSON string (quotes, backslashes and control characters
    // escaped; everything else as UTF-8).
    static void appendEscaped(QByteArray &out, QStringView text);
    // One entry as its line, appended to `out`; encodeText() is the frames' fast path.
    static void encode(QByteArray &out, const CaptureEntry &entry);
    static void encodeText(QByteArray &out, qint64 atUs, QStringView text);
    static void appendEscapedUtf8(QByteArray &out, const QByteArray &utf8);

private:
    struct Deflate;
    // Writes what is buffered (a gzip member of its own when compressed).
    void writeOut();
    void write(QByteArrayView lines);
    static void appendTime(QByteArray &out, qint64 atUs);

    QFile m_file;
    std::unique_ptr<Deflate> m_deflate; // set for ".gz"
    QByteArray m_buffer; // lines not yet written
    quint64 m_entries = 0;
    quint64 m_fileBytes = 0;
    QString m_error;
};
