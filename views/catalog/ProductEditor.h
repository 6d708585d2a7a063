#pragma once

#include <optional>

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include "backend/catalog/Product.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/core/Currency.h"
#include "backend/core/Result.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace souk {

class Client;
class MessageBar;
class ProductDetailsForm;
class ProductStockTab;
class ProductUndoController;
class VariantTableModel;

/// Creates or edits one product with its variants, and shows its stock. Checks what it can before
/// sending, then shows the server's verdict beside the field or in the offending grid cell; nothing
/// is saved while anything is wrong. Asks before discarding edits. A saved edit of a stored
/// product can be undone ("Undo" in the message bar, or Ctrl+Z outside a text field) through the
/// ProductUndoController it shares with the catalog page. objectName "productEditor".
/// Owned by the catalog page (deleted on close); GUI thread.
class ProductEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductEditor)
public:
    /// A null `productId` opens an empty product with one variant. `undo`: the controller shared
    /// with the page (it must outlive the editor); the editor makes its own when there is none.
    ProductEditor(Client& client, Id merchantId, const Currency& currency, Id productId, QWidget* parent = nullptr,
                  ProductUndoController* undo = nullptr);

    Id productId() const { return m_product.id; }
    /// The product as last loaded or saved.
    const catalog::Product& product() const { return m_product; }
    void setCategories(const QStringList& categories);
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    MessageBar* messageBar() const { return m_messageBar; }

    /// Checks and saves (Ctrl+S).
    void save();
    /// Undoes the last saved edit of this product, asking first when there are unsaved changes.
    void undoSave();
    bool canUndoSave() const;
    /// Asks before throwing edits away (Escape, Close, the window's close button).
    void reject() override;

signals:
    void loaded(const souk::catalog::Product& product);
    void saved(const souk::catalog::Product& product);

private:
    void buildUi();
    QWidget* buildDetailsTab();
    QWidget* buildVariantsBox(QWidget* parent);
    void load(Id productId);
    void setProduct(const catalog::Product& product);
    void fetchCategories();
    /// A problem to show: the error (field, code, English message) and the translated text for the field.
    struct Problem
    {
        Error error;
        QString text;
    };
    /// Reads and checks the whole form into `product`; the first problem when something is wrong.
    std::optional<Problem> collect(catalog::Product& product);
    void onSaved(const Result<catalog::Product>& result);
    void onEdited(const Result<catalog::ProductEdit>& result);
    void connectUndo();
    /// Shows "Saved …" with Undo in the message bar.
    void offerUndo();
    void onUndoStarted(Id productId, const QString& title);
    void onUndone(const catalog::ProductEdit& result);
    void onUndoRefused(Id productId, const Error& error, const QString& title);
    /// Drops the message bar's Undo when the shared edit is no longer this product's.
    void dropStaleUndo();
    void showProblem(const Problem& problem);
    bool showVariantError(const Error& error, const QString& text);
    void clearErrors();
    void setBusy(bool busy, const QString& what = {});
    void setModified(bool modified);
    void updateTitle();
    void addVariant();
    void removeVariant();

    Client& m_client;
    const Id m_merchantId;
    const Currency m_currency;
    QPointer<ProductUndoController> m_undo;
    catalog::Product m_product;
    bool m_modified = false;
    bool m_busy = false;
    bool m_offersUndo = false;    ///< the message bar shows "Undo" for this product's last save
    bool m_undoRequested = false; ///< the running undo was asked for here (its edits may go)
    MessageBar* m_messageBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    ProductDetailsForm* m_form = nullptr;
    VariantTableModel* m_variants = nullptr;
    QTableView* m_variantTable = nullptr;
    QLabel* m_variantsError = nullptr;
    QPushButton* m_addVariant = nullptr;
    QPushButton* m_removeVariant = nullptr;
    ProductStockTab* m_stockTab = nullptr;
    QLabel* m_busyLabel = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace souk
