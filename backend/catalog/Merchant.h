#pragma once

#include <QString>

#include "backend/core/Currency.h"
#include "backend/core/Id.h"

namespace souk::catalog {

/// A seller in the store. A standalone store starts with one. Value type.
struct Merchant
{
    Id id;
    QString name;
    Currency currency;
    qint64 version = 0;
};

/// A place that holds stock (warehouse, shop, dark store). Value type.
struct Location
{
    Id id;
    Id merchantId;
    QString name;
    qint64 version = 0;
};

} // namespace souk::catalog
