#pragma once

#include <QSqlDatabase>
#include <QString>

#include <array>
#include <cmath>
#include <limits>

#include "backend/core/Result.h"
#include "backend/risk/decisions/RiskInput.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/risk/rules/Facts.h"

namespace souk::risk {


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
