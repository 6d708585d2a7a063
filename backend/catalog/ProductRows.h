#pragma once

#include <QSqlQuery>
#include <QStringList>

#include "backend/catalog/Product.h"

namespace souk::catalog::rows {

/// How lists are kept in one TEXT column: joined by the unit separator, which validation
/// keeps out of every field.
QString joinList(const QStringList& list);
QStringList splitList(const QString& text);

/// The lower-cased text the search index holds for a product: title, SKUs, barcodes.
QString searchText(const Product& product);

/// Column lists and row readers shared by the product queries, so SQL and mapping stay in step.
inline constexpr auto ProductColumns = "id, merchant_id, handle, title, description, vendor, category, tags, status, "
                                       "option_names, version, created_ms, updated_ms";
inline constexpr auto VariantColumns = "id, sku, option_values, price_minor, compare_at_minor, cost_minor, currency, "
                                       "barcode, weight_grams, low_stock_threshold, version";
Product readProduct(const QSqlQuery& q);
Variant readVariant(const QSqlQuery& q, const Currency& currency);

} // namespace souk::catalog::rows
