#include "views/catalog/ProductStockTab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "models/inventory/StockLevelModel.h"
#include "views/inventory/AdjustStockDialog.h"
#include "views/inventory/MovementHistoryDialog.h"

using namespace Qt::StringLiterals;

namespace souk {

ProductStockTab::ProductStockTab(Client& client, QWidget* parent) : QWidget(parent), m_client(client)
{
    setObjectName(u"stockTab"_s);
    m_model = new StockLevelModel(client, this);
    m_placeholder = new QLabel(tr("Save the product first to manage its stock."), this);
    m_placeholder->setObjectName(u"stockPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_table = new QTableView(this);
    m_table->setObjectName(u"stockTable"_s);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(StockLevelModel::Sku, 160);
    m_table->horizontalHeader()->resizeSection(StockLevelModel::Location, 200);
    m_adjust = new QPushButton(tr("&Adjust stock\u2026"), this);
    m_adjust->setObjectName(u"adjustStockButton"_s);
    m_adjust->setVisible(auth::allowed(m_client.principal().role, auth::Operation::AdjustStock));
    m_history = new QPushButton(tr("H&istory\u2026"), this);
    m_history->setObjectName(u"historyButton"_s);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_adjust);
    buttons->addWidget(m_history);
    buttons->addStretch(1);
    auto* stockPane = new QWidget(this);
    auto* paneLayout = new QVBoxLayout(stockPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->addWidget(m_table, 1);
    paneLayout->addLayout(buttons);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(stockPane);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProductStockTab::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProductStockTab::updateButtons);
    connect(m_table, &QTableView::activated, this, &ProductStockTab::adjustStock);
    connect(m_adjust, &QPushButton::clicked, this, &ProductStockTab::adjustStock);
    connect(m_history, &QPushButton::clicked, this, &ProductStockTab::showHistory);
    updateButtons();
}

void ProductStockTab::setProduct(Id productId)
{
    m_model->setProduct(productId);
    m_stack->setCurrentIndex(productId.isNull() ? 0 : 1);
    updateButtons();
}

int ProductStockTab::currentRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ProductStockTab::updateButtons()
{
    const bool selected = currentRow() >= 0;
    m_adjust->setEnabled(selected);
    m_history->setEnabled(selected);
}

void ProductStockTab::adjustStock()
{
    const int row = currentRow();
    if (row < 0)
        return;
    auto* dialog = new AdjustStockDialog(m_client, m_model->level(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ProductStockTab::showHistory()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const catalog::StockLevel level = m_model->level(row);
    auto* dialog = new MovementHistoryDialog(m_client, level.variantId, level.sku, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace souk
