#include "backend/risk/rules/Decimal.h"

#include <limits>

namespace souk::risk {

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();

} // namespace

std::optional<Decimal> Decimal::fromInteger(qint64 units)
{
    if (units > Max / Scale || units < -(Max / Scale))
        return std::nullopt;
    return Decimal(units * Scale);
}

std::optional<Decimal> Decimal::fromMinor(qint64 minor, int exponent)
{
    if (exponent < 0 || exponent > FractionDigits)
        return std::nullopt;
    qint64 factor = 1;
    for (int i = exponent; i < FractionDigits; ++i)
        factor *= 10;
    if (minor > Max / factor || minor < -(Max / factor))
        return std::nullopt;
    return Decimal(minor * factor);
}

std::optional<Decimal> Decimal::parse(QStringView text)
{
    qsizetype i = 0;
    const bool negative = !text.isEmpty() && text.front() == u'-';
    if (negative)
        ++i;
    qint64 value = 0;
    int intDigits = 0;
    for (; i < text.size() && text[i].isDigit() && text[i].unicode() < 128; ++i, ++intDigits) {
        const int digit = text[i].unicode() - u'0';
        if (value > (Max / Scale - digit) / 10)
            return std::nullopt; // the whole part alone would not fit once scaled
        value = value * 10 + digit;
    }
    if (intDigits == 0)
        return std::nullopt;
    value *= Scale;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        qint64 place = Scale / 10;
        int fracDigits = 0;
        for (; i < text.size() && text[i].isDigit() && text[i].unicode() < 128; ++i, ++fracDigits) {
            if (fracDigits == FractionDigits)
                return std::nullopt; // more precision than we hold exactly: refuse, never round
            value += (text[i].unicode() - u'0') * place;
            place /= 10;
        }
        if (fracDigits == 0)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    return Decimal(negative ? -value : value);
}

QString Decimal::toString() const
{
    const bool negative = m_micros < 0;
    // |min| does not fit; parse() and fromMinor() never produce it
    const quint64 magnitude = negative ? quint64(-m_micros) : quint64(m_micros);
    QString text = QString::number(magnitude / Scale);
    quint64 fraction = magnitude % Scale;
    if (fraction != 0) {
        QString digits = QString::number(fraction).rightJustified(FractionDigits, u'0');
        while (digits.endsWith(u'0'))
            digits.chop(1);
        text += u'.' + digits;
    }
    return negative ? u'-' + text : text;
}

} // namespace souk::risk
