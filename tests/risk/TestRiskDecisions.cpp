#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/store/Sql.h"
#include "tests/risk/StoreQuery.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

const Actor Analyst{u"risk-analyst"_s, u"admin"_s};

CardInput card(const char* number, PaymentContext context = {})
{
    CardInput c{QString::fromLatin1(number), 12, 2030, u"123"_s};
    c.context = std::move(context);
    return c;
}

PaymentContext from(const QString& ipCountry, const QString& device = {}, const QString& ip = {})
{
    PaymentContext c;
    c.ipCountry = ipCountry;
    c.deviceId = device;
    c.ip = ip;
    c.shippingCountry = ipCountry;
    return c;
}

constexpr const char* FrenchCard = "4000002500000003";
constexpr const char* BritishCard = "4000008260000000";
constexpr const char* GermanCard = "4000002760000016";

} // namespace

/// The risk engine inside authorization, on a real store: every payment is assessed before the
/// provider hears of it; a block never reaches the provider, a review holds the capture, the
/// features come from the payments before it, and bad rules or context change nothing.
class TestRiskDecisions final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void withoutRulesEveryPaymentIsAssessedAndAllowed();
    void blockRuleDeclinesWithoutCallingTheProvider();
    void retryOfABlockedCheckoutReplaysIt();
    void reviewHoldsTheCaptureUntilAPersonDecides();
    void velocityFeaturesCountTheEarlierPayments();
    void listsFeedRulesAndRejectBadValues();
    void shadowDraftIsLoggedAndActsOnNothing();
    void activatingRetiresAndRestores();
    void badRuleSetsSaveNothing();
    void badContextChangesNothing();

private:
    NewOrder basket(const OrderSupport& who, qint64 quantity = 1) const
    {
        return NewOrder{m_f->merchantId(), who.customerId(), {{u"EAR-1"_s, quantity}}, {}, {}};
    }
    Result<Checkout> checkout(const OrderSupport& who, const CardInput& c, const QString& key, qint64 quantity = 1)
    {
        return wait(m_f->client().checkout(basket(who, quantity), c, true, key));
    }
    template <typename T> Result<T> policy(std::function<Result<T>(store::UnitOfWork&)> fn)
    {
        return wait(m_f->client().engine().write<T>(Analyst, std::move(fn)));
    }
    void activate(const QString& rules)
    {
        auto draft = policy<risk::RuleSetVersion>(
            [rules](store::UnitOfWork& uow) { return risk::RiskPolicy::saveDraft(uow, rules, {}); });
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().toString()));
        auto active = policy<risk::RuleSetVersion>(
            [v = draft->version](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, v); });
        QVERIFY2(active, qPrintable(active ? QString() : active.error().toString()));
    }
    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        return souk::test::storeValue(*m_f, sql, binds);
    }
    risk::Assessment assessmentOfPayment(Id paymentId)
    {
        const Id id{scalar(u"SELECT id FROM risk_assessments WHERE payment_id = ?"_s, {paymentId.value}).toLongLong()};
        auto a = wait(m_f->client().engine().read<std::optional<risk::Assessment>>(
            [id](QSqlDatabase& db) { return risk::Assessments::find(db, id); }));
        if (!a || !*a)
            return {};
        return **a;
    }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_ana;
    std::unique_ptr<OrderSupport> m_bo;
};

void TestRiskDecisions::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 50);
    m_ana = std::make_unique<OrderSupport>(*m_f, u"ana@example.com"_s);
    m_bo = std::make_unique<OrderSupport>(*m_f, u"bo@example.org"_s);
}

void TestRiskDecisions::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_ana.reset();
    m_bo.reset();
    m_f.reset();
}

