#include <QTest>

#include "backend/core/Clock.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/PaymentService.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "tests/risk/StoreQuery.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::risk::HistoryImport;
using souk::risk::HistoryImportSummary;
using souk::risk::HistoryPayment;
using souk::risk::Review;
using souk::risk::Reviews;
using souk::risk::ReviewVerdict;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

const Actor Rita{u"rita"_s, u"support"_s};
const Actor Sam{u"sam"_s, u"support"_s};

} // namespace

/// The fraud review queue on a real store: a held payment is decided in one command that moves
/// the money and the goods, two reviewers never work the same review, and a closed or lapsed
/// review, a bad reason or someone else's claim change nothing.
class TestRiskReviews final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void approveCapturesAndReleasesFulfilment();
    void declineVoidsCancelsAndRestocks();
    void fraudLabelsAndBlockLists();
    void claimsKeepTwoReviewersApart();
    void closedLapsedAndBadDecisionsChangeNothing();
    void queueListsTheMostUrgentFirst();
    void reviewShowsTheCustomersHistoryAndLinkedPayments();

private:
    /// A checkout the rule holds for review: its review.
    Review heldCheckout(const QString& key, qint64 quantity = 2)
    {
        CardInput card{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
        card.context.ipCountry = u"US"_s;
        auto paid = wait(m_f->client().checkout(
            NewOrder{m_f->merchantId(), m_ana->customerId(), {{u"EAR-1"_s, quantity}}, {}, {}}, card, true, key));
        if (!paid || paid->payment.heldMs == 0) {
            QTest::qFail("the checkout was not held", __FILE__, __LINE__);
            return {};
        }
        auto queue = list({});
        for (const Review& r : queue) {
            if (r.paymentId == paid->payment.id)
                return r;
        }
        QTest::qFail("no review for the held payment", __FILE__, __LINE__);
        return {};
    }
    QList<Review> list(risk::ReviewFilter filter)
    {
        auto r = wait(m_f->client().engine().read<QList<Review>>(
            [filter, now = m_clock.nowMs()](QSqlDatabase& db) { return Reviews::list(db, filter, now); }));
        return r ? *r : QList<Review>{};
    }
    Result<Review> as(const Actor& who, std::function<Result<Review>(store::UnitOfWork&)> fn)
    {
        return wait(m_f->client().engine().write<Review>(who, std::move(fn)));
    }
    Result<Review> decide(const Actor& who, Id id, ReviewVerdict v, const QString& reason, const QString& note = {},
                          bool block = false)
    {
        return as(who, [=](store::UnitOfWork& uow) { return Reviews::decide(uow, id, v, reason, note, block); });
    }
    Payment payment(Id id)
    {
        auto p = wait(m_f->client().engine().read<Payment>(
            [id](QSqlDatabase& db) { return PaymentService::payment(db, id); }));
        return p ? *p : Payment{};
    }
    Order order(Id id)
    {
        auto d = wait(m_f->client().orderDetail(id));
        return d ? d->order : Order{};
    }
    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        return souk::test::storeValue(*m_f, sql, binds);
    }

    MockClock m_clock{1796083200000}; // 2026-12-01
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_ana;
};

void TestRiskReviews::init()
{
    m_clock.setMs(1796083200000);
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 20);
    m_ana = std::make_unique<OrderSupport>(*m_f, u"ana@example.com"_s);
    auto draft = wait(m_f->client().engine().write<risk::RuleSetVersion>(Rita, [](store::UnitOfWork& uow) {
        return risk::RiskPolicy::saveDraft(uow, u"Review if :amount: >= 50"_s, {});
    }));
    QVERIFY(draft);
    QVERIFY(wait(m_f->client().engine().write<risk::RuleSetVersion>(
        Rita, [v = draft->version](store::UnitOfWork& uow) { return risk::RiskPolicy::activate(uow, v); })));
}

void TestRiskReviews::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_ana.reset();
    m_f.reset();
}

