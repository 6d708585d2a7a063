// The JSON forms of the catalog's types: products and their variants, bulk edits, stock and
// imports. A product, an edit, a bulk result and an import plan travel both ways (the console
// sends back what it read: undo, run an import), so none of their fields is answered-only.
#include "backend/api/schema/Types.h"

#include <QMutex>

#include <set>
#include <string>

#include "backend/api/schema/TypesSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;

namespace souk::api {
namespace {

/// A template an answer named, kept for the life of the program: ProblemText holds a pointer
/// to static text (a view translates it by its content). Bounded: a node has a few dozen.
const char* internedTemplate(const QString& text)
{
    static QMutex mutex;
    static std::set<std::string> templates;
    constexpr std::size_t TemplatesMax = 1000;
    const QMutexLocker lock(&mutex);
    const std::string key = text.toStdString();
    auto it = templates.find(key);
    if (it == templates.end()) {
        if (templates.size() >= TemplatesMax)
            return nullptr;
        it = templates.insert(key).first;
    }
    return it->c_str();
}

} // namespace

QJsonValue Json<Money>::encode(const Money& v)
{
    return QJsonObject{{u"amount_minor"_s, v.minor()}, {u"currency"_s, v.currency().code}};
}

Status Json<Money>::decode(const QJsonValue& j, Money& out, const QString& path, Source source)
{
    if (!j.isObject())
        return typeError(path, u"an object {amount_minor, currency}"_s);
    const QJsonObject o = j.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (source != Source::Answer && it.key() != u"amount_minor"_s && it.key() != u"currency"_s)
            return Error::invalid(fieldPath(path, it.key()), u"unknown field"_s);
    qint64 minor = 0;
    if (auto s = Json<qint64>::decode(o.value(u"amount_minor"_s), minor, fieldPath(path, u"amount_minor"_s), source); !s)
        return s;
    QString code;
    const QString currencyPath = fieldPath(path, u"currency"_s);
    if (auto s = Json<QString>::decode(o.value(u"currency"_s), code, currencyPath, source); !s)
        return s;
    auto currency = Currency::find(code, currencyPath);
    if (!currency)
        return currency.error();
    out = Money(minor, *currency);
    return {};
}

QJsonObject Json<Money>::schema(Components&)
{
    return {{u"$ref"_s, u"#/components/schemas/Money"_s}};
}

QJsonValue Json<ProblemText>::encode(const ProblemText& v)
{
    if (v.isEmpty())
        return QJsonValue();
    return QJsonObject{{u"template"_s, QString::fromUtf8(v.source)}, {u"args"_s, Json<QStringList>::encode(v.args)}};
}

Status Json<ProblemText>::decode(const QJsonValue& j, ProblemText& out, const QString& path, Source source)
{
    out = {};
    if (j.isNull())
        return {};
    if (!j.isObject())
        return typeError(path, u"an object {template, args} or null"_s);
    const QJsonObject o = j.toObject();
    QString text;
    if (auto s = Json<QString>::decode(o.value(u"template"_s), text, fieldPath(path, u"template"_s), source); !s)
        return s;
    QStringList args;
    if (o.contains(u"args"_s))
        if (auto s = Json<QStringList>::decode(o.value(u"args"_s), args, fieldPath(path, u"args"_s), source); !s)
            return s;
    out.source = internedTemplate(text);
    out.args = out.source ? args : QStringList();
    return {};
}

QJsonObject Json<ProblemText>::schema(Components&)
{
    const QJsonObject string{{u"type"_s, u"string"_s}};
    return {{u"type"_s, QJsonArray{u"object"_s, u"null"_s}},
            {u"properties"_s, QJsonObject{{u"template"_s, string},
                                          {u"args"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, string}}}}},
            {u"required"_s, QJsonArray{u"template"_s, u"args"_s}},
            {u"additionalProperties"_s, false}};
}

const QList<std::pair<ProductStatus, QString>>& EnumNames<ProductStatus>::names()
{
    static const QList<std::pair<ProductStatus, QString>> n{
        {ProductStatus::Draft, u"draft"_s}, {ProductStatus::Active, u"active"_s}, {ProductStatus::Archived, u"archived"_s}};
    return n;
}

const QList<std::pair<MovementKind, QString>>& EnumNames<MovementKind>::names()
{
    static const QList<std::pair<MovementKind, QString>> n{
        {MovementKind::Received, u"received"_s}, {MovementKind::Adjusted, u"adjusted"_s},
        {MovementKind::Sold, u"sold"_s},         {MovementKind::Returned, u"returned"_s},
        {MovementKind::Reserved, u"reserved"_s}, {MovementKind::Released, u"released"_s}};
    return n;
}

