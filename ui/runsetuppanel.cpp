#include "runsetuppanel.h"

#include "messagetablemodel.h"
#include "protocol/wireprotocol.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QSpinBox *spin(int min, int max, int value, const QString &special = QString())
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setGroupSeparatorShown(true);
    if (!special.isEmpty())
        box->setSpecialValueText(special);
    return box;
}

// W: a number, or "auto" (the minimum), which may be typed as well as reached with the arrows.
class WindowSpinBox final : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;

protected:
    QValidator::State validate(QString &input, int &pos) const override
    {
        const QString t = input.trimmed();
        for (const QString &word : {specialValueText(), QStringLiteral("auto")}) {
            if (!t.isEmpty() && word.startsWith(t, Qt::CaseInsensitive))
                return t.size() == word.size() ? QValidator::Acceptable : QValidator::Intermediate;
        }
        return QSpinBox::validate(input, pos);
    }
    int valueFromText(const QString &text) const override
    {
        // "auto" in any language, and the command line's word.
        const QString t = text.trimmed();
        if (t.compare(specialValueText(), Qt::CaseInsensitive) == 0
            || t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
            return minimum();
        return QSpinBox::valueFromText(text);
    }
};

QDoubleSpinBox *percent(double value)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(0, 50);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" %"));
    box->setValue(value);
    return box;
}

// A resumed simulator feed repeats this many of its last frames (they must count as duplicates).
constexpr quint64 SimulatorReplay = 100;

// The combo boxes carry their enum values as item data, and are read and set through it.
template<typename E> E chosen(const QComboBox *box)
{
    return E(box->currentData().toInt());
}

template<typename E> void choose(QComboBox *box, E value)
{
    if (const int index = box->findData(int(value)); index >= 0)
        box->setCurrentIndex(index);
}

// A label whose access key (Alt+letter) goes to `field`.
QLabel *buddy(const QString &text, QWidget *field)
{
    auto *label = new QLabel(text);
    label->setBuddy(field);
    return label;
}

// The original public feed: an example of what WS_URL and SEND_URL look like.
const QString ExampleServer = QStringLiteral("wss://test-ws.skns.dev");

} // namespace

