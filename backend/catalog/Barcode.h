#pragma once

#include <QString>
#include <QStringView>

#include "backend/core/Result.h"

namespace souk::catalog {

/// Accepts an empty code (no barcode), or an EAN-13, UPC-A (12 digits) or EAN-8 code whose GS1
/// check digit is right. `field` names the input in the error. Pure function, any thread.
Status validateBarcode(QStringView code, const QString& field);

/// The GS1 check digit (0-9) for `digits` without its check digit; -1 if a character is not 0-9.
int gs1CheckDigit(QStringView digits);

} // namespace souk::catalog
