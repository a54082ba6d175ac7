#include "outputfile.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

OutputFile::OutputFile(const QString &path)
    : m_path(path)
{ }

OutputFile::~OutputFile() = default;

bool OutputFile::isStandardOutput(const QString &path)
{
    return path == QLatin1String("-") || path == QLatin1String("/dev/stdout");
}

bool OutputFile::sameFile(const QString &a, const QString &b)
{
    if (isStandardOutput(a) || isStandardOutput(b))
        return isStandardOutput(a) && isStandardOutput(b);
    const QFileInfo fa(a), fb(b);
    if (fa.exists() && fb.exists())
        return fa.canonicalFilePath() == fb.canonicalFilePath();
    return QDir::cleanPath(fa.absoluteFilePath()) == QDir::cleanPath(fb.absoluteFilePath());
}

QString OutputFile::failure(const QString &why) const
{
    return tr("cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), why);
}

QString OutputFile::open()
{
    m_failed = false;
    if (isStandardOutput()) {
        m_direct = std::make_unique<QFile>();
        if (!m_direct->open(stdout, QIODevice::WriteOnly))
            return failure(m_direct->errorString());
        return QString();
    }
    const QFileInfo info(m_path);
    if (info.isDir())
        return failure(tr("it is a folder"));
    if (info.exists() && !info.isFile()) {
        // A device or a FIFO: written into, never replaced.
        m_direct = std::make_unique<QFile>(m_path);
        if (!m_direct->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return failure(m_direct->errorString());
        return QString();
    }
    m_atomic = std::make_unique<QSaveFile>(m_path);
    if (!m_atomic->open(QIODevice::WriteOnly))
        return failure(m_atomic->errorString());
    return QString();
}

bool OutputFile::write(const QByteArray &bytes)
{
    QIODevice *device = m_atomic ? static_cast<QIODevice *>(m_atomic.get())
                                 : static_cast<QIODevice *>(m_direct.get());
    if (!device || m_failed)
        return false;
    if (device->write(bytes) != bytes.size())
        m_failed = true;
    return !m_failed;
}

QString OutputFile::commit()
{
    if (m_atomic) {
        const bool ok = !m_failed && m_atomic->commit();
        const QString error = ok ? QString() : failure(m_atomic->errorString());
        m_atomic.reset();
        return error;
    }
    if (m_direct) {
        const bool ok = !m_failed && m_direct->flush();
        const QString error = ok ? QString() : failure(m_direct->errorString());
        if (isStandardOutput())
            std::fflush(stdout);
        m_direct.reset();
        return error;
    }
    return failure(tr("it was not opened"));
}
