#pragma once

#include <QString>
#include <QStringView>

#include "backend/core/Result.h"

namespace souk::catalog {

/// The longest barcode kept (Code 128 labels and ISBNs fit easily).
inline constexpr qsizetype BarcodeMax = 64;

/// Whether a barcode may hold `c`: an ASCII letter or digit, or one of - . _ /
bool isBarcodeChar(QChar c);

/// Whether `code` is shaped like a GS1 number (GTIN): 8, 12, 13 or 14 digits (EAN-8, UPC-A,
/// EAN-13, GTIN-14), whose last digit is a check digit.
bool looksLikeGtin(QStringView code);

/// Accepts an empty code (no barcode); a GTIN-shaped code whose GS1 check digit is right (the
/// check catches a mistyped or transposed digit where it matters most); and any other code of
/// ASCII letters, digits and - . _ / up to BarcodeMax characters: a merchant's own codes, ISBN-10,
/// Code 128 labels, which Shopify's barcode column takes too. `field` names the input in the
/// error. Pure function, any thread.
Status validateBarcode(QStringView code, const QString& field);

/// The GS1 check digit (0-9) for `digits` without its check digit; -1 if a character is not 0-9.
int gs1CheckDigit(QStringView digits);

} // namespace souk::catalog
