#include "backend/orders/OrderRows.h"

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::orders::rows {

const QString OrderColumns =
    u"id, merchant_id, customer_id, location_id, status, payment_state, currency, subtotal_minor, "
    "discount_minor, discount_code, tax_minor, delivery_fee_minor, total_minor, captured_minor, refunded_minor, "
    "card_last4, customer_email, expires_ms, created_ms, updated_ms, version, number, customer_name"_s;

namespace {

template <typename Row>
Order readOrderFrom(const Row& q)
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
    o.number = q.value(c++).toLongLong(); // NULL (a row written outside the engine): 0
    o.customerName = q.value(c++).toString();
    return o;
}

} // namespace

Order readOrder(const QSqlQuery& q)
{
    return readOrderFrom(q);
}

Order readOrder(const store::Statement& q)
{
    return readOrderFrom(q);
}

/// Built on first use (callers in other files may run before this file's statics are ready).
const QString& orderSql()
{
    static const QString sql = u"SELECT "_s + OrderColumns + u" FROM orders WHERE id = ?"_s;
    return sql;
}
const QString& linesSql()
{
    static const QString sql = u"SELECT variant_id, sku, title, quantity, unit_price_minor, line_total_minor "
                               "FROM order_lines WHERE order_id = ? ORDER BY position"_s;
    return sql;
}
const QString& termsSql()
{
    static const QString sql = u"SELECT tax_rate_bp, commission_bp, commission_fixed_minor, delivery_fee_minor, "
                               "unpaid_expiry_minutes, version FROM merchant_terms WHERE merchant_id = ?"_s;
    return sql;
}

/// The order (and its lines when `lines` is given) from prepared statements.
Result<Order> loadWith(store::Statement& q, store::Statement* lines, Id orderId)
{
    q.bindValue(0, orderId.value);
    if (auto s = store::exec(q, u"reading an order"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"orderId"_s, u"no such order"_s);
    Order o = readOrder(q);
    q.finish();
    if (!lines)
        return o;
    lines->bindValue(0, orderId.value);
    if (auto s = store::exec(*lines, u"reading order lines"_s); !s)
        return s.error();
    while (lines->next()) {
        o.lines.append(OrderLine{Id{lines->value(0).toLongLong()}, lines->value(1).toString(),
                                 lines->value(2).toString(), lines->value(3).toLongLong(),
                                 lines->value(4).toLongLong(), lines->value(5).toLongLong()});
    }
    lines->finish();
    return o;
}

Result<MerchantTerms> termsWith(store::Statement& q, Id merchantId)
{
    q.bindValue(0, merchantId.value);
    if (auto s = store::exec(q, u"reading merchant terms"_s); !s)
        return s.error();
    MerchantTerms t;
    t.merchantId = merchantId;
    if (q.next()) {
        t.taxRateBp = q.value(0).toInt();
        t.commissionBp = q.value(1).toInt();
        t.commissionFixedMinor = q.value(2).toLongLong();
        t.deliveryFeeMinor = q.value(3).toLongLong();
        t.unpaidExpiryMinutes = q.value(4).toInt();
        t.version = q.value(5).toLongLong();
    }
    q.finish();
    return t;
}

} // namespace souk::orders::rows
