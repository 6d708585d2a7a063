// The JSON forms of the risk engine's rule sets, lists, reviews and assessments.
#include <cmath>
#include <limits>

#include "backend/api/schema/Types.h"
#include "backend/api/schema/TypesSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;
using souk::api::typesupport::namesOf;

namespace souk::api {

QJsonValue Json<double>::encode(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); // a missing feature is NaN in the engine
}

Status Json<double>::decode(const QJsonValue& j, double& out, const QString& path, Source source)
{
    if (j.isNull() && source == Source::Answer) {
        out = std::numeric_limits<double>::quiet_NaN();
        return {};
    }
    if (source == Source::Text && j.isString()) {
        bool ok = false;
        out = j.toString().toDouble(&ok);
        return ok && std::isfinite(out) ? Status{} : Status(typeError(path, u"a number"_s));
    }
    if (!j.isDouble() || !std::isfinite(j.toDouble()))
        return typeError(path, u"a number"_s);
    out = j.toDouble();
    return {};
}

QJsonObject Json<double>::schema(Components&)
{
    return {{u"type"_s, u"number"_s}, {u"format"_s, u"double"_s}};
}

const QList<std::pair<RiskAction, QString>>& EnumNames<RiskAction>::names()
{
    static const auto n = namesOf<RiskAction>(3, [](RiskAction a) { return riskActionName(a); });
    return n;
}

const QList<std::pair<ReviewVerdict, QString>>& EnumNames<ReviewVerdict>::names()
{
    static const auto n = namesOf<ReviewVerdict>(3, [](ReviewVerdict v) { return reviewVerdictName(v); });
    return n;
}

