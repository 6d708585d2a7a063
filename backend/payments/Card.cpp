#include "backend/payments/Card.h"

#include <QHash>
#include <QHostAddress>

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
    s.bin = QString::fromLatin1(number.left(6));
    s.country = issuerCountry(QString::fromLatin1(number));
    return s;
}

QString Card::issuerCountry(const QString& d)
{
    // ISO 3166 numeric -> alpha-2 for the countries the simulated network issues cards in
    static const QHash<int, QString> numeric{
        {36, u"AU"_s},  {40, u"AT"_s},  {56, u"BE"_s},  {76, u"BR"_s},  {124, u"CA"_s}, {156, u"CN"_s},
        {208, u"DK"_s}, {246, u"FI"_s}, {250, u"FR"_s}, {276, u"DE"_s}, {344, u"HK"_s}, {356, u"IN"_s},
        {372, u"IE"_s}, {380, u"IT"_s}, {392, u"JP"_s}, {484, u"MX"_s}, {528, u"NL"_s}, {554, u"NZ"_s},
        {566, u"NG"_s}, {578, u"NO"_s}, {616, u"PL"_s}, {620, u"PT"_s}, {642, u"RO"_s}, {643, u"RU"_s},
        {702, u"SG"_s}, {710, u"ZA"_s}, {724, u"ES"_s}, {752, u"SE"_s}, {756, u"CH"_s}, {784, u"AE"_s},
        {826, u"GB"_s}, {840, u"US"_s}, {804, u"UA"_s}, {764, u"TH"_s}, {704, u"VN"_s}, {458, u"MY"_s},
    };
    if (d.size() >= 9 && d.startsWith(u"400000"_s)) {
        if (const auto it = numeric.constFind(d.mid(6, 3).toInt()); it != numeric.constEnd())
            return *it;
    }
    // the provider's own test numbers: issued in the United States, as the networks' are
    if (d.startsWith(u"4000000000"_s) || d.startsWith(u"424242"_s) || d.startsWith(u"555555"_s)
        || d.startsWith(u"378282"_s))
        return u"US"_s;
    if (d.startsWith(u"62"_s))
        return u"CN"_s;
    if (d.startsWith(u"35"_s))
        return u"JP"_s;
    return {};
}

namespace {

bool isCountry(const QString& c)
{
    return c.size() == 2 && c[0] >= u'A' && c[0] <= u'Z' && c[1] >= u'A' && c[1] <= u'Z';
}

} // namespace

Status PaymentContext::validate() const
{
    const auto country = [](const QString& value, const QString& field) -> Status {
        if (!value.isEmpty() && !isCountry(value))
            return Error::invalid(field, u"'%1' is not an ISO 3166-1 alpha-2 country code (two capital letters, "
                                         "e.g. US)"_s.arg(value.left(40)));
        return {};
    };
    if (auto s = country(ipCountry, u"context.ip_country"_s); !s)
        return s;
    if (auto s = country(shippingCountry, u"context.shipping_country"_s); !s)
        return s;
    if (auto s = country(billingCountry, u"context.billing_country"_s); !s)
        return s;
    if (email.size() > 254 || (!email.isEmpty() && (!email.contains(u'@') || email.startsWith(u'@')
                                                    || email.endsWith(u'@') || email.contains(u' '))))
        return Error::invalid(u"context.email"_s, u"not an email address (name@domain, at most 254 characters)"_s);
    if (!ip.isEmpty() && QHostAddress(ip).isNull())
        return Error::invalid(u"context.ip"_s, u"'%1' is not an IPv4 or IPv6 address"_s.arg(ip.left(60)));
    if (deviceId.size() > 128)
        return Error::invalid(u"context.device_id"_s, u"at most 128 characters"_s);
    if (shippingDistanceKm && (*shippingDistanceKm < 0 || *shippingDistanceKm > 40'100))
        return Error::invalid(u"context.shipping_distance_km"_s,
                              u"must be between 0 and 40,100 km (the length of the equator)"_s);
    return {};
}

} // namespace souk::payments
