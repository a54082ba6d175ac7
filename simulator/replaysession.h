#pragma once

#include <QObject>

class CaptureSource;
class QWebSocket;

/*!
    Serves a recorded capture to one WebSocket client, as reorder-feed-server --replay does: the
    capture's frames, byte for byte, at their recorded pace times `speed` (0: at once), then a
    close with the code that ended the recording (1000 when it ended normally). A slow client
    holds the replay back instead of frames piling up. Recorded drops are not acted out: the
    client gets every frame on one connection, in the order they arrived.
*/
class ReplaySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplaySession)

public:
    ReplaySession(QWebSocket *socket, const QString &capturePath, double speed, QObject *parent);

Q_SIGNALS:
    // For the server's log: how the replay ended.
    void logMessage(const QString &line);

private:
    void holdBackIfFull();

    QWebSocket *m_socket;
    CaptureSource *m_replay;
    quint64 m_frames = 0;
};
