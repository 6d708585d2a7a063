#include "models/orders/OrderFilter.h"

#include <QDateTime>

#include "backend/core/Id.h"
#include "backend/orders/OrderSearch.h"

using namespace Qt::StringLiterals;

namespace souk {

bool OrderFilter::matches(const orders::Order& o) const
{
    if (!merchantId.isNull() && o.merchantId != merchantId)
        return false;
    if (status && o.status != *status)
        return false;
    if (paymentState && o.paymentState != *paymentState)
        return false;
    // the engine filters dates by id range (ids are time-ordered): do the same here
    if (fromMs && o.id.value < IdGenerator::firstIdAt(*fromMs).value)
        return false;
    if (toMs && o.id.value >= IdGenerator::firstIdAt(*toMs).value)
        return false;
    if (minTotalMinor && o.totalMinor < *minTotalMinor)
        return false;
    if (maxTotalMinor && o.totalMinor > *maxTotalMinor)
        return false;
    // the engine's own reading of the text: OrderQueries runs it as SQL, this on one order
    return orders::OrderSearch::parse(search).matches(o);
}

void OrderFilter::setLastDays(int days, QDate today)
{
    toMs.reset();
    if (days <= 0) {
        fromMs.reset();
        return;
    }
    fromMs = QDateTime(today.addDays(1 - days), QTime(0, 0)).toMSecsSinceEpoch();
}

bool OrderFilter::setDateRange(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || from > to)
        return false;
    fromMs = QDateTime(from, QTime(0, 0)).toMSecsSinceEpoch();
    // toMs is exclusive: the end of `to` is the start of the next day (a DST day is not 24 h)
    toMs = QDateTime(to.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    return true;
}

std::optional<Currency> OrderFilter::amountCurrency(const QHash<qint64, Currency>& currencies, Id merchantId)
{
    if (!merchantId.isNull()) {
        const auto it = currencies.constFind(merchantId.value);
        return it == currencies.constEnd() ? std::nullopt : std::optional<Currency>(*it);
    }
    if (currencies.isEmpty())
        return std::nullopt;
    const Currency& first = *currencies.cbegin();
    for (const Currency& c : currencies) {
        if (c != first)
            return std::nullopt;
    }
    return first;
}

orders::OrderQuery OrderFilter::query(Id beforeId, int limit) const
{
    orders::OrderQuery q;
    q.merchantId = merchantId;
    q.status = status;
    q.paymentState = paymentState;
    q.fromMs = fromMs;
    q.toMs = toMs;
    q.minTotalMinor = minTotalMinor;
    q.maxTotalMinor = maxTotalMinor;
    q.search = search.trimmed();
    q.beforeId = beforeId;
    q.limit = limit;
    return q;
}

} // namespace souk
