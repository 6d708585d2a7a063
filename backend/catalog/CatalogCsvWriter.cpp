#include "backend/catalog/CatalogCsv.h"

#include <span>

#include "backend/catalog/CatalogCsvColumns.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

using namespace csvcolumns;
using Cells = std::array<QString, ColCount>;

void fillProductCells(Cells& cells, const Product& p, CsvFormat format)
{
    cells[Title] = p.title;
    cells[Description] = p.description;
    cells[Vendor] = p.vendor;
    cells[Category] = p.category;
    cells[Tags] = p.tags.join(u", ");
    cells[StatusCol] = statusName(p.status);
    cells[Published] = p.status == ProductStatus::Active ? u"TRUE"_s : u"FALSE"_s;
    for (int k = 0; k < qMin<int>(int(p.optionNames.size()), 3); ++k)
        cells[OptionNameCols[k]] = p.optionNames[k];
    if (format == CsvFormat::Shopify && p.optionNames.isEmpty())
        cells[Option1Name] = DefaultTitleName.toString();
}

void fillVariantCells(Cells& cells, const Product& p, const Variant& v, const QHash<Id, qint64>& onHandByVariant,
                      CsvFormat format)
{
    cells[Sku] = v.sku;
    for (int k = 0; k < qMin<int>(int(v.optionValues.size()), 3); ++k)
        cells[OptionValueCols[k]] = v.optionValues[k];
    if (format == CsvFormat::Shopify && p.optionNames.isEmpty())
        cells[Option1Value] = DefaultTitleValue.toString();
    cells[Price] = v.price.toDecimalString();
    cells[CompareAt] = v.compareAtPrice ? v.compareAtPrice->toDecimalString() : QString();
    cells[Cost] = v.cost ? v.cost->toDecimalString() : QString();
    cells[Barcode] = v.barcode;
    cells[Weight] = QString::number(v.weightGrams);
    cells[LowStock] = QString::number(v.lowStockThreshold);
    if (const auto it = onHandByVariant.constFind(v.id); it != onHandByVariant.constEnd())
        cells[InventoryQty] = QString::number(*it);
    cells[CurrencyCol] = v.price.currency().code;
}

/// Columns whose values this writer formats itself: numbers, the currency code, TRUE/FALSE and
/// status names. They are written as they are, so spreadsheets and Shopify keep reading numbers as
/// numbers. None can start a formula: the only such character a number of ours could start with is
/// a minus, and the catalog refuses negative prices, costs, weights, thresholds and stock
/// (validateProduct()). Every other cell holds text a merchant or a supplier's file chose (titles,
/// handles, SKUs, tags, options, barcodes) and is neutralised.
bool isNumeric(Col c)
{
    switch (c) {
    case Price:
    case CompareAt:
    case Cost:
    case Weight:
    case LowStock:
    case InventoryQty:
    case CurrencyCol:
    case Published:
    case StatusCol:
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray writeCatalogCsv(const QList<Product>& products, const QHash<Id, qint64>& onHandByVariant, CsvFormat format)
{
    const Names& names = namesFor(format);
    const std::span<const Col> order =
        format == CsvFormat::Shopify ? std::span<const Col>(ShopifyOrder) : std::span<const Col>(SoukOrder);
    QStringList header;
    for (const Col c : order)
        header.append(names[c].toString());
    QList<QStringList> rows;
    for (const Product& p : products) {
        // a product without variants still gets a row, so that it is not silently dropped
        for (qsizetype i = 0; i < qMax<qsizetype>(1, p.variants.size()); ++i) {
            Cells cells;
            cells[Handle] = p.handle;
            if (i == 0)
                fillProductCells(cells, p, format);
            if (i < p.variants.size())
                fillVariantCells(cells, p, p.variants[i], onHandByVariant, format);
            QStringList row;
            row.reserve(qsizetype(order.size()));
            for (const Col c : order)
                row.append(isNumeric(c) ? cells[c] : neutraliseCsvFormula(cells[c]));
            rows.append(std::move(row));
        }
    }
    return writeCsv(header, rows);
}

} // namespace souk::catalog
