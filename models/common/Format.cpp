#include "models/common/Format.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include "backend/core/Money.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Gives the free functions of this file the translation context "Format".
class Format final
{
    Q_DECLARE_TR_FUNCTIONS(Format)
};

/// Symbols that mean one currency wherever they are read (CLDR English forms). "$" alone is left to
/// the locale whose currency it is; elsewhere USD is "US$".
QString wellKnownSymbol(const QString& code, const QString& localeCurrency)
{
    static const QHash<QString, QString> symbols{
        {u"EUR"_s, u"€"_s}, {u"GBP"_s, u"£"_s},   {u"INR"_s, u"₹"_s}, {u"KRW"_s, u"₩"_s},   {u"ILS"_s, u"₪"_s},
        {u"NGN"_s, u"₦"_s}, {u"VND"_s, u"₫"_s},   {u"UAH"_s, u"₴"_s}, {u"TRY"_s, u"₺"_s},   {u"RUB"_s, u"₽"_s},
        {u"PHP"_s, u"₱"_s}, {u"USD"_s, u"US$"_s}, {u"JPY"_s, u"¥"_s}, {u"CNY"_s, u"CN¥"_s},
    };
    // where ¥ means the yuan, the yen needs its prefix
    if (code == u"JPY"_s && localeCurrency == u"CNY"_s)
        return u"JP¥"_s;
    return symbols.value(code);
}

/// The locale's digits for an ASCII digit string (Arabic-Indic digits in ar_EG, for example).
QString localDigits(const QString& ascii, const QLocale& locale)
{
    const QString zero = locale.zeroDigit();
    if (zero == u"0"_s || zero.size() != 1)
        return ascii; // non-BMP zero digits are rare; ASCII stays readable
    QString out = ascii;
    for (QChar& c : out)
        c = QChar(char16_t(zero.at(0).unicode() + (c.unicode() - u'0')));
    return out;
}

/// The unsigned number part: grouped major units, then the locale's decimal point and the minor digits.
QString numberPart(quint64 magnitude, int exponent, const QLocale& locale)
{
    quint64 perMajor = 1;
    for (int i = 0; i < exponent; ++i)
        perMajor *= 10;
    const quint64 major = magnitude / perMajor;
    QString text = locale.toString(qulonglong(major));
    if (exponent > 0) {
        const QString fraction = u"%1"_s.arg(qulonglong(magnitude % perMajor), exponent, 10, QChar(u'0'));
        text += locale.decimalPoint() + localDigits(fraction, locale);
    }
    return text;
}

} // namespace

QString currencySymbol(const souk::Currency& currency, const QLocale& locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == currency.code)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    const QString known = wellKnownSymbol(currency.code, locale.currencySymbol(QLocale::CurrencyIsoCode));
    return known.isEmpty() ? currency.code : known;
}

QString formatMoneyIn(qint64 minor, const QString& currencyCode, const QLocale& locale)
{
    const auto found = Currency::find(currencyCode);
    return found ? formatMoney(minor, *found, locale) : u"%1 %2"_s.arg(minor).arg(currencyCode);
}

QString formatMoney(qint64 minor, const souk::Currency& currency, const QLocale& locale)
{
    // |INT64_MIN| does not fit in qint64: take the magnitude in unsigned arithmetic
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    const QString number = numberPart(magnitude, qMax(0, currency.exponent), locale);

    // Learn the locale's pattern (symbol side, spacing, sign form) from an integer it formats exactly.
    const QString marker = u"\u00a4"_s; // the generic currency sign
    const QString pattern = locale.toCurrencyString(qlonglong(negative ? -7 : 7), marker);
    const QString seven = locale.toString(7);
    const qsizetype at = pattern.lastIndexOf(seven);
    if (at < 0)
        return (negative ? locale.negativeSign() : QString()) + currency.code + u'\u00a0' + number;

    QString symbol = currencySymbol(currency, locale);
    QString result = pattern.left(at) + number + pattern.mid(at + seven.size());
    const qsizetype markerAt = result.indexOf(marker);
    if (markerAt >= 0) {
        // a letter symbol ("KWD") glued to digits is hard to read: keep a no-break space between them
        const bool symbolIsWord = std::all_of(symbol.cbegin(), symbol.cend(), [](QChar c) { return c.isLetter(); });
        const bool before = markerAt < result.indexOf(number);
        const qsizetype neighbourAt = before ? markerAt + marker.size() : markerAt - 1;
        const bool spaced = neighbourAt >= 0 && neighbourAt < result.size() && result.at(neighbourAt).isSpace();
        const QString noBreakSpace(QChar(0x00a0));
        if (symbolIsWord && !spaced)
            symbol = before ? QString(symbol + noBreakSpace) : QString(noBreakSpace + symbol);
        result.replace(markerAt, marker.size(), symbol);
    }
    return result;
}

QString formatMoney(const souk::Money& amount, const QLocale& locale)
{
    return formatMoney(amount.minor(), amount.currency(), locale);
}

QString formatMoneyRange(qint64 minMinor, qint64 maxMinor, const souk::Currency& currency, const QLocale& locale)
{
    if (minMinor == maxMinor)
        return formatMoney(minMinor, currency, locale);
    //: a price range, e.g. "€5.00 – €9.50"
    return Format::tr("%1 \u2013 %2")
        .arg(formatMoney(minMinor, currency, locale), formatMoney(maxMinor, currency, locale));
}

QString moneyEditText(qint64 minor, const souk::Currency& currency)
{
    return Money(minor, currency).toDecimalString();
}

QString formatDateTime(qint64 msSinceEpoch, const QLocale& locale)
{
    if (msSinceEpoch == 0)
        return {};
    return locale.toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime(), QLocale::ShortFormat);
}

QString formatQuantity(qint64 quantity, const QLocale& locale)
{
    return locale.toString(qlonglong(quantity));
}

} // namespace souk
