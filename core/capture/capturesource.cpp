#include "capturesource.h"

#include <QDir>

CaptureSource::CaptureSource(const QString &path, double speed, QObject *parent)
    : MessageSource(parent)
    , m_path(path)
    , m_speed(speed > 0 ? speed : 0)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CaptureSource::play);
}

std::optional<double> CaptureSource::speedFromText(const QString &text)
{
    if (text.compare(QLatin1String("max"), Qt::CaseInsensitive) == 0)
        return 0.0;
    bool ok = false;
    const double speed = text.toDouble(&ok);
    return ok && speed >= 0.001 && speed <= 1000 ? std::optional<double>(speed) : std::nullopt;
}

QString CaptureSource::description() const
{
    const QString source = m_reader.header().source;
    return source.isEmpty()
        ? tr("capture %1").arg(QDir::toNativeSeparators(m_path))
        : tr("capture %1 (of %2)").arg(QDir::toNativeSeparators(m_path), source);
}

void CaptureSource::open()
{
    if (m_open)
        return;
    m_open = true;
    // Reported from the event loop, like a socket's outcome, never from inside open().
    const QString error = m_reader.open(m_path);
    if (!error.isEmpty()) {
        QTimer::singleShot(0, this, [this, error] { finish(false, error); });
        return;
    }
    m_hasNext = m_reader.next(&m_next);
    if (m_hasNext)
        m_firstUs = m_next.atUs;
    m_clock.start();
    m_timer.start(0);
}

void CaptureSource::close()
{
    if (m_done)
        return;
    finish(true, QString());
}

void CaptureSource::setPaused(bool paused)
{
    if (m_paused == paused || m_done)
        return;
    m_paused = paused;
    if (paused) {
        m_timer.stop();
        m_pausedAtNs = m_clock.nsecsElapsed();
        return;
    }
    if (m_pausedAtNs >= 0)
        m_pausedNs += m_clock.nsecsElapsed() - m_pausedAtNs;
    m_pausedAtNs = -1;
    if (m_open)
        m_timer.start(0);
}

void CaptureSource::play()
{
    int frames = 0;
    while (m_hasNext && !m_paused && !m_done) {
        if (m_speed > 0) {
            const qint64 dueNs = qint64(double(m_next.atUs - m_firstUs) * 1000.0 / m_speed);
            const qint64 nowNs = m_clock.nsecsElapsed() - m_pausedNs;
            if (dueNs > nowNs) {
                m_timer.start(int((dueNs - nowNs) / 1000000));
                return;
            }
        }
        const bool frame = m_next.isFrame();
        deliver(m_next);
        if (m_done)
            return;
        m_hasNext = m_reader.next(&m_next);
        if (frame && ++frames >= FramesPerTurn) {
            m_timer.start(0); // let the loop breathe
            return;
        }
    }
    if (!m_hasNext && !m_done) {
        if (!m_reader.stopReason().isEmpty())
            Q_EMIT notice(m_reader.stopReason());
        finish(true, QString()); // the capture ended without a close: the feed is complete
    }
}

void CaptureSource::deliver(const CaptureEntry &e)
{
    const auto connectNow = [this] {
        if (!m_connected) {
            m_connected = true;
            m_up = true;
            Q_EMIT connected();
        }
    };
    switch (e.kind) {
    case CaptureEntry::Kind::Text:
        connectNow();
        Q_EMIT textReceived(e.text);
        break;
    case CaptureEntry::Kind::Binary:
        connectNow();
        Q_EMIT binaryReceived(e.bytes);
        break;
    case CaptureEntry::Kind::Opened:
        if (!m_connected) {
            connectNow();
        } else if (!m_up) {
            m_up = true;
            Q_EMIT reconnected();
        }
        break;
    case CaptureEntry::Kind::Reconnected:
        if (!m_up) {
            m_up = true;
            Q_EMIT reconnected();
        }
        break;
    case CaptureEntry::Kind::Dropped:
        if (m_up) {
            m_up = false;
            Q_EMIT dropped(e.reason, 1);
        }
        break;
    case CaptureEntry::Kind::Closed:
        finish(e.code == 1000, e.reason);
        break;
    }
}

void CaptureSource::finish(bool normal, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (normal)
        Q_EMIT ended();
    else
        Q_EMIT failed(reason.isEmpty() ? tr("the recorded feed failed") : reason);
}
