#pragma once

#include <QWizardPage>

#include "backend/catalog/CatalogImport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

struct ImportSession;

/// Import step 1: the file and its dialect. Next reads the file on a pool thread (size-limited)
/// and moves on when it has arrived; problems show beside the file field. GUI thread.
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFilePage)
public:
    ImportFilePage(ImportSession& session, QWidget* parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;
    void setFilePath(const QString& path);
    /// Refuses files larger than `bytes` and says so in the hint.
    void setMaxFileBytes(qint64 bytes);
    /// Shows `format` as the file's dialect (the check page switched it).
    void setFormat(catalog::CsvFormat format);

private:
    void browse();
    void startReading();
    void updateHint();
    void showFileError(const QString& text, const QString& tooltip = {});

    ImportSession& m_session;
    QLineEdit* m_fileEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QComboBox* m_formatCombo = nullptr;
    QLabel* m_fileError = nullptr;
    QLabel* m_readingLabel = nullptr;
    QLabel* m_formatHint = nullptr;
    bool m_reading = false;
    bool m_advancing = false; ///< the file has been read: the next validatePage() lets the wizard move on
};

} // namespace souk
