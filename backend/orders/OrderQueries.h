#pragma once

#include <QList>
#include <QSqlDatabase>

#include <optional>

#include "backend/orders/Order.h"

namespace souk::orders {

/// What the order monitor and `soukctl orders list` ask for. Newest first, keyset paged.
struct OrderQuery
{
    Id merchantId;                       ///< null: every merchant
    std::optional<OrderStatus> status;
    std::optional<PaymentState> paymentState;
    std::optional<qint64> fromMs;        ///< created at or after
    std::optional<qint64> toMs;          ///< created before
    std::optional<qint64> minTotalMinor;
    std::optional<qint64> maxTotalMinor;
    QString search;                      ///< an order id, a customer email, or a card's last 4 digits
    Id beforeId;                         ///< keyset: rows older than this id; null: from the newest
    int limit = 200;
};

struct OrderPage
{
    QList<Order> orders; ///< without lines
    bool more = false;   ///< another page follows
};

/// Counters for the top of the monitor.
struct OrderCounters
{
    qint64 ordersLastMinute = 0;
    /// GMV today: captured minus refunded, of the orders placed since the day began, one
    /// amount per currency (merchants of one store may sell in different currencies, and
    /// amounts in two currencies never add up). Sorted by currency code; empty: none yet.
    QList<std::pair<QString, qint64>> gmvToday;
    QString currency; ///< the merchant's currency (the first merchant's for all of them): zero's
    qint64 awaitingPayment = 0;
    qint64 awaitingCapture = 0;
};

/// Reads for lists, timelines and counters; any reader connection.
class OrderQueries final
{
public:
    static constexpr int PageRowsMax = 5000;
    static Result<OrderPage> page(QSqlDatabase& db, const OrderQuery& query);
    /// The orders with these ids (rows refreshed from the change feed), in no set order.
    static Result<QList<Order>> orders(QSqlDatabase& db, const QList<Id>& ids);
    static Result<QList<OrderEvent>> events(QSqlDatabase& db, Id orderId);
    /// `dayStartMs`: local midnight of today, decided by the caller (it knows the user's zone).
    static Result<OrderCounters> counters(QSqlDatabase& db, Id merchantId, qint64 nowMs, qint64 dayStartMs);
};

} // namespace souk::orders
