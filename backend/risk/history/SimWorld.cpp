#include "backend/risk/history/SimWorld.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace souk::risk::sim {
namespace {

const QStringList& countries()
{
    static const QStringList codes{u"DE"_s, u"FR"_s, u"ES"_s, u"IT"_s, u"NL"_s, u"BE"_s, u"AT"_s, u"US"_s,
                                   u"GB"_s, u"JP"_s, u"CA"_s, u"AU"_s, u"BR"_s, u"IN"_s, u"MX"_s, u"ZA"_s,
                                   u"TR"_s, u"PL"_s, u"SE"_s, u"CH"_s, u"SG"_s, u"KR"_s, u"AR"_s, u"PT"_s};
    return codes;
}

int countryIndex(const QString& code)
{
    return int(countries().indexOf(code));
}

/// Where a currency's merchants find most customers, and what one euro is worth in it.
struct CurrencyMarket
{
    QStringList countries;
    double perEuro = 1;
};

CurrencyMarket marketOf(const QString& currency)
{
    if (currency == u"EUR"_s)
        return {{u"DE"_s, u"FR"_s, u"ES"_s, u"IT"_s, u"NL"_s, u"BE"_s, u"AT"_s, u"PT"_s}, 1.0};
    if (currency == u"USD"_s)
        return {{u"US"_s}, 1.1};
    if (currency == u"GBP"_s)
        return {{u"GB"_s}, 0.85};
    if (currency == u"JPY"_s)
        return {{u"JP"_s}, 160};
    if (currency == u"CHF"_s)
        return {{u"CH"_s}, 0.95};
    return {{u"US"_s, u"GB"_s, u"DE"_s}, 1.0}; // any other currency: an international shop at par
}

// Relative weight of each UTC hour: shoppers by day and evening, fraudsters more at night.
constexpr std::array<double, 24> DayHours{1.0, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.2, 2.6, 2.8, 3.0,
                                          3.2, 3.0, 2.8, 2.8, 3.0, 3.4, 3.8, 4.0, 3.8, 3.2, 2.4, 1.6};
constexpr std::array<double, 24> NightHours{3.0, 3.4, 3.6, 3.4, 3.0, 2.4, 1.6, 1.2, 1.0, 1.0, 1.0, 1.0,
                                            1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.4, 1.8, 2.2, 2.6, 2.8};

int pickHour(SimRandom& random, const std::array<double, 24>& weights)
{
    double total = 0;
    for (const double w : weights)
        total += w;
    double x = random.unit() * total;
    for (int hour = 0; hour < 24; ++hour) {
        x -= weights[size_t(hour)];
        if (x < 0)
            return hour;
    }
    return 23;
}

Customer newCustomer(SimRandom& random, const Merchant& merchant, int merchantIndex, qint64 number)
{
    Customer c;
    c.id = u"cus_%1_%2"_s.arg(merchantIndex).arg(number);
    c.home =
        random.chance(0.9) ? merchant.market[random.below(merchant.market.size())] : int(random.below(countryCount()));
    c.email = newEmail(random, false);
    // most cards are issued where the customer lives
    c.card = newCard(random, random.chance(0.96) ? c.home : otherCountry(random, c.home));
    c.deviceCount = random.chance(0.35) ? 2 : 1;
    for (int d = 0; d < c.deviceCount; ++d)
        c.devices[d] = newDevice(random);
    c.homeIp = ipIn(random, c.home);
    c.mobileIp = ipIn(random, c.home);
    c.typicalMinor = logNormalMinor(random, merchant.medianMinor, 0.6);
    return c;
}

} // namespace

int countryCount()
{
    return int(countries().size());
}

const QString& countryCode(int country)
{
    return countries()[country];
}

int otherCountry(SimRandom& random, int other)
{
    const int pick = int(random.below(countryCount() - 1));
    return pick >= other ? pick + 1 : pick;
}

QString ipIn(SimRandom& random, int country)
{
    const quint64 bits = random.next();
    return u"%1.%2.%3.%4"_s.arg(11 + country * 8 + int(bits % 8))
        .arg((bits >> 8) & 255)
        .arg((bits >> 16) & 255)
        .arg(1 + (bits >> 24) % 254);
}

Card newCard(SimRandom& random, int country)
{
    Card card;
    card.fingerprint = random.hex(16);
    card.country = country;
    const double brand = random.unit();
    const QString digits = QString::number(random.between(10000, 99999));
    if (brand < 0.55) {
        card.brand = u"visa"_s;
        card.bin = u"4"_s + digits;
    } else if (brand < 0.9) {
        card.brand = u"mastercard"_s;
        card.bin = u"5"_s + QString::number(random.between(1, 5)) + digits.left(4);
    } else {
        card.brand = u"amex"_s;
        card.bin = (random.chance(0.5) ? u"34"_s : u"37"_s) + digits.left(4);
    }
    return card;
}

QString newEmail(SimRandom& random, bool disposable)
{
    static const QStringList common{u"gmail.com"_s, u"outlook.com"_s, u"yahoo.com"_s, u"icloud.com"_s,
                                    u"gmx.de"_s,    u"orange.fr"_s,   u"proton.me"_s, u"hotmail.com"_s};
    static const QStringList throwaway{u"mailinator.com"_s, u"guerrillamail.com"_s, u"10minutemail.com"_s,
                                       u"tempmail.dev"_s};
    const QStringList& domains = disposable ? throwaway : common;
    return u"u"_s + random.hex(8) + u"@"_s + domains[random.below(domains.size())];
}

QString newDevice(SimRandom& random)
{
    return u"dev_"_s + random.hex(12);
}

std::vector<Merchant> makeMerchants(const FraudSimulatorOptions& options, SimRandom& random, qint64 customersEach)
{
    std::vector<Merchant> merchants(static_cast<size_t>(options.merchants));
    for (int m = 0; m < options.merchants; ++m) {
        Merchant& merchant = merchants[size_t(m)];
        merchant.currency = *Currency::find(options.currencies[m % options.currencies.size()]);
        const CurrencyMarket market = marketOf(merchant.currency.code);
        for (const QString& code : market.countries)
            merchant.market.append(countryIndex(code));
        const double medianEuro = 30 + 25 * (m % 4); // shops from small baskets to large ones
        merchant.medianMinor =
            std::max<qint64>(1, std::llround(medianEuro * market.perEuro * double(merchant.currency.minorPerMajor())));
        merchant.customers.reserve(size_t(customersEach));
        for (qint64 n = 0; n < customersEach; ++n)
            merchant.customers.push_back(newCustomer(random, merchant, m, n));
    }
    return merchants;
}

qint64 randomTime(SimRandom& random, qint64 fromMs, qint64 toMs, bool night)
{
    const qint64 span = toMs - fromMs;
    const qint64 days = span / MsPerDay;
    if (days < 1)
        return fromMs + random.below(span);
    const qint64 t = fromMs + random.below(days) * MsPerDay +
                     pickHour(random, night ? NightHours : DayHours) * MsPerHour + random.below(MsPerHour);
    return t < toMs ? t : fromMs + random.below(span);
}

qint64 logNormalMinor(SimRandom& random, qint64 medianMinor, double sigma)
{
    return std::max<qint64>(1, std::llround(double(medianMinor) * std::exp(sigma * random.normal())));
}

qint64 disputeDelayMs(SimRandom& random, int weeksMin)
{
    return random.between(weeksMin * 7 * MsPerDay, 8 * 7 * MsPerDay);
}

} // namespace souk::risk::sim