RunSetupPanel::RunSetupPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("runSetup"));
    const RunConfig defaults; // the fields start at what a run uses by default

    // Source
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("source"));
    m_sourcePages = new QStackedWidget;
    // Each choice with its page, so that the combo box's index is the page's.
    const auto addSource = [this](Source source, const QString &text, QWidget *page) {
        m_source->addItem(text, int(source));
        m_sourcePages->addWidget(page);
    };

    auto *simPage = new QWidget;
    auto *sim = new QFormLayout(simPage);
    sim->setContentsMargins(0, 0, 0, 0);
    m_simCount = spin(1, 2000000000, 200000);
    m_simCount->setObjectName(QStringLiteral("simCount"));
    m_simCount->setToolTip(tr("How many messages the simulated feed sends before it closes"));
    m_simDisorder = spin(0, 10000000, 50);
    m_simDisorder->setObjectName(QStringLiteral("simDisorder"));
    m_simDisorder->setToolTip(tr("Each message arrives at most this many places from its sorted "
                                 "place; a window W above it loses nothing"));
    m_simRate = spin(0, 100000000, 0, tr("as fast as possible"));
    m_simRate->setSuffix(tr(" msg/s"));
    m_simRate->setObjectName(QStringLiteral("simRate"));
    m_simRate->setToolTip(tr("Messages per second the feed sends (as fast as possible: no limit)"));
    m_simDelay = spin(0, 600000, 0, tr("none"));
    m_simDelay->setSuffix(tr(" ms"));
    m_simDelay->setToolTip(tr("Each message is held back a random 0 to this many milliseconds: "
                              "disorder in time, as on a real network"));
    m_simDup = percent(0);
    m_simDup->setToolTip(tr("Share of messages sent twice (the copy must count as a duplicate)"));
    m_simGap = percent(0);
    m_simGap->setToolTip(tr("Share of ids the feed skips (they show as missing ids)"));
    m_simJunk = percent(0);
    m_simJunk->setToolTip(tr("Share of frames that are not valid messages (counted as malformed)"));
    m_simSeed = spin(0, 2000000000, 1);
    m_simSeed->setObjectName(QStringLiteral("simSeed"));
    m_simSeed->setToolTip(tr("The same seed gives the same feed, message for message: a run can "
                             "be repeated exactly"));
    m_simFeedDrops = spin(0, 100, 0, tr("none"));
    m_simFeedDrops->setObjectName(QStringLiteral("simFeedDrops"));
    m_simFeedDrops->setToolTip(tr("The feed vanishes (no close frame) this many times, evenly "
                                  "spread; it resumes where it stopped and repeats its last "
                                  "frames, which must count as duplicates"));
    m_simSinkDrops = spin(0, 100, 0, tr("none"));
    m_simSinkDrops->setObjectName(QStringLiteral("simSinkDrops"));
    m_simSinkDrops->setToolTip(tr("The built-in sink vanishes this many times mid-send; "
                                  "unconfirmed frames must be sent again"));
    auto *counts = new QHBoxLayout;
    counts->addWidget(m_simCount, 2);
    counts->addWidget(buddy(tr("d&isorder"), m_simDisorder));
    counts->addWidget(m_simDisorder, 1);
    sim->addRow(buddy(tr("&Messages:"), m_simCount), counts);
    auto *pace = new QHBoxLayout;
    pace->addWidget(m_simRate, 2);
    pace->addWidget(buddy(tr("dela&y"), m_simDelay));
    pace->addWidget(m_simDelay, 1);
    sim->addRow(buddy(tr("Ra&te:"), m_simRate), pace);
    auto *faults = new QHBoxLayout;
    faults->addWidget(buddy(tr("d&up"), m_simDup));
    faults->addWidget(m_simDup);
    faults->addWidget(buddy(tr("&gap"), m_simGap));
    faults->addWidget(m_simGap);
    faults->addWidget(buddy(tr("&junk"), m_simJunk));
    faults->addWidget(m_simJunk);
    sim->addRow(tr("Faults:"), faults);
    auto *drops = new QHBoxLayout;
    drops->addWidget(buddy(tr("feed"), m_simFeedDrops));
    drops->addWidget(m_simFeedDrops, 1);
    drops->addWidget(buddy(tr("sink"), m_simSinkDrops));
    drops->addWidget(m_simSinkDrops, 1);
    sim->addRow(tr("Drops:"), drops);
    sim->addRow(buddy(tr("S&eed:"), m_simSeed), m_simSeed);
    m_simMore = new QLabel;
    m_simMore->setObjectName(QStringLiteral("simMore"));
    m_simMore->setToolTip(tr("Feed parameters from the command line that have no field here; "
                             "they apply to the run"));
    m_simMore->hide();
    sim->addRow(m_simMore);
    addSource(Source::Simulator, tr("Built-in simulator"), simPage);

    auto *urlPage = new QWidget;
    auto *urlForm = new QFormLayout(urlPage);
    urlForm->setContentsMargins(0, 0, 0, 0);
    m_feedUrl = new QLineEdit;
    m_feedUrl->setObjectName(QStringLiteral("feedUrl"));
    m_feedUrl->setPlaceholderText(ExampleServer + WireProtocol::FeedPath);
    m_feedUrl->setClearButtonEnabled(true);
    m_feedUrl->setToolTip(tr("The feed to read: ws://HOST:PORT/PATH, or wss:// for TLS"));
    urlForm->addRow(tr("WS_&URL:"), m_feedUrl);
    addSource(Source::WebSocket, tr("WebSocket URL (WS_URL)"), urlPage);

    auto *redisPage = new QWidget;
    auto *redisForm = new QFormLayout(redisPage);
    redisForm->setContentsMargins(0, 0, 0, 0);
    m_redisUrl =
        new QLineEdit(QStringLiteral("redis://127.0.0.1:%1").arg(RedisAddress::DefaultPort));
    m_redisUrl->setObjectName(QStringLiteral("redisUrl"));
    m_redisUrl->setToolTip(tr("redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]; without a password in "
                              "the URL, REDIS_PASSWORD is used"));
    m_redisKind = new QComboBox;
    m_redisKind->setObjectName(QStringLiteral("redisKind"));
    m_redisKind->addItem(tr("pub/sub channel"), int(RedisKind::Channel));
    m_redisKind->addItem(tr("stream"), int(RedisKind::Stream));
    m_redisName = new QLineEdit(WireProtocol::DefaultRedisChannel);
    m_redisName->setObjectName(QStringLiteral("redisName"));
    m_redisFrom = new QLineEdit(defaults.redis.streamFrom);
    m_redisFrom->setObjectName(QStringLiteral("redisFrom"));
    m_redisFrom->setToolTip(tr("0: the whole stream; $: only new entries; or an entry id to "
                               "start after"));
    auto *redisWhat = new QHBoxLayout;
    redisWhat->addWidget(m_redisKind);
    redisWhat->addWidget(m_redisName, 1);
    m_redisKind->setToolTip(tr("A pub/sub channel loses what is published while nobody listens; "
                               "a stream keeps it"));
    m_redisName->setToolTip(tr("The channel's or the stream's name"));
    redisForm->addRow(tr("Redis &URL:"), m_redisUrl);
    redisForm->addRow(buddy(tr("Rea&d:"), m_redisKind), redisWhat);
    redisForm->addRow(tr("Stream &from:"), m_redisFrom);
    addSource(Source::Redis, tr("Redis channel or stream"), redisPage);

    auto *capturePage = new QWidget;
    auto *captureForm = new QFormLayout(capturePage);
    captureForm->setContentsMargins(0, 0, 0, 0);
    m_replayPath = new QLineEdit;
    m_replayPath->setObjectName(QStringLiteral("replayPath"));
    m_replayPath->setClearButtonEnabled(true);
    m_replayPath->setToolTip(tr("A capture recorded by an earlier run (File > Open capture..., or "
                                "drop it on the window)"));
    auto *browse = new QPushButton(tr("&Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a capture"), QFileInfo(m_replayPath->text()).absolutePath(),
            tr("Captures (*.jsonl *.jsonl.gz *.gz);;All files (*)"));
        if (!path.isEmpty())
            m_replayPath->setText(path);
    });
    auto *captureFile = new QHBoxLayout;
    captureFile->addWidget(m_replayPath, 1);
    captureFile->addWidget(browse);
    m_replaySpeed = new QComboBox;
    m_replaySpeed->setObjectName(QStringLiteral("replaySpeed"));
    for (const double speed : {1.0, 2.0, 10.0})
        m_replaySpeed->addItem(tr("%1×", "replay speed").arg(speed), speed);
    m_replaySpeed->addItem(tr("max", "replay speed: as fast as the run takes it"), 0.0);
    m_replaySpeed->setToolTip(tr("The recorded pace times this; max: as fast as the run takes "
                                 "the frames"));
    captureForm->addRow(buddy(tr("&Capture:"), m_replayPath), captureFile);
    captureForm->addRow(buddy(tr("S&peed:"), m_replaySpeed), m_replaySpeed);
    addSource(Source::Capture, tr("Recorded capture (replay)"), capturePage);

    auto *sourceBox = new QGroupBox(tr("Feed"));
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addWidget(m_source);
    sourceLayout->addWidget(m_sourcePages);

    // Sink
    m_sink = new QComboBox;
    m_sink->setObjectName(QStringLiteral("sink"));
    m_sink->addItem(tr("Built-in simulator's sink"), int(Sink::Simulator));
    m_sink->addItem(tr("SEND_URL"), int(Sink::Url));
    m_sink->addItem(tr("Do not forward (validate only)"), int(Sink::None));
    m_sinkUrl = new QLineEdit;
    m_sinkUrl->setObjectName(QStringLiteral("sinkUrl"));
    m_sinkUrl->setPlaceholderText(ExampleServer + WireProtocol::SinkPathPrefix
                                  + QStringLiteral("<name>"));
    m_sinkUrl->setClearButtonEnabled(true);
    m_sinkUrl->setToolTip(tr("Where the ordered messages go: ws://HOST:PORT/PATH, or wss:// for "
                             "TLS"));
    m_sink->setToolTip(tr("Where the ordered messages are forwarded, or nowhere (only validate)"));
    m_source->setToolTip(tr("Where the messages come from: the built-in simulator, a WebSocket "
                            "URL or Redis"));
    m_insecure = new QCheckBox(tr("Accept untrusted certificates (insecure)"));
    m_insecure->setObjectName(QStringLiteral("insecure"));
    m_insecure->setToolTip(tr("Accept certificate errors on wss:// URLs: the connection is then "
                              "not authenticated"));
    auto *sinkBox = new QGroupBox(tr("Ordered output"));
    auto *sinkLayout = new QVBoxLayout(sinkBox);
    sinkLayout->addWidget(m_sink);
    sinkLayout->addWidget(m_sinkUrl);
    sinkLayout->addWidget(m_insecure);
    sinkLayout->addStretch();

    // Reordering
    m_window = new WindowSpinBox;
    m_window->setRange(int(RunConfig::AutoWindow), int(RunConfig::MaxWindow));
    m_window->setValue(int(RunConfig::DefaultWindow));
    m_window->setGroupSeparatorShown(true);
    m_window->setSpecialValueText(tr("auto"));
    m_window->setObjectName(QStringLiteral("window"));
    m_window->setToolTip(tr("The most messages held while a missing id is awaited; a message "
                            "further out of order than W is lost as late. Auto (below 1, or "
                            "type auto): W follows the feed's disorder, in stream mode"));
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("stream", "reorder mode: forward as soon as order allows"),
                    int(ReorderMode::Stream));
    m_mode->addItem(tr("batch", "reorder mode: hold everything, send sorted on Flush"),
                    int(ReorderMode::Batch));
    m_mode->setItemData(0, tr("Forward each message as soon as the order allows"), Qt::ToolTipRole);
    m_mode->setItemData(1, tr("Hold the whole run and send it sorted when you press Flush"),
                        Qt::ToolTipRole);
    m_mode->setToolTip(tr("Stream forwards each message as soon as the order allows; batch holds "
                          "the whole run and sends it sorted on Flush"));
    m_maxHold = spin(0, 86400000, 0, tr("off"));
    m_maxHold->setSuffix(tr(" ms"));
    m_maxHold->setObjectName(QStringLiteral("maxHold"));
    m_maxHold->setToolTip(tr("Stream mode: a message held this long is released, giving up the "
                             "ids it waits for (off: wait as long as W allows)"));
    m_startId = new QLineEdit;
    m_startId->setObjectName(QStringLiteral("startId"));
    m_startId->setPlaceholderText(tr("learned"));
    m_startId->setToolTip(tr("The first id expected; empty: the smallest id of the first W "
                             "messages"));
    m_count = spin(0, 2000000000, 0, tr("until the feed closes"));
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setToolTip(tr("End the run after this many accepted messages (until the feed "
                           "closes: no limit)"));
    auto *reorderBox = new QGroupBox(tr("Reordering"));
    auto *reorder = new QFormLayout(reorderBox);
    reorder->addRow(tr("Window &W:"), m_window);
    reorder->addRow(tr("M&ode:"), m_mode);
    reorder->addRow(tr("Ma&x hold:"), m_maxHold);
    reorder->addRow(tr("&Start id:"), m_startId);
    reorder->addRow(tr("Sto&p after:"), m_count);

    // Connections and limits
    m_reconnects = spin(0, 1000, defaults.feedReconnect.maxAttempts, tr("never"));
    m_reconnects->setObjectName(QStringLiteral("reconnects"));
    m_reconnects->setSuffix(tr(" times"));
    m_reconnects->setToolTip(tr("A dropped feed or sink is reconnected up to this many times in "
                                "a row, with exponential backoff"));
    m_idleTimeout = spin(0, 86400, RunConfig::DefaultIdleTimeoutMs / 1000, tr("never"));
    m_idleTimeout->setSuffix(tr(" s"));
    m_idleTimeout->setObjectName(QStringLiteral("idleTimeout"));
    m_idleTimeout->setToolTip(tr("End the run when nothing moved for this long: no frame from "
                                 "the feed and no confirmation from the sink"));
    m_frameLimit = spin(1, 16384, int(MessageCodec::DefaultMaxFrameBytes / 1024));
    m_frameLimit->setSuffix(tr(" KiB"));
    m_frameLimit->setObjectName(QStringLiteral("frameLimit"));
    m_frameLimit->setToolTip(tr("Larger frames are malformed: counted and shown, not forwarded"));
    m_batchMemory = spin(1, 1024 * 1024, int(RunConfig::DefaultBatchMemoryBytes >> 20));
    m_batchMemory->setSuffix(tr(" MiB"));
    m_batchMemory->setObjectName(QStringLiteral("batchMemory"));
    m_batchMemory->setToolTip(tr("Batch mode stops reading the feed past this much memory held "
                                 "and sends what it holds; stream mode needs only the window"));
    m_backlog = spin(1, 1024 * 1024, int(RunConfig::DefaultMaxBacklogBytes >> 20));
    m_backlog->setSuffix(tr(" MiB"));
    m_backlog->setObjectName(QStringLiteral("sinkBacklog"));
    m_backlog->setToolTip(tr("Past this many bytes the sink has not confirmed, the feed is paused "
                             "(a Redis channel, which cannot pause, drops what arrives)"));
    m_drainTimeout = spin(1, 86400, RunConfig::DefaultDrainTimeoutMs / 1000);
    m_drainTimeout->setSuffix(tr(" s"));
    m_drainTimeout->setObjectName(QStringLiteral("drainTimeout"));
    m_drainTimeout->setToolTip(tr("After the feed ends, give up waiting for the sink when it makes "
                                  "no progress for this long"));
    m_tableRows = spin(MessageTableModel::MinCapacity, MessageTableModel::MaxCapacity,
                       MessageTableModel::DefaultCapacity);
    m_tableRows->setObjectName(QStringLiteral("tableRows"));
    m_tableRows->setSingleStep(100000);
    m_tableRows->setToolTip(tr("The table keeps the newest this many messages (about 150 bytes "
                               "each); the run's CSV keeps them all"));
    auto *limitsBox = new QGroupBox(tr("Connections and limits"));
    auto *limits = new QFormLayout(limitsBox);
    limits->addRow(tr("Re&connect:"), m_reconnects);
    limits->addRow(tr("Id&le timeout:"), m_idleTimeout);
    limits->addRow(tr("Dr&ain timeout:"), m_drainTimeout);
    limits->addRow(tr("Frame &limit:"), m_frameLimit);
    limits->addRow(tr("Sin&k backlog:"), m_backlog);
    limits->addRow(tr("&Batch memory:"), m_batchMemory);
    limits->addRow(tr("Table ro&ws:"), m_tableRows);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("setupProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));

    auto *row = new QHBoxLayout;
    row->addWidget(sourceBox, 3);
    row->addWidget(sinkBox, 2);
    row->addWidget(reorderBox, 2);
    row->addWidget(limitsBox, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problems);

    // Long (translated) choices must not widen the window: the combo boxes shrink and elide.
    // Each field's width is its contents' (in this language): nothing is elided.
    for (QComboBox *box : {m_source, m_sink, m_mode, m_redisKind, m_replaySpeed})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (QFormLayout *form : {sim, urlForm, redisForm, captureForm, reorder, limits})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    connect(m_source, &QComboBox::currentIndexChanged, m_sourcePages,
            &QStackedWidget::setCurrentIndex);
    for (QComboBox *box : {m_source, m_sink, m_mode, m_redisKind})
        connect(box, &QComboBox::currentIndexChanged, this, &RunSetupPanel::updateState);
    for (QLineEdit *edit :
         {m_feedUrl, m_sinkUrl, m_startId, m_redisUrl, m_redisName, m_redisFrom, m_replayPath})
        connect(edit, &QLineEdit::textChanged, this, &RunSetupPanel::updateState);
    for (QSpinBox *box : {m_window, m_maxHold, m_count, m_simCount})
        connect(box, &QSpinBox::valueChanged, this, &RunSetupPanel::updateState);
    updateState();
}

