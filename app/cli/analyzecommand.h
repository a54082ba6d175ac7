#pragma once

#include "commandline.h"

#include <QCoreApplication>

/*!
    `reorder-monitor --analyze CAPTURE [--json]`: reads the capture, replays its arrivals through
    the what-if advisor and prints the table. Exit status 0, or 2 when the capture cannot be read.
*/
class AnalyzeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(AnalyzeCommand)

public:
    static int run(const CommandLineOptions &options);
};
