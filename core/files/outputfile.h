#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

/*!
    A file a run writes (the report, the CSV, an export), opened the right way for what the path
    is. A regular file, or one that does not exist yet, is written atomically: it appears whole
    on commit(), or the old one stays. Anything else that is not a folder (a character device
    such as /dev/null, a FIFO) is written straight into: renaming a temporary file over it would
    replace the device with a regular file. "-" and "/dev/stdout" mean standard output.
    Not thread-safe.
*/
class OutputFile final
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)

public:
    explicit OutputFile(const QString &path);
    ~OutputFile();

    // Opens for writing; a regular file is created as a temporary until commit(), so this also
    // proves that the folder is writable. The error in words, or empty.
    QString open();
    // False on a write error (commit() then says why).
    bool write(const QByteArray &bytes);
    // Makes the written bytes the file (or flushes them into the device). The error, or empty.
    QString commit();

    QString path() const { return m_path; }
    bool isStandardOutput() const { return isStandardOutput(m_path); }
    static bool isStandardOutput(const QString &path);
    // Two paths that name the same file (or the same device), existing or not.
    static bool sameFile(const QString &a, const QString &b);

private:
    QString failure(const QString &why) const;

    QString m_path;
    std::unique_ptr<QSaveFile> m_atomic; // regular files
    std::unique_ptr<QFile> m_direct; // devices, FIFOs, standard output
    bool m_failed = false;
};
