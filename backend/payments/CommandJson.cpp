#include "backend/payments/CommandJson.h"

#include <QMap>

#include <QJsonArray>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using souk::catalog::BulkEdit;
using souk::catalog::BulkResult;
using souk::catalog::BulkSnapshot;

namespace souk::payments {
namespace {

QJsonValue id(Id value)
{
    return value.toString();
}

Id idOf(const QJsonValue& v)
{
    return Id{v.toString().toLongLong()};
}

QJsonArray ids(const QList<Id>& values)
{
    QJsonArray out;
    for (Id v : values)
        out.append(id(v));
    return out;
}

/// A stored result that lacks a field it always has was damaged, or is of another kind.
bool hasAll(const QJsonObject& json, std::initializer_list<QString> keys)
{
    return std::all_of(keys.begin(), keys.end(), [&json](const QString& k) { return json.contains(k); });
}

Error unreadable(const QString& what)
{
    return Error::internal(u"a stored %1 result cannot be read back"_s.arg(what));
}

/// An enumerator kept as its integer, checked against its range; -1 when out of it.
int enumerator(const QJsonValue& v, int last)
{
    const qint64 n = v.toInteger(-1);
    return n >= 0 && n <= last ? int(n) : -1;
}

// Snapshots are kept as rows of arrays, not objects: a bulk edit's can hold many thousands.
QJsonObject snapshot(const BulkSnapshot& s)
{
    QJsonArray products;
    for (const auto& p : s.products)
        products.append(QJsonArray{id(p.id), int(p.status), p.category, p.version});
    QJsonArray variants;
    for (const auto& v : s.variants)
        variants.append(QJsonArray{id(v.id), id(v.productId), v.priceMinor, v.version});
    return {{u"products"_s, products}, {u"variants"_s, variants}};
}

std::optional<BulkSnapshot> snapshotFrom(const QJsonObject& json)
{
    BulkSnapshot out;
    for (const QJsonValue& row : json.value(u"products"_s).toArray()) {
        const QJsonArray a = row.toArray();
        const int status = enumerator(a.at(1), int(catalog::ProductStatus::Archived));
        if (a.size() != 4 || status < 0)
            return std::nullopt;
        out.products.append({idOf(a.at(0)), catalog::ProductStatus(status), a.at(2).toString(), a.at(3).toInteger()});
    }
    for (const QJsonValue& row : json.value(u"variants"_s).toArray()) {
        const QJsonArray a = row.toArray();
        if (a.size() != 4)
            return std::nullopt;
        out.variants.append({idOf(a.at(0)), idOf(a.at(1)), a.at(2).toInteger(), a.at(3).toInteger()});
    }
    return out;
}

std::optional<BulkEdit> bulkEditFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"merchantId"_s, u"productIds"_s, u"kind"_s, u"status"_s, u"rounding"_s}))
        return std::nullopt;
    BulkEdit e;
    e.merchantId = idOf(j.value(u"merchantId"_s));
    for (const QJsonValue& v : j.value(u"productIds"_s).toArray())
        e.productIds.append(idOf(v));
    const int kind = enumerator(j.value(u"kind"_s), int(BulkEdit::Kind::AdjustPriceByPercent));
    const int status = enumerator(j.value(u"status"_s), int(catalog::ProductStatus::Archived));
    const int rounding = enumerator(j.value(u"rounding"_s), int(Rounding::AwayFromZero));
    if (kind < 0 || status < 0 || rounding < 0)
        return std::nullopt;
    e.kind = BulkEdit::Kind(kind);
    e.status = catalog::ProductStatus(status);
    e.category = j.value(u"category"_s).toString();
    e.amountMinor = j.value(u"amountMinor"_s).toInteger();
    e.basisPoints = j.value(u"basisPoints"_s).toInteger();
    e.rounding = Rounding(rounding);
    return e;
}

QJsonValue optionalMinor(const std::optional<Money>& m)
{
    return m ? QJsonValue(m->minor()) : QJsonValue();
}

/// The money of a stored variant: minor units in the variant's currency, or nothing when absent.
std::optional<std::optional<Money>> optionalMoneyFrom(const QJsonValue& v, const Currency& currency)
{
    if (v.isNull() || v.isUndefined())
        return std::optional<Money>();
    if (!v.isDouble())
        return std::nullopt;
    return std::optional<Money>(Money(v.toInteger(), currency));
}

