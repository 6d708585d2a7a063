// ContractSuite, second part: customers, terms, orders, payments, disputes and the ledger.
#include <QDateTime>
#include <QTest>

#include "tests/contract/ContractSuite.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk::orders;
using namespace souk::payments;

namespace souk::test {
namespace {

constexpr int ChangeWaitMs = 10'000;
const CardInput Approved{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
const CardInput Declined{u"4000 0000 0000 9995"_s, 12, 2030, u"123"_s};
const Id MadeUp{4242};

} // namespace

void ContractSuite::customersTermsAndDiscountCodes()
{
    Customer given;
    given.name = u"Zhang Wei"_s;
    given.email = u"wei@example.com"_s;
    Address home;
    home.label = u"home"_s;
    home.line1 = u"1 Contract Road"_s;
    home.city = u"Lisbon"_s;
    home.postcode = u"1000-001"_s;
    home.country = u"PT"_s;
    given.addresses = {home};
    const QString key = newKey();
    const auto customer = settle(client().createCustomer(given, key));
    QVERIFY_OK(customer);
    QVERIFY(!customer->id.isNull());
    QCOMPARE(customer->name, u"Zhang Wei"_s);
    QCOMPARE(customer->addresses.size(), 1);
    QCOMPARE(customer->addresses.first().city, u"Lisbon"_s);
    const auto again = settle(client().createCustomer(given, key));
    QVERIFY_OK(again);
    QCOMPARE(again->id, customer->id);
    Customer nameless = given;
    nameless.name.clear();
    QCOMPARE_ERROR(settle(client().createCustomer(nameless, newKey())), ErrorCode::Invalid, u"name"_s);

    // merchant B's terms and a code: B's other orders are the seed's, made before
    MerchantTerms terms;
    terms.merchantId = seed().merchantB;
    terms.taxRateBp = 1000;
    terms.deliveryFeeMinor = 250;
    terms.unpaidExpiryMinutes = 45;
    const auto set = settle(client().setMerchantTerms(terms, newKey()));
    QVERIFY_OK(set);
    QCOMPARE(set->merchantId, seed().merchantB);
    QCOMPARE(set->taxRateBp, 1000);
    QCOMPARE(set->deliveryFeeMinor, 250);
    QVERIFY(set->version > 0);
    MerchantTerms badTerms = terms;
    badTerms.taxRateBp = -1;
    QCOMPARE_ERROR(settle(client().setMerchantTerms(badTerms, newKey())), ErrorCode::Invalid, u"taxRate"_s);

    const DiscountCode code{seed().merchantB, u"CONTRACT10"_s, DiscountKind::Percent, 1000, true};
    const auto added = settle(client().addDiscountCode(code, newKey()));
    QVERIFY_OK(added);
    QVERIFY(*added);
    DiscountCode tooMuch = code;
    tooMuch.code = u"CONTRACT200"_s;
    tooMuch.value = 20'000; // 200 %
    QCOMPARE_ERROR(settle(client().addDiscountCode(tooMuch, newKey())), ErrorCode::Invalid, u"value"_s);

    const NewOrder tea{seed().merchantB, customer->id, {{u"TEA-1"_s, 2}}, u"CONTRACT10"_s, {}};
    const auto order = settle(client().createOrder(tea, newKey()));
    QVERIFY_OK(order);
    QCOMPARE(order->subtotalMinor, 1800);
    QCOMPARE(order->discountCode, u"CONTRACT10"_s);
    QCOMPARE(order->discountMinor, 180);
    QCOMPARE(order->taxMinor, 162);
    QCOMPARE(order->deliveryFeeMinor, 250);
    QCOMPARE(order->totalMinor, 1800 - 180 + 162 + 250);
    QCOMPARE(order->customerName, u"Zhang Wei"_s);
    NewOrder unknownCode = tea;
    unknownCode.discountCode = u"NOPE"_s;
    QCOMPARE_ERROR(settle(client().createOrder(unknownCode, newKey())), ErrorCode::NotFound, u"discountCode"_s);
}

void ContractSuite::createOrderReplaysItsKey()
{
    const QString key = newKey();
    const auto order = settle(client().createOrder(mugs(2), key));
    QVERIFY_OK(order);
    QCOMPARE(order->status, OrderStatus::PendingPayment);
    QCOMPARE(order->paymentState, PaymentState::None);
    QCOMPARE(order->merchantId, seed().merchantA);
    QCOMPARE(order->customerId, seed().customer);
    QCOMPARE(order->currency, u"EUR"_s);
    QCOMPARE(order->subtotalMinor, 3000);
    QCOMPARE(order->lines.size(), 1);
    QCOMPARE(order->lines.first().sku, seed().skuA);
    QCOMPARE(order->lines.first().quantity, 2);
    QCOMPARE(order->lines.first().unitPriceMinor, 1500);
    QVERIFY(order->number >= FirstOrderNumber);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"order"_s, order->id), ChangeWaitMs);

