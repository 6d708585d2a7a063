#include "backend/catalog/ProductWriter.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductQueries.h"
#include "backend/catalog/ProductRows.h"
#include "backend/catalog/ProductValidator.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

QString skuField(int i)
{
    return u"variants[%1].sku"_s.arg(i);
}

QVariant optionalMinor(const std::optional<Money>& m)
{
    return m ? QVariant(m->minor()) : QVariant(QMetaType::fromType<qlonglong>());
}

/// Fails when a SKU of `p` belongs to another product of the merchant.
Status checkSkusFree(store::UnitOfWork& uow, const Product& p)
{
    store::Statement& q = uow.statement(u"SELECT v.product_id, p.title FROM variants v JOIN products p ON p.id = v.product_id "
                                 "WHERE v.merchant_id = ? AND v.sku = ?"_s);
    for (int i = 0; i < p.variants.size(); ++i) {
        q.bindValue(0, p.merchantId.value);
        q.bindValue(1, p.variants[i].sku);
        if (auto s = store::exec(q, u"checking SKUs"_s); !s)
            return s;
        if (q.next() && q.value(0).toLongLong() != p.id.value) {
            const QString other = q.value(1).toString();
            q.finish();
            return Error::duplicate(skuField(i), u"SKU %1 is already used by \"%2\""_s.arg(p.variants[i].sku, other));
        }
        q.finish();
    }
    return {};
}

/// A free handle: the one asked for (error if taken) or, when derived, the first free "-N" suffix.
Result<QString> freeHandle(store::UnitOfWork& uow, const Product& p, bool derived)
{
    QString handle = p.handle;
    for (int n = 2;; ++n) {
        auto owner = ProductWriter::productWithHandle(uow, p.merchantId, handle);
        if (!owner)
            return owner.error();
        if (owner->isNull() || *owner == p.id)
            return handle;
        if (!derived)
            return Error::duplicate(u"handle"_s, u"handle \"%1\" is already used by another product"_s.arg(handle));
        handle = p.handle.left(Limits::HandleMax - 8) + u'-' + QString::number(n);
    }
}

Status writeVariant(store::UnitOfWork& uow, const Product& p, Variant& v, int position, bool insert)
{
    store::Statement& q = insert ? uow.statement(u"INSERT INTO variants (merchant_id, product_id, position, sku, option_values, "
                                          "price_minor, compare_at_minor, cost_minor, currency, barcode, weight_grams, "
                                          "low_stock_threshold, version, id) VALUES (?, ?, ?, ?, coalesce(?, ''), ?, ?, "
                                          "?, ?, coalesce(?, ''), ?, ?, ?, ?)"_s)
                          : uow.statement(u"UPDATE variants SET merchant_id = ?, product_id = ?, position = ?, sku = ?, "
                                          "option_values = coalesce(?, ''), price_minor = ?, compare_at_minor = ?, "
                                          "cost_minor = ?, currency = ?, barcode = coalesce(?, ''), weight_grams = ?, "
                                          "low_stock_threshold = ?, "
                                          "version = ? WHERE id = ?"_s);
    const QVariantList values = {p.merchantId.value, p.id.value, position, v.sku, rows::joinList(v.optionValues),
                                 v.price.minor(), optionalMinor(v.compareAtPrice), optionalMinor(v.cost),
                                 v.price.currency().code, v.barcode, v.weightGrams, v.lowStockThreshold, v.version,
                                 v.id.value};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing a variant"_s); !s)
        return s;
    uow.recordChange(u"variant"_s, v.id, v.version, insert ? ChangeOp::Created : ChangeOp::Updated);
    return {};
}

/// Ids whose search text changed in this command; the trigram index is synced from
/// product_text once, at the end. (FTS5 flushes its pending terms at every statement inside a
/// savepoint, so row-by-row index writes cost more than everything else on a bulk import.)
struct SearchSync
{
    QSet<qint64> created;
    QSet<qint64> updated;
};

