#pragma once

#include "capturesettings.h"
#include "history/historyentry.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

/*!
    Settings of what the window keeps: a capture of every run (on or off, where, the size cap of
    each) and the runs history's retention (the newest N runs, at most N MiB), with the storage
    the history uses now.
*/
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(const CaptureSettings &capture, const HistoryRetention &retention,
                   const HistoryStorage &storage, const QString &historyPath,
                   QWidget *parent = nullptr);

    CaptureSettings capture() const;
    HistoryRetention retention() const;

    // "1.5 MiB", "230 KiB": sizes as the window shows them.
    static QString size(quint64 bytes);
    // "12.3 MiB in 8 runs (database 1.2 MiB, files 11.1 MiB)".
    static QString storageText(const HistoryStorage &storage);

private:
    QCheckBox *m_record;
    QLineEdit *m_folder;
    QSpinBox *m_maxMiB;
    QSpinBox *m_keepRuns;
    QSpinBox *m_keepMiB;
};
