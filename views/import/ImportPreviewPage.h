#pragma once

#include <QWizardPage>

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Result.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace souk {

class ImportPreviewModel;
class ImportProductPreviewModel;
class MessageBar;
class TaskProgressWidget;
struct ImportSession;

/// Import step 2: checks the file with Client::planImport (writes nothing) and shows either every
/// problem, each on its line (Next stays disabled; the list can be saved as CSV), or the products
/// that would be imported. A file in the other dialect than the one chosen is named as such, with a
/// button that checks it again in that dialect. Its Next button is the wizard's commit button
/// ("Import"). GUI thread.
class ImportPreviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewPage)
public:
    ImportPreviewPage(ImportSession& session, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Stops a check under way (the wizard is closing).
    void cancelTask();

signals:
    /// The user switched the file's dialect here; the file page shows the same choice.
    void formatChanged(souk::catalog::CsvFormat format);

private:
    void startPlanning();
    void onPlanned(const Result<catalog::ImportPlan>& result, bool cancelled);
    void showPlan();
    void offerFormat(catalog::CsvFormat format);
    void saveProblems();
    void writeProblems(const QString& path);
    QTableView* makeTable(const QString& objectName);

    ImportSession& m_session;
    ImportPreviewModel* m_errorModel = nullptr;
    ImportProductPreviewModel* m_productModel = nullptr;
    MessageBar* m_messageBar = nullptr;
    TaskProgressWidget* m_progress = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_problemLabel = nullptr;
    QLabel* m_notesLabel = nullptr;
    QPushButton* m_saveProblemsButton = nullptr;
    QStackedWidget* m_tables = nullptr;
    QTableView* m_errorTable = nullptr;
    QTableView* m_productTable = nullptr;
    quint64 m_generation = 0; ///< bumped when the page is left: late answers are dropped
    bool m_ready = false;
};

} // namespace souk
