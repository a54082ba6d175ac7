#pragma once

// Small helpers the tests share.

#include "files/csv.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
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

} // namespace TestUtil
