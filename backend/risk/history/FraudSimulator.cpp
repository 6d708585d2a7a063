#include "backend/risk/history/FraudSimulator.h"

#include <algorithm>
#include <cmath>

#include "backend/risk/history/SimWorld.h"
#include "backend/risk/history/SortByTime.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

using namespace sim;

constexpr qint64 Year10000Ms = 253'402'300'800'000;
constexpr int PurchasesPerCustomer = 3; // "a few repeat purchases"

Status checkRate(double rate, const QString& field)
{
    if (!(rate >= 0 && rate <= 1))
        return Error::invalid(field, u"must be between 0 and 1"_s);
    return {};
}

Status checkOptions(const FraudSimulatorOptions& o)
{
    if (o.payments < 1 || o.payments > FraudSimulator::PaymentsMax)
        return Error::invalid(u"payments"_s, u"must be between 1 and %1"_s.arg(FraudSimulator::PaymentsMax));
    if (o.merchants < 1 || o.merchants > FraudSimulator::MerchantsMax)
        return Error::invalid(u"merchants"_s, u"must be between 1 and %1"_s.arg(FraudSimulator::MerchantsMax));
    if (o.fromMs < 0 || o.toMs > Year10000Ms - 9 * 7 * MsPerDay) // room for labels 8 weeks later
        return Error::invalid(u"fromMs"_s, u"the range must lie between 1970 and 9999"_s);
    if (o.toMs - o.fromMs < MsPerHour)
        return Error::invalid(u"toMs"_s, u"must be at least an hour after fromMs"_s);
    const std::pair<double, QString> rates[] = {{o.cardTestingRate, u"cardTestingRate"_s},
                                                {o.stolenCardRate, u"stolenCardRate"_s},
                                                {o.accountTakeoverRate, u"accountTakeoverRate"_s},
                                                {o.friendlyFraudRate, u"friendlyFraudRate"_s},
                                                {o.declineRate, u"declineRate"_s},
                                                {o.refundRate, u"refundRate"_s},
                                                {o.travelRate, u"travelRate"_s},
                                                {o.giftRate, u"giftRate"_s},
                                                {o.domesticFraudShare, u"domesticFraudShare"_s}};
    for (const auto& [rate, field] : rates) {
        if (auto status = checkRate(rate, field); !status)
            return status;
    }
    if (o.cardTestingRate + o.stolenCardRate + o.accountTakeoverRate + o.friendlyFraudRate > 0.5)
        return Error::invalid(u"cardTestingRate"_s, u"the fraud rates add up to more than 0.5"_s);
    if (o.currencies.isEmpty())
        return Error::invalid(u"currencies"_s, u"at least one currency is required"_s);
    for (const QString& code : o.currencies) {
        if (auto found = Currency::find(code, u"currencies"_s); !found)
            return found.error();
    }
    return {};
}

/// Adds the rows of each behaviour; each adder writes exactly the count it is given.
class Generator
{
public:
    Generator(const FraudSimulatorOptions& options, std::vector<SimulatedPayment>& out)
        : m_o(options), m_random(options.seed), m_out(out)
    {}

    void run(qint64 honest, qint64 cardTesting, qint64 stolen, qint64 takeover, qint64 friendly)
    {
        const qint64 customersEach =
            std::max<qint64>(20, (honest + friendly) / PurchasesPerCustomer / m_o.merchants + 1);
        m_merchants = makeMerchants(m_o, m_random, customersEach);
        for (qint64 i = 0; i < honest; ++i)
            addHonest();
        for (qint64 i = 0; i < friendly; ++i)
            addFriendlyFraud();
        for (qint64 i = 0; i < takeover; ++i)
            addAccountTakeover();
        for (qint64 left = stolen; left > 0;)
            left -= addStolenCard(left);
        for (qint64 left = cardTesting; left > 0;)
            left -= addCardTesting(left);
    }

private:
    SimulatedPayment& newRow(int merchant, FraudPattern pattern, qint64 createdMs, qint64 amountMinor)
    {
        m_out.push_back({});
        SimulatedPayment& row = m_out.back();
        row.merchant = merchant;
        row.pattern = pattern;
        row.payment.createdMs = createdMs;
        row.payment.amount = Money(amountMinor, m_merchants[size_t(merchant)].currency);
        return row;
    }

