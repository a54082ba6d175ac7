#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Writing whole files so that a failure never leaves a half-written or a lost file behind, and a
// device is never replaced by a file (OutputFile).
class FileSave final
{
    Q_DECLARE_TR_FUNCTIONS(FileSave)

public:
    // Writes `bytes` to `path` (atomically when it is a regular file); the error, or empty.
    static QString writeWhole(const QString &path, const QByteArray &bytes);
    // Copies `source` over `target`; the old target stays until the copy is complete.
    // The error in words, or empty.
    static QString copyReplacing(const QString &source, const QString &target);
};
