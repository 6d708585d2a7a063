// TestPermissions, second part: the risk operations' store (rules, a list, imported history, a
// model, a held checkout) and their calls, and the standalone store's owner.
#include <limits>

#include "backend/engine/Engine.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/risk/history/FraudSimulator.h"
#include "tests/support/Keys.h"
#include "tests/unit/TestPermissions.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using namespace souk::test::permissions;
using souk::auth::Operation;
using souk::auth::Role;

void TestPermissions::addRisk()
{
    // the rules and lists are the platform's: written on the engine as its owner would (the
    // local owner may not change them through the table)
    LocalClient& c = m_f->client();
    const Actor platform{u"platform"_s, u"admin"_s};
    const auto save = [&](const QString& text) {
        return checked(wait(c.engine().write<risk::RuleSetVersion>(
                           platform,
                           [text](store::UnitOfWork& uow) { return risk::RiskPolicy::saveDraft(uow, text, {}); })),
                       "rule set")
            .version;
    };
    const qint64 holding = save(u"Review if :device_id: = 'held-device'"_s);
    checked(wait(c.engine().write<risk::RuleSetVersion>(
                platform, [holding](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, holding); })),
            "activate");
    m_draftVersion = save(u"Block if :amount: > 100000"_s);
    checked(wait(c.engine().write<risk::RiskList>(
                platform,
                [](store::UnitOfWork& uow) -> Result<risk::RiskList> {
                    auto l = risk::RiskPolicy::createList(uow, u"vip"_s, u"email"_s, {});
                    if (l)
                        if (auto a = risk::RiskPolicy::addToList(uow, u"vip"_s, {u"a@example.com"_s}); !a)
                            return a.error();
                    return l;
                })),
            "list");
    // imported history with fraud in it, ending two months ago, and a model trained on it
    risk::FraudSimulatorOptions history;
    history.merchants = 1;
    history.payments = 3000;
    history.toMs = m_clock.nowMs() - 60LL * 86'400'000;
    history.fromMs = history.toMs - 90LL * 86'400'000;
    m_historyCutoffMs = history.toMs - 30LL * 86'400'000;
    auto simulated = risk::FraudSimulator::generate(history);
    QVERIFY(simulated);
    checked(wait(c.engine().write<risk::HistoryImportSummary>(
                platform, [rows = risk::FraudSimulator::payments(*simulated),
                           m = m_merchant](store::UnitOfWork& uow) { return risk::HistoryImport::run(uow, m, rows); })),
            "history");
    const risk::Dataset rows = checked(wait(c.engine().read<risk::Dataset>([](QSqlDatabase& db) {
                                           return risk::RiskModels::dataset(db, 0, std::numeric_limits<qint64>::max());
                                       })),
                                       "dataset");
    const risk::TrainedModel trained =
        checked(risk::RiskModels::train(rows, u"lr"_s, m_historyCutoffMs, risk::RiskModels::DefaultThreshold), "train");
    m_modelVersion =
        checked(wait(c.engine().write<risk::ModelVersion>(
                    platform, [trained](store::UnitOfWork& uow) { return risk::RiskModels::save(uow, trained); })),
                "model")
            .version;

    CardInput held = card();
    held.context.deviceId = u"held-device"_s;
    const Checkout paid = checked(
        wait(c.checkout(NewOrder{m_merchant, m_customer, {{u"MUG-1"_s, 1}}, {}, {}}, held, true, test::newKey())),
        "held checkout");
    QVERIFY2(paid.payment.heldMs > 0, "the rule did not hold the checkout");
    m_heldPayment = paid.payment.id;
    const auto queue = checked(wait(c.engine().read<QList<risk::Review>>([now = m_clock.nowMs()](QSqlDatabase& db) {
                                   return risk::Reviews::list(db, {}, now);
                               })),
                               "queue");
    QCOMPARE(queue.size(), 1);
    m_review = queue.first().id;
}

