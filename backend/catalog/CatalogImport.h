#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "backend/catalog/ProblemText.h"
#include "backend/catalog/Product.h"

namespace souk::catalog {

/// The CSV dialects Souk reads and writes.
enum class CsvFormat
{
    Souk,    ///< Souk's own columns (see CatalogCsv.cpp)
    Shopify, ///< Shopify's product CSV: rows sharing a Handle are one product's variants
};

/// One problem in an import file, pointing at the line (1-based, as an editor shows it) and column.
struct RowError
{
    int line = 0;
    QString column;   ///< the header name, e.g. "Variant Price"; empty when the whole row is wrong
    QString message;  ///< English, for logs and the command line: text.english()
    ProblemText text; ///< the same sentence, for a view to translate; empty in hand-made errors
};

/// A product read from a file, with the starting stock and the line of each variant (index-aligned).
struct ImportProduct
{
    Product product;
    QList<std::optional<qint64>> inventoryQuantities;
    QList<int> variantLines;
    QList<bool> derivedSkus; ///< true where the file had no SKU and Souk made one (Shopify allows none)
    int firstLine = 0;
};

/// What a file would import: the products and every bad row. Nothing is written while building it.
struct ImportPlan
{
    QList<ImportProduct> products;
    QList<RowError> errors;
    int rowCount = 0; ///< data rows read (not counting the header)
    int variantCount = 0;
    int derivedSkuCount = 0;    ///< variants without a SKU in the file, given one made of handle and options
    QString derivedSkuExample;  ///< the first such SKU, for the preview to show
    int negativeStockCount = 0; ///< Shopify quantities below zero (sold while out of stock), read as 0
    /// The other dialect, when the file's header is that dialect's and not the one chosen.
    std::optional<CsvFormat> suggestedFormat;
    bool ok() const { return errors.isEmpty(); }
};

/// What an import wrote.
struct ImportSummary
{
    int productsCreated = 0;
    int productsUpdated = 0;
    int variantsWritten = 0;
    qint64 elapsedMs = 0;
};

} // namespace souk::catalog
