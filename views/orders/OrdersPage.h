#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include "backend/core/Currency.h"
#include "backend/core/Id.h"
#include "backend/orders/OrderQueries.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace souk {

class Client;
class MessageBar;
class OrderCountersSource;
class OrderDetailDialog;
class OrderListModel;
class Prefs;

/// The live order monitor: counters, filters (status, payment, dates, amounts, search by order
/// id, email or card last 4), a pause-live switch, the orders table and the order detail.
/// objectName "ordersPage". Owned by the main window; GUI thread.
class OrdersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)
public:
    OrdersPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent = nullptr);
    ~OrdersPage() override;

    OrderListModel* model() const { return m_model; }
    MessageBar* messageBar() const { return m_messageBar; }
    /// Adds a control row for demo traffic (start/stop, rate) when the app runs a simulator.
    void setDemoControls(QWidget* controls);
    void focusSearch();
    /// Opens the detail dialog of the selected order.
    void openSelected();
    OrderDetailDialog* openOrder(Id orderId);
    void saveState();

private:
    void buildUi();
    QWidget* buildCounters();
    QWidget* buildFilters();
    void applyFilter();
    void showMerchantColumn();
    void showCounters(const orders::OrderCounters& counters);
    void updateLiveButton();

    Client& m_client;
    Prefs& m_prefs;
    const Id m_merchantId;
    Currency m_currency;
    QHash<qint64, Currency> m_currencies; ///< by merchant id: amounts typed are in the chosen one's
    OrderListModel* m_model = nullptr;
    OrderCountersSource* m_counters = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_perMinute = nullptr;
    QLabel* m_gmv = nullptr;
    QLabel* m_awaitingPayment = nullptr;
    QLabel* m_awaitingCapture = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_merchant = nullptr; ///< shown when the store has more than one merchant
    QComboBox* m_status = nullptr;
    QComboBox* m_payment = nullptr;
    QComboBox* m_dates = nullptr;
    QLineEdit* m_minAmount = nullptr;
    QLineEdit* m_maxAmount = nullptr;
    QPushButton* m_live = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_demoSlot = nullptr;
    QPointer<OrderDetailDialog> m_detail;
};

} // namespace souk
