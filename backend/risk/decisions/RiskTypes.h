#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cmath>
#include <limits>
#include <optional>

#include "backend/core/Id.h"
#include "backend/risk/model/Evaluation.h"

// The risk engine's value types, apart from the services that read and write them: a header that
// reaches no store or QtSql header, so that the client interface, models and views can hold them.
namespace souk::risk {

/// The numeric features of a payment: the model's inputs, and (most of them) rule attributes
/// of the same name. Append only: stored feature rows and trained models name them.
enum class Feature : int
{
    Amount, ///< major units of the payment's currency
    CardPayments1h,
    CardPayments24h,
    CardDeclines24h,
    EmailPayments1h,
    IpPayments1h,
    IpDistinctCards1h,
    DevicePayments1h,
    DeviceDistinctCards24h,
    AmountToCustomerMean,  ///< missing for a customer with no approved payment
    AmountToMerchantMean,  ///< missing for a merchant with no approved payment in the currency
    IsNewCustomer,         ///< 1: no earlier approved payment
    IsNewDevice,           ///< 1: a customer with earlier payments, on a device never seen with them
    CardIpCountryMismatch, ///< 1: both known and different
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

/// What the risk engine does with a payment.
enum class RiskAction
{
    Allow,  ///< sent to the provider as any payment
    Block,  ///< declined here: the provider never hears of it
    Review, ///< authorized, then held: capture and fulfilment wait for a person
};
QString riskActionName(RiskAction action);

/// One reason behind a decision: a feature's value and what it added to the score (a model's
/// contribution; 0 when no model scored the payment).
struct RiskReason
{
    QString feature;
    double value = 0;
    double contribution = 0;
    QString text; ///< "amount 4.0x the customer's usual"
};

/// A payment's judgement, as stored (risk_assessments) and shown on the order's timeline.
struct Assessment
{
    Id id; ///< the authorization attempt's id for a live payment
    RiskAction action = RiskAction::Allow;
    int score = -1;          ///< 0-100, -1 when no model is active
    qint64 modelVersion = 0; ///< 0: none
    qint64 ruleSetVersion = 0;
    int ruleLine = 0; ///< the deciding rule's line, 0 when no rule matched
    QString ruleText;
    QList<int> fired; ///< the lines of every rule that matched, deciding or not
    QList<RiskReason> reasons;
    FeatureVector features;
    /// What the shadow draft would have done ("block", "review", "allow"), empty without one.
    QString shadowAction;
    qint64 shadowVersion = 0;
    /// "blocked by rule 3: Block if ..." / "review: rule 2 ..." for a timeline and a decline.
    QString summary() const;
};

/// A person's decision on a held payment. Stored as text; never renamed.
enum class ReviewVerdict
{
    Approve, ///< capture, release fulfilment
    Decline, ///< void the authorization, cancel the order, restock
    Fraud,   ///< as decline; the payment is labelled fraud, optionally its card and email block-listed
};
QString reviewVerdictName(ReviewVerdict verdict);
std::optional<ReviewVerdict> reviewVerdictNamed(const QString& name);

/// A payment the risk engine held for a person, as the queue shows it.
/// What the store knows of a paying customer (by email), its own payments and imported history
/// alike, for a reviewer.
struct CustomerHistory
{
    qint64 payments = 0; ///< earlier and later ones, this one not counted
    qint64 approved = 0;
    qint64 declined = 0;
    qint64 refunded = 0; ///< in part or in full
    qint64 disputed = 0;
    qint64 fraud = 0;    ///< labelled fraud, or disputed as fraudulent
    qint64 firstMs = 0;  ///< the first of them; 0 when there is none
};

/// Another payment that shares a card, an email, a device or an IP with the one under review.
struct LinkedPayment
{
    Id assessmentId;
    Id paymentId; ///< null for imported history
    Id orderId;
    qint64 createdMs = 0;
    qint64 amountMinor = 0;
    QString currency;
    QString outcome;  ///< approved, declined, blocked, or empty while undecided
    bool fraud = false;
    bool disputed = false;
    qint64 refundedMinor = 0;
    QStringList sharedBy; ///< of "card", "email", "device", "ip"
};

struct Review
{
    Id id;
    Id paymentId;
    Id orderId;
    Id merchantId;
    QString status; ///< "open", "approved", "declined", "fraud", "lapsed" (open past its deadline)
    qint64 openedMs = 0;
    qint64 deadlineMs = 0; ///< the authorization's expiry: after it there is nothing to capture
    QString claimedBy;     ///< who works it now (until claimedUntilMs), or empty
    qint64 claimedUntilMs = 0;
    QString decidedBy;
    qint64 decidedMs = 0;
    QString reason;
    QString note;
    qint64 version = 0;
    // the payment as the reviewer sees it
    qint64 amountMinor = 0;
    QString currency;
    QString email;
    QString cardCountry;
    QString ipCountry;
    QString shippingCountry;
    QString billingCountry;
    Assessment assessment;
    // filled when one review is read (Reviews::get), not in the queue
    CustomerHistory customer;
    QList<LinkedPayment> linked; ///< newest first, at most Reviews::LinkedMax
};

/// Which reviews a queue lists.
struct ReviewFilter
{
    std::optional<Id> merchantId; ///< a merchant's owner sees only theirs (scoped by the engine too)
    bool openOnly = true;
    int minScore = -1;
    QString ruleContains; ///< a reason: part of the deciding rule's text
    int limit = 200;
};
/// The reasons a reviewer picks from, per verdict (stable names, stored with the decision).
/// Inline: the client interface and the console hold this table without linking the engine.
inline QStringList reviewReasonsFor(ReviewVerdict verdict)
{
    switch (verdict) {
    case ReviewVerdict::Approve:
        return {QStringLiteral("customer_verified"), QStringLiteral("known_customer"),
                QStringLiteral("consistent_history"), QStringLiteral("other")};
    case ReviewVerdict::Decline:
        return {QStringLiteral("customer_unreachable"), QStringLiteral("cannot_verify"), QStringLiteral("policy"),
                QStringLiteral("other")};
    case ReviewVerdict::Fraud:
        return {QStringLiteral("stolen_card"), QStringLiteral("card_testing"), QStringLiteral("account_takeover"),
                QStringLiteral("other")};
    }
    return {};
}

/// One version of the rule set. A draft is edited (saved again as a new draft), backtested, then
/// activated; activating retires the version that was active, which stays and can be activated
/// again (a restore). A draft in shadow mode is evaluated on live payments beside the active
/// set and logged with them, acting on nothing.
struct RuleSetVersion
{
    qint64 version = 0;
    QString text;
    QString status; ///< "draft", "active", "retired"
    bool shadow = false;
    QString note;
    QString createdBy;
    qint64 createdMs = 0;
    std::optional<qint64> activatedMs;
    int ruleCount = 0;
};

/// A named list rules test with `in @name`; values are kept case-folded.
struct RiskList
{
    QString name;
    QString kind; ///< what it holds: "email", "card_fingerprint", "ip", "bin", "country", "device_id", "text"
    QString description;
    qint64 entries = 0;
    qint64 createdMs = 0;
};

/// How often one rule matched over the history (whether or not it decided).
struct BacktestRuleHits
{
    int line = 0;
    QString action; ///< "allow", "block", "review"
    QString text;
    qint64 matched = 0;
    qint64 decided = 0;      ///< payments this rule decided (first match in Radar's order)
    qint64 decidedFraud = 0;
};

/// What a rule set would have done to past payments.
struct BacktestResult
{
    qint64 payments = 0;
    qint64 fraud = 0; ///< of them, known fraud (label, or disputed as fraudulent)
    qint64 blocked = 0;
    qint64 blockedFraud = 0;
    qint64 blockedDisputed = 0;
    qint64 blockedRefunded = 0;
    qint64 reviewed = 0;
    qint64 reviewedFraud = 0;
    qint64 reviewedDisputed = 0;
    qint64 reviewedRefunded = 0;
    /// Approved payments it would have blocked, per currency (minor units): the revenue stopped,
    /// fraud included.
    QMap<QString, qint64> blockedApprovedMinor;
    /// The same, of legitimate payments only: what blocking good customers would have cost.
    QMap<QString, qint64> blockedLegitimateMinor;
    QList<BacktestRuleHits> rules;
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

/// A model's quality on the later window it did not see, as the console draws it: the ROC and
/// precision-recall curves (at most 200 points) and the counts at the review threshold.
struct ModelEvaluation
{
    int threshold = 0; ///< the score (0-100) the confusion counts are at
    QList<CurvePoint> curve;
    Confusion confusion;
};

/// One trained model as the store keeps it: versioned, one active.
struct ModelVersion
{
    qint64 version = 0;
    QString kind; ///< "lr", "gbdt"
    bool active = false;
    qint64 trainedUntilMs = 0; ///< trained on payments before this; evaluated on the ones after
    qint64 trainRows = 0;
    qint64 trainPositives = 0;
    qint64 evalRows = 0;
    qint64 evalPositives = 0;
    std::optional<double> auc;
    std::optional<double> recallAt1PctFpr;
    QString createdBy;
    qint64 createdMs = 0;
    std::optional<qint64> activatedMs;
    std::optional<ModelEvaluation> evaluation; ///< empty when the later window lacked a class
};

} // namespace souk::risk
