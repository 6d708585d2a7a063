#include <QSqlQuery>
#include <QTest>

#include <limits>

#include "backend/engine/Engine.h"
#include "backend/payments/PaymentService.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::StoreFixture;
using Fees = QMap<QString, qint64>; // currency -> minor units

/// Disputes are the bank's facts (issue 11): a dispute of money the merchant refunded already is
/// recorded, and when lost it is booked in full, leaving the merchant owing; payouts net that
/// debt; the fee comes from the merchant's terms per currency, or a default table. After each
/// test every store invariant holds (cleanup: StoreFixture::problems()).
class TestDisputes final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void disputeAfterFullRefundIsRecordedAndLost();
    void disputeAfterPartialRefundReversesAll();
    void disputeAfterCancellationKeepsTheOrderCancelled();
    void wonDisputeAfterRefundLeavesItRefunded();
    void onlyWhatCannotBeTrueIsRefused();
    void payoutNetsTheDebt_data();
    void payoutNetsTheDebt();
    void feeComesFromTermsPerCurrency_data();
    void feeComesFromTermsPerCurrency();
    void termsKeepFeesUnlessGiven();
    void defaultFeeTable_data();
    void defaultFeeTable();

private:
    /// A fresh store in `currency`: one product "EAR-1" at 2500 minor units, no tax, no
    /// commission (so a sale of N units owes the merchant N x 2500), and a customer.
    void setUp(const QString& currency);
    Payment captured(const QString& sku, qint64 quantity);
    Dispute lose(Id paymentId, qint64 amount);
    qint64 balance(AccountKind kind);
    qint64 owed();
    Order order(Id orderId);
    Payment payment(Id orderId);
    qint64 count(const QString& table);
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    QString key() { return u"dispute-test-%1"_s.arg(++m_keys); }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<StoreFixture> m_f;
    Id m_customer;
    int m_keys = 0;
};

void TestDisputes::init()
{
    m_clock = std::make_unique<MockClock>();
    setUp(u"EUR"_s);
}

void TestDisputes::cleanup()
{
    if (m_f && m_f->ok()) // the ledger balances, refunds and disputes agree, after every test
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
    m_clock.reset();
}

void TestDisputes::setUp(const QString& currency)
{
    m_f.reset();
    m_f = std::make_unique<StoreFixture>(currency, *m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 20);
    m_f->addProduct(u"Cable"_s, {u"CABLE"_s}, 999, 20);
    auto terms = wait(m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 0, 0, 0, 0, 30, 0},
                                                     souk::test::newKey()));
    QVERIFY2(terms, qPrintable(terms ? QString() : terms.error().toString()));
    Customer c;
    c.name = u"Ana Lima"_s;
    c.email = u"ana@example.com"_s;
    auto customer = wait(m_f->client().createCustomer(c, souk::test::newKey()));
    QVERIFY2(customer, qPrintable(customer ? QString() : customer.error().toString()));
    m_customer = customer->id;
}

Payment TestDisputes::captured(const QString& sku, qint64 quantity)
{
    auto o = wait(m_f->client().createOrder(NewOrder{m_f->merchantId(), m_customer, {{sku, quantity}}, {}, {}}, key()));
    if (!o) {
        QTest::qFail(qPrintable(o.error().toString()), __FILE__, __LINE__);
        return {};
    }
    auto a = wait(m_f->client().authorizePayment(
        o->id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, key()));
    if (!a) {
        QTest::qFail(qPrintable(a.error().toString()), __FILE__, __LINE__);
        return {};
    }
    auto c = wait(m_f->client().capturePayment(a->id, std::nullopt, key()));
    if (!c)
        QTest::qFail(qPrintable(c.error().toString()), __FILE__, __LINE__);
    return c ? *c : Payment{};
}

