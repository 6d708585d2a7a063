#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Money.h"

namespace souk::catalog {

enum class ProductStatus
{
    Draft = 0,
    Active = 1,
    Archived = 2,
};

/// "draft" / "active" / "archived": the stable form used in files, JSON and the database.
QString statusName(ProductStatus status);
/// Parses a status name (case-insensitive); `field` names the input in the error.
Result<ProductStatus> parseStatus(QStringView text, const QString& field);

/// Limits that keep every text field reviewable and every row bounded.
struct Limits
{
    static constexpr int TitleMax = 255;
    static constexpr int HandleMax = 255;
    static constexpr int DescriptionMax = 65536;
    static constexpr int ShortTextMax = 255; ///< vendor, category, option names and values, SKU
    static constexpr int TagsMax = 50;
    static constexpr int TagMax = 64;
    static constexpr int OptionsMax = 3;
    static constexpr int VariantsMax = 100;
    static constexpr int BarcodeMax = 64;
    static constexpr qint64 WeightGramsMax = 1'000'000'000;
    static constexpr qint64 QuantityMax = 1'000'000'000;
};

/// One sellable SKU of a product. Value type, any thread.
struct Variant
{
    Id id;                      ///< null for a new variant
    QString sku;                ///< unique per merchant
    QStringList optionValues;   ///< as many as the product has option names (≤ 3)
    Money price;
    std::optional<Money> compareAtPrice;
    std::optional<Money> cost;
    QString barcode;            ///< empty, or EAN-13 / UPC-A with a valid check digit, or EAN-8
    qint64 weightGrams = 0;
    qint64 lowStockThreshold = 0;
    qint64 version = 0;         ///< 0 for a new variant
};

/// A product with its variants. Value type, any thread. `version` guards concurrent edits.
struct Product
{
    Id id;                    ///< null for a new product
    Id merchantId;
    QString handle;           ///< URL-safe unique key per merchant; derived from the title when empty
    QString title;
    QString description;
    QString vendor;
    QString category;
    QStringList tags;
    ProductStatus status = ProductStatus::Draft;
    QStringList optionNames;  ///< e.g. {"Size", "Colour"}; ≤ 3
    QList<Variant> variants;
    qint64 version = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

} // namespace souk::catalog

Q_DECLARE_METATYPE(souk::catalog::Product)
