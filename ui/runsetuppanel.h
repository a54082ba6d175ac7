#pragma once

#include "run/runconfig.h"
#include "simulator/feedgenerator.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;
class QStackedWidget;
QT_END_NAMESPACE

/*!
    The run's set-up: where frames come from (the built-in simulator with its knobs, a WS_URL,
    Redis, or a recorded capture played back), where they go (SEND_URL), and how they are reordered.
   URLs are checked as they are typed; problems() says what stops a run from starting.
*/
class RunSetupPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSetupPanel)

public:
    enum class Source { Simulator, WebSocket, Redis, Capture };
    enum class Sink { Simulator, Url, None };

    explicit RunSetupPanel(QWidget *parent = nullptr);

    void load(const QSettings &settings);
    void save(QSettings &settings) const;

    Source source() const;
    void setSource(Source source);
    Sink sink() const;
    void setSink(Sink sink);
    FeedParams simulatorParams() const;
    void setSimulatorParams(const FeedParams &params);
    // Everything but the built-in simulator's URLs, which the window fills in.
    RunConfig config() const;
    void setFeedUrl(const QString &url);
    void setRedis(const RedisFeedConfig &redis);
    // A recorded capture played back as the feed, at its recorded pace times `speed` (0: as
    // fast as the run takes it).
    void setReplayPath(const QString &path);
    void setReplaySpeed(double speed);
    double replaySpeed() const;
    void setSinkUrl(const QString &url);
    // RunConfig::AutoWindow: the adaptive window ("auto").
    void setWindow(qint64 window);
    // The adaptive window's bound (--max-window; kept with the set-up).
    void setMaxWindow(qint64 window);
    void setMode(ReorderMode mode);
    void setMaxHoldMs(qint64 ms);
    void setStartId(std::optional<qint64> id);
    void setCount(quint64 count);
    void setInsecure(bool insecure);
    // Reconnect attempts, idle timeout, frame limit and batch memory cap of `config`.
    void setLimits(const RunConfig &config);
    // The rows the message table keeps (MessageTableModel::setCapacity).
    int tableRows() const;
    void setTableRows(int rows);
    // The set-up in one line, for when it is collapsed.
    QString summary() const;
    static QString modeText(ReorderMode mode);
    // An empty string when `text` is a usable ws:// or wss:// URL, else the reason in words.
    static QString urlProblem(const QString &text);
    // The built-in sink vanishes this many times during a run (0: never).
    int simulatorSinkDrops() const;

    // Empty when a run can start.
    QStringList problems() const;
    // Locks the fields while a run is on.
    void setEditable(bool editable);

Q_SIGNALS:
    void changed();

private:
    // What the Redis page reads (m_redisKind's item data).
    enum class RedisKind { Channel, Stream };

    void updateState();
    RedisFeedConfig redisConfig() const;
    static void markField(QWidget *field, bool bad);

    QComboBox *m_source = nullptr;
    QStackedWidget *m_sourcePages = nullptr;
    QSpinBox *m_simCount = nullptr;
    QSpinBox *m_simDisorder = nullptr;
    QSpinBox *m_simRate = nullptr;
    QSpinBox *m_simDelay = nullptr;
    QDoubleSpinBox *m_simDup = nullptr;
    QDoubleSpinBox *m_simGap = nullptr;
    QDoubleSpinBox *m_simJunk = nullptr;
    QSpinBox *m_simSeed = nullptr;
    QSpinBox *m_simFeedDrops = nullptr;
    QSpinBox *m_simSinkDrops = nullptr;
    QLabel *m_simMore = nullptr;
    FeedParams m_simBase; // as given; the fields shown override it
    quint64 m_simBaseDrops = 0; // the feed drops as given
    QLineEdit *m_feedUrl = nullptr;
    QLineEdit *m_redisUrl = nullptr;
    QComboBox *m_redisKind = nullptr;
    QLineEdit *m_redisName = nullptr;
    QLineEdit *m_redisFrom = nullptr;
    QLineEdit *m_replayPath = nullptr;
    QComboBox *m_replaySpeed = nullptr;
    QComboBox *m_sink = nullptr;
    QLineEdit *m_sinkUrl = nullptr;
    QSpinBox *m_window = nullptr; // 0: auto
    qint64 m_maxWindow = RunConfig::DefaultMaxWindow;
    QComboBox *m_mode = nullptr;
    QSpinBox *m_maxHold = nullptr;
    QLineEdit *m_startId = nullptr;
    QSpinBox *m_count = nullptr;
    QCheckBox *m_insecure = nullptr;
    QSpinBox *m_reconnects = nullptr;
    QSpinBox *m_idleTimeout = nullptr;
    QSpinBox *m_frameLimit = nullptr;
    QSpinBox *m_batchMemory = nullptr;
    QSpinBox *m_backlog = nullptr;
    QSpinBox *m_drainTimeout = nullptr;
    QSpinBox *m_tableRows = nullptr;
    QLabel *m_problems = nullptr;
};
