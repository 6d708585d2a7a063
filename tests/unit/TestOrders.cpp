#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/orders/OrderService.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/PaymentService.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::StoreFixture;

/// Orders and payments end to end on a real store: placement and stock holds, authorize,
/// capture, refunds, cancellation, expiries, disputes, payouts, idempotency, and every bad input
/// refused with its code and nothing changed. After each test the ledger and stock invariants
/// are checked from the tables (cleanup).
class TestOrders final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createReservesStockAndTotals();
    void authorizeCaptureBooksLedgerAndSells();
    void partialCaptureReleasesTheRest();
    void refundsPartialAndRepeated();
    void partialRefundKeepsFulfilment();
    void idempotentRetries();
    void declineIsRecordedAndRetryable();
    void badInputChangesNothing();
    void badCustomerTermsAndCodes_data();
    void badCustomerTermsAndCodes();
    void discountCodeApplies();
    void unpaidOrdersExpire();
    void authorizationsExpireAfterSevenDays();
    void cancelBeforeAndAfterPayment();
    void disputeLostReversesFundsAndBooksFee();
    void disputeWonMovesNothing();
    void overdueDisputeIsLost();
    void payoutSettlesNetBalance();
    void payoutPaysExactlyWhatWasAsked();
    void changeFeedCarriesOrders();
    void changeFeedIsPrunedByAge();

private:
    Order place(const QList<NewOrderLine>& lines, const QString& key = {});
    Payment pay(Id orderId, const QString& number = QString::fromLatin1(SimulatedProvider::Approved));
    Payment captured(const QList<NewOrderLine>& lines);
    qint64 count(const QString& table);
    qint64 reserved(const QString& sku);
    qint64 onHand(const QString& sku);
    qint64 balance(Id merchantId, AccountKind kind);
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<StoreFixture> m_f;
    Id m_customer;
    int m_keys = 0;
    QString key() { return u"key-%1"_s.arg(++m_keys); }
};

void TestOrders::init()
{
    m_clock = std::make_unique<MockClock>();
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, *m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"无线蓝牙耳机"_s, {u"EAR-1"_s}, 2500, 10);
    m_f->addProduct(u"Phone case"_s, {u"CASE-S"_s, u"CASE-L"_s}, 999, 5);
    auto terms = wait(
        m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 825, 290, 30, 0, 30, 0}, souk::test::newKey()));
    QVERIFY(terms);
    Customer c;
    c.name = u"Ana Lima"_s;
    c.email = u"Ana@Example.com"_s;
    c.addresses = {Address{{}, u"home"_s, u"Rua 1"_s, u"Lisboa"_s, u"1000"_s, u"PT"_s, 38722252, -9139337}};
    auto customer = wait(m_f->client().createCustomer(c, souk::test::newKey()));
    QVERIFY2(customer, qPrintable(customer ? QString() : customer.error().toString()));
    QCOMPARE(customer->email, u"ana@example.com"_s);
    m_customer = customer->id;
}

void TestOrders::cleanup()
{
    if (m_f && m_f->ok()) // the ledger balances, stock and holds agree, after every test
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
    m_clock.reset();
}

Order TestOrders::place(const QList<NewOrderLine>& lines, const QString& k)
{
    auto order = wait(
        m_f->client().createOrder(NewOrder{m_f->merchantId(), m_customer, lines, {}, {}}, k.isEmpty() ? key() : k));
    if (!order) {
        QTest::qFail(qPrintable(order.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *order;
}

Payment TestOrders::pay(Id orderId, const QString& number)
{
    auto p = wait(m_f->client().authorizePayment(orderId, CardInput{number, 12, 2030, u"123"_s}, key()));
    if (!p) {
        QTest::qFail(qPrintable(p.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *p;
}

Payment TestOrders::captured(const QList<NewOrderLine>& lines)
{
    const Order o = place(lines);
    const Payment a = pay(o.id);
    auto c = wait(m_f->client().capturePayment(a.id, std::nullopt, key()));
    if (!c)
        QTest::qFail(qPrintable(c.error().toString()), __FILE__, __LINE__);
    return c ? *c : Payment{};
}

qint64 TestOrders::count(const QString& table)
{
    auto n = wait(m_f->client().engine().read<QVariant>(
        [table](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM "_s + table); }));
    return n ? n->toLongLong() : -1;
}

qint64 TestOrders::reserved(const QString& sku)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sku](QSqlDatabase& db) {
        return store::scalar(db,
                             u"SELECT coalesce(sum(s.reserved), 0) FROM stock_levels s JOIN variants v "
                             "ON v.id = s.variant_id WHERE v.sku = ?"_s,
                             {sku});
    }));
    return n ? n->toLongLong() : -1;
}

qint64 TestOrders::onHand(const QString& sku)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sku](QSqlDatabase& db) {
        return store::scalar(db,
                             u"SELECT coalesce(sum(s.on_hand), 0) FROM stock_levels s JOIN variants v "
                             "ON v.id = s.variant_id WHERE v.sku = ?"_s,
                             {sku});
    }));
    return n ? n->toLongLong() : -1;
}

qint64 TestOrders::balance(Id merchantId, AccountKind kind)
{
    auto balances = wait(m_f->client().ledgerBalances(Id{}));
    qint64 sum = 0;
    for (const AccountBalance& b : *balances) {
        if (b.merchantId == merchantId && b.account == kind)
            sum += b.balanceMinor;
    }
    return sum;
}

void TestOrders::createReservesStockAndTotals()
{
    const Order o = place({{u"EAR-1"_s, 2}, {u"CASE-L"_s, 1}});
    QCOMPARE(o.status, OrderStatus::PendingPayment);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.lines[0].title, u"无线蓝牙耳机"_s);
    QCOMPARE(o.lines[1].title, u"Phone case — CASE-L"_s);
    QCOMPARE(o.subtotalMinor, 2 * 2500 + 999);
    QCOMPARE(o.taxMinor, 495); // 5999 * 8.25 % = 494.9175 -> 495
    QCOMPARE(o.totalMinor, 5999 + 495);
    QCOMPARE(o.currency, u"EUR"_s);
    QCOMPARE(reserved(u"EAR-1"_s), 2);
    QCOMPARE(onHand(u"EAR-1"_s), 10);
    auto detail = wait(m_f->client().orderDetail(o.id));
    QVERIFY(detail);
    QCOMPARE(detail->customer.email, u"ana@example.com"_s);
    QCOMPARE(detail->events.size(), 1);
    QCOMPARE(detail->events[0].actor, u"tester/owner"_s);
}

