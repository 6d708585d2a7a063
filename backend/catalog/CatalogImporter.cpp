#include "backend/catalog/CatalogImporter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>

#include "backend/catalog/BulkProductWriter.h"
#include "backend/catalog/ImportSku.h"
#include "backend/catalog/InventoryService.h"
#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductQueries.h"
#include "backend/catalog/ProductValidator.h"
#include "backend/catalog/ProductWriter.h"
#include "backend/store/RowBatch.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

/// The option values of a variant as one comparable key.
QString optionKey(const QStringList& values)
{
    QStringList normalized;
    for (const QString& value : values)
        normalized.append(normalizedIdentifier(value));
    return normalized.join(QChar(0x1f));
}

/// The imported product on top of the stored one: product fields from the file, variants
/// matched by SKU keep their ids, stored variants missing from the file are kept. A stored
/// variant whose SKU Souk made (the file had none, see derivedSku) that the file now lists
/// under a SKU of its own, with the same option values, is that variant: it keeps its id, its
/// stock and its history, and takes the new SKU.
Product merged(const Product& stored, const Product& imported)
{
    Product p = imported;
    p.id = stored.id;
    p.version = stored.version;
    QHash<QString, int> bySku; // compared as stored: "é" composed in the store is the file's e + U+0301
    QHash<QString, int> byOptions;
    for (int i = 0; i < p.variants.size(); ++i) {
        bySku.insert(normalizedIdentifier(p.variants[i].sku), i);
        byOptions.insert(optionKey(p.variants[i].optionValues), i);
    }
    QList<Variant> unmatched;
    for (const Variant& v : stored.variants) {
        const auto it = bySku.constFind(normalizedIdentifier(v.sku));
        if (it != bySku.constEnd())
            p.variants[*it].id = v.id;
        else
            unmatched.append(v);
    }
    for (const Variant& v : std::as_const(unmatched)) {
        const bool derived = normalizedIdentifier(v.sku) == normalizedIdentifier(derivedSku(stored.handle, v.optionValues));
        const auto it = derived ? byOptions.constFind(optionKey(v.optionValues)) : byOptions.constEnd();
        if (it != byOptions.constEnd() && p.variants[*it].id.isNull())
            p.variants[*it].id = v.id;
        else
            p.variants.append(v);
    }
    return p;
}

Error atLine(const Error& e, int line)
{
    Error out = e;
    out.field = u"line %1: %2"_s.arg(line).arg(e.field);
    return out;
}

/// Sets the on-hand quantity of each variant given in the file, as journalled movements.
Status applyQuantities(store::UnitOfWork& uow, const ImportProduct& item, const Product& saved, Id locationId)
{
    for (int i = 0; i < item.inventoryQuantities.size() && i < saved.variants.size(); ++i) {
        const auto& qty = item.inventoryQuantities[i];
        if (!qty)
            continue;
        auto level = InventoryService::level(uow.db(), saved.variants[i].id, locationId);
        if (!level)
            return level.error();
        const qint64 delta = *qty - level->onHand;
        if (delta == 0)
            continue;
        auto moved = InventoryService::move(uow, saved.variants[i].id, locationId, MovementKind::Adjusted, delta, 0,
                                            u"import"_s,
                                            u"import"_s, u"variants[%1].inventoryQuantity"_s.arg(i));
        if (!moved)
            return moved.error();
    }
    return {};
}

/// A product whose handle is in the store: merged with the file and saved like an edit.
Status updateExisting(store::UnitOfWork& uow, const ImportProduct& item, Id productId, Id merchantId, Id locationId)
{
    auto stored = ProductQueries::product(uow.db(), productId);
    if (!stored)
        return stored.error();
    Product product = item.product;
    product.merchantId = merchantId;
    auto saved = ProductWriter::save(uow, merged(*stored, product));
    if (!saved)
        return saved.error();
    return applyQuantities(uow, item, *saved, locationId);
}

