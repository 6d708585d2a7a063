// RemoteClient, third part: the risk operations as requests of the API's table.
#include "backend/client/RemoteClient.h"

#include "backend/client/RemoteClientCall.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"

using namespace Qt::StringLiterals;
using souk::risk::Review;
using souk::risk::RuleSetVersion;

namespace souk {

QFuture<Result<QList<RuleSetVersion>>> RemoteClient::ruleSets()
{
    return call<QList<RuleSetVersion>>(u"list_rule_sets"_s, {});
}

QFuture<Result<RuleSetVersion>> RemoteClient::ruleSet(qint64 version)
{
    return call<RuleSetVersion>(u"get_rule_set"_s, {}, version);
}

QFuture<Result<RuleSetVersion>> RemoteClient::saveRuleSet(const QString& text, const QString& note, const QString& key)
{
    return call<RuleSetVersion>(u"save_rule_set"_s, key, text, note);
}

QFuture<Result<RuleSetVersion>> RemoteClient::activateRuleSet(qint64 version, const QString& key)
{
    return call<RuleSetVersion>(u"activate_rule_set"_s, key, version);
}

QFuture<Result<RuleSetVersion>> RemoteClient::setRuleSetShadow(qint64 version, bool shadow, const QString& key)
{
    return call<RuleSetVersion>(u"set_rule_set_shadow"_s, key, version, shadow);
}

QFuture<Result<QList<risk::RiskList>>> RemoteClient::riskLists()
{
    return call<QList<risk::RiskList>>(u"list_risk_lists"_s, {});
}

QFuture<Result<QStringList>> RemoteClient::riskListValues(const QString& name)
{
    return call<QStringList>(u"get_risk_list_values"_s, {}, name);
}

QFuture<Result<risk::RiskList>> RemoteClient::createRiskList(const QString& name, const QString& kind,
                                                             const QString& description, const QString& key)
{
    return call<risk::RiskList>(u"create_risk_list"_s, key, name, kind, description);
}

QFuture<Result<RiskListChange>> RemoteClient::addRiskListValues(const QString& name, const QStringList& values,
                                                                const QString& key)
{
    return call<RiskListChange>(u"add_risk_list_values"_s, key, name, values);
}

QFuture<Result<RiskListChange>> RemoteClient::removeRiskListValues(const QString& name, const QStringList& values,
                                                                   const QString& key)
{
    return call<RiskListChange>(u"remove_risk_list_values"_s, key, name, values);
}

QFuture<Result<QList<Review>>> RemoteClient::reviews(const risk::ReviewFilter& f)
{
    const std::optional<int> minScore = f.minScore >= 0 ? std::optional<int>(f.minScore) : std::nullopt;
    return call<QList<Review>>(u"list_reviews"_s, {}, f.merchantId.value_or(Id{}), minScore, f.ruleContains,
                               std::optional<bool>(f.openOnly), std::optional<int>(f.limit));
}

QFuture<Result<Review>> RemoteClient::review(Id reviewId)
{
    return call<Review>(u"get_review"_s, {}, reviewId);
}

QFuture<Result<Review>> RemoteClient::claimReview(Id reviewId, const QString& key)
{
    return call<Review>(u"claim_review"_s, key, reviewId);
}

QFuture<Result<Review>> RemoteClient::releaseReview(Id reviewId, const QString& key)
{
    return call<Review>(u"release_review"_s, key, reviewId);
}

QFuture<Result<Review>> RemoteClient::decideReview(Id reviewId, risk::ReviewVerdict verdict, const QString& reason,
                                                   const QString& note, bool block, const QString& key)
{
    return call<Review>(u"decide_review"_s, key, reviewId, verdict, reason, note, block);
}

QFuture<Result<risk::Assessment>> RemoteClient::paymentRisk(Id paymentId)
{
    return call<risk::Assessment>(u"get_payment_risk"_s, {}, paymentId);
}

// A node reports no progress of a backtest or a training (one request, one answer): `progress`
// stays at 0 of 0, which a console shows as busy. Cancelling drops the answer; the node finishes
// the work (a backtest only reads; a trained model is kept, inactive, and a retry with the key
// answers it).
QFuture<Result<risk::BacktestResult>> RemoteClient::backtestRules(const QString& text, qint64 fromMs, qint64 toMs,
                                                                  TaskProgressPtr)
{
    return call<risk::BacktestResult>(u"backtest_rules"_s, {}, text, fromMs, toMs);
}

QFuture<Result<QList<risk::ModelVersion>>> RemoteClient::riskModels()
{
    return call<QList<risk::ModelVersion>>(u"list_risk_models"_s, {});
}

QFuture<Result<risk::ModelVersion>> RemoteClient::trainRiskModel(const QString& kind, qint64 untilMs, TaskProgressPtr,
                                                                 const QString& key)
{
    return call<risk::ModelVersion>(u"train_risk_model"_s, key, kind, untilMs);
}

QFuture<Result<risk::ModelVersion>> RemoteClient::activateRiskModel(qint64 version, const QString& key)
{
    return call<risk::ModelVersion>(u"activate_risk_model"_s, key, version);
}

} // namespace souk
