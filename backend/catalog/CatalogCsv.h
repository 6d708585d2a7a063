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
/// is checked with validateProduct(). SKUs must be unique in the file, compared in NFC as stored.
/// Amounts are read exactly in `currency`. Shopify extras: "Cost per item" is read as the cost, rows
/// without any variant value (extra images) are skipped, "Title"/"Default Title" means no options, a
/// variant without a SKU gets derivedSku(), and stock below zero (sold while out of stock) is read as
/// 0; the plan counts both. Columns may come in any order; unknown ones are ignored. When the header
/// lacks required columns but is the other dialect's, the plan suggests that one. Writes nothing.
/// Pure function, any thread.
ImportPlan readCatalogCsv(const CsvTable& table, CsvFormat format, const Currency& currency, Id merchantId,
                          const ImportProgress& progress = {});

/// readCatalogCsv() of a whole file, listing every problem in one pass: a line that cannot be read as
/// CSV (the wrong number of columns, text after a closing quote) becomes a RowError too, and the
/// readable rows around it are still checked. Writes nothing. Pure function, any thread.
ImportPlan planCatalogCsv(const QByteArray& data, CsvFormat format, const Currency& currency, Id merchantId,
                          const ImportProgress& progress = {});

/// The plan's SKUs as the store compares them (trimmed, NFC), for a look-up of their owners.
QStringList planSkus(const ImportPlan& plan);

/// Reports, in the plan's errors, each SKU that the store already gives to a product with another
/// handle than the file's row (importing it would fail when written). `storedSkuHandles` maps a
/// stored SKU to its product's handle. Pure function, any thread.
void addStoreSkuConflicts(ImportPlan& plan, CsvFormat format, const QHash<QString, QString>& storedSkuHandles);

/// Writes products in `format`, one row per variant; the first row of a product carries its product
/// fields. Stock comes from `onHandByVariant` (variant id -> quantity; left empty when absent).
/// readCatalogCsv(parseCsv(...)) gives the same products back. Pure function, any thread.
QByteArray writeCatalogCsv(const QList<Product>& products, const QHash<Id, qint64>& onHandByVariant, CsvFormat format);

} // namespace souk::catalog
