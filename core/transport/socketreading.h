#pragma once

#include <QtGlobal>

#include <functional>

class QAbstractSocket;
class QObject;
class QWebSocket;

/*!
    Holding a QWebSocket's reading back, so that TCP holds its peer back instead of frames piling
    up in memory. Qt 6.4's QWebSocket drains its TCP socket on every readyRead and cannot pause;
    with that TCP socket's signals blocked and its read buffer bounded, Qt stops reading once the
    buffer is full. Nothing is lost: the bytes wait in the kernel. Used by the simulator's
    stalling sink (the feed reads its socket itself: WebSocketReader::setPaused()).
*/
namespace SocketReading {

// The TCP socket under `socket`: a child of a client's QWebSocket; for a socket accepted by a
// QWebSocketServer, a child of that server's (`server`).
QAbstractSocket *tcpSocketOf(QWebSocket &socket, QObject *server = nullptr);
// Reads at most `readAheadBytes` more, then nothing until resume().
void pause(QAbstractSocket *tcp, qint64 readAheadBytes);
// Reads again, and delivers what arrived meanwhile in order: the data first (it may end with the
// peer's close frame), then a disconnection, unless `stillResumed` says reading was paused again
// while the data was handled.
void resume(QAbstractSocket *tcp, const std::function<bool()> &stillResumed = {});

} // namespace SocketReading
