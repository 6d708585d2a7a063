#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include "backend/catalog/Product.h"
#include "backend/core/Currency.h"
#include "backend/core/Error.h"

namespace souk::catalog {

/// Every problem with `p`, each an Error::invalid or Error::duplicate whose field names the exact
/// spot ("title", "variants[2].price"); empty when the product may be stored. Lengths count Unicode
/// code points, limits come from Limits. Pure function, any thread.
QList<Error> validateProduct(const Product& p, const Currency& merchantCurrency);

/// A handle derived from a title: lower-case letters and digits of any script (with their combining
/// marks) joined by single dashes, at most Limits::HandleMax code points; "product" when nothing is left.
QString makeHandle(const QString& title);

/// True when `handle` is non-empty and has the shape makeHandle() produces.
bool isValidHandle(QStringView handle);

/// Unicode code points in `text` (a surrogate pair counts once).
qsizetype codePointCount(QStringView text);

} // namespace souk::catalog