void TestRiskDecisions::withoutRulesEveryPaymentIsAssessedAndAllowed()
{
    auto paid = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s, u"dev-1"_s, u"203.0.113.7"_s)), u"k1"_s);
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
    QCOMPARE(paid->payment.status, PaymentStatus::Captured);
    QCOMPARE(paid->payment.heldMs, 0);
    const risk::Assessment a = assessmentOfPayment(paid->payment.id);
    QCOMPARE(a.action, risk::RiskAction::Allow);
    QCOMPARE(a.ruleSetVersion, 0);
    QCOMPARE(a.features[risk::Feature::Amount], 25.0);
    QCOMPARE(a.features[risk::Feature::IsNewCustomer], 1.0);
    QCOMPARE(a.features[risk::Feature::CardIpCountryMismatch], 0.0); // a US test card from a US address
    QVERIFY(!a.reasons.isEmpty());
    QCOMPARE(scalar(u"SELECT outcome FROM risk_assessments WHERE payment_id = ?"_s, {paid->payment.id.value}).toString(),
             u"approved"_s);
    QCOMPARE(scalar(u"SELECT card_country FROM risk_assessments WHERE payment_id = ?"_s, {paid->payment.id.value})
                 .toString(),
             u"US"_s);
    // the decision is on the order's timeline
    QCOMPARE(scalar(u"SELECT count(*) FROM order_events WHERE order_id = ? AND kind = 'risk.allow'"_s,
                    {paid->order.id.value})
                 .toInt(),
             1);
    // the second payment of the same customer is no longer a new customer's, at its usual amount
    auto again = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s, u"dev-1"_s)), u"k2"_s, 4);
    QVERIFY(again);
    const risk::Assessment b = assessmentOfPayment(again->payment.id);
    QCOMPARE(b.features[risk::Feature::IsNewCustomer], 0.0);
    QCOMPARE(b.features[risk::Feature::AmountToCustomerMean], 4.0);
    QCOMPARE(b.features[risk::Feature::IsNewDevice], 0.0);
    QCOMPARE(b.features[risk::Feature::CardPayments24h], 1.0);
}

void TestRiskDecisions::blockRuleDeclinesWithoutCallingTheProvider()
{
    activate(u"# cards abroad, large baskets\nBlock if :card_country: != :ip_country: and :amount: > 30\n"_s);
    const qint64 calls = m_f->provider().authorizations();
    // a French card from a British address, 50.00: blocked
    auto blocked = checkout(*m_ana, card(FrenchCard, from(u"GB"_s)), u"k1"_s, 2);
    QVERIFY2(blocked, qPrintable(blocked ? QString() : blocked.error().toString()));
    QCOMPARE(blocked->payment.status, PaymentStatus::Failed);
    QCOMPARE(blocked->payment.declineCode, u"risk_blocked"_s);
    QCOMPARE(blocked->order.status, OrderStatus::PendingPayment);
    QCOMPARE(m_f->provider().authorizations(), calls); // the card network never heard of it
    const risk::Assessment a = assessmentOfPayment(blocked->payment.id);
    QCOMPARE(a.action, risk::RiskAction::Block);
    QCOMPARE(a.ruleLine, 2);
    QCOMPARE(a.fired, QList<int>{2});
    QCOMPARE(scalar(u"SELECT outcome FROM risk_assessments WHERE payment_id = ?"_s, {blocked->payment.id.value})
                 .toString(),
             u"blocked"_s);
    QVERIFY(scalar(u"SELECT detail FROM order_events WHERE order_id = ? AND kind = 'risk.block'"_s,
                   {blocked->order.id.value})
                .toString()
                .contains(u"blocked by rule 2"_s));
    // the same card at home, or a small basket abroad: allowed and sent
    auto home = checkout(*m_bo, card(FrenchCard, from(u"FR"_s)), u"k2"_s, 2);
    QVERIFY(home);
    QCOMPARE(home->payment.status, PaymentStatus::Captured);
    auto small = checkout(*m_bo, card(BritishCard, from(u"DE"_s)), u"k3"_s, 1);
    QVERIFY(small);
    QCOMPARE(small->payment.status, PaymentStatus::Captured);
    QCOMPARE(m_f->provider().authorizations(), calls + 2);
    // the block counts as a decline of that card
    auto third = checkout(*m_ana, card(FrenchCard, from(u"FR"_s)), u"k4"_s, 1);
    QVERIFY(third);
    QCOMPARE(assessmentOfPayment(third->payment.id).features[risk::Feature::CardDeclines24h], 1.0);
}