    /// A purchase as the customer makes it: own card, device, IP and home address.
    SimulatedPayment& customerPayment(int merchant, qint64 customer, FraudPattern pattern, qint64 t)
    {
        const Customer& c = m_merchants[size_t(merchant)].customers[size_t(customer)];
        SimulatedPayment& row = newRow(merchant, pattern, t, logNormalMinor(m_random, c.typicalMinor, 0.45));
        HistoryPayment& p = row.payment;
        p.customerId = c.id;
        p.email = c.email;
        setCard(p, c.card);
        p.deviceId = c.devices[c.deviceCount > 1 && m_random.chance(0.3) ? 1 : 0];
        p.ip = m_random.chance(0.8) ? c.homeIp : c.mobileIp;
        p.ipCountry = countryCode(c.home);
        p.shippingCountry = countryCode(c.home);
        p.shippingDistanceKm = std::round(m_random.unit() * m_random.unit() * 300) / 10; // mostly next door
        p.approved = true;
        p.fraud = false;
        p.labelKnownMs = t;
        return row;
    }

    static void setCard(HistoryPayment& p, const Card& card)
    {
        p.cardFingerprint = card.fingerprint;
        p.cardBrand = card.brand;
        p.bin = card.bin;
        p.cardCountry = countryCode(card.country);
    }

    void dispute(HistoryPayment& p, const QString& reason, int weeksMin = 1)
    {
        p.disputed = true;
        p.disputeReason = reason;
        p.labelKnownMs = p.createdMs + disputeDelayMs(m_random, weeksMin);
    }

    int randomMerchant() { return int(m_random.below(m_o.merchants)); }
    qint64 randomCustomer(int merchant)
    {
        return m_random.below(qint64(m_merchants[size_t(merchant)].customers.size()));
    }

    void addHonest()
    {
        const int m = randomMerchant();
        const qint64 customer = randomCustomer(m);
        HistoryPayment& p =
            customerPayment(m, customer, FraudPattern::None, randomTime(m_random, m_o.fromMs, m_o.toMs, false)).payment;
        m_honestCustomers.push_back({m, customer, m_out.size() - 1});
        const int home = m_merchants[size_t(m)].customers[size_t(customer)].home;
        if (m_random.chance(m_o.travelRate)) { // a hotel's network, often a new phone or a borrowed laptop
            const int abroad = otherCountry(m_random, home);
            p.ip = ipIn(m_random, abroad);
            p.ipCountry = countryCode(abroad);
            if (m_random.chance(0.5))
                p.deviceId = newDevice(m_random);
        }
        if (m_random.chance(m_o.giftRate)) {
            p.shippingCountry = countryCode(otherCountry(m_random, home));
            p.shippingDistanceKm = double(m_random.between(3000, 90000)) / 10;
        }
        if (m_random.chance(m_o.declineRate)) {
            p.approved = false;
            return;
        }
        if (m_random.chance(m_o.refundRate))
            p.refundedMinor =
                m_random.chance(0.6) ? p.amount.minor() : p.amount.minor() * m_random.between(10, 90) / 100;
        else if (m_random.chance(0.002))
            dispute(p, u"product_not_received"_s);
    }

    void addFriendlyFraud()
    {
        const int m = randomMerchant();
        HistoryPayment& p = customerPayment(m, randomCustomer(m), FraudPattern::FriendlyFraud,
                                            randomTime(m_random, m_o.fromMs, m_o.toMs, false))
                                .payment;
        dispute(p, u"fraudulent"_s, 2); // the goods arrived; the customer claims otherwise weeks later
    }