void TestPermissions::addRiskCalls(QMap<Operation, Call>& c) const
{
    c[Operation::ReadRiskRules] = [this](LocalClient& l) {
        return QList{outcome("ruleSets", l.ruleSets()), outcome("ruleSet", l.ruleSet(m_draftVersion))};
    };
    c[Operation::SaveRuleSet] = [](LocalClient& l) {
        return QList{outcome("saveRuleSet", l.saveRuleSet(u"Block if :amount: > 5000"_s, u"cap"_s))};
    };
    c[Operation::ActivateRuleSet] = [this](LocalClient& l) {
        return QList{outcome("activateRuleSet", l.activateRuleSet(m_draftVersion))};
    };
    c[Operation::SetRuleSetShadow] = [this](LocalClient& l) {
        return QList{outcome("setRuleSetShadow", l.setRuleSetShadow(m_draftVersion, true))};
    };
    c[Operation::ReadRiskLists] = [](LocalClient& l) {
        return QList{outcome("riskLists", l.riskLists()), outcome("riskListValues", l.riskListValues(u"vip"_s))};
    };
    c[Operation::CreateRiskList] = [](LocalClient& l) {
        return QList{outcome("createRiskList", l.createRiskList(u"blocked_ips"_s, u"ip"_s, {}))};
    };
    c[Operation::AddRiskListValues] = [](LocalClient& l) {
        return QList{outcome("addRiskListValues", l.addRiskListValues(u"vip"_s, {u"b@example.com"_s}))};
    };
    c[Operation::RemoveRiskListValues] = [](LocalClient& l) {
        return QList{outcome("removeRiskListValues", l.removeRiskListValues(u"vip"_s, {u"a@example.com"_s}))};
    };
    c[Operation::ReadReviews] = [this](LocalClient& l) {
        return QList{outcome("reviews", l.reviews({})), outcome("review", l.review(m_review))};
    };
    c[Operation::ClaimReview] = [this](LocalClient& l) {
        return QList{outcome("claimReview", l.claimReview(m_review))};
    };
    c[Operation::ReleaseReview] = [this](LocalClient& l) {
        outcome("claimReview", l.claimReview(m_review)); // a claim to give back (refused where release is)
        return QList{outcome("releaseReview", l.releaseReview(m_review))};
    };
    c[Operation::DecideReview] = [this](LocalClient& l) {
        return QList{outcome("decideReview", l.decideReview(m_review, risk::ReviewVerdict::Approve,
                                                            u"customer_verified"_s, u"called"_s, false))};
    };
    c[Operation::ReadPaymentRisk] = [this](LocalClient& l) {
        return QList{outcome("paymentRisk", l.paymentRisk(m_heldPayment))};
    };
    c[Operation::BacktestRules] = [](LocalClient& l) {
        return QList{outcome("backtestRules", l.backtestRules(u"Block if :amount: > 100"_s, 0, 0, nullptr))};
    };
    c[Operation::ReadRiskModels] = [](LocalClient& l) { return QList{outcome("riskModels", l.riskModels())}; };
    c[Operation::TrainRiskModel] = [this](LocalClient& l) {
        return QList{outcome("trainRiskModel", l.trainRiskModel(u"lr"_s, m_historyCutoffMs, nullptr))};
    };
    c[Operation::ActivateRiskModel] = [this](LocalClient& l) {
        return QList{outcome("activateRiskModel", l.activateRiskModel(m_modelVersion))};
    };
}

void TestPermissions::storeOwnerKeepsTheRiskPolicy()
{
    const auth::Principal local = auth::Principal::localOwner();
    const auth::Principal signedIn = principalFor(Role::Owner);
    for (Operation op :
         {Operation::SaveRuleSet, Operation::AddRiskListValues, Operation::TrainRiskModel, Operation::BacktestRules}) {
        QVERIFY2(auth::permits(local, op), qPrintable(auth::operationName(op)));
        QVERIFY2(!auth::permits(signedIn, op), qPrintable(auth::operationName(op)));
    }
    // what is no policy stays the table's
    QVERIFY(!auth::permits(local, Operation::VerifyAudit));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto client = openCopy(dir, local);
    QVERIFY(client);
    const Outcome saved = outcome("saveRuleSet", client->saveRuleSet(u"Block if :amount: > 5000"_s, u"cap"_s));
    const Outcome added = outcome("addRiskListValues", client->addRiskListValues(u"vip"_s, {u"c@example.com"_s}));
    for (const Outcome& o : {saved, added})
        QVERIFY2(!o.error, qPrintable(describe(o)));
}
