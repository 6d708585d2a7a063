#include "backend/risk/history/HistoryTime.h"

#include <array>

namespace souk::risk {
namespace {

constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 DayOf10000 = 2'932'897; // days from 1970-01-01 to 10000-01-01

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil algorithms).
constexpr qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

struct Civil
{
    int year;
    int month;
    int day;
};

constexpr Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    return Civil{int(yoe + era * 400) + (month <= 2), month, day};
}

static_assert(daysFromCivil(10000, 1, 1) == DayOf10000);

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> Days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[size_t(month - 1)];
}

/// A cursor over the text that reads fixed-width digit groups.
class Reader
{
public:
    explicit Reader(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char16_t peek() const { return atEnd() ? u'\0' : m_text[m_pos].unicode(); }
    bool take(char16_t c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    /// Exactly `width` ASCII digits.
    std::optional<int> digits(int width)
    {
        if (m_pos + width > m_text.size())
            return std::nullopt;
        int value = 0;
        for (int i = 0; i < width; ++i) {
            const char16_t c = m_text[m_pos + i].unicode();
            if (c < u'0' || c > u'9')
                return std::nullopt;
            value = value * 10 + (c - u'0');
        }
        m_pos += width;
        return value;
    }
    /// One or more digits of a fraction of a second, as milliseconds (truncated).
    std::optional<int> fractionMs()
    {
        int ms = 0;
        int count = 0;
        while (!atEnd() && peek() >= u'0' && peek() <= u'9') {
            if (count < 3)
                ms = ms * 10 + (peek() - u'0');
            ++count;
            ++m_pos;
        }
        if (count == 0 || count > 9)
            return std::nullopt;
        for (; count < 3; ++count)
            ms *= 10;
        return ms;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

/// "Z", "+01:00", "-0530" or nothing (UTC); the offset in minutes east of UTC.
std::optional<int> readOffsetMinutes(Reader& in)
{
    if (in.atEnd() || in.take(u'Z') || in.take(u'z'))
        return 0;
    const char16_t sign = in.peek();
    if (!in.take(u'+') && !in.take(u'-'))
        return std::nullopt;
    const auto hours = in.digits(2);
    in.take(u':');
    const auto minutes = in.digits(2);
    if (!hours || !minutes || *hours > 18 || *minutes > 59)
        return std::nullopt;
    const int offset = *hours * 60 + *minutes;
    return sign == u'-' ? -offset : offset;
}

} // namespace

std::optional<qint64> parseHistoryTime(QStringView text)
{
    Reader in(text);
    const auto year = in.digits(4);
    if (!year || !in.take(u'-'))
        return std::nullopt;
    const auto month = in.digits(2);
    if (!month || !in.take(u'-'))
        return std::nullopt;
    const auto day = in.digits(2);
    if (!day || *year < 1970 || *month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month))
        return std::nullopt;
    qint64 ms = daysFromCivil(*year, *month, *day) * MsPerDay;
    if (in.atEnd())
        return ms;
    if (!in.take(u'T') && !in.take(u't') && !in.take(u' '))
        return std::nullopt;
    const auto hour = in.digits(2);
    if (!hour || !in.take(u':'))
        return std::nullopt;
    const auto minute = in.digits(2);
    if (!minute || *hour > 23 || *minute > 59)
        return std::nullopt;
    int second = 0;
    int milli = 0;
    if (in.take(u':')) {
        const auto s = in.digits(2);
        if (!s || *s > 59) // no leap seconds: UTC milliseconds cannot hold them
            return std::nullopt;
        second = *s;
        if (in.take(u'.') || in.take(u',')) {
            const auto f = in.fractionMs();
            if (!f)
                return std::nullopt;
            milli = *f;
        }
    }
    const auto offset = readOffsetMinutes(in);
    if (!offset || !in.atEnd())
        return std::nullopt;
    ms += ((*hour * 60 + *minute - *offset) * 60 + second) * qint64(1000) + milli;
    if (ms < 0 || ms >= DayOf10000 * MsPerDay) // an offset moved it out of 1970..9999
        return std::nullopt;
    return ms;
}

QString formatHistoryTime(qint64 utcMs)
{
    Q_ASSERT(utcMs >= 0 && utcMs < DayOf10000 * MsPerDay);
    const qint64 days = utcMs / MsPerDay;
    const qint64 rest = utcMs % MsPerDay;
    const Civil date = civilFromDays(days);
    const int values[] = {
        date.year,       date.month, date.day, int(rest / 3'600'000), int(rest / 60'000 % 60), int(rest / 1000 % 60),
        int(rest % 1000)};
    // "YYYY-MM-DDTHH:MM:SS.mmmZ", written digit by digit: this runs once per exported row
    static constexpr int Widths[] = {4, 2, 2, 2, 2, 2, 3};
    static constexpr char16_t After[] = {u'-', u'-', u'T', u':', u':', u'.', u'Z'};
    QString out(24, Qt::Uninitialized);
    char16_t* p = reinterpret_cast<char16_t*>(out.data());
    for (int i = 0; i < 7; ++i) {
        int v = values[i];
        for (int k = Widths[i] - 1; k >= 0; --k, v /= 10)
            p[k] = char16_t(u'0' + v % 10);
        p += Widths[i];
        *p++ = After[i];
    }
    return out;
}

} // namespace souk::risk
