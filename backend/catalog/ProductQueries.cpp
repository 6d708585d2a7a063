#include "backend/catalog/ProductQueries.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductRows.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

/// Folds variants and stock into one row per product. `%1` is the product filter, which is
/// built from integers only.
const QString SummarySql = uR"(
WITH page AS (SELECT id, merchant_id, title, handle, category, vendor, status, version, updated_ms
              FROM products WHERE %1),
vs AS (SELECT v.product_id, v.sku, v.position, v.price_minor, v.currency, v.low_stock_threshold,
              coalesce(sum(s.on_hand), 0) AS on_hand, coalesce(sum(s.on_hand - s.reserved), 0) AS available
       FROM variants v LEFT JOIN stock_levels s ON s.variant_id = v.id
       WHERE v.product_id IN (SELECT id FROM page) GROUP BY v.id)
SELECT p.id, p.merchant_id, p.title, p.handle, p.category, p.vendor, p.status, p.version, p.updated_ms,
       count(vs.product_id), coalesce(min(vs.price_minor), 0), coalesce(max(vs.price_minor), 0),
       coalesce(min(vs.currency), ''), coalesce(min(CASE WHEN vs.position = 0 THEN vs.sku END), ''),
       coalesce(sum(vs.on_hand), 0), coalesce(sum(vs.available), 0),
       coalesce(max(vs.low_stock_threshold > 0 AND vs.available <= vs.low_stock_threshold), 0)
FROM page p LEFT JOIN vs ON vs.product_id = p.id GROUP BY p.id ORDER BY p.id)"_s;

Result<QList<ProductSummary>> runSummaries(QSqlDatabase& db, const QString& filter, std::initializer_list<QVariant> binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(SummarySql.arg(filter)))
        return store::sqlError(q.lastError(), u"preparing product summaries"_s);
    int i = 0;
    for (const auto& b : binds)
        q.bindValue(i++, b);
    if (!q.exec())
        return store::sqlError(q.lastError(), u"reading product summaries"_s);
    QList<ProductSummary> out;
    while (q.next()) {
        ProductSummary s;
        s.id = Id{q.value(0).toLongLong()};
        s.merchantId = Id{q.value(1).toLongLong()};
        s.title = q.value(2).toString();
        s.handle = q.value(3).toString();
        s.category = q.value(4).toString();
        s.vendor = q.value(5).toString();
        s.status = ProductStatus(q.value(6).toInt());
        s.version = q.value(7).toLongLong();
        s.updatedMs = q.value(8).toLongLong();
        s.variantCount = q.value(9).toInt();
        s.priceMinMinor = q.value(10).toLongLong();
        s.priceMaxMinor = q.value(11).toLongLong();
        s.currency = q.value(12).toString();
        s.firstSku = q.value(13).toString();
        s.onHand = q.value(14).toLongLong();
        s.available = q.value(15).toLongLong();
        s.lowStock = q.value(16).toInt() != 0;
        out.append(std::move(s));
    }
    return out;
}

QString idList(const QList<Id>& ids, qsizetype from, qsizetype count)
{
    QStringList parts;
    for (qsizetype i = from; i < from + count && i < ids.size(); ++i)
        parts.append(QString::number(ids[i].value));
    return parts.join(u',');
}

Status loadVariants(QSqlDatabase& db, Product& p, const Currency& currency)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM variants WHERE product_id = ? ORDER BY position"_s.arg(
        QLatin1StringView(rows::VariantColumns)));
    q.bindValue(0, p.id.value);
    if (auto s = store::exec(q, u"reading variants"_s); !s)
        return s;
    while (q.next())
        p.variants.append(rows::readVariant(q, currency));
    return {};
}

} // namespace

