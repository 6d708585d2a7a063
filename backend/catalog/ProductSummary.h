#pragma once

#include <QList>
#include <QString>

#include "backend/catalog/Product.h"

namespace souk::catalog {

/// One catalog table row: a product with its variants' prices and stock folded in. Value type.
struct ProductSummary
{
    Id id;
    Id merchantId;
    QString title;
    QString handle;
    QString category;
    QString vendor;
    ProductStatus status = ProductStatus::Draft;
    int variantCount = 0;
    QString firstSku;
    qint64 priceMinMinor = 0;
    qint64 priceMaxMinor = 0;
    QString currency;
    qint64 onHand = 0;
    qint64 available = 0;
    bool lowStock = false; ///< some variant's available stock is at or under its threshold
    qint64 version = 0;
    qint64 updatedMs = 0;
};

/// A page of summaries in id order (keyset paging: pass `nextAfter` back as `afterId`).
struct ProductPage
{
    QList<ProductSummary> rows;
    Id nextAfter;
    bool more = false;
};

struct ProductPageQuery
{
    Id merchantId;
    Id afterId;
    int limit = 1000; ///< capped at PageRowsMax
    static constexpr int PageRowsMax = 5000;
};

} // namespace souk::catalog
