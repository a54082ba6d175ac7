#include "runsetuppanel.h"

#include "protocol/wireprotocol.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    m_simDisorder = spin(0, 10000000, 50);
    m_simDisorder->setObjectName(QStringLiteral("simDisorder"));
    m_simRate = spin(0, 100000000, 0, tr("as fast as possible"));
    m_simRate->setSuffix(tr(" msg/s"));
    m_simRate->setObjectName(QStringLiteral("simRate"));
    m_simDelay = spin(0, 600000, 0, tr("none"));
    m_simDelay->setSuffix(tr(" ms"));
    m_simDup = percent(0);
    m_simGap = percent(0);
    m_simJunk = percent(0);
    m_simSeed = spin(0, 2000000000, 1);
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
    counts->addWidget(new QLabel(tr("disorder")));
    counts->addWidget(m_simDisorder, 1);
    sim->addRow(tr("Messages:"), counts);
    auto *pace = new QHBoxLayout;
    pace->addWidget(m_simRate, 2);
    pace->addWidget(new QLabel(tr("delay")));
    pace->addWidget(m_simDelay, 1);
    sim->addRow(tr("Rate:"), pace);
    auto *faults = new QHBoxLayout;
    faults->addWidget(new QLabel(tr("dup")));
    faults->addWidget(m_simDup);
    faults->addWidget(new QLabel(tr("gap")));
    faults->addWidget(m_simGap);
    faults->addWidget(new QLabel(tr("junk")));
    faults->addWidget(m_simJunk);
    sim->addRow(tr("Faults:"), faults);
    auto *drops = new QHBoxLayout;
    drops->addWidget(new QLabel(tr("feed")));
    drops->addWidget(m_simFeedDrops, 1);
    drops->addWidget(new QLabel(tr("sink")));
    drops->addWidget(m_simSinkDrops, 1);
    sim->addRow(tr("Drops:"), drops);
    sim->addRow(tr("Seed:"), m_simSeed);
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
    urlForm->addRow(tr("WS_URL:"), m_feedUrl);
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
    redisForm->addRow(tr("Redis URL:"), m_redisUrl);
    redisForm->addRow(tr("Read:"), redisWhat);
    redisForm->addRow(tr("Stream from:"), m_redisFrom);
    addSource(Source::Redis, tr("Redis channel or stream"), redisPage);

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
    m_insecure = new QCheckBox(tr("Accept untrusted certificates (insecure)"));
    m_insecure->setObjectName(QStringLiteral("insecure"));
    auto *sinkBox = new QGroupBox(tr("Ordered output"));
    auto *sinkLayout = new QVBoxLayout(sinkBox);
    sinkLayout->addWidget(m_sink);
    sinkLayout->addWidget(m_sinkUrl);
    sinkLayout->addWidget(m_insecure);
    sinkLayout->addStretch();

    // Reordering
    m_window = spin(1, int(RunConfig::MaxWindow), int(RunConfig::DefaultWindow));
    m_window->setObjectName(QStringLiteral("window"));
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("stream: forward as soon as order allows"), int(ReorderMode::Stream));
    m_mode->addItem(tr("batch: hold everything, send sorted on Flush"), int(ReorderMode::Batch));
    m_maxHold = spin(0, 86400000, 0, tr("off"));
    m_maxHold->setSuffix(tr(" ms"));
    m_maxHold->setObjectName(QStringLiteral("maxHold"));
    m_startId = new QLineEdit;
    m_startId->setObjectName(QStringLiteral("startId"));
    m_startId->setPlaceholderText(tr("learned from the first W messages"));
    m_count = spin(0, 2000000000, 0, tr("until the feed closes"));
    m_count->setObjectName(QStringLiteral("count"));
    auto *reorderBox = new QGroupBox(tr("Reordering"));
    auto *reorder = new QFormLayout(reorderBox);
    reorder->addRow(tr("Window W:"), m_window);
    reorder->addRow(tr("Mode:"), m_mode);
    reorder->addRow(tr("Max hold:"), m_maxHold);
    reorder->addRow(tr("Start id:"), m_startId);
    reorder->addRow(tr("Stop after:"), m_count);

    // Connections and limits
    m_reconnects = spin(0, 1000, defaults.feedReconnect.maxAttempts, tr("never"));
    m_reconnects->setObjectName(QStringLiteral("reconnects"));
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
    auto *limitsBox = new QGroupBox(tr("Connections and limits"));
    auto *limits = new QFormLayout(limitsBox);
    limits->addRow(tr("Reconnect:"), m_reconnects);
    limits->addRow(tr("Idle timeout:"), m_idleTimeout);
    limits->addRow(tr("Frame limit:"), m_frameLimit);
    limits->addRow(tr("Batch memory:"), m_batchMemory);

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
    for (QComboBox *box : {m_source, m_sink, m_mode, m_redisKind}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    connect(m_source, &QComboBox::currentIndexChanged, m_sourcePages,
            &QStackedWidget::setCurrentIndex);
    for (QComboBox *box : {m_source, m_sink, m_mode, m_redisKind})
        connect(box, &QComboBox::currentIndexChanged, this, &RunSetupPanel::updateState);
    for (QLineEdit *edit : {m_feedUrl, m_sinkUrl, m_startId, m_redisUrl, m_redisName, m_redisFrom})
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

QStringList RunSetupPanel::problems() const
{
    QStringList list;
    if (source() == Source::WebSocket) {
        const QString p = UrlCheck::webSocketProblem(m_feedUrl->text());
        if (!p.isEmpty())
            list << tr("WS_URL: %1").arg(p);
    }
    if (source() == Source::Redis) {
        const QString p = redisConfig().problem();
        if (!p.isEmpty())
            list << tr("Redis: %1").arg(p);
    }
    if (sink() == Sink::Url) {
        const QString p = UrlCheck::webSocketProblem(m_sinkUrl->text());
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
    markField(m_feedUrl, urlFeed && !UrlCheck::webSocketProblem(m_feedUrl->text()).isEmpty());
    const bool redis = source() == Source::Redis;
    markField(m_redisUrl, redis && !RedisAddress::problem(m_redisUrl->text()).isEmpty());
    markField(m_redisName, redis && m_redisName->text().trimmed().isEmpty());
    const bool stream = chosen<RedisKind>(m_redisKind) == RedisKind::Stream;
    m_redisFrom->setEnabled(stream);
    markField(m_redisFrom,
              redis && stream && !RedisStreamId::problem(m_redisFrom->text().trimmed()).isEmpty());
    markField(m_sinkUrl, urlSink && !UrlCheck::webSocketProblem(m_sinkUrl->text()).isEmpty());
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
    if (sink() == Sink::Url)
        c.sinkUrl = QUrl(m_sinkUrl->text().trimmed());
    c.window = m_window->value();
    c.mode = chosen<ReorderMode>(m_mode);
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
    c.flushAtEnd = false; // batch mode: the operator flushes
    return c;
}

void RunSetupPanel::setFeedUrl(const QString &url)
{
    m_feedUrl->setText(url);
}

void RunSetupPanel::setSinkUrl(const QString &url)
{
    m_sinkUrl->setText(url);
}

void RunSetupPanel::setWindow(qint64 window)
{
    m_window->setValue(int(std::clamp<qint64>(window, 1, RunConfig::MaxWindow)));
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
    choose(m_sink, Sink(s.value(QStringLiteral("setup/sink"), int(sink())).toInt()));
    m_sinkUrl->setText(s.value(QStringLiteral("setup/sinkUrl")).toString());
    m_window->setValue(s.value(QStringLiteral("setup/window"), m_window->value()).toInt());
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
    s.setValue(QStringLiteral("setup/sink"), int(sink()));
    s.setValue(QStringLiteral("setup/sinkUrl"), m_sinkUrl->text());
    s.setValue(QStringLiteral("setup/window"), m_window->value());
    s.setValue(QStringLiteral("setup/mode"), int(chosen<ReorderMode>(m_mode)));
    s.setValue(QStringLiteral("setup/maxHold"), m_maxHold->value());
    s.setValue(QStringLiteral("setup/startId"), m_startId->text());
    s.setValue(QStringLiteral("setup/count"), m_count->value());
    s.setValue(QStringLiteral("setup/insecure"), m_insecure->isChecked());
    s.setValue(QStringLiteral("limits/reconnects"), m_reconnects->value());
    s.setValue(QStringLiteral("limits/idleTimeout"), m_idleTimeout->value());
    s.setValue(QStringLiteral("limits/frameLimit"), m_frameLimit->value());
    s.setValue(QStringLiteral("limits/batchMemory"), m_batchMemory->value());
}