    const auto replay = settle(client().createOrder(mugs(2), key));
    QVERIFY_OK(replay);
    QCOMPARE(replay->id, order->id);
    QCOMPARE(replay->number, order->number);
    QCOMPARE(replay->totalMinor, order->totalMinor);
    QCOMPARE_ERROR(settle(client().createOrder(mugs(3), key)), ErrorCode::IdempotencyConflict, u"idempotencyKey"_s);
    QCOMPARE_ERROR(settle(client().createOrder(mugs(0), newKey())), ErrorCode::Invalid, u"lines[0].quantity"_s);
    QCOMPARE_ERROR(settle(client().createOrder(mugs(1'000'000), newKey())), ErrorCode::Invalid, u"lines[0].quantity"_s);
    QCOMPARE_ERROR(settle(client().createOrder(mugs(99'999), newKey())), ErrorCode::InsufficientStock,
                   u"lines[0].quantity"_s);

    const auto byId = settle(client().ordersById({order->id, seed().orderB}));
    QVERIFY_OK(byId);
    QCOMPARE(byId->size(), 2);
    const auto mine = std::find_if(byId->cbegin(), byId->cend(), [&](const Order& o) { return o.id == order->id; });
    QVERIFY(mine != byId->cend());
    QCOMPARE(mine->totalMinor, order->totalMinor);
    QCOMPARE(mine->version, order->version);
    QVERIFY(std::any_of(byId->cbegin(), byId->cend(), [&](const Order& o) { return o.id == seed().orderB; }));
    const auto detail = settle(client().orderDetail(order->id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->order.id, order->id);
    QCOMPARE(detail->order.version, order->version);
    QCOMPARE(detail->order.lines.size(), 1);
    QCOMPARE(detail->customer.id, seed().customer);
    QCOMPARE(detail->customer.name, u"Ana Lima"_s);
    QVERIFY(detail->payments.isEmpty());
    QVERIFY(!detail->events.isEmpty());
}

void ContractSuite::cancelAndAdvanceOrders()
{
    const auto order = settle(client().createOrder(mugs(1), newKey()));
    QVERIFY_OK(order);
    const QString key = newKey();
    const auto cancelled = settle(client().cancelOrder(order->id, u"changed my mind"_s, key));
    QVERIFY_OK(cancelled);
    QCOMPARE(cancelled->status, OrderStatus::Cancelled);
    QCOMPARE(settle(client().cancelOrder(order->id, u"changed my mind"_s, key))->version, cancelled->version);
    QCOMPARE_ERROR(settle(client().cancelOrder(order->id, u"again"_s, newKey())), ErrorCode::IllegalTransition,
                   u"status"_s);
    QCOMPARE_ERROR(settle(client().advanceOrder(order->id, OrderStatus::Shipped, {}, newKey())),
                   ErrorCode::IllegalTransition, u"status"_s);

    const auto paid = paidMugs(1, true);
    QVERIFY_OK(paid);
    QCOMPARE(paid->order.status, OrderStatus::Paid);
    QCOMPARE_ERROR(settle(client().advanceOrder(paid->order.id, OrderStatus::Delivered, {}, newKey())),
                   ErrorCode::IllegalTransition, u"status"_s);
    Order now = paid->order;
    for (const OrderStatus to :
         {OrderStatus::Fulfilling, OrderStatus::Shipped, OrderStatus::Delivered, OrderStatus::Completed}) {
        const auto moved = settle(client().advanceOrder(now.id, to, u"contract"_s, newKey()));
        QVERIFY_OK(moved);
        QCOMPARE(moved->status, to);
        QVERIFY(moved->version > now.version);
        now = *moved;
    }
    const auto detail = settle(client().orderDetail(now.id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->order.status, OrderStatus::Completed);
    const auto statusEvents = std::count_if(detail->events.cbegin(), detail->events.cend(),
                                            [](const OrderEvent& e) { return e.kind == u"status"_s; });
    QVERIFY2(statusEvents >= 5, qPrintable(QString::number(statusEvents)));
}

void ContractSuite::orderListsAndCounters()
{
    const auto pending = settle(client().orderPage([&] {
        OrderQuery q;
        q.merchantId = seed().merchantA;
        q.status = OrderStatus::PendingPayment;
        q.limit = 1000;
        return q;
    }()));
    QVERIFY_OK(pending);
    QVERIFY(std::any_of(pending->orders.cbegin(), pending->orders.cend(),
                        [&](const Order& o) { return o.id == seed().orderA; }));
    QVERIFY(std::all_of(pending->orders.cbegin(), pending->orders.cend(), [&](const Order& o) {
        return o.status == OrderStatus::PendingPayment && o.merchantId == seed().merchantA;
    }));
    for (qsizetype i = 1; i < pending->orders.size(); ++i) // newest first
        QVERIFY(pending->orders.at(i - 1).id > pending->orders.at(i).id);

    OrderQuery captured;
    captured.paymentState = PaymentState::Captured;
    const auto withMoney = settle(client().orderPage(captured));
    QVERIFY_OK(withMoney);
    QVERIFY(std::any_of(withMoney->orders.cbegin(), withMoney->orders.cend(),
                        [&](const Order& o) { return o.id == seed().paidOrderA; }));

    const auto all = settle(client().orderPage(OrderQuery{}));
    QVERIFY_OK(all);
    QVERIFY(all->orders.size() >= 3);
    OrderQuery firstOnly;
    firstOnly.limit = 1;
    const auto one = settle(client().orderPage(firstOnly));
    QVERIFY_OK(one);
    QCOMPARE(one->orders.size(), 1);
    QVERIFY(one->more);
    QCOMPARE(one->orders.first().id, all->orders.first().id);
    OrderQuery next = firstOnly;
    next.beforeId = one->orders.first().id;
    const auto second = settle(client().orderPage(next));
    QVERIFY_OK(second);
    QCOMPARE(second->orders.first().id, all->orders.at(1).id);

    // every filter of the query holds: totals and creation times too
    QVERIFY_OK(settle(client().createOrder(mugs(2), newKey())));
    OrderQuery big;
    big.minTotalMinor = 3000;
    big.fromMs = IdGenerator::timestampMsOf(seed().orderA);
    const auto large = settle(client().orderPage(big));
    QVERIFY_OK(large);
    QVERIFY(!large->orders.isEmpty());
    QVERIFY2(
        std::all_of(large->orders.cbegin(), large->orders.cend(), [](const Order& o) { return o.totalMinor >= 3000; }),
        "an order below minTotalMinor was listed");
    OrderQuery before;
    before.toMs = IdGenerator::timestampMsOf(seed().orderA); // created before the first seeded order: none
    const auto older = settle(client().orderPage(before));
    QVERIFY_OK(older);
    QVERIFY2(older->orders.isEmpty(), "an order created after toMs was listed");

    OrderQuery byName;
    byName.search = u"Ana Lima"_s;
    const auto named = settle(client().orderPage(byName));
    QVERIFY_OK(named);
    QVERIFY(std::any_of(named->orders.cbegin(), named->orders.cend(),
                        [&](const Order& o) { return o.id == seed().orderB; }));

    const qint64 dayStartMs = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch();
    const auto counters = settle(client().orderCounters(seed().merchantA, dayStartMs));
    QVERIFY_OK(counters);
    QCOMPARE(counters->currency, u"EUR"_s);
    QVERIFY(counters->awaitingPayment >= 1);
    QCOMPARE(counters->gmvToday.size(), 1);
    QCOMPARE(counters->gmvToday.first().first, u"EUR"_s);
    QVERIFY(counters->gmvToday.first().second >= 1500);
    const auto everyone = settle(client().orderCounters({}, dayStartMs));
    QVERIFY_OK(everyone);
    QVERIFY(everyone->awaitingPayment >= counters->awaitingPayment);
}

void ContractSuite::checkoutApprovedAndDeclined()
{
    const QString key = newKey();
    const auto approved = settle(client().checkout(mugs(1), Approved, true, key));
    QVERIFY_OK(approved);
    QCOMPARE(approved->order.status, OrderStatus::Paid);
    QCOMPARE(approved->order.paymentState, PaymentState::Captured);
    QCOMPARE(approved->order.cardLast4, u"4242"_s);
    QCOMPARE(approved->payment.status, PaymentStatus::Captured);
    QCOMPARE(approved->payment.capturedMinor, approved->order.totalMinor);
    QCOMPARE(approved->payment.card.brand, u"visa"_s);
    QCOMPARE(approved->payment.card.last4, u"4242"_s);
    QVERIFY(approved->payment.declineCode.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"payment"_s, approved->payment.id), ChangeWaitMs);
    const auto replay = settle(client().checkout(mugs(1), Approved, true, key));
    QVERIFY_OK(replay);
    QCOMPARE(replay->order.id, approved->order.id);
    QCOMPARE(replay->payment.id, approved->payment.id);
    QCOMPARE_ERROR(settle(client().checkout(mugs(2), Approved, true, key)), ErrorCode::IdempotencyConflict,
                   u"idempotencyKey"_s);

    // a declined card is no error: the order waits for payment and the payment says why
    const auto declined = settle(client().checkout(mugs(1), Declined, true, newKey()));
    QVERIFY_OK(declined);
    QCOMPARE(declined->order.status, OrderStatus::PendingPayment);
    QCOMPARE(declined->order.paymentState, PaymentState::Failed);
    QCOMPARE(declined->payment.status, PaymentStatus::Failed);
    QCOMPARE(declined->payment.declineCode, u"insufficient_funds"_s);
    QCOMPARE(declined->payment.capturedMinor, 0);
    QVERIFY(!declined->payment.retryable);

    const CardInput typo{u"4242 4242 4242 4241"_s, 12, 2030, u"123"_s};
    QCOMPARE_ERROR(settle(client().checkout(mugs(1), typo, true, newKey())), ErrorCode::CardInvalid, u"card.number"_s);
    const auto held = settle(client().checkout(mugs(1), Approved, false, newKey()));
    QVERIFY_OK(held);
    QCOMPARE(held->payment.status, PaymentStatus::Authorized);
    QCOMPARE(held->order.paymentState, PaymentState::Authorized);
}

void ContractSuite::authorizeCaptureAndVoid()
{
    const auto order = settle(client().createOrder(mugs(2), newKey()));
    QVERIFY_OK(order);
    const auto authorized = settle(client().authorizePayment(order->id, Approved, newKey()));
    QVERIFY_OK(authorized);
    QCOMPARE(authorized->status, PaymentStatus::Authorized);
    QCOMPARE(authorized->orderId, order->id);
    QCOMPARE(authorized->amountMinor, order->totalMinor);
    QCOMPARE(authorized->card.last4, u"4242"_s);
    QCOMPARE_ERROR(settle(client().capturePayment(authorized->id, order->totalMinor + 1, newKey())),
                   ErrorCode::Conflict, u"amount"_s);
    const QString key = newKey();
    const auto captured = settle(client().capturePayment(authorized->id, 1500, key));
    QVERIFY_OK(captured);
    QCOMPARE(captured->status, PaymentStatus::Captured);
    QCOMPARE(captured->capturedMinor, 1500);
    QCOMPARE(settle(client().capturePayment(authorized->id, 1500, key))->version, captured->version);
    QCOMPARE_ERROR(settle(client().voidPayment(authorized->id, u"too late"_s, newKey())), ErrorCode::IllegalTransition,
                   u"paymentId"_s);
    QCOMPARE(settle(client().orderDetail(order->id))->order.capturedMinor, 1500);

    const auto other = settle(client().createOrder(mugs(1), newKey()));
    QVERIFY_OK(other);
    const auto hold = settle(client().authorizePayment(other->id, Approved, newKey()));
    QVERIFY_OK(hold);
    const auto voided = settle(client().voidPayment(hold->id, u"customer called"_s, newKey()));
    QVERIFY_OK(voided);
    QCOMPARE(voided->status, PaymentStatus::Voided);
    QCOMPARE(voided->capturedMinor, 0);
    QCOMPARE_ERROR(settle(client().capturePayment(hold->id, std::nullopt, newKey())), ErrorCode::IllegalTransition,
                   u"paymentId"_s);
    // a paid order takes no second authorization
    QCOMPARE_ERROR(settle(client().authorizePayment(order->id, Approved, newKey())), ErrorCode::IllegalTransition,
                   u"orderId"_s);
}

void ContractSuite::refundsAreBounded()
{
    const auto paid = paidMugs(2, true);
    QVERIFY_OK(paid);
    const Id payment = paid->payment.id;
    const QString key = newKey();
    const auto refund = settle(client().refundPayment(payment, 500, u"chipped"_s, key));
    QVERIFY_OK(refund);
    QCOMPARE(refund->paymentId, payment);
    QCOMPARE(refund->amountMinor, 500);
    QCOMPARE(refund->reason, u"chipped"_s);
    QCOMPARE(settle(client().refundPayment(payment, 500, u"chipped"_s, key))->id, refund->id);
    QCOMPARE_ERROR(settle(client().refundPayment(payment, 600, u"chipped"_s, key)), ErrorCode::IdempotencyConflict,
                   u"idempotencyKey"_s);
    QCOMPARE_ERROR(settle(client().refundPayment(payment, paid->payment.capturedMinor, u"all"_s, newKey())),
                   ErrorCode::Conflict, u"amount"_s);
    QCOMPARE_ERROR(settle(client().refundPayment(payment, 0, u"nothing"_s, newKey())), ErrorCode::Invalid, u"amount"_s);
    const auto detail = settle(client().orderDetail(paid->order.id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->refunds.size(), 1);
    QCOMPARE(detail->order.paymentState, PaymentState::PartiallyRefunded);
    QCOMPARE(detail->order.refundedMinor, 500);
    QCOMPARE(detail->payments.first().refundedMinor, 500);
    QVERIFY(!detail->postings.isEmpty());
}

void ContractSuite::disputeFromOpenToWon()
{
    const auto paid = paidMugs(1, true);
    QVERIFY_OK(paid);
    const qint64 amount = paid->payment.capturedMinor;
    QCOMPARE_ERROR(settle(client().openDispute(paid->payment.id, amount + 1, u"fraudulent"_s, newKey())),
                   ErrorCode::Invalid, u"amount"_s);
    const auto opened = settle(client().openDispute(paid->payment.id, amount, u"fraudulent"_s, newKey()));
    QVERIFY_OK(opened);
    QCOMPARE(opened->paymentId, paid->payment.id);
    QCOMPARE(opened->status, DisputeStatus::NeedsResponse);
    QCOMPARE(opened->amountMinor, amount);
    QCOMPARE(opened->reason, u"fraudulent"_s);
    QVERIFY(opened->evidenceDueMs > opened->openedMs);
    QVERIFY(!opened->resolvedMs);
    QCOMPARE_ERROR(settle(client().resolveDispute(opened->id, true, newKey())), ErrorCode::IllegalTransition,
                   u"disputeId"_s);
    const auto review = settle(client().submitDisputeEvidence(opened->id, newKey()));
    QVERIFY_OK(review);
    QCOMPARE(review->status, DisputeStatus::UnderReview);
    const auto won = settle(client().resolveDispute(opened->id, true, newKey()));
    QVERIFY_OK(won);
    QCOMPARE(won->status, DisputeStatus::Won);
    QVERIFY(won->resolvedMs.has_value());
    const auto detail = settle(client().orderDetail(paid->order.id));
    QVERIFY_OK(detail);
    QCOMPARE(detail->disputes.size(), 1);
    QCOMPARE(detail->disputes.first().status, DisputeStatus::Won);
}

void ContractSuite::payoutPaysWhatIsOwed()
{
    // what A is owed comes from every case that captured before: this case reads it first
    QVERIFY_OK(paidMugs(1, true));
    const auto before = settle(client().ledgerBalances(seed().merchantA));
    QVERIFY_OK(before);
    QVERIFY(!before->isEmpty());
    QVERIFY(std::all_of(before->cbegin(), before->cend(),
                        [&](const AccountBalance& b) { return b.merchantId == seed().merchantA; }));
    const auto owed = owedOf(*before);
    QCOMPARE(owed.size(), 1);
    QCOMPARE(owed.first().first, u"EUR"_s);
    QVERIFY(owed.first().second > 0);
    const auto everyAccount = settle(client().ledgerBalances({}));
    QVERIFY_OK(everyAccount);
    QVERIFY(everyAccount->size() > before->size()); // the platform's accounts and B's too
    QMap<QString, qint64> sums;
    for (const AccountBalance& b : *everyAccount)
        sums[b.currency] += b.balanceMinor;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        QVERIFY2(it.value() == 0, qPrintable(u"the ledger does not balance in "_s + it.key()));

    QCOMPARE_ERROR(settle(client().payout(seed().merchantA, {{u"EUR"_s, owed.first().second + 1}}, newKey())),
                   ErrorCode::Conflict, u"amounts"_s);
    const auto paidOut = settle(client().payout(seed().merchantA, {}, newKey()));
    QVERIFY_OK(paidOut);
    QCOMPARE(paidOut->size(), 1);
    QCOMPARE(paidOut->first().merchantId, seed().merchantA);
    QCOMPARE(paidOut->first().currency, u"EUR"_s);
    QCOMPARE(paidOut->first().amountMinor, owed.first().second);
    const auto history = settle(client().payouts(seed().merchantA));
    QVERIFY_OK(history);
    QVERIFY(!history->isEmpty());
    QCOMPARE(history->first().id, paidOut->first().id);
    const auto after = settle(client().ledgerBalances(seed().merchantA));
    QVERIFY_OK(after);
    const auto nothing = owedOf(*after);
    QVERIFY(nothing.isEmpty() || nothing.first().second == 0);
}

void ContractSuite::maintenanceRuns()
{
    const auto done = settle(client().runMaintenance());
    QVERIFY_OK(done);
    QVERIFY(done->ordersExpired >= 0 && done->keysPurged >= 0 && done->changesPruned >= 0);
    QVERIFY(!done->more);
    // nothing was due: the seeded order awaiting payment still is
    QCOMPARE(settle(client().orderDetail(seed().orderA))->order.status, OrderStatus::PendingPayment);
}

void ContractSuite::madeUpIdsAreNotFound()
{
    QCOMPARE_ERROR(settle(client().product(MadeUp)), ErrorCode::NotFound, u"productId"_s);
    QCOMPARE_ERROR(settle(client().orderDetail(MadeUp)), ErrorCode::NotFound, u"orderId"_s);
    QCOMPARE_ERROR(settle(client().cancelOrder(MadeUp, u"no such order"_s, newKey())), ErrorCode::NotFound,
                   u"orderId"_s);
    QCOMPARE_ERROR(settle(client().authorizePayment(MadeUp, Approved, newKey())), ErrorCode::NotFound, u"orderId"_s);
    QCOMPARE_ERROR(settle(client().capturePayment(MadeUp, std::nullopt, newKey())), ErrorCode::NotFound,
                   u"paymentId"_s);
    QCOMPARE_ERROR(settle(client().refundPayment(MadeUp, 100, u"no such payment"_s, newKey())), ErrorCode::NotFound,
                   u"paymentId"_s);
    QCOMPARE_ERROR(settle(client().submitDisputeEvidence(MadeUp, newKey())), ErrorCode::NotFound, u"disputeId"_s);
    QCOMPARE_ERROR(settle(client().payout(MadeUp, {}, newKey())), ErrorCode::NotFound, u"merchantId"_s);
    QCOMPARE_ERROR(settle(client().disableUser(MadeUp, u"no such user"_s)), ErrorCode::NotFound, u"userId"_s);
    QCOMPARE_ERROR(settle(client().revokeApiKey(MadeUp)), ErrorCode::NotFound, u"keyId"_s);
    // a merchant that does not exist is not found, for a platform principal too
    QCOMPARE_ERROR(settle(client().locations(MadeUp)), ErrorCode::NotFound, u"merchantId"_s);
    // lists of what a made-up product or variant holds are empty
    const auto noStock = settle(client().stockLevels(MadeUp));
    QVERIFY_OK(noStock);
    QVERIFY(noStock->isEmpty());
    const auto noJournal = settle(client().movements(MadeUp, 10));
    QVERIFY_OK(noJournal);
    QVERIFY(noJournal->isEmpty());
    const auto none = settle(client().ordersById({MadeUp}));
    QVERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

} // namespace souk::test
