#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

/*!
    Where a run's frames come from: a WebSocket feed, or a Redis channel or stream. A source
    emits every frame exactly as received, once, in arrival order, and tells how it ended.

    Lives in one thread; signals are emitted from it. textReceived is emitted once per frame, so
    receivers keep it cheap.
*/
class MessageSource : public QObject
{
    Q_OBJECT

public:
    explicit MessageSource(QObject *parent = nullptr);

    // Starts connecting; connected() or failed() follows.
    virtual void open() = 0;
    // Stops receiving and closes cleanly; ended() follows once closed.
    virtual void close() = 0;
    // The URL or channel, for reports and the window.
    virtual QString description() const = 0;
    // Stop reading for a while (the sink is behind), so that the transport pushes back on the
    // producer instead of frames piling up here. A pause holds across reconnections until
    // lifted. A source that cannot pause keeps reading.
    virtual void setPaused(bool paused) = 0;
    // False when setPaused() cannot hold the producer back (a pub/sub channel): past its byte
    // budget the run drops instead (RunConfig::backlogOverflow).
    virtual bool canPause() const { return true; }
    // True while the feed's server asked to learn what this run dealt with (a WebSocket server
    // that accepted `reorder-ack.v1`: deliveryack.h); known once connected() or reconnected().
    virtual bool wantsAcknowledgements() const { return false; }
    // The first `frames` frames this source emitted, over its whole life in emission order, are
    // dealt with: forwarded and confirmed by the sink, or counted as not forwardable. Cheap; the
    // source sends it when and how it sees fit. A source that cannot tell its server ignores it.
    virtual void acknowledge(quint64 frames) { Q_UNUSED(frames); }

Q_SIGNALS:
    void connected();
    void textReceived(const QString &frame);
    void binaryReceived(const QByteArray &frame);
    // Lost the connection; the source is reconnecting (attempt numbers from 1).
    void dropped(const QString &reason, int attempt);
    void reconnected();
    // The feed finished normally (or close() completed): no more frames will come.
    void ended();
    // The source could not connect, or gave up reconnecting: no more frames will come.
    void failed(const QString &reason);
    // Certificate checks are off (--insecure) and a handshake's errors were ignored: the
    // connection is not authenticated.
    void certificateErrorsIgnored(const QStringList &errors);
    // Something the operator should know that does not end the feed (a replayed capture that
    // stops where it was cut).
    void notice(const QString &message);
};
