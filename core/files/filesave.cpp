#include "filesave.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

QString FileSave::writeWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return QString();
}

QString FileSave::copyReplacing(const QString &source, const QString &target)
{
    const QString temporary = target + QStringLiteral(".part");
    QFile::remove(temporary);
    if (!QFile::copy(source, temporary)) {
        QFile::remove(temporary);
        return tr("cannot write %1").arg(QDir::toNativeSeparators(target));
    }
    if ((QFile::exists(target) && !QFile::remove(target)) || !QFile::rename(temporary, target)) {
        QFile::remove(temporary);
        return tr("cannot replace %1").arg(QDir::toNativeSeparators(target));
    }
    return QString();
}
