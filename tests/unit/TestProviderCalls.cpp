#include <QTest>

#include <limits>

#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/store/Sql.h"
#include "tests/support/OrderSupport.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

/// What reaches the provider after a command commits: releases, captures and refunds go through
/// the outbox, each once, in the order each payment made them, through outages and restarts,
/// and approvals the store did not record are released. Every test ends with the store checked.
class TestProviderCalls final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void concurrentAuthorizationsLeaveNoHold();
    void providerCallsSurviveFailuresAndRestarts();
    void aPaymentsCallsGoInOrder();
    void everyCallHasItsOwnKey();
    void captureRefusedForGoodIsReversed();
    void refundRefusedForGoodIsReversed();
    void retriesAreCappedThenSetAside();
    void timedOutCallIsAskedAboutNotResent();

private:
    qint64 count(const QString& table);
    /// The merchant's balance of `kind` (its one currency).
    qint64 balance(AccountKind kind);
    /// The attempts of each call due to the provider (a payment's first waiting call), oldest first.
    QList<int> pending();
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }

    std::unique_ptr<MockClock> m_clock;
    QString key() { return m_orders->nextKey(); }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
};

void TestProviderCalls::init()
{
    m_clock = std::make_unique<MockClock>();
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, *m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    QVERIFY(wait(m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 825, 290, 30, 0, 30, 0}, souk::test::newKey())));
    m_orders = std::make_unique<OrderSupport>(*m_f);
}

void TestProviderCalls::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_orders.reset();
    m_f.reset();
    m_clock.reset();
}

