#include <QSemaphore>
#include <QTest>

#include <mutex>

#include "backend/engine/Engine.h"
#include "backend/payments/PaymentAttempts.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/store/Sql.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace {

/// The simulated provider, with a gate its authorizations wait at while the test looks at the
/// store, and the keys it was sent.
class GatedProvider final : public PaymentProvider
{
public:
    ProviderAnswer authorize(const CardInput& card, qint64 amountMinor, const QString& currency,
                             const QString& key) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_keys.append(key);
        }
        m_arrived.release();
        if (m_gated)
            m_gate.acquire();
        return sim.authorize(card, amountMinor, currency, key);
    }
    AttemptLookup lookupAuthorization(const QString& key) override { return sim.lookupAuthorization(key); }
    CallResult voidAuthorization(const QString& reference, const QString& key) override
    {
        return sim.voidAuthorization(reference, key);
    }
    CallResult capture(const QString& reference, qint64 amountMinor, const QString& key) override
    {
        return sim.capture(reference, amountMinor, key);
    }
    CallResult refund(const QString& reference, qint64 amountMinor, const QString& key) override
    {
        return sim.refund(reference, amountMinor, key);
    }
    CallLookup lookupCall(const QString& key) override { return sim.lookupCall(key); }

    void gate() { m_gated = true; }
    /// Waits until an authorization reached the provider; false after 5 s.
    bool waitArrival() { return m_arrived.tryAcquire(1, 5000); }
    void open() { m_gate.release(); }
    QStringList keys() const
    {
        std::lock_guard lock(m_mutex);
        return m_keys;
    }

    SimulatedProvider sim{0};

private:
    std::atomic<bool> m_gated{false};
    QSemaphore m_gate;
    QSemaphore m_arrived;
    mutable std::mutex m_mutex;
    QStringList m_keys;
};

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

const CardInput TestCard{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};

} // namespace

/// Authorizations are written ahead of the provider call: the attempt, with the key the
/// provider sees, is in the store first; a retry while it is in flight gets in_progress; after
/// a crash the provider is asked what it answered, and an approval nobody recorded is recorded
/// or released. Provider keys are unique across stores.
class TestPaymentAttempts final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void attemptIsInTheStoreBeforeTheProviderHearsOfIt();
    void retryWhileInFlightGetsInProgressAndOneHold();
    void approvalNobodyRecordedIsRecordedAtRestart();
    void heldApprovalNobodyRecordedIsHeldForReviewAtRestart();
    void approvalForAnOrderThatMovedOnIsReleased();
    void aLateReconcileLeavesARecordedHoldAlone();
    void attemptTheProviderNeverSawIsClosed();
    void keysNameTheStoreAndThePaymentsSequence();
    void checkoutOpenedBeforeKeysWereScopedHoldsItsRetry();

private:
    /// An open attempt for `order` under the client key `key`, as a crash right after the
    /// provider call leaves it; `approvedByProvider`: the provider answered it.
    PaymentAttempt crashedAttempt(const Order& order, const QString& key, bool approvedByProvider);
    qint64 scalar(const QString& sql);

    std::shared_ptr<GatedProvider> m_provider;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
};

void TestPaymentAttempts::init()
{
    m_provider = std::make_shared<GatedProvider>();
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    QVERIFY(m_f->reopenWith(m_provider, store::Durability::Full));
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    m_orders = std::make_unique<OrderSupport>(*m_f);
}

void TestPaymentAttempts::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_provider->open(); // never leave an authorization waiting at the gate
    m_orders.reset();
    m_f.reset();
    m_provider.reset();
}

qint64 TestPaymentAttempts::scalar(const QString& sql)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