void TestRiskReviews::approveCapturesAndReleasesFulfilment()
{
    const Review r = heldCheckout(u"k1"_s);
    QCOMPARE(r.status, u"open"_s);
    QCOMPARE(r.amountMinor, 5000);
    QVERIFY(r.assessment.ruleText.contains(u"Review if"_s));
    auto approved = decide(Rita, r.id, ReviewVerdict::Approve, u"customer_verified"_s, u"called her"_s);
    QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));
    QCOMPARE(approved->status, u"approved"_s);
    QCOMPARE(approved->decidedBy, u"rita"_s);
    const Payment p = payment(r.paymentId);
    QCOMPARE(p.status, PaymentStatus::Captured);
    QCOMPARE(p.heldMs, 0);
    QCOMPARE(order(r.orderId).status, OrderStatus::Paid); // fulfilment may begin
    QCOMPARE(scalar(u"SELECT fraud FROM risk_assessments WHERE id = ?"_s, {r.assessment.id.value}).toInt(), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM provider_outbox WHERE payment_id = ?"_s, {r.paymentId.value}).toInt(), 1);
    QVERIFY(list({}).isEmpty()); // off the queue
}

void TestRiskReviews::declineVoidsCancelsAndRestocks()
{
    const qint64 before = scalar(u"SELECT sum(on_hand - reserved) FROM stock_levels"_s).toLongLong();
    const Review r = heldCheckout(u"k1"_s);
    QCOMPARE(scalar(u"SELECT sum(on_hand - reserved) FROM stock_levels"_s).toLongLong(), before - 2);
    auto declined = decide(Sam, r.id, ReviewVerdict::Decline, u"cannot_verify"_s);
    QVERIFY2(declined, qPrintable(declined ? QString() : declined.error().toString()));
    QCOMPARE(payment(r.paymentId).status, PaymentStatus::Voided);
    QCOMPARE(order(r.orderId).status, OrderStatus::Cancelled);
    QCOMPARE(scalar(u"SELECT sum(on_hand - reserved) FROM stock_levels"_s).toLongLong(), before); // back on the shelf
    QVERIFY(scalar(u"SELECT fraud FROM risk_assessments WHERE id = ?"_s, {r.assessment.id.value}).isNull());
}

void TestRiskReviews::fraudLabelsAndBlockLists()
{
    const Review r = heldCheckout(u"k1"_s);
    auto fraud = decide(Rita, r.id, ReviewVerdict::Fraud, u"stolen_card"_s, {}, true);
    QVERIFY2(fraud, qPrintable(fraud ? QString() : fraud.error().toString()));
    QCOMPARE(fraud->status, u"fraud"_s);
    QCOMPARE(payment(r.paymentId).status, PaymentStatus::Voided);
    QCOMPARE(scalar(u"SELECT fraud FROM risk_assessments WHERE id = ?"_s, {r.assessment.id.value}).toInt(), 1);
    QCOMPARE(scalar(u"SELECT label_source FROM risk_assessments WHERE id = ?"_s, {r.assessment.id.value}).toString(),
             u"review"_s);
    QCOMPARE(scalar(u"SELECT value FROM risk_list_items WHERE list = 'blocked_emails'"_s).toString(),
             u"ana@example.com"_s);
    QCOMPARE(scalar(u"SELECT value FROM risk_list_items WHERE list = 'blocked_cards'"_s).toString(),
             payment(r.paymentId).card.fingerprint);
}

