#pragma once

#include <QString>

#include <optional>

#include "backend/orders/Order.h"
#include "backend/orders/OrderQueries.h"

namespace souk {

/// The order monitor's filter: the query sent to the engine for pages, and the same rule applied
/// to orders arriving from the change feed. Value type; any thread.
class OrderFilter
{
public:
    Id merchantId; ///< null: every merchant
    std::optional<orders::OrderStatus> status;
    std::optional<orders::PaymentState> paymentState;
    std::optional<qint64> fromMs; ///< created at or after
    std::optional<qint64> toMs;   ///< created before
    std::optional<qint64> minTotalMinor;
    std::optional<qint64> maxTotalMinor;
    QString search; ///< an order id, a customer email (or its start), a card's last 4 digits

    /// Whether `order` belongs in the table under this filter (same rule as the engine's query).
    bool matches(const orders::Order& order) const;
    orders::OrderQuery query(Id beforeId, int limit) const;
    bool operator==(const OrderFilter&) const = default;
};

} // namespace souk
