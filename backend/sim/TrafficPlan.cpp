#include "backend/sim/TrafficPlan.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "backend/payments/PaymentProvider.h"

using namespace Qt::StringLiterals;
using souk::payments::SimulatedProvider;

namespace souk::sim {
namespace {

/// A family or given name with the ASCII spelling its email address uses.
struct Name
{
    QString text;
    QString ascii;
};

const std::array<Name, 10> ChineseFamily = {{{u"王"_s, u"wang"_s},
                                             {u"李"_s, u"li"_s},
                                             {u"张"_s, u"zhang"_s},
                                             {u"刘"_s, u"liu"_s},
                                             {u"陈"_s, u"chen"_s},
                                             {u"杨"_s, u"yang"_s},
                                             {u"黄"_s, u"huang"_s},
                                             {u"赵"_s, u"zhao"_s},
                                             {u"周"_s, u"zhou"_s},
                                             {u"吴"_s, u"wu"_s}}};
const std::array<Name, 10> ChineseGiven = {{{u"伟"_s, u"wei"_s},
                                            {u"芳"_s, u"fang"_s},
                                            {u"娜"_s, u"na"_s},
                                            {u"秀英"_s, u"xiuying"_s},
                                            {u"敏"_s, u"min"_s},
                                            {u"静"_s, u"jing"_s},
                                            {u"磊"_s, u"lei"_s},
                                            {u"洋"_s, u"yang"_s},
                                            {u"婷"_s, u"ting"_s},
                                            {u"浩然"_s, u"haoran"_s}}};
const std::array<Name, 10> Family = {{{u"Müller"_s, u"mueller"_s},
                                      {u"Smith"_s, u"smith"_s},
                                      {u"García"_s, u"garcia"_s},
                                      {u"Okafor"_s, u"okafor"_s},
                                      {u"Novak"_s, u"novak"_s},
                                      {u"Rossi"_s, u"rossi"_s},
                                      {u"Tanaka"_s, u"tanaka"_s},
                                      {u"Dubois"_s, u"dubois"_s},
                                      {u"Khan"_s, u"khan"_s},
                                      {u"Silva"_s, u"silva"_s}}};
const std::array<Name, 10> Given = {{{u"Anna"_s, u"anna"_s},
                                     {u"James"_s, u"james"_s},
                                     {u"Lucía"_s, u"lucia"_s},
                                     {u"Chidi"_s, u"chidi"_s},
                                     {u"Eva"_s, u"eva"_s},
                                     {u"Marco"_s, u"marco"_s},
                                     {u"Yuki"_s, u"yuki"_s},
                                     {u"Léa"_s, u"lea"_s},
                                     {u"Omar"_s, u"omar"_s},
                                     {u"João"_s, u"joao"_s}}};

/// A city the run's customers live around: its centre and a few streets.
struct City
{
    QString name;
    QString country;
    qint64 latE6;
    qint64 lngE6;
    QStringList streets;
};

const QList<City>& cities()
{
    static const QList<City> all = {
        {u"Shanghai"_s, u"CN"_s, 31'230'400, 121'473'700, {u"南京西路"_s, u"淮海中路"_s, u"Century Avenue"_s}},
        {u"Berlin"_s, u"DE"_s, 52'520'000, 13'405'000, {u"Torstraße"_s, u"Kastanienallee"_s, u"Sonnenallee"_s}},
        {u"Singapore"_s, u"SG"_s, 1'352'100, 103'819'800, {u"Orchard Road"_s, u"Tanjong Pagar Road"_s}},
        {u"London"_s, u"GB"_s, 51'507'400, -127'800, {u"Brick Lane"_s, u"Upper Street"_s, u"Old Kent Road"_s}},
    };
    return all;
}

constexpr double ZipfExponent = 1.0;
constexpr qint64 CityRadiusE6 = 80'000; ///< about 9 km north-south

} // namespace

TrafficPlanner::TrafficPlanner(quint64 seed, int skuCount) : m_rnd(seed)
{
    Q_ASSERT(skuCount > 0);
    m_skuOfRank.reserve(skuCount);
    for (int i = 0; i < skuCount; ++i)
        m_skuOfRank.append(i);
    // shuffle so the best sellers are not simply the first products of the catalog
    for (int i = skuCount - 1; i > 0; --i)
        std::swap(m_skuOfRank[i], m_skuOfRank[int(m_rnd.between(0, i))]);
    double sum = 0;
    m_cumulative.reserve(skuCount);
    for (int rank = 1; rank <= skuCount; ++rank) {
        sum += 1.0 / std::pow(double(rank), ZipfExponent);
        m_cumulative.append(sum);
    }
    m_city = int(m_rnd.between(0, cities().size() - 1));
}

int TrafficPlanner::pickSku()
{
    const double u = double(m_rnd.next() >> 11) * 0x1.0p-53 * m_cumulative.last();
    const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), u);
    const int rank = int(std::min<qsizetype>(it - m_cumulative.cbegin(), m_cumulative.size() - 1));
    return m_skuOfRank[rank];
}

