#pragma once

#include "run/runconfig.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

/*!
    An error in plain words above the working area, with a remedy button when the window can
    apply one, and Dismiss.
*/
class ErrorBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    // The remedy button, shown with the current message until it is dismissed.
    void offerRemedy(const QString &text, const QString &toolTip);
    void dismiss();
    QString text() const;
    // The run's error with what to try, when the window can tell (a wss:// URL that got no TLS
    // answer: the server may be a plain ws:// one).
    static QString withHint(const QString &error, const RunConfig &config);

Q_SIGNALS:
    void remedyChosen();

private:
    QLabel *m_label;
    QPushButton *m_remedy;
};
