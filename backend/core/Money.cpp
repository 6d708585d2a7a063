#include "backend/core/Money.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

// 128-bit intermediates keep products of two int64 exact; a GCC/Clang extension, hence __extension__
__extension__ typedef __int128 Int128;

Error mixedCurrencies(const Money& a, const Money& b)
{
    return Error::invalid(u"currency"_s, u"cannot combine "_s + a.currency().code + u" with "_s + b.currency().code);
}

bool fitsInt64(Int128 v)
{
    return v >= std::numeric_limits<qint64>::min() && v <= std::numeric_limits<qint64>::max();
}

} // namespace

Result<qint64> divideRounded128(Int128 numerator, qint64 denominator, Rounding rounding)
{
    if (denominator == 0)
        return Error::invalid(u"denominator"_s, u"division by zero"_s);
    Int128 n = numerator;
    Int128 d = denominator;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    Int128 q = n / d; // truncates toward zero
    const Int128 r = n % d;
    if (r != 0) {
        const int sign = n < 0 ? -1 : 1;
        const Int128 twice = (r < 0 ? -r : r) * 2;
        bool away = false;
        switch (rounding) {
        case Rounding::TowardZero: away = false; break;
        case Rounding::AwayFromZero: away = true; break;
        case Rounding::HalfUp: away = twice >= d; break;
        case Rounding::HalfEven: away = twice > d || (twice == d && (q % 2 != 0)); break;
        }
        if (away)
            q += sign;
    }
    if (!fitsInt64(q))
        return Error::overflow(u"amount"_s);
    return qint64(q);
}

Result<qint64> divideRounded(qint64 numerator, qint64 denominator, Rounding rounding)
{
    return divideRounded128(numerator, denominator, rounding);
}

Result<qint64> checkedAdd(qint64 a, qint64 b, const QString& field)
{
    qint64 out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return Error::overflow(field);
    return out;
}

Result<qint64> checkedSub(qint64 a, qint64 b, const QString& field)
{
    qint64 out = 0;
    if (__builtin_sub_overflow(a, b, &out))
        return Error::overflow(field);
    return out;
}

Result<qint64> checkedMul(qint64 a, qint64 b, const QString& field)
{
    qint64 out = 0;
    if (__builtin_mul_overflow(a, b, &out))
        return Error::overflow(field);
    return out;
}

Result<qint64> checkedNegate(qint64 a, const QString& field)
{
    qint64 out = 0;
    if (__builtin_sub_overflow(qint64(0), a, &out)) // only INT64_MIN: its opposite is INT64_MAX + 1
        return Error::overflow(field);
    return out;
}

Result<qint64> checkedSum(std::initializer_list<qint64> values, const QString& field)
{
    qint64 sum = 0;
    for (qint64 v : values) {
        if (__builtin_add_overflow(sum, v, &sum))
            return Error::overflow(field);
    }
    return sum;
}

Result<qint64> checkedScale(qint64 a, qint64 numerator, qint64 denominator, Rounding rounding, const QString& field)
{
    auto q = divideRounded128(Int128(a) * numerator, denominator, rounding);
    if (!q && q.error().code == ErrorCode::Overflow)
        return Error::overflow(field);
    return q;
}

Result<Money> Money::ofMinor(qint64 minor, QStringView currencyCode, const QString& field)
{
    auto currency = Currency::find(currencyCode, field);
    if (!currency)
        return currency.error();
    return Money(minor, std::move(currency).value());
}