Dispute TestDisputes::lose(Id paymentId, qint64 amount)
{
    auto d = wait(m_f->client().openDispute(paymentId, amount, u"fraudulent"_s, key()));
    if (!d) {
        QTest::qFail(qPrintable(d.error().toString()), __FILE__, __LINE__);
        return {};
    }
    if (!wait(m_f->client().submitDisputeEvidence(d->id, key())))
        QTest::qFail("evidence refused", __FILE__, __LINE__);
    auto lost = wait(m_f->client().resolveDispute(d->id, false, key()));
    if (!lost) {
        QTest::qFail(qPrintable(lost.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *lost;
}

qint64 TestDisputes::balance(AccountKind kind)
{
    auto balances = wait(m_f->client().ledgerBalances(m_f->merchantId()));
    qint64 sum = 0;
    for (const AccountBalance& b : *balances) {
        if (b.account == kind)
            sum += b.balanceMinor;
    }
    return sum;
}

qint64 TestDisputes::owed()
{
    const auto owing = PaymentService::owed(*wait(m_f->client().ledgerBalances(m_f->merchantId())));
    return owing.isEmpty() ? 0 : owing.first().second;
}

Order TestDisputes::order(Id orderId)
{
    auto detail = wait(m_f->client().orderDetail(orderId));
    return detail ? detail->order : Order{};
}

Payment TestDisputes::payment(Id orderId)
{
    auto detail = wait(m_f->client().orderDetail(orderId));
    return detail && !detail->payments.isEmpty() ? detail->payments.first() : Payment{};
}

qint64 TestDisputes::count(const QString& table)
{
    auto n = wait(m_f->client().engine().read<QVariant>(
        [table](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM "_s + table); }));
    return n ? n->toLongLong() : -1;
}

void TestDisputes::disputeAfterFullRefundIsRecordedAndLost()
{
    const Payment p = captured(u"EAR-1"_s, 1);
    QCOMPARE(p.capturedMinor, 2500);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 2500, u"returned"_s, key())));
    QCOMPARE(order(p.orderId).status, OrderStatus::Refunded);
    // the cardholder's bank disputes it anyway: recorded, not refused
    auto d = wait(m_f->client().openDispute(p.id, 2500, u"fraudulent"_s, key()));
    QVERIFY2(d, qPrintable(d ? QString() : d.error().toString()));
    QCOMPARE(d->status, DisputeStatus::NeedsResponse);
    QCOMPARE(d->feeMinor, 1500);
    QCOMPARE(order(p.orderId).paymentState, PaymentState::Disputed);
    // no evidence in time: the card network rules it lost
    m_clock->advanceMs(PaymentService::EvidenceWindowMs + 1000);
    QCOMPARE(wait(m_f->client().runMaintenance())->disputesLost, 1);
    // booked in full: the merchant bears the refund, the reversal and the fee
    QCOMPARE(balance(AccountKind::MerchantPayable), -2500);
    QCOMPARE(balance(AccountKind::Refunds), 2500);
    QCOMPARE(balance(AccountKind::DisputeLosses), 2500);
    QCOMPARE(balance(AccountKind::DisputeFees), 1500);
    QCOMPARE(owed(), -4000); // the merchant owes the platform
    // the payment counts what could still be refunded: nothing, so it stays at what was captured
    const Payment after = payment(p.orderId);
    QCOMPARE(after.refundedMinor, 2500);
    QCOMPARE(after.refundableMinor(), 0);
    const Order o = order(p.orderId);
    QCOMPARE(o.status, OrderStatus::Refunded);
    QCOMPARE(o.paymentState, PaymentState::Refunded);
    QCOMPARE(o.refundedMinor, 2500);
    QTRY_COMPARE(m_f->provider().refundedMinor(), 2500); // the refund reached the card; a chargeback makes no call
    QCOMPARE(count(u"refunds"_s), 1);
    // a debt pays nothing out
    const qint64 entries = count(u"journal_entries"_s);
    auto payout = wait(m_f->client().payout(m_f->merchantId(), {}, key()));
    QVERIFY(!payout);
    QCOMPARE(payout.error().code, ErrorCode::Conflict);
    QCOMPARE(count(u"journal_entries"_s), entries);
}

void TestDisputes::disputeAfterPartialRefundReversesAll()
{
    const Payment p = captured(u"EAR-1"_s, 1);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 1000, u"scratched"_s, key())));
    const Dispute d = lose(p.id, 2500);
    QCOMPARE(d.status, DisputeStatus::Lost);
    QCOMPARE(balance(AccountKind::DisputeLosses), 2500);
    QCOMPARE(owed(), 2500 - 1000 - 2500 - 1500);
    const Payment after = payment(p.orderId);
    QCOMPARE(after.refundedMinor, 2500); // 1000 refunded + the 1500 that was still refundable
    QCOMPARE(order(p.orderId).paymentState, PaymentState::Refunded);
    auto more = wait(m_f->client().refundPayment(p.id, 1, u"again"_s, key()));
    QVERIFY(!more); // the bank took it all back: nothing is left to refund
}