void TestPaymentAttempts::attemptIsInTheStoreBeforeTheProviderHearsOfIt()
{
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    m_provider->gate();
    auto pending = m_f->client().authorizePayment(o.id, TestCard, u"pay-1"_s);
    QVERIFY(m_provider->waitArrival());
    const QString key = m_provider->keys().value(0);
    // the provider is deciding: the attempt with that very key is already committed
    auto open = wait(m_f->client().engine().read<QVariant>([key](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT state FROM payment_attempts WHERE provider_key = ?"_s, {key});
    }));
    QVERIFY2(open, "no attempt was written before the provider call");
    QCOMPARE(open->toInt(), int(AttemptState::Open));
    m_provider->open();
    const auto paid = wait(pending);
    QVERIFY(paid);
    QCOMPARE(paid->status, PaymentStatus::Authorized);
    QCOMPARE(scalar(u"SELECT state FROM payment_attempts WHERE payment_id = %1"_s.arg(paid->id.value)),
             qint64(AttemptState::Recorded));
}

void TestPaymentAttempts::retryWhileInFlightGetsInProgressAndOneHold()
{
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    m_provider->gate();
    auto first = m_f->client().authorizePayment(o.id, TestCard, u"pay-2"_s);
    QVERIFY(m_provider->waitArrival());
    // the customer's browser retries while the card network still decides
    const auto retry = wait(m_f->client().authorizePayment(o.id, TestCard, u"pay-2"_s));
    QVERIFY(!retry);
    QCOMPARE(retry.error().code, ErrorCode::InProgress);
    QCOMPARE(retry.error().field, u"idempotencyKey"_s);
    m_provider->open();
    const auto paid = wait(first);
    QVERIFY(paid);
    const auto later = wait(m_f->client().authorizePayment(o.id, TestCard, u"pay-2"_s));
    QVERIFY(later);
    QCOMPARE(later->id, paid->id); // the recorded payment, not a second hold
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
    QCOMPARE(m_provider->keys().size(), 1);
}

void TestPaymentAttempts::checkoutOpenedBeforeKeysWereScopedHoldsItsRetry()
{
    // a checkout's attempt opened by the version before keys were scoped sits under the bare
    // key; the provider is still deciding when the new version takes the customer's retry: it
    // must wait for that attempt, not make a second order and hold the card twice
    const NewOrder order{m_f->merchantId(), m_orders->customerId(), {{u"EAR-1"_s, 1}}, {}, {}};
    m_provider->gate();
    auto first = m_f->client().checkout(order, TestCard, true, u"co-1"_s);
    QVERIFY(m_provider->waitArrival());
    auto unscope = m_f->client().engine().write<bool>(Actor{u"t"_s, u"owner"_s}, [](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = store::exec(uow.db(), u"UPDATE payment_attempts SET request_key = 'co-1'"_s); !s)
            return s.error();
        return true;
    });
    QVERIFY(wait(unscope));
    const auto retry = wait(m_f->client().checkout(order, TestCard, true, u"co-1"_s));
    QVERIFY(!retry);
    QCOMPARE(retry.error().code, ErrorCode::InProgress);
    QCOMPARE(scalar(u"SELECT count(*) FROM orders"_s), 1);
    m_provider->open();
    const auto paid = wait(first);
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
    const auto later = wait(m_f->client().checkout(order, TestCard, true, u"co-1"_s));
    QVERIFY2(later, qPrintable(later ? QString() : later.error().toString()));
    QCOMPARE(later->order.id, paid->order.id);
    QCOMPARE(scalar(u"SELECT count(*) FROM orders"_s), 1);
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
}

PaymentAttempt TestPaymentAttempts::crashedAttempt(const Order& o, const QString& key, bool approvedByProvider)
{
    const CardSummary card = payments::Card::summarize(TestCard, QByteArray(32, 'k'));
    auto opened = wait(m_f->client().engine().write<PaymentAttempt>(
        Actor{u"t"_s, u"owner"_s}, [o, key, card](store::UnitOfWork& uow) {
            return PaymentAttempts::open(uow, IdempotentRequest{key, u"authorize"_s, u"hash-of-"_s + key, {}}, o, card);
        }));
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().toString()), __FILE__, __LINE__);
        return {};
    }
    if (approvedByProvider) // the call went out; the answer died with the process
        m_provider->sim.authorize(TestCard, o.totalMinor, o.currency, opened->providerKey);
    return *opened;
}

