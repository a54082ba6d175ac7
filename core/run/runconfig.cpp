#include "runconfig.h"

#include "protocol/urltext.h"
#include "reorder/adaptivewindow.h"

#include <QCoreApplication>

ReorderConfig RunConfig::reorderConfig() const
{
    ReorderConfig config;
    config.mode = mode;
    config.window = autoWindow ? std::min(AdaptiveWindow::Initial, maxWindow) : window;
    config.trackNeeds = autoWindow;
    config.maxHoldNs = maxHoldMs * 1000000;
    config.startId = startId;
    return config;
}

bool RunConfig::certificateChecksOff() const
{
    const auto secure = [](const QUrl &url) {
        return url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    };
    return insecure && (secure(feedUrl) || secure(sinkUrl));
}

QString UrlCheck::webSocketProblem(const QString &text)
{
    // The URL is checked as typed, and said without its password.
    const QString typed = text.trimmed();
    const QString trimmed = UrlText::withoutPassword(typed);
    if (typed.isEmpty())
        return tr("the URL is empty");
    const QUrl url(typed, QUrl::StrictMode);
    if (!url.isValid())
        return tr("\"%1\" is not a valid URL").arg(trimmed);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return tr("\"%1\" must start with ws:// or wss://").arg(trimmed);
    if (url.host().isEmpty())
        return tr("\"%1\" has no host").arg(trimmed);
    if (url.port() == 0)
        return tr("\"%1\" has an invalid port").arg(trimmed);
    return {};
}

QString RunConfig::feedDescription() const
{
    switch (feedKind) {
    case FeedKind::Redis:
        return redis.description();
    case FeedKind::Capture:
        return UrlCheck::tr("capture %1").arg(replayPath);
    case FeedKind::WebSocket:
        break;
    }
    return feedUrl.toDisplayString(QUrl::RemovePassword);
}

QString RunConfig::overflowName(BacklogOverflow overflow)
{
    return overflow == BacklogOverflow::EndRun ? QStringLiteral("end") : QStringLiteral("drop");
}

QString UrlCheck::modeName(ReorderMode mode)
{
    return mode == ReorderMode::Batch ? QStringLiteral("batch") : QStringLiteral("stream");
}

QString RunConfig::windowDescription() const
{
    if (!autoWindow)
        return QString::number(window);
    return QCoreApplication::translate("RunConfig", "auto (at most %1)").arg(maxWindow);
}

std::optional<qint64> RunConfig::windowFromText(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        return AutoWindow;
    bool ok = false;
    const qint64 w = t.toLongLong(&ok);
    return ok && w >= 1 && w <= MaxWindow ? std::optional<qint64>(w) : std::nullopt;
}