/// Ascending: FTS5 appends rowids in order cheaply, and a hash order made the sync 2x slower.
QString jsonIds(const QSet<qint64>& ids)
{
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    QStringList parts;
    parts.reserve(sorted.size());
    for (qint64 id : sorted)
        parts.append(QString::number(id));
    return u'[' + parts.join(u',') + u']';
}

Status syncSearch(store::UnitOfWork& uow, const SearchSync& sync)
{
    if (store::isPostgres(uow.db()))
        return {}; // PostgreSQL searches product_text itself, through its trigram index
    // a product saved twice in one command is indexed once
    const QString updated = jsonIds(sync.updated);
    const QString all = jsonIds(sync.created + sync.updated);
    if (!sync.updated.isEmpty()) {
        if (auto s = store::exec(uow.db(), u"DELETE FROM product_search WHERE rowid IN (SELECT value FROM json_each(?))"_s,
                                 {updated});
            !s)
            return s;
    }
    return store::exec(uow.db(), u"INSERT INTO product_search (rowid, text) SELECT t.id, t.text FROM json_each(?) j "
                                 "JOIN product_text t ON t.id = j.value"_s,
                       {all});
}

} // namespace

void ProductWriter::scheduleSearchSync(store::UnitOfWork& uow, Id productId, bool created)
{
    auto sync = uow.attachment<SearchSync>(u"catalog.searchSync"_s);
    (created ? sync->created : sync->updated).insert(productId.value);
    uow.addFinisher(u"catalog.searchSync"_s, [&uow, sync] { return syncSearch(uow, *sync); });
}

