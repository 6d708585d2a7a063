#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace souk::risk {

/// An exact decimal: an int64 count of millionths (6 digits after the point). Rule numbers and
/// number facts use it so "12.50" compares exactly with an amount of 1250 cents: no double
/// anywhere a money amount is compared. Range about ±9.2e12 units. Value type, any thread.
class Decimal
{
public:
    static constexpr int FractionDigits = 6;
    static constexpr qint64 Scale = 1'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal fromMicros(qint64 micros) { return Decimal(micros); }
    /// Whole units; nullopt when out of range.
    static std::optional<Decimal> fromInteger(qint64 units);
    /// A money amount in minor units with its currency exponent (0..6): 1250, 2 -> 12.50.
    static std::optional<Decimal> fromMinor(qint64 minor, int exponent);
    /// "300", "-4", "12.50": digits with an optional '-' and at most 6 digits after one '.'.
    /// nullopt for anything else (no exponent, no grouping) or out of range.
    static std::optional<Decimal> parse(QStringView text);

    constexpr qint64 micros() const { return m_micros; }
    /// The shortest exact text: "12.5", "300".
    QString toString() const;

    friend constexpr auto operator<=>(Decimal, Decimal) = default;

private:
    constexpr explicit Decimal(qint64 micros) : m_micros(micros) {}
    qint64 m_micros = 0;
};

} // namespace souk::risk
