// LocalClient, fourth part: the risk engine's rule sets and lists, the review queue and a
// payment's assessment.
#include "backend/client/LocalClient.h"

#include <QJsonArray>
#include <QSqlQuery>

#include "backend/auth/Access.h"
#include "backend/engine/Engine.h"
#include "backend/engine/PaymentFlows.h"
#include "backend/payments/Idempotency.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Backtest.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::risk::Review;
using souk::risk::RuleSetVersion;
using Op = souk::auth::Operation;

namespace souk {
namespace {

/// Runs `command` once per key, as payments::runIdempotent does, but keeps only the number that
/// names what it made (a rule set's version, a review's id, a count): a retry with the key gets
/// the answer rebuilt from the store by `replay`. An empty key runs the command unkeyed (the
/// console in process, which does not retry). Writer thread.
template <typename T>
Result<T> onceByKey(store::UnitOfWork& uow, const payments::IdempotentRequest& request,
                    const std::function<Result<T>()>& command, const std::function<qint64(const T&)>& handle,
                    const std::function<Result<T>(qint64)>& replay)
{
    if (request.key.isEmpty())
        return command();
    if (auto s = payments::Idempotency::validateKey(request.key); !s)
        return s.error();
    auto stored = payments::Idempotency::lookup(uow, request);
    if (!stored)
        return stored.error();
    if (*stored) {
        bool ok = false;
        const qint64 kept = (*stored)->toLongLong(&ok);
        if (!ok)
            return Error::internal(u"the stored answer of idempotency key %1 is not this command's"_s.arg(request.key));
        return replay(kept);
    }
    Result<T> result = command();
    if (!result)
        return result; // nothing stored: the caller may fix the input and retry with the same key
    if (auto s = payments::Idempotency::remember(uow, request, QByteArray::number(handle(*result))); !s)
        return s.error();
    return result;
}

/// The request's key scoped to the platform (rule sets and lists are no merchant's) and the actor.
payments::IdempotentRequest platformScoped(const payments::IdempotentRequest& request, const store::UnitOfWork& uow)
{
    return request.within(Id{}, uow.actor());
}

/// The request's key scoped to the review's merchant and the actor. An unknown review scopes to
/// no merchant: the command then fails as not found.
payments::IdempotentRequest reviewScoped(store::UnitOfWork& uow, const payments::IdempotentRequest& request,
                                         Id reviewId)
{
    auto merchant = auth::merchantOf(uow.db(), u"review"_s, reviewId, u"reviewId"_s);
    return request.within(merchant ? *merchant : Id{}, uow.actor());
}

Result<risk::RiskList> listNamed(QSqlDatabase& db, const QString& name)
{
    auto all = risk::RiskPolicy::lists(db);
    if (!all)
        return all.error();
    for (const risk::RiskList& l : *all) {
        if (l.name == name)
            return l;
    }
    return Error::notFound(u"list"_s, u"there is no list @%1"_s.arg(name.left(64)));
}

/// The end of every window: a backtest or dataset "until now" (10000-01-01).
constexpr qint64 EndOfTimeMs = 253'402'300'800'000;
/// Training reads its rows in the first 30 % of its progress, and learns in the rest.
constexpr qint64 ReadShare = 300;
constexpr qint64 ProgressTotal = 1000;

/// A progress callback of the risk services that keeps `progress` (may be null) and answers
/// whether to go on.
std::function<bool(qint64, qint64)> counting(const TaskProgressPtr& progress)
{
    return [progress](qint64 done, qint64 total) {
        if (!progress)
            return true;
        progress->total = total;
        progress->done = done;
        return !progress->cancelRequested.load();
    };
}

/// The assessment of a payment: the row of risk_assessments that names it (its latest attempt's).
Result<risk::Assessment> assessmentOfPayment(QSqlDatabase& db, Id paymentId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id FROM risk_assessments WHERE payment_id = ? ORDER BY id DESC LIMIT 1"_s);
    q.bindValue(0, paymentId.value);
    if (auto s = store::exec(q, u"finding a payment's risk assessment"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"paymentId"_s, u"payment %1 was not assessed"_s.arg(paymentId.toString()));
    const Id id{q.value(0).toLongLong()};
    q.finish();
    auto found = risk::Assessments::find(db, id);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(u"paymentId"_s, u"payment %1 was not assessed"_s.arg(paymentId.toString()));
    return **found;
}

} // namespace

QFuture<Result<QList<RuleSetVersion>>> LocalClient::ruleSets()
{
    return m_engine->read<QList<RuleSetVersion>>(ask(Op::ReadRiskRules),
                                                 [](QSqlDatabase& db) { return risk::RiskPolicy::ruleSets(db); });
}

QFuture<Result<RuleSetVersion>> LocalClient::ruleSet(qint64 version)
{
    return m_engine->read<RuleSetVersion>(
        ask(Op::ReadRiskRules), [version](QSqlDatabase& db) { return risk::RiskPolicy::ruleSet(db, version); });
}

QFuture<Result<RuleSetVersion>> LocalClient::saveRuleSet(const QString& text, const QString& note, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"save_rule_set"_s, {{u"text"_s, text}, {u"note"_s, note}});
    return m_engine->write<RuleSetVersion>(ask(Op::SaveRuleSet).because(note), [=](store::UnitOfWork& uow) {
        return onceByKey<RuleSetVersion>(
            uow, platformScoped(request, uow), [&] { return risk::RiskPolicy::saveDraft(uow, text, note); },
            [](const RuleSetVersion& v) { return v.version; },
            [&](qint64 version) { return risk::RiskPolicy::ruleSet(uow.db(), version); });
    });
}

QFuture<Result<RuleSetVersion>> LocalClient::activateRuleSet(qint64 version, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"activate_rule_set"_s, {{u"version"_s, version}});
    return m_engine->write<RuleSetVersion>(ask(Op::ActivateRuleSet), [=](store::UnitOfWork& uow) {
        return onceByKey<RuleSetVersion>(
            uow, platformScoped(request, uow), [&] { return risk::RiskPolicy::activate(uow, version); },
            [](const RuleSetVersion& v) { return v.version; },
            [&](qint64 kept) { return risk::RiskPolicy::ruleSet(uow.db(), kept); });
    });
}