void RunSetupPanel::markField(QWidget *field, bool bad)
{
    field->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid #c62828; }")
                             : QString());
}

QString RunSetupPanel::urlProblem(const QString &text)
{
    // QUrl's own word for a port past 65535 is "Invalid port or port number out of range".
    static const QRegularExpression port(QStringLiteral("^[a-zA-Z]+://[^/?#]*:(\\d+)(?:[/?#]|$)"));
    if (const QRegularExpressionMatch m = port.match(text.trimmed()); m.hasMatch()) {
        bool ok = false;
        const qint64 value = m.captured(1).toLongLong(&ok);
        if (!ok || value < 1 || value > 65535)
            return tr("port must be 1–65535 (not %1)").arg(m.captured(1));
    }
    return UrlCheck::webSocketProblem(text);
}

QStringList RunSetupPanel::problems() const
{
    QStringList list;
    if (source() == Source::WebSocket) {
        const QString p = urlProblem(m_feedUrl->text());
        if (!p.isEmpty())
            list << tr("WS_URL: %1").arg(p);
    }
    if (source() == Source::Redis) {
        const QString p = redisConfig().problem();
        if (!p.isEmpty())
            list << tr("Redis: %1").arg(p);
    }
    if (source() == Source::Capture) {
        const QString path = m_replayPath->text().trimmed();
        if (path.isEmpty())
            list << tr("Capture: choose the capture to replay");
        else if (!QFileInfo(path).isFile())
            list << tr("Capture: \"%1\" is not a file").arg(path);
    }
    if (sink() == Sink::Url) {
        const QString p = urlProblem(m_sinkUrl->text());
        if (!p.isEmpty())
            list << tr("SEND_URL: %1").arg(p);
    }
    if (!m_startId->text().trimmed().isEmpty()) {
        bool ok = false;
        m_startId->text().trimmed().toLongLong(&ok);
        if (!ok)
            list << tr("Start id: \"%1\" is not a 64-bit integer").arg(m_startId->text().trimmed());
    }
    return list;
}

