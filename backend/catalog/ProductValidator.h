#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include "backend/catalog/ProblemText.h"
#include "backend/catalog/Product.h"
#include "backend/core/Currency.h"
#include "backend/core/Error.h"

namespace souk::catalog {

/// Bounds on what one order can add up, checked where prices are entered (validateProduct) and
/// where order lines are taken (OrderService), so checkout never meets an amount it cannot total.
/// The worst order, PriceMinorMax × LineQuantityMax × OrderLinesMax = 10^18 minor units, still fits
/// int64 (≈ 9.22 × 10^18) with a 100 % tax and a large delivery fee beside it. 10^11 minor units is
/// a unit price of a billion EUR (or 10^8 KWD, 10^11 JPY).
struct AmountLimits
{
    static constexpr qint64 PriceMinorMax = 100'000'000'000;
    static constexpr qint64 LineQuantityMax = 100'000;
    static constexpr int OrderLinesMax = 100;
};

/// One problem productProblems() finds, with what an import needs to show it on its own line.
struct ProductProblem
{
    Error error;           ///< as validateProduct() returns it: code, English message, field ("variants[2].price")
    int variant = -1;      ///< the variant the field belongs to; -1 for a product field
    QString field;         ///< the field without its variant: "price", "optionValues", "title"
    ProblemText text;      ///< the sentence for people: translatable, naming no field or variant index
    int otherVariant = -1; ///< the earlier variant a duplicate SKU or option combination repeats; -1 if none
};

/// Every problem with `p`, each an Error::invalid or Error::duplicate whose field names the exact
/// spot ("title", "variants[2].price"); empty when the product may be stored. Lengths count Unicode
/// code points, limits come from Limits. Pure function, any thread.
QList<Error> validateProduct(const Product& p, const Currency& merchantCurrency);

/// validateProduct() with each problem's parts apart, for the catalog import. Pure function, any thread.
QList<ProductProblem> productProblems(const Product& p, const Currency& merchantCurrency);

/// A handle derived from a title: lower-case letters and digits of any script (with their combining
/// marks) joined by single dashes, at most Limits::HandleMax code points; "product" when nothing is left.
QString makeHandle(const QString& title);

/// True when `handle` is non-empty and has the shape makeHandle() produces.
bool isValidHandle(QStringView handle);

/// Unicode code points in `text` (a surrogate pair counts once).
qsizetype codePointCount(QStringView text);

/// An identifier (SKU, handle, option name or value) as stored and compared: trimmed and in Unicode
/// NFC, so "é" typed as one code point or as e + U+0301 is the same SKU.
QString normalizedIdentifier(const QString& text);

/// The first code point that must not appear in an identifier: C0/C1 controls and the invisible
/// format characters (U+00AD, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF);
/// 0 when there is none.
char32_t forbiddenIdentifierChar(QStringView text);

/// The first bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
/// can make displayed text read differently from what is stored; 0 when there is none.
char32_t bidiControlChar(QStringView text);

} // namespace souk::catalog