const ObjectSpec<RuleSetVersion>& Object<RuleSetVersion>::spec()
{
    using V = RuleSetVersion;
    using S = ObjectSpec<V>;
    static const auto s =
        S(u"RuleSet"_s, u"One version of the platform's risk rules: a draft, the active set, or a retired one"_s)
            .field(u"version"_s, &V::version, u"Its number, 1 up"_s, S::ReadOnly)
            .field(u"text"_s, &V::text, u"The rules, one a line (Allow|Block|Review if ...)"_s, S::ReadOnly)
            .field(u"status"_s, &V::status, u"draft, active or retired"_s, S::ReadOnly)
            .field(u"shadow"_s, &V::shadow, u"A draft evaluated beside the active set, acting on nothing"_s,
                   S::ReadOnly)
            .field(u"note"_s, &V::note, u"What changed, as its author said"_s, S::ReadOnly)
            .field(u"created_by"_s, &V::createdBy, u"Who saved it"_s, S::ReadOnly)
            .field(u"created_ms"_s, &V::createdMs, u"Saved at (ms since epoch)"_s, S::ReadOnly)
            .field(u"activated_ms"_s, &V::activatedMs, u"Last made active at, or null"_s, S::ReadOnly)
            .field(u"rule_count"_s, &V::ruleCount, u"Its rules (lines that are not blank or comments)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<RiskList>& Object<RiskList>::spec()
{
    using L = RiskList;
    using S = ObjectSpec<L>;
    static const auto s =
        S(u"RiskList"_s, u"A named list rules test with `in @name`; its values are kept case-folded"_s)
            .field(u"name"_s, &L::name, u"As rules name it, without the @"_s, S::ReadOnly)
            .field(u"kind"_s, &L::kind, u"email, card_fingerprint, ip, bin, country, device_id or text"_s, S::ReadOnly)
            .field(u"description"_s, &L::description, u"What it is for"_s, S::ReadOnly)
            .field(u"entries"_s, &L::entries, u"How many values it holds"_s, S::ReadOnly)
            .field(u"created_ms"_s, &L::createdMs, u"Made at (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<RiskListChange>& Object<RiskListChange>::spec()
{
    using C = RiskListChange;
    using S = ObjectSpec<C>;
    static const auto s =
        S(u"RiskListChange"_s, u"What adding values to a list, or removing them, did"_s)
            .field(u"list"_s, &C::list, u"The list's name"_s, S::ReadOnly)
            .field(u"changed"_s, &C::changed, u"Values added that were new, or removed that were there"_s, S::ReadOnly)
            .field(u"entries"_s, &C::entries, u"The list's values afterwards"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<RiskReason>& Object<RiskReason>::spec()
{
    using R = RiskReason;
    using S = ObjectSpec<R>;
    static const auto s =
        S(u"RiskReason"_s, u"One reason behind a decision: a feature, its value and what it added to the score"_s)
            .field(u"feature"_s, &R::feature, u"The feature's name (amount_to_customer_mean, ...)"_s, S::ReadOnly)
            .field(u"value"_s, &R::value, u"Its value for this payment"_s, S::ReadOnly)
            .field(u"contribution"_s, &R::contribution, u"What it added to the score; 0 when no model scored it"_s,
                   S::ReadOnly)
            .field(u"text"_s, &R::text, u"As a person reads it: \"amount 4.0x the customer's usual\""_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Assessment>& Object<Assessment>::spec()
{
    using A = Assessment;
    using S = ObjectSpec<A>;
    static const auto s =
        S(u"RiskAssessment"_s, u"What the risk engine decided of a payment before the provider heard of it, and why"_s)
            .field(u"id"_s, &A::id, u"The assessment (its authorization attempt's id)"_s, S::ReadOnly)
            .field(u"action"_s, &A::action, u"allow, block or review"_s, S::ReadOnly)
            .field(u"score"_s, &A::score, u"0 to 100; -1 when no model is active"_s, S::ReadOnly)
            .field(u"model_version"_s, &A::modelVersion, u"The model that scored it; 0: none"_s, S::ReadOnly)
            .field(u"rule_set_version"_s, &A::ruleSetVersion, u"The active rule set then; 0: none"_s, S::ReadOnly)
            .field(u"rule_line"_s, &A::ruleLine, u"The deciding rule's line; 0 when no rule matched"_s, S::ReadOnly)
            .field(u"rule_text"_s, &A::ruleText, u"The deciding rule"_s, S::ReadOnly)
            .field(u"fired"_s, &A::fired, u"The lines of every rule that matched, deciding or not"_s, S::ReadOnly)
            .field(u"reasons"_s, &A::reasons, u"The features behind it, the weightiest first"_s, S::ReadOnly)
            .field(u"shadow_action"_s, &A::shadowAction,
                   u"What the shadow draft would have done (block, review, allow); empty without one"_s, S::ReadOnly)
            .field(u"shadow_version"_s, &A::shadowVersion, u"The shadow draft's version; 0: none"_s, S::ReadOnly)
            .computed(
                u"summary"_s, [](const A& a) { return QJsonValue(a.summary()); },
                [](Components&) {
                    return QJsonObject{{u"type"_s, u"string"_s}};
                },
                u"One line, as the order's timeline says it"_s);
    return s;
}

const ObjectSpec<CustomerHistory>& Object<CustomerHistory>::spec()
{
    using H = CustomerHistory;
    using S = ObjectSpec<H>;
    static const auto s =
        S(u"CustomerHistory"_s, u"The paying customer's other payments at this merchant (by email), imported ones too"_s)
            .field(u"payments"_s, &H::payments, u"How many"_s, S::ReadOnly)
            .field(u"approved"_s, &H::approved, u"Of them, approved"_s, S::ReadOnly)
            .field(u"declined"_s, &H::declined, u"Declined"_s, S::ReadOnly)
            .field(u"refunded"_s, &H::refunded, u"Refunded in part or in full"_s, S::ReadOnly)
            .field(u"disputed"_s, &H::disputed, u"Disputed"_s, S::ReadOnly)
            .field(u"fraud"_s, &H::fraud, u"Labelled fraud, or disputed as fraudulent"_s, S::ReadOnly)
            .field(u"first_ms"_s, &H::firstMs, u"The first of them (ms since epoch); 0: none"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<LinkedPayment>& Object<LinkedPayment>::spec()
{
    using L = LinkedPayment;
    using S = ObjectSpec<L>;
    static const auto s =
        S(u"LinkedPayment"_s, u"Another payment of the merchant sharing a card, email, device or IP with this one"_s)
            .field(u"assessment_id"_s, &L::assessmentId, u"Its assessment"_s, S::ReadOnly)
            .field(u"payment_id"_s, &L::paymentId, u"Its payment; null for imported history"_s, S::ReadOnly)
            .field(u"order_id"_s, &L::orderId, u"Its order; null for imported history"_s, S::ReadOnly)
            .field(u"created_ms"_s, &L::createdMs, u"When (ms since epoch)"_s, S::ReadOnly)
            .money(u"amount"_s, &L::amountMinor, &L::currency, u"Its amount"_s)
            .field(u"outcome"_s, &L::outcome, u"approved, declined, blocked, or empty while undecided"_s, S::ReadOnly)
            .field(u"fraud"_s, &L::fraud, u"Labelled fraud, or disputed as fraudulent"_s, S::ReadOnly)
            .field(u"disputed"_s, &L::disputed, u"Disputed"_s, S::ReadOnly)
            .field(u"refunded_minor"_s, &L::refundedMinor, u"Refunded, in the amount's minor units"_s, S::ReadOnly)
            .field(u"shared_by"_s, &L::sharedBy, u"What it shares: card, email, device, ip"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Review>& Object<Review>::spec()
{
    using R = Review;
    using S = ObjectSpec<R>;
    static const auto s =
        S(u"Review"_s, u"A payment the risk engine held for a person: authorized, not captured until decided"_s)
            .field(u"id"_s, &R::id, u"The review's id"_s, S::ReadOnly)
            .field(u"payment_id"_s, &R::paymentId, u"The held payment"_s, S::ReadOnly)
            .field(u"order_id"_s, &R::orderId, u"Its order"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &R::merchantId, u"Its merchant"_s, S::ReadOnly)
            .field(u"status"_s, &R::status, u"open, approved, declined, fraud, or lapsed (open past its deadline)"_s,
                   S::ReadOnly)
            .field(u"opened_ms"_s, &R::openedMs, u"Opened at (ms since epoch)"_s, S::ReadOnly)
            .field(u"deadline_ms"_s, &R::deadlineMs, u"The authorization's expiry: decide before it"_s, S::ReadOnly)
            .field(u"claimed_by"_s, &R::claimedBy, u"Who works it now; empty: nobody"_s, S::ReadOnly)
            .field(u"claimed_until_ms"_s, &R::claimedUntilMs, u"Until when; 0: not claimed"_s, S::ReadOnly)
            .field(u"decided_by"_s, &R::decidedBy, u"Who decided it; empty while open"_s, S::ReadOnly)
            .field(u"decided_ms"_s, &R::decidedMs, u"Decided at; 0 while open"_s, S::ReadOnly)
            .field(u"reason"_s, &R::reason, u"The reason picked with the verdict"_s, S::ReadOnly)
            .field(u"note"_s, &R::note, u"The reviewer's note"_s, S::ReadOnly)
            .field(u"version"_s, &R::version, u"Bumped on every change"_s, S::ReadOnly)
            .money(u"amount"_s, &R::amountMinor, &R::currency, u"The payment's amount"_s)
            .field(u"email"_s, &R::email, u"The customer's email"_s, S::ReadOnly)
            .field(u"card_country"_s, &R::cardCountry, u"The card's issuing country"_s, S::ReadOnly)
            .field(u"ip_country"_s, &R::ipCountry, u"The customer's IP's country"_s, S::ReadOnly)
            .field(u"shipping_country"_s, &R::shippingCountry, u"Where the goods go"_s, S::ReadOnly)
            .field(u"billing_country"_s, &R::billingCountry, u"The billing address's country"_s, S::ReadOnly)
            .field(u"assessment"_s, &R::assessment, u"Why it was held"_s, S::ReadOnly)
            .field(u"customer"_s, &R::customer, u"The customer's other payments (one review only; zeros in the queue)"_s,
                   S::ReadOnly)
            .field(u"linked"_s, &R::linked,
                   u"Payments sharing its card, email, device or IP, newest first, at most 20 (one review only)"_s,
                   S::ReadOnly);
    return s;
}

const ObjectSpec<BacktestRuleHits>& Object<BacktestRuleHits>::spec()
{
    using H = BacktestRuleHits;
    using S = ObjectSpec<H>;
    static const auto s =
        S(u"BacktestRuleHits"_s, u"How often one rule matched the window's payments"_s)
            .field(u"line"_s, &H::line, u"Its line in the rules"_s, S::ReadOnly)
            .field(u"action"_s, &H::action, u"allow, block or review"_s, S::ReadOnly)
            .field(u"text"_s, &H::text, u"The rule"_s, S::ReadOnly)
            .field(u"matched"_s, &H::matched, u"Payments it matched, deciding or not"_s, S::ReadOnly)
            .field(u"decided"_s, &H::decided, u"Payments it decided (the first match in Radar's order)"_s, S::ReadOnly)
            .field(u"decided_fraud"_s, &H::decidedFraud, u"Of those, known fraud"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<BacktestResult>& Object<BacktestResult>::spec()
{
    using B = BacktestResult;
    using S = ObjectSpec<B>;
    static const auto s =
        S(u"BacktestResult"_s, u"What rules would have done to the stored payments of a window"_s)
            .field(u"from_ms"_s, &B::fromMs, u"The window's start (ms since epoch)"_s, S::ReadOnly)
            .field(u"to_ms"_s, &B::toMs, u"Its end, excluded"_s, S::ReadOnly)
            .field(u"payments"_s, &B::payments, u"Payments in the window"_s, S::ReadOnly)
            .field(u"fraud"_s, &B::fraud, u"Of them, known fraud (labelled, or disputed as fraudulent)"_s, S::ReadOnly)
            .field(u"blocked"_s, &B::blocked, u"Payments the rules would block"_s, S::ReadOnly)
            .field(u"blocked_fraud"_s, &B::blockedFraud, u"Of them, fraud"_s, S::ReadOnly)
            .field(u"blocked_disputed"_s, &B::blockedDisputed, u"Of them, disputed"_s, S::ReadOnly)
            .field(u"blocked_refunded"_s, &B::blockedRefunded, u"Of them, refunded"_s, S::ReadOnly)
            .field(u"reviewed"_s, &B::reviewed, u"Payments the rules would hold for review"_s, S::ReadOnly)
            .field(u"reviewed_fraud"_s, &B::reviewedFraud, u"Of them, fraud"_s, S::ReadOnly)
            .field(u"reviewed_disputed"_s, &B::reviewedDisputed, u"Of them, disputed"_s, S::ReadOnly)
            .field(u"reviewed_refunded"_s, &B::reviewedRefunded, u"Of them, refunded"_s, S::ReadOnly)
            .field(u"blocked_approved_minor"_s, &B::blockedApprovedMinor,
                   u"Approved revenue the blocks would have stopped, per currency (minor units), fraud included"_s,
                   S::ReadOnly)
            .field(u"blocked_legitimate_minor"_s, &B::blockedLegitimateMinor,
                   u"The same, of legitimate payments only: good customers turned away"_s, S::ReadOnly)
            .field(u"rules"_s, &B::rules, u"Each rule's hits, in the rules' order"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<CurvePoint>& Object<CurvePoint>::spec()
{
    using P = CurvePoint;
    using S = ObjectSpec<P>;
    static const auto s = S(u"CurvePoint"_s, u"One operating point: scores at or above the threshold are flagged"_s)
                              .field(u"threshold"_s, &P::threshold, u"The score (0-100; 101: nothing flagged)"_s,
                                     S::ReadOnly)
                              .field(u"false_positive_rate"_s, &P::falsePositiveRate,
                                     u"Legitimate payments flagged, of all legitimate ones"_s, S::ReadOnly)
                              .field(u"recall"_s, &P::recall, u"Fraud flagged, of all fraud"_s, S::ReadOnly)
                              .field(u"precision"_s, &P::precision, u"Fraud, of the flagged; 1 when none is flagged"_s,
                                     S::ReadOnly);
    return s;
}

const ObjectSpec<Confusion>& Object<Confusion>::spec()
{
    using C = Confusion;
    using S = ObjectSpec<C>;
    static const auto s = S(u"Confusion"_s, u"The counts at one threshold"_s)
                              .field(u"threshold"_s, &C::threshold, u"The score"_s, S::ReadOnly)
                              .field(u"true_positives"_s, &C::truePositives, u"Fraud flagged"_s, S::ReadOnly)
                              .field(u"false_positives"_s, &C::falsePositives, u"Legitimate flagged"_s, S::ReadOnly)
                              .field(u"true_negatives"_s, &C::trueNegatives, u"Legitimate let through"_s, S::ReadOnly)
                              .field(u"false_negatives"_s, &C::falseNegatives, u"Fraud let through"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ModelEvaluation>& Object<ModelEvaluation>::spec()
{
    using E = ModelEvaluation;
    using S = ObjectSpec<E>;
    static const auto s =
        S(u"ModelEvaluation"_s, u"A model's quality on the later window it did not see"_s)
            .field(u"threshold"_s, &E::threshold, u"The review score the confusion counts are at"_s, S::ReadOnly)
            .field(u"curve"_s, &E::curve, u"ROC and precision-recall points, highest threshold first"_s, S::ReadOnly)
            .field(u"confusion"_s, &E::confusion, u"The counts at the threshold"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ModelVersion>& Object<ModelVersion>::spec()
{
    using M = ModelVersion;
    using S = ObjectSpec<M>;
    static const auto s =
        S(u"RiskModel"_s, u"One trained scoring model; one at most is active"_s)
            .field(u"version"_s, &M::version, u"Its number, 1 up"_s, S::ReadOnly)
            .field(u"kind"_s, &M::kind, u"lr or gbdt"_s, S::ReadOnly)
            .field(u"active"_s, &M::active, u"Whether it scores payments now"_s, S::ReadOnly)
            .field(u"trained_until_ms"_s, &M::trainedUntilMs,
                   u"Trained on the payments before this; evaluated on those after"_s, S::ReadOnly)
            .field(u"train_rows"_s, &M::trainRows, u"Payments it learned from"_s, S::ReadOnly)
            .field(u"train_positives"_s, &M::trainPositives, u"Of them, fraud"_s, S::ReadOnly)
            .field(u"eval_rows"_s, &M::evalRows, u"Payments it was evaluated on"_s, S::ReadOnly)
            .field(u"eval_positives"_s, &M::evalPositives, u"Of them, fraud"_s, S::ReadOnly)
            .field(u"auc"_s, &M::auc, u"Area under the ROC curve there; null when not evaluated"_s, S::ReadOnly)
            .field(u"recall_at_1pct_fpr"_s, &M::recallAt1PctFpr,
                   u"Fraud caught while flagging at most 1 % of legitimate payments"_s, S::ReadOnly)
            .field(u"created_by"_s, &M::createdBy, u"Who trained it"_s, S::ReadOnly)
            .field(u"created_ms"_s, &M::createdMs, u"Trained at"_s, S::ReadOnly)
            .field(u"activated_ms"_s, &M::activatedMs, u"Last made active at, or null"_s, S::ReadOnly)
            .field(u"evaluation"_s, &M::evaluation, u"The curves and counts; null when not evaluated"_s, S::ReadOnly);
    return s;
}

} // namespace souk::api
