#pragma once

#include "run/runcontroller.h"

#include <QSignalSpy>

// Starts a run on `controller` (a fresh one when null) and waits for its report; an empty
// report (with a warning) when it does not finish within `timeoutMs`. The run is then stopped
// before returning, so that it neither hangs the test file nor outlives its test function.
inline RunReport runToEnd(const RunConfig &config, RunController *controller, int timeoutMs)
{
    RunController local;
    RunController *c = controller ? controller : &local;
    QSignalSpy finished(c, &RunController::finished);
    c->start(config);
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        qWarning("run did not finish within %d ms: stopping it", timeoutMs);
        // The first stop releases what is held and drains the sink; a later one, while the sink
        // drains, gives up on it (a stop while the feed is still closing does nothing new).
        constexpr int StopWaitMs = 500;
        for (int i = 0; i < 10 && finished.isEmpty(); ++i) {
            c->stop();
            if (finished.isEmpty())
                finished.wait(StopWaitMs);
        }
        if (finished.isEmpty())
            qWarning("the run did not stop either");
        return RunReport();
    }
    return finished.takeFirst().at(0).value<RunReport>();
}
