#pragma once

#include <QJsonObject>

struct RunConfig;

// A run's configuration as the history keeps it (settings_json): what a run that never finished
// still tells. URLs without their passwords.
namespace RunSettings {
QJsonObject toJson(const RunConfig &config);
} // namespace RunSettings
