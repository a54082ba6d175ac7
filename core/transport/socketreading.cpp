#include "socketreading.h"

#include <QAbstractSocket>
#include <QWebSocket>

QAbstractSocket *SocketReading::tcpSocketOf(QWebSocket &socket, QObject *server)
{
    if (!server)
        return socket.findChild<QAbstractSocket *>();
    for (QAbstractSocket *tcp : server->findChildren<QAbstractSocket *>()) {
        if (tcp->peerPort() == socket.peerPort() && tcp->peerAddress() == socket.peerAddress())
            return tcp;
    }
    return nullptr;
}

void SocketReading::pause(QAbstractSocket *tcp, qint64 readAheadBytes)
{
    if (!tcp)
        return;
    tcp->setReadBufferSize(readAheadBytes);
    tcp->blockSignals(true);
}

void SocketReading::resume(QAbstractSocket *tcp, const std::function<bool()> &stillResumed)
{
    if (!tcp)
        return;
    tcp->blockSignals(false);
    // Unbounded again. This also re-enables Qt's read notifier, which a full bounded buffer
    // switched off and which QWebSocket's own reads would never switch back on.
    tcp->setReadBufferSize(0);
    if (tcp->bytesAvailable() > 0)
        Q_EMIT tcp->readyRead();
    if ((!stillResumed || stillResumed()) && tcp->state() == QAbstractSocket::UnconnectedState)
        Q_EMIT tcp->stateChanged(QAbstractSocket::UnconnectedState);
}
