#pragma once

#include "rawwebsocket.h"

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
                    QByteArray request = socket->peek(socket->bytesAvailable());
                    const qsizetype size = request.size();
                    const std::optional<RawWebSocket::Request> r =
                        RawWebSocket::takeRequest(request);
                    if (!r)
                        return;
                    socket->read(size - request.size()); // the request, not what follows
                    socket->write(
                        RawWebSocket::upgradeAnswer(r->headers.value("sec-websocket-key")));
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