void TestOrders::authorizeCaptureBooksLedgerAndSells()
{
    const Order o = place({{u"EAR-1"_s, 1}});
    const Payment a = pay(o.id);
    QCOMPARE(a.status, PaymentStatus::Authorized);
    QCOMPARE(a.card.last4, u"4242"_s);
    QCOMPARE(a.amountMinor, o.totalMinor);
    QCOMPARE(count(u"journal_entries"_s), 0); // an authorization moves no money
    auto c = wait(m_f->client().capturePayment(a.id, std::nullopt, key()));
    QVERIFY(c);
    QCOMPARE(c->status, PaymentStatus::Captured);
    QCOMPARE(c->capturedMinor, o.totalMinor);
    const qint64 commission = (o.totalMinor * 290 + 5000) / 10000 + 30;
    QCOMPARE(balance(Id{}, AccountKind::ProviderClearing), o.totalMinor);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::MerchantPayable), -(o.totalMinor - commission));
    QCOMPARE(balance(Id{}, AccountKind::CommissionRevenue), -commission);
    QCOMPARE(reserved(u"EAR-1"_s), 0);
    QCOMPARE(onHand(u"EAR-1"_s), 9);
    auto detail = wait(m_f->client().orderDetail(o.id));
    QCOMPARE(detail->order.status, OrderStatus::Paid);
    QCOMPARE(detail->order.paymentState, PaymentState::Captured);
    QCOMPARE(detail->postings.size(), 3);
    QStringList kinds;
    for (const auto& e : detail->events)
        kinds.append(e.kind);
    // the capture and the status change it made are one row, not two saying the same
    // the risk decision comes before what the provider answered
    QCOMPARE(kinds, (QStringList{u"status"_s, u"risk.allow"_s, u"payment.authorized"_s, u"payment.captured"_s}));
    QCOMPARE(detail->events.last().toStatus, std::optional(OrderStatus::Paid));
    QCOMPARE(detail->events.last().amountMinor, std::optional(o.totalMinor));
    // a second capture of the same authorization is an illegal step
    auto again = wait(m_f->client().capturePayment(a.id, std::nullopt, key()));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::IllegalTransition);
}

void TestOrders::partialCaptureReleasesTheRest()
{
    const Order o = place({{u"CASE-S"_s, 2}});
    const Payment a = pay(o.id);
    auto over = wait(m_f->client().capturePayment(a.id, a.amountMinor + 1, key()));
    QVERIFY(!over);
    QCOMPARE(over.error().field, u"amount"_s);
    auto c = wait(m_f->client().capturePayment(a.id, 1000, key()));
    QVERIFY(c);
    QCOMPARE(c->capturedMinor, 1000);
    // the provider settles what was captured, and with it lets the rest of the hold go
    QTRY_COMPARE(m_f->provider().captures(), 1);
    QCOMPARE(m_f->provider().capturedMinor(), 1000);
    QTRY_COMPARE(count(u"provider_outbox"_s), 0);
    auto refund = wait(m_f->client().refundPayment(a.id, 1001, u"too much"_s, key()));
    QVERIFY(!refund);
    QCOMPARE(refund.error().code, ErrorCode::Conflict);
}

