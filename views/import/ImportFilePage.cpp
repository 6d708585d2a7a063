#include "views/import/ImportFilePage.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

#include "backend/core/Async.h"
#include "views/common/ToneText.h"
#include "views/import/ImportFileReader.h"
#include "views/import/ImportSession.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 0, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ImportFilePage::ImportFilePage(ImportSession& session, QWidget* parent) : QWizardPage(parent), m_session(session)
{
    setObjectName(u"importFilePage"_s);
    setTitle(tr("Choose a file", "import wizard page title"));
    setSubTitle(tr("Souk reads the whole file and checks every row before anything is imported."));

    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(u"fileEdit"_s);
    m_fileEdit->setPlaceholderText(tr("Path of a .csv file"));
    m_fileEdit->setClearButtonEnabled(true);
    m_browseButton = new QPushButton(tr("&Browse…"), this);
    m_browseButton->setObjectName(u"browseButton"_s);
    m_browseButton->setAutoDefault(false);
    m_fileError = new QLabel(this);
    m_fileError->setObjectName(u"fileError"_s);
    setToneText(m_fileError, theme::Tone::Error);
    m_fileError->setWordWrap(true);
    m_fileError->hide();

    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_formatCombo->addItem(tr("Souk CSV", "import file format"), int(catalog::CsvFormat::Souk));
    m_formatCombo->addItem(tr("Shopify CSV", "import file format"), int(catalog::CsvFormat::Shopify));

    m_readingLabel = new QLabel(tr("Reading the file…"), this);
    m_readingLabel->setObjectName(u"readingLabel"_s);
    m_readingLabel->hide();

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);
    auto* form = new QFormLayout;
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_fileEdit);
    form->addRow(fileLabel, fileRow);
    form->addRow(QString(), m_fileError);
    form->addRow(tr("F&ormat:", "import file format"), m_formatCombo);

    m_formatHint = new QLabel(this);
    m_formatHint->setObjectName(u"formatHint"_s);
    m_formatHint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formatHint);
    layout->addStretch(1);
    layout->addWidget(m_readingLabel);

    connect(m_browseButton, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ImportFilePage::updateHint);
    updateHint();
    connect(m_fileEdit, &QLineEdit::textChanged, this, [this] {
        m_fileError->hide();
        emit completeChanged();
    });
}

void ImportFilePage::updateHint()
{
    const bool shopify = catalog::CsvFormat(m_formatCombo->currentData().toInt()) == catalog::CsvFormat::Shopify;
    const QString format =
        shopify ? tr("Shopify CSV is the file Shopify exports under Products → Export: rows that share a Handle "
                     "are the variants of one product.")
                : tr("Souk CSV is the file Souk exports: one row per SKU, with the columns handle, title, sku "
                     "and price at least.");
    //: %1 = the largest file accepted, e.g. "200 MB"
    const QString limit = tr("Files up to %1 can be imported. Products whose handle already exists are updated.")
                              .arg(megabytes(m_session.maxFileBytes));
    m_formatHint->setText(format + u"\n\n"_s + limit);
}

void ImportFilePage::setMaxFileBytes(qint64 bytes)
{
    m_session.maxFileBytes = bytes;
    updateHint();
}

void ImportFilePage::setFormat(catalog::CsvFormat format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
}

void ImportFilePage::setFilePath(const QString& path)
{
    m_fileEdit->setText(QDir::toNativeSeparators(path));
}

void ImportFilePage::browse()
{
    const QString start = m_fileEdit->text().isEmpty() ? QDir::homePath() : QFileInfo(m_fileEdit->text()).path();
    // Souk's own dialog: the same look on every platform, and tests can drive it
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose a catalog file"), start, tr("CSV files (*.csv);;All files (*)"),
                                     nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        setFilePath(path);
    m_fileEdit->setFocus(Qt::OtherFocusReason);
}

bool ImportFilePage::isComplete() const
{
    return !m_reading && !m_fileEdit->text().trimmed().isEmpty();
}

bool ImportFilePage::validatePage()
{
    if (std::exchange(m_advancing, false))
        return true;
    if (!m_reading)
        startReading();
    return false; // the wizard moves on once the file has been read
}

void ImportFilePage::startReading()
{
    const QString path = QDir::fromNativeSeparators(m_fileEdit->text().trimmed());
    m_reading = true;
    m_fileError->hide();
    m_readingLabel->show();
    emit completeChanged();
    onReady(ImportFileReader::read(path, m_session.maxFileBytes), this,
            [this, path](const ImportFileReader::Outcome& outcome) {
                m_reading = false;
                m_readingLabel->hide();
                emit completeChanged();
                using Status = ImportFileReader::Status;
                switch (outcome.status) {
                case Status::Ok:
                    m_session.filePath = path;
                    m_session.data = outcome.data;
                    m_session.format = catalog::CsvFormat(m_formatCombo->currentData().toInt());
                    m_advancing = true;
                    wizard()->next();
                    m_advancing = false;
                    return;
                case Status::NotFound:
                    return showFileError(tr("There is no file at this path."));
                case Status::NotAFile:
                    return showFileError(tr("This is a folder. Choose a .csv file."));
                case Status::Empty:
                    return showFileError(tr("This file is empty."));
                case Status::TooLarge:
                    //: %1 = size of the file, %2 = the largest size accepted (e.g. "312 MB", "200 MB")
                    return showFileError(tr("This file is %1; Souk imports files up to %2. Split it into "
                                            "smaller files and import them one after the other.")
                                             .arg(megabytes(outcome.sizeBytes), megabytes(m_session.maxFileBytes)));
                case Status::Unreadable:
                    return showFileError(tr("This file cannot be read. Check that you may open it."), outcome.detail);
                }
            });
}

void ImportFilePage::showFileError(const QString& text, const QString& tooltip)
{
    m_fileError->setText(text);
    m_fileError->setToolTip(tooltip);
    m_fileError->show();
    m_fileEdit->setFocus(Qt::OtherFocusReason);
}

} // namespace souk
