#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_remedy(new QPushButton)
{
    setObjectName(QStringLiteral("errorBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(
        QStringLiteral("#errorBanner { background: #ffebee; border: 1px solid #c62828; }"));
    m_label->setObjectName(QStringLiteral("errorText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remedy->setObjectName(QStringLiteral("switchToStream"));
    m_remedy->hide();
    connect(m_remedy, &QPushButton::clicked, this, &ErrorBanner::remedyChosen);
    auto *dismiss = new QPushButton(tr("Dismiss"));
    connect(dismiss, &QPushButton::clicked, this, &ErrorBanner::dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_remedy);
    layout->addWidget(dismiss);
    hide();
}

void ErrorBanner::showMessage(const QString &message)
{
    m_label->setText(message);
    show();
}

void ErrorBanner::offerRemedy(const QString &text, const QString &toolTip)
{
    m_remedy->setText(text);
    m_remedy->setToolTip(toolTip);
    m_remedy->show();
}

void ErrorBanner::dismiss()
{
    m_remedy->hide();
    m_label->clear();
    hide();
}

QString ErrorBanner::withHint(const QString &error, const RunConfig &config)
{
    // A wss:// URL to a plain ws:// port: the TLS handshake gets no answer (or OpenSSL's
    // "wrong version number"); the error names the URL it could not reach.
    const bool tls = config.feedUrl.scheme() == QLatin1String("wss")
        || config.sinkUrl.scheme() == QLatin1String("wss");
    static const QRegularExpression handshake(QStringLiteral("wss://|handshake|wrong version"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (tls && handshake.match(error).hasMatch())
        return error + QLatin1Char(' ')
            + tr("If the server does not use TLS, use ws:// instead of wss://.");
    return error;
}

QString ErrorBanner::text() const
{
    return !isHidden() || !m_label->text().isEmpty() ? m_label->text() : QString();
}