void TestOrders::refundsPartialAndRepeated()
{
    const Payment p = captured({{u"EAR-1"_s, 1}});
    QVERIFY(wait(m_f->client().refundPayment(p.id, 500, u"damaged box"_s, key())));
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->order.status, OrderStatus::Paid); // a goodwill refund does not stop fulfilment
    QCOMPARE(detail->order.paymentState, PaymentState::PartiallyRefunded);
    QCOMPARE(onHand(u"EAR-1"_s), 9);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 700, u"late"_s, key())));
    const qint64 rest = p.capturedMinor - 1200;
    const qint64 entries = count(u"journal_entries"_s), refundRows = count(u"refunds"_s);
    const qint64 refundsBalance = balance(m_f->merchantId(), AccountKind::Refunds);
    auto tooMuch = wait(m_f->client().refundPayment(p.id, rest + 1, u"all"_s, key()));
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::Conflict);
    QCOMPARE(tooMuch.error().field, u"amount"_s);
    QCOMPARE(count(u"journal_entries"_s), entries); // refused: nothing booked, nothing recorded
    QCOMPARE(count(u"refunds"_s), refundRows);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::Refunds), refundsBalance);
    QVERIFY(wait(m_f->client().refundPayment(p.id, rest, u"all"_s, key())));
    detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->order.status, OrderStatus::Refunded);
    QCOMPARE(detail->order.refundedMinor, p.capturedMinor);
    QCOMPARE(onHand(u"EAR-1"_s), 10); // all refunded before it shipped: the goods are back
    QCOMPARE(detail->refunds.size(), 3);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::Refunds), p.capturedMinor);
    auto none = wait(m_f->client().refundPayment(p.id, 1, u"more"_s, key()));
    QVERIFY(!none);
    // each refund reached the card through the provider, once
    QTRY_COMPARE(m_f->provider().refunds(), 3);
    QCOMPARE(m_f->provider().refundedMinor(), p.capturedMinor);
    QCOMPARE(m_f->provider().captures(), 1);
}

void TestOrders::partialRefundKeepsFulfilment()
{
    const Payment p = captured({{u"EAR-1"_s, 1}});
    QVERIFY(wait(m_f->client().refundPayment(p.id, 100, u"late"_s, key())));
    for (OrderStatus step : {OrderStatus::Fulfilling, OrderStatus::Shipped, OrderStatus::Delivered}) {
        auto moved = wait(m_f->client().advanceOrder(p.orderId, step, u"courier"_s, key()));
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().toString()));
    }
    // after delivery a partial refund (a return) marks the order itself
    QVERIFY(wait(m_f->client().refundPayment(p.id, 100, u"one item returned"_s, key())));
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->order.status, OrderStatus::PartiallyRefunded);
    QCOMPARE(onHand(u"EAR-1"_s), 9); // it shipped: returns come back through a stock receipt
    // an unshipped order refunded in part can still be cancelled: the rest is refunded, goods restocked
    const Payment q = captured({{u"CASE-S"_s, 2}});
    QVERIFY(wait(m_f->client().refundPayment(q.id, 300, u"coupon"_s, key())));
    auto noReason = wait(m_f->client().cancelOrder(q.orderId, QString(), key()));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().field, u"reason"_s);
    auto cancelled = wait(m_f->client().cancelOrder(q.orderId, u"out of stock"_s, key()));
    QVERIFY2(cancelled, qPrintable(cancelled ? QString() : cancelled.error().toString()));
    QCOMPARE(cancelled->status, OrderStatus::Cancelled);
    QCOMPARE(cancelled->refundedMinor, q.capturedMinor);
    QCOMPARE(onHand(u"CASE-S"_s), 5);
}