void TestPaymentAttempts::approvalNobodyRecordedIsRecordedAtRestart()
{
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const PaymentAttempt a = crashedAttempt(o, u"pay-3"_s, true);
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
    QVERIFY(m_f->reopen());
    QTRY_COMPARE(scalar(u"SELECT count(*) FROM payment_attempts WHERE state = 0"_s), 0);
    const auto detail = wait(m_f->client().orderDetail(o.id));
    QVERIFY(detail);
    QCOMPARE(detail->payments.size(), 1);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Authorized);
    QCOMPARE(detail->order.paymentState, PaymentState::Authorized);
    QCOMPARE(scalar(u"SELECT state FROM payment_attempts WHERE id = %1"_s.arg(a.id.value)),
             qint64(AttemptState::Recorded));
    QCOMPARE(m_provider->sim.voidedHolds(), 0);
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
}

void TestPaymentAttempts::heldApprovalNobodyRecordedIsHeldForReviewAtRestart()
{
    // the rules held the payment for review in the attempt's first write; the provider approved
    // it, and the process died before the answer was recorded
    const Actor operatorActor{u"ops"_s, u"operator"_s};
    auto rules = wait(m_f->client().engine().write<risk::RuleSetVersion>(operatorActor, [](store::UnitOfWork& uow) {
        auto saved = risk::RiskPolicy::saveDraft(uow, u"Review if :amount: > 1"_s, {});
        return saved ? risk::RiskPolicy::activate(uow, saved->version) : saved;
    }));
    QVERIFY(rules);
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const CardSummary card = payments::Card::summarize(TestCard, QByteArray(32, 'k'));
    auto opened = wait(m_f->client().engine().write<PaymentAttempt>(
        Actor{u"t"_s, u"owner"_s}, [o, card](store::UnitOfWork& uow) -> Result<PaymentAttempt> {
            auto a = PaymentAttempts::open(uow, IdempotentRequest{u"pay-held"_s, u"checkout"_s, u"hash"_s, {}}, o, card);
            if (!a)
                return a;
            risk::PolicyCache policy;
            risk::RiskInput in;
            in.merchantId = o.merchantId;
            in.customerKey = u"customer:"_s + o.customerId.toString();
            in.atMs = uow.nowMs();
            in.amountMinor = a->amountMinor;
            in.currency = a->currency;
            in.cardFingerprint = a->card.fingerprint;
            auto judged = risk::Assessments::assess(uow, a->id, o.id, in, policy);
            if (!judged)
                return judged.error();
            if (judged->action != risk::RiskAction::Review)
                return Error::internal(u"the rule did not hold the payment"_s);
            if (auto s = PaymentAttempts::holdForReview(uow, *a); !s)
                return s.error();
            return a;
        }));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    m_provider->sim.authorize(TestCard, o.totalMinor, o.currency, opened->providerKey);

    QVERIFY(m_f->reopen());
    QTRY_COMPARE(scalar(u"SELECT count(*) FROM payment_attempts WHERE state = 0"_s), 0);
    const auto detail = wait(m_f->client().orderDetail(o.id));
    QVERIFY(detail);
    QCOMPARE(detail->payments.size(), 1);
    const Payment held = detail->payments.first();
    QCOMPARE(held.status, PaymentStatus::Authorized); // recorded, not captured
    QVERIFY(held.heldMs > 0);
    // the review the live path would have opened is open, its deadline the authorization's expiry
    const auto queue = wait(m_f->client().reviews({}));
    QVERIFY(queue);
    QCOMPARE(queue->size(), 1);
    QCOMPARE(queue->first().paymentId, held.id);
    QCOMPARE(queue->first().deadlineMs, held.authExpiresMs);
    // and capture waits for the reviewer
    const auto capture = wait(m_f->client().capturePayment(held.id, std::nullopt, u"cap-held"_s));
    QVERIFY(!capture);
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
    QCOMPARE(m_provider->sim.voidedHolds(), 0);
}

