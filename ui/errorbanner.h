#pragma once

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

Q_SIGNALS:
    void remedyChosen();

private:
    QLabel *m_label;
    QPushButton *m_remedy;
};