void RunSetupPanel::updateState()
{
    const bool urlFeed = source() == Source::WebSocket;
    const bool urlSink = sink() == Sink::Url;
    m_sinkUrl->setVisible(urlSink);
    // The built-in sink needs the built-in server, which runs whatever the feed is.
    markField(m_feedUrl, urlFeed && !urlProblem(m_feedUrl->text()).isEmpty());
    const bool redis = source() == Source::Redis;
    markField(m_redisUrl, redis && !RedisAddress::problem(m_redisUrl->text()).isEmpty());
    markField(m_redisName, redis && m_redisName->text().trimmed().isEmpty());
    const bool stream = chosen<RedisKind>(m_redisKind) == RedisKind::Stream;
    m_redisFrom->setEnabled(stream);
    markField(m_redisFrom,
              redis && stream && !RedisStreamId::problem(m_redisFrom->text().trimmed()).isEmpty());
    markField(m_sinkUrl, urlSink && !urlProblem(m_sinkUrl->text()).isEmpty());
    markField(m_replayPath,
              source() == Source::Capture && !QFileInfo(m_replayPath->text().trimmed()).isFile());
    bool startOk = true;
    if (!m_startId->text().trimmed().isEmpty())
        m_startId->text().trimmed().toLongLong(&startOk);
    markField(m_startId, !startOk);
    m_maxHold->setEnabled(chosen<ReorderMode>(m_mode) == ReorderMode::Stream);
    m_batchMemory->setEnabled(chosen<ReorderMode>(m_mode) == ReorderMode::Batch);
    m_problems->setText(problems().join(QLatin1Char('\n')));
    m_problems->setVisible(!m_problems->text().isEmpty());
    Q_EMIT changed();
}

