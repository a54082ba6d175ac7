#pragma once

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

// A WebSocket peer that completes the handshake and then never reads again: pings go
// unanswered and TCP fills up, as with a sink whose process hangs.
class StalledSink final : public QTcpServer
{
public:
    StalledSink()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (socket->property("upgraded").toBool())
                        return;
                    const QByteArray request = socket->peek(socket->bytesAvailable());
                    if (!request.contains("\r\n\r\n"))
                        return;
                    socket->read(request.indexOf("\r\n\r\n") + 4);
                    QByteArray key;
                    for (const QByteArray &line : request.split('\n')) {
                        if (line.toLower().startsWith("sec-websocket-key:"))
                            key = line.mid(18).trimmed();
                    }
                    const QByteArray accept =
                        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                 QCryptographicHash::Sha1)
                            .toBase64();
                    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                                  + accept + "\r\n\r\n");
                    socket->setProperty("upgraded", true);
                    socket->setReadBufferSize(1); // read no further: the kernel's buffer fills
                });
            }
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ordered-messages/x").arg(serverPort()));
    }
};
