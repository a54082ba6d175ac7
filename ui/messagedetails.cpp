#include "messagedetails.h"

#include "messagetablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// The hex of a frame's first bytes: enough to see what a binary or odd frame holds.
constexpr qsizetype HexBytes = 4096;

QString hexOf(const QByteArray &bytes)
{
    QString out;
    for (qsizetype i = 0; i < std::min(bytes.size(), HexBytes); i += 16) {
        out += QStringLiteral("%1  ").arg(i, 6, 16, QLatin1Char('0'));
        out += QString::fromLatin1(bytes.mid(i, 16).toHex(' '));
        out += QLatin1Char('\n');
    }
    return out;
}

QString field(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name, value);
}

QString number(quint64 v)
{
    return QLocale().toString(v);
}

} // namespace

MessageDetails::MessageDetails(MessageTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTextBrowser)
    , m_copyRow(new QPushButton(tr("&Copy row")))
    , m_copyFrame(new QPushButton(tr("Copy &raw frame")))
{
    setObjectName(QStringLiteral("messageDetails"));
    m_view->setObjectName(QStringLiteral("detailsText"));
    m_view->setOpenLinks(false);
    m_view->setTabChangesFocus(true);
    m_copyRow->setToolTip(tr("Copy the selected row, tab-separated (Ctrl+C in the table)"));
    m_copyFrame->setToolTip(tr("Copy the selected message's frame exactly as it arrived "
                               "(Ctrl+Shift+C in the table)"));
    connect(m_copyRow, &QPushButton::clicked, this, &MessageDetails::copyRow);
    connect(m_copyFrame, &QPushButton::clicked, this, &MessageDetails::copyRawFrame);
    connect(m_view, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const quint64 arrival = url.fragment().toULongLong(&ok);
        if (ok)
            Q_EMIT arrivalRequested(arrival);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyRow);
    buttons->addWidget(m_copyFrame);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    showRow(-1);
}

void MessageDetails::showRow(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_copyRow->setEnabled(valid);
    m_copyFrame->setEnabled(valid);
    if (!valid) {
        m_rowText.clear();
        m_frame.clear();
        m_html = tr("<p>Select a message in the table to see it here in full.</p>");
    } else {
        m_rowText = m_model->rowText(row);
        m_frame = m_model->info(row).frame;
        m_html = describe(row);
    }
    m_view->setHtml(m_html);
}

void MessageDetails::showGone(quint64 arrival)
{
    if (m_rowText.isEmpty())
        return;
    // What was shown stays, copies included; links to other rows may no longer lead anywhere.
    m_view->setHtml(
        QStringLiteral("<p><i>%1</i></p>")
            .arg(tr("Arrival #%1 has left the table, which keeps the latest %2 frames; the run's "
                    "CSV has it.")
                     .arg(number(arrival), number(quint64(m_model->capacity()))))
        + m_html);
}

QString MessageDetails::describe(int row) const
{
    const MessageTableModel::RowInfo i = m_model->info(row);
    QString reason;
    switch (i.status) {
    case MessageStatus::Accepted:
        reason = i.output ? tr("Accepted and sent in order.")
                          : tr("Accepted: held in the reorder buffer, waiting for smaller ids.");
        break;
    case MessageStatus::Late: {
        reason = tr("Late: it arrived after its place in the output had been given up, so it was "
                    "not forwarded (that would break the order).");
        if (i.distance > 0)
            reason += QLatin1Char(' ')
                + tr("The output was %n id(s) past it when it arrived.", nullptr, int(i.distance));
        if (const auto gap = m_model->gapOf(i.id)) {
            reason += QLatin1Char(' ')
                + (gap->firstId == gap->lastId
                       ? tr("It fell into the gap of id %1, given up just before output #%2.")
                             .arg(gap->firstId)
                             .arg(number(gap->nextOutput))
                       : tr("It fell into the gap of ids %1–%2, given up just before output #%3.")
                             .arg(gap->firstId)
                             .arg(gap->lastId)
                             .arg(number(gap->nextOutput)));
        }
        break;
    }
    case MessageStatus::Duplicate: {
        reason = tr("Duplicate: a message with this id had already arrived, so this copy was not "
                    "forwarded.");
        if (const auto first = m_model->firstCopyOf(row)) {
            const MessageTableModel::RowInfo copy = m_model->info(*first);
            reason += QLatin1Char(' ')
                + tr("Its first copy is <a href=\"#%1\">arrival #%2</a>%3.")
                      .arg(copy.arrival)
                      .arg(number(copy.arrival))
                      .arg(copy.output ? tr(", sent as output #%1").arg(number(*copy.output))
                                       : QString());
        } else {
            reason += QLatin1Char(' ')
                + tr("Its first copy is older than the rows the table keeps (see the run's CSV).");
        }
        break;
    }
    case MessageStatus::Malformed:
        reason = tr("Malformed: %1. Counted and shown, never forwarded.")
                     .arg(MessageCodec::reasonText(i.reason));
        break;
    case MessageStatus::Dropped:
        reason = tr("Dropped: the sink was over the run's memory budget and this feed cannot "
                    "wait, so the message was counted (with its id, in the report) and not "
                    "forwarded.");
        break;
    }

    QString html = QStringLiteral("<table cellspacing=\"2\">");
    html += field(tr("Arrival #"), number(i.arrival));
    if (i.status != MessageStatus::Malformed)
        html += field(tr("Id"), QString::number(i.id));
    html += field(tr("Status"),
                  m_model->data(m_model->index(row, MessageTableModel::StatusColumn))
                      .toString()
                      .toHtmlEscaped());
    html += field(
        tr("Arrived"),
        tr("%1 s after the start").arg(QLocale().toString(double(i.arrivalNs) / 1e9, 'f', 6)));
    if (i.output) {
        html += field(tr("Output #"), number(*i.output));
        html += field(tr("Distance"), QLocale().toString(i.distance));
        html +=
            field(tr("Held"), tr("%1 ms").arg(QLocale().toString(double(i.holdNs) / 1e6, 'f', 3)));
    }
    if (!i.text.isEmpty())
        html += field(tr("Text"), i.text.toHtmlEscaped());
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>%1</p>").arg(reason);
    const bool binary = i.reason == MalformedReason::Binary;
    html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                .arg(binary ? tr("Binary frame (as hex, from the feed):")
                            : tr("Raw frame (%1 characters):").arg(number(quint64(i.frame.size()))),
                     i.frame.toHtmlEscaped());
    if (!binary) {
        const QByteArray bytes = i.frame.toUtf8();
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(bytes.size() > HexBytes ? tr("Hex (UTF-8, first %1 bytes):").arg(HexBytes)
                                                 : tr("Hex (UTF-8):"),
                         hexOf(bytes));
    }
    return html;
}

QString MessageDetails::text() const
{
    return m_view->toPlainText();
}

void MessageDetails::copyRow()
{
    if (!m_rowText.isEmpty())
        QApplication::clipboard()->setText(m_rowText);
}

void MessageDetails::copyRawFrame()
{
    if (!m_frame.isEmpty())
        QApplication::clipboard()->setText(m_frame);
}
