#pragma once

#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"
#include "tests/support/StoreFixture.h"

namespace souk::test {

/// Orders for model and view tests: a customer, and orders placed, paid and captured through
/// the real engine. Each call fails the calling test (QVERIFY) on error. Test thread.
class OrderSupport final
{
public:
    explicit OrderSupport(StoreFixture& fixture, const QString& email = QStringLiteral("ana@example.com"));
    Id customerId() const { return m_customer; }
    orders::Order place(const QString& sku, qint64 quantity);
    payments::Payment authorize(Id orderId);
    payments::Payment capture(Id paymentId);
    /// Placed, authorized and captured.
    payments::Payment paidOrder(const QString& sku, qint64 quantity);
    QString nextKey();

private:
    StoreFixture& m_f;
    Id m_customer;
    int m_keys = 0;
};

} // namespace souk::test
