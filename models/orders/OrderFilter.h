#pragma once

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

#include "backend/core/Currency.h"
#include "backend/orders/Order.h"
#include "backend/orders/OrderQuery.h"

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
    QString search; ///< see orders::OrderSearch: a number or its end, an id, a name, an email, a card's last 4

    /// Orders placed on `today` and the `days - 1` days before it, by local time; 0 or less: any time.
    void setLastDays(int days, QDate today);
    /// Orders placed from the start of `from` to the end of `to`, by local time. A range that ends
    /// before it starts is refused: false, and the filter is left as it was.
    bool setDateRange(QDate from, QDate to);
    /// The currency typed amount bounds are read in: the merchant's, or for every merchant (null
    /// id) the one they all share. None when they differ (amounts in two currencies do not
    /// compare) or the merchant's currency is not known. `currencies`: by merchant id.
    static std::optional<Currency> amountCurrency(const QHash<qint64, Currency>& currencies, Id merchantId);

    /// Whether `order` belongs in the table under this filter (same rule as the engine's query).
    bool matches(const orders::Order& order) const;
    orders::OrderQuery query(Id beforeId, int limit) const;
    bool operator==(const OrderFilter&) const = default;
};

} // namespace souk
