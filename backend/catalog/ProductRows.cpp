#include "backend/catalog/ProductRows.h"

#include <QVariant>

namespace souk::catalog::rows {
namespace {
constexpr QChar Separator{0x1F};

std::optional<Money> optionalMoney(const QVariant& v, const Currency& currency)
{
    if (v.isNull())
        return std::nullopt;
    return Money(v.toLongLong(), currency);
}

} // namespace

QString joinList(const QStringList& list)
{
    return list.join(Separator);
}

QStringList splitList(const QString& text)
{
    return text.isEmpty() ? QStringList() : text.split(Separator);
}

QString searchText(const Product& product)
{
    QString text = product.title;
    for (const Variant& v : product.variants) {
        text += u' ' + v.sku;
        if (!v.barcode.isEmpty())
            text += u' ' + v.barcode;
    }
    return text.toLower();
}

Product readProduct(const QSqlQuery& q)
{
    Product p;
    p.id = Id{q.value(0).toLongLong()};
    p.merchantId = Id{q.value(1).toLongLong()};
    p.handle = q.value(2).toString();
    p.title = q.value(3).toString();
    p.description = q.value(4).toString();
    p.vendor = q.value(5).toString();
    p.category = q.value(6).toString();
    p.tags = splitList(q.value(7).toString());
    p.status = ProductStatus(q.value(8).toInt());
    p.optionNames = splitList(q.value(9).toString());
    p.version = q.value(10).toLongLong();
    p.createdMs = q.value(11).toLongLong();
    p.updatedMs = q.value(12).toLongLong();
    return p;
}

Variant readVariant(const QSqlQuery& q, const Currency& currency)
{
    Variant v;
    v.id = Id{q.value(0).toLongLong()};
    v.sku = q.value(1).toString();
    v.optionValues = splitList(q.value(2).toString());
    v.price = Money(q.value(3).toLongLong(), currency);
    v.compareAtPrice = optionalMoney(q.value(4), currency);
    v.cost = optionalMoney(q.value(5), currency);
    v.barcode = q.value(7).toString();
    v.weightGrams = q.value(8).toLongLong();
    v.lowStockThreshold = q.value(9).toLongLong();
    v.version = q.value(10).toLongLong();
    return v;
}

} // namespace souk::catalog::rows
