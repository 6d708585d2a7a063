#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include "backend/catalog/Product.h"
#include "backend/catalog/ProductSummary.h"

namespace souk::catalog {

/// Read-side catalog queries. Stateless; any thread with its own connection.
class ProductQueries final
{
public:
    static constexpr int SearchLimitMax = 200'000;

    static Result<Product> product(QSqlDatabase& db, Id productId);
    /// Products of a merchant with their variants, in id order, from `afterId`; for export and checks.
    static Result<QList<Product>> products(QSqlDatabase& db, Id merchantId, Id afterId, int limit);
    static Result<ProductPage> page(QSqlDatabase& db, const ProductPageQuery& query);
    static Result<QList<ProductSummary>> summaries(QSqlDatabase& db, const QList<Id>& productIds);
    /// Substring search in titles, SKUs and barcodes, any script, case-insensitive. Trigram
    /// index for 3+ characters; shorter queries (e.g. "蓝牙") scan the search column.
    static Result<QList<Id>> search(QSqlDatabase& db, Id merchantId, const QString& text, int limit);
    static Result<QStringList> categories(QSqlDatabase& db, Id merchantId);
};

} // namespace souk::catalog
