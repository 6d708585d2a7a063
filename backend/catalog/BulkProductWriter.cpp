#include "backend/catalog/BulkProductWriter.h"

#include <QSqlQuery>

#include "backend/catalog/Inventory.h"
#include "backend/catalog/ProductRows.h"
#include "backend/catalog/ProductValidator.h"
#include "backend/catalog/ProductWriter.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

QString jsonList(const QStringList& values)
{
    QString out = u"["_s;
    for (const QString& v : values) {
        if (out.size() > 1)
            out += u',';
        store::appendJsonString(out, v);
    }
    return out + u']';
}

/// Fills `into` with value -> id for the rows of `sql` (which takes a JSON list and the merchant).
Status lookup(QSqlDatabase& db, const QString& sql, const QStringList& values, Id merchantId, QHash<QString, Id>& into)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.bindValue(0, jsonList(values));
    q.bindValue(1, merchantId.value);
    if (auto s = store::exec(q, u"looking up existing products"_s); !s)
        return s;
    while (q.next())
        into.insert(q.value(0).toString(), Id{q.value(1).toLongLong()});
    return {};
}

std::optional<qint64> minorOf(const std::optional<Money>& m)
{
    return m ? std::optional<qint64>(m->minor()) : std::nullopt;
}

} // namespace

BulkProductWriter::BulkProductWriter(store::UnitOfWork& uow, Id merchantId, Currency currency, Id locationId)
    : m_uow(uow), m_merchantId(merchantId), m_currency(std::move(currency)), m_locationId(locationId),
      m_products(u"products"_s, {u"id"_s, u"merchant_id"_s, u"handle"_s, u"title"_s, u"description"_s, u"vendor"_s,
                                 u"category"_s, u"tags"_s, u"status"_s, u"option_names"_s, u"version"_s,
                                 u"created_ms"_s, u"updated_ms"_s}),
      m_texts(u"product_text"_s, {u"id"_s, u"merchant_id"_s, u"text"_s}),
      m_variants(u"variants"_s, {u"id"_s, u"product_id"_s, u"merchant_id"_s, u"position"_s, u"sku"_s,
                                 u"option_values"_s, u"price_minor"_s, u"compare_at_minor"_s, u"cost_minor"_s,
                                 u"currency"_s, u"barcode"_s, u"weight_grams"_s, u"low_stock_threshold"_s,
                                 u"version"_s}),
      m_movements(u"stock_movements"_s, {u"id"_s, u"variant_id"_s, u"location_id"_s, u"kind"_s, u"on_hand_delta"_s,
                                         u"reserved_delta"_s, u"reason"_s, u"reference"_s, u"actor"_s, u"at_ms"_s}),
      m_levels(u"stock_levels"_s, {u"variant_id"_s, u"location_id"_s, u"on_hand"_s, u"reserved"_s, u"version"_s})
{
}

Status BulkProductWriter::prepare(const QList<ImportProduct>& items)
{
    QStringList handles;
    QStringList skus;
    m_handles.reserve(items.size());
    m_skuOwners.reserve(items.size() * 2);
    for (const ImportProduct& item : items) {
        handles.append(item.product.handle.trimmed());
        for (const Variant& v : item.product.variants)
            skus.append(v.sku.trimmed());
    }
    // CROSS JOIN: the batch's names outside, one index look-up each; otherwise the planner walks
    // the merchant's whole catalog and scans the batch for each row
    static const QString handleSql = u"SELECT p.handle, p.id FROM json_each(?) j CROSS JOIN products p "
                                     "ON p.handle = j.value AND p.merchant_id = ?"_s;
    static const QString handlePgSql = u"SELECT p.handle, p.id FROM jsonb_array_elements_text(CAST(? AS jsonb)) "
                                       "AS j(value) JOIN products p ON p.handle = j.value AND p.merchant_id = ?"_s;
    static const QString skuSql = u"SELECT v.sku, v.product_id FROM json_each(?) j CROSS JOIN variants v "
                                  "ON v.sku = j.value AND v.merchant_id = ?"_s;
    static const QString skuPgSql = u"SELECT v.sku, v.product_id FROM jsonb_array_elements_text(CAST(? AS jsonb)) "
                                    "AS j(value) JOIN variants v ON v.sku = j.value AND v.merchant_id = ?"_s;
    QSqlDatabase& db = m_uow.db();
    if (auto s = lookup(db, store::dialect(db, handleSql, handlePgSql), handles, m_merchantId, m_handles); !s)
        return s;
    return lookup(db, store::dialect(db, skuSql, skuPgSql), skus, m_merchantId, m_skuOwners);
}

