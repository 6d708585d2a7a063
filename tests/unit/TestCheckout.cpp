#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/payments/PaymentAttempts.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/StoredResult.h"
#include "backend/store/Sql.h"
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

CardInput card(const char* number = SimulatedProvider::Approved)
{
    return CardInput{QString::fromLatin1(number), 12, 2030, u"123"_s};
}

} // namespace

/// Checkout in one command: the order, its authorization and (optionally) its capture under one
/// idempotency key, as a shop's "pay" button does. Every test ends with the store checked.
class TestCheckout final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void payAndCaptureInOneCommand();
    void withoutCaptureTheHoldWaits();
    void declinedCardLeavesTheOrderWaiting();
    void retryReplaysOneOrderAndOneHold();
    void badInputChangesNothing();
    void approvalAfterACrashIsCapturedAtRestart();

private:
    NewOrder basket(qint64 quantity = 1) const
    {
        return NewOrder{m_f->merchantId(), m_orders->customerId(), {{u"EAR-1"_s, quantity}}, {}, {}};
    }
    qint64 count(const QString& table)
    {
        auto n = wait(m_f->client().engine().read<QVariant>(
            [table](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM "_s + table); }));
        return n ? n->toLongLong() : -1;
    }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
};

void TestCheckout::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    m_orders = std::make_unique<OrderSupport>(*m_f);
}

void TestCheckout::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_orders.reset();
    m_f.reset();
}

void TestCheckout::payAndCaptureInOneCommand()
{
    const auto done = wait(m_f->client().checkout(basket(2), card(), true, u"co-1"_s));
    QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    QCOMPARE(done->order.status, OrderStatus::Paid);
    QCOMPARE(done->order.paymentState, PaymentState::Captured);
    QCOMPARE(done->payment.status, PaymentStatus::Captured);
    QCOMPARE(done->payment.orderId, done->order.id);
    QCOMPARE(done->payment.capturedMinor, done->order.totalMinor);
    QCOMPARE(done->order.capturedMinor, done->order.totalMinor);
    QTRY_COMPARE(m_f->provider().captures(), 1); // the capture leaves through the outbox
    QCOMPARE(m_f->provider().capturedMinor(), done->order.totalMinor);
}

void TestCheckout::withoutCaptureTheHoldWaits()
{
    const auto done = wait(m_f->client().checkout(basket(), card(), false, u"co-2"_s));
    QVERIFY(done);
    QCOMPARE(done->payment.status, PaymentStatus::Authorized);
    QCOMPARE(done->order.paymentState, PaymentState::Authorized);
    const auto captured = wait(m_f->client().capturePayment(done->payment.id, std::nullopt, u"cap-2"_s));
    QVERIFY(captured);
    QCOMPARE(captured->status, PaymentStatus::Captured);
}

void TestCheckout::declinedCardLeavesTheOrderWaiting()
{
    const auto done = wait(m_f->client().checkout(basket(), card(SimulatedProvider::InsufficientFunds), true, u"co-3"_s));
    QVERIFY(done); // a decline is an answer, not an error
    QCOMPARE(done->payment.status, PaymentStatus::Failed);
    QCOMPARE(done->payment.declineCode, u"insufficient_funds"_s);
    QCOMPARE(done->order.status, OrderStatus::PendingPayment);
    // the customer pays the same order with another card
    const Payment again = m_orders->authorize(done->order.id);
    QCOMPARE(again.status, PaymentStatus::Authorized);
}

void TestCheckout::retryReplaysOneOrderAndOneHold()
{
    const auto first = wait(m_f->client().checkout(basket(), card(), true, u"co-4"_s));
    QVERIFY(first);
    const auto retry = wait(m_f->client().checkout(basket(), card(), true, u"co-4"_s));
    QVERIFY(retry);
    QCOMPARE(retry->order.id, first->order.id);
    QCOMPARE(retry->payment.id, first->payment.id);
    QCOMPARE(count(u"orders"_s), 1);
    QCOMPARE(m_f->provider().holdsPlaced(), 1);
    QTRY_COMPARE(m_f->provider().captures(), 1);
    // the same key with another basket is a mistake, not a new checkout
    const auto other = wait(m_f->client().checkout(basket(3), card(), true, u"co-4"_s));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::IdempotencyConflict);
}

void TestCheckout::badInputChangesNothing()
{
    const auto noKey = wait(m_f->client().checkout(basket(), card(), true, {}));
    QVERIFY(!noKey);
    QCOMPARE(noKey.error().field, u"idempotencyKey"_s);
    const auto badCard = wait(m_f->client().checkout(basket(), CardInput{u"4242"_s, 12, 2030, u"1"_s}, true, u"co-5"_s));
    QVERIFY(!badCard);
    QCOMPARE(badCard.error().code, ErrorCode::CardInvalid);
    const auto noStock = wait(m_f->client().checkout(basket(11), card(), true, u"co-6"_s));
    QVERIFY(!noStock);
    QCOMPARE(noStock.error().code, ErrorCode::InsufficientStock);
    QCOMPARE(count(u"orders"_s), 0);
    QCOMPARE(count(u"payment_attempts"_s), 0);
    QCOMPARE(m_f->provider().holdsPlaced(), 0);
}

void TestCheckout::approvalAfterACrashIsCapturedAtRestart()
{
    // a checkout whose process died after the provider approved: the restart records and
    // captures it, as the shop asked, and keeps the result under the shop's key
    const Order o = m_orders->place(u"EAR-1"_s, 1);
    const CardSummary summary = payments::Card::summarize(card(), QByteArray(32, 'k'));
    auto opened = wait(m_f->client().engine().write<PaymentAttempt>(
        Actor{u"t"_s, u"owner"_s}, [o, summary](store::UnitOfWork& uow) {
            return PaymentAttempts::open(
                uow, IdempotentRequest{u"co-7"_s, PaymentAttempt::CheckoutCommand, u"hash"_s, {}}, o, summary, true);
        }));
    QVERIFY(opened);
    m_f->provider().authorize(card(), o.totalMinor, o.currency, opened->providerKey);
    QVERIFY(m_f->reopen());
    QTRY_COMPARE(count(u"payment_attempts WHERE state = 0"_s), 0);
    const auto detail = wait(m_f->client().orderDetail(o.id));
    QVERIFY(detail);
    QCOMPARE(detail->order.status, OrderStatus::Paid);
    QCOMPARE(detail->payments.size(), 1);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Captured);
    QTRY_COMPARE(m_f->provider().captures(), 1);
    // the shop's retry gets the checkout back: its result is kept under the shop's key
    auto stored = wait(m_f->client().engine().read<QVariant>([](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT response FROM idempotency_keys WHERE key = 'co-7' AND command = 'checkout'"_s);
    }));
    QVERIFY(stored);
    const auto replay = StoredResult<Checkout>::decode(stored->toByteArray());
    QVERIFY(replay);
    QCOMPARE(replay->order.id, o.id);
    QCOMPARE(replay->payment.status, PaymentStatus::Captured);
}

QTEST_GUILESS_MAIN(TestCheckout)
#include "TestCheckout.moc"
