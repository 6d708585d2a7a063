#include "backend/catalog/ImportSku.h"

#include <QCryptographicHash>

#include "backend/catalog/Product.h"
#include "backend/catalog/ProductValidator.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

/// `hexChars` hex digits of the SHA-1 of `text`: stable across runs, platforms and Qt versions.
QString shortHash(const QString& text, int hexChars)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(hexChars));
}

/// makeHandle() answers "product" when nothing is left of a text ("½", "+"): such a value would
/// make every one of them the same SKU, so it stands as a hash of itself instead.
QString part(const QString& text)
{
    const QString normalized = normalizedIdentifier(text);
    const QString slug = makeHandle(normalized);
    if (slug == u"product" && !normalized.contains(u"product"_s, Qt::CaseInsensitive))
        return u"x"_s + shortHash(normalized, 6);
    return slug;
}

} // namespace

QString derivedSku(const QString& handle, const QStringList& optionValues)
{
    QStringList parts{part(handle)};
    for (const QString& value : optionValues)
        parts.append(part(value));
    const QString sku = parts.join(u'-');
    if (codePointCount(sku) <= Limits::ShortTextMax)
        return sku;
    // 240 UTF-16 units are at most 240 code points; with "-" and 8 hex digits that stays under the limit
    qsizetype cut = 240;
    if (sku[cut - 1].isHighSurrogate())
        --cut;
    return sku.left(cut) + u'-' + shortHash(sku, 8);
}

} // namespace souk::catalog