namespace {

Status writeProductRow(store::UnitOfWork& uow, const Product& p, bool insert)
{
    store::Statement& q = insert ? uow.statement(u"INSERT INTO products (merchant_id, handle, title, description, vendor, "
                                          "category, tags, status, option_names, version, created_ms, updated_ms, id) "
                                          "VALUES (?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), "
                                          "coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, coalesce(?, ''), "
                                          "?, ?, ?, ?)"_s)
                          : uow.statement(u"UPDATE products SET merchant_id = ?, handle = coalesce(?, ''), "
                                          "title = coalesce(?, ''), description = coalesce(?, ''), "
                                          "vendor = coalesce(?, ''), category = coalesce(?, ''), tags = coalesce(?, ''), "
                                          "status = ?, option_names = coalesce(?, ''), version = ?, created_ms = ?, "
                                          "updated_ms = ? WHERE id = ?"_s);
    const QString search = rows::searchText(p);
    const QVariantList values = {p.merchantId.value, p.handle, p.title, p.description, p.vendor, p.category,
                                 rows::joinList(p.tags), int(p.status), rows::joinList(p.optionNames), p.version,
                                 p.createdMs, p.updatedMs, p.id.value};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing a product"_s); !s)
        return s;
    ProductWriter::scheduleSearchSync(uow, p.id, insert);
    store::Statement& text = uow.statement(u"INSERT INTO product_text (id, merchant_id, text) VALUES (?, ?, ?) "
                                           "ON CONFLICT (id) DO UPDATE SET merchant_id = excluded.merchant_id, "
                                           "text = excluded.text"_s);
    text.bindValue(0, p.id.value);
    text.bindValue(1, p.merchantId.value);
    text.bindValue(2, search);
    if (auto s = store::exec(text, u"indexing a product"_s); !s)
        return s;
    uow.recordChange(u"product"_s, p.id, p.version, insert ? ChangeOp::Created : ChangeOp::Updated);
    return {};
}

/// Removes variants the update dropped; one with stock history cannot go.
Status removeDroppedVariants(store::UnitOfWork& uow, const Product& stored, const Product& next)
{
    for (const Variant& old : stored.variants) {
        const bool kept = std::any_of(next.variants.begin(), next.variants.end(),
                                      [&](const Variant& v) { return v.id == old.id; });
        if (kept)
            continue;
        auto moves = store::scalar(uow.db(), u"SELECT count(*) FROM stock_movements WHERE variant_id = ?"_s,
                                   {old.id.value});
        if (!moves)
            return moves.error();
        if (moves->toLongLong() > 0) {
            return Error::conflict(u"variants"_s,
                                   u"SKU %1 has stock history and cannot be removed; archive the product instead"_s
                                       .arg(old.sku));
        }
        if (auto s = store::exec(uow.db(), u"DELETE FROM stock_levels WHERE variant_id = ?"_s, {old.id.value}); !s)
            return s;
        if (auto s = store::exec(uow.db(), u"DELETE FROM variants WHERE id = ?"_s, {old.id.value}); !s)
            return s;
        uow.recordChange(u"variant"_s, old.id, old.version + 1, ChangeOp::Deleted);
    }
    return {};
}

/// Variants whose SKU changes first take a placeholder SKU no one can type (validation refuses
/// control characters), so that two variants may swap SKUs without tripping the unique index.
Status parkRenamedSkus(store::UnitOfWork& uow, const Product& p, const QHash<Id, const Variant*>& stored)
{
    for (const Variant& v : p.variants) {
        const Variant* before = v.id.isNull() ? nullptr : stored.value(v.id);
        if (!before || before->sku == v.sku)
            continue;
        static const QString sqlite = u"UPDATE variants SET sku = char(31) || id WHERE id = ?"_s;
        static const QString postgres = u"UPDATE variants SET sku = chr(31) || id WHERE id = ?"_s;
        store::Statement& q = uow.statement(store::dialect(uow.db(), sqlite, postgres));
        q.bindValue(0, v.id.value);
        if (auto s = store::exec(q, u"renaming a SKU"_s); !s)
            return s;
    }
    return {};
}

Result<Product> create(store::UnitOfWork& uow, Product p)
{
    p.id = uow.newId();
    p.version = 1;
    p.createdMs = p.updatedMs = uow.nowMs();
    for (int i = 0; i < p.variants.size(); ++i) {
        Variant& v = p.variants[i];
        v.id = uow.newId();
        v.version = 1;
    }
    if (auto s = writeProductRow(uow, p, true); !s)
        return s.error();
    for (int i = 0; i < p.variants.size(); ++i) {
        if (auto s = writeVariant(uow, p, p.variants[i], i, true); !s)
            return s.error();
    }
    return p;
}

/// The variants of `p` that are neither new nor stored: allowed only when restoring, and only
/// when no variant has that id now (ids are never reused, so it is one the product had).
Result<QSet<Id>> revivedVariants(store::UnitOfWork& uow, const Product& p, const QHash<Id, const Variant*>& stored,
                                 bool revive)
{
    QSet<Id> revived;
    for (int i = 0; i < p.variants.size(); ++i) {
        const Id id = p.variants[i].id;
        if (id.isNull() || stored.contains(id))
            continue;
        const Error foreign = Error::invalid(u"variants[%1].id"_s.arg(i), u"this variant belongs to another product"_s);
        if (!revive)
            return foreign;
        auto taken = store::scalar(uow.db(), u"SELECT count(*) FROM variants WHERE id = ?"_s, {id.value});
        if (!taken)
            return taken.error();
        if (taken->toLongLong() > 0)
            return foreign;
        revived.insert(id);
    }
    return revived;
}

Result<Product> update(store::UnitOfWork& uow, Product p, const Product& stored, bool revive)
{
    if (stored.merchantId != p.merchantId)
        return Error::invalid(u"merchantId"_s, u"a product cannot move to another merchant"_s);
    if (stored.version != p.version) {
        return Error::versionConflict(u"version"_s, u"the product was changed since it was read (stored version %1, "
                                                    "edited version %2)"_s.arg(stored.version).arg(p.version));
    }
    QHash<Id, const Variant*> storedVariants;
    for (const Variant& v : stored.variants)
        storedVariants.insert(v.id, &v);
    const auto revived = revivedVariants(uow, p, storedVariants, revive);
    if (!revived)
        return revived.error();
    if (auto s = removeDroppedVariants(uow, stored, p); !s)
        return s.error();
    if (auto s = parkRenamedSkus(uow, p, storedVariants); !s)
        return s.error();
    p.version = stored.version + 1;
    p.createdMs = stored.createdMs;
    p.updatedMs = uow.nowMs();
    if (auto s = writeProductRow(uow, p, false); !s)
        return s.error();
    for (int i = 0; i < p.variants.size(); ++i) {
        Variant& v = p.variants[i];
        const bool insert = v.id.isNull() || revived->contains(v.id);
        if (v.id.isNull()) {
            v.id = uow.newId();
            v.version = 1;
        } else if (insert) {
            v.version += 2; // its removal was recorded at the next version
        } else {
            v.version = storedVariants.value(v.id)->version + 1;
        }
        if (auto s = writeVariant(uow, p, v, i, insert); !s)
            return s.error();
    }
    return p;
}

} // namespace

