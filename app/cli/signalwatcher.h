#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

/*!
    Turns SIGINT and SIGTERM into a Qt signal, delivered on the event loop (self-pipe trick):
    the process can stop cleanly, write its files and exit. One instance per process.
*/
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    std::unique_ptr<QSocketNotifier> m_notifier;
};
