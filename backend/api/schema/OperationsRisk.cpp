// The table of operations, risk: the rule sets and lists, the review queue and a payment's
// assessment, each declared once (see Operations.h).
#include "backend/api/schema/OperationsSupport.h"

using namespace Qt::StringLiterals;

namespace souk::api::operations {
namespace {

/// The most reviews one answer lists (Reviews::list's cap).
constexpr int ReviewsAtMost = 1000;

} // namespace

QList<ApiOperation> riskRules()
{
    using namespace souk::risk;
    return {
        Def<QList<RuleSetVersion>>(Op::ReadRiskRules, "GET", u"/v1/risk/rule_sets"_s,
                                   u"Every version of the risk rules, newest first"_s, u"Risk"_s)
            .named(u"list_rule_sets"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.ruleSets(); }),
        Def<RuleSetVersion>(Op::ReadRiskRules, "GET", u"/v1/risk/rule_sets/{version}"_s, u"One version of the rules"_s,
                            u"Risk"_s)
            .named(u"get_rule_set"_s)
            .param<qint64>(u"version"_s, In::Path, u"The version"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.ruleSet(a.at<qint64>(0)); }),
        Def<RuleSetVersion>(Op::SaveRuleSet, "POST", u"/v1/risk/rule_sets"_s,
                            u"Save rules as a new draft; rules that do not parse save nothing"_s, u"Risk"_s)
            .param<QString>(u"text"_s, In::Body, u"The rules, one a line: Allow|Block|Review if <condition>"_s)
            .param<QString>(u"note"_s, In::Body, u"What changed, for the record"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.saveRuleSet(a.at<QString>(0), a.at<QString>(1), key);
            }),
        Def<RuleSetVersion>(Op::ActivateRuleSet, "POST", u"/v1/risk/rule_sets/{version}/activate"_s,
                            u"Make a version the active rules (a draft, or a retired one: a restore)"_s, u"Risk"_s)
            .param<qint64>(u"version"_s, In::Path, u"The version"_s)
            .serve(
                [](Client& c, const Args& a, const QString& key) { return c.activateRuleSet(a.at<qint64>(0), key); }),
        Def<RuleSetVersion>(Op::SetRuleSetShadow, "POST", u"/v1/risk/rule_sets/{version}/shadow"_s,
                            u"Run a draft in shadow mode beside the active rules, or stop it"_s, u"Risk"_s)
            .param<qint64>(u"version"_s, In::Path, u"The draft"_s)
            .param<bool>(u"shadow"_s, In::Body, u"true: evaluate and log it on live payments; false: stop"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.setRuleSetShadow(a.at<qint64>(0), a.at<bool>(1), key);
            }),
        Def<BacktestResult>(Op::BacktestRules, "POST", u"/v1/risk/backtests"_s,
                            u"What rules would have done to the stored payments of a window; reads only"_s,
                            u"Risk"_s)
            .param<QString>(u"text"_s, In::Body, u"The rules, as for a draft"_s)
            .param<qint64>(u"from_ms"_s, In::Body, u"Payments created from (ms since epoch); 0: the first"_s, false)
            .param<qint64>(u"to_ms"_s, In::Body, u"Until (ms since epoch, excluded); 0: now"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                return c.backtestRules(a.at<QString>(0), a.at<qint64>(1), a.at<qint64>(2), nullptr);
            }),
    };
}

QList<ApiOperation> riskModels()
{
    using namespace souk::risk;
    return {
        Def<QList<ModelVersion>>(Op::ReadRiskModels, "GET", u"/v1/risk/models"_s,
                                 u"Every trained scoring model, newest first, with its evaluation"_s, u"Risk"_s)
            .named(u"list_risk_models"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.riskModels(); }),
        Def<ModelVersion>(Op::TrainRiskModel, "POST", u"/v1/risk/models"_s,
                          u"Train a model on the payments before a cut-off, evaluate it on those after; kept "
                          "inactive"_s,
                          u"Risk"_s)
            .param<QString>(u"kind"_s, In::Body, u"lr (logistic regression) or gbdt (gradient-boosted trees)"_s)
            .param<qint64>(u"until_ms"_s, In::Body, u"The cut-off (ms since epoch); 0: thirty days ago"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.trainRiskModel(a.at<QString>(0), a.at<qint64>(1), nullptr, key);
            }),
        Def<ModelVersion>(Op::ActivateRiskModel, "POST", u"/v1/risk/models/{version}/activate"_s,
                          u"Make a model the one that scores payments; version 0: none"_s, u"Risk"_s)
            .param<qint64>(u"version"_s, In::Path, u"The model's version, or 0"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.activateRiskModel(a.at<qint64>(0), key);
            }),
    };
}

