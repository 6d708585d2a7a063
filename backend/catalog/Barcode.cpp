#include "backend/catalog/Barcode.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {

int gs1CheckDigit(QStringView digits)
{
    // GS1 general specification 7.9.1: weights 3,1,3,1... from the rightmost data digit.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const char16_t c = digits[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        sum += (c - u'0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

Status validateBarcode(QStringView code, const QString& field)
{
    if (code.isEmpty())
        return {};
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return Error::invalid(field, u"barcode must contain digits only"_s);
    }
    const qsizetype length = code.size();
    if (length != 8 && length != 12 && length != 13) {
        return Error::invalid(field,
                              u"barcode must have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits, not %1"_s.arg(length));
    }
    const int expected = gs1CheckDigit(code.first(length - 1));
    const int actual = code[length - 1].unicode() - u'0';
    if (expected != actual)
        return Error::invalid(field, u"check digit should be %1, not %2"_s.arg(expected).arg(actual));
    return {};
}

} // namespace souk::catalog
