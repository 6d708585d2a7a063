#pragma once

#include <memory>

#include <QWizard>

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Id.h"

namespace souk {

class Client;
class ImportFilePage;
class ImportPreviewPage;
class ImportRunPage;
struct ImportSession;

/// Imports a catalog file: choose the file and dialect, check every row (nothing written), import
/// all rows or none, and see what was written. objectName "importWizard"; GUI thread. Closing it
/// while a check or an import runs cancels that task (an import then writes nothing).
class ImportWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizard)
public:
    enum PageId
    {
        FilePage,
        PreviewPage,
        RunPage,
        DonePage
    };

    ImportWizard(Client& client, Id merchantId, QWidget* parent = nullptr);
    ~ImportWizard() override;

    /// Fills the file field (tests and drag-and-drop); the user still presses Next.
    void setFilePath(const QString& path);
    /// Refuses files larger than `bytes` (default ImportFileReader::DefaultMaxBytes). Tests.
    void setMaxFileBytes(qint64 bytes);

    void reject() override;

signals:
    /// The import wrote its rows (emitted before the last page shows).
    void imported(const souk::catalog::ImportSummary& summary);

private:
    std::unique_ptr<ImportSession> m_session;
    ImportFilePage* m_filePage = nullptr;
    ImportPreviewPage* m_previewPage = nullptr;
    ImportRunPage* m_runPage = nullptr;
};

} // namespace souk