void TestPaymentAttempts::approvalForAnOrderThatMovedOnIsReleased()
{
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const PaymentAttempt a = crashedAttempt(o, u"pay-4"_s, true);
    QVERIFY(wait(m_f->client().cancelOrder(o.id, u"customer left"_s, u"cancel-4"_s)));
    QVERIFY(m_f->reopen());
    QTRY_COMPARE(m_provider->sim.voidedHolds(), 1);
    QTRY_COMPARE(scalar(u"SELECT count(*) FROM provider_outbox"_s), 0);
    QCOMPARE(scalar(u"SELECT state FROM payment_attempts WHERE id = %1"_s.arg(a.id.value)),
             qint64(AttemptState::Closed));
    QCOMPARE(scalar(u"SELECT count(*) FROM payments WHERE order_id = %1"_s.arg(o.id.value)), 0);
}

void TestPaymentAttempts::aLateReconcileLeavesARecordedHoldAlone()
{
    // two passes (two nodes' maintenance, or a start and the attempt's own answer) read the same
    // attempt open and asked the provider: the first records the approval; the second, arriving
    // after, must leave the recorded payment's hold alone, not queue its release
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const PaymentAttempt a = crashedAttempt(o, u"pay-twice"_s, true);
    const AttemptLookup lookup = m_provider->sim.lookupAuthorization(a.providerKey);
    QCOMPARE(lookup.state, AttemptLookup::State::Answered);
    const auto reconcile = [&] {
        return wait(
            m_f->client().engine().write<bool>(Actor{u"system"_s, u"system"_s}, [a, lookup](store::UnitOfWork& uow) {
                return PaymentAttempts::reconcile(uow, a, lookup);
            }));
    };
    const auto first = reconcile();
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(scalar(u"SELECT state FROM payment_attempts WHERE id = %1"_s.arg(a.id.value)),
             qint64(AttemptState::Recorded));
    const auto late = reconcile();
    QVERIFY2(late, qPrintable(late ? QString() : late.error().toString()));
    QCOMPARE(*late, false); // nothing released
    QCOMPARE(scalar(u"SELECT count(*) FROM provider_outbox"_s), 0);
    const auto detail = wait(m_f->client().orderDetail(o.id));
    QVERIFY(detail);
    QCOMPARE(detail->payments.size(), 1);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Authorized);
    QCOMPARE(m_provider->sim.voidedHolds(), 0);
}

void TestPaymentAttempts::attemptTheProviderNeverSawIsClosed()
{
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const PaymentAttempt a = crashedAttempt(o, u"pay-5"_s, false);
    QVERIFY(m_f->reopen());
    QTRY_COMPARE(scalar(u"SELECT state FROM payment_attempts WHERE id = %1"_s.arg(a.id.value)),
                 qint64(AttemptState::Closed));
    QCOMPARE(scalar(u"SELECT count(*) FROM provider_outbox"_s), 0);
    QCOMPARE(m_provider->sim.voidedHolds(), 0);
    // the customer may try again, and is held once
    const Payment p = m_orders->authorize(o.id);
    QCOMPARE(p.status, PaymentStatus::Authorized);
    QCOMPARE(m_provider->sim.holdsPlaced(), 1);
}

void TestPaymentAttempts::keysNameTheStoreAndThePaymentsSequence()
{
    // two stores issue the same local ids; the keys the provider sees must still differ
    StoreFixture other;
    QVERIFY(other.ok());
    const auto storeIdOf = [](StoreFixture& f) {
        auto id = wait(f.client().engine().read<QString>([](QSqlDatabase& db) { return ProviderOutbox::storeId(db); }));
        return id ? *id : QString();
    };
    const QString mine = storeIdOf(*m_f);
    QCOMPARE(mine.size(), 32);
    QVERIFY(mine != storeIdOf(other));

    m_provider->sim.failNextCalls(1); // the capture stays in the outbox, where its key can be read
    const Payment p = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(scalar(u"SELECT attempts FROM provider_outbox"_s), 1);
    auto key = wait(m_f->client().engine().read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT call_key FROM provider_outbox"_s); }));
    QVERIFY(key);
    QCOMPARE(key->toString(), u"%1:%2:1"_s.arg(mine).arg(p.id.value));
    QVERIFY(m_provider->keys().value(0).startsWith(mine + u":auth:"_s));
}

QTEST_GUILESS_MAIN(TestPaymentAttempts)
#include "TestPaymentAttempts.moc"
