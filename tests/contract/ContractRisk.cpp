// ContractSuite, fourth part: the risk engine's rules, lists, review queue and assessments. The
// rules are the platform's: every case that needs them activates the same set first, whose rules
// match only the devices the cases name, so the other cases' checkouts go through as before.
#include <QTest>

#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "tests/contract/ContractSuite.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk::payments;
using namespace souk::risk;

namespace souk::test {
namespace {

const QString ContractRules = u"# the contract's rules\n"
                              "Block if :device_id: = 'contract-blocked'\n"
                              "Review if :device_id: = 'contract-held'\n"_s;
const Id MadeUpId{4242};

CardInput cardFrom(const QString& device)
{
    CardInput card{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
    card.context.deviceId = device;
    return card;
}

} // namespace

Result<qint64> ContractSuite::activateContractRules()
{
    auto sets = settle(client().ruleSets());
    if (!sets)
        return sets.error();
    for (const RuleSetVersion& v : *sets) {
        if (v.status == u"active"_s && v.text == ContractRules)
            return v.version;
    }
    auto saved = settle(client().saveRuleSet(ContractRules, u"contract"_s, newKey()));
    if (!saved)
        return saved.error();
    auto active = settle(client().activateRuleSet(saved->version, newKey()));
    if (!active)
        return active.error();
    return active->version;
}

Result<std::pair<Checkout, Id>> ContractSuite::heldMugs(qint64 quantity)
{
    if (auto rules = activateContractRules(); !rules)
        return rules.error();
    auto paid = settle(client().checkout(mugs(quantity), cardFrom(u"contract-held"_s), true, newKey()));
    if (!paid)
        return paid.error();
    ReviewFilter filter;
    filter.merchantId = seed().merchantA;
    auto queue = settle(client().reviews(filter));
    if (!queue)
        return queue.error();
    for (const Review& r : *queue) {
        if (r.paymentId == paid->payment.id)
            return std::pair{*paid, r.id};
    }
    return Error::notFound(u"review"_s, u"no review for the held payment "_s + paid->payment.id.toString());
}

void ContractSuite::ruleSetSavedActivatedAndBlocking()
{
    // rules that do not parse save nothing, and say where
    const auto before = settle(client().ruleSets());
    QVERIFY_OK(before);
    const auto mismatch =
        settle(client().saveRuleSet(u"Allow if :amount: > 1\nBlock if :amount: > 'US'"_s, {}, newKey()));
    QVERIFY(!mismatch);
    QCOMPARE(mismatch.error().code, ErrorCode::Invalid);
    QVERIFY2(mismatch.error().field.startsWith(u"line 2, column "_s), qPrintable(mismatch.error().toString()));
    QCOMPARE(settle(client().ruleSets())->size(), before->size());

    const QString key = newKey();
    const auto saved = settle(client().saveRuleSet(ContractRules, u"contract"_s, key));
    QVERIFY_OK(saved);
    QCOMPARE(saved->status, u"draft"_s);
    QCOMPARE(saved->text, ContractRules);
    QCOMPARE(saved->ruleCount, 2);
    QCOMPARE(saved->note, u"contract"_s);
    const auto again = settle(client().saveRuleSet(ContractRules, u"contract"_s, key)); // a retry: no second draft
    QVERIFY_OK(again);
    QCOMPARE(again->version, saved->version);
    const auto read = settle(client().ruleSet(saved->version));
    QVERIFY_OK(read);
    QCOMPARE(read->text, ContractRules);
    QCOMPARE_ERROR(settle(client().ruleSet(MadeUpId.value)), ErrorCode::NotFound, u"version"_s);

    const auto shadow = settle(client().setRuleSetShadow(saved->version, true, newKey()));
    QVERIFY_OK(shadow);
    QVERIFY(shadow->shadow);
    QVERIFY_OK(settle(client().setRuleSetShadow(saved->version, false, newKey())));
    const auto active = settle(client().activateRuleSet(saved->version, newKey()));
    QVERIFY_OK(active);
    QCOMPARE(active->status, u"active"_s);
    QVERIFY(active->activatedMs);
    QCOMPARE_ERROR(settle(client().activateRuleSet(saved->version, newKey())), ErrorCode::IllegalTransition,
                   u"version"_s);
    QCOMPARE_ERROR(settle(client().setRuleSetShadow(saved->version, true, newKey())), ErrorCode::IllegalTransition,
                   u"version"_s);
    const auto listed = settle(client().ruleSets());
    QVERIFY_OK(listed);
    QCOMPARE(listed->first().version, saved->version); // newest first
    QCOMPARE(listed->size(), before->size() + 1);

    // the active rules block a checkout from that device: declined here, the provider never asked
    const auto blocked = settle(client().checkout(mugs(1), cardFrom(u"contract-blocked"_s), true, newKey()));
    QVERIFY_OK(blocked);
    QCOMPARE(blocked->payment.status, PaymentStatus::Failed);
    const auto risk = settle(client().paymentRisk(blocked->payment.id));
    QVERIFY_OK(risk);
    QCOMPARE(risk->action, RiskAction::Block);
    QCOMPARE(risk->ruleSetVersion, saved->version);
    QCOMPARE(risk->ruleLine, 2);
    QVERIFY2(risk->ruleText.contains(u"contract-blocked"_s), qPrintable(risk->ruleText));
    QVERIFY(risk->fired.contains(2));
    QVERIFY(!risk->summary().isEmpty());
    // one the rules let through is assessed too, as allowed
    const auto allowed = settle(client().checkout(mugs(1), cardFrom(u"contract-fine"_s), true, newKey()));
    QVERIFY_OK(allowed);
    QCOMPARE(allowed->payment.status, PaymentStatus::Captured);
    const auto allowedRisk = settle(client().paymentRisk(allowed->payment.id));
    QVERIFY_OK(allowedRisk);
    QCOMPARE(allowedRisk->action, RiskAction::Allow);
    QCOMPARE_ERROR(settle(client().paymentRisk(MadeUpId)), ErrorCode::NotFound, u"paymentId"_s);
}

void ContractSuite::listsAddAndRemoveNamingABadValue()
{
    const auto made =
        settle(client().createRiskList(u"contract_emails"_s, u"email"_s, u"for the contract"_s, newKey()));
    QVERIFY_OK(made);
    QCOMPARE(made->kind, u"email"_s);
    QCOMPARE(made->entries, 0);
    QCOMPARE_ERROR(settle(client().createRiskList(u"contract_emails"_s, u"email"_s, {}, newKey())),
                   ErrorCode::Duplicate, u"name"_s);
    QCOMPARE_ERROR(settle(client().createRiskList(u"contract_things"_s, u"shoe_size"_s, {}, newKey())),
                   ErrorCode::Invalid, u"kind"_s);
    QCOMPARE_ERROR(settle(client().createRiskList(u"Contract Emails"_s, u"email"_s, {}, newKey())), ErrorCode::Invalid,
                   u"name"_s);

    const QString key = newKey();
    const auto added =
        settle(client().addRiskListValues(u"contract_emails"_s, {u"a@example.com"_s, u"B@Example.com"_s}, key));
    QVERIFY_OK(added);
    QCOMPARE(added->changed, 2);
    QCOMPARE(added->entries, 2);
    const auto replayed =
        settle(client().addRiskListValues(u"contract_emails"_s, {u"a@example.com"_s, u"B@Example.com"_s}, key));
    QVERIFY_OK(replayed);
    QCOMPARE(replayed->changed, 2); // the first answer again
    QCOMPARE(replayed->entries, 2);
    const auto known = settle(client().addRiskListValues(u"contract_emails"_s, {u"a@example.com"_s}, newKey()));
    QVERIFY_OK(known);
    QCOMPARE(known->changed, 0);
    // one bad value adds none, and is named
    QCOMPARE_ERROR(
        settle(client().addRiskListValues(u"contract_emails"_s, {u"c@example.com"_s, u"not an email"_s}, newKey())),
        ErrorCode::Invalid, u"values[1]"_s);
    QCOMPARE(*settle(client().riskListValues(u"contract_emails"_s)),
             (QStringList{u"a@example.com"_s, u"b@example.com"_s})); // kept case-folded
    QCOMPARE_ERROR(settle(client().addRiskListValues(u"contract_emails"_s, {}, newKey())), ErrorCode::Invalid,
                   u"values"_s);

    const auto removed = settle(
        client().removeRiskListValues(u"contract_emails"_s, {u"A@example.com"_s, u"zed@example.com"_s}, newKey()));
    QVERIFY_OK(removed);
    QCOMPARE(removed->changed, 1);
    QCOMPARE(removed->entries, 1);
    QCOMPARE(*settle(client().riskListValues(u"contract_emails"_s)), QStringList{u"b@example.com"_s});
    const auto lists = settle(client().riskLists());
    QVERIFY_OK(lists);
    const auto it =
        std::find_if(lists->begin(), lists->end(), [](const RiskList& l) { return l.name == u"contract_emails"_s; });
    QVERIFY(it != lists->end());
    QCOMPARE(it->entries, 1);
    QCOMPARE(it->description, u"for the contract"_s);
    QCOMPARE_ERROR(settle(client().riskListValues(u"no_such_list"_s)), ErrorCode::NotFound, u"list"_s);
    QCOMPARE_ERROR(settle(client().addRiskListValues(u"no_such_list"_s, {u"x@example.com"_s}, newKey())),
                   ErrorCode::NotFound, u"list"_s);
}

void ContractSuite::heldCheckoutClaimedAndApproved()
{
    const auto held = heldMugs(1);
    QVERIFY_OK(held);
    const auto& [checkout, reviewId] = *held;
    QCOMPARE(checkout.payment.status, PaymentStatus::Authorized);
    QVERIFY(checkout.payment.heldMs > 0);
    const auto open = settle(client().review(reviewId));
    QVERIFY_OK(open);
    QCOMPARE(open->status, u"open"_s);
    QCOMPARE(open->merchantId, seed().merchantA);
    QCOMPARE(open->assessment.action, RiskAction::Review);
    QVERIFY(open->assessment.ruleText.contains(u"contract-held"_s));
    QVERIFY(open->deadlineMs > open->openedMs);
    // one review comes with the customer's other payments and those sharing its card (the seed's
    // and other cases' checkouts pay with the same test card), never itself
    QVERIFY2(open->customer.payments >= 1, qPrintable(QString::number(open->customer.payments)));
    QVERIFY(open->customer.approved <= open->customer.payments);
    QVERIFY(!open->linked.isEmpty());
    QVERIFY(open->linked.size() <= 20);
    for (const LinkedPayment& l : open->linked) {
        QVERIFY(l.assessmentId != open->assessment.id);
        QVERIFY(!l.sharedBy.isEmpty());
    }
    QVERIFY(std::any_of(open->linked.begin(), open->linked.end(),
                        [](const LinkedPayment& l) { return l.sharedBy.contains(u"card"_s); }));
    QVERIFY(std::is_sorted(open->linked.begin(), open->linked.end(),
                           [](const LinkedPayment& a, const LinkedPayment& b) { return a.createdMs > b.createdMs; }));
    QCOMPARE_ERROR(settle(client().review(MadeUpId)), ErrorCode::NotFound, u"reviewId"_s);

    // claimed by one, refused for another
    const auto claimed = settle(client().claimReview(reviewId, newKey()));
    QVERIFY_OK(claimed);
    QCOMPARE(claimed->claimedBy, client().principal().userName);
    auto support = harness().clientFor(seed().supportKey);
    QVERIFY_OK(support);
    QCOMPARE_ERROR(settle((*support)->claimReview(reviewId, newKey())), ErrorCode::Conflict, u"reviewId"_s);
    QCOMPARE_ERROR(settle((*support)->decideReview(reviewId, ReviewVerdict::Decline, u"policy"_s, {}, false, newKey())),
                   ErrorCode::Conflict, u"reviewId"_s);
    // given back, then claimed again
    const auto released = settle(client().releaseReview(reviewId, newKey()));
    QVERIFY_OK(released);
    QVERIFY(released->claimedBy.isEmpty());
    QVERIFY_OK(settle(client().claimReview(reviewId, newKey())));

    // a reason that is not one of the verdict's, and block without fraud: refused, nothing moved
    QCOMPARE_ERROR(
        settle(client().decideReview(reviewId, ReviewVerdict::Approve, u"looks fine"_s, {}, false, newKey())),
        ErrorCode::Invalid, u"reason"_s);
    QCOMPARE_ERROR(settle(client().decideReview(reviewId, ReviewVerdict::Decline, u"policy"_s, {}, true, newKey())),
                   ErrorCode::Invalid, u"block"_s);

    // approve captures the held payment
    const QString key = newKey();
    const auto approved = settle(
        client().decideReview(reviewId, ReviewVerdict::Approve, u"customer_verified"_s, u"called"_s, false, key));
    QVERIFY_OK(approved);
    QCOMPARE(approved->status, u"approved"_s);
    QCOMPARE(approved->decidedBy, client().principal().userName);
    QCOMPARE(approved->reason, u"customer_verified"_s);
    const auto replayed = settle(
        client().decideReview(reviewId, ReviewVerdict::Approve, u"customer_verified"_s, u"called"_s, false, key));
    QVERIFY_OK(replayed); // a retry of the decision answers it again, and captures nothing more
    QCOMPARE(replayed->status, u"approved"_s);
    const auto detail = settle(client().orderDetail(checkout.order.id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->payments.size(), 1);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Captured);
    QCOMPARE(detail->payments.first().capturedMinor, checkout.payment.amountMinor);

    // a closed review takes no more decisions or claims
    QCOMPARE_ERROR(settle(client().decideReview(reviewId, ReviewVerdict::Decline, u"policy"_s, {}, false, newKey())),
                   ErrorCode::IllegalTransition, u"reviewId"_s);
    QCOMPARE_ERROR(settle(client().claimReview(reviewId, newKey())), ErrorCode::IllegalTransition, u"reviewId"_s);
    ReviewFilter closed;
    closed.merchantId = seed().merchantA;
    closed.openOnly = false;
    const auto all = settle(client().reviews(closed));
    QVERIFY_OK(all);
    QVERIFY(std::any_of(all->begin(), all->end(),
                        [&](const Review& r) { return r.id == reviewId && r.status == u"approved"_s; }));
    ReviewFilter openOnly;
    openOnly.merchantId = seed().merchantA;
    const auto queue = settle(client().reviews(openOnly));
    QVERIFY_OK(queue);
    QVERIFY(std::none_of(queue->begin(), queue->end(), [&](const Review& r) { return r.id == reviewId; }));
}

void ContractSuite::supportReadsRulesButCannotChangeThem()
{
    QVERIFY_OK(activateContractRules());
    auto support = harness().clientFor(seed().supportKey);
    QVERIFY_OK(support);
    Client& s = **support;
    QCOMPARE(s.principal().role, auth::Role::Support);
    const auto sets = settle(s.ruleSets());
    QVERIFY_OK(sets);
    QVERIFY(!sets->isEmpty());
    QVERIFY_OK(settle(s.ruleSet(sets->first().version)));
    QCOMPARE_ERROR(settle(s.saveRuleSet(u"Block if :amount: > 1"_s, {}, newKey())), ErrorCode::Forbidden, u""_s);
    QCOMPARE_ERROR(settle(s.activateRuleSet(sets->first().version, newKey())), ErrorCode::Forbidden, u""_s);
    QCOMPARE_ERROR(settle(s.setRuleSetShadow(sets->first().version, true, newKey())), ErrorCode::Forbidden, u""_s);
    QCOMPARE(settle(client().ruleSets())->size(), sets->size()); // nothing saved
    // lists are support's to keep
    QVERIFY_OK(settle(s.riskLists()));
    // and staff see no risk at all
    auto staff = harness().clientFor(seed().staffAKey);
    QVERIFY_OK(staff);
    QCOMPARE_ERROR(settle((*staff)->ruleSets()), ErrorCode::Forbidden, u""_s);
    QCOMPARE_ERROR(settle((*staff)->reviews({})), ErrorCode::Forbidden, u""_s);
}

void ContractSuite::ownerSeesOnlyItsMerchantsReviews()
{
    const auto held = heldMugs(1);
    QVERIFY_OK(held);
    const auto& [checkout, reviewId] = *held;
    const auto inQueue = [reviewId](const Result<QList<Review>>& queue) {
        return std::any_of(queue->begin(), queue->end(), [&](const Review& r) { return r.id == reviewId; });
    };

    auto ownerA = harness().clientFor(seed().ownerAKey);
    QVERIFY_OK(ownerA);
    const auto own = settle((*ownerA)->reviews({}));
    QVERIFY_OK(own);
    QVERIFY(inQueue(own));
    QVERIFY(std::all_of(own->begin(), own->end(), [&](const Review& r) { return r.merchantId == seed().merchantA; }));
    QVERIFY_OK(settle((*ownerA)->review(reviewId)));
    QCOMPARE(settle((*ownerA)->paymentRisk(checkout.payment.id))->action, RiskAction::Review);

    auto ownerB = harness().clientFor(seed().ownerBKey);
    QVERIFY_OK(ownerB);
    const auto others = settle((*ownerB)->reviews({}));
    QVERIFY_OK(others);
    QVERIFY(!inQueue(others));
    QVERIFY(
        std::all_of(others->begin(), others->end(), [&](const Review& r) { return r.merchantId == seed().merchantB; }));
    ReviewFilter ofA;
    ofA.merchantId = seed().merchantA;
    QCOMPARE_ERROR(settle((*ownerB)->reviews(ofA)), ErrorCode::NotFound, u"merchantId"_s);
    // another merchant's review and payment are not found, as missing ones are
    QCOMPARE_ERROR(settle((*ownerB)->review(reviewId)), ErrorCode::NotFound, u"reviewId"_s);
    QCOMPARE_ERROR(settle((*ownerB)->claimReview(reviewId, newKey())), ErrorCode::NotFound, u"reviewId"_s);
    QCOMPARE_ERROR(settle((*ownerB)->paymentRisk(checkout.payment.id)), ErrorCode::NotFound, u"paymentId"_s);
    // and lists and rules are the platform's: no owner's
    QCOMPARE_ERROR(settle((*ownerB)->riskLists()), ErrorCode::Forbidden, u""_s);

    // the owner decides its own: decline voids, cancels and restocks
    const auto declined =
        settle((*ownerA)->decideReview(reviewId, ReviewVerdict::Decline, u"cannot_verify"_s, {}, false, newKey()));
    QVERIFY_OK(declined);
    QCOMPARE(declined->status, u"declined"_s);
    const auto detail = settle(client().orderDetail(checkout.order.id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Voided);
}

void ContractSuite::backtestAndModelsOverImportedHistory()
{
    // a backtest over merchant A's imported history (NodeFixture::seedHistory) reads and says what
    // the rules would have done; rules that do not parse are named by line and column
    QCOMPARE_ERROR(settle(client().backtestRules(u"Block if :amount: >"_s, 0, 0, nullptr)), ErrorCode::Invalid,
                   u"line 1, column 20"_s);
    const auto backtest = settle(client().backtestRules(u"Block if :amount: > 100\nReview if :is_new_customer:"_s,
                                                        0, 0, nullptr));
    QVERIFY_OK(backtest);
    QVERIFY2(backtest->payments >= 3000, qPrintable(QString::number(backtest->payments)));
    QVERIFY(backtest->fraud > 0);
    QVERIFY(backtest->blocked > 0 && backtest->blocked < backtest->payments);
    QCOMPARE(backtest->rules.size(), 2);
    QCOMPARE(backtest->rules[0].decided, backtest->blocked);
    QCOMPARE(backtest->rules[1].decided, backtest->reviewed);
    QVERIFY(!backtest->blockedApprovedMinor.isEmpty());

    // a model trained before the cut-off and evaluated after it, kept inactive; a retry keeps one
    QCOMPARE_ERROR(settle(client().backtestRules(u"Block if :amount: > 100"_s, 2000, 1000, nullptr)),
                   ErrorCode::Invalid, u"toMs"_s);
    const auto before = settle(client().riskModels());
    QVERIFY_OK(before);
    QCOMPARE_ERROR(settle(client().trainRiskModel(u"forest"_s, seed().historyCutoffMs, nullptr, newKey())),
                   ErrorCode::Invalid, u"kind"_s);
    // a cut-off before every payment leaves nothing to learn from: refused, nothing kept
    QCOMPARE_ERROR(settle(client().trainRiskModel(u"lr"_s, 1, nullptr, newKey())), ErrorCode::Invalid, u"untilMs"_s);
    QCOMPARE(settle(client().riskModels())->size(), before->size());
    const QString key = newKey();
    const auto trained = settle(client().trainRiskModel(u"lr"_s, seed().historyCutoffMs, nullptr, key));
    QVERIFY_OK(trained);
    QCOMPARE(trained->kind, u"lr"_s);
    QVERIFY(!trained->active);
    QCOMPARE(trained->trainedUntilMs, seed().historyCutoffMs);
    QVERIFY(trained->trainPositives > 0 && trained->evalPositives > 0);
    QVERIFY(trained->auc && *trained->auc > 0.5);
    QVERIFY(trained->evaluation);
    QCOMPARE(trained->evaluation->threshold, RiskModels::DefaultThreshold);
    QVERIFY(trained->evaluation->curve.size() >= 2);
    QCOMPARE(trained->evaluation->curve.first().recall, 0.0); // nothing flagged yet
    QCOMPARE(trained->evaluation->curve.last().recall, 1.0);  // everything flagged
    const auto& c = trained->evaluation->confusion;
    QCOMPARE(c.truePositives + c.falseNegatives, trained->evalPositives);
    QCOMPARE(c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives, trained->evalRows);
    const auto again = settle(client().trainRiskModel(u"lr"_s, seed().historyCutoffMs, nullptr, key));
    QVERIFY_OK(again);
    QCOMPARE(again->version, trained->version);
    const auto listed = settle(client().riskModels());
    QVERIFY_OK(listed);
    QCOMPARE(listed->size(), before->size() + 1);
    QCOMPARE(listed->first().version, trained->version);
    QVERIFY(listed->first().evaluation);
    QCOMPARE(listed->first().evaluation->curve.size(), trained->evaluation->curve.size());

    // activated, then none again: the other cases' checkouts are not scored
    const auto active = settle(client().activateRiskModel(trained->version, newKey()));
    QVERIFY_OK(active);
    QVERIFY(active->active);
    QCOMPARE_ERROR(settle(client().activateRiskModel(trained->version, newKey())), ErrorCode::IllegalTransition,
                   u"version"_s);
    QCOMPARE_ERROR(settle(client().activateRiskModel(MadeUpId.value, newKey())), ErrorCode::NotFound, u"version"_s);
    const auto none = settle(client().activateRiskModel(0, newKey()));
    QVERIFY_OK(none);
    QCOMPARE(none->version, 0);
    const auto after = settle(client().riskModels());
    QVERIFY_OK(after);
    for (const ModelVersion& v : *after)
        QVERIFY(!v.active);
}

} // namespace souk::test