void TestRiskReviews::claimsKeepTwoReviewersApart()
{
    const Review r = heldCheckout(u"k1"_s);
    auto mine = as(Rita, [id = r.id](store::UnitOfWork& uow) { return Reviews::claim(uow, id); });
    QVERIFY(mine);
    QCOMPARE(mine->claimedBy, u"rita"_s);
    auto theirs = as(Sam, [id = r.id](store::UnitOfWork& uow) { return Reviews::claim(uow, id); });
    QVERIFY(!theirs);
    QCOMPARE(theirs.error().code, ErrorCode::Conflict);
    QVERIFY(theirs.error().message.contains(u"rita"_s));
    auto sneaky = decide(Sam, r.id, ReviewVerdict::Approve, u"other"_s);
    QVERIFY(!sneaky);
    QCOMPARE(sneaky.error().code, ErrorCode::Conflict);
    QCOMPARE(payment(r.paymentId).status, PaymentStatus::Authorized); // nothing moved
    // a claim lasts a few minutes: then anyone may take it
    m_clock.advanceMs(Reviews::ClaimMs + 1);
    auto later = as(Sam, [id = r.id](store::UnitOfWork& uow) { return Reviews::claim(uow, id); });
    QVERIFY(later);
    QCOMPARE(later->claimedBy, u"sam"_s);
    // and a claim given back frees it at once
    QVERIFY(as(Sam, [id = r.id](store::UnitOfWork& uow) { return Reviews::release(uow, id); }));
    QVERIFY(decide(Rita, r.id, ReviewVerdict::Approve, u"known_customer"_s));
}

void TestRiskReviews::closedLapsedAndBadDecisionsChangeNothing()
{
    const Review r = heldCheckout(u"k1"_s);
    auto badReason = decide(Rita, r.id, ReviewVerdict::Approve, u"looks fine"_s);
    QVERIFY(!badReason);
    QCOMPARE(badReason.error().field, u"reason"_s);
    auto longNote = decide(Rita, r.id, ReviewVerdict::Approve, u"other"_s, QString(1001, u'x'));
    QVERIFY(!longNote);
    QCOMPARE(longNote.error().field, u"note"_s);
    auto blockOnApprove = decide(Rita, r.id, ReviewVerdict::Approve, u"other"_s, {}, true);
    QVERIFY(!blockOnApprove);
    QCOMPARE(blockOnApprove.error().field, u"block"_s);
    auto missing = decide(Rita, Id{424242}, ReviewVerdict::Approve, u"other"_s);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(payment(r.paymentId).status, PaymentStatus::Authorized);
    QCOMPARE(scalar(u"SELECT status FROM risk_reviews WHERE id = ?"_s, {r.id.value}).toString(), u"open"_s);

    QVERIFY(decide(Rita, r.id, ReviewVerdict::Approve, u"other"_s));
    auto twice = decide(Sam, r.id, ReviewVerdict::Decline, u"policy"_s);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::IllegalTransition);
    QVERIFY(twice.error().message.contains(u"approved by rita"_s));
    QCOMPARE(payment(r.paymentId).status, PaymentStatus::Captured);

    // past the authorization's expiry there is nothing left to approve
    const Review late = heldCheckout(u"k2"_s);
    m_clock.advanceMs(PaymentService::AuthorizationValidityMs + 1);
    auto lapsed = decide(Rita, late.id, ReviewVerdict::Approve, u"other"_s);
    QVERIFY(!lapsed);
    QCOMPARE(lapsed.error().code, ErrorCode::IllegalTransition);
    QVERIFY(lapsed.error().message.contains(u"lapsed"_s));
    QCOMPARE(payment(late.paymentId).status, PaymentStatus::Authorized);
    QVERIFY(list({}).isEmpty()); // a lapsed review leaves the queue
}

