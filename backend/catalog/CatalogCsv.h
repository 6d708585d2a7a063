#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Csv.h"
#include "backend/catalog/Product.h"
#include "backend/core/Currency.h"
#include "backend/core/Id.h"

namespace souk::catalog {

/// Called with (rows done, rows in total) about every 1000 rows; return false to cancel.
using ImportProgress = std::function<bool(int done, int total)>;

/// Most errors a plan collects; one more "too many errors" row follows and reading stops.
inline constexpr int ImportErrorsMax = 1000;

/// Turns a parsed CSV file into an import plan: rows sharing a handle become one product (the first
/// row carries the product fields, later rows only their variant; an empty handle is derived from the
/// title), every bad value becomes a RowError naming its line and column, and each assembled product
/// is checked with validateProduct(). Amounts are read exactly in `currency`. Shopify extras: "Cost per
/// item" is read as the cost, rows without any variant value (extra images) are skipped, and
/// "Title"/"Default Title" means no options. Writes nothing. Pure function, any thread.
ImportPlan readCatalogCsv(const CsvTable& table, CsvFormat format, const Currency& currency, Id merchantId,
                          const ImportProgress& progress = {});

/// Writes products in `format`, one row per variant; the first row of a product carries its product
/// fields. Stock comes from `onHandByVariant` (variant id -> quantity; left empty when absent).
/// readCatalogCsv(parseCsv(...)) gives the same products back. Pure function, any thread.
QByteArray writeCatalogCsv(const QList<Product>& products, const QHash<Id, qint64>& onHandByVariant, CsvFormat format);

} // namespace souk::catalog
