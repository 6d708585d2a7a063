#pragma once

#include <QList>
#include <optional>

#include "backend/core/Result.h"
#include "backend/orders/Order.h"

namespace souk::orders {

struct Totals
{
    qint64 subtotalMinor = 0;
    qint64 discountMinor = 0;
    qint64 taxMinor = 0;
    qint64 deliveryFeeMinor = 0;
    qint64 totalMinor = 0;
};

/// The arithmetic of an order's totals, in integer minor units. Pure; any thread.
///
/// Rounding rules (tested in TestOrderTotals):
/// - a percent discount is subtotal × bp / 10000 rounded toward zero, so the customer never
///   gets more than the stated percentage; a fixed discount is capped at the subtotal;
/// - tax is charged once per order on (subtotal − discount) at the merchant's rate, rounded
///   half-up (ties away from zero), so the tax never drifts with the number of lines;
/// - the delivery fee is not taxed; total = subtotal − discount + tax + delivery fee.
class OrderTotals final
{
public:
    static Result<qint64> lineTotal(qint64 unitPriceMinor, qint64 quantity);
    static Result<Totals> compute(const QList<OrderLine>& lines, const std::optional<DiscountCode>& discount,
                                  int taxRateBp, qint64 deliveryFeeMinor);
    /// Platform commission on a captured amount: amount × bp / 10000 rounded half-up plus the
    /// fixed fee, never more than the amount itself.
    static Result<qint64> commission(qint64 capturedMinor, int commissionBp, qint64 fixedMinor);
};

} // namespace souk::orders