Result<Product> ProductQueries::product(QSqlDatabase& db, Id productId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM products WHERE id = ?"_s.arg(QLatin1StringView(rows::ProductColumns)));
    q.bindValue(0, productId.value);
    if (auto s = store::exec(q, u"reading a product"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"productId"_s, u"no product "_s + productId.toString());
    Product p = rows::readProduct(q);
    auto merchant = MerchantService::merchant(db, p.merchantId);
    if (!merchant)
        return merchant.error();
    if (auto s = loadVariants(db, p, merchant->currency); !s)
        return s.error();
    return p;
}

Result<QList<Product>> ProductQueries::products(QSqlDatabase& db, Id merchantId, Id afterId, int limit)
{
    auto merchant = MerchantService::merchant(db, merchantId);
    if (!merchant)
        return merchant.error();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM products WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?"_s.arg(
        QLatin1StringView(rows::ProductColumns)));
    q.bindValue(0, merchantId.value);
    q.bindValue(1, afterId.value);
    q.bindValue(2, std::clamp(limit, 1, ProductPageQuery::PageRowsMax));
    if (auto s = store::exec(q, u"reading products"_s); !s)
        return s.error();
    QList<Product> out;
    while (q.next())
        out.append(rows::readProduct(q));
    for (Product& p : out) {
        if (auto s = loadVariants(db, p, merchant->currency); !s)
            return s.error();
    }
    return out;
}

Result<ProductPage> ProductQueries::page(QSqlDatabase& db, const ProductPageQuery& query)
{
    const int limit = std::clamp(query.limit, 1, ProductPageQuery::PageRowsMax);
    auto rowsRead = runSummaries(db, u"merchant_id = ? AND id > ? ORDER BY id LIMIT ?"_s,
                                 {query.merchantId.value, query.afterId.value, limit + 1});
    if (!rowsRead)
        return rowsRead.error();
    ProductPage page;
    page.rows = std::move(rowsRead).value();
    page.more = page.rows.size() > limit;
    if (page.more)
        page.rows.removeLast();
    if (!page.rows.isEmpty())
        page.nextAfter = page.rows.last().id;
    return page;
}

Result<QList<ProductSummary>> ProductQueries::summaries(QSqlDatabase& db, const QList<Id>& productIds)
{
    QList<ProductSummary> out;
    constexpr qsizetype Chunk = 2000;
    for (qsizetype from = 0; from < productIds.size(); from += Chunk) {
        auto part = runSummaries(db, u"id IN (%1)"_s.arg(idList(productIds, from, Chunk)), {});
        if (!part)
            return part.error();
        out.append(*part);
    }
    return out;
}

Result<QList<Id>> ProductQueries::search(QSqlDatabase& db, Id merchantId, const QString& text, int limit)
{
    const QString needle = text.trimmed().toLower();
    QList<Id> out;
    if (needle.isEmpty())
        return out;
    if (needle.size() > 200)
        return Error::invalid(u"text"_s, u"search text is too long (at most 200 characters)"_s);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (needle.size() >= 3) {
        QString phrase = needle;
        phrase.replace(u'"', u"\"\""_s);
        q.prepare(u"SELECT p.id FROM product_search s JOIN products p ON p.id = s.rowid "
                  "WHERE product_search MATCH ? AND p.merchant_id = ? ORDER BY p.id LIMIT ?"_s);
        q.bindValue(0, QString(u'"' + phrase + u'"'));
    } else {
        // instr() on the narrow, already lower-cased text: no pattern syntax, and several times
        // faster than LIKE over the product rows
        q.prepare(u"SELECT id FROM product_text WHERE instr(text, ?) > 0 AND merchant_id = ? ORDER BY id LIMIT ?"_s);
        q.bindValue(0, needle);
    }
    q.bindValue(1, merchantId.value);
    q.bindValue(2, std::clamp(limit, 1, SearchLimitMax));
    if (auto s = store::exec(q, u"searching products"_s); !s)
        return s.error();
    while (q.next())
        out.append(Id{q.value(0).toLongLong()});
    return out;
}

Result<QStringList> ProductQueries::categories(QSqlDatabase& db, Id merchantId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT DISTINCT category FROM products WHERE merchant_id = ? AND category <> '' ORDER BY category"_s);
    q.bindValue(0, merchantId.value);
    if (auto s = store::exec(q, u"listing categories"_s); !s)
        return s.error();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<Id> ProductQueries::idByHandle(QSqlDatabase& db, Id merchantId, const QString& handle)
{
    auto v = store::scalar(db, u"SELECT id FROM products WHERE merchant_id = ? AND handle = ?"_s,
                           {merchantId.value, handle});
    if (!v) {
        if (v.error().code == ErrorCode::NotFound)
            return Id{};
        return v.error();
    }
    return Id{v->toLongLong()};
}

} // namespace souk::catalog
