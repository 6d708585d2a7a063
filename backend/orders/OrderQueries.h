#pragma once

#include <QList>
#include <QSqlDatabase>

#include <optional>

#include "backend/orders/Order.h"
#include "backend/orders/OrderQuery.h"

namespace souk::orders {

/// Reads for lists, timelines and counters; any reader connection.
class OrderQueries final
{
public:
    static constexpr int PageRowsMax = OrderPageRowsMax;
    static Result<OrderPage> page(QSqlDatabase& db, const OrderQuery& query);
    /// The orders with these ids (rows refreshed from the change feed), in no set order.
    static Result<QList<Order>> orders(QSqlDatabase& db, const QList<Id>& ids);
    static Result<QList<OrderEvent>> events(QSqlDatabase& db, Id orderId);
    /// `dayStartMs`: local midnight of today, decided by the caller (it knows the user's zone).
    static Result<OrderCounters> counters(QSqlDatabase& db, Id merchantId, qint64 nowMs, qint64 dayStartMs);
};

} // namespace souk::orders
