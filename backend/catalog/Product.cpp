#include "backend/catalog/Product.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {

QString statusName(ProductStatus status)
{
    switch (status) {
    case ProductStatus::Draft: return u"draft"_s;
    case ProductStatus::Active: return u"active"_s;
    case ProductStatus::Archived: return u"archived"_s;
    }
    return u"draft"_s;
}

Result<ProductStatus> parseStatus(QStringView text, const QString& field)
{
    const QString t = text.trimmed().toString().toLower();
    if (t == u"draft")
        return ProductStatus::Draft;
    if (t == u"active")
        return ProductStatus::Active;
    if (t == u"archived")
        return ProductStatus::Archived;
    return Error::invalid(field, u"status must be draft, active or archived, not \""_s + text.left(40).toString() + u'"');
}

} // namespace souk::catalog
