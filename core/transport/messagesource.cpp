#include "messagesource.h"

MessageSource::MessageSource(QObject *parent)
    : QObject(parent)
{ }
