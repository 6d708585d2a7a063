#pragma once

#include <QDialog>

#include "backend/core/Currency.h"
#include "backend/payments/Payment.h"

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace souk {

class Client;
class MessageBar;

/// Everything about one order: lines and totals, customer, payments, refunds, disputes, the
/// ledger postings and one timeline of every event with its actor; with the actions capture,
/// refund, cancel and, for a dispute awaiting a response, sending the evidence. Re-reads itself
/// when the order changes. GUI thread.
class OrderDetailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDetailDialog)
public:
    OrderDetailDialog(Client& client, Id orderId, QWidget* parent = nullptr);
    Id orderId() const { return m_orderId; }
    /// Reads the order again (the monitor calls this when the feed says it changed).
    void reload();
    const payments::OrderDetail& detail() const { return m_detail; }

signals:
    void loaded();

private:
    void buildCustomer();
    void present(const payments::OrderDetail& detail);
    void fillCustomer();
    void fillLines();
    void fillPayments();
    void fillLedger();
    void fillTimeline();
    void capture();
    void refund();
    void cancelOrder();
    void sendEvidence();
    const payments::Dispute* disputeAwaitingEvidence() const;
    const payments::Payment* paymentIn(payments::PaymentStatus status) const;
    QString money(qint64 minor) const;

    Client& m_client;
    const Id m_orderId;
    payments::OrderDetail m_detail;
    Currency m_currency;
    bool m_loaded = false;
    QLabel* m_header = nullptr;
    QFormLayout* m_customer = nullptr; ///< phone and delivery addresses, under the header
    QLabel* m_phone = nullptr;
    QLabel* m_addresses = nullptr;
    QLabel* m_totals = nullptr;
    MessageBar* m_messageBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_lines = nullptr;
    QTableWidget* m_payments = nullptr;
    QTableWidget* m_ledger = nullptr;
    QTableWidget* m_timeline = nullptr;
    QPushButton* m_capture = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_evidence = nullptr;
};

} // namespace souk