/// Stored SKU -> the handle of its product, for the SKUs asked about (one query, any count).
Result<QHash<QString, QString>> storedSkuHandles(QSqlDatabase& db, Id merchantId, const QStringList& skus)
{
    QString list = u"["_s;
    for (const QString& sku : skus) {
        if (list.size() > 1)
            list += u',';
        store::appendJsonString(list, sku);
    }
    list += u']';
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // CROSS JOIN keeps the file's SKUs outside: each is one look-up in the (merchant_id, sku) index.
    // Left to itself the planner walked the merchant's variants and scanned the list for each,
    // n x m string compares (44 s for a 30,000-product file against as many stored)
    static const QString sqlite = u"SELECT v.sku, p.handle FROM json_each(?) j CROSS JOIN variants v "
                                  "ON v.sku = j.value AND v.merchant_id = ? JOIN products p ON p.id = v.product_id"_s;
    static const QString postgres = u"SELECT v.sku, p.handle FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS "
                                    "j(value) JOIN variants v ON v.sku = j.value AND v.merchant_id = ? "
                                    "JOIN products p ON p.id = v.product_id"_s;
    q.prepare(store::dialect(db, sqlite, postgres));
    q.bindValue(0, list);
    q.bindValue(1, merchantId.value);
    if (auto s = store::exec(q, u"looking up the SKUs of the file"_s); !s)
        return s.error();
    QHash<QString, QString> owners;
    while (q.next())
        owners.insert(q.value(0).toString(), q.value(1).toString());
    return owners;
}

} // namespace

Result<ImportPlan> CatalogImporter::plan(QSqlDatabase& db, Id merchantId, const QByteArray& csv, CsvFormat format,
                                         const ImportProgress& progress)
{
    auto merchant = MerchantService::merchant(db, merchantId);
    if (!merchant)
        return merchant.error();
    ImportPlan plan = planCatalogCsv(csv, format, merchant->currency, merchantId, progress);
    if (plan.products.isEmpty())
        return plan;
    auto owners = storedSkuHandles(db, merchantId, planSkus(plan));
    if (!owners)
        return owners.error();
    addStoreSkuConflicts(plan, format, *owners);
    return plan;
}

Result<ImportSummary> CatalogImporter::run(store::UnitOfWork& uow, Id merchantId, const ImportPlan& plan,
                                           const Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    if (!plan.ok())
        return Error::invalid(u"plan"_s, u"the file has %1 problems; nothing was imported"_s.arg(plan.errors.size()));
    auto merchant = MerchantService::merchant(uow.db(), merchantId);
    if (!merchant)
        return merchant.error();
    auto locations = MerchantService::locations(uow.db(), merchantId);
    if (!locations)
        return locations.error();
    if (locations->isEmpty())
        return Error::conflict(u"locationId"_s, u"the merchant has no stock location"_s);
    const Id locationId = locations->first().id;
    BulkProductWriter bulk(uow, merchantId, merchant->currency, locationId);
    if (auto s = bulk.prepare(plan.products); !s)
        return s.error();
    ImportSummary summary;
    const qint64 total = plan.products.size();
    for (qint64 n = 0; n < total; ++n) {
        const ImportProduct& item = plan.products[n];
        const Id existing = bulk.productWithHandle(item.product.handle.trimmed());
        if (existing.isNull()) {
            if (auto s = bulk.add(item); !s)
                return atLine(s.error(), item.firstLine);
            ++summary.productsCreated;
            if (bulk.pendingProducts() >= BulkProductWriter::FlushProducts) {
                if (auto s = bulk.flush(); !s)
                    return s.error();
            }
        } else {
            if (auto s = bulk.flush(); !s) // the update path reads the store: write what is queued first
                return s.error();
            if (auto s = updateExisting(uow, item, existing, merchantId, locationId); !s)
                return atLine(s.error(), item.firstLine);
            ++summary.productsUpdated;
        }
        summary.variantsWritten += int(item.product.variants.size());
        if (progress && (n % 500 == 0 || n + 1 == total) && !progress(n + 1, total))
            return Error{ErrorCode::Cancelled, u"import cancelled; nothing was written"_s, {}};
    }
    if (auto s = bulk.flush(); !s)
        return s.error();
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace souk::catalog