void RunSetupPanel::setEditable(bool editable)
{
    for (QWidget *w : findChildren<QGroupBox *>())
        w->setEnabled(editable);
}

RunSetupPanel::Source RunSetupPanel::source() const
{
    return chosen<Source>(m_source);
}

void RunSetupPanel::setSource(Source source)
{
    choose(m_source, source);
}

RedisFeedConfig RunSetupPanel::redisConfig() const
{
    RedisFeedConfig redis;
    redis.url = QUrl(m_redisUrl->text().trimmed());
    const QString name = m_redisName->text().trimmed();
    if (chosen<RedisKind>(m_redisKind) == RedisKind::Stream) {
        redis.stream = name;
        redis.streamFrom = m_redisFrom->text().trimmed();
    } else {
        redis.channel = name;
    }
    return redis;
}

void RunSetupPanel::setRedis(const RedisFeedConfig &redis)
{
    m_redisUrl->setText(redis.url.toString());
    choose(m_redisKind, redis.isStream() ? RedisKind::Stream : RedisKind::Channel);
    m_redisName->setText(redis.isStream() ? redis.stream : redis.channel);
    m_redisFrom->setText(redis.streamFrom.isEmpty() ? RedisFeedConfig().streamFrom
                                                    : redis.streamFrom);
}

RunSetupPanel::Sink RunSetupPanel::sink() const
{
    return chosen<Sink>(m_sink);
}

void RunSetupPanel::setSink(Sink sink)
{
    choose(m_sink, sink);
}