QJsonObject variant(const catalog::Variant& v)
{
    return {{u"id"_s, id(v.id)},
            {u"sku"_s, v.sku},
            {u"optionValues"_s, QJsonArray::fromStringList(v.optionValues)},
            {u"currency"_s, v.price.currency().code},
            {u"priceMinor"_s, v.price.minor()},
            {u"compareAtMinor"_s, optionalMinor(v.compareAtPrice)},
            {u"costMinor"_s, optionalMinor(v.cost)},
            {u"barcode"_s, v.barcode},
            {u"weightGrams"_s, v.weightGrams},
            {u"lowStockThreshold"_s, v.lowStockThreshold},
            {u"version"_s, v.version}};
}

QStringList stringsOf(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out.append(s.toString());
    return out;
}

std::optional<catalog::Variant> variantFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"id"_s, u"sku"_s, u"currency"_s, u"priceMinor"_s, u"version"_s}))
        return std::nullopt;
    auto currency = Currency::find(j.value(u"currency"_s).toString());
    if (!currency)
        return std::nullopt;
    auto compareAt = optionalMoneyFrom(j.value(u"compareAtMinor"_s), *currency);
    auto cost = optionalMoneyFrom(j.value(u"costMinor"_s), *currency);
    if (!compareAt || !cost)
        return std::nullopt;
    catalog::Variant v;
    v.id = idOf(j.value(u"id"_s));
    v.sku = j.value(u"sku"_s).toString();
    v.optionValues = stringsOf(j.value(u"optionValues"_s));
    v.price = Money(j.value(u"priceMinor"_s).toInteger(), *currency);
    v.compareAtPrice = *compareAt;
    v.cost = *cost;
    v.barcode = j.value(u"barcode"_s).toString();
    v.weightGrams = j.value(u"weightGrams"_s).toInteger();
    v.lowStockThreshold = j.value(u"lowStockThreshold"_s).toInteger();
    v.version = j.value(u"version"_s).toInteger();
    return v;
}

std::optional<catalog::Product> productFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"id"_s, u"merchantId"_s, u"handle"_s, u"title"_s, u"status"_s, u"variants"_s, u"version"_s}))
        return std::nullopt;
    const int status = enumerator(j.value(u"status"_s), int(catalog::ProductStatus::Archived));
    if (status < 0)
        return std::nullopt;
    catalog::Product p;
    p.id = idOf(j.value(u"id"_s));
    p.merchantId = idOf(j.value(u"merchantId"_s));
    p.handle = j.value(u"handle"_s).toString();
    p.title = j.value(u"title"_s).toString();
    p.description = j.value(u"description"_s).toString();
    p.vendor = j.value(u"vendor"_s).toString();
    p.category = j.value(u"category"_s).toString();
    p.tags = stringsOf(j.value(u"tags"_s));
    p.status = catalog::ProductStatus(status);
    p.optionNames = stringsOf(j.value(u"optionNames"_s));
    for (const QJsonValue& row : j.value(u"variants"_s).toArray()) {
        auto v = variantFrom(row.toObject());
        if (!v)
            return std::nullopt;
        p.variants.append(*v);
    }
    p.version = j.value(u"version"_s).toInteger();
    p.createdMs = j.value(u"createdMs"_s).toInteger();
    p.updatedMs = j.value(u"updatedMs"_s).toInteger();
    return p;
}

QJsonObject address(const orders::Address& a)
{
    return {{u"id"_s, id(a.id)},         {u"label"_s, a.label},     {u"line1"_s, a.line1}, {u"city"_s, a.city},
            {u"postcode"_s, a.postcode}, {u"country"_s, a.country}, {u"latE6"_s, a.latE6}, {u"lngE6"_s, a.lngE6}};
}

orders::Address addressFrom(const QJsonObject& j)
{
    return {idOf(j.value(u"id"_s)),          j.value(u"label"_s).toString(),    j.value(u"line1"_s).toString(),
            j.value(u"city"_s).toString(),   j.value(u"postcode"_s).toString(), j.value(u"country"_s).toString(),
            j.value(u"latE6"_s).toInteger(), j.value(u"lngE6"_s).toInteger()};
}

} // namespace

