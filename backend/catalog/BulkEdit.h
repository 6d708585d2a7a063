#pragma once

#include <QList>
#include <QString>

#include "backend/catalog/Product.h"

namespace souk::catalog {

/// One change applied to many products at once, in one transaction: all or nothing.
struct BulkEdit
{
    enum class Kind
    {
        SetStatus,
        SetCategory,
        AdjustPriceByAmount,  ///< add amountMinor (may be negative) to every variant price
        AdjustPriceByPercent, ///< multiply by (10000 + basisPoints) / 10000, rounded as told
    };
    static constexpr int ProductsMax = 200'000;

    Id merchantId;
    QList<Id> productIds;
    Kind kind = Kind::SetStatus;
    ProductStatus status = ProductStatus::Active;
    QString category;
    qint64 amountMinor = 0;
    qint64 basisPoints = 0; ///< 1000 = +10 %, -2500 = -25 %
    Rounding rounding = Rounding::HalfUp;
};

/// Values of the touched entities, before or after a bulk edit: what undo needs.
struct BulkSnapshot
{
    struct ProductState
    {
        Id id;
        ProductStatus status;
        QString category;
        qint64 version = 0;
    };
    struct VariantPrice
    {
        Id id;
        Id productId;
        qint64 priceMinor = 0;
        qint64 version = 0;
    };
    QList<ProductState> products;
    QList<VariantPrice> variants;
};

/// What a bulk edit did. Undo restores `before` if nothing changed since `after`.
struct BulkResult
{
    BulkEdit edit;
    BulkSnapshot before;
    BulkSnapshot after;
    int productsChanged() const { return int(after.products.size()); }
    int variantsChanged() const { return int(after.variants.size()); }
};

} // namespace souk::catalog