FeedParams RunSetupPanel::simulatorParams() const
{
    // What the panel shows, over what it was given (--sim may set more than it shows).
    FeedParams p = m_simBase;
    p.count = quint64(m_simCount->value());
    p.disorder = quint64(m_simDisorder->value());
    p.rate = m_simRate->value();
    p.delayMs = m_simDelay->value();
    p.dup = m_simDup->value() / 100.0;
    p.gap = m_simGap->value() / 100.0;
    p.junk = m_simJunk->value() / 100.0;
    p.seed = quint64(m_simSeed->value());
    const quint64 drops = quint64(m_simFeedDrops->value());
    if (drops != m_simBaseDrops) { // changed here: evenly spread over the run
        p.drops = drops;
        p.dropAfter = drops > 0 ? std::max<quint64>(1, p.count / (drops + 1)) : 0;
        p.replay = std::min<quint64>(p.dropAfter, SimulatorReplay);
    }
    return p;
}

void RunSetupPanel::setSimulatorParams(const FeedParams &p)
{
    m_simCount->setValue(int(std::min<quint64>(p.count, 2000000000)));
    m_simDisorder->setValue(int(std::min<quint64>(p.disorder, 10000000)));
    m_simRate->setValue(int(p.rate));
    m_simDelay->setValue(p.delayMs);
    m_simDup->setValue(p.dup * 100.0);
    m_simGap->setValue(p.gap * 100.0);
    m_simJunk->setValue(p.junk * 100.0);
    m_simSeed->setValue(int(std::min<quint64>(p.seed, 2000000000)));
    m_simBaseDrops = p.dropAfter > 0 ? std::min<quint64>(p.drops, 100) : 0;
    m_simFeedDrops->setValue(int(m_simBaseDrops));
    m_simBase = p;
    // What the panel has no field for, shown so that it is not a surprise.
    QStringList more;
    if (p.start != FeedParams().start)
        more << QStringLiteral("start=%1").arg(p.start);
    if (p.oversize > 0)
        more << QStringLiteral("oversize=%1").arg(p.oversize);
    if (p.dropAfter > 0
        && (p.drops == 0 || p.dropAfter != std::max<quint64>(1, p.count / (p.drops + 1))))
        more << QStringLiteral("drop=%1").arg(p.dropAfter);
    if (p.replay > 0)
        more << QStringLiteral("replay=%1").arg(p.replay);
    if (p.closeCode > 0)
        more << QStringLiteral("closecode=%1").arg(p.closeCode);
    if (p.stallAfter > 0)
        more << QStringLiteral("stall=%1").arg(p.stallAfter);
    m_simMore->setText(tr("Also: %1").arg(more.join(QLatin1Char('&'))));
    m_simMore->setVisible(!more.isEmpty());
}

int RunSetupPanel::simulatorSinkDrops() const
{
    return m_simSinkDrops->value();
}

RunConfig RunSetupPanel::config() const
{
    RunConfig c;
    if (source() == Source::WebSocket)
        c.feedUrl = QUrl(m_feedUrl->text().trimmed());
    if (source() == Source::Redis) {
        c.feedKind = FeedKind::Redis;
        c.redis = redisConfig();
    }
    if (source() == Source::Capture) {
        c.feedKind = FeedKind::Capture;
        c.replayPath = m_replayPath->text().trimmed();
        c.replaySpeed = replaySpeed();
    }
    if (sink() == Sink::Url)
        c.sinkUrl = QUrl(m_sinkUrl->text().trimmed());
    c.mode = chosen<ReorderMode>(m_mode);
    if (m_window->value() == RunConfig::AutoWindow) {
        c.autoWindow = c.mode == ReorderMode::Stream;
        c.maxWindow = m_maxWindow;
    } else {
        c.window = m_window->value();
    }
    c.maxHoldMs = c.mode == ReorderMode::Stream ? m_maxHold->value() : 0;
    bool ok = false;
    const qint64 start = m_startId->text().trimmed().toLongLong(&ok);
    if (ok)
        c.startId = start;
    c.count = quint64(m_count->value());
    c.insecure = m_insecure->isChecked();
    c.feedReconnect.maxAttempts = c.sinkReconnect.maxAttempts = m_reconnects->value();
    c.idleTimeoutMs = m_idleTimeout->value() * 1000;
    c.maxFrameBytes = qsizetype(m_frameLimit->value()) * 1024;
    c.batchMemoryBytes = quint64(m_batchMemory->value()) << 20;
    c.maxBacklogBytes = quint64(m_backlog->value()) << 20;
    c.drainTimeoutMs = m_drainTimeout->value() * 1000;
    c.flushAtEnd = false; // batch mode: the operator flushes
    return c;
}

void RunSetupPanel::setFeedUrl(const QString &url)
{
    m_feedUrl->setText(url);
}

void RunSetupPanel::setReplayPath(const QString &path)
{
    m_replayPath->setText(path);
}

void RunSetupPanel::setReplaySpeed(double speed)
{
    // The nearest choice: 1×, 2×, 10× or max.
    int best = 0;
    for (int i = 1; i < m_replaySpeed->count(); ++i) {
        const double choice = m_replaySpeed->itemData(i).toDouble();
        const double bestChoice = m_replaySpeed->itemData(best).toDouble();
        if (std::abs(choice - speed) < std::abs(bestChoice - speed))
            best = i;
    }
    m_replaySpeed->setCurrentIndex(best);
}

double RunSetupPanel::replaySpeed() const
{
    return m_replaySpeed->currentData().toDouble();
}

