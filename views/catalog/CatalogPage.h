#pragma once

#include <QStringList>
#include <QWidget>

#include "backend/core/Currency.h"
#include "backend/core/Id.h"
#include "backend/core/Change.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace souk {

class BulkEditController;
class Client;
class MessageBar;
class Prefs;
class ProductFilterProxy;
class ProductListModel;
class ProductUndoController;

/// The catalog: every product of the merchant in a sortable, filterable table with search,
/// bulk edit and the product editor. The last bulk edit or saved product edit can be undone
/// (the message bar's "Undo", Edit → Undo). objectName "catalogPage". Owned by the main
/// window; GUI thread.
class CatalogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPage)
public:
    CatalogPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent = nullptr);
    ~CatalogPage() override;

    ProductListModel* model() const { return m_model; }
    ProductFilterProxy* proxy() const { return m_proxy; }
    MessageBar* messageBar() const { return m_messageBar; }
    /// Empty until the merchant has been read.
    const Currency& currency() const { return m_currency; }

    bool canUndo() const;
    /// Undoes the last bulk edit or saved product edit, whichever came last (Edit → Undo).
    void undo();
    /// The Edit menu's text for what undo() would undo: "&Undo Bulk Edit", "&Undo Product Edit".
    QString undoActionText() const;
    ProductUndoController* productUndo() const { return m_productUndo; }
    /// Opens the editor on an empty product.
    void newProduct();
    /// Opens the editor on a product.
    void openProduct(Id productId);
    void focusSearch();
    /// Writes the table header state to the preferences.
    void saveState();

signals:
    void undoAvailableChanged(bool available);

private:
    void buildUi();
    QWidget* buildToolbar();
    void buildTable();
    void loadMerchant();
    void refreshCategories();
    void onCategories(const QStringList& categories);
    void onChanged(const souk::ChangeList& changes);
    void startSearch();
    void applyFilter();
    void updateCount();
    void updateActions();
    void openBulkEdit();
    void openEditor(Id productId);
    void connectProductUndo();
    QList<int> selectedSourceRows() const;

    Client& m_client;
    Prefs& m_prefs;
    const Id m_merchantId;
    Currency m_currency;
    QStringList m_categories;
    ProductListModel* m_model = nullptr;
    ProductFilterProxy* m_proxy = nullptr;
    BulkEditController* m_bulk = nullptr;
    ProductUndoController* m_productUndo = nullptr; ///< shared with the editors the page opens
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_category = nullptr;
    QCheckBox* m_lowStock = nullptr;
    QPushButton* m_newProduct = nullptr;
    QPushButton* m_bulkEdit = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    QProgressBar* m_busy = nullptr;
    QTimer* m_searchTimer = nullptr;
    QTimer* m_categoryTimer = nullptr;
    int m_searchGeneration = 0; ///< answers to an older search are dropped
    bool m_searchCapped = false;
};

} // namespace souk