void TestRiskReviews::queueListsTheMostUrgentFirst()
{
    const Review first = heldCheckout(u"k1"_s);
    m_clock.advanceMs(60'000);
    const Review second = heldCheckout(u"k2"_s, 3);
    CardInput card{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
    auto small = wait(m_f->client().checkout( // 25.00: allowed, never queued
        NewOrder{m_f->merchantId(), m_ana->customerId(), {{u"EAR-1"_s, 1}}, {}, {}}, card, true, u"k3"_s));
    QVERIFY(small);
    QCOMPARE(small->payment.status, PaymentStatus::Captured);
    const QList<Review> queue = list({});
    QCOMPARE(queue.size(), 2);
    QCOMPARE(queue[0].id, first.id); // lapses first
    QCOMPARE(queue[1].id, second.id);
    QVERIFY(!queue[0].assessment.reasons.isEmpty()); // the reasons beside each row
    risk::ReviewFilter other;
    other.merchantId = Id{999};
    QVERIFY(list(other).isEmpty());
    risk::ReviewFilter byRule;
    byRule.ruleContains = u"amount"_s;
    QCOMPARE(list(byRule).size(), 2);
    byRule.ruleContains = u"card_country"_s;
    QVERIFY(list(byRule).isEmpty());
}

void TestRiskReviews::reviewShowsTheCustomersHistoryAndLinkedPayments()
{
    // imported history: one earlier payment of ana's email, disputed as fraudulent, from another
    // card; another customer's on the same device; a stranger's
    HistoryPayment mine;
    mine.createdMs = m_clock.nowMs() - 10LL * 86'400'000;
    mine.amount = Money(4000, *Currency::find(u"EUR"));
    mine.approved = true;
    mine.cardFingerprint = u"old-card"_s;
    mine.email = u"ana@example.com"_s;
    mine.deviceId = u"ana-phone"_s;
    mine.disputed = true;
    mine.disputeReason = u"fraudulent"_s;
    HistoryPayment sameDevice = mine;
    sameDevice.createdMs += 3'600'000;
    sameDevice.email = u"bo@example.com"_s;
    sameDevice.cardFingerprint = u"bo-card"_s;
    sameDevice.disputed = false;
    sameDevice.disputeReason.clear();
    sameDevice.refundedMinor = 1000;
    HistoryPayment stranger = sameDevice;
    stranger.createdMs += 3'600'000;
    stranger.email = u"cy@example.com"_s;
    stranger.cardFingerprint = u"cy-card"_s;
    stranger.deviceId = u"cy-laptop"_s;
    QVERIFY(wait(m_f->client().engine().write<HistoryImportSummary>(
        Rita, [rows = std::vector<HistoryPayment>{mine, sameDevice, stranger}, m = m_f->merchantId()](
                  store::UnitOfWork& uow) { return HistoryImport::run(uow, m, rows); })));

    CardInput card{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
    card.context.deviceId = u"ana-phone"_s;
    auto paid = wait(m_f->client().checkout(NewOrder{m_f->merchantId(), m_ana->customerId(), {{u"EAR-1"_s, 2}}, {}, {}},
                                            card, true, u"linked-1"_s));
    QVERIFY(paid && paid->payment.heldMs > 0);
    const QList<Review> queue = list({});
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().linked.size(), 0); // the queue does not read them
    auto r = wait(m_f->client().engine().read<Review>(
        [id = queue.first().id, now = m_clock.nowMs()](QSqlDatabase& db) { return Reviews::get(db, id, now); }));
    QVERIFY(r);
    // ana's history: the one imported payment, disputed as fraud
    QCOMPARE(r->customer.payments, 1);
    QCOMPARE(r->customer.approved, 1);
    QCOMPARE(r->customer.disputed, 1);
    QCOMPARE(r->customer.fraud, 1);
    QCOMPARE(r->customer.firstMs, mine.createdMs);
    // linked: her own earlier payment (email and device) and bo's (device), newest first; not cy's
    QCOMPARE(r->linked.size(), 2);
    QCOMPARE(r->linked[0].createdMs, sameDevice.createdMs);
    QCOMPARE(r->linked[0].sharedBy, QStringList{u"device"_s});
    QCOMPARE(r->linked[0].refundedMinor, 1000);
    QVERIFY(!r->linked[0].fraud);
    QCOMPARE(r->linked[1].createdMs, mine.createdMs);
    QCOMPARE(r->linked[1].sharedBy, (QStringList{u"email"_s, u"device"_s}));
    QVERIFY(r->linked[1].fraud);
    QCOMPARE(r->linked[1].outcome, u"approved"_s);
    QVERIFY(r->linked[1].paymentId.isNull()); // imported history has no payment here
}

QTEST_GUILESS_MAIN(TestRiskReviews)
#include "TestRiskReviews.moc"
