#pragma once

#include <QJsonObject>

#include "backend/catalog/Product.h"
#include "backend/catalog/ProductSummary.h"

namespace souk::catalog {

/// JSON forms of catalog types, as the API and `soukctl --json` print them: ids as strings,
/// money as {"minor": "1234", "currency": "EUR", "amount": "12.34"}. Pure functions.
QJsonObject toJson(const Money& money);
QJsonObject toJson(const ProductSummary& summary);
QJsonObject toJson(const Product& product);

} // namespace souk::catalog