void RunSetupPanel::setSinkUrl(const QString &url)
{
    m_sinkUrl->setText(url);
}

void RunSetupPanel::setWindow(qint64 window)
{
    m_window->setValue(
        int(std::clamp<qint64>(window, RunConfig::AutoWindow, RunConfig::MaxWindow)));
}

void RunSetupPanel::setMaxWindow(qint64 window)
{
    m_maxWindow = std::clamp<qint64>(window, 1, RunConfig::MaxWindow);
}

void RunSetupPanel::setMode(ReorderMode mode)
{
    choose(m_mode, mode);
}

void RunSetupPanel::setMaxHoldMs(qint64 ms)
{
    m_maxHold->setValue(int(std::clamp<qint64>(ms, 0, 86400000)));
}

void RunSetupPanel::setStartId(std::optional<qint64> id)
{
    m_startId->setText(id ? QString::number(*id) : QString());
}

void RunSetupPanel::setCount(quint64 count)
{
    m_count->setValue(int(std::min<quint64>(count, 2000000000)));
}

void RunSetupPanel::setInsecure(bool insecure)
{
    m_insecure->setChecked(insecure);
}

void RunSetupPanel::setLimits(const RunConfig &c)
{
    m_reconnects->setValue(c.feedReconnect.maxAttempts);
    m_idleTimeout->setValue(int(std::min<qint64>((c.idleTimeoutMs + 999) / 1000, 86400)));
    m_frameLimit->setValue(int(std::clamp<qint64>((c.maxFrameBytes + 1023) / 1024, 1, 16384)));
    m_batchMemory->setValue(int(std::clamp<quint64>(c.batchMemoryBytes >> 20, 1, 1024 * 1024)));
    m_backlog->setValue(int(std::clamp<quint64>(c.maxBacklogBytes >> 20, 1, 1024 * 1024)));
    m_drainTimeout->setValue(std::clamp((c.drainTimeoutMs + 999) / 1000, 1, 86400));
}

int RunSetupPanel::tableRows() const
{
    return m_tableRows->value();
}

void RunSetupPanel::setTableRows(int rows)
{
    m_tableRows->setValue(rows);
}

void RunSetupPanel::load(const QSettings &s)
{
    FeedParams p = simulatorParams();
    p.count = s.value(QStringLiteral("sim/count"), qulonglong(p.count)).toULongLong();
    p.disorder = s.value(QStringLiteral("sim/disorder"), qulonglong(p.disorder)).toULongLong();
    p.rate = s.value(QStringLiteral("sim/rate"), p.rate).toDouble();
    p.delayMs = s.value(QStringLiteral("sim/delay"), p.delayMs).toInt();
    p.dup = s.value(QStringLiteral("sim/dup"), p.dup).toDouble();
    p.gap = s.value(QStringLiteral("sim/gap"), p.gap).toDouble();
    p.junk = s.value(QStringLiteral("sim/junk"), p.junk).toDouble();
    p.seed = s.value(QStringLiteral("sim/seed"), qulonglong(p.seed)).toULongLong();
    setSimulatorParams(p);
    m_simFeedDrops->setValue(s.value(QStringLiteral("sim/feedDrops"), 0).toInt());
    m_simSinkDrops->setValue(s.value(QStringLiteral("sim/sinkDrops"), 0).toInt());
    choose(m_source, Source(s.value(QStringLiteral("setup/source"), int(source())).toInt()));
    m_feedUrl->setText(s.value(QStringLiteral("setup/feedUrl")).toString());
    m_redisUrl->setText(s.value(QStringLiteral("setup/redisUrl"), m_redisUrl->text()).toString());
    choose(m_redisKind,
           RedisKind(s.value(QStringLiteral("setup/redisKind"), int(chosen<RedisKind>(m_redisKind)))
                         .toInt()));
    m_redisName->setText(
        s.value(QStringLiteral("setup/redisName"), m_redisName->text()).toString());
    m_redisFrom->setText(
        s.value(QStringLiteral("setup/redisFrom"), m_redisFrom->text()).toString());
    m_replayPath->setText(s.value(QStringLiteral("setup/replayPath")).toString());
    setReplaySpeed(s.value(QStringLiteral("setup/replaySpeed"), replaySpeed()).toDouble());
    choose(m_sink, Sink(s.value(QStringLiteral("setup/sink"), int(sink())).toInt()));
    m_sinkUrl->setText(s.value(QStringLiteral("setup/sinkUrl")).toString());
    m_window->setValue(s.value(QStringLiteral("setup/window"), m_window->value()).toInt());
    m_maxWindow = s.value(QStringLiteral("setup/maxWindow"), m_maxWindow).toLongLong();
    choose(m_mode,
           ReorderMode(
               s.value(QStringLiteral("setup/mode"), int(chosen<ReorderMode>(m_mode))).toInt()));
    m_maxHold->setValue(s.value(QStringLiteral("setup/maxHold"), 0).toInt());
    m_startId->setText(s.value(QStringLiteral("setup/startId")).toString());
    m_count->setValue(s.value(QStringLiteral("setup/count"), 0).toInt());
    m_insecure->setChecked(s.value(QStringLiteral("setup/insecure"), false).toBool());
    m_reconnects->setValue(
        s.value(QStringLiteral("limits/reconnects"), m_reconnects->value()).toInt());
    m_idleTimeout->setValue(
        s.value(QStringLiteral("limits/idleTimeout"), m_idleTimeout->value()).toInt());
    m_frameLimit->setValue(
        s.value(QStringLiteral("limits/frameLimit"), m_frameLimit->value()).toInt());
    m_batchMemory->setValue(
        s.value(QStringLiteral("limits/batchMemory"), m_batchMemory->value()).toInt());
    m_backlog->setValue(s.value(QStringLiteral("limits/sinkBacklog"), m_backlog->value()).toInt());
    m_drainTimeout->setValue(
        s.value(QStringLiteral("limits/drainTimeout"), m_drainTimeout->value()).toInt());
    m_tableRows->setValue(
        s.value(QStringLiteral("limits/tableRows"), m_tableRows->value()).toInt());
}