qint64 TestProviderCalls::count(const QString& table)
{
    auto n = wait(m_f->client().engine().read<QVariant>(
        [table](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM "_s + table); }));
    return n ? n->toLongLong() : -1;
}

QList<int> TestProviderCalls::pending()
{
    auto rows = wait(m_f->client().engine().read<QList<int>>([](QSqlDatabase& db) -> Result<QList<int>> {
        auto due = ProviderOutbox::pending(db, std::numeric_limits<qint64>::max(), 100);
        if (!due)
            return due.error();
        QList<int> attempts;
        for (const auto& r : *due)
            attempts.append(r.attempts);
        return attempts;
    }));
    return rows ? *rows : QList<int>{-1};
}

void TestProviderCalls::concurrentAuthorizationsLeaveNoHold()
{
    // two tills authorize the same order at once: one hold is recorded, the other is released
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const CardInput card{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
    QList<QFuture<Result<Payment>>> attempts;
    for (int i = 0; i < 6; ++i)
        attempts.append(m_f->client().authorizePayment(o.id, card, key()));
    int authorized = 0;
    int refused = 0;
    for (auto& a : attempts) {
        const Result<Payment> r = wait(a);
        if (r && r->status == PaymentStatus::Authorized)
            ++authorized;
        else if (!r && r.error().code == ErrorCode::IllegalTransition)
            ++refused;
    }
    QCOMPARE(authorized, 1);
    QCOMPARE(refused, 5);
    // every approval the store did not record goes through the release outbox to the
    // provider: one hold remains, and the outbox empties
    QTRY_COMPARE(m_f->provider().holdsPlaced() - m_f->provider().voidedHolds(), 1);
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    QCOMPARE(count(u"payments"_s), 1);
}

void TestProviderCalls::providerCallsSurviveFailuresAndRestarts()
{
    // the provider cannot be reached: the cancellation commits, its release waits in the store
    const Order first = m_orders->place(u"EAR-1"_s, 1);
    m_orders->authorize(first.id);
    m_f->provider().failNextCalls(1);
    QVERIFY(wait(m_f->client().cancelOrder(first.id, u"customer asked"_s, key())));
    QTRY_COMPARE(pending(), QList<int>{1});
    QCOMPARE(m_f->provider().voidedHolds(), 0);
    QVERIFY(wait(m_f->client().runMaintenance())); // not due yet: the provider is left alone
    QTest::qWait(50);
    QCOMPARE(pending(), QList<int>{1});
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance())); // due: tried again
    QTRY_COMPARE(pending(), QList<int>{});
    QCOMPARE(m_f->provider().voidedHolds(), 1);

    // an outage: each failure doubles the wait before the next attempt
    const Order second = m_orders->place(u"EAR-1"_s, 1);
    const Payment held = m_orders->authorize(second.id);
    m_f->provider().failNextCalls(1'000'000); // nothing reaches the provider any more
    QVERIFY(wait(m_f->client().voidPayment(held.id, u"customer asked"_s, key())));
    QTRY_COMPARE(pending(), QList<int>{1});
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTRY_COMPARE(pending(), QList<int>{2});
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs); // half of the second wait
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTest::qWait(50);
    QCOMPARE(pending(), QList<int>{2});
    // the process ends with the release still in the store; the next start sends it once due
    m_f->provider().failNextCalls(0);
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(m_f->reopen());
    QTRY_COMPARE(pending(), QList<int>{});
    QCOMPARE(m_f->provider().voidedHolds(), 2);
    QCOMPARE(m_f->provider().holdsPlaced() - m_f->provider().voidedHolds(), 0); // none left on a card

    // a capture made while the provider is away waits in the outbox, and is settled once due
    m_f->provider().failNextCalls(1);
    const Payment later = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(pending(), QList<int>{1});
    QCOMPARE(m_f->provider().captures(), 0);
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTRY_COMPARE(pending(), QList<int>{});
    QCOMPARE(m_f->provider().captures(), 1);
    QCOMPARE(m_f->provider().capturedMinor(), later.capturedMinor);

    // the store check knows that a release of a payment that took the money is wrong: planted
    // and checked inside one command that then fails, so the row is never committed
    const Payment taken = m_orders->paidOrder(u"EAR-1"_s, 1);
    auto problems = std::make_shared<QStringList>();
    auto planted = wait(m_f->client().engine().write<bool>(
        Actor{u"t"_s, u"t"_s}, [taken, problems](store::UnitOfWork& uow) -> Result<bool> {
            if (auto s = ProviderOutbox::enqueueRelease(uow, taken.id, taken.providerRef); !s)
                return s.error();
            if (auto s = ProviderOutbox::enqueueRelease(uow, Id{}, u"never-recorded"_s); !s) // allowed: no payment
                return s.error();
            auto found = CommerceCheck::run(uow.db());
            if (!found)
                return found.error();
            *problems = *found;
            return Error::invalid(u"test"_s, u"roll back what was planted"_s);
        }));
    QVERIFY(!planted);
    QCOMPARE(problems->size(), 1);
    QVERIFY2(problems->first().startsWith(u"provider call"_s), qPrintable(problems->first()));
}

void TestProviderCalls::aPaymentsCallsGoInOrder()
{
    // the capture cannot reach the provider; the customer is refunded meanwhile. The refund
    // must not go before the money was taken: it waits behind the capture, then follows it
    m_f->provider().failNextCalls(1);
    const Payment p = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(pending(), QList<int>{1}); // the capture, tried once
    QVERIFY(wait(m_f->client().refundPayment(p.id, 500, u"late delivery"_s, key())));
    QCOMPARE(count(u"provider_outbox"_s), 2);
    QTest::qWait(50);
    QCOMPARE(pending(), QList<int>{1}); // the refund is not due while its capture waits
    QCOMPARE(m_f->provider().refunds(), 0);
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    QCOMPARE(m_f->provider().captures(), 1);
    QCOMPARE(m_f->provider().refunds(), 1);
    QCOMPARE(m_f->provider().refundedMinor(), 500);
}

void TestProviderCalls::everyCallHasItsOwnKey()
{
    // the outbox empties between the two captures; their keys must still differ, or a provider
    // that remembers keys would take the second capture for a retry of the first
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    QVERIFY(m_f->reopen()); // a restart does not start the keys over either
    m_orders->paidOrder(u"EAR-1"_s, 2);
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    QCOMPARE(m_f->provider().captures(), 2);
    QCOMPARE(m_f->provider().repeatedCalls(), 0);
}

qint64 TestProviderCalls::balance(AccountKind kind)
{
    auto balances = wait(m_f->client().ledgerBalances(m_f->merchantId()));
    if (!balances)
        return -1;
    qint64 sum = 0;
    for (const AccountBalance& b : *balances)
        sum += b.account == kind && b.merchantId == m_f->merchantId() ? b.balanceMinor : 0;
    return sum;
}

void TestProviderCalls::captureRefusedForGoodIsReversed()
{
    // the hold expired at the provider before the capture arrived: the money never moved, so
    // the merchant is not owed it, nothing can be refunded, and a person is asked to look
    m_f->provider().refuseNextCalls(1, u"authorization_expired"_s);
    const Payment p = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(count(u"provider_outbox WHERE state = 1"_s), 1);
    QCOMPARE(m_f->provider().captures(), 0);
    QCOMPARE(balance(AccountKind::MerchantPayable), 0); // the capture's entry is reversed
    const auto detail = wait(m_f->client().orderDetail(p.orderId));
    QVERIFY(detail);
    QCOMPARE(detail->payments.first().attention, u"capture_refused: authorization_expired"_s);
    bool told = false;
    for (const auto& e : detail->events)
        told = told || e.kind == u"payment.attention"_s;
    QVERIFY2(told, "the order's timeline does not say the capture was refused");
    const auto refund = wait(m_f->client().refundPayment(p.id, 100, u"goodwill"_s, key()));
    QVERIFY(!refund);
    QCOMPARE(refund.error().code, ErrorCode::IllegalTransition);
    QCOMPARE(pending(), QList<int>{}); // set aside, not retried
}

void TestProviderCalls::refundRefusedForGoodIsReversed()
{
    const Payment p = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    const qint64 owed = balance(AccountKind::MerchantPayable);
    m_f->provider().refuseNextCalls(1, u"card_closed"_s);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 500, u"late delivery"_s, key())));
    QTRY_COMPARE(count(u"provider_outbox WHERE state = 1"_s), 1);
    QCOMPARE(m_f->provider().refunds(), 0);
    QCOMPARE(balance(AccountKind::Refunds), 0); // the refund's entry is reversed
    QCOMPARE(balance(AccountKind::MerchantPayable), owed);
    const auto detail = wait(m_f->client().orderDetail(p.orderId));
    QVERIFY(detail);
    QCOMPARE(detail->payments.first().attention, u"refund_refused: card_closed"_s);
}