Result<Money> Money::parse(QStringView text, const Currency& currency, const QString& field)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Error::invalid(field, u"an amount is required"_s);
    if (t.size() > 32)
        return Error::invalid(field, u"amount is too long"_s);
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == u'-' || t[0] == u'+') {
        negative = t[0] == u'-';
        ++i;
    }
    Int128 units = 0;
    int decimals = 0;
    bool seenDot = false;
    bool seenDigit = false;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c == u'.') {
            if (seenDot)
                return Error::invalid(field, u"not a number: "_s + t.toString());
            seenDot = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return Error::invalid(field, u"not a number: "_s + t.toString());
        seenDigit = true;
        if (seenDot)
            ++decimals;
        units = units * 10 + (c.unicode() - u'0');
        if (units > std::numeric_limits<qint64>::max())
            return Error::overflow(field);
    }
    if (!seenDigit)
        return Error::invalid(field, u"not a number: "_s + t.toString());
    // trailing zeros beyond the exponent are harmless ("1.500" EUR); other digits are not
    while (decimals > currency.exponent && units % 10 == 0) {
        units /= 10;
        --decimals;
    }
    if (decimals > currency.exponent)
        return Error::invalid(field, u"%1 allows at most %2 decimal places"_s.arg(currency.code).arg(currency.exponent));
    for (; decimals < currency.exponent; ++decimals)
        units *= 10;
    if (negative)
        units = -units;
    if (!fitsInt64(units))
        return Error::overflow(field);
    return Money(qint64(units), currency);
}

QString Money::toDecimalString() const
{
    const int exp = m_currency.exponent;
    const bool negative = m_minor < 0;
    // via unsigned so that INT64_MIN prints correctly
    const quint64 magnitude = negative ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    QString digits = QString::number(magnitude);
    if (exp > 0) {
        if (digits.size() <= exp)
            digits = QString(exp - digits.size() + 1, u'0') + digits;
        digits.insert(digits.size() - exp, u'.');
    }
    return negative ? u"-"_s + digits : digits;
}

Result<Money> Money::plus(const Money& other) const
{
    if (!(m_currency == other.m_currency))
        return mixedCurrencies(*this, other);
    auto sum = checkedAdd(m_minor, other.m_minor, u"amount"_s);
    if (!sum)
        return sum.error();
    return Money(*sum, m_currency);
}

Result<Money> Money::minus(const Money& other) const
{
    if (!(m_currency == other.m_currency))
        return mixedCurrencies(*this, other);
    auto diff = checkedSub(m_minor, other.m_minor, u"amount"_s);
    if (!diff)
        return diff.error();
    return Money(*diff, m_currency);
}

Result<Money> Money::times(qint64 factor) const
{
    auto product = checkedMul(m_minor, factor, u"amount"_s);
    if (!product)
        return product.error();
    return Money(*product, m_currency);
}

Result<Money> Money::negated() const
{
    auto opposite = checkedNegate(m_minor, u"amount"_s);
    if (!opposite)
        return opposite.error();
    return Money(*opposite, m_currency);
}

Result<Money> Money::scaled(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    // 128-bit product: a large amount times a percentage must not overflow before the division
    auto q = divideRounded128(Int128(m_minor) * numerator, denominator, rounding);
    if (!q)
        return q.error();
    return Money(*q, m_currency);
}

Result<QList<Money>> Money::split(int parts) const
{
    if (parts <= 0)
        return Error::invalid(u"parts"_s, u"must be at least 1"_s);
    return allocate(QList<qint64>(parts, 1));
}

Result<QList<Money>> Money::allocate(const QList<qint64>& weights) const
{
    if (weights.isEmpty())
        return Error::invalid(u"weights"_s, u"at least one weight is required"_s);
    Int128 total = 0;
    for (qint64 w : weights) {
        if (w < 0)
            return Error::invalid(u"weights"_s, u"weights must not be negative"_s);
        total += w;
    }
    if (total == 0)
        return Error::invalid(u"weights"_s, u"weights must not all be zero"_s);
    QList<Money> out;
    out.reserve(weights.size());
    QList<std::pair<Int128, int>> remainders; // (remainder, index)
    Int128 assigned = 0;
    for (int i = 0; i < weights.size(); ++i) {
        const Int128 share = Int128(m_minor) * weights[i];
        Int128 q = share / total; // toward zero
        Int128 r = share % total;
        out.append(Money(qint64(q), m_currency));
        assigned += q;
        remainders.append({r < 0 ? -r : r, i});
    }
    Int128 left = Int128(m_minor) - assigned; // |left| < weights.size()
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const int step = left < 0 ? -1 : 1;
    for (int k = 0; left != 0; ++k, left -= step) {
        const int idx = remainders[k % remainders.size()].second;
        out[idx] = Money(out[idx].minor() + step, m_currency);
    }
    return out;
}

} // namespace souk
