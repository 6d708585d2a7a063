#include "views/import/ImportWizard.h"

#include "views/import/ImportDonePage.h"
#include "views/import/ImportFilePage.h"
#include "views/import/ImportPreviewPage.h"
#include "views/import/ImportRunPage.h"
#include "views/import/ImportSession.h"

using namespace Qt::StringLiterals;

namespace souk {

ImportWizard::ImportWizard(Client& client, Id merchantId, QWidget* parent)
    : QWizard(parent), m_session(std::make_unique<ImportSession>(client, merchantId))
{
    setObjectName(u"importWizard"_s);
    setWindowTitle(tr("Import products"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_filePage = new ImportFilePage(*m_session, this);
    m_previewPage = new ImportPreviewPage(*m_session, this);
    m_runPage = new ImportRunPage(*m_session, this);
    setPage(FilePage, m_filePage);
    setPage(PreviewPage, m_previewPage);
    setPage(RunPage, m_runPage);
    setPage(DonePage, new ImportDonePage(*m_session, this));
    setStartId(FilePage);
    connect(m_runPage, &ImportRunPage::imported, this, &ImportWizard::imported);
    connect(m_previewPage, &ImportPreviewPage::formatChanged, m_filePage, &ImportFilePage::setFormat);
    resize(780, 540);
}

ImportWizard::~ImportWizard()
{
    // the engine may still be running a task for us: ask it to stop (an import then writes nothing)
    m_previewPage->cancelTask();
    m_runPage->cancelTask();
}

void ImportWizard::setFilePath(const QString& path)
{
    m_filePage->setFilePath(path);
}

void ImportWizard::setMaxFileBytes(qint64 bytes)
{
    m_filePage->setMaxFileBytes(bytes);
}

void ImportWizard::reject()
{
    m_previewPage->cancelTask();
    m_runPage->cancelTask();
    QWizard::reject();
}

} // namespace souk