const QList<std::pair<CsvFormat, QString>>& EnumNames<CsvFormat>::names()
{
    static const QList<std::pair<CsvFormat, QString>> n{{CsvFormat::Souk, u"souk"_s}, {CsvFormat::Shopify, u"shopify"_s}};
    return n;
}

const QList<std::pair<BulkEdit::Kind, QString>>& EnumNames<BulkEdit::Kind>::names()
{
    using K = BulkEdit::Kind;
    static const QList<std::pair<K, QString>> n{{K::SetStatus, u"set_status"_s},
                                                {K::SetCategory, u"set_category"_s},
                                                {K::AdjustPriceByAmount, u"adjust_price_by_amount"_s},
                                                {K::AdjustPriceByPercent, u"adjust_price_by_percent"_s}};
    return n;
}

const QList<std::pair<Rounding, QString>>& EnumNames<Rounding>::names()
{
    static const QList<std::pair<Rounding, QString>> n{{Rounding::HalfUp, u"half_up"_s},
                                                       {Rounding::HalfEven, u"half_even"_s},
                                                       {Rounding::TowardZero, u"toward_zero"_s},
                                                       {Rounding::AwayFromZero, u"away_from_zero"_s}};
    return n;
}

const ObjectSpec<Variant>& Object<Variant>::spec()
{
    using S = ObjectSpec<Variant>;
    static const auto s =
        S(u"Variant"_s, u"One sellable SKU of a product"_s)
            .field(u"id"_s, &Variant::id, u"The variant's id; null or absent for a new one"_s, S::Optional)
            .field(u"sku"_s, &Variant::sku, u"Unique per merchant"_s)
            .field(u"option_values"_s, &Variant::optionValues, u"One per option name of the product"_s, S::Optional)
            .field(u"price"_s, &Variant::price, u"Its price, in the merchant's currency"_s)
            .field(u"compare_at_price"_s, &Variant::compareAtPrice, u"The price before a sale, or null"_s, S::Optional)
            .field(u"cost"_s, &Variant::cost, u"What it costs the merchant, or null"_s, S::Optional)
            .field(u"barcode"_s, &Variant::barcode, u"EAN-13, UPC-A or EAN-8, or empty"_s, S::Optional)
            .field(u"weight_grams"_s, &Variant::weightGrams, u"Weight in grams"_s, S::Optional)
            .field(u"low_stock_threshold"_s, &Variant::lowStockThreshold, u"Low stock at or under this"_s, S::Optional)
            .field(u"version"_s, &Variant::version, u"The version read; 0 for a new variant"_s, S::Optional);
    return s;
}

const ObjectSpec<Product>& Object<Product>::spec()
{
    using S = ObjectSpec<Product>;
    static const auto s =
        S(u"Product"_s, u"A product with its variants"_s)
            .field(u"id"_s, &Product::id, u"The product's id; null or absent for a new one"_s, S::Optional)
            .field(u"merchant_id"_s, &Product::merchantId, u"Its merchant"_s)
            .field(u"handle"_s, &Product::handle, u"URL-safe key, unique per merchant; empty: from the title"_s,
                   S::Optional)
            .field(u"title"_s, &Product::title, u"Its title"_s)
            .field(u"description"_s, &Product::description, u"Its description"_s, S::Optional)
            .field(u"vendor"_s, &Product::vendor, u"Who makes it"_s, S::Optional)
            .field(u"category"_s, &Product::category, u"Its category"_s, S::Optional)
            .field(u"tags"_s, &Product::tags, u"Its tags"_s, S::Optional)
            .field(u"status"_s, &Product::status, u"draft (the default), active or archived"_s, S::Optional)
            .field(u"option_names"_s, &Product::optionNames, u"Up to three, e.g. Size, Colour"_s, S::Optional)
            .field(u"variants"_s, &Product::variants, u"Its variants, at least one"_s)
            .field(u"version"_s, &Product::version, u"The version read: an update naming an older one fails"_s,
                   S::Optional)
            .field(u"created_ms"_s, &Product::createdMs, u"Created at (ms since epoch); ignored when sent"_s, S::Optional)
            .field(u"updated_ms"_s, &Product::updatedMs, u"Last changed at; ignored when sent"_s, S::Optional);
    return s;
}