void TestProviderCalls::retriesAreCappedThenSetAside()
{
    m_f->options().providerRetry = RetryPolicy{3, 24LL * 60 * 60'000};
    QVERIFY(m_f->reopen());
    m_f->provider().failNextCalls(1000); // the provider is down for good
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(pending(), QList<int>{1});
    for (int i = 0; i < 4 && count(u"provider_outbox WHERE state = 1"_s) == 0; ++i) {
        m_clock->advanceMs(ProviderOutbox::RetryMaxMs);
        QVERIFY(wait(m_f->client().runMaintenance()));
        QTest::qWait(50);
    }
    QTRY_COMPARE(count(u"provider_outbox WHERE state = 1"_s), 1);
    auto code = wait(m_f->client().engine().read<QVariant>([](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT last_code || ' after ' || attempts FROM provider_outbox"_s);
    }));
    QVERIFY(code);
    QCOMPARE(code->toString(), u"gave_up: processing_error after 2"_s); // the third failure set it aside
    QCOMPARE(balance(AccountKind::MerchantPayable), 0);
    m_f->provider().failNextCalls(0);
}

void TestProviderCalls::timedOutCallIsAskedAboutNotResent()
{
    // the capture reached the provider but its answer was lost: before sending it again the
    // outbox asks the provider, which says it is done, so it is not sent a second time
    m_f->provider().timeOutNextCalls(1);
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(pending(), QList<int>{1});
    QCOMPARE(m_f->provider().captures(), 1);
    m_clock->advanceMs(ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    QCOMPARE(m_f->provider().lookups(), 1);
    QCOMPARE(m_f->provider().captures(), 1);
    QCOMPARE(m_f->provider().repeatedCalls(), 0); // never sent twice
}

QTEST_GUILESS_MAIN(TestProviderCalls)
#include "TestProviderCalls.moc"