void TestDisputes::disputeAfterCancellationKeepsTheOrderCancelled()
{
    const Payment p = captured(u"EAR-1"_s, 2);
    QVERIFY(wait(m_f->client().cancelOrder(p.orderId, u"customer changed their mind"_s, key())));
    QCOMPARE(order(p.orderId).status, OrderStatus::Cancelled);
    lose(p.id, 5000);
    const Order o = order(p.orderId);
    QCOMPARE(o.status, OrderStatus::Cancelled); // its money and goods went back at cancellation
    QCOMPARE(o.paymentState, PaymentState::Refunded);
    QCOMPARE(owed(), -5000 - 1500);
}

void TestDisputes::wonDisputeAfterRefundLeavesItRefunded()
{
    const Payment p = captured(u"EAR-1"_s, 1);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 2500, u"returned"_s, key())));
    auto d = wait(m_f->client().openDispute(p.id, 2500, u"not received"_s, key()));
    QVERIFY(d);
    QVERIFY(wait(m_f->client().submitDisputeEvidence(d->id, key())));
    const qint64 entries = count(u"journal_entries"_s);
    QVERIFY(wait(m_f->client().resolveDispute(d->id, true, key())));
    QCOMPARE(count(u"journal_entries"_s), entries);
    QCOMPARE(order(p.orderId).paymentState, PaymentState::Refunded); // not "captured" again
    QCOMPARE(owed(), 0);
}

void TestDisputes::onlyWhatCannotBeTrueIsRefused()
{
    const Payment p = captured(u"EAR-1"_s, 1);
    const auto refused = [&](Id payment, qint64 amount, ErrorCode code) {
        const qint64 disputes = count(u"disputes"_s);
        auto d = wait(m_f->client().openDispute(payment, amount, u"fraudulent"_s, key()));
        QVERIFY(!d);
        QCOMPARE(d.error().code, code);
        QCOMPARE(count(u"disputes"_s), disputes); // refused: nothing recorded
    };
    refused(Id{987654321}, 100, ErrorCode::NotFound);
    refused(p.id, 0, ErrorCode::Invalid);
    refused(p.id, -1, ErrorCode::Invalid);
    refused(p.id, 2501, ErrorCode::Invalid); // more than was captured
    // an authorization that was never captured: nothing the bank could take back
    auto o = wait(m_f->client().createOrder(NewOrder{m_f->merchantId(), m_customer, {{u"EAR-1"_s, 1}}, {}, {}}, key()));
    QVERIFY(o);
    auto a = wait(m_f->client().authorizePayment(
        o->id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, key()));
    QVERIFY(a);
    refused(a->id, 1, ErrorCode::Invalid);

    // a lost part of the payment holds its money: the rest can be disputed, no more
    lose(p.id, 1000);
    refused(p.id, 1501, ErrorCode::Invalid);
    auto second = wait(m_f->client().openDispute(p.id, 1500, u"not received"_s, key()));
    QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
    QCOMPARE(order(p.orderId).paymentState, PaymentState::Disputed);
    QVERIFY(wait(m_f->client().submitDisputeEvidence(second->id, key())));
    // won: the bank gave it back, so it may be disputed again (pre-arbitration)
    QVERIFY(wait(m_f->client().resolveDispute(second->id, true, key())));
    auto third = wait(m_f->client().openDispute(p.id, 1500, u"pre-arbitration"_s, key()));
    QVERIFY2(third, qPrintable(third ? QString() : third.error().toString()));
}

void TestDisputes::payoutNetsTheDebt_data()
{
    QTest::addColumn<qint64>("saleUnits");
    QTest::addColumn<qint64>("expectedPaid"); // 0: nothing is paid out
    QTest::addColumn<qint64>("owedAfter");
    // the debt: 2500 refunded, then 2500 reversed and a 1500 fee = 4000 owed by the merchant
    QTest::addRow("sale larger than the debt") << 2LL << 5000LL - 4000 << 0LL;
    QTest::addRow("sales equal to the debt") << 0LL << 0LL << 0LL; // 0 units: see the test
    QTest::addRow("debt larger than the sale") << 1LL << 0LL << 2500LL - 4000;
}

