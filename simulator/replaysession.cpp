#include "replaysession.h"

#include "capture/capturesource.h"

#include <QWebSocket>

namespace {

// Past this many bytes waiting in the socket the replay pauses until the client reads.
constexpr qint64 WriteBufferLimit = 4 * 1024 * 1024;

} // namespace

ReplaySession::ReplaySession(QWebSocket *socket, const QString &capturePath, double speed,
                             QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_replay(new CaptureSource(capturePath, speed, this))
{
    m_socket->setParent(this);
    connect(m_replay, &MessageSource::textReceived, this, [this](const QString &frame) {
        m_socket->sendTextMessage(frame);
        ++m_frames;
        holdBackIfFull();
    });
    connect(m_replay, &MessageSource::binaryReceived, this, [this](const QByteArray &frame) {
        m_socket->sendBinaryMessage(frame);
        ++m_frames;
        holdBackIfFull();
    });
    connect(m_replay, &MessageSource::notice, this, &ReplaySession::logMessage);
    connect(m_replay, &MessageSource::ended, this, [this] {
        Q_EMIT logMessage(tr("replay: %1 frames sent, complete").arg(m_frames));
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("replay complete"));
    });
    connect(m_replay, &MessageSource::failed, this, [this](const QString &reason) {
        Q_EMIT logMessage(tr("replay: %1 frames sent, then: %2").arg(m_frames).arg(reason));
        m_socket->close(QWebSocketProtocol::CloseCodeBadOperation, reason.left(120));
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() < WriteBufferLimit / 2)
            m_replay->setPaused(false);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_replay->close();
        deleteLater();
    });
    m_replay->open();
}

void ReplaySession::holdBackIfFull()
{
    if (m_socket->bytesToWrite() > WriteBufferLimit)
        m_replay->setPaused(true);
}
