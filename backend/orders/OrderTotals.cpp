#include "backend/orders/OrderTotals.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

Result<qint64> add(qint64 a, qint64 b, const QString& field)
{
    qint64 out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return Error::overflow(field);
    return out;
}

} // namespace

Result<qint64> OrderTotals::lineTotal(qint64 unitPriceMinor, qint64 quantity)
{
    qint64 out = 0;
    if (__builtin_mul_overflow(unitPriceMinor, quantity, &out))
        return Error::overflow(u"lines"_s);
    return out;
}

Result<Totals> OrderTotals::compute(const QList<OrderLine>& lines, const std::optional<DiscountCode>& discount,
                                    int taxRateBp, qint64 deliveryFeeMinor)
{
    Totals t;
    for (const OrderLine& line : lines) {
        auto sum = add(t.subtotalMinor, line.lineTotalMinor, u"lines"_s);
        if (!sum)
            return sum.error();
        t.subtotalMinor = *sum;
    }
    if (discount) {
        if (discount->kind == DiscountKind::Percent) {
            // bp ≤ 10000, so the product fits 128 bits and the quotient fits the subtotal
            __extension__ const __int128 off = __int128(t.subtotalMinor) * discount->value / 10000;
            t.discountMinor = qint64(off); // integer division truncates toward zero
        } else {
            t.discountMinor = std::min(discount->value, t.subtotalMinor);
        }
    }
    const qint64 taxable = t.subtotalMinor - t.discountMinor;
    __extension__ const __int128 taxNumerator = __int128(taxable) * taxRateBp;
    if (taxNumerator > __int128(std::numeric_limits<qint64>::max()))
        return Error::overflow(u"tax"_s);
    auto tax = divideRounded(qint64(taxNumerator), 10000, Rounding::HalfUp);
    if (!tax)
        return tax.error();
    t.taxMinor = *tax;
    t.deliveryFeeMinor = deliveryFeeMinor;
    auto withTax = add(taxable, t.taxMinor, u"total"_s);
    if (!withTax)
        return withTax.error();
    auto total = add(*withTax, deliveryFeeMinor, u"total"_s);
    if (!total)
        return total.error();
    t.totalMinor = *total;
    return t;
}

Result<qint64> OrderTotals::commission(qint64 capturedMinor, int commissionBp, qint64 fixedMinor)
{
    __extension__ const __int128 numerator = __int128(capturedMinor) * commissionBp;
    if (numerator > __int128(std::numeric_limits<qint64>::max()))
        return Error::overflow(u"commission"_s);
    auto percent = divideRounded(qint64(numerator), 10000, Rounding::HalfUp);
    if (!percent)
        return percent.error();
    auto sum = add(*percent, fixedMinor, u"commission"_s);
    if (!sum)
        return sum.error();
    return std::min(*sum, capturedMinor);
}

} // namespace souk::orders
