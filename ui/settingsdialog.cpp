#include "settingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QSpinBox *mebibytes(int max, int value, const QString &none)
{
    auto *box = new QSpinBox;
    box->setRange(0, max);
    box->setValue(value);
    box->setSuffix(SettingsDialog::tr(" MiB"));
    box->setSpecialValueText(none);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

QString SettingsDialog::size(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString SettingsDialog::storageText(const HistoryStorage &s)
{
    // Plural forms come from the translation; English has its own words for one run.
    const QString text = s.runs == 1 ? tr("%1 in 1 run (database %2, files %3)")
                                     : tr("%1 in %n runs (database %2, files %3)", nullptr, s.runs);
    return text.arg(size(s.total()), size(s.databaseBytes), size(s.fileBytes));
}

SettingsDialog::SettingsDialog(const CaptureSettings &capture, const HistoryRetention &retention,
                               const HistoryStorage &storage, const QString &historyPath,
                               QWidget *parent)
    : QDialog(parent)
    , m_record(new QCheckBox(tr("&Record a capture of every run")))
    , m_folder(new QLineEdit(capture.folder))
    , m_maxMiB(mebibytes(1024 * 1024, capture.maxMiB, tr("no cap")))
    , m_keepRuns(new QSpinBox)
    , m_keepMiB(mebibytes(1024 * 1024, int(std::min<quint64>(retention.maxBytes >> 20, 1 << 20)),
                          tr("no limit")))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_record->setObjectName(QStringLiteral("recordCapture"));
    m_record->setChecked(capture.enabled);
    m_record->setToolTip(tr("Every frame of the feed as it arrived, with its time and the "
                            "connection's drops: File > Open capture... plays it back"));
    m_folder->setObjectName(QStringLiteral("captureFolder"));
    m_folder->setPlaceholderText(
        QDir::toNativeSeparators(QFileInfo(historyPath).absoluteDir().filePath("runs")));
    m_folder->setToolTip(tr("Where each run's capture and CSV go (empty: next to the runs "
                            "history)"));
    m_folder->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Folder for the runs' files"),
            m_folder->text().isEmpty() ? m_folder->placeholderText() : m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(folder);
    });
    m_maxMiB->setObjectName(QStringLiteral("captureMaxMiB"));
    m_maxMiB->setToolTip(tr("Past this size a capture stops growing (the run goes on and says "
                            "so)"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *captures = new QGroupBox(tr("Captures"));
    auto *captureForm = new QFormLayout(captures);
    captureForm->addRow(m_record);
    auto *folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(m_folder);
    captureForm->addRow(folderLabel, folderRow);
    // The whole path shows, whatever the language and the folder.
    m_folder->setMinimumWidth(m_folder->fontMetrics().horizontalAdvance(m_folder->placeholderText())
                              + 40);
    captureForm->addRow(tr("&Size cap of each:"), m_maxMiB);

    m_keepRuns->setObjectName(QStringLiteral("keepRuns"));
    m_keepRuns->setRange(0, 1000000);
    m_keepRuns->setValue(retention.maxRuns);
    m_keepRuns->setSpecialValueText(tr("no limit"));
    m_keepRuns->setGroupSeparatorShown(true);
    m_keepRuns->setToolTip(tr("Older runs are deleted with their files"));
    m_keepMiB->setObjectName(QStringLiteral("keepMiB"));
    m_keepMiB->setToolTip(tr("The database and the runs' files together; the oldest runs go "
                             "first, with their files"));
    auto *history = new QGroupBox(tr("Runs history"));
    auto *historyForm = new QFormLayout(history);
    historyForm->addRow(tr("Keep the &newest runs:"), m_keepRuns);
    historyForm->addRow(tr("Keep at &most:"), m_keepMiB);
    auto *used = new QLabel(storageText(storage));
    used->setObjectName(QStringLiteral("storageUsed"));
    used->setWordWrap(true);
    historyForm->addRow(tr("Storage used:"), used);
    auto *where = new QLabel(QDir::toNativeSeparators(historyPath));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);
    historyForm->addRow(tr("Database:"), where);
    for (QFormLayout *form : {captureForm, historyForm})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(captures);
    layout->addWidget(history);
    layout->addStretch();
    layout->addWidget(buttons);
}

CaptureSettings SettingsDialog::capture() const
{
    CaptureSettings c;
    c.enabled = m_record->isChecked();
    c.folder = m_folder->text().trimmed();
    c.maxMiB = m_maxMiB->value();
    return c;
}

HistoryRetention SettingsDialog::retention() const
{
    return HistoryRetention {m_keepRuns->value(), quint64(m_keepMiB->value()) << 20};
}
