#include "backend/catalog/ProductEditService.h"

#include <QHash>

#include "backend/catalog/ProductQueries.h"
#include "backend/catalog/ProductWriter.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

/// Fails unless `stored` is exactly as the edit left it: the product's version and every
/// variant's id and version. The product's version moves with every write to it; the variants
/// are compared too, so that a writer which forgot to bump it cannot be overwritten silently.
Status unchangedSince(const Product& stored, const Product& after)
{
    const auto changed = [&stored] {
        return Error::versionConflict(
            u"version"_s,
            u"product %1 changed after the edit (now at version %2)"_s.arg(stored.id.toString()).arg(stored.version));
    };
    if (stored.version != after.version || stored.variants.size() != after.variants.size())
        return changed();
    QHash<Id, qint64> versions;
    for (const Variant& v : stored.variants)
        versions.insert(v.id, v.version);
    for (const Variant& v : after.variants) {
        if (versions.value(v.id, -1) != v.version)
            return changed();
    }
    return {};
}

} // namespace

Result<ProductEdit> ProductEditService::apply(store::UnitOfWork& uow, const Product& product)
{
    if (product.id.isNull())
        return Error::invalid(u"id"_s, u"only a stored product can be edited; a new one is created with saveProduct"_s);
    auto before = ProductQueries::product(uow.db(), product.id);
    if (!before)
        return before.error();
    if (before->merchantId != product.merchantId) // ProductWriter refuses it too; say so before reading on
        return Error::invalid(u"merchantId"_s, u"a product cannot move to another merchant"_s);
    auto after = ProductWriter::save(uow, product);
    if (!after)
        return after.error();
    return ProductEdit{std::move(before).value(), std::move(after).value()};
}

Result<ProductEdit> ProductEditService::undo(store::UnitOfWork& uow, const ProductEdit& done)
{
    if (done.after.id.isNull() || done.before.id != done.after.id)
        return Error::invalid(u"id"_s, u"an undo names one stored product, before and after its edit"_s);
    if (done.before.merchantId != done.after.merchantId)
        return Error::invalid(u"merchantId"_s, u"a product cannot move to another merchant"_s);
    auto stored = ProductQueries::product(uow.db(), done.after.id);
    if (!stored)
        return stored.error();
    if (stored->merchantId != done.after.merchantId)
        return Error::notFound(u"id"_s, u"no product "_s + done.after.id.toString());
    // the product must still be as the edit left it; otherwise undo would overwrite someone's work
    if (auto s = unchangedSince(*stored, done.after); !s)
        return s.error();
    Product earlier = done.before;
    earlier.version = stored->version;
    auto restored = ProductWriter::restore(uow, earlier);
    if (!restored)
        return restored.error();
    return ProductEdit{std::move(stored).value(), std::move(restored).value()};
}

} // namespace souk::catalog