QJsonObject CommandJson::stockAdjustment(const catalog::StockAdjustment& a)
{
    return {{u"variantId"_s, id(a.variantId)}, {u"locationId"_s, id(a.locationId)},
            {u"kind"_s, int(a.kind)},          {u"delta"_s, a.delta},
            {u"reason"_s, a.reason.trimmed()}, {u"expectedVersion"_s, a.expectedVersion}};
}

QJsonObject CommandJson::stockLevel(const catalog::StockLevel& l)
{
    return {{u"variantId"_s, id(l.variantId)},
            {u"locationId"_s, id(l.locationId)},
            {u"locationName"_s, l.locationName},
            {u"sku"_s, l.sku},
            {u"onHand"_s, l.onHand},
            {u"reserved"_s, l.reserved},
            {u"lowStockThreshold"_s, l.lowStockThreshold},
            {u"version"_s, l.version}};
}

Result<catalog::StockLevel> CommandJson::stockLevelFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"variantId"_s, u"locationId"_s, u"onHand"_s, u"reserved"_s, u"version"_s}))
        return unreadable(u"stock level"_s);
    catalog::StockLevel l;
    l.variantId = idOf(j.value(u"variantId"_s));
    l.locationId = idOf(j.value(u"locationId"_s));
    l.locationName = j.value(u"locationName"_s).toString();
    l.sku = j.value(u"sku"_s).toString();
    l.onHand = j.value(u"onHand"_s).toInteger();
    l.reserved = j.value(u"reserved"_s).toInteger();
    l.lowStockThreshold = j.value(u"lowStockThreshold"_s).toInteger();
    l.version = j.value(u"version"_s).toInteger();
    return l;
}

QJsonObject CommandJson::bulkEdit(const BulkEdit& e)
{
    return {
        {u"merchantId"_s, id(e.merchantId)}, {u"productIds"_s, ids(e.productIds)}, {u"kind"_s, int(e.kind)},
        {u"status"_s, int(e.status)},        {u"category"_s, e.category},          {u"amountMinor"_s, e.amountMinor},
        {u"basisPoints"_s, e.basisPoints},   {u"rounding"_s, int(e.rounding)}};
}

QJsonObject CommandJson::bulkResult(const BulkResult& r)
{
    return {{u"edit"_s, bulkEdit(r.edit)}, {u"before"_s, snapshot(r.before)}, {u"after"_s, snapshot(r.after)}};
}

Result<BulkResult> CommandJson::bulkResultFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"edit"_s, u"before"_s, u"after"_s}))
        return unreadable(u"bulk edit"_s);
    auto edit = bulkEditFrom(j.value(u"edit"_s).toObject());
    auto before = snapshotFrom(j.value(u"before"_s).toObject());
    auto after = snapshotFrom(j.value(u"after"_s).toObject());
    if (!edit || !before || !after)
        return unreadable(u"bulk edit"_s);
    return BulkResult{*edit, *before, *after};
}

QJsonObject CommandJson::product(const catalog::Product& p)
{
    QJsonArray variants;
    for (const catalog::Variant& v : p.variants)
        variants.append(variant(v));
    return {{u"id"_s, id(p.id)},
            {u"merchantId"_s, id(p.merchantId)},
            {u"handle"_s, p.handle},
            {u"title"_s, p.title},
            {u"description"_s, p.description},
            {u"vendor"_s, p.vendor},
            {u"category"_s, p.category},
            {u"tags"_s, QJsonArray::fromStringList(p.tags)},
            {u"status"_s, int(p.status)},
            {u"optionNames"_s, QJsonArray::fromStringList(p.optionNames)},
            {u"variants"_s, variants},
            {u"version"_s, p.version},
            {u"createdMs"_s, p.createdMs},
            {u"updatedMs"_s, p.updatedMs}};
}

QJsonObject CommandJson::productEdit(const catalog::ProductEdit& e)
{
    return {{u"before"_s, product(e.before)}, {u"after"_s, product(e.after)}};
}

Result<catalog::ProductEdit> CommandJson::productEditFrom(const QJsonObject& j)
{
    auto before = productFrom(j.value(u"before"_s).toObject());
    auto after = productFrom(j.value(u"after"_s).toObject());
    if (!before || !after)
        return unreadable(u"product edit"_s);
    return catalog::ProductEdit{*before, *after};
}