void TestOrders::idempotentRetries()
{
    const Order first = place({{u"EAR-1"_s, 1}}, u"order-A"_s);
    const Order again = place({{u"EAR-1"_s, 1}}, u"order-A"_s);
    QCOMPARE(again.id, first.id);
    QCOMPARE(count(u"orders"_s), 1);
    QCOMPARE(reserved(u"EAR-1"_s), 1);
    auto other = wait(
        m_f->client().createOrder(NewOrder{m_f->merchantId(), m_customer, {{u"EAR-1"_s, 2}}, {}, {}}, u"order-A"_s));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::IdempotencyConflict);
    QCOMPARE(errorCodeName(other.error().code), u"idempotency_conflict"_s);
    // authorize and refund retried with their keys: one payment, one refund
    const CardInput card{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
    auto a1 = wait(m_f->client().authorizePayment(first.id, card, u"auth-A"_s));
    auto a2 = wait(m_f->client().authorizePayment(first.id, card, u"auth-A"_s));
    QVERIFY(a1 && a2);
    QCOMPARE(a2->id, a1->id);
    QCOMPARE(count(u"payments"_s), 1);
    QVERIFY(wait(m_f->client().capturePayment(a1->id, std::nullopt, u"cap-A"_s)));
    QVERIFY(wait(m_f->client().capturePayment(a1->id, std::nullopt, u"cap-A"_s))); // replay, not a second capture
    auto r1 = wait(m_f->client().refundPayment(a1->id, 100, u"dent"_s, u"ref-A"_s));
    auto r2 = wait(m_f->client().refundPayment(a1->id, 100, u"dent"_s, u"ref-A"_s));
    QVERIFY(r1 && r2);
    QCOMPARE(r2->id, r1->id);
    QCOMPARE(count(u"refunds"_s), 1);
    const qint64 entries = count(u"journal_entries"_s);
    auto r3 = wait(m_f->client().refundPayment(a1->id, 200, u"dent"_s, u"ref-A"_s));
    QVERIFY(!r3);
    QCOMPARE(r3.error().code, ErrorCode::IdempotencyConflict);
    QCOMPARE(r3.error().field, u"idempotencyKey"_s);
    QCOMPARE(count(u"refunds"_s), 1); // the conflict changed nothing
    QCOMPARE(count(u"journal_entries"_s), entries);
    QTRY_COMPARE(m_f->provider().refunds(), 1);
    QTest::qWait(20);
    QCOMPARE(m_f->provider().refunds(), 1); // sent once: the replay and the conflict send nothing
    auto noKey = wait(m_f->client().refundPayment(a1->id, 100, u"dent"_s, QString()));
    QVERIFY(!noKey);
    QCOMPARE(noKey.error().field, u"idempotencyKey"_s);
    // a store cannot be opened to forget keys sooner than a day
    LocalClient::Options shortMemory;
    shortMemory.store.path = m_f->dirPath() + u"/short.souk"_s;
    shortMemory.idempotencyRetentionMs = 3600 * 1000;
    auto refused = LocalClient::open(shortMemory, *m_clock);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QCOMPARE(refused.error().field, u"idempotencyRetentionMs"_s);
    QVERIFY(!QFile::exists(shortMemory.store.path)); // refused before anything was created
    // keys are kept a day, then forgotten: at 23 hours a retry still replays
    m_clock->advanceMs(23LL * 3600 * 1000);
    QVERIFY(wait(m_f->client().runMaintenance()));
    auto late = wait(m_f->client().refundPayment(a1->id, 100, u"dent"_s, u"ref-A"_s));
    QVERIFY(late);
    QCOMPARE(late->id, r1->id);
    QCOMPARE(count(u"refunds"_s), 1);
    m_clock->advanceMs(2LL * 3600 * 1000);
    auto purged = wait(m_f->client().runMaintenance());
    QVERIFY(purged);
    QVERIFY(purged->keysPurged >= 4);
}

void TestOrders::declineIsRecordedAndRetryable()
{
    const Order o = place({{u"EAR-1"_s, 1}});
    const Payment declined = pay(o.id, QString::fromLatin1(SimulatedProvider::InsufficientFunds));
    QCOMPARE(declined.status, PaymentStatus::Failed);
    QCOMPARE(declined.declineCode, u"insufficient_funds"_s);
    const Payment flaky = pay(o.id, QString::fromLatin1(SimulatedProvider::ProcessingError));
    QVERIFY(flaky.retryable);
    const Payment ok = pay(o.id);
    QCOMPARE(ok.status, PaymentStatus::Authorized);
    auto detail = wait(m_f->client().orderDetail(o.id));
    QCOMPARE(detail->payments.size(), 3);
    QCOMPARE(detail->order.paymentState, PaymentState::Authorized);
    QCOMPARE(detail->order.status, OrderStatus::PendingPayment);
}

