#pragma once

#include <QStringView>

#include <array>

#include "backend/catalog/CatalogImport.h"

/// Private to CatalogCsv.cpp and CatalogCsvWriter.cpp: the columns of both CSV dialects.
namespace souk::catalog::csvcolumns {

/// Every column either dialect knows; the names tables say what each is called in each.
// clang-format off
enum Col : int
{
    Handle, Title, Description, Vendor, Category, Tags, Published, StatusCol,
    Option1Name, Option1Value, Option2Name, Option2Value, Option3Name, Option3Value,
    Sku, Weight, InventoryQty, Price, CompareAt, Cost, Barcode, LowStock, CurrencyCol,
    ColCount
};
using Names = std::array<QStringView, ColCount>;

// Shopify has no low-stock threshold or currency column; "Cost per item" is Shopify's own cost column.
inline constexpr Names ShopifyNames{
    u"Handle", u"Title", u"Body (HTML)", u"Vendor", u"Type", u"Tags", u"Published", u"Status",
    u"Option1 Name", u"Option1 Value", u"Option2 Name", u"Option2 Value", u"Option3 Name", u"Option3 Value",
    u"Variant SKU", u"Variant Grams", u"Variant Inventory Qty", u"Variant Price", u"Variant Compare At Price",
    u"Cost per item", u"Variant Barcode", QStringView(), QStringView()};
inline constexpr Names SoukNames{
    u"handle", u"title", u"description", u"vendor", u"category", u"tags", QStringView(), u"status",
    u"option1_name", u"option1_value", u"option2_name", u"option2_value", u"option3_name", u"option3_value",
    u"sku", u"weight_grams", u"inventory_qty", u"price", u"compare_at_price", u"cost", u"barcode",
    u"low_stock_threshold", u"currency"};

/// Shopify's newer product template names some columns otherwise ("URL handle", "SKU",
/// "Compare-at price", "Option1 name", ...); a file may use either set. Matched exactly, as
/// every header is: "price" and "handle" are Souk's own, which is how a Souk file read as
/// Shopify is told apart.
struct Alias
{
    QStringView name;
    Col col;
};
inline constexpr std::array ShopifyAliases{
    Alias{u"URL handle", Handle},          Alias{u"Description", Description},
    Alias{u"Published on online store", Published}, Alias{u"SKU", Sku},
    Alias{u"Barcode", Barcode},            Alias{u"Price", Price},
    Alias{u"Compare-at price", CompareAt}, Alias{u"Inventory quantity", InventoryQty},
    Alias{u"Weight value (grams)", Weight},
    Alias{u"Option1 name", Option1Name},   Alias{u"Option1 value", Option1Value},
    Alias{u"Option2 name", Option2Name},   Alias{u"Option2 value", Option2Value},
    Alias{u"Option3 name", Option3Name},   Alias{u"Option3 value", Option3Value},
};

/// The order columns are written in (Shopify's own export order for its columns).
inline constexpr std::array ShopifyOrder{
    Handle, Title, Description, Vendor, Category, Tags, Published,
    Option1Name, Option1Value, Option2Name, Option2Value, Option3Name, Option3Value,
    Sku, Weight, InventoryQty, Price, CompareAt, Barcode, Cost, StatusCol};
inline constexpr std::array SoukOrder{
    Handle, Title, Description, Vendor, Category, Tags, StatusCol,
    Option1Name, Option1Value, Option2Name, Option2Value, Option3Name, Option3Value,
    Sku, Price, CompareAt, Cost, Barcode, Weight, LowStock, InventoryQty, CurrencyCol};

inline constexpr std::array ShopifyRequired{Handle, Title, Price};
inline constexpr std::array SoukRequired{Handle, Title, Sku, Price};
inline constexpr std::array OptionNameCols{Option1Name, Option2Name, Option3Name};
inline constexpr std::array OptionValueCols{Option1Value, Option2Value, Option3Value};
/// The columns a Shopify image-only row leaves empty.
inline constexpr std::array VariantCols{
    Sku, Weight, InventoryQty, Price, CompareAt, Cost, Barcode, Option1Value, Option2Value, Option3Value};
// clang-format on

/// Shopify's stand-in option for single-variant products: Option1 Name "Title", value "Default Title".
inline constexpr QStringView DefaultTitleName = u"Title";
inline constexpr QStringView DefaultTitleValue = u"Default Title";

inline const Names& namesFor(CsvFormat format)
{
    return format == CsvFormat::Shopify ? ShopifyNames : SoukNames;
}

} // namespace souk::catalog::csvcolumns
