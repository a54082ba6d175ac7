#pragma once

#include "run/runcontroller.h"

#include <QSignalSpy>

// Starts a run on `controller` (a fresh one when null) and waits for its report; an empty
// report (with a warning) when it does not finish within `timeoutMs`.
inline RunReport runToEnd(const RunConfig &config, RunController *controller, int timeoutMs)
{
    RunController local;
    RunController *c = controller ? controller : &local;
    QSignalSpy finished(c, &RunController::finished);
    c->start(config);
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        qWarning("run did not finish within %d ms", timeoutMs);
        return RunReport();
    }
    return finished.takeFirst().at(0).value<RunReport>();
}