void TestOrders::badInputChangesNothing()
{
    const Order o = place({{u"EAR-1"_s, 1}});
    const qint64 orders = count(u"orders"_s), payments = count(u"payments"_s), moves = count(u"stock_movements"_s);
    const auto expectError = [&](auto result, ErrorCode code, const QString& field) {
        QVERIFY2(!result, "the bad input was accepted");
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().field, field);
    };
    auto create = [&](const QList<NewOrderLine>& lines) {
        return wait(m_f->client().createOrder(NewOrder{m_f->merchantId(), m_customer, lines, {}, {}}, key()));
    };
    expectError(create({{u"NOPE"_s, 1}}), ErrorCode::NotFound, u"lines[0].sku"_s);
    expectError(create({{u"EAR-1"_s, 0}}), ErrorCode::Invalid, u"lines[0].quantity"_s);
    expectError(create({{u"EAR-1"_s, -2}}), ErrorCode::Invalid, u"lines[0].quantity"_s);
    expectError(create({{u"EAR-1"_s, 1}, {u"CASE-S"_s, 6}}), ErrorCode::InsufficientStock, u"lines[1].quantity"_s);
    // a SKU priced in another currency than the rest of the order
    QVERIFY(wait(m_f->client().engine().write<bool>(Actor{u"t"_s, u"t"_s}, [](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = store::exec(uow.db(), u"UPDATE variants SET currency = 'USD' WHERE sku = 'CASE-L'"_s); !s)
            return s.error();
        return true;
    })));
    expectError(create({{u"EAR-1"_s, 1}, {u"CASE-L"_s, 1}}), ErrorCode::Invalid, u"lines[1].sku"_s);
    // put it back: the store check refuses a SKU priced in another currency than its merchant
    QVERIFY(wait(m_f->client().engine().write<bool>(Actor{u"t"_s, u"t"_s}, [](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = store::exec(uow.db(), u"UPDATE variants SET currency = 'EUR' WHERE sku = 'CASE-L'"_s); !s)
            return s.error();
        return true;
    })));
    // a SKU whose product is not on sale (a draft)
    QVERIFY(wait(m_f->client().engine().write<bool>(Actor{u"t"_s, u"t"_s}, [](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = store::exec(uow.db(), u"UPDATE products SET status = 0 WHERE id = "
                                           "(SELECT product_id FROM variants WHERE sku = 'CASE-S')"_s);
            !s)
            return s.error();
        return true;
    })));
    expectError(create({{u"CASE-S"_s, 1}}), ErrorCode::Invalid, u"lines[0].sku"_s);
    const auto authorize = [&](const QString& number, int month, int year) {
        return wait(m_f->client().authorizePayment(o.id, CardInput{number, month, year, u"123"_s}, key()));
    };
    expectError(authorize(u"4242424242424241"_s, 12, 2030), ErrorCode::CardInvalid, u"card.number"_s);
    expectError(authorize(QString::fromLatin1(SimulatedProvider::Approved), 12, 2025), ErrorCode::CardInvalid,
                u"card.expiry"_s);
    // illegal steps: refund or ship an order that was never paid
    auto payment = pay(o.id);
    expectError(wait(m_f->client().refundPayment(payment.id, 100, u"x"_s, key())), ErrorCode::IllegalTransition,
                u"paymentId"_s);
    expectError(wait(m_f->client().advanceOrder(o.id, OrderStatus::Shipped, u"x"_s, key())),
                ErrorCode::IllegalTransition, u"status"_s);
    expectError(wait(m_f->client().capturePayment(payment.id, payment.amountMinor + 1, key())), ErrorCode::Conflict,
                u"amount"_s);
    m_clock->advanceMs(PaymentService::AuthorizationValidityMs + 1);
    expectError(wait(m_f->client().capturePayment(payment.id, std::nullopt, key())), ErrorCode::IllegalTransition,
                u"paymentId"_s);
    QCOMPARE(count(u"orders"_s), orders);
    QCOMPARE(count(u"payments"_s), payments + 1); // only the good authorization
    QCOMPARE(count(u"stock_movements"_s), moves);
    QCOMPARE(count(u"journal_entries"_s), 0);
}

void TestOrders::badCustomerTermsAndCodes_data()
{
    QTest::addColumn<int>("what"); // 0 customer, 1 terms, 2 discount code
    QTest::addColumn<QString>("field");
    QTest::addRow("no name") << 0 << u"name"_s;
    QTest::addRow("not an email") << 0 << u"email"_s;
    QTest::addRow("email taken") << 0 << u"email"_s;
    QTest::addRow("latitude out of range") << 0 << u"addresses[0].latitude"_s;
    QTest::addRow("tax over 100 percent") << 1 << u"taxRate"_s;
    QTest::addRow("negative delivery fee") << 1 << u"deliveryFee"_s;
    QTest::addRow("percent over 100") << 2 << u"value"_s;
    QTest::addRow("empty code") << 2 << u"code"_s;
}

void TestOrders::badCustomerTermsAndCodes()
{
    QFETCH(int, what);
    QFETCH(QString, field);
    const QString row = QString::fromLatin1(QTest::currentDataTag());
    const qint64 customers = count(u"customers"_s), codes = count(u"discount_codes"_s);
    Error error;
    if (what == 0) {
        Customer c{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0};
        if (row == u"no name"_s)
            c.name = u"  "_s;
        if (row == u"not an email"_s)
            c.email = u"bo.example.com"_s;
        if (row == u"email taken"_s)
            c.email = u"ANA@example.com"_s;
        if (row == u"latitude out of range"_s)
            c.addresses = {Address{{}, {}, u"Rua 1"_s, u"Lisboa"_s, {}, u"PT"_s, 91'000'000, 0}};
        auto r = wait(m_f->client().createCustomer(c, souk::test::newKey()));
        QVERIFY(!r);
        error = r.error();
    } else if (what == 1) {
        MerchantTerms t{m_f->merchantId(), 825, 290, 30, 0, 30, 0};
        if (row == u"tax over 100 percent"_s)
            t.taxRateBp = 10001;
        else
            t.deliveryFeeMinor = -1;
        auto r = wait(m_f->client().setMerchantTerms(t, souk::test::newKey()));
        QVERIFY(!r);
        error = r.error();
    } else {
        DiscountCode d{m_f->merchantId(), u"SAVE"_s, DiscountKind::Percent, 1000, true};
        if (row == u"percent over 100"_s)
            d.value = 10001;
        else
            d.code = u" "_s;
        auto r = wait(m_f->client().addDiscountCode(d, souk::test::newKey()));
        QVERIFY(!r);
        error = r.error();
    }
    QCOMPARE(error.field, field);
    QCOMPARE(count(u"customers"_s), customers);
    QCOMPARE(count(u"discount_codes"_s), codes);
    auto terms = wait(m_f->client().engine().read<MerchantTerms>(
        [id = m_f->merchantId()](QSqlDatabase& db) { return OrderService::terms(db, id); }));
    QCOMPARE(terms->taxRateBp, 825); // the terms set in init() stand
}