Product ProductWriter::normalized(Product p)
{
    p.title = p.title.trimmed();
    // identifiers are stored in NFC, so a SKU typed with a composed or a decomposed "é" is one SKU
    p.handle = normalizedIdentifier(p.handle);
    for (QString& name : p.optionNames)
        name = normalizedIdentifier(name);
    p.vendor = p.vendor.trimmed();
    p.category = p.category.trimmed();
    for (QString& t : p.tags)
        t = t.trimmed();
    p.tags.removeAll(QString());
    for (Variant& v : p.variants) {
        v.sku = normalizedIdentifier(v.sku);
        for (QString& value : v.optionValues)
            value = normalizedIdentifier(value);
        v.barcode = v.barcode.trimmed();
    }
    return p;
}

Result<Id> ProductWriter::productWithHandle(store::UnitOfWork& uow, Id merchantId, const QString& handle)
{
    store::Statement& q = uow.statement(u"SELECT id FROM products WHERE merchant_id = ? AND handle = ?"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, handle);
    if (auto s = store::exec(q, u"looking up a handle"_s); !s)
        return s.error();
    const Id id = q.next() ? Id{q.value(0).toLongLong()} : Id{};
    q.finish();
    return id;
}

namespace {

Result<Product> write(store::UnitOfWork& uow, const Product& input, bool restore)
{
    auto merchant = MerchantService::merchant(uow.db(), input.merchantId);
    if (!merchant)
        return merchant.error();
    Product p = ProductWriter::normalized(input);
    const QList<Error> problems = validateProduct(p, merchant->currency);
    if (!problems.isEmpty())
        return problems.first();
    const bool derivedHandle = p.handle.isEmpty();
    if (derivedHandle)
        p.handle = makeHandle(p.title);
    auto handle = freeHandle(uow, p, derivedHandle);
    if (!handle)
        return handle.error();
    p.handle = *handle;
    if (auto s = checkSkusFree(uow, p); !s)
        return s.error();
    if (p.id.isNull())
        return create(uow, std::move(p));
    auto stored = ProductQueries::product(uow.db(), p.id);
    if (!stored)
        return stored.error();
    return update(uow, std::move(p), *stored, restore);
}

} // namespace

Result<Product> ProductWriter::save(store::UnitOfWork& uow, const Product& input)
{
    return write(uow, input, false);
}

Result<Product> ProductWriter::restore(store::UnitOfWork& uow, const Product& earlier)
{
    if (earlier.id.isNull())
        return Error::invalid(u"id"_s, u"only a stored product can be restored"_s);
    return write(uow, earlier, true);
}

} // namespace souk::catalog
