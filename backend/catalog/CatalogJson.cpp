#include "backend/catalog/CatalogJson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace souk::catalog {

QJsonObject toJson(const Money& money)
{
    // minor units as a string: a JSON number loses precision past 2^53
    return {{u"minor"_s, QString::number(money.minor())},
            {u"currency"_s, money.currency().code},
            {u"amount"_s, money.toDecimalString()}};
}

QJsonObject toJson(const ProductSummary& s)
{
    auto currency = Currency::find(s.currency);
    QJsonObject o{{u"id"_s, s.id.toString()},
                  {u"merchantId"_s, s.merchantId.toString()},
                  {u"title"_s, s.title},
                  {u"handle"_s, s.handle},
                  {u"category"_s, s.category},
                  {u"vendor"_s, s.vendor},
                  {u"status"_s, statusName(s.status)},
                  {u"variantCount"_s, s.variantCount},
                  {u"firstSku"_s, s.firstSku},
                  {u"onHand"_s, QString::number(s.onHand)},
                  {u"available"_s, QString::number(s.available)},
                  {u"lowStock"_s, s.lowStock},
                  {u"version"_s, QString::number(s.version)}};
    if (currency) {
        o.insert(u"priceMin"_s, toJson(Money(s.priceMinMinor, *currency)));
        o.insert(u"priceMax"_s, toJson(Money(s.priceMaxMinor, *currency)));
    }
    return o;
}

QJsonObject toJson(const Product& p)
{
    QJsonArray variants;
    for (const Variant& v : p.variants) {
        QJsonObject o{{u"id"_s, v.id.toString()},
                      {u"sku"_s, v.sku},
                      {u"optionValues"_s, QJsonArray::fromStringList(v.optionValues)},
                      {u"price"_s, toJson(v.price)},
                      {u"barcode"_s, v.barcode},
                      {u"weightGrams"_s, QString::number(v.weightGrams)},
                      {u"lowStockThreshold"_s, QString::number(v.lowStockThreshold)},
                      {u"version"_s, QString::number(v.version)}};
        if (v.compareAtPrice)
            o.insert(u"compareAtPrice"_s, toJson(*v.compareAtPrice));
        if (v.cost)
            o.insert(u"cost"_s, toJson(*v.cost));
        variants.append(o);
    }
    return {{u"id"_s, p.id.toString()},
            {u"merchantId"_s, p.merchantId.toString()},
            {u"handle"_s, p.handle},
            {u"title"_s, p.title},
            {u"description"_s, p.description},
            {u"vendor"_s, p.vendor},
            {u"category"_s, p.category},
            {u"tags"_s, QJsonArray::fromStringList(p.tags)},
            {u"status"_s, statusName(p.status)},
            {u"optionNames"_s, QJsonArray::fromStringList(p.optionNames)},
            {u"variants"_s, variants},
            {u"version"_s, QString::number(p.version)}};
}

} // namespace souk::catalog