void TestOrders::discountCodeApplies()
{
    QVERIFY(wait(m_f->client().addDiscountCode(
        DiscountCode{m_f->merchantId(), u"TEN"_s, DiscountKind::Percent, 1000, true}, souk::test::newKey())));
    auto o = wait(m_f->client().createOrder(
        NewOrder{m_f->merchantId(), m_customer, {{u"EAR-1"_s, 1}}, u"TEN"_s, std::nullopt}, key()));
    QVERIFY(o);
    QCOMPARE(o->discountMinor, 250);
    QCOMPARE(o->taxMinor, 186); // 8.25 % of 2250 = 185.625 -> 186
    QCOMPARE(o->totalMinor, 2250 + 186);
    auto unknown = wait(m_f->client().createOrder(
        NewOrder{m_f->merchantId(), m_customer, {{u"EAR-1"_s, 1}}, u"NOPE"_s, std::nullopt}, key()));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().field, u"discountCode"_s);
    QCOMPARE(reserved(u"EAR-1"_s), 1); // only the good order holds stock
}

void TestOrders::unpaidOrdersExpire()
{
    const Order o = place({{u"EAR-1"_s, 3}});
    QCOMPARE(reserved(u"EAR-1"_s), 3);
    m_clock->advanceMs(29 * 60'000);
    QCOMPARE(wait(m_f->client().runMaintenance())->ordersExpired, 0);
    m_clock->advanceMs(2 * 60'000);
    QCOMPARE(wait(m_f->client().runMaintenance())->ordersExpired, 1);
    QCOMPARE(reserved(u"EAR-1"_s), 0);
    auto detail = wait(m_f->client().orderDetail(o.id));
    QCOMPARE(detail->order.status, OrderStatus::Expired);
    // a pass a person asked for runs as that person (and is audited so); the timer's runs as system
    QCOMPARE(detail->events.last().actor, u"tester/owner"_s);
    auto late = wait(m_f->client().authorizePayment(
        o.id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, key()));
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::IllegalTransition);
}

void TestOrders::authorizationsExpireAfterSevenDays()
{
    const Order o = place({{u"EAR-1"_s, 1}});
    const Payment a = pay(o.id);
    m_clock->advanceMs(60 * 60'000); // the order's own hold ran out, but the authorization keeps it
    QCOMPARE(wait(m_f->client().runMaintenance())->ordersExpired, 0);
    m_clock->advanceMs(PaymentService::AuthorizationValidityMs);
    auto done = wait(m_f->client().runMaintenance());
    QCOMPARE(done->authorizationsExpired, 1);
    QCOMPARE(done->ordersExpired, 1);
    auto detail = wait(m_f->client().orderDetail(o.id));
    QCOMPARE(detail->payments[0].status, PaymentStatus::Expired);
    QCOMPARE(detail->order.status, OrderStatus::Expired);
    QCOMPARE(reserved(u"EAR-1"_s), 0);
    Q_UNUSED(a);
}

void TestOrders::cancelBeforeAndAfterPayment()
{
    const Order unpaid = place({{u"EAR-1"_s, 2}});
    pay(unpaid.id);
    auto cancelled = wait(m_f->client().cancelOrder(unpaid.id, u"customer asked"_s, u"cancel-A"_s));
    QVERIFY(cancelled);
    QCOMPARE(cancelled->status, OrderStatus::Cancelled);
    QCOMPARE(cancelled->paymentState, PaymentState::Voided);
    QCOMPARE(reserved(u"EAR-1"_s), 0);
    QTRY_COMPARE(m_f->provider().voidedHolds(), 1); // the hold left the customer's card too
    QVERIFY(wait(m_f->client().cancelOrder(unpaid.id, u"customer asked"_s, u"cancel-A"_s))); // a retry
    QTest::qWait(20);
    QCOMPARE(m_f->provider().voidedHolds(), 1); // replayed, not released twice
    const Payment p = captured({{u"EAR-1"_s, 2}});
    QCOMPARE(onHand(u"EAR-1"_s), 8);
    auto refunded = wait(m_f->client().cancelOrder(p.orderId, u"out of area"_s, key()));
    QVERIFY2(refunded, qPrintable(refunded ? QString() : refunded.error().toString()));
    QCOMPARE(refunded->status, OrderStatus::Cancelled);
    QCOMPARE(refunded->refundedMinor, p.capturedMinor);
    QCOMPARE(onHand(u"EAR-1"_s), 10);
    QTRY_COMPARE(m_f->provider().refundedMinor(), p.capturedMinor); // the money went back to the card
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QVERIFY(detail);
    const auto refundEvent = std::find_if(detail->events.cbegin(), detail->events.cend(),
                                          [](const OrderEvent& e) { return e.kind == u"refund"_s; });
    QVERIFY2(refundEvent != detail->events.cend(), "the timeline says where the money went");
    QCOMPARE(refundEvent->amountMinor, std::optional<qint64>(p.capturedMinor));
    auto twice = wait(m_f->client().cancelOrder(p.orderId, u"again"_s, key()));
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::IllegalTransition);
}

void TestOrders::disputeLostReversesFundsAndBooksFee()
{
    const Payment p = captured({{u"EAR-1"_s, 1}});
    auto d = wait(m_f->client().openDispute(p.id, p.capturedMinor, u"fraudulent"_s, key()));
    QVERIFY(d);
    QCOMPARE(d->status, DisputeStatus::NeedsResponse);
    QCOMPARE(d->feeMinor, 1500);
    auto blocked = wait(m_f->client().refundPayment(p.id, 100, u"x"_s, key()));
    QVERIFY(!blocked); // no refund while the bank decides
    QVERIFY(wait(m_f->client().submitDisputeEvidence(d->id, key())));
    auto lost = wait(m_f->client().resolveDispute(d->id, false, key()));
    QVERIFY(lost);
    QCOMPARE(lost->status, DisputeStatus::Lost);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::DisputeLosses), p.capturedMinor);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::DisputeFees), 1500);
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->order.status, OrderStatus::Refunded);
    QCOMPARE(detail->disputes.size(), 1);
    QCOMPARE(onHand(u"EAR-1"_s), 10); // charged back before it shipped: not sent, back in stock
}