void TestRiskDecisions::retryOfABlockedCheckoutReplaysIt()
{
    activate(u"Block if :ip_country: = 'GB'"_s);
    auto first = checkout(*m_ana, card(FrenchCard, from(u"GB"_s)), u"same-key"_s);
    QVERIFY(first);
    QCOMPARE(first->payment.declineCode, u"risk_blocked"_s);
    const qint64 assessments = scalar(u"SELECT count(*) FROM risk_assessments"_s).toLongLong();
    auto retry = checkout(*m_ana, card(FrenchCard, from(u"GB"_s)), u"same-key"_s);
    QVERIFY(retry);
    QCOMPARE(retry->payment.id, first->payment.id);
    QCOMPARE(retry->order.id, first->order.id);
    QCOMPARE(scalar(u"SELECT count(*) FROM risk_assessments"_s).toLongLong(), assessments); // judged once
}

void TestRiskDecisions::reviewHoldsTheCaptureUntilAPersonDecides()
{
    activate(u"Review if :is_new_customer: and :amount: >= 50"_s);
    const qint64 captures = m_f->provider().captures();
    auto held = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s)), u"k1"_s, 2);
    QVERIFY2(held, qPrintable(held ? QString() : held.error().toString()));
    // authorized at the provider, not captured: the order waits for a reviewer
    QCOMPARE(held->payment.status, PaymentStatus::Authorized);
    QVERIFY(held->payment.heldMs > 0);
    QCOMPARE(held->order.status, OrderStatus::PendingPayment);
    QCOMPARE(m_f->provider().captures(), captures);
    QCOMPARE(scalar(u"SELECT status FROM risk_reviews WHERE payment_id = ?"_s, {held->payment.id.value}).toString(),
             u"open"_s);
    // the review's deadline is the authorization's expiry
    QCOMPARE(scalar(u"SELECT deadline_ms FROM risk_reviews WHERE payment_id = ?"_s, {held->payment.id.value})
                 .toLongLong(),
             held->payment.authExpiresMs);
    // nobody captures it behind the reviewer's back
    auto capture = wait(m_f->client().capturePayment(held->payment.id, std::nullopt, u"k2"_s));
    QVERIFY(!capture);
    QCOMPARE(capture.error().code, ErrorCode::IllegalTransition);
    QVERIFY(capture.error().message.contains(u"review"_s));
    QCOMPARE(m_f->provider().captures(), captures);
    // a payment the rule does not catch is captured as before
    auto small = checkout(*m_bo, card(SimulatedProvider::Approved, from(u"US"_s)), u"k3"_s, 1);
    QVERIFY(small);
    QCOMPARE(small->payment.status, PaymentStatus::Captured);
}

void TestRiskDecisions::velocityFeaturesCountTheEarlierPayments()
{
    // card testing: one device and IP, many cards
    const char* cards[] = {FrenchCard, BritishCard, GermanCard, SimulatedProvider::Approved};
    QList<Id> payments;
    for (int i = 0; i < 4; ++i) {
        auto paid = checkout(*m_bo, card(cards[i], from(u"NL"_s, u"dev-burst"_s, u"198.51.100.9"_s)),
                             u"burst-%1"_s.arg(i));
        QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
        payments.append(paid->payment.id);
    }
    const risk::Assessment last = assessmentOfPayment(payments.last());
    QCOMPARE(last.features[risk::Feature::DevicePayments1h], 3.0);
    QCOMPARE(last.features[risk::Feature::DeviceDistinctCards24h], 3.0);
    QCOMPARE(last.features[risk::Feature::IpPayments1h], 3.0);
    QCOMPARE(last.features[risk::Feature::IpDistinctCards1h], 3.0);
    QCOMPARE(last.features[risk::Feature::CardPayments1h], 0.0); // a card not seen before
    // and a rule over them
    activate(u"Block if :device_distinct_cards_24h: >= 4"_s);
    auto fifth = checkout(*m_bo, card(FrenchCard, from(u"NL"_s, u"dev-burst"_s)), u"burst-5"_s);
    QVERIFY(fifth);
    QCOMPARE(fifth->payment.declineCode, u"risk_blocked"_s);
}