void RunSetupPanel::save(QSettings &s) const
{
    const FeedParams p = simulatorParams();
    s.setValue(QStringLiteral("sim/count"), qulonglong(p.count));
    s.setValue(QStringLiteral("sim/disorder"), qulonglong(p.disorder));
    s.setValue(QStringLiteral("sim/rate"), p.rate);
    s.setValue(QStringLiteral("sim/delay"), p.delayMs);
    s.setValue(QStringLiteral("sim/dup"), p.dup);
    s.setValue(QStringLiteral("sim/gap"), p.gap);
    s.setValue(QStringLiteral("sim/junk"), p.junk);
    s.setValue(QStringLiteral("sim/seed"), qulonglong(p.seed));
    s.setValue(QStringLiteral("sim/feedDrops"), m_simFeedDrops->value());
    s.setValue(QStringLiteral("sim/sinkDrops"), m_simSinkDrops->value());
    s.setValue(QStringLiteral("setup/source"), int(source()));
    s.setValue(QStringLiteral("setup/feedUrl"), m_feedUrl->text());
    s.setValue(QStringLiteral("setup/redisUrl"), m_redisUrl->text());
    s.setValue(QStringLiteral("setup/redisKind"), int(chosen<RedisKind>(m_redisKind)));
    s.setValue(QStringLiteral("setup/redisName"), m_redisName->text());
    s.setValue(QStringLiteral("setup/redisFrom"), m_redisFrom->text());
    s.setValue(QStringLiteral("setup/replayPath"), m_replayPath->text());
    s.setValue(QStringLiteral("setup/replaySpeed"), replaySpeed());
    s.setValue(QStringLiteral("setup/sink"), int(sink()));
    s.setValue(QStringLiteral("setup/sinkUrl"), m_sinkUrl->text());
    s.setValue(QStringLiteral("setup/window"), m_window->value());
    s.setValue(QStringLiteral("setup/maxWindow"), m_maxWindow);
    s.setValue(QStringLiteral("setup/mode"), int(chosen<ReorderMode>(m_mode)));
    s.setValue(QStringLiteral("setup/maxHold"), m_maxHold->value());
    s.setValue(QStringLiteral("setup/startId"), m_startId->text());
    s.setValue(QStringLiteral("setup/count"), m_count->value());
    s.setValue(QStringLiteral("setup/insecure"), m_insecure->isChecked());
    s.setValue(QStringLiteral("limits/reconnects"), m_reconnects->value());
    s.setValue(QStringLiteral("limits/idleTimeout"), m_idleTimeout->value());
    s.setValue(QStringLiteral("limits/frameLimit"), m_frameLimit->value());
    s.setValue(QStringLiteral("limits/batchMemory"), m_batchMemory->value());
    s.setValue(QStringLiteral("limits/sinkBacklog"), m_backlog->value());
    s.setValue(QStringLiteral("limits/drainTimeout"), m_drainTimeout->value());
    s.setValue(QStringLiteral("limits/tableRows"), m_tableRows->value());
}

QString RunSetupPanel::summary() const
{
    const RunConfig c = config();
    QString feed;
    switch (source()) {
    case Source::Simulator: {
        const FeedParams p = simulatorParams();
        feed = tr("simulator: %1 messages, disorder %2")
                   .arg(QLocale().toString(p.count), QLocale().toString(p.disorder));
        break;
    }
    case Source::WebSocket:
        feed = c.feedUrl.toDisplayString(QUrl::RemovePassword);
        break;
    case Source::Redis:
        feed = c.redis.description();
        break;
    case Source::Capture:
        feed = tr("replay of %1 at %2")
                   .arg(QFileInfo(c.replayPath).fileName(), m_replaySpeed->currentText());
        break;
    }
    const QString sinkText = sink() == Sink::Url ? c.sinkUrl.toDisplayString(QUrl::RemovePassword)
                                                 : m_sink->currentText();
    return tr("%1 → %2 · W = %3, %4 mode")
        .arg(feed, sinkText, c.autoWindow ? tr("auto") : QLocale().toString(c.window),
             modeText(c.mode));
}

QString RunSetupPanel::modeText(ReorderMode mode)
{
    return mode == ReorderMode::Batch
        ? tr("batch", "reorder mode: hold everything, send sorted on Flush")
        : tr("stream", "reorder mode: forward as soon as order allows");
}
