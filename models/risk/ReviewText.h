#pragma once

#include <QCoreApplication>
#include <QString>

#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

/// What the review queue's codes mean to a person: verdicts, decision reasons, durations.
class ReviewText final
{
    Q_DECLARE_TR_FUNCTIONS(ReviewText)
public:
    static QString verdict(risk::ReviewVerdict verdict);
    /// "Customer verified" for "customer_verified"; an unknown code is shown as it is.
    static QString reason(const QString& code);
    /// "3 h 05 min", "12 min", "40 s"; negative spans read as 0 s.
    static QString duration(qint64 ms);
    /// "+0.80" / "−0.35": a model's contribution to the score.
    static QString contribution(double value);
    /// A risk reason in the user's language, made from the engine's feature name and value
    /// ("3 payments with this card in the last hour", "Amount 4.0× the customer's usual").
    /// `currency` words the amount as money. A feature this console does not know reads as
    /// `engineText` (the engine's English), else as its name.
    static QString riskReason(const QString& feature, double value, const QString& engineText = {},
                              const QString& currency = {});
    /// `reason` of `review`: the amount in its currency, a country mismatch with the countries.
    static QString riskReason(const risk::RiskReason& reason, const risk::Review& review);
    /// Whether riskReason() has words for `feature` (it falls back to the engine's text otherwise).
    static bool knowsFeature(const QString& feature);
    /// The engine's summary of an assessment on an order's timeline ("held for review by rule 3:
    /// TEXT (risk score 92); rule set v1"), as "Rule 3: TEXT; risk score 92; rule set v1" in the
    /// user's language (the event's title says what was decided). Any other text as it is.
    static QString assessmentSummary(const QString& summary);
};

} // namespace souk
