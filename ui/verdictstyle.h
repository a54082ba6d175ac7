#pragma once

#include "run/runverdict.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

// How a verdict looks wherever the window shows one: its word and its colour.
class VerdictStyle final
{
    Q_DECLARE_TR_FUNCTIONS(VerdictStyle)

public:
    static QString label(Verdict verdict);
    static QColor color(Verdict verdict);
};
