#pragma once

#include <QHash>
#include <QJsonValue>

#include "backend/core/Id.h"

namespace souk {

/// Which merchant an entity (an order, a payment, a product...) belongs to, learnt from the
/// answers that named both its `id` and its `merchant_id`. The policy by merchant sends a request
/// about an order where that merchant's other work goes, though the request names only the order.
/// Ids are unique across kinds and never reused. Past `capacity` entries it forgets everything
/// and starts again; that costs a request its placement, never its answer. Not thread-safe.
class MerchantMemory final
{
public:
    explicit MerchantMemory(int capacity = 100'000) : m_capacity(capacity) {}

    /// Remembers every object in `answer` (itself, its members and list items, three levels deep)
    /// that has an `id` and a `merchant_id`.
    void learn(const QJsonValue& answer);
    /// The merchant of `entity`, or a null Id when no answer named it.
    Id merchantOf(Id entity) const { return Id{m_of.value(entity.value)}; }
    int size() const { return int(m_of.size()); }

private:
    void walk(const QJsonValue& value, int depth);

    QHash<qint64, qint64> m_of;
    int m_capacity;
};

} // namespace souk
