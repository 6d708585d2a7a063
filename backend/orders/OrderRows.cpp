#include "backend/orders/OrderRows.h"

using namespace Qt::StringLiterals;

namespace souk::orders::rows {

const QString OrderColumns =
    u"id, merchant_id, customer_id, location_id, status, payment_state, currency, subtotal_minor, "
    "discount_minor, discount_code, tax_minor, delivery_fee_minor, total_minor, captured_minor, refunded_minor, "
    "card_last4, customer_email, expires_ms, created_ms, updated_ms, version"_s;

Order readOrder(const QSqlQuery& q)
{
    Order o;
    int c = 0;
    o.id = Id{q.value(c++).toLongLong()};
    o.merchantId = Id{q.value(c++).toLongLong()};
    o.customerId = Id{q.value(c++).toLongLong()};
    o.locationId = Id{q.value(c++).toLongLong()};
    o.status = OrderStatus(q.value(c++).toInt());
    o.paymentState = PaymentState(q.value(c++).toInt());
    o.currency = q.value(c++).toString();
    o.subtotalMinor = q.value(c++).toLongLong();
    o.discountMinor = q.value(c++).toLongLong();
    o.discountCode = q.value(c++).toString();
    o.taxMinor = q.value(c++).toLongLong();
    o.deliveryFeeMinor = q.value(c++).toLongLong();
    o.totalMinor = q.value(c++).toLongLong();
    o.capturedMinor = q.value(c++).toLongLong();
    o.refundedMinor = q.value(c++).toLongLong();
    o.cardLast4 = q.value(c++).toString();
    o.customerEmail = q.value(c++).toString();
    o.expiresMs = q.value(c++).toLongLong();
    o.createdMs = q.value(c++).toLongLong();
    o.updatedMs = q.value(c++).toLongLong();
    o.version = q.value(c++).toLongLong();
    return o;
}

} // namespace souk::orders::rows