void TestOrders::disputeWonMovesNothing()
{
    const Payment p = captured({{u"EAR-1"_s, 1}});
    auto d = wait(m_f->client().openDispute(p.id, 1000, u"not received"_s, u"dispute-1"_s));
    QVERIFY(d);
    auto again = wait(m_f->client().openDispute(p.id, 1000, u"not received"_s, u"dispute-1"_s));
    QVERIFY(again); // the bank's notice delivered twice: the same dispute, not an error
    QCOMPARE(again->id, d->id);
    auto early = wait(m_f->client().resolveDispute(d->id, true, key()));
    QVERIFY(!early); // needs evidence first
    QVERIFY(wait(m_f->client().submitDisputeEvidence(d->id, key())));
    const qint64 entries = count(u"journal_entries"_s);
    QVERIFY(wait(m_f->client().resolveDispute(d->id, true, key())));
    QCOMPARE(count(u"journal_entries"_s), entries);
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->order.paymentState, PaymentState::Captured);
}

void TestOrders::overdueDisputeIsLost()
{
    const Payment p = captured({{u"EAR-1"_s, 1}});
    auto d = wait(m_f->client().openDispute(p.id, 1500, u"fraudulent"_s, key()));
    QVERIFY(d);
    const Payment q = captured({{u"EAR-1"_s, 1}});
    auto answered = wait(m_f->client().openDispute(q.id, 700, u"not received"_s, key()));
    QVERIFY(answered);
    QVERIFY(wait(m_f->client().submitDisputeEvidence(answered->id, key())));
    m_clock->advanceMs(PaymentService::EvidenceWindowMs - 1000); // not yet due
    QCOMPARE(wait(m_f->client().runMaintenance())->disputesLost, 0);
    m_clock->advanceMs(2000);
    // the one that got no evidence is lost with its fee; the one under review waits for the bank
    QCOMPARE(wait(m_f->client().runMaintenance())->disputesLost, 1);
    auto detail = wait(m_f->client().orderDetail(p.orderId));
    QCOMPARE(detail->disputes.first().status, DisputeStatus::Lost);
    QCOMPARE(detail->order.refundedMinor, 1500);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::DisputeLosses), 1500);
    QCOMPARE(wait(m_f->client().orderDetail(q.orderId))->disputes.first().status, DisputeStatus::UnderReview);
    QCOMPARE(wait(m_f->client().runMaintenance())->disputesLost, 0);
}

