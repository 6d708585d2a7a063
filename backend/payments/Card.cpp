#include "backend/payments/Card.h"

#include <algorithm>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;

namespace souk::payments {

QString Card::digits(const QString& number)
{
    QString out;
    out.reserve(number.size());
    for (QChar c : number) {
        if (c.isDigit() && c.unicode() < 128)
            out.append(c);
        else if (c != u' ' && c != u'-')
            return {};
    }
    return out;
}

bool Card::luhnValid(const QString& digits)
{
    if (digits.size() < 12 || digits.size() > 19)
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

QString Card::brandOf(const QString& d)
{
    const auto prefix = [&d](int n) { return d.left(n).toInt(); };
    if (d.startsWith(u'4'))
        return u"visa"_s;
    if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720))
        return u"mastercard"_s;
    if (prefix(2) == 34 || prefix(2) == 37)
        return u"amex"_s;
    if (prefix(4) == 6011 || prefix(2) == 65 || (prefix(3) >= 644 && prefix(3) <= 649))
        return u"discover"_s;
    if (prefix(4) >= 3528 && prefix(4) <= 3589)
        return u"jcb"_s;
    if (prefix(2) == 62)
        return u"unionpay"_s;
    return u"unknown"_s;
}

Status Card::validate(const CardInput& card, int todayYear, int todayMonth)
{
    const QString d = digits(card.number);
    if (d.isEmpty())
        return Error{ErrorCode::CardInvalid, u"the card number may contain only digits, spaces and dashes"_s,
                     u"card.number"_s};
    if (!luhnValid(d))
        return Error{ErrorCode::CardInvalid, u"the card number is not valid (check digit)"_s, u"card.number"_s};
    if (card.expMonth < 1 || card.expMonth > 12 || card.expYear < 2000 || card.expYear > 2100)
        return Error{ErrorCode::CardInvalid, u"the expiry must be a month 1-12 and a four-digit year"_s,
                     u"card.expiry"_s};
    if (card.expYear < todayYear || (card.expYear == todayYear && card.expMonth < todayMonth))
        return Error{ErrorCode::CardInvalid,
                     u"the card expired in %1/%2"_s.arg(card.expMonth, 2, 10, QChar(u'0')).arg(card.expYear),
                     u"card.expiry"_s};
    const int cvvLength = brandOf(d) == u"amex"_s ? 4 : 3;
    const bool allDigits = std::all_of(card.cvv.cbegin(), card.cvv.cend(), [](QChar c) { return c.isDigit(); });
    if (card.cvv.size() != cvvLength || !allDigits) // no separators here: "1-2" is not a code
        return Error{ErrorCode::CardInvalid, u"the security code must be %1 digits"_s.arg(cvvLength), u"card.cvv"_s};
    return {};
}

CardSummary Card::summarize(const CardInput& card, const QByteArray& secret)
{
    const QByteArray number = digits(card.number).toLatin1();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
         reinterpret_cast<const unsigned char*>(number.constData()), size_t(number.size()), mac, &macLength);
    CardSummary s;
    s.brand = brandOf(QString::fromLatin1(number));
    s.last4 = QString::fromLatin1(number.right(4));
    s.expMonth = card.expMonth;
    s.expYear = card.expYear;
    s.fingerprint = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(mac), int(macLength)).toHex());
    return s;
}

} // namespace souk::payments