QList<ApiOperation> riskLists()
{
    using namespace souk::risk;
    return {
        Def<QList<RiskList>>(Op::ReadRiskLists, "GET", u"/v1/risk/lists"_s, u"The lists rules test with in @name"_s,
                             u"Risk"_s)
            .named(u"list_risk_lists"_s)
            .paged(u"name"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.riskLists(); }),
        Def<QStringList>(Op::ReadRiskLists, "GET", u"/v1/risk/lists/{name}/values"_s,
                         u"A list's values, sorted, as kept (case-folded)"_s, u"Risk"_s)
            .named(u"get_risk_list_values"_s)
            .param<QString>(u"name"_s, In::Path, u"The list"_s)
            .paged({})
            .serve([](Client& c, const Args& a, const QString&) { return c.riskListValues(a.at<QString>(0)); }),
        Def<RiskList>(Op::CreateRiskList, "POST", u"/v1/risk/lists"_s, u"Make a list"_s, u"Risk"_s)
            .param<QString>(u"name"_s, In::Body, u"As rules will name it: lower-case letters, digits and _"_s)
            .param<QString>(u"kind"_s, In::Body,
                            u"What it holds: email, card_fingerprint, ip, bin, country, device_id or text"_s)
            .param<QString>(u"description"_s, In::Body, u"What it is for"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.createRiskList(a.at<QString>(0), a.at<QString>(1), a.at<QString>(2), key);
            }),
        Def<RiskListChange>(Op::AddRiskListValues, "POST", u"/v1/risk/lists/{name}/values"_s,
                            u"Add values to a list; one that does not fit its kind adds none"_s, u"Risk"_s)
            .param<QString>(u"name"_s, In::Path, u"The list"_s)
            .param<QStringList>(u"values"_s, In::Body, u"The values, at most 10,000"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.addRiskListValues(a.at<QString>(0), a.at<QStringList>(1), key);
            }),
        Def<RiskListChange>(Op::RemoveRiskListValues, "POST", u"/v1/risk/lists/{name}/values/remove"_s,
                            u"Remove values from a list"_s, u"Risk"_s)
            .param<QString>(u"name"_s, In::Path, u"The list"_s)
            .param<QStringList>(u"values"_s, In::Body, u"The values"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.removeRiskListValues(a.at<QString>(0), a.at<QStringList>(1), key);
            }),
    };
}

QList<ApiOperation> reviews()
{
    using namespace souk::risk;
    return {
        Def<QList<Review>>(Op::ReadReviews, "GET", u"/v1/risk/reviews"_s,
                           u"The review queue: the authorization that lapses soonest first"_s, u"Risk"_s)
            .named(u"list_reviews"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's; absent: every merchant seen"_s, false)
            .param<std::optional<int>>(u"min_score"_s, In::Query, u"Only scores at least this, 0 to 100"_s, false)
            .param<QString>(u"rule"_s, In::Query, u"Only those whose deciding rule contains this text"_s, false)
            .param<std::optional<bool>>(u"open_only"_s, In::Query, u"Only open ones (true)"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 1000 (200)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                if (auto e = outOfRange(a.at<std::optional<int>>(4), ReviewsAtMost))
                    return failed<QList<Review>>(*e);
                const auto minScore = a.at<std::optional<int>>(1);
                if (minScore && (*minScore < 0 || *minScore > 100))
                    return failed<QList<Review>>(Error::invalid(u"minScore"_s, u"must be between 0 and 100"_s));
                ReviewFilter f;
                if (!a.at<Id>(0).isNull())
                    f.merchantId = a.at<Id>(0);
                f.minScore = minScore.value_or(-1);
                f.ruleContains = a.at<QString>(2);
                f.openOnly = a.at<std::optional<bool>>(3).value_or(true);
                f.limit = a.at<std::optional<int>>(4).value_or(200);
                return c.reviews(f);
            }),
        Def<Review>(Op::ReadReviews, "GET", u"/v1/risk/reviews/{review_id}"_s,
                    u"A review with the reasons the payment was held"_s, u"Risk"_s)
            .named(u"get_review"_s)
            .param<Id>(u"review_id"_s, In::Path, u"The review"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.review(a.at<Id>(0)); }),
        Def<Review>(Op::ClaimReview, "POST", u"/v1/risk/reviews/{review_id}/claim"_s,
                    u"Work a review: no one else may for five minutes (again: extends it)"_s, u"Risk"_s)
            .param<Id>(u"review_id"_s, In::Path, u"The review"_s)
            .serve([](Client& c, const Args& a, const QString& key) { return c.claimReview(a.at<Id>(0), key); }),
        Def<Review>(Op::ReleaseReview, "POST", u"/v1/risk/reviews/{review_id}/release"_s,
                    u"Give a claimed review back"_s, u"Risk"_s)
            .param<Id>(u"review_id"_s, In::Path, u"The review"_s)
            .serve([](Client& c, const Args& a, const QString& key) { return c.releaseReview(a.at<Id>(0), key); }),
        Def<Review>(Op::DecideReview, "POST", u"/v1/risk/reviews/{review_id}/decision"_s,
                    u"Decide a held payment: approve captures it; decline and fraud void it, cancel and restock"_s,
                    u"Risk"_s)
            .param<Id>(u"review_id"_s, In::Path, u"The review"_s)
            .param<ReviewVerdict>(u"verdict"_s, In::Body, u"approve, decline or fraud"_s)
            .param<QString>(u"reason"_s, In::Body,
                            u"approve: customer_verified, known_customer, consistent_history, other; decline: "
                            "customer_unreachable, cannot_verify, policy, other; fraud: stolen_card, card_testing, "
                            "account_takeover, other"_s)
            .param<QString>(u"note"_s, In::Body, u"The reviewer's note, at most 1000 characters"_s, false)
            .param<bool>(u"block"_s, In::Body, u"fraud only: add the card and email to the block lists"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.decideReview(a.at<Id>(0), a.at<ReviewVerdict>(1), a.at<QString>(2), a.at<QString>(3),
                                      a.at<bool>(4), key);
            }),
        Def<Assessment>(Op::ReadPaymentRisk, "GET", u"/v1/payments/{payment_id}/risk"_s,
                        u"What the risk engine decided of a payment, with its score, rules and reasons"_s, u"Risk"_s)
            .named(u"get_payment_risk"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.paymentRisk(a.at<Id>(0)); }),
    };
}

} // namespace souk::api::operations