QJsonObject CommandJson::customer(const orders::Customer& c)
{
    QJsonArray addresses;
    for (const auto& a : c.addresses)
        addresses.append(address(a));
    return {{u"id"_s, id(c.id)},   {u"name"_s, c.name},         {u"email"_s, c.email},
            {u"phone"_s, c.phone}, {u"addresses"_s, addresses}, {u"version"_s, c.version}};
}

Result<orders::Customer> CommandJson::customerFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"id"_s, u"name"_s, u"email"_s, u"addresses"_s, u"version"_s}))
        return unreadable(u"customer"_s);
    orders::Customer c;
    c.id = idOf(j.value(u"id"_s));
    c.name = j.value(u"name"_s).toString();
    c.email = j.value(u"email"_s).toString();
    c.phone = j.value(u"phone"_s).toString();
    for (const QJsonValue& a : j.value(u"addresses"_s).toArray())
        c.addresses.append(addressFrom(a.toObject()));
    c.version = j.value(u"version"_s).toInteger();
    return c;
}

QJsonObject CommandJson::terms(const orders::MerchantTerms& t)
{
    QJsonObject out{{u"merchantId"_s, id(t.merchantId)},
            {u"taxRateBp"_s, t.taxRateBp},
            {u"commissionBp"_s, t.commissionBp},
            {u"commissionFixedMinor"_s, t.commissionFixedMinor},
            {u"deliveryFeeMinor"_s, t.deliveryFeeMinor},
            {u"unpaidExpiryMinutes"_s, t.unpaidExpiryMinutes},
            {u"version"_s, t.version}};
    if (t.disputeFeeMinor) { // absent: "keep the fees set", which differs from an empty map
        QJsonObject fees;
        for (auto it = t.disputeFeeMinor->cbegin(); it != t.disputeFeeMinor->cend(); ++it)
            fees.insert(it.key(), it.value());
        out.insert(u"disputeFeeMinor"_s, fees);
    }
    return out;
}

Result<orders::MerchantTerms> CommandJson::termsFrom(const QJsonObject& j)
{
    if (!hasAll(j, {u"merchantId"_s, u"taxRateBp"_s, u"commissionBp"_s, u"unpaidExpiryMinutes"_s, u"version"_s}))
        return unreadable(u"merchant terms"_s);
    orders::MerchantTerms t;
    t.merchantId = idOf(j.value(u"merchantId"_s));
    t.taxRateBp = int(j.value(u"taxRateBp"_s).toInteger());
    t.commissionBp = int(j.value(u"commissionBp"_s).toInteger());
    t.commissionFixedMinor = j.value(u"commissionFixedMinor"_s).toInteger();
    t.deliveryFeeMinor = j.value(u"deliveryFeeMinor"_s).toInteger();
    t.unpaidExpiryMinutes = int(j.value(u"unpaidExpiryMinutes"_s).toInteger());
    t.version = j.value(u"version"_s).toInteger();
    if (j.contains(u"disputeFeeMinor"_s)) {
        QMap<QString, qint64> fees;
        const QJsonObject stored = j.value(u"disputeFeeMinor"_s).toObject();
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
            fees.insert(it.key(), it.value().toInteger());
        t.disputeFeeMinor = fees;
    }
    return t;
}

QJsonObject CommandJson::discountCode(const orders::DiscountCode& d)
{
    return {{u"merchantId"_s, id(d.merchantId)},
            {u"code"_s, d.code.trimmed()},
            {u"kind"_s, int(d.kind)},
            {u"value"_s, d.value},
            {u"active"_s, d.active}};
}

QJsonObject CommandJson::newOrder(const orders::NewOrder& o)
{
    QJsonArray lines;
    for (const auto& l : o.lines)
        lines.append(QJsonObject{{u"sku"_s, l.sku.trimmed()}, {u"quantity"_s, l.quantity}});
    QJsonObject out{{u"merchantId"_s, o.merchantId.toString()},
                    {u"customerId"_s, o.customerId.toString()},
                    {u"lines"_s, lines},
                    {u"discountCode"_s, o.discountCode.trimmed()}};
    if (o.deliveryFeeMinor)
        out.insert(u"deliveryFeeMinor"_s, *o.deliveryFeeMinor);
    return out;
}

} // namespace souk::payments
