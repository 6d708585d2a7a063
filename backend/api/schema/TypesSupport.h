#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

#include "backend/api/schema/Json.h"

/// Helpers the Types*.cpp files share to describe the API's types; not for other callers.
namespace souk::api::typesupport {

/// An enum's names from its own name function, for values 0..count-1.
template <typename E, typename NameOf>
QList<std::pair<E, QString>> namesOf(int count, NameOf nameOf)
{
    QList<std::pair<E, QString>> out;
    for (int i = 0; i < count; ++i)
        out.append({static_cast<E>(i), nameOf(static_cast<E>(i))});
    return out;
}

/// A plain string (an ISO 4217 code, a role's name).
inline QJsonObject stringSchema(Components&)
{
    return {{QStringLiteral("type"), QStringLiteral("string")}};
}

} // namespace souk::api::typesupport
