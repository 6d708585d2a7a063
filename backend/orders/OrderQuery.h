#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

#include "backend/orders/Order.h"

namespace souk::orders {

/// The most orders one page holds (OrderQuery::limit is clamped to it).
inline constexpr int OrderPageRowsMax = 5000;

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
    QString search;                      ///< see OrderSearch: a number or its end, id, name, email, card
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

} // namespace souk::orders