void TestDisputes::payoutNetsTheDebt()
{
    QFETCH(qint64, saleUnits);
    QFETCH(qint64, expectedPaid);
    QFETCH(qint64, owedAfter);
    const Payment p = captured(u"EAR-1"_s, 1);
    QVERIFY(wait(m_f->client().refundPayment(p.id, 2500, u"returned"_s, key())));
    lose(p.id, 2500);
    QCOMPARE(owed(), -4000);
    if (saleUnits > 0) {
        captured(u"EAR-1"_s, saleUnits);
    } else {
        // exactly the debt: two sales of 2500, less a refund of 1000 on one, make 4000
        const Payment a = captured(u"EAR-1"_s, 1);
        const Payment b = captured(u"EAR-1"_s, 1);
        QVERIFY(wait(m_f->client().refundPayment(b.id, 1000, u"dent"_s, key())));
        Q_UNUSED(a);
    }
    const qint64 owedNow = owed();
    const qint64 entries = count(u"journal_entries"_s);
    if (expectedPaid == 0) {
        QVERIFY(owedNow <= 0);
        // asking for any amount is refused too: the merchant's debt is not paid out
        auto asked = wait(m_f->client().payout(m_f->merchantId(), {{u"EUR"_s, 1}}, key()));
        QVERIFY(!asked);
        QCOMPARE(asked.error().code, ErrorCode::Conflict);
        auto all = wait(m_f->client().payout(m_f->merchantId(), {}, key()));
        QVERIFY(!all);
        QCOMPARE(all.error().code, ErrorCode::Conflict);
        QCOMPARE(count(u"journal_entries"_s), entries);
        QCOMPARE(count(u"payouts"_s), 0);
        QCOMPARE(owed(), owedAfter);
        QCOMPARE(balance(AccountKind::PaidOut), 0);
        return;
    }
    QCOMPARE(owedNow, expectedPaid);
    auto tooMuch = wait(m_f->client().payout(m_f->merchantId(), {{u"EUR"_s, expectedPaid + 1}}, key()));
    QVERIFY(!tooMuch); // the sale's gross is not owed: the debt comes off first
    QCOMPARE(tooMuch.error().code, ErrorCode::Conflict);
    auto paid = wait(m_f->client().payout(m_f->merchantId(), {}, key()));
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
    QCOMPARE(paid->size(), 1);
    QCOMPARE(paid->first().amountMinor, expectedPaid);
    QCOMPARE(owed(), owedAfter);
    // the payout closed every account of the merchant: the debt is settled by the sale
    QCOMPARE(balance(AccountKind::MerchantPayable), 0);
    QCOMPARE(balance(AccountKind::Refunds), 0);
    QCOMPARE(balance(AccountKind::DisputeLosses), 0);
    QCOMPARE(balance(AccountKind::DisputeFees), 0);
    QCOMPARE(balance(AccountKind::PaidOut), -expectedPaid);
}

void TestDisputes::feeComesFromTermsPerCurrency_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<Fees>("fees"); // the merchant's terms; empty: none set
    QTest::addColumn<qint64>("expectedFee");
    const QMap<QString, qint64> none;
    QTest::addRow("EUR default") << u"EUR"_s << none << 1500LL;
    QTest::addRow("JPY default") << u"JPY"_s << none << 2000LL; // yen have no minor unit: ¥2000, not ¥15
    QTest::addRow("KWD default") << u"KWD"_s << none << 5000LL; // 5.000 dinar, three decimals
    QTest::addRow("EUR from terms") << u"EUR"_s << QMap<QString, qint64>{{u"EUR"_s, 2000}, {u"JPY"_s, 900}} << 2000LL;
    QTest::addRow("JPY from terms") << u"JPY"_s << QMap<QString, qint64>{{u"EUR"_s, 2000}, {u"JPY"_s, 900}} << 900LL;
    QTest::addRow("other currency set") << u"JPY"_s << QMap<QString, qint64>{{u"EUR"_s, 2000}} << 2000LL;
    QTest::addRow("waived") << u"EUR"_s << QMap<QString, qint64>{{u"EUR"_s, 0}} << 0LL;
}

