#pragma once

#include <QPointer>
#include <QWidget>

#include "backend/core/Clock.h"
#include "backend/core/Id.h"
#include "backend/orders/OrderQuery.h"

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace souk {

class Client;
class MessageBar;
class OrderCountersSource;
class OrderDetailDialog;
class OrderFilterBar;
class OrderListModel;
class Prefs;

/// The live order monitor: counters, filters (status, payment, dates, amounts, search by order
/// number or its end, id, customer name or email, card last 4), a pause-live switch, the orders
/// table (saying so when a search finds nothing) and the order detail.
/// While someone reads the table (a row selected, scrolled down, the pointer moving over it) its
/// rows hold still and newer orders wait behind an "N new orders" button that shows them.
/// objectName "ordersPage". Owned by the main window; GUI thread.
class OrdersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)
public:
    /// `clock` says what "today" is for the date filter.
    OrdersPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent = nullptr,
               const Clock& clock = SystemClock::instance());
    ~OrdersPage() override;

    OrderListModel* model() const { return m_model; }
    MessageBar* messageBar() const { return m_messageBar; }
    /// Adds a control row for demo traffic (start/stop, rate) when the app runs a simulator.
    void setDemoControls(QWidget* controls);
    void focusSearch();
    /// Opens the detail dialog of the selected order.
    void openSelected();
    OrderDetailDialog* openOrder(Id orderId);
    /// Scrolls to the top, clears the selection and lets the waiting orders in: live again.
    void showNewest();
    void saveState();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildUi();
    QWidget* buildCounters();
    QWidget* buildFilters();
    QWidget* buildNoMatch();
    /// Over the empty table: what the search found nothing for, and a way back to every order.
    void updateNoMatch();
    void applyFilter();
    void showMerchantColumn();
    void showCounters(const orders::OrderCounters& counters);
    void updateLiveButton();
    void updateRowsHeld();
    void updateNewOrdersButton();

    Client& m_client;
    Prefs& m_prefs;
    const Clock& m_clock;
    const Id m_merchantId;
    OrderListModel* m_model = nullptr;
    OrderCountersSource* m_counters = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_perMinute = nullptr;
    QLabel* m_netSales = nullptr; ///< captured minus refunded today
    QLabel* m_awaitingPayment = nullptr;
    QLabel* m_awaitingCapture = nullptr;
    OrderFilterBar* m_filters = nullptr;
    QPushButton* m_live = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_noMatch = nullptr; ///< over the table's rows while a search finds nothing
    QLabel* m_noMatchText = nullptr;
    QPushButton* m_newOrders = nullptr;
    QTimer* m_aiming = nullptr; ///< runs while the pointer moves over the rows: someone picks one
    QWidget* m_demoSlot = nullptr;
    QPointer<OrderDetailDialog> m_detail;
};

} // namespace souk
