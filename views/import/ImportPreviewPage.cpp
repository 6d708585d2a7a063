#include "views/import/ImportPreviewPage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>
#include <QtConcurrent/QtConcurrentRun>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/import/ImportPreviewModel.h"
#include "models/import/ImportProductPreviewModel.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"
#include "views/import/ImportSession.h"
#include "views/import/TaskProgressWidget.h"
#include "views/main/CatalogExport.h"

using namespace Qt::StringLiterals;

namespace souk {

ImportPreviewPage::ImportPreviewPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_errorModel(new ImportPreviewModel(this)),
      m_productModel(new ImportProductPreviewModel(this))
{
    setObjectName(u"importPreviewPage"_s);
    setTitle(tr("Check the file", "import wizard page title"));
    setSubTitle(tr("Nothing is written at this step."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import", "start writing the checked file"));

    m_messageBar = new MessageBar(this);
    m_progress = new TaskProgressWidget(QString(), this);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    m_summaryLabel->setWordWrap(true);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(u"problemLabel"_s);
    m_problemLabel->setWordWrap(true);
    setToneText(m_problemLabel, theme::Tone::Error);
    QFont bold = m_problemLabel->font();
    bold.setBold(true);
    m_problemLabel->setFont(bold);
    m_problemLabel->hide();
    m_notesLabel = new QLabel(this);
    m_notesLabel->setObjectName(u"notesLabel"_s);
    m_notesLabel->setWordWrap(true);
    m_notesLabel->hide();
    m_saveProblemsButton = new QPushButton(tr("&Save the list of problems…"), this);
    m_saveProblemsButton->setObjectName(u"saveProblemsButton"_s);
    m_saveProblemsButton->setAutoDefault(false);
    m_saveProblemsButton->setToolTip(tr("Save every problem, with its line and column, as a CSV file to fix the "
                                        "file by."));
    m_saveProblemsButton->hide();
    connect(m_saveProblemsButton, &QPushButton::clicked, this, &ImportPreviewPage::saveProblems);

    m_errorTable = makeTable(u"errorTable"_s);
    m_errorTable->setModel(m_errorModel);
    m_errorTable->horizontalHeader()->setSectionResizeMode(ImportPreviewModel::Problem, QHeaderView::Stretch);
    m_errorTable->setWordWrap(true); // a long problem reads whole instead of ending in "…"
    m_errorTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // at most ~1,000 rows
    m_productTable = makeTable(u"productTable"_s);
    m_productTable->setModel(m_productModel);
    m_productTable->horizontalHeader()->setSectionResizeMode(ImportProductPreviewModel::Title, QHeaderView::Stretch);
    m_tables = new QStackedWidget(this);
    m_tables->addWidget(m_productTable);
    m_tables->addWidget(m_errorTable);
    m_tables->hide();

    auto* problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problemLabel, 1);
    problemRow->addWidget(m_saveProblemsButton, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_progress);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_notesLabel);
    layout->addLayout(problemRow);
    layout->addWidget(m_tables, 1);
    layout->addStretch(0); // keeps the progress bar at the top while the tables are hidden
}

QTableView* ImportPreviewPage::makeTable(const QString& objectName)
{
    auto* table = new QTableView(this);
    table->setObjectName(objectName);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

void ImportPreviewPage::initializePage()
{
    startPlanning();
}

void ImportPreviewPage::cleanupPage()
{
    cancelTask();
    m_errorModel->clear();
    m_productModel->clear();
    m_session.plan = {};
}

void ImportPreviewPage::cancelTask()
{
    ++m_generation;
    m_progress->requestCancel();
    m_progress->stop();
}

bool ImportPreviewPage::isComplete() const
{
    return m_ready;
}

void ImportPreviewPage::startPlanning()
{
    m_ready = false;
    emit completeChanged();
    m_messageBar->clearMessage();
    m_errorModel->clear();
    m_productModel->clear();
    m_tables->hide();
    m_problemLabel->hide();
    m_notesLabel->hide();
    m_saveProblemsButton->hide();
    m_summaryLabel->clear();
    const TaskProgressPtr progress = m_progress->start(tr("Checking every row…"));
    const quint64 generation = ++m_generation;
    onReady(m_session.client.planImport(m_session.merchantId, m_session.data, m_session.format, progress), this,
            [this, generation, progress](const Result<catalog::ImportPlan>& result) {
                if (generation == m_generation)
                    onPlanned(result, progress->cancelRequested.load());
            });
}

void ImportPreviewPage::onPlanned(const Result<catalog::ImportPlan>& result, bool cancelled)
{
    m_progress->stop();
    // a cancelled check may come back as an error or as a partial plan: either way it says nothing
    if (cancelled || !result) {
        if (cancelled || result.error().code == ErrorCode::Cancelled)
            m_messageBar->showInfo(tr("Checking cancelled; nothing has been imported."));
        else
            m_messageBar->showError(result.error());
        m_messageBar->setAction(tr("Check &again"), [this] { startPlanning(); });
        return;
    }
    m_session.plan = result.value();
    showPlan();
}

void ImportPreviewPage::showPlan()
{
    const catalog::ImportPlan& plan = m_session.plan;
    m_errorModel->setPlan(plan);
    m_productModel->setPlan(plan);
    m_summaryLabel->setText(m_errorModel->summary());
    m_notesLabel->setText(m_errorModel->notes());
    m_notesLabel->setVisible(!m_notesLabel->text().isEmpty());
    m_tables->show();
    if (plan.suggestedFormat)
        offerFormat(*plan.suggestedFormat);
    if (!plan.ok()) {
        m_problemLabel->setText(m_errorModel->headline());
        m_problemLabel->show();
        m_saveProblemsButton->show();
        m_tables->setCurrentWidget(m_errorTable);
        return;
    }
    if (plan.products.isEmpty()) {
        m_problemLabel->setText(tr("The file has no products. Check that it has a header row and at least "
                                   "one product row."));
        m_problemLabel->show();
        m_tables->hide();
        return;
    }
    if (m_productModel->totalProducts() > m_productModel->rowCount())
        //: %1 = how many products the table lists, %2 = how many the file holds
        m_summaryLabel->setText(
            m_errorModel->summary() + u"\n"_s +
            tr("The table lists the first %1 of %2 products.")
                .arg(formatQuantity(m_productModel->rowCount()), formatQuantity(m_productModel->totalProducts())));
    m_tables->setCurrentWidget(m_productTable);
    m_ready = true;
    emit completeChanged();
}

void ImportPreviewPage::offerFormat(catalog::CsvFormat format)
{
    const bool shopify = format == catalog::CsvFormat::Shopify;
    m_messageBar->showInfo(shopify ? tr("This file looks like a Shopify product export, but it was checked as "
                                        "Souk CSV.")
                                   : tr("This file looks like a Souk CSV file, but it was checked as Shopify CSV."));
    m_messageBar->setAction(shopify ? tr("&Check as Shopify CSV") : tr("&Check as Souk CSV"), [this, format] {
        m_session.format = format;
        emit formatChanged(format);
        startPlanning();
    });
}

void ImportPreviewPage::saveProblems()
{
    const QFileInfo source(m_session.filePath);
    //: file name suggested for the list of problems; %1 = the imported file's name without ".csv"
    const QString name = tr("%1-problems.csv").arg(source.completeBaseName());
    auto* dialog = new QFileDialog(this, tr("Save the list of problems"), source.absolutePath());
    dialog->setObjectName(u"problemsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QFileDialog::DontUseNativeDialog); // the same on every platform, and tests can drive it
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setNameFilters({tr("CSV files (*.csv)"), tr("All files (*)")});
    dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this, &ImportPreviewPage::writeProblems);
    dialog->open();
}

void ImportPreviewPage::writeProblems(const QString& path)
{
    // written on the pool, to a temporary name renamed over `path` when complete
    const QByteArray data = m_errorModel->problemsCsv();
    onReady(QtConcurrent::run([data, path] { return CatalogExport::write(data, path); }), this,
            [this, path](const Result<qint64>& written) {
                if (written)
                    m_messageBar->showSuccess(
                        tr("Saved the list of problems to %1.").arg(QDir::toNativeSeparators(path)));
                else
                    m_messageBar->showError(tr("The list of problems could not be saved. Check the folder and try "
                                               "again."),
                                            written.error().message);
            });
}

} // namespace souk