QFuture<Result<RuleSetVersion>> LocalClient::setRuleSetShadow(qint64 version, bool shadow, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"set_rule_set_shadow"_s,
                                                         {{u"version"_s, version}, {u"shadow"_s, shadow}});
    return m_engine->write<RuleSetVersion>(ask(Op::SetRuleSetShadow), [=](store::UnitOfWork& uow) {
        return onceByKey<RuleSetVersion>(
            uow, platformScoped(request, uow), [&] { return risk::RiskPolicy::setShadow(uow, version, shadow); },
            [](const RuleSetVersion& v) { return v.version; },
            [&](qint64 kept) { return risk::RiskPolicy::ruleSet(uow.db(), kept); });
    });
}

QFuture<Result<QList<risk::RiskList>>> LocalClient::riskLists()
{
    return m_engine->read<QList<risk::RiskList>>(ask(Op::ReadRiskLists),
                                                 [](QSqlDatabase& db) { return risk::RiskPolicy::lists(db); });
}

QFuture<Result<QStringList>> LocalClient::riskListValues(const QString& name)
{
    return m_engine->read<QStringList>(ask(Op::ReadRiskLists),
                                       [name](QSqlDatabase& db) { return risk::RiskPolicy::listValues(db, name); });
}

QFuture<Result<risk::RiskList>> LocalClient::createRiskList(const QString& name, const QString& kind,
                                                            const QString& description, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"create_risk_list"_s, {{u"name"_s, name}, {u"kind"_s, kind}, {u"description"_s, description}});
    return m_engine->write<risk::RiskList>(ask(Op::CreateRiskList), [=](store::UnitOfWork& uow) {
        return onceByKey<risk::RiskList>(
            uow, platformScoped(request, uow),
            [&] { return risk::RiskPolicy::createList(uow, name, kind, description); },
            [](const risk::RiskList&) { return qint64(1); }, [&](qint64) { return listNamed(uow.db(), name); });
    });
}

QFuture<Result<RiskListChange>> LocalClient::changeRiskList(auth::Operation op, const QString& name,
                                                            const QStringList& values, const QString& key)
{
    const bool add = op == Op::AddRiskListValues;
    const auto request = payments::IdempotentRequest::of(
        key, auth::operationName(op), {{u"name"_s, name}, {u"values"_s, QJsonArray::fromStringList(values)}});
    return m_engine->write<RiskListChange>(ask(op), [=](store::UnitOfWork& uow) {
        // the answer names the list as it is after the change (a replay: as it is now)
        const auto answer = [&uow, &name](int changed) -> Result<RiskListChange> {
            auto list = listNamed(uow.db(), name);
            if (!list)
                return list.error();
            return RiskListChange{list->name, changed, list->entries};
        };
        return onceByKey<RiskListChange>(
            uow, platformScoped(request, uow),
            [&]() -> Result<RiskListChange> {
                auto changed = add ? risk::RiskPolicy::addToList(uow, name, values)
                                   : risk::RiskPolicy::removeFromList(uow, name, values);
                if (!changed)
                    return changed.error();
                return answer(*changed);
            },
            [](const RiskListChange& c) { return qint64(c.changed); }, [&](qint64 kept) { return answer(int(kept)); });
    });
}

