#pragma once

#include <QWizardPage>

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Result.h"

class QLabel;
class QPushButton;

namespace souk {

class MessageBar;
class TaskProgressWidget;
struct ImportSession;

/// Import step 3: writes the checked plan with Client::runImport (every row or none), with
/// progress and Cancel, and moves to the last page when done. GUI thread.
class ImportRunPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportRunPage)
public:
    ImportRunPage(ImportSession& session, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    /// Stops an import under way (the wizard is closing). Nothing is written then.
    void cancelTask();
    bool isRunning() const;

signals:
    void imported(const souk::catalog::ImportSummary& summary);

private:
    void startImport();
    void onImported(const Result<catalog::ImportSummary>& result);

    ImportSession& m_session;
    MessageBar* m_messageBar = nullptr;
    TaskProgressWidget* m_progress = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_retryButton = nullptr;
    bool m_done = false;
    bool m_advancing = false;
};

} // namespace souk