void TestOrders::payoutSettlesNetBalance()
{
    const Payment p = captured({{u"EAR-1"_s, 2}});
    QVERIFY(wait(m_f->client().refundPayment(p.id, 1000, u"dent"_s, key())));
    const qint64 payable = -balance(m_f->merchantId(), AccountKind::MerchantPayable);
    // what the payouts page offers: the payable less the refund, in the merchant's currency
    const auto owedBefore = PaymentService::owed(*wait(m_f->client().ledgerBalances(m_f->merchantId())));
    QCOMPARE(owedBefore.size(), 1);
    QCOMPARE(owedBefore.first(), std::pair(u"EUR"_s, payable - 1000));
    auto payouts = wait(m_f->client().payout(m_f->merchantId(), {}, u"settle-1"_s));
    QVERIFY2(payouts, qPrintable(payouts ? QString() : payouts.error().toString()));
    // a retried settlement replays the first one instead of failing or paying again
    auto retried = wait(m_f->client().payout(m_f->merchantId(), {}, u"settle-1"_s));
    QVERIFY(retried);
    QCOMPARE(retried->size(), 1);
    QCOMPARE(retried->first().id, payouts->first().id);
    QCOMPARE(count(u"payouts"_s), 1);
    QCOMPARE(payouts->size(), 1);
    QCOMPARE(payouts->first().amountMinor, payable - 1000);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::MerchantPayable), 0);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::Refunds), 0);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::PaidOut), -(payable - 1000));
    auto nothing = wait(m_f->client().payout(m_f->merchantId(), {}, key()));
    QVERIFY(!nothing);
    QCOMPARE(nothing.error().code, ErrorCode::Conflict);
    QCOMPARE(PaymentService::owed(*wait(m_f->client().ledgerBalances(m_f->merchantId()))).first().second, 0);
    auto history = wait(m_f->client().payouts(m_f->merchantId()));
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().id, payouts->first().id);
    QCOMPARE(history->first().amountMinor, payable - 1000);
    // a merchant that does not exist has no payouts to list: it is not found
    const auto none = wait(m_f->client().payouts(Id{12345}));
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
}

void TestOrders::payoutPaysExactlyWhatWasAsked()
{
    captured({{u"EAR-1"_s, 2}});
    const qint64 owed = -balance(m_f->merchantId(), AccountKind::MerchantPayable);
    const qint64 entries = count(u"journal_entries"_s);
    const auto refused = [&](const QMap<QString, qint64>& amounts, ErrorCode code) {
        auto r = wait(m_f->client().payout(m_f->merchantId(), amounts, key()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, u"amounts"_s);
    };
    refused({{u"EUR"_s, owed + 1}}, ErrorCode::Conflict); // more than is owed
    refused({{u"CNY"_s, 100}}, ErrorCode::Conflict);      // nothing is owed in yuan
    refused({{u"EUR"_s, 0}}, ErrorCode::Invalid);
    refused({{u"EUR"_s, -5}}, ErrorCode::Invalid);
    QCOMPARE(count(u"journal_entries"_s), entries); // refused: nothing booked
    QCOMPARE(count(u"payouts"_s), 0);
    // less than is owed (what a user confirmed before another sale came in): exactly that
    auto part = wait(m_f->client().payout(m_f->merchantId(), {{u"EUR"_s, 1000}}, key()));
    QVERIFY2(part, qPrintable(part ? QString() : part.error().toString()));
    QCOMPARE(part->first().amountMinor, 1000);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::PaidOut), -1000);
    QCOMPARE(PaymentService::owed(*wait(m_f->client().ledgerBalances(m_f->merchantId()))).first().second, owed - 1000);
    // the rest, asked for exactly, settles the accounts
    QVERIFY(wait(m_f->client().payout(m_f->merchantId(), {{u"EUR"_s, owed - 1000}}, key())));
    QCOMPARE(balance(m_f->merchantId(), AccountKind::MerchantPayable), 0);
    QCOMPARE(balance(m_f->merchantId(), AccountKind::PaidOut), -owed);
}

void TestOrders::changeFeedCarriesOrders()
{
    QSignalSpy spy(&m_f->client(), &Client::changed);
    const Order o = place({{u"EAR-1"_s, 1}});
    QTRY_VERIFY(!spy.isEmpty());
    bool seen = false;
    for (const auto& args : spy) {
        for (const Change& c : args.at(0).value<ChangeList>()) {
            if (c.entity == u"order"_s && c.id == o.id) {
                seen = true;
                QCOMPARE(c.op, ChangeOp::Created);
                QCOMPARE(c.actor, u"tester/owner"_s);
            }
        }
    }
    QVERIFY(seen);
}

void TestOrders::changeFeedIsPrunedByAge()
{
    place({{u"EAR-1"_s, 1}});
    const qint64 rows = count(u"changes"_s);
    QVERIFY(rows > 1);
    auto head = [&] {
        return wait(m_f->client().engine().read<qint64>([](QSqlDatabase& db) { return store::ChangeFeed::lastSeq(db); }))
            .value();
    };
    const qint64 before = head();
    // within the week nothing goes
    m_clock->advanceMs(6LL * 24 * 3600 * 1000);
    auto kept = wait(m_f->client().runMaintenance());
    QVERIFY(kept);
    QCOMPARE(kept->changesPruned, 0);
    // past it, every row but the newest (which keeps the feed's position)
    m_clock->advanceMs(2LL * 24 * 3600 * 1000);
    auto pruned = wait(m_f->client().runMaintenance());
    QVERIFY(pruned);
    QVERIFY2(pruned->changesPruned >= rows - 1, qPrintable(QString::number(pruned->changesPruned)));
    QVERIFY(count(u"changes"_s) >= 1);
    QVERIFY(head() >= before);
    // and the feed goes on from there: a new change takes a later seq
    place({{u"EAR-1"_s, 1}});
    QVERIFY(head() > before);
}

QTEST_GUILESS_MAIN(TestOrders)
#include "TestOrders.moc"