    /// A known customer (one with an honest purchase before) pays from a new device, to a new address.
    void addAccountTakeover()
    {
        qint64 t = randomTime(m_random, m_o.fromMs, m_o.toMs, true);
        int m = randomMerchant();
        qint64 customer = randomCustomer(m);
        if (!m_honestCustomers.empty()) {
            const HonestRow& before = m_honestCustomers[size_t(m_random.below(qint64(m_honestCustomers.size())))];
            m = before.merchant;
            customer = before.customer;
            const qint64 after = m_out[before.row].payment.createdMs + MsPerHour;
            if (after < m_o.toMs)
                t = after + m_random.below(m_o.toMs - after);
        }
        const Customer& c = m_merchants[size_t(m)].customers[size_t(customer)];
        SimulatedPayment& row = newRow(m, FraudPattern::AccountTakeover, t,
                                       logNormalMinor(m_random, c.typicalMinor * m_random.between(2, 6), 0.3));
        HistoryPayment& p = row.payment;
        p.customerId = c.id;
        p.email = c.email;
        setCard(p, c.card); // the card stored on the account
        p.deviceId = newDevice(m_random);
        const int from = m_random.chance(0.7) ? otherCountry(m_random, c.home) : c.home;
        p.ip = ipIn(m_random, from);
        p.ipCountry = countryCode(from);
        const bool abroad = m_random.chance(0.75);
        p.shippingCountry = countryCode(abroad ? otherCountry(m_random, c.home) : c.home);
        p.shippingDistanceKm = double(abroad ? m_random.between(3000, 90000) : m_random.between(500, 8000)) / 10;
        fraudOutcome(p, 0.9, 0.85);
    }

    /// Approved with `approvedShare`; then disputed as fraudulent with `disputedShare`. The label
    /// arrives with the dispute, or from the issuer 1-3 days after a decline or weeks later.
    void fraudOutcome(HistoryPayment& p, double approvedShare, double disputedShare)
    {
        p.approved = m_random.chance(approvedShare);
        p.fraud = true;
        if (p.approved && m_random.chance(disputedShare))
            dispute(p, u"fraudulent"_s);
        else if (p.approved)
            p.labelKnownMs = p.createdMs + disputeDelayMs(m_random);
        else
            p.labelKnownMs = p.createdMs + m_random.between(MsPerDay, 3 * MsPerDay);
    }

