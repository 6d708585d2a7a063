#include "views/import/ImportRunPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/import/ImportPreviewModel.h"
#include "views/common/MessageBar.h"
#include "views/import/ImportSession.h"
#include "views/import/TaskProgressWidget.h"

using namespace Qt::StringLiterals;

namespace souk {

ImportRunPage::ImportRunPage(ImportSession& session, QWidget* parent) : QWizardPage(parent), m_session(session)
{
    setObjectName(u"importRunPage"_s);
    setTitle(tr("Import", "import wizard page title"));
    setSubTitle(tr("Every row is written, or none: a cancelled or failed import changes nothing."));

    m_messageBar = new MessageBar(this);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"importStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_progress = new TaskProgressWidget(u"import"_s, this);
    m_retryButton = new QPushButton(tr("&Try again", "run the import again"), this);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &ImportRunPage::startImport);

    auto* retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retryButton);
    retryRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progress);
    layout->addLayout(retryRow);
    layout->addStretch(1);
}

void ImportRunPage::initializePage()
{
    startImport();
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

bool ImportRunPage::isRunning() const
{
    return m_progress->isRunning();
}

void ImportRunPage::cancelTask()
{
    m_progress->requestCancel();
}

void ImportRunPage::startImport()
{
    m_done = false;
    emit completeChanged();
    m_retryButton->hide();
    m_messageBar->clearMessage();
    const catalog::ImportPlan& plan = m_session.plan;
    m_statusLabel->setText(
        ImportPreviewModel::summaryText(int(plan.products.size()), plan.variantCount, plan.rowCount));
    const TaskProgressPtr progress = m_progress->start(tr("Writing products…"));
    onReady(m_session.client.runImport(m_session.merchantId, plan, progress), this,
            [this](const Result<catalog::ImportSummary>& result) { onImported(result); });
}

void ImportRunPage::onImported(const Result<catalog::ImportSummary>& result)
{
    m_progress->stop();
    // a cancel that came too late changes nothing: the import was written, so it is reported as done
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled) // a real failure shows as itself, even after Cancel
            m_messageBar->showInfo(tr("Import cancelled; nothing was written."));
        else
            m_messageBar->showError(result.error());
        m_retryButton->show();
        m_retryButton->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_session.summary = result.value();
    m_done = true;
    emit completeChanged();
    emit imported(m_session.summary);
    if (wizard() != nullptr && wizard()->currentPage() == this)
        wizard()->next();
}

} // namespace souk
