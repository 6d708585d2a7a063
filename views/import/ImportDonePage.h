#pragma once

#include <QWizardPage>

class QLabel;

namespace souk {

struct ImportSession;

/// Import step 4: what the import wrote. GUI thread.
class ImportDonePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDonePage)
public:
    ImportDonePage(ImportSession& session, QWidget* parent = nullptr);

    void initializePage() override;

private:
    ImportSession& m_session;
    QLabel* m_doneLabel = nullptr;
};

} // namespace souk