    /// One stolen card used 1-3 times within hours by a new customer; returns the rows added.
    qint64 addStolenCard(qint64 left)
    {
        const int m = randomMerchant();
        const Merchant& merchant = m_merchants[size_t(m)];
        const int cardCountry = m_random.chance(0.7) ? merchant.market[m_random.below(merchant.market.size())]
                                                     : int(m_random.below(countryCount()));
        const Card card = newCard(m_random, cardCountry);
        const int from = m_random.chance(m_o.domesticFraudShare) ? cardCountry : otherCountry(m_random, cardCountry);
        const QString ip = ipIn(m_random, from);
        const QString device = newDevice(m_random);
        const QString email = newEmail(m_random, m_random.chance(0.5));
        const QString customerId = m_random.chance(0.5) ? u"cus_%1_new%2"_s.arg(m).arg(m_newCustomers++) : QString();
        const bool toFraudster = m_random.chance(0.5);
        const int shipTo =
            toFraudster ? from : (m_random.chance(0.6) ? otherCountry(m_random, cardCountry) : cardCountry);
        const qint64 uses = std::min<qint64>(left, m_random.between(1, 3));
        qint64 t = randomTime(m_random, m_o.fromMs, m_o.toMs, true);
        for (qint64 i = 0; i < uses; ++i, t = std::min(m_o.toMs - 1, t + m_random.between(5 * 60'000, 6 * MsPerHour))) {
            HistoryPayment& p = newRow(m, FraudPattern::StolenCard, t,
                                       logNormalMinor(m_random, merchant.medianMinor * m_random.between(3, 10), 0.3))
                                    .payment;
            setCard(p, card);
            p.customerId = customerId;
            p.email = email;
            p.deviceId = device;
            p.ip = ip;
            p.ipCountry = countryCode(from);
            p.shippingCountry = countryCode(shipTo);
            p.shippingDistanceKm = double(m_random.between(5000, 90000)) / 10;
            fraudOutcome(p, 0.75, 0.9);
        }
        return uses;
    }

    /// One burst: a device and IP try 8-40 fresh cards for small amounts within minutes.
    qint64 addCardTesting(qint64 left)
    {
        const int m = randomMerchant();
        const Merchant& merchant = m_merchants[size_t(m)];
        const int from = int(m_random.below(countryCount()));
        const QString ip = ipIn(m_random, from);
        const QString device = newDevice(m_random);
        const QString burstEmail = m_random.chance(0.5) ? newEmail(m_random, true) : QString();
        const qint64 attempts = std::min<qint64>(left, m_random.between(8, 40));
        qint64 t = randomTime(m_random, m_o.fromMs, m_o.toMs, false);
        const qint64 smallMin = std::max<qint64>(1, merchant.medianMinor / 60);
        const qint64 smallMax = std::max<qint64>(smallMin, merchant.medianMinor / 10);
        for (qint64 i = 0; i < attempts; ++i, t = std::min(m_o.toMs - 1, t + m_random.between(3'000, 90'000))) {
            HistoryPayment& p = newRow(m, FraudPattern::CardTesting, t, m_random.between(smallMin, smallMax)).payment;
            setCard(p, newCard(m_random, int(m_random.below(countryCount()))));
            p.email = burstEmail.isEmpty() ? newEmail(m_random, m_random.chance(0.5)) : burstEmail;
            p.deviceId = device;
            p.ip = ip;
            p.ipCountry = countryCode(from);
            fraudOutcome(p, 0.15, 0.3); // digital goods: nothing shipped
        }
        return attempts;
    }

    struct HonestRow
    {
        int merchant;
        qint64 customer;
        size_t row;
    };

    const FraudSimulatorOptions& m_o;
    SimRandom m_random;
    std::vector<SimulatedPayment>& m_out;
    std::vector<Merchant> m_merchants;
    std::vector<HonestRow> m_honestCustomers;
    qint64 m_newCustomers = 0;
};

} // namespace

QString fraudPatternName(FraudPattern pattern)
{
    switch (pattern) {
    case FraudPattern::None:
        return u"none"_s;
    case FraudPattern::CardTesting:
        return u"card_testing"_s;
    case FraudPattern::StolenCard:
        return u"stolen_card"_s;
    case FraudPattern::AccountTakeover:
        return u"account_takeover"_s;
    case FraudPattern::FriendlyFraud:
        return u"friendly_fraud"_s;
    }
    return QString();
}

Result<std::vector<SimulatedPayment>> FraudSimulator::generate(const FraudSimulatorOptions& options)
{
    if (auto status = checkOptions(options); !status)
        return status.error();
    const auto count = [&](double rate) { return std::llround(double(options.payments) * rate); };
    const qint64 cardTesting = count(options.cardTestingRate);
    const qint64 stolen = count(options.stolenCardRate);
    const qint64 takeover = count(options.accountTakeoverRate);
    const qint64 friendly = count(options.friendlyFraudRate);
    const qint64 honest = options.payments - cardTesting - stolen - takeover - friendly;
    std::vector<SimulatedPayment> rows;
    rows.reserve(size_t(options.payments));
    Generator(options, rows).run(honest, cardTesting, stolen, takeover, friendly);
    Q_ASSERT(qint64(rows.size()) == options.payments);
    history::sortByTime(rows, [](const SimulatedPayment& row) { return row.payment.createdMs; });
    return rows;
}

std::vector<HistoryPayment> FraudSimulator::payments(const std::vector<SimulatedPayment>& rows, int merchant)
{
    std::vector<HistoryPayment> out;
    out.reserve(rows.size());
    for (const SimulatedPayment& row : rows) {
        if (merchant < 0 || row.merchant == merchant)
            out.push_back(row.payment);
    }
    return out;
}

} // namespace souk::risk
