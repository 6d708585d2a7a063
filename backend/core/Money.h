#pragma once

#include <initializer_list>

#include <QList>
#include <QString>

#include "backend/core/Currency.h"
#include "backend/core/Result.h"

namespace souk {

/// How to round when an amount does not land on a minor unit. Always passed explicitly.
enum class Rounding
{
    HalfUp,     ///< ties away from zero (0.5 -> 1, -0.5 -> -1): retail prices
    HalfEven,   ///< ties to the even neighbour (banker's): tax and interest where required
    TowardZero, ///< truncate
    AwayFromZero,
};

/// An exact amount: signed 64-bit minor units plus a currency. No floating point anywhere;
/// every operation that can overflow or mix currencies returns a Result. Value type, any thread.
class Money
{
public:
    Money() = default;
    Money(qint64 minor, Currency currency) : m_minor(minor), m_currency(std::move(currency)) {}

    /// An amount in minor units of the named currency.
    static Result<Money> ofMinor(qint64 minor, QStringView currencyCode, const QString& field = QStringLiteral("currency"));
    /// Parses "12.30", "-5", "0.5" exactly. More decimals than the currency allows is an error,
    /// never a silent rounding. Grouping separators and exponents are refused.
    static Result<Money> parse(QStringView text, const Currency& currency, const QString& field);

    qint64 minor() const { return m_minor; }
    const Currency& currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    /// "1234.50" for EUR, "1234" for JPY, "-0.125" for KWD: the C-locale form used in files and JSON.
    QString toDecimalString() const;

    Result<Money> plus(const Money& other) const;
    Result<Money> minus(const Money& other) const;
    Result<Money> times(qint64 factor) const;
    /// -this; the most negative amount has no opposite in int64 and is refused with Overflow.
    Result<Money> negated() const;
    /// this * numerator / denominator, rounded as told: percentages (basis points / 10000), tax.
    Result<Money> scaled(qint64 numerator, qint64 denominator, Rounding rounding) const;
    /// Splits into `parts` amounts that sum exactly to this; the first parts take the leftover minor units.
    Result<QList<Money>> split(int parts) const;
    /// Splits in proportion to non-negative `weights`; sums exactly; leftovers go to the largest
    /// remainders first (ties to the earlier weight).
    Result<QList<Money>> allocate(const QList<qint64>& weights) const;

    friend bool operator==(const Money& a, const Money& b)
    {
        return a.m_minor == b.m_minor && a.m_currency.code == b.m_currency.code;
    }

private:
    qint64 m_minor = 0;
    Currency m_currency;
};

/// Divides with the given rounding. Exposed for tax and discount code and for tests.
Result<qint64> divideRounded(qint64 numerator, qint64 denominator, Rounding rounding);

// Checked arithmetic on raw minor units (and on quantities that multiply them), for code that
// keeps amounts as qint64 columns. Each returns Error{Overflow, field} instead of wrapping (signed
// overflow is undefined behaviour in C++), so a caller can refuse before anything is written.

/// a + b, or Overflow naming `field`.
Result<qint64> checkedAdd(qint64 a, qint64 b, const QString& field);
/// a - b, or Overflow naming `field`.
Result<qint64> checkedSub(qint64 a, qint64 b, const QString& field);
/// a * b (an amount times a quantity), or Overflow naming `field`.
Result<qint64> checkedMul(qint64 a, qint64 b, const QString& field);
/// -a; -INT64_MIN does not exist and is refused with Overflow naming `field`.
Result<qint64> checkedNegate(qint64 a, const QString& field);
/// The sum of all `values`, or Overflow naming `field` as soon as a partial sum leaves int64.
Result<qint64> checkedSum(std::initializer_list<qint64> values, const QString& field);
/// a * numerator / denominator rounded as told, with a 128-bit intermediate so that only a result
/// outside int64 is an Overflow (naming `field`): percentages of large amounts, tax, commission.
Result<qint64> checkedScale(qint64 a, qint64 numerator, qint64 denominator, Rounding rounding, const QString& field);

} // namespace souk
