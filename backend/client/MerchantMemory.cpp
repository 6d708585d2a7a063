#include "backend/client/MerchantMemory.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int MaxDepth = 3; ///< an order detail: {order, payments: [{...}]}

/// An id as the API writes it (a string of digits), 0 for anything else.
qint64 idOf(const QJsonValue& v)
{
    bool ok = false;
    const qint64 id = v.isString() ? v.toString().toLongLong(&ok) : 0;
    return ok && id > 0 ? id : 0;
}

} // namespace

void MerchantMemory::learn(const QJsonValue& answer)
{
    walk(answer, 0);
}

void MerchantMemory::walk(const QJsonValue& value, int depth)
{
    if (depth > MaxDepth)
        return;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            walk(item, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    const qint64 id = idOf(o.value(u"id"_s));
    const qint64 merchant = idOf(o.value(u"merchant_id"_s));
    if (id != 0 && merchant != 0 && id != merchant) {
        if (m_of.size() >= m_capacity && !m_of.contains(id))
            m_of.clear();
        m_of.insert(id, merchant);
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it->isObject() || it->isArray())
            walk(*it, depth + 1);
    }
}

} // namespace souk
