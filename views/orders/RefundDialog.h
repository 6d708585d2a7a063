#pragma once

#include <QDialog>

#include "backend/core/Currency.h"
#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;

/// Refunds all or part of a captured payment: amount (at most what is still refundable) and a
/// reason, then a confirmation that shows the amounts. One idempotency key per dialog, so a
/// double click or a retry after an error never refunds twice. GUI thread.
class RefundDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefundDialog)
public:
    RefundDialog(Client& client, const payments::Payment& payment, QWidget* parent = nullptr);
    /// The same, naming the payment's order ("#1042") in the title and the confirmation.
    RefundDialog(Client& client, const orders::Order& order, const payments::Payment& payment,
                 QWidget* parent = nullptr);
    const QString& idempotencyKey() const { return m_key; }

signals:
    void refunded(const souk::payments::Refund& refund);

private:
    void submit();
    void showFieldError(QLabel* label, QLineEdit* edit, const QString& text);

    Client& m_client;
    payments::Payment m_payment;
    QString m_orderNumber; ///< "#1042"; empty when the dialog was not told the order
    Currency m_currency;
    QString m_key;
    QLineEdit* m_amount = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_amountError = nullptr;
    QLabel* m_reasonError = nullptr;
    QLabel* m_failure = nullptr;
    QPushButton* m_refund = nullptr;
    bool m_inFlight = false;
};

} // namespace souk
