#pragma once

#include <optional>

#include <QString>

#include "backend/core/Currency.h"

namespace souk {

/// What a column of the variant grid holds.
enum class VariantField
{
    Sku,
    Option, ///< one column per option name
    Price,
    CompareAtPrice,
    Cost,
    Barcode,
    WeightGrams,
    LowStockThreshold,
};

/// Reading and checking the text typed into one cell of the variant grid. Pure functions with
/// translated messages (context "VariantTableModel"); any thread.
class VariantCell final
{
public:
    VariantCell() = delete;

    /// The backend's name for the field: "sku", "optionValues", "price", "compareAtPrice", ...
    static QString fieldName(VariantField field);
    /// Empty when `text` is acceptable, else a short translated sentence for the cell's tooltip.
    static QString check(VariantField field, const QString& text, const Currency& currency,
                         const QString& optionName = {});
    /// Normalises what a user may type for money: trims, and reads a lone decimal comma as a point
    /// when the locale writes decimals with a comma. The result goes to Money::parse.
    static QString moneyText(const QString& text);
    /// The whole number in `text` ("" is 0), nullopt when it is not one.
    static std::optional<qint64> integer(const QString& text);
};

} // namespace souk
