#include "filesave.h"

#include "outputfile.h"

#include <QDir>
#include <QFile>

QString FileSave::writeWhole(const QString &path, const QByteArray &bytes)
{
    OutputFile file(path);
    if (QString error = file.open(); !error.isEmpty())
        return error;
    file.write(bytes);
    return file.commit();
}

QString FileSave::copyReplacing(const QString &source, const QString &target)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return tr("cannot read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
    // Through OutputFile: the old target stays until the copy is whole, and a device stays one.
    OutputFile out(target);
    if (QString error = out.open(); !error.isEmpty())
        return error;
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return tr("cannot read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
        if (!out.write(chunk))
            break;
    }
    return out.commit();
}