void TestRiskDecisions::listsFeedRulesAndRejectBadValues()
{
    auto list = policy<risk::RiskList>([](store::UnitOfWork& uow) {
        return risk::RiskPolicy::createList(uow, u"blocked_emails"_s, u"email"_s, u"known fraudsters"_s);
    });
    QVERIFY(list);
    // a bad value names itself, and nothing of the call is added
    auto bad = policy<int>([](store::UnitOfWork& uow) {
        return risk::RiskPolicy::addToList(uow, u"blocked_emails"_s, {u"bo@example.org"_s, u"not-an-email"_s});
    });
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Invalid);
    QCOMPARE(bad.error().field, u"values[1]"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM risk_list_items"_s).toInt(), 0);
    auto added = policy<int>([](store::UnitOfWork& uow) {
        return risk::RiskPolicy::addToList(uow, u"blocked_emails"_s, {u"BO@example.org"_s, u"bo@example.org"_s});
    });
    QVERIFY(added);
    QCOMPARE(*added, 1); // case-folded: one value
    activate(u"Block if :email: in @blocked_emails"_s);
    auto bo = checkout(*m_bo, card(SimulatedProvider::Approved, from(u"US"_s)), u"k1"_s);
    QVERIFY(bo);
    QCOMPARE(bo->payment.declineCode, u"risk_blocked"_s); // the customer's email, from the order
    auto ana = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s)), u"k2"_s);
    QVERIFY(ana);
    QCOMPARE(ana->payment.status, PaymentStatus::Captured);
    // a list added to takes effect on the next payment
    QVERIFY(policy<int>([](store::UnitOfWork& uow) {
        return risk::RiskPolicy::addToList(uow, u"blocked_emails"_s, {u"ana@example.com"_s});
    }));
    auto anaAgain = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s)), u"k3"_s);
    QVERIFY(anaAgain);
    QCOMPARE(anaAgain->payment.declineCode, u"risk_blocked"_s);
}

void TestRiskDecisions::shadowDraftIsLoggedAndActsOnNothing()
{
    auto draft = policy<risk::RuleSetVersion>(
        [](store::UnitOfWork& uow) { return risk::RiskPolicy::saveDraft(uow, u"Block if :amount: > 1"_s, {}); });
    QVERIFY(draft);
    QVERIFY(policy<risk::RuleSetVersion>(
        [v = draft->version](store::UnitOfWork& uow) { return risk::RiskPolicy::setShadow(uow, v, true); }));
    auto paid = checkout(*m_ana, card(SimulatedProvider::Approved, from(u"US"_s)), u"k1"_s);
    QVERIFY(paid);
    QCOMPARE(paid->payment.status, PaymentStatus::Captured);
    const risk::Assessment a = assessmentOfPayment(paid->payment.id);
    QCOMPARE(a.action, risk::RiskAction::Allow);
    QCOMPARE(a.shadowAction, u"block"_s);
    QCOMPARE(a.shadowVersion, draft->version);
}

