#include "backend/catalog/ProductQueries.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductRows.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

const QString SummaryProductSql =
    u"SELECT id, merchant_id, title, handle, category, vendor, status, version, updated_ms FROM products WHERE %1"_s;

/// Variants of the given products (a JSON array of ids) with stock summed over locations.
const QString SummaryVariantSql = uR"(
SELECT v.product_id, v.position, v.sku, v.price_minor, v.currency, v.low_stock_threshold,
       coalesce(sum(s.on_hand), 0), coalesce(sum(s.on_hand - s.reserved), 0)
FROM variants v LEFT JOIN stock_levels s ON s.variant_id = v.id
WHERE v.product_id IN (SELECT value FROM json_each(?)) GROUP BY v.id)"_s;
const QString SummaryVariantPgSql = uR"(
SELECT v.product_id, v.position, v.sku, v.price_minor, v.currency, v.low_stock_threshold,
       coalesce(sum(s.on_hand), 0), coalesce(sum(s.on_hand - s.reserved), 0)
FROM variants v LEFT JOIN stock_levels s ON s.variant_id = v.id
WHERE v.product_id IN (SELECT value::bigint FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS j(value))
GROUP BY v.id)"_s;

/// Adds one variant row (of SummaryVariantSql) to its product's summary.
void foldVariant(ProductSummary& s, const QSqlQuery& q)
{
    const qint64 price = q.value(3).toLongLong();
    const qint64 threshold = q.value(5).toLongLong();
    const qint64 available = q.value(7).toLongLong();
    s.priceMinMinor = s.variantCount == 0 ? price : std::min(s.priceMinMinor, price);
    s.priceMaxMinor = s.variantCount == 0 ? price : std::max(s.priceMaxMinor, price);
    ++s.variantCount;
    s.currency = q.value(4).toString();
    if (q.value(1).toInt() == 0)
        s.firstSku = q.value(2).toString();
    s.onHand += q.value(6).toLongLong();
    s.available += available;
    s.lowStock = s.lowStock || (threshold > 0 && available <= threshold);
}

/// Product rows chosen by `filter`, then their variants folded in: two indexed queries, joined here.
Result<QList<ProductSummary>> runSummaries(QSqlDatabase& db, const QString& filter, std::initializer_list<QVariant> binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(SummaryProductSql.arg(filter)))
        return store::sqlError(q.lastError(), u"preparing product summaries"_s);
    int i = 0;
    for (const auto& b : binds)
        q.bindValue(i++, b);
    if (!q.exec())
        return store::sqlError(q.lastError(), u"reading product summaries"_s);
    QList<ProductSummary> out;
    QHash<qint64, qsizetype> index;
    QString ids = u"["_s;
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
        if (!out.isEmpty())
            ids += u',';
        ids += QString::number(s.id.value);
        index.insert(s.id.value, out.size());
        out.append(std::move(s));
    }
    if (out.isEmpty())
        return out;
    QSqlQuery v(db);
    v.setForwardOnly(true);
    v.prepare(store::dialect(db, SummaryVariantSql, SummaryVariantPgSql));
    v.bindValue(0, QString(ids + u']'));
    if (auto s = store::exec(v, u"reading variant summaries"_s); !s)
        return s.error();
    while (v.next()) {
        const auto it = index.constFind(v.value(0).toLongLong());
        if (it != index.constEnd())
            foldVariant(out[*it], v);
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
    if (store::isPostgres(db)) {
        // the trigram index answers LIKE for 3 characters and more; strpos() scans for fewer
        QString pattern = needle;
        if (needle.size() >= 3) { // LIKE's own characters stand for themselves
            pattern = u'%' + pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s) + u'%';
            q.prepare(u"SELECT id FROM product_text WHERE text LIKE ? AND merchant_id = ? ORDER BY id LIMIT ?"_s);
        } else {
            q.prepare(
                u"SELECT id FROM product_text WHERE strpos(text, ?) > 0 AND merchant_id = ? ORDER BY id LIMIT ?"_s);
        }
        q.bindValue(0, pattern);
    } else if (needle.size() >= 3) {
        QString phrase = needle;
        phrase.replace(u'"', u"\"\""_s);
        // CROSS JOIN keeps the index driving: otherwise the planner may walk products in id order
        // (to skip the sort) and run one full-text match per product
        q.prepare(u"SELECT p.id FROM product_search s CROSS JOIN products p ON p.id = s.rowid "
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

} // namespace souk::catalog
