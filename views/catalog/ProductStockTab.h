#pragma once

#include <QWidget>

#include "backend/core/Id.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace souk {

class Client;
class StockLevelModel;

/// The editor's "Stock" tab: each variant's stock per location (StockLevelModel), with
/// "Adjust stock…" and "History…" for the selected row. Owned by ProductEditor; GUI thread.
class ProductStockTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductStockTab)
public:
    explicit ProductStockTab(Client& client, QWidget* parent = nullptr);

    /// Shows the stock of a stored product; a null id shows "save first".
    void setProduct(Id productId);
    StockLevelModel* model() const { return m_model; }

private:
    void updateButtons();
    void adjustStock();
    void showHistory();
    int currentRow() const;

    Client& m_client;
    StockLevelModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_adjust = nullptr;
    QPushButton* m_history = nullptr;
};

} // namespace souk
