#include "models/orders/OrderFilter.h"

#include "backend/core/Id.h"

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
    const QString s = search.trimmed();
    if (s.isEmpty())
        return true;
    bool numeric = false;
    const qint64 asId = s.toLongLong(&numeric);
    if (s.contains(u'@'))
        return o.customerEmail == s.toLower();
    if (numeric && s.size() == 4)
        return o.cardLast4 == s;
    if (numeric)
        return o.id.value == asId;
    return o.customerEmail.startsWith(s.toLower());
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
