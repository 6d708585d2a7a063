// soukctl catalog import: leaves out the products the store already holds as the file has them.
#include <QHash>

#include "app/soukctl/Cli.h"
#include "backend/catalog/CatalogCsv.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;

namespace souk::cli {
namespace {

bool sameVariant(const Variant& a, const Variant& b)
{
    return a.sku == b.sku && a.optionValues == b.optionValues && a.price == b.price &&
           a.compareAtPrice == b.compareAtPrice && a.cost == b.cost && a.barcode == b.barcode &&
           a.weightGrams == b.weightGrams && a.lowStockThreshold == b.lowStockThreshold;
}

/// True when importing `file` would leave `stored` as it is: the same product fields, the file's
/// variants first and in order (the importer keeps stored variants the file leaves out, after
/// them), and the stock the file gives already on hand.
bool sameProduct(const ImportProduct& file, const ImportProduct& stored)
{
    const Product& a = file.product;
    const Product& b = stored.product;
    if (a.title != b.title || a.description != b.description || a.vendor != b.vendor || a.category != b.category ||
        a.tags != b.tags || a.status != b.status || a.optionNames != b.optionNames ||
        a.variants.size() > b.variants.size())
        return false;
    for (qsizetype i = 0; i < a.variants.size(); ++i) {
        if (!sameVariant(a.variants[i], b.variants[i]))
            return false;
        const std::optional<qint64> quantity = file.inventoryQuantities.value(i);
        if (quantity && *quantity != stored.inventoryQuantities.value(i).value_or(0))
            return false;
    }
    return true;
}

} // namespace

Result<ImportChanges> withoutUnchanged(Client& client, const catalog::Merchant& merchant,
                                       const catalog::ImportPlan& plan)
{
    ImportChanges changes;
    changes.plan = plan;
    if (plan.products.isEmpty())
        return changes;
    // the store's products read back through the same reader as the file, in Souk's format, which
    // carries every field an import writes (Shopify's has no low-stock threshold)
    auto csv = wait(client.exportCatalog(merchant.id, CsvFormat::Souk));
    if (!csv)
        return csv.error();
    auto table = parseCsv(*csv);
    if (!table)
        return table.error();
    const ImportPlan stored = readCatalogCsv(*table, CsvFormat::Souk, merchant.currency, merchant.id);
    if (!stored.ok()) // the store's own export should always read back; if not, import everything
        return changes;
    QHash<QString, qsizetype> storedByHandle;
    for (qsizetype i = 0; i < stored.products.size(); ++i)
        storedByHandle.insert(stored.products[i].product.handle.trimmed(), i);
    changes.plan.products.clear();
    changes.plan.variantCount = 0;
    for (const ImportProduct& item : plan.products) {
        const auto it = storedByHandle.constFind(item.product.handle.trimmed());
        if (it != storedByHandle.constEnd() && sameProduct(item, stored.products[*it])) {
            ++changes.unchanged;
            continue;
        }
        changes.plan.products.append(item);
        changes.plan.variantCount += int(item.product.variants.size());
    }
    return changes;
}

} // namespace souk::cli