OrderPlan TrafficPlanner::next(int index, int customerCount)
{
    OrderPlan p;
    p.index = index;
    p.customer = int(m_rnd.between(0, customerCount - 1));
    const int roll = int(m_rnd.between(1, 100));
    const int lineCount = std::min<int>(roll <= 40 ? 1 : roll <= 70 ? 2 : roll <= 90 ? 3 : 4, m_skuOfRank.size());
    for (int tries = 0; p.lines.size() < lineCount && tries < 20; ++tries) {
        const int sku = pickSku();
        if (std::any_of(p.lines.cbegin(), p.lines.cend(), [sku](const PlannedLine& l) { return l.sku == sku; }))
            continue; // one line per SKU: the order service refuses duplicates
        const int q = int(m_rnd.between(1, 100));
        p.lines.append(PlannedLine{sku, q <= 70 ? 1 : q <= 92 ? 2 : 3});
    }
    p.useDiscount = m_rnd.chance(10);
    const int pay = int(m_rnd.between(1, 100));
    p.pay = pay <= 5    ? PayPath::LeaveUnpaid
            : pay <= 9  ? PayPath::CancelUnpaid
            : pay <= 16 ? PayPath::Decline
            : pay <= 21 ? PayPath::ProcessingErrorThenRetry
            : pay <= 23 ? PayPath::VoidAuthorization
                        : PayPath::Approve;
    static const std::array<const char*, 3> hardDeclines = {
        SimulatedProvider::InsufficientFunds, SimulatedProvider::StolenCard, SimulatedProvider::ExpiredCard};
    if (p.pay == PayPath::Decline)
        p.firstCard = QString::fromLatin1(hardDeclines[m_rnd.between(0, hardDeclines.size() - 1)]);
    else if (p.pay == PayPath::ProcessingErrorThenRetry)
        p.firstCard = QString::fromLatin1(m_rnd.chance(70) ? SimulatedProvider::ProcessingError
                                                           : SimulatedProvider::IssuerTimeout);
    else
        p.firstCard = QString::fromLatin1(SimulatedProvider::Approved);
    p.cancelAfterDecline = m_rnd.chance(50);
    p.replaySameKey = m_rnd.chance(5);
    p.capturePercent = m_rnd.chance(12) ? int(m_rnd.between(60, 95)) : 100;
    const int after = int(m_rnd.between(1, 100));
    p.after = after <= 8    ? AfterCapture::PartialRefund
              : after <= 12 ? AfterCapture::FullRefund
              : after <= 14 ? AfterCapture::DisputeWon
              : after <= 16 ? AfterCapture::DisputeLost
              : after <= 19 ? AfterCapture::Cancel
                            : AfterCapture::Keep;
    p.refundPercent = int(m_rnd.between(10, 60));
    // about 3 % of one-click checkouts are made with a stolen card; chosen by the order's index,
    // not drawn, so every other plan of a seed stays as it was
    const quint64 spread = quint64(index) * 2'654'435'761ULL % 97;
    if (p.pay == PayPath::Approve && spread < 3) {
        static const std::array<std::pair<const char*, const char*>, 3> stolen = {
            std::pair{"4000002500000003", "NG"}, std::pair{"4000008260000000", "RU"},
            std::pair{"4000000760000002", "VN"}};
        const auto& [card, from] = stolen[std::size_t(spread)];
        p.firstCard = QString::fromLatin1(card); // approved by the provider: only risk can stop it
        p.stolenCardFrom = QString::fromLatin1(from);
    }
    return p;
}

orders::Customer TrafficPlanner::customer(int n, const QString& runTag)
{
    const City& city = cities()[m_city];
    const bool chinese = m_rnd.chance(city.country == u"CN" ? 80 : 30);
    const Name& family = chinese ? ChineseFamily[m_rnd.between(0, ChineseFamily.size() - 1)]
                                 : Family[m_rnd.between(0, Family.size() - 1)];
    const Name& given =
        chinese ? ChineseGiven[m_rnd.between(0, ChineseGiven.size() - 1)] : Given[m_rnd.between(0, Given.size() - 1)];
    orders::Customer c;
    c.name = chinese ? QString(family.text + given.text) : QString(given.text + u' ' + family.text);
    c.email = u"%1.%2+%3.%4@example.com"_s.arg(given.ascii, family.ascii, runTag).arg(n);
    c.phone = u"+%1"_s.arg(m_rnd.between(10'000'000'000LL, 99'999'999'999LL));
    orders::Address a;
    a.label = u"home"_s;
    const QString street = city.streets[int(m_rnd.between(0, city.streets.size() - 1))];
    a.line1 = u"%1 %2"_s.arg(m_rnd.between(1, 400)).arg(street);
    a.city = city.name;
    a.postcode = QString::number(m_rnd.between(10000, 99999));
    a.country = city.country;
    a.latE6 = city.latE6 + m_rnd.between(-CityRadiusE6, CityRadiusE6);
    a.lngE6 = city.lngE6 + m_rnd.between(-CityRadiusE6, CityRadiusE6);
    c.addresses.append(a);
    return c;
}

} // namespace souk::sim
