#include "backend/catalog/Barcode.h"

#include <algorithm>

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

bool isBarcodeChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'-' ||
           u == u'.' || u == u'_' || u == u'/';
}

bool looksLikeGtin(QStringView code)
{
    const qsizetype length = code.size();
    if (length != 8 && length != 12 && length != 13 && length != 14)
        return false;
    return std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

Status validateBarcode(QStringView code, const QString& field)
{
    if (code.isEmpty())
        return {};
    if (!std::all_of(code.begin(), code.end(), isBarcodeChar))
        return Error::invalid(field, u"barcode may use letters, digits and - . _ / only"_s);
    const qsizetype length = code.size();
    if (length > BarcodeMax)
        return Error::invalid(field, u"barcode must be at most %1 characters"_s.arg(BarcodeMax));
    if (!looksLikeGtin(code))
        return {};
    const int expected = gs1CheckDigit(code.first(length - 1));
    const int actual = code[length - 1].unicode() - u'0';
    if (expected != actual)
        return Error::invalid(field, u"check digit should be %1, not %2"_s.arg(expected).arg(actual));
    return {};
}

} // namespace souk::catalog
