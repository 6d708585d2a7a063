#include "backend/orders/OrderTotals.h"

#include <algorithm>

#include "backend/core/Money.h"

using namespace Qt::StringLiterals;

namespace souk::orders {

Result<qint64> OrderTotals::lineTotal(qint64 unitPriceMinor, qint64 quantity)
{
    return checkedMul(unitPriceMinor, quantity, u"lines"_s);
}

Result<Totals> OrderTotals::compute(const QList<OrderLine>& lines, const std::optional<DiscountCode>& discount,
                                    int taxRateBp, qint64 deliveryFeeMinor)
{
    Totals t;
    for (const OrderLine& line : lines) {
        auto sum = checkedAdd(t.subtotalMinor, line.lineTotalMinor, u"lines"_s);
        if (!sum)
            return sum.error();
        t.subtotalMinor = *sum;
    }
    if (discount) {
        if (discount->kind == DiscountKind::Percent) {
            // toward zero, so the customer never gets more than the stated percentage
            auto off = checkedScale(t.subtotalMinor, discount->value, 10000, Rounding::TowardZero, u"discount"_s);
            if (!off)
                return off.error();
            t.discountMinor = *off;
        } else {
            t.discountMinor = std::min(discount->value, t.subtotalMinor);
        }
    }
    auto taxable = checkedSub(t.subtotalMinor, t.discountMinor, u"discount"_s);
    if (!taxable)
        return taxable.error();
    // 128-bit intermediate: only a tax that itself leaves int64 is an overflow
    auto tax = checkedScale(*taxable, taxRateBp, 10000, Rounding::HalfUp, u"tax"_s);
    if (!tax)
        return tax.error();
    t.taxMinor = *tax;
    t.deliveryFeeMinor = deliveryFeeMinor;
    auto total = checkedSum({*taxable, t.taxMinor, deliveryFeeMinor}, u"total"_s);
    if (!total)
        return total.error();
    t.totalMinor = *total;
    return t;
}

Result<qint64> OrderTotals::commission(qint64 capturedMinor, int commissionBp, qint64 fixedMinor)
{
    auto percent = checkedScale(capturedMinor, commissionBp, 10000, Rounding::HalfUp, u"commission"_s);
    if (!percent)
        return percent.error();
    auto sum = checkedAdd(*percent, fixedMinor, u"commission"_s);
    if (!sum)
        return sum.error();
    return std::min(*sum, capturedMinor);
}

} // namespace souk::orders