void TestDisputes::feeComesFromTermsPerCurrency()
{
    QFETCH(QString, currency);
    QFETCH(Fees, fees);
    QFETCH(qint64, expectedFee);
    setUp(currency);
    if (!fees.isEmpty()) {
        MerchantTerms t{m_f->merchantId(), 0, 0, 0, 0, 30, 0};
        t.disputeFeeMinor = fees;
        auto saved = wait(m_f->client().setMerchantTerms(t, souk::test::newKey()));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(saved->disputeFeeMinor, std::optional(fees));
    }
    const Payment p = captured(u"EAR-1"_s, 1);
    QCOMPARE(p.currency, currency);
    const Dispute d = lose(p.id, 2500);
    QCOMPARE(d.feeMinor, expectedFee);
    QCOMPARE(balance(AccountKind::DisputeFees), expectedFee);
    QCOMPARE(owed(), -expectedFee); // the sale's 2500 went back, the fee is owed
}

void TestDisputes::termsKeepFeesUnlessGiven()
{
    MerchantTerms t{m_f->merchantId(), 0, 0, 0, 0, 30, 0};
    t.disputeFeeMinor = QMap<QString, qint64>{{u"EUR"_s, 1200}};
    QVERIFY(wait(m_f->client().setMerchantTerms(t, souk::test::newKey())));
    // a caller that never read the fees (a commission change) keeps them
    auto kept = wait(m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 0, 100, 0, 0, 30, 0},
                                                    souk::test::newKey()));
    QVERIFY(kept);
    QCOMPARE(kept->disputeFeeMinor, std::optional(QMap<QString, qint64>{{u"EUR"_s, 1200}}));
    const auto refused = [&](const QMap<QString, qint64>& fees) {
        MerchantTerms bad{m_f->merchantId(), 0, 0, 0, 0, 30, 0};
        bad.disputeFeeMinor = fees;
        auto r = wait(m_f->client().setMerchantTerms(bad, souk::test::newKey()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, u"disputeFee"_s);
    };
    refused({{u"EUR"_s, -1}});
    refused({{u"ZZZ"_s, 100}}); // not an ISO 4217 currency
    refused({{u"eur"_s, 100}});
    refused({{u"EUR"_s, std::numeric_limits<qint64>::max()}});
    const Payment p = captured(u"EAR-1"_s, 1);
    auto d = wait(m_f->client().openDispute(p.id, 100, u"fraudulent"_s, key()));
    QVERIFY(d);
    QCOMPARE(d->feeMinor, 1200); // the refused terms changed nothing
    // an empty map clears them: the default applies again
    MerchantTerms cleared{m_f->merchantId(), 0, 0, 0, 0, 30, 0};
    cleared.disputeFeeMinor = QMap<QString, qint64>{};
    auto c = wait(m_f->client().setMerchantTerms(cleared, souk::test::newKey()));
    QVERIFY(c);
    QCOMPARE(c->disputeFeeMinor, std::optional(QMap<QString, qint64>{}));
    const Payment q = captured(u"EAR-1"_s, 1);
    auto e = wait(m_f->client().openDispute(q.id, 100, u"fraudulent"_s, key()));
    QVERIFY(e);
    QCOMPARE(e->feeMinor, 1500);
}

void TestDisputes::defaultFeeTable_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("expected");
    // the table's values are in major units, scaled by the ISO 4217 exponent
    QTest::addRow("EUR") << u"EUR"_s << 1500LL;
    QTest::addRow("USD") << u"USD"_s << 1500LL;
    QTest::addRow("GBP") << u"GBP"_s << 1500LL;
    QTest::addRow("JPY, no decimals") << u"JPY"_s << 2000LL;
    QTest::addRow("KRW, no decimals") << u"KRW"_s << 20000LL;
    QTest::addRow("KWD, three decimals") << u"KWD"_s << 5000LL;
    QTest::addRow("SEK") << u"SEK"_s << 17500LL;
    QTest::addRow("not in the table: 15 major units") << u"THB"_s << 1500LL;
    QTest::addRow("not in the table, three decimals") << u"LYD"_s << 15000LL;
}

void TestDisputes::defaultFeeTable()
{
    QFETCH(QString, currency);
    QFETCH(qint64, expected);
    QCOMPARE(PaymentService::defaultDisputeFeeMinor(currency), expected);
}

QTEST_GUILESS_MAIN(TestDisputes)
#include "TestDisputes.moc"
