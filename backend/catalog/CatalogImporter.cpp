#include "backend/catalog/CatalogImporter.h"

#include <QElapsedTimer>
#include <QHash>

#include "backend/catalog/InventoryService.h"
#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductQueries.h"
#include "backend/catalog/ProductWriter.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

/// The imported product on top of the stored one: product fields from the file, variants
/// matched by SKU keep their ids, stored variants missing from the file are kept.
Product merged(const Product& stored, const Product& imported)
{
    Product p = imported;
    p.id = stored.id;
    p.version = stored.version;
    QHash<QString, int> bySku;
    for (int i = 0; i < p.variants.size(); ++i)
        bySku.insert(p.variants[i].sku, i);
    for (const Variant& v : stored.variants) {
        const auto it = bySku.constFind(v.sku);
        if (it != bySku.constEnd())
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
Status applyQuantities(store::UnitOfWork& uow, const ImportProduct& item, const Product& saved, Id locationId,
                       bool created)
{
    for (int i = 0; i < item.inventoryQuantities.size() && i < saved.variants.size(); ++i) {
        const auto& qty = item.inventoryQuantities[i];
        if (!qty)
            continue;
        if (created) {
            if (auto s = InventoryService::receiveNew(uow, saved.variants[i].id, locationId, *qty, u"import"_s); !s)
                return s;
            continue;
        }
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

} // namespace

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
    ImportSummary summary;
    const qint64 total = plan.products.size();
    for (qint64 n = 0; n < total; ++n) {
        const ImportProduct& item = plan.products[n];
        Product product = item.product;
        product.merchantId = merchantId;
        auto existing = ProductWriter::productWithHandle(uow, merchantId, product.handle);
        if (!existing)
            return existing.error();
        const bool created = existing->isNull();
        if (!created) {
            auto stored = ProductQueries::product(uow.db(), *existing);
            if (!stored)
                return stored.error();
            product = merged(*stored, product);
        }
        auto saved = ProductWriter::save(uow, product, merchant->currency, created);
        if (!saved)
            return atLine(saved.error(), item.firstLine);
        if (auto s = applyQuantities(uow, item, *saved, locationId, created); !s)
            return atLine(s.error(), item.firstLine);
        (created ? summary.productsCreated : summary.productsUpdated)++;
        summary.variantsWritten += int(item.product.variants.size());
        if (progress && (n % 500 == 0 || n + 1 == total) && !progress(n + 1, total))
            return Error{ErrorCode::Cancelled, u"import cancelled; nothing was written"_s, {}};
    }
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace souk::catalog
