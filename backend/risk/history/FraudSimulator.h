#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "backend/core/Result.h"
#include "backend/risk/history/HistoryPayment.h"

namespace souk::risk {

/// The ground truth of a simulated payment: which behaviour made it.
enum class FraudPattern : quint8
{
    None,            ///< an honest customer's payment
    CardTesting,     ///< one device and IP trying many cards for small amounts, most declined
    StolenCard,      ///< a new customer on a stolen card: card country != IP country, expensive, shipped far
    AccountTakeover, ///< a known customer's account, card and email from a new device, shipped to a new address
    FriendlyFraud,   ///< an honest-looking payment the customer disputes as "fraudulent" weeks later
};

/// "none", "card_testing", "stolen_card", "account_takeover", "friendly_fraud".
QString fraudPatternName(FraudPattern pattern);

/// One simulated payment with what a merchant's file would not say: whose it is and what it was.
struct SimulatedPayment
{
    HistoryPayment payment; ///< labelKnownMs is always set: when the dispute or label arrived
    int merchant = 0;       ///< 0 .. merchants - 1
    FraudPattern pattern = FraudPattern::None;
};

/// What to simulate. Rates are shares of all rows; the rest are honest. Defaults: 2 % fraud.
struct FraudSimulatorOptions
{
    quint64 seed = 1;
    int merchants = 3;
    qint64 fromMs = 1'767'225'600'000; ///< 2026-01-01T00:00:00Z, included
    qint64 toMs = 1'782'864'000'000;   ///< 2026-07-01T00:00:00Z, excluded
    qint64 payments = 100'000;         ///< rows in all, exactly
    double cardTestingRate = 0.008;
    double stolenCardRate = 0.006;
    double accountTakeoverRate = 0.003;
    double friendlyFraudRate = 0.003;
    double declineRate = 0.03; ///< honest payments the issuer declines
    double refundRate = 0.04;  ///< honest approved payments refunded, in full or in part
    // what makes honest payments look like fraud now and then, as in life
    double travelRate = 0.05; ///< honest payments made abroad: an IP in another country, half on a new device
    double giftRate = 0.03;   ///< honest payments shipped to another country (a present sent home)
    double domesticFraudShare = 0.3; ///< stolen cards used from the card's own country
    QStringList currencies{QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
                           QStringLiteral("JPY")}; ///< merchant i sells in currencies[i % size]
};

/// Makes a merchant's payment history with fraud patterns and late ground truth, for demos, training,
/// backtests and benchmarks. Deterministic: the same options (seed included) give the same rows on the
/// same build; no clock, no global random source. Honest customers are a stable population per
/// merchant (own card, device(s), email, IP, home country and basket size; about three purchases
/// each). Labels arrive late: a dispute 1-8 weeks after the payment (friendly fraud 2-8), a declined
/// fraud attempt's label 1-3 days after it; an honest payment's "not fraud" is known at once.
/// Stateless; any thread.
class FraudSimulator
{
public:
    static constexpr qint64 PaymentsMax = 20'000'000;
    static constexpr int MerchantsMax = 1000;

    /// The rows sorted by createdMs, or an Invalid error naming the option that is out of range.
    static Result<std::vector<SimulatedPayment>> generate(const FraudSimulatorOptions& options);

    /// The payments alone (of one merchant, or of all when `merchant` < 0), in their order, for
    /// HistoryCsv::write().
    static std::vector<HistoryPayment> payments(const std::vector<SimulatedPayment>& rows, int merchant = -1);
};

} // namespace souk::risk