QFuture<Result<RiskListChange>> LocalClient::addRiskListValues(const QString& name, const QStringList& values,
                                                               const QString& key)
{
    return changeRiskList(Op::AddRiskListValues, name, values, key);
}

QFuture<Result<RiskListChange>> LocalClient::removeRiskListValues(const QString& name, const QStringList& values,
                                                                  const QString& key)
{
    return changeRiskList(Op::RemoveRiskListValues, name, values, key);
}

QFuture<Result<QList<Review>>> LocalClient::reviews(const risk::ReviewFilter& filter)
{
    risk::ReviewFilter scoped = filter;
    // "every merchant" is every one the principal sees
    const Id merchant = ownMerchantOr(filter.merchantId.value_or(Id{}));
    scoped.merchantId = merchant.isNull() ? std::nullopt : std::optional<Id>(merchant);
    const qint64 nowMs = m_engine->clock().now().toMSecsSinceEpoch();
    return m_engine->read<QList<Review>>(ask(Op::ReadReviews).forMerchant(merchant), [scoped, nowMs](QSqlDatabase& db) {
        return risk::Reviews::list(db, scoped, nowMs);
    });
}

QFuture<Result<Review>> LocalClient::review(Id reviewId)
{
    const qint64 nowMs = m_engine->clock().now().toMSecsSinceEpoch();
    return m_engine->read<Review>(
        ask(Op::ReadReviews).on(u"review"_s, reviewId, u"reviewId"_s),
        [reviewId, nowMs](QSqlDatabase& db) { return risk::Reviews::get(db, reviewId, nowMs); });
}

QFuture<Result<Review>> LocalClient::claimReview(Id reviewId, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"claim_review"_s, {{u"reviewId"_s, reviewId.toString()}});
    const auto access = ask(Op::ClaimReview).on(u"review"_s, reviewId, u"reviewId"_s);
    return m_engine->write<Review>(access, [=](store::UnitOfWork& uow) {
        return onceByKey<Review>(
            uow, reviewScoped(uow, request, reviewId), [&] { return risk::Reviews::claim(uow, reviewId); },
            [](const Review& r) { return r.id.value; },
            [&](qint64 id) { return risk::Reviews::get(uow.db(), Id{id}, uow.nowMs()); });
    });
}

QFuture<Result<Review>> LocalClient::releaseReview(Id reviewId, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"release_review"_s, {{u"reviewId"_s, reviewId.toString()}});
    const auto access = ask(Op::ReleaseReview).on(u"review"_s, reviewId, u"reviewId"_s);
    return m_engine->write<Review>(access, [=](store::UnitOfWork& uow) {
        return onceByKey<Review>(
            uow, reviewScoped(uow, request, reviewId), [&] { return risk::Reviews::release(uow, reviewId); },
            [](const Review& r) { return r.id.value; },
            [&](qint64 id) { return risk::Reviews::get(uow.db(), Id{id}, uow.nowMs()); });
    });
}

QFuture<Result<Review>> LocalClient::decideReview(Id reviewId, risk::ReviewVerdict verdict, const QString& reason,
                                                  const QString& note, bool block, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"decide_review"_s,
                                                         {{u"reviewId"_s, reviewId.toString()},
                                                          {u"verdict"_s, risk::reviewVerdictName(verdict)},
                                                          {u"reason"_s, reason},
                                                          {u"note"_s, note},
                                                          {u"block"_s, block}});
    const auto access = ask(Op::DecideReview).on(u"review"_s, reviewId, u"reviewId"_s).because(reason);
    // approve captures, decline and fraud void: the provider calls join the outbox, sent once it commits
    return m_flows->writeThenSend<Review>(access, [=](store::UnitOfWork& uow) {
        return onceByKey<Review>(
            uow, reviewScoped(uow, request, reviewId),
            [&] { return risk::Reviews::decide(uow, reviewId, verdict, reason, note, block); },
            [](const Review& r) { return r.id.value; },
            [&](qint64 id) { return risk::Reviews::get(uow.db(), Id{id}, uow.nowMs()); });
    });
}

QFuture<Result<risk::Assessment>> LocalClient::paymentRisk(Id paymentId)
{
    return m_engine->read<risk::Assessment>(
        ask(Op::ReadPaymentRisk).on(u"payment"_s, paymentId, u"paymentId"_s),
        [paymentId](QSqlDatabase& db) { return assessmentOfPayment(db, paymentId); });
}

