#pragma once

#include "feedgenerator.h"
#include "reorder/ordervalidator.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>
#include <QWebSocketServer>

#include <map>
#include <memory>
#include <optional>

// What a sink endpoint (/ordered-messages/<name>) received, over all its connections.
struct SinkStats
{
    quint64 connections = 0;
    quint64 drops = 0; // connections cut on purpose (?drop=N)
    quint64 stalls = 0; // times it stopped reading on purpose (?stall=N&stallms=MS)
    quint64 frames = 0;
    quint64 binaryFrames = 0;
    quint64 malformed = 0;
    // Connections, ended, whose own ids were not strictly increasing (each one alone; repeats
    // across connections are expected when a monitor resends after a drop).
    quint64 disorderedConnections = 0;
    ValidationResult validation;
    bool closedNormally = false; // the last connection ended with a close handshake
};

/*!
    The built-in feed simulator: a QWebSocketServer serving the wire protocol of docs/PROTOCOL.md.
    /raw-messages?count=&disorder=&start=&seed=&rate=&delay=&dup=&gap=&junk= streams a feed
    (FeedParams lists the faults it can inject); /ordered-messages/<name> receives ordered frames
    and validates them, and with ?drop=N&drops=K its first K connections (all when K is 0)
    vanish without a close frame after N frames.

    Lives in one thread (see SimulatorHost); the statistics accessors are thread-safe.
*/
class FeedSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSimulator)

public:
    // secure: serve wss:// with the given configuration (certificate and key).
    explicit FeedSimulator(QObject *parent = nullptr);
    explicit FeedSimulator(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~FeedSimulator() override;

    // A server configuration for wss:// from PEM files; nullopt with the reason in `error`.
    static std::optional<QSslConfiguration> serverTls(const QString &certificatePath,
                                                      const QString &keyPath, QString *error);

    Q_INVOKABLE bool listen(const QHostAddress &address = QHostAddress::LocalHost,
                            quint16 port = 0);
    Q_INVOKABLE void close();
    QString errorString() const;
    quint16 port() const;
    bool isSecure() const { return m_secure; }

    QUrl feedUrl(const FeedParams &params) const;
    QUrl feedUrl(const QString &query = QString()) const;
    QUrl sinkUrl(const QString &name) const;

    // Keep every frame each sink receives (tests compare them byte for byte).
    void setRecordSinkFrames(bool record);
    // Serve this capture at /raw-messages, to every client from its start, at its recorded
    // pace times `speed` (0: at once), instead of generating a feed.
    void setReplay(const QString &capturePath, double speed);

    // Thread-safe snapshots.
    QList<FeedStats> feedSessions() const; // in the order they started
    FeedStats lastFeed() const;
    SinkStats sinkStats(const QString &name) const;
    QStringList sinkFrames(const QString &name) const;
    // Index into sinkFrames() where each connection started.
    QList<quint64> sinkConnectionStarts(const QString &name) const;
    int openConnections() const;

Q_SIGNALS:
    // A line for an operator's log.
    void logMessage(const QString &line);

private:
    struct FeedState;
    class FeedSession;
    class SinkSession;
    friend class FeedSession;
    friend class SinkSession;

    struct SinkRecord
    {
        SinkStats stats;
        OrderValidator validator;
        QStringList frames;
        QList<quint64> connectionStarts;
    };

    void onNewConnection();
    void publishFeed(int session, const FeedStats &stats, bool final);
    SinkRecord &sinkRecordLocked(const QString &name);
    void forgetFeed(const QString &resumeKey);

    QWebSocketServer m_server;
    bool m_secure = false;
    QString m_host;
    // Feeds with drops=K, by query string, until they complete (simulator thread only).
    std::map<QString, std::shared_ptr<FeedState>> m_resumable;

    mutable QMutex m_mutex; // guards everything below
    QList<FeedStats> m_feeds;
    std::map<QString, std::unique_ptr<SinkRecord>> m_sinks;
    bool m_recordSinkFrames = false;
    QString m_replayPath; // set: /raw-messages replays this capture
    double m_replaySpeed = 1;
    int m_open = 0;
    quint16 m_port = 0;
    QString m_error;
};