Status BulkProductWriter::checkSkusFree(const Product& p) const
{
    for (int i = 0; i < p.variants.size(); ++i) {
        if (m_skuOwners.contains(p.variants[i].sku)) {
            return Error::duplicate(u"variants[%1].sku"_s.arg(i),
                                    u"SKU %1 is already used by another product"_s.arg(p.variants[i].sku));
        }
    }
    return {};
}

Status BulkProductWriter::add(const ImportProduct& item)
{
    Product p = ProductWriter::normalized(item.product);
    p.merchantId = m_merchantId;
    if (p.handle.isEmpty())
        p.handle = makeHandle(p.title);
    const QList<Error> problems = validateProduct(p, m_currency);
    if (!problems.isEmpty())
        return problems.first();
    if (auto s = checkSkusFree(p); !s)
        return s;
    for (int i = 0; i < item.inventoryQuantities.size(); ++i) {
        const qint64 q = item.inventoryQuantities[i].value_or(0);
        if (q < 0 || q > Limits::QuantityMax)
            return Error::invalid(u"variants[%1].inventoryQuantity"_s.arg(i),
                                  u"the quantity must be 0..%1"_s.arg(Limits::QuantityMax));
    }
    p.id = m_uow.newId();
    p.version = 1;
    p.createdMs = p.updatedMs = m_uow.nowMs();
    m_products.row()
        .integer(p.id.value).integer(m_merchantId.value).text(p.handle).text(p.title).text(p.description)
        .text(p.vendor).text(p.category).text(rows::joinList(p.tags)).integer(int(p.status))
        .text(rows::joinList(p.optionNames)).integer(1).integer(p.createdMs).integer(p.updatedMs);
    for (Variant& v : p.variants)
        v.id = m_uow.newId();
    m_texts.row().integer(p.id.value).integer(m_merchantId.value).text(rows::searchText(p));
    queueVariants(p, item);
    m_handles.insert(p.handle, p.id);
    m_uow.recordChange(u"product"_s, p.id, 1, ChangeOp::Created);
    ProductWriter::scheduleSearchSync(m_uow, p.id, true);
    return {};
}

void BulkProductWriter::queueVariants(const Product& p, const ImportProduct& item)
{
    for (int i = 0; i < p.variants.size(); ++i) {
        const Variant& v = p.variants[i];
        m_variants.row()
            .integer(v.id.value).integer(p.id.value).integer(m_merchantId.value).integer(i).text(v.sku)
            .text(rows::joinList(v.optionValues)).integer(v.price.minor()).optionalInteger(minorOf(v.compareAtPrice))
            .optionalInteger(minorOf(v.cost)).text(m_currency.code).text(v.barcode).integer(v.weightGrams)
            .integer(v.lowStockThreshold).integer(1);
        m_skuOwners.insert(v.sku, p.id);
        m_uow.recordChange(u"variant"_s, v.id, 1, ChangeOp::Created);
        const qint64 quantity = i < item.inventoryQuantities.size() ? item.inventoryQuantities[i].value_or(0) : 0;
        if (quantity <= 0)
            continue;
        m_movements.row()
            .integer(m_uow.newId().value).integer(v.id.value).integer(m_locationId.value)
            .integer(int(MovementKind::Received)).integer(quantity).integer(0).text(u"import"_s).text(u"import"_s)
            .text(m_uow.actor().toString()).integer(m_uow.nowMs());
        m_levels.row().integer(v.id.value).integer(m_locationId.value).integer(quantity).integer(0).integer(1);
        m_uow.recordChange(u"stock"_s, v.id, 1, ChangeOp::Updated);
    }
}

Status BulkProductWriter::flush()
{
    for (store::RowBatch* batch : {&m_products, &m_texts, &m_variants, &m_movements, &m_levels}) {
        if (auto s = batch->flush(m_uow.db()); !s)
            return s;
    }
    return {};
}

} // namespace souk::catalog