void TestRiskDecisions::activatingRetiresAndRestores()
{
    activate(u"Block if :amount: > 1000"_s);
    activate(u"Block if :amount: > 10"_s);
    auto sets = wait(m_f->client().engine().read<QList<risk::RuleSetVersion>>(
        [](QSqlDatabase& db) { return risk::RiskPolicy::ruleSets(db); }));
    QVERIFY(sets);
    QCOMPARE(sets->size(), 2);
    QCOMPARE(sets->at(0).status, u"active"_s);
    QCOMPARE(sets->at(1).status, u"retired"_s);
    auto blocked = checkout(*m_ana, card(SimulatedProvider::Approved), u"k1"_s);
    QCOMPARE(blocked->payment.declineCode, u"risk_blocked"_s);
    // restore the first
    QVERIFY(policy<risk::RuleSetVersion>(
        [v = sets->at(1).version](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, v); }));
    auto allowed = checkout(*m_ana, card(SimulatedProvider::Approved), u"k2"_s);
    QCOMPARE(allowed->payment.status, PaymentStatus::Captured);
    auto twice = policy<risk::RuleSetVersion>(
        [v = sets->at(1).version](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, v); });
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::IllegalTransition);
}

void TestRiskDecisions::badRuleSetsSaveNothing()
{
    const auto save = [this](const QString& text) {
        return policy<risk::RuleSetVersion>(
            [text](store::UnitOfWork& uow) { return risk::RiskPolicy::saveDraft(uow, text, {}); });
    };
    auto syntax = save(u"Block if :amount: >\n"_s);
    QVERIFY(!syntax);
    QCOMPARE(syntax.error().code, ErrorCode::Invalid);
    QVERIFY2(syntax.error().field.startsWith(u"line 1, column"_s), qPrintable(syntax.error().field));
    auto attribute = save(u"Allow if :amount: < 5\nBlock if :ammount: > 300"_s);
    QVERIFY(!attribute);
    QVERIFY2(attribute.error().field.startsWith(u"line 2, column 10"_s), qPrintable(attribute.error().field));
    QVERIFY(attribute.error().message.contains(u"amount"_s)); // did you mean
    auto list = save(u"Block if :email: in @nowhere"_s);
    QVERIFY(!list);
    QVERIFY(list.error().message.contains(u"nowhere"_s));
    auto type = save(u"Block if :amount: > 'US'"_s);
    QVERIFY(!type);
    QCOMPARE(type.error().code, ErrorCode::Invalid);
    QCOMPARE(scalar(u"SELECT count(*) FROM risk_rulesets"_s).toInt(), 0);
    auto missing = policy<risk::RuleSetVersion>([](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, 42); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    auto badList = policy<risk::RiskList>(
        [](store::UnitOfWork& uow) { return risk::RiskPolicy::createList(uow, u"Bad Name"_s, u"email"_s, {}); });
    QVERIFY(!badList);
    QCOMPARE(badList.error().field, u"name"_s);
    auto badKind = policy<risk::RiskList>(
        [](store::UnitOfWork& uow) { return risk::RiskPolicy::createList(uow, u"ok"_s, u"phone"_s, {}); });
    QVERIFY(!badKind);
    QCOMPARE(badKind.error().field, u"kind"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM risk_lists"_s).toInt(), 0);
}

void TestRiskDecisions::badContextChangesNothing()
{
    const qint64 orders = scalar(u"SELECT count(*) FROM orders"_s).toLongLong();
    const auto refused = [&](PaymentContext context, const QString& field) {
        auto r = checkout(*m_ana, card(SimulatedProvider::Approved, context), u"bad-%1"_s.arg(field));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, field);
    };
    PaymentContext c;
    c.ipCountry = u"usa"_s;
    refused(c, u"context.ip_country"_s);
    c = {};
    c.ip = u"999.1.1.1"_s;
    refused(c, u"context.ip"_s);
    c = {};
    c.email = u"no-at-sign"_s;
    refused(c, u"context.email"_s);
    c = {};
    c.shippingDistanceKm = -3;
    refused(c, u"context.shipping_distance_km"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM orders"_s).toLongLong(), orders);
    QCOMPARE(scalar(u"SELECT count(*) FROM risk_assessments"_s).toLongLong(), 0);
}

QTEST_GUILESS_MAIN(TestRiskDecisions)
#include "TestRiskDecisions.moc"
