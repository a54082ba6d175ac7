#include "capturesettings.h"

#include <QSettings>

CaptureSettings CaptureSettings::load(const QSettings &s)
{
    CaptureSettings c;
    c.enabled = s.value(QStringLiteral("capture/enabled"), c.enabled).toBool();
    c.folder = s.value(QStringLiteral("capture/folder"), c.folder).toString();
    c.maxMiB = std::max(0, s.value(QStringLiteral("capture/maxMiB"), c.maxMiB).toInt());
    return c;
}

void CaptureSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("capture/enabled"), enabled);
    s.setValue(QStringLiteral("capture/folder"), folder);
    s.setValue(QStringLiteral("capture/maxMiB"), maxMiB);
}