const ObjectSpec<ProductSummary>& Object<ProductSummary>::spec()
{
    using P = ProductSummary;
    using S = ObjectSpec<P>;
    static const auto s =
        S(u"ProductSummary"_s, u"A product as the catalog table shows it, with prices and stock folded in"_s)
            .field(u"id"_s, &P::id, u"The product's id"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &P::merchantId, u"Its merchant"_s, S::ReadOnly)
            .field(u"title"_s, &P::title, u"Its title"_s, S::ReadOnly)
            .field(u"handle"_s, &P::handle, u"Its handle"_s, S::ReadOnly)
            .field(u"category"_s, &P::category, u"Its category"_s, S::ReadOnly)
            .field(u"vendor"_s, &P::vendor, u"Its vendor"_s, S::ReadOnly)
            .field(u"status"_s, &P::status, u"Its status"_s, S::ReadOnly)
            .field(u"variant_count"_s, &P::variantCount, u"How many variants"_s, S::ReadOnly)
            .field(u"first_sku"_s, &P::firstSku, u"The first variant's SKU"_s, S::ReadOnly)
            .money(u"price_min"_s, &P::priceMinMinor, &P::currency, u"The lowest variant price"_s)
            .money(u"price_max"_s, &P::priceMaxMinor, &P::currency, u"The highest variant price"_s)
            .field(u"on_hand"_s, &P::onHand, u"Units on hand, all locations"_s, S::ReadOnly)
            .field(u"available"_s, &P::available, u"Units on hand and not reserved"_s, S::ReadOnly)
            .field(u"low_stock"_s, &P::lowStock, u"Some variant is at or under its threshold"_s, S::ReadOnly)
            .field(u"version"_s, &P::version, u"The product's version"_s, S::ReadOnly)
            .field(u"updated_ms"_s, &P::updatedMs, u"Last changed at (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ProductPage>& Object<ProductPage>::spec()
{
    using S = ObjectSpec<ProductPage>;
    static const auto s =
        S(u"ProductList"_s, u"A page of product summaries in id order"_s)
            .computed(
                u"object"_s, [](const ProductPage&) { return QJsonValue(u"list"_s); },
                [](Components&) { return QJsonObject{{u"const"_s, u"list"_s}}; }, u"Always \"list\""_s)
            .field(u"data"_s, &ProductPage::rows, u"The summaries"_s, S::ReadOnly)
            .field(u"has_more"_s, &ProductPage::more, u"Another page follows"_s, S::ReadOnly)
            .field(u"next_after"_s, &ProductPage::nextAfter, u"The starting_after of the next page"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ProductEdit>& Object<ProductEdit>::spec()
{
    using S = ObjectSpec<ProductEdit>;
    static const auto s = S(u"ProductEdit"_s, u"What one save of a product replaced: undo sends it back"_s)
                              .field(u"before"_s, &ProductEdit::before, u"The product as it was"_s)
                              .field(u"after"_s, &ProductEdit::after, u"The product as the save left it"_s);
    return s;
}

const ObjectSpec<BulkEdit>& Object<BulkEdit>::spec()
{
    using S = ObjectSpec<BulkEdit>;
    static const auto s =
        S(u"BulkEdit"_s, u"One change applied to many products in one transaction"_s)
            .field(u"merchant_id"_s, &BulkEdit::merchantId, u"Their merchant"_s)
            .field(u"product_ids"_s, &BulkEdit::productIds, u"The products"_s)
            .field(u"kind"_s, &BulkEdit::kind, u"What to change"_s)
            .field(u"status"_s, &BulkEdit::status, u"For set_status"_s, S::Optional)
            .field(u"category"_s, &BulkEdit::category, u"For set_category"_s, S::Optional)
            .field(u"amount_minor"_s, &BulkEdit::amountMinor,
                   u"For adjust_price_by_amount: added to every price, in minor units (may be negative)"_s, S::Optional)
            .field(u"basis_points"_s, &BulkEdit::basisPoints, u"For adjust_price_by_percent: 1000 = +10 %"_s,
                   S::Optional)
            .field(u"rounding"_s, &BulkEdit::rounding, u"How a percentage rounds (half_up)"_s, S::Optional);
    return s;
}

const ObjectSpec<BulkSnapshot::ProductState>& Object<BulkSnapshot::ProductState>::spec()
{
    using P = BulkSnapshot::ProductState;
    using S = ObjectSpec<P>;
    static const auto s = S(u"BulkProductState"_s, u"A product's values a bulk edit touches"_s)
                              .field(u"id"_s, &P::id, u"The product"_s)
                              .field(u"status"_s, &P::status, u"Its status"_s)
                              .field(u"category"_s, &P::category, u"Its category"_s)
                              .field(u"version"_s, &P::version, u"Its version"_s);
    return s;
}

const ObjectSpec<BulkSnapshot::VariantPrice>& Object<BulkSnapshot::VariantPrice>::spec()
{
    using V = BulkSnapshot::VariantPrice;
    using S = ObjectSpec<V>;
    static const auto s = S(u"BulkVariantPrice"_s, u"A variant's price a bulk edit touches"_s)
                              .field(u"id"_s, &V::id, u"The variant"_s)
                              .field(u"product_id"_s, &V::productId, u"Its product"_s)
                              .field(u"price_minor"_s, &V::priceMinor, u"Its price, minor units of the merchant's currency"_s)
                              .field(u"version"_s, &V::version, u"Its version"_s);
    return s;
}

const ObjectSpec<BulkSnapshot>& Object<BulkSnapshot>::spec()
{
    using S = ObjectSpec<BulkSnapshot>;
    static const auto s = S(u"BulkSnapshot"_s, u"The touched values, before or after a bulk edit"_s)
                              .field(u"products"_s, &BulkSnapshot::products, u"Products"_s)
                              .field(u"variants"_s, &BulkSnapshot::variants, u"Variant prices"_s);
    return s;
}

const ObjectSpec<BulkResult>& Object<BulkResult>::spec()
{
    using S = ObjectSpec<BulkResult>;
    static const auto s = S(u"BulkResult"_s, u"What a bulk edit did: undo sends it back"_s)
                              .field(u"edit"_s, &BulkResult::edit, u"The edit"_s)
                              .field(u"before"_s, &BulkResult::before, u"The values before"_s)
                              .field(u"after"_s, &BulkResult::after, u"The values after"_s);
    return s;
}

const ObjectSpec<StockLevel>& Object<StockLevel>::spec()
{
    using S = ObjectSpec<StockLevel>;
    static const auto s =
        S(u"StockLevel"_s, u"Stock of one variant at one location"_s)
            .field(u"variant_id"_s, &StockLevel::variantId, u"The variant"_s, S::ReadOnly)
            .field(u"location_id"_s, &StockLevel::locationId, u"The location"_s, S::ReadOnly)
            .field(u"location_name"_s, &StockLevel::locationName, u"The location's name"_s, S::ReadOnly)
            .field(u"sku"_s, &StockLevel::sku, u"The variant's SKU"_s, S::ReadOnly)
            .field(u"on_hand"_s, &StockLevel::onHand, u"Units on hand"_s, S::ReadOnly)
            .field(u"reserved"_s, &StockLevel::reserved, u"Units held for orders"_s, S::ReadOnly)
            .computed(
                u"available"_s, [](const StockLevel& l) { return QJsonValue(l.available()); },
                [](Components& c) { return Json<qint64>::schema(c); }, u"on_hand - reserved"_s,
                // derived from the two above: read to check it is a number, kept by them
                [](const QJsonValue& j, StockLevel&, const QString& path, Source source) -> Status {
                    qint64 ignored = 0;
                    return Json<qint64>::decode(j, ignored, path, source);
                })
            .field(u"low_stock_threshold"_s, &StockLevel::lowStockThreshold, u"Low at or under this"_s, S::ReadOnly)
            .field(u"version"_s, &StockLevel::version, u"Bumped on every movement; adjustments may name it"_s,
                   S::ReadOnly);
    return s;
}

const ObjectSpec<StockMovement>& Object<StockMovement>::spec()
{
    using M = StockMovement;
    using S = ObjectSpec<M>;
    static const auto s = S(u"StockMovement"_s, u"One row of the stock journal; never edited"_s)
                              .field(u"id"_s, &M::id, u"The movement's id"_s, S::ReadOnly)
                              .field(u"variant_id"_s, &M::variantId, u"The variant"_s, S::ReadOnly)
                              .field(u"location_id"_s, &M::locationId, u"The location"_s, S::ReadOnly)
                              .field(u"location_name"_s, &M::locationName, u"The location's name"_s, S::ReadOnly)
                              .field(u"kind"_s, &M::kind, u"Why stock moved"_s, S::ReadOnly)
                              .field(u"on_hand_delta"_s, &M::onHandDelta, u"Change of on hand"_s, S::ReadOnly)
                              .field(u"reserved_delta"_s, &M::reservedDelta, u"Change of reserved"_s, S::ReadOnly)
                              .field(u"reason"_s, &M::reason, u"Why, as given"_s, S::ReadOnly)
                              .field(u"actor"_s, &M::actor, u"Who"_s, S::ReadOnly)
                              .field(u"at_ms"_s, &M::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<StockAdjustment>& Object<StockAdjustment>::spec()
{
    using A = StockAdjustment;
    using S = ObjectSpec<A>;
    static const auto s =
        S(u"StockAdjustment"_s, u"Stock moved by hand"_s)
            .field(u"variant_id"_s, &A::variantId, u"The variant"_s)
            .field(u"location_id"_s, &A::locationId, u"The location"_s)
            .field(u"kind"_s, &A::kind, u"received, adjusted (the default), returned, ..."_s, S::Optional)
            .field(u"delta"_s, &A::delta, u"Units, signed; received and returned must be positive"_s)
            .field(u"reason"_s, &A::reason, u"Why; required for adjusted"_s, S::Optional)
            .field(u"expected_version"_s, &A::expectedVersion, u"The level's version seen; -1 (the default): any"_s,
                   S::Optional);
    return s;
}

const ObjectSpec<RowError>& Object<RowError>::spec()
{
    using S = ObjectSpec<RowError>;
    static const auto s =
        S(u"ImportRowError"_s, u"One problem of an import file"_s)
            .field(u"line"_s, &RowError::line, u"The line, 1-based as an editor shows it"_s)
            .field(u"column"_s, &RowError::column, u"The header's name; empty: the whole row"_s, S::Optional)
            .field(u"message"_s, &RowError::message, u"The problem in English"_s)
            .field(u"text"_s, &RowError::text, u"The same as a template and its values, to translate"_s, S::Optional);
    return s;
}

const ObjectSpec<ImportProduct>& Object<ImportProduct>::spec()
{
    using P = ImportProduct;
    using S = ObjectSpec<P>;
    static const auto s =
        S(u"ImportProduct"_s, u"A product read from a file"_s)
            .field(u"product"_s, &P::product, u"The product"_s)
            .field(u"inventory_quantities"_s, &P::inventoryQuantities,
                   u"On hand to set per variant (index-aligned), null: leave"_s, S::Optional)
            .field(u"variant_lines"_s, &P::variantLines, u"The line of each variant"_s, S::Optional)
            .field(u"derived_skus"_s, &P::derivedSkus, u"Per variant: the file had no SKU and Souk made one"_s,
                   S::Optional)
            .field(u"first_line"_s, &P::firstLine, u"The product's first line"_s, S::Optional);
    return s;
}

const ObjectSpec<ImportPlan>& Object<ImportPlan>::spec()
{
    using P = ImportPlan;
    using S = ObjectSpec<P>;
    static const auto s =
        S(u"ImportPlan"_s, u"What a file would import; running it sends the plan back"_s)
            .field(u"products"_s, &P::products, u"The products"_s)
            .field(u"errors"_s, &P::errors, u"Every bad row; a plan with any is not run"_s, S::Optional)
            .field(u"row_count"_s, &P::rowCount, u"Data rows read"_s, S::Optional)
            .field(u"variant_count"_s, &P::variantCount, u"Variants read"_s, S::Optional)
            .field(u"derived_sku_count"_s, &P::derivedSkuCount, u"Variants given a SKU made by Souk"_s, S::Optional)
            .field(u"derived_sku_example"_s, &P::derivedSkuExample, u"The first such SKU"_s, S::Optional)
            .field(u"negative_stock_count"_s, &P::negativeStockCount, u"Quantities below zero, read as 0"_s,
                   S::Optional)
            .field(u"suggested_format"_s, &P::suggestedFormat, u"The other dialect, when the header is its"_s,
                   S::Optional);
    return s;
}

const ObjectSpec<ImportSummary>& Object<ImportSummary>::spec()
{
    using P = ImportSummary;
    using S = ObjectSpec<P>;
    static const auto s = S(u"ImportSummary"_s, u"What an import wrote"_s)
                              .field(u"products_created"_s, &P::productsCreated, u"Products created"_s, S::ReadOnly)
                              .field(u"products_updated"_s, &P::productsUpdated, u"Products updated"_s, S::ReadOnly)
                              .field(u"variants_written"_s, &P::variantsWritten, u"Variants written"_s, S::ReadOnly)
                              .field(u"elapsed_ms"_s, &P::elapsedMs, u"How long it took"_s, S::ReadOnly);
    return s;
}

} // namespace souk::api