QFuture<Result<risk::BacktestResult>> LocalClient::backtestRules(const QString& text, qint64 fromMs, qint64 toMs,
                                                                 TaskProgressPtr progress)
{
    const qint64 to = toMs == 0 ? EndOfTimeMs : toMs;
    return m_engine->read<risk::BacktestResult>(
        ask(Op::BacktestRules), [text, fromMs, to, progress](QSqlDatabase& db) -> Result<risk::BacktestResult> {
            auto result = risk::Backtest::run(db, text, fromMs, to, counting(progress));
            if (!result && result.error().field == u"to"_s) // as the Client names its parameter
                return Error::invalid(u"toMs"_s, result.error().message);
            if (result && progress)
                progress->done = progress->total.load();
            return result;
        });
}

QFuture<Result<QList<risk::ModelVersion>>> LocalClient::riskModels()
{
    return m_engine->read<QList<risk::ModelVersion>>(ask(Op::ReadRiskModels),
                                                     [](QSqlDatabase& db) { return risk::RiskModels::list(db); });
}

QFuture<Result<risk::ModelVersion>> LocalClient::trainRiskModel(const QString& kind, qint64 untilMs,
                                                                TaskProgressPtr progress, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"train_risk_model"_s, {{u"kind"_s, kind}, {u"until_ms"_s, untilMs}});
    const auth::Access access = ask(Op::TrainRiskModel).because(kind);
    if (auto refused = m_engine->admit(access))
        return engine::Engine::readyError<risk::ModelVersion>(*refused);
    if (kind != u"lr"_s && kind != u"gbdt"_s) { // before seconds of reading
        const Error bad = Error::invalid(u"kind"_s, u"'%1' is not a model kind (lr or gbdt)"_s.arg(kind.left(20)));
        m_engine->recordFailure(access, bad);
        return engine::Engine::readyError<risk::ModelVersion>(bad);
    }
    const qint64 until = untilMs != 0 ? untilMs : m_engine->clock().nowMs() - 30LL * 86'400'000;
    auto answer = std::make_shared<QPromise<Result<risk::ModelVersion>>>();
    answer->start();
    // the engine, not this client, is kept: the answer may come after the console closed the client
    std::shared_ptr<engine::Engine> writer = m_engine;
    auto fail = [writer, access, answer](const Error& e) {
        if (e.code != ErrorCode::Cancelled)
            writer->recordFailure(access, e);
        answer->addResult(Result<risk::ModelVersion>(e));
        answer->finish();
    };
    // reading and learning on a reader thread; the learning after the read's snapshot has ended
    m_engine->read<risk::Dataset>(
        [progress](QSqlDatabase& db) {
            return risk::RiskModels::dataset(db, 0, EndOfTimeMs, [progress](qint64 done, qint64 total) {
                if (!progress)
                    return true;
                progress->total = ProgressTotal;
                progress->done = total > 0 ? done * ReadShare / total : 0;
                return !progress->cancelRequested.load();
            });
        },
        engine::ReadMode::Snapshot,
        [writer, kind, until, progress, request, access, answer, fail](const Result<risk::Dataset>& data) {
            if (!data)
                return fail(data.error());
            auto trained = risk::RiskModels::train(
                *data, kind, until, risk::RiskModels::DefaultThreshold, [progress](double fraction) {
                    if (!progress)
                        return true;
                    progress->total = ProgressTotal;
                    progress->done = ReadShare + qint64(fraction * double(ProgressTotal - ReadShare));
                    return !progress->cancelRequested.load();
                });
            if (!trained)
                return fail(trained.error().field == u"until"_s ? Error::invalid(u"untilMs"_s, trained.error().message)
                                                                 : trained.error());
            writer->write<risk::ModelVersion>(
                access,
                [request, t = *trained](store::UnitOfWork& uow) {
                    return onceByKey<risk::ModelVersion>(
                        uow, platformScoped(request, uow), [&] { return risk::RiskModels::save(uow, t); },
                        [](const risk::ModelVersion& v) { return v.version; },
                        [&](qint64 kept) { return risk::RiskModels::get(uow.db(), kept); });
                },
                [answer, progress](const Result<risk::ModelVersion>& saved) {
                    if (saved && progress)
                        progress->done = ProgressTotal;
                    answer->addResult(saved);
                    answer->finish();
                });
        });
    return answer->future();
}

QFuture<Result<risk::ModelVersion>> LocalClient::activateRiskModel(qint64 version, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"activate_risk_model"_s, {{u"version"_s, version}});
    return m_engine->write<risk::ModelVersion>(ask(Op::ActivateRiskModel), [=](store::UnitOfWork& uow) {
        return onceByKey<risk::ModelVersion>(
            uow, platformScoped(request, uow), [&] { return risk::RiskModels::activate(uow, version); },
            [](const risk::ModelVersion& v) { return v.version; },
            [&](qint64 kept) -> Result<risk::ModelVersion> {
                if (kept == 0)
                    return risk::ModelVersion{};
                return risk::RiskModels::get(uow.db(), kept);
            });
    });
}

} // namespace souk
