#pragma once

#include <vector>

#include <QList>
#include <QString>

#include "backend/core/Currency.h"
#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/SimRandom.h"

/// Private to the fraud simulator: the countries, merchants and customers it draws from.
namespace souk::risk::sim {

inline constexpr qint64 MsPerHour = 3'600'000;
inline constexpr qint64 MsPerDay = 24 * MsPerHour;

/// The countries the simulation knows, as indices into countryCode().
int countryCount();
/// "DE": shared strings, so rows copy a reference, not the text.
const QString& countryCode(int country);
/// Any country but `other`.
int otherCountry(SimRandom& random, int other);
/// An IPv4 address in the country's (made-up) block: IPs and their countries agree.
QString ipIn(SimRandom& random, int country);

struct Card
{
    QString fingerprint;
    QString brand;
    QString bin;
    int country = 0;
};

/// A card issued in `country`: visa, mastercard or amex, with a matching BIN.
Card newCard(SimRandom& random, int country);
/// "u3f9a0c12@gmail.com"; from a throwaway domain when `disposable`.
QString newEmail(SimRandom& random, bool disposable);
QString newDevice(SimRandom& random);

/// An honest customer: the same card, devices, email and IPs for every purchase.
struct Customer
{
    QString id;
    QString email;
    int home = 0;
    Card card;
    QString devices[2];
    int deviceCount = 1;
    QString homeIp;
    QString mobileIp;
    qint64 typicalMinor = 0; ///< the customer's usual basket
};

struct Merchant
{
    Currency currency;
    qint64 medianMinor = 0; ///< the merchant's median basket
    QList<int> market;      ///< the countries most customers live in
    std::vector<Customer> customers;
};

/// The merchants of `options`, each with `customersEach` customers.
std::vector<Merchant> makeMerchants(const FraudSimulatorOptions& options, SimRandom& random, qint64 customersEach);

/// A time in [fromMs, toMs) on a random day, the hour drawn from a daily profile: shoppers by day,
/// fraudsters (`night`) more by night.
qint64 randomTime(SimRandom& random, qint64 fromMs, qint64 toMs, bool night);

/// `medianMinor` times a log-normal factor (sigma as given), at least one minor unit.
qint64 logNormalMinor(SimRandom& random, qint64 medianMinor, double sigma);

/// 1-8 weeks: when a dispute arrives after the payment.
qint64 disputeDelayMs(SimRandom& random, int weeksMin = 1);

} // namespace souk::risk::sim
