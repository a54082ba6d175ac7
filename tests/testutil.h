#pragma once

// Small helpers the tests share.

#include "files/csv.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QTcpServer>

namespace TestUtil {

// A loopback port nobody listens on (free when this returns; taken again only by chance).
inline quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when `server` goes
}

// The JSON object in `path`; empty when it cannot be read.
inline QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The rows of the CSV file `path` (RFC 4180); empty when it cannot be read.
inline QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return Csv::parse(QString::fromUtf8(file.readAll()));
}

// What a program run to its end said: exit code (-1 when it crashed or was killed at the
// timeout), standard output and standard error.
struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` to its end; the test's event loop turns meanwhile (a server of the test's own
// may be serving it).
inline ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    ProcessResult r;
    if (!process.waitForStarted(10000))
        return r;
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(process.readAllStandardError());
    return r;
}

} // namespace TestUtil
