#pragma once

#include <QSqlDatabase>
#include <QString>

#include <array>
#include <cmath>
#include <limits>

#include "backend/core/Result.h"
#include "backend/risk/decisions/RiskInput.h"
#include "backend/risk/rules/Facts.h"

namespace souk::risk {

/// The numeric features of a payment: the model's inputs, and (most of them) rule attributes
/// of the same name. Append only: stored feature rows and trained models name them.
enum class Feature : int
{
    Amount,                    ///< major units of the payment's currency
    CardPayments1h,
    CardPayments24h,
    CardDeclines24h,
    EmailPayments1h,
    IpPayments1h,
    IpDistinctCards1h,
    DevicePayments1h,
    DeviceDistinctCards24h,
    AmountToCustomerMean,      ///< missing for a customer with no approved payment
    AmountToMerchantMean,      ///< missing for a merchant with no approved payment in the currency
    IsNewCustomer,             ///< 1: no earlier approved payment
    IsNewDevice,               ///< 1: a customer with earlier payments, on a device never seen with them
    CardIpCountryMismatch,     ///< 1: both known and different
    ShippingIpCountryMismatch,
    CardShippingCountryMismatch,
    ShippingBillingDistanceKm, ///< missing when not given
    HourOfDay,                 ///< UTC
    FreeEmailDomain,           ///< 1: a free mailbox provider (gmail.com, qq.com, ...)
};
inline constexpr int FeatureCount = int(Feature::FreeEmailDomain) + 1;

/// "card_payments_1h": the stable name (a rule attribute's, where there is one).
QString featureName(Feature feature);
/// Feature::Amount for "amount"; -1 when no feature has that name.
int featureIndex(QStringView name);

/// One payment's features; NaN where a feature is missing (rules then compare false, and the
/// models treat it as missing).
struct FeatureVector
{
    std::array<double, FeatureCount> values;
    FeatureVector() { values.fill(std::numeric_limits<double>::quiet_NaN()); }
    double operator[](Feature f) const { return values[std::size_t(f)]; }
    double& operator[](Feature f) { return values[std::size_t(f)]; }
    static bool missing(double v) { return std::isnan(v); }
};

/// Features from what the store knows before the payment: the velocity counts are index ranges
/// over the earlier assessments (by card, email, IP and device; only rows before `in.atMs`, so
/// imported history gets the features it had then), the amounts against running totals of the
/// customer's and the merchant's approved payments. Nothing scans history. Any connection's
/// thread (the writer at authorization, a reader in a backtest).
class Features final
{
public:
    static Result<FeatureVector> compute(QSqlDatabase& db, const RiskInput& in);
    /// The rule attributes of `in` and `features` (the facts a rule set is evaluated on).
    /// `riskScore` < 0: no model, :risk_score: stays missing.
    static void toFacts(const RiskInput& in, const FeatureVector& features, int riskScore, Facts& facts);
    /// `features` as an assessment keeps them: FeatureCount little-endian float32 (NaN: missing),
    /// read back by index so training and backtests decode a row without parsing. A row stored
    /// before a feature was appended reads it as missing.
    static QByteArray toBytes(const FeatureVector& features);
    static FeatureVector fromBytes(const QByteArray& bytes);
    /// What a feature's value means to a person: "amount 4.0x the customer's usual".
    static QString describe(Feature feature, double value);
    static bool isFreeEmailDomain(const QString& domain);
};

} // namespace souk::risk
