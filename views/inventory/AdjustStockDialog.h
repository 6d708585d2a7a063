#pragma once

#include <QDialog>

#include "backend/catalog/Inventory.h"
#include "backend/core/Result.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;
struct Error;

/// Receives, returns or corrects the stock of one SKU at one location: kind, signed or positive
/// quantity, and a reason (required for corrections). Checks the form inline, then sends one
/// StockAdjustment guarded by the level's version; engine failures show in the message bar.
/// Accepts when the engine has written the movement. objectName "adjustStockDialog"; GUI thread.
class AdjustStockDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdjustStockDialog)
public:
    AdjustStockDialog(Client& client, const catalog::StockLevel& level, QWidget* parent = nullptr);

    /// The level the engine returned after a successful adjustment.
    const catalog::StockLevel& resultLevel() const { return m_result; }

private:
    void buildUi();
    QWidget* buildForm();
    void onKindChanged();
    void updatePreview();
    void apply();
    void onApplied(const Result<catalog::StockLevel>& result);
    void showFieldError(QLabel* label, QWidget* field, const QString& text);
    void setPending(bool pending);
    catalog::MovementKind kind() const;

    Client& m_client;
    const catalog::StockLevel m_level;
    /// One key for this dialog's adjustment, made when it opens: a second click or a retry
    /// after an error sends the same key, so the stock moves once.
    const QString m_key;
    catalog::StockLevel m_result;
    bool m_pending = false;
    bool m_stale = false; ///< the engine said the level changed: applying again cannot succeed
    MessageBar* m_messageBar = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QLineEdit* m_quantityEdit = nullptr;
    QLabel* m_quantityError = nullptr;
    QLineEdit* m_reasonEdit = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLabel* m_reasonError = nullptr;
    QLabel* m_resultLabel = nullptr;
    QPushButton* m_applyButton = nullptr;
};

} // namespace souk
