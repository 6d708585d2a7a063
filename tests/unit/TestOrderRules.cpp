#include <QTest>

#include <limits>

#include "backend/catalog/ProductValidator.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/orders/OrderTotals.h"
#include "backend/payments/Card.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentProvider.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;

Q_DECLARE_METATYPE(souk::orders::OrderStatus)

/// Pure order and payment rules: the transition table, totals and their rounding, commission,
/// card numbers, ledger balance checks.
class TestOrderRules final : public QObject
{
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void statusNamesRoundTrip();
    void totals_data();
    void totals();
    void commission_data();
    void commission();
    void commissionSweep();
    void totalsOverflow_data();
    void totalsOverflow();
    void lineTotalOverflow_data();
    void lineTotalOverflow();
    void luhn_data();
    void luhn();
    void cardValidation_data();
    void cardValidation();
    void fingerprintIsKeyedAndStable();
    void providerOutcomes();
    void ledgerRefusesUnbalanced();
};

void TestOrderRules::transitions_data()
{
    // every pair of statuses: the legal ones listed here, all others must be refused
    QTest::addColumn<OrderStatus>("from");
    QTest::addColumn<OrderStatus>("to");
    QTest::addColumn<bool>("legal");
    using S = OrderStatus;
    const QSet<QPair<int, int>> legal{
        {int(S::PendingPayment), int(S::Paid)},
        {int(S::PendingPayment), int(S::Cancelled)},
        {int(S::PendingPayment), int(S::Expired)},
        {int(S::Paid), int(S::Fulfilling)},
        {int(S::Paid), int(S::Cancelled)},
        {int(S::Paid), int(S::PartiallyRefunded)},
        {int(S::Paid), int(S::Refunded)},
        {int(S::Fulfilling), int(S::Shipped)},
        {int(S::Fulfilling), int(S::Cancelled)},
        {int(S::Fulfilling), int(S::PartiallyRefunded)},
        {int(S::Fulfilling), int(S::Refunded)},
        {int(S::Shipped), int(S::Delivered)},
        {int(S::Shipped), int(S::PartiallyRefunded)},
        {int(S::Shipped), int(S::Refunded)},
        {int(S::Delivered), int(S::Completed)},
        {int(S::Delivered), int(S::PartiallyRefunded)},
        {int(S::Delivered), int(S::Refunded)},
        {int(S::Completed), int(S::PartiallyRefunded)},
        {int(S::Completed), int(S::Refunded)},
        {int(S::PartiallyRefunded), int(S::PartiallyRefunded)},
        {int(S::PartiallyRefunded), int(S::Refunded)},
    };
    for (int f = 0; f < OrderStatusCount; ++f) {
        for (int t = 0; t < OrderStatusCount; ++t) {
            const QString name = OrderStateMachine::name(S(f)) + u" -> "_s + OrderStateMachine::name(S(t));
            QTest::addRow("%s", qPrintable(name)) << S(f) << S(t) << legal.contains({f, t});
        }
    }
}

void TestOrderRules::transitions()
{
    QFETCH(OrderStatus, from);
    QFETCH(OrderStatus, to);
    QFETCH(bool, legal);
    QCOMPARE(OrderStateMachine::allows(from, to), legal);
    const Status s = OrderStateMachine::check(from, to);
    QCOMPARE(s.ok(), legal);
    if (!legal) {
        QCOMPARE(s.error().code, ErrorCode::IllegalTransition);
        QCOMPARE(errorCodeName(s.error().code), u"illegal_transition"_s);
        QVERIFY(s.error().message.contains(OrderStateMachine::name(from)));
    }
}

void TestOrderRules::statusNamesRoundTrip()
{
    for (int i = 0; i < OrderStatusCount; ++i)
        QCOMPARE(*OrderStateMachine::parse(OrderStateMachine::name(OrderStatus(i))), OrderStatus(i));
    for (int i = 0; i < PaymentStateCount; ++i)
        QCOMPARE(*OrderStateMachine::parsePaymentState(OrderStateMachine::paymentStateName(PaymentState(i))),
                 PaymentState(i));
    auto bad = OrderStateMachine::parse(u"shipping");
    QVERIFY(!bad);
    QCOMPARE(bad.error().field, u"status"_s);
    QVERIFY(OrderStateMachine::isFinal(OrderStatus::Refunded));
    QVERIFY(!OrderStateMachine::isFinal(OrderStatus::Paid));
}

void TestOrderRules::totals_data()
{
    QTest::addColumn<QList<qint64>>("lineTotals");
    QTest::addColumn<int>("discountKind"); // -1 none, 0 fixed, 1 percent
    QTest::addColumn<qint64>("discountValue");
    QTest::addColumn<int>("taxBp");
    QTest::addColumn<qint64>("delivery");
    QTest::addColumn<QList<qint64>>("expected"); // subtotal, discount, tax, total
    QTest::addRow("no tax") << QList<qint64>{1000, 250} << -1 << 0LL << 0 << 0LL << QList<qint64>{1250, 0, 0, 1250};
    // 8.25 % of 1999 = 164.9175 -> 165 (half-up on the whole order, not per line)
    QTest::addRow("tax rounds half up once")
        << QList<qint64>{999, 1000} << -1 << 0LL << 825 << 0LL << QList<qint64>{1999, 0, 165, 2164};
    // 10 % of 5 = 0.5 -> 1: a tie goes away from zero
    QTest::addRow("tax tie") << QList<qint64>{5} << -1 << 0LL << 1000 << 0LL << QList<qint64>{5, 0, 1, 6};
    // per-line rounding would give 3 x round(0.33) = 0; once per order gives round(0.99) = 1
    QTest::addRow("no drift across lines")
        << QList<qint64>{33, 33, 33} << -1 << 0LL << 100 << 0LL << QList<qint64>{99, 0, 1, 100};
    // 15 % of 1999 = 299.85 -> 299: a percent discount truncates, never more than stated
    QTest::addRow("percent discount truncates")
        << QList<qint64>{1999} << 1 << 1500LL << 0 << 0LL << QList<qint64>{1999, 299, 0, 1700};
    QTest::addRow("fixed discount capped")
        << QList<qint64>{500} << 0 << 800LL << 2000 << 300LL << QList<qint64>{500, 500, 0, 300};
    // tax on (subtotal - discount) = 9000 * 7.7 % = 693; delivery untaxed
    QTest::addRow("discount before tax, delivery untaxed")
        << QList<qint64>{10000} << 0 << 1000LL << 770 << 499LL << QList<qint64>{10000, 1000, 693, 10192};
}

void TestOrderRules::totals()
{
    QFETCH(QList<qint64>, lineTotals);
    QFETCH(int, discountKind);
    QFETCH(qint64, discountValue);
    QFETCH(int, taxBp);
    QFETCH(qint64, delivery);
    QFETCH(QList<qint64>, expected);
    QList<OrderLine> lines;
    for (qint64 t : lineTotals)
        lines.append(OrderLine{Id{1}, u"S"_s, u"T"_s, 1, t, t});
    std::optional<DiscountCode> discount;
    if (discountKind >= 0)
        discount = DiscountCode{Id{1}, u"CODE"_s, DiscountKind(discountKind), discountValue, true};
    auto t = OrderTotals::compute(lines, discount, taxBp, delivery);
    QVERIFY(t);
    QCOMPARE((QList<qint64>{t->subtotalMinor, t->discountMinor, t->taxMinor, t->totalMinor}), expected);
    QCOMPARE(t->totalMinor, t->subtotalMinor - t->discountMinor + t->taxMinor + t->deliveryFeeMinor);
}

void TestOrderRules::commission_data()
{
    QTest::addColumn<qint64>("captured");
    QTest::addColumn<int>("bp");
    QTest::addColumn<qint64>("fixed");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("2.9 pct + 30 of 10.00") << 1000LL << 290 << 30LL << 59LL; // 29 + 30
    QTest::addRow("half up") << 1050LL << 290 << 0LL << 30LL;                // 30.45 -> 30
    QTest::addRow("tie away from zero") << 50LL << 1000 << 0LL << 5LL;       // 5.0
    QTest::addRow("tie") << 15LL << 1000 << 0LL << 2LL;                      // 1.5 -> 2
    QTest::addRow("never above the amount") << 20LL << 290 << 30LL << 20LL;
    QTest::addRow("JPY, no minor unit") << 1234LL << 350 << 0LL << 43LL; // 43.19
}

void TestOrderRules::commission()
{
    QFETCH(qint64, captured);
    QFETCH(int, bp);
    QFETCH(qint64, fixed);
    QFETCH(qint64, expected);
    auto c = OrderTotals::commission(captured, bp, fixed);
    QVERIFY(c);
    QCOMPARE(*c, expected);
    QVERIFY(*c <= captured);
}

void TestOrderRules::commissionSweep()
{
    // every captured amount up to 100.00 at rates with awkward fractions, against plain decimal
    // arithmetic (the percent part rounded half up, then the fixed fee, never above the amount):
    // the merchant's share and the commission then sum to the capture to the minor unit
    for (const int bp : {0, 1, 290, 333, 999, 5000, 10000}) {
        for (const qint64 fixed : {0LL, 30LL}) {
            for (qint64 captured = 1; captured <= 10000; ++captured) {
                const auto c = OrderTotals::commission(captured, bp, fixed);
                QVERIFY(c);
                const qint64 tenThousandths = captured * bp;                 // exact
                const qint64 percent = (2 * tenThousandths + 10000) / 20000; // x.5 goes up
                const qint64 expected = std::min(percent + fixed, captured);
                if (*c != expected || *c < 0 || captured - *c < 0)
                    QFAIL(qPrintable(
                        u"%1 at %2 bp + %3: %4, expected %5"_s.arg(captured).arg(bp).arg(fixed).arg(*c).arg(expected)));
            }
        }
    }
    // the product with the rate may pass 64 bits (128-bit intermediate): the result is exact...
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    const auto large = OrderTotals::commission(Max / 2, 10000, 0);
    QVERIFY(large);
    QCOMPARE(*large, Max / 2);
    // ...and only a commission that itself leaves int64 is refused, never wrapped
    const auto over = OrderTotals::commission(Max, 10000, 1);
    QVERIFY(!over);
    QCOMPARE(over.error().code, ErrorCode::Overflow);
    QCOMPARE(over.error().field, u"commission"_s);
}

void TestOrderRules::totalsOverflow_data()
{
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    QTest::addColumn<QList<qint64>>("lineTotals");
    QTest::addColumn<int>("discountKind"); // -1 none, 0 fixed, 1 percent
    QTest::addColumn<qint64>("discountValue");
    QTest::addColumn<int>("taxBp");
    QTest::addColumn<qint64>("delivery");
    QTest::addColumn<QString>("field"); // empty: it fits
    QTest::addRow("lines at max") << QList<qint64>{Max - 1, 1} << -1 << 0LL << 0 << 0LL << QString();
    QTest::addRow("lines past max") << QList<qint64>{Max, 1} << -1 << 0LL << 0 << 0LL << u"lines"_s;
    QTest::addRow("many lines past max") << QList<qint64>(100, Max / 99) << -1 << 0LL << 0 << 0LL << u"lines"_s;
    QTest::addRow("negative lines past min")
        << QList<qint64>{std::numeric_limits<qint64>::min(), -1} << -1 << 0LL << 0 << 0LL << u"lines"_s;
    // tax is computed in 128 bits: 8.25 % of 10^18 fits even though 10^18 x 825 does not
    QTest::addRow("large tax fits") << QList<qint64>{1'000'000'000'000'000'000LL} << -1 << 0LL << 825 << 0LL
                                    << QString();
    QTest::addRow("tax past max") << QList<qint64>{Max / 2 + 1} << -1 << 0LL << 10000 << 0LL << u"total"_s;
    QTest::addRow("delivery past max") << QList<qint64>{Max - 5} << -1 << 0LL << 0 << 6LL << u"total"_s;
    // a damaged discount row must not make subtotal - discount wrap
    QTest::addRow("negative fixed discount") << QList<qint64>{Max} << 0 << -1LL << 0 << 0LL << u"discount"_s;
    QTest::addRow("percent above 100 of max") << QList<qint64>{Max} << 1 << 20000LL << 0 << 0LL << u"discount"_s;
}

void TestOrderRules::totalsOverflow()
{
    QFETCH(QList<qint64>, lineTotals);
    QFETCH(int, discountKind);
    QFETCH(qint64, discountValue);
    QFETCH(int, taxBp);
    QFETCH(qint64, delivery);
    QFETCH(QString, field);
    QList<OrderLine> lines;
    for (qint64 t : lineTotals)
        lines.append(OrderLine{Id{1}, u"S"_s, u"T"_s, 1, t, t});
    std::optional<DiscountCode> discount;
    if (discountKind >= 0)
        discount = DiscountCode{Id{1}, u"CODE"_s, DiscountKind(discountKind), discountValue, true};
    auto t = OrderTotals::compute(lines, discount, taxBp, delivery);
    if (field.isEmpty()) {
        QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
        QCOMPARE(t->totalMinor, t->subtotalMinor - t->discountMinor + t->taxMinor + t->deliveryFeeMinor);
        return;
    }
    QVERIFY2(!t, "a total beyond int64 was computed");
    QCOMPARE(t.error().code, ErrorCode::Overflow);
    QCOMPARE(t.error().field, field);
}

void TestOrderRules::lineTotalOverflow_data()
{
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<bool>("fits");
    // the catalog's limits: the largest line of the largest price fits with room
    QTest::addRow("limits") << souk::catalog::AmountLimits::PriceMinorMax
                            << souk::catalog::AmountLimits::LineQuantityMax << true;
    QTest::addRow("2^62 x 2") << (qint64(1) << 62) << 2LL << false;
    QTest::addRow("max x 1") << std::numeric_limits<qint64>::max() << 1LL << true;
    QTest::addRow("legacy price x catalog quantity") << 10'000'000'000'000LL << 1'000'000'000LL << false;
}

void TestOrderRules::lineTotalOverflow()
{
    QFETCH(qint64, unitPrice);
    QFETCH(qint64, quantity);
    QFETCH(bool, fits);
    auto t = OrderTotals::lineTotal(unitPrice, quantity);
    QCOMPARE(bool(t), fits);
    if (fits)
        QCOMPARE(*t, unitPrice * quantity);
    else
        QCOMPARE(t.error().code, ErrorCode::Overflow);
}

void TestOrderRules::luhn_data()
{
    // test numbers published by card networks for sandboxes
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("brand");
    QTest::addRow("visa") << u"4242 4242 4242 4242"_s << true << u"visa"_s;
    QTest::addRow("mastercard") << u"5555-5555-5555-4444"_s << true << u"mastercard"_s;
    QTest::addRow("mastercard 2-series") << u"2223003122003222"_s << true << u"mastercard"_s;
    QTest::addRow("amex") << u"378282246310005"_s << true << u"amex"_s;
    QTest::addRow("discover") << u"6011111111111117"_s << true << u"discover"_s;
    QTest::addRow("jcb") << u"3566002020360505"_s << true << u"jcb"_s;
    QTest::addRow("unionpay") << u"6200000000000005"_s << true << u"unionpay"_s;
    QTest::addRow("one digit off") << u"4242424242424241"_s << false << u"visa"_s;
    QTest::addRow("too short") << u"42424242424"_s << false << u"visa"_s;
}

void TestOrderRules::luhn()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QFETCH(QString, brand);
    const QString digits = Card::digits(number);
    QCOMPARE(Card::luhnValid(digits), valid);
    QCOMPARE(Card::brandOf(digits), brand);
}

void TestOrderRules::cardValidation_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("cvv");
    QTest::addColumn<QString>("field"); // empty: valid
    QTest::addRow("ok") << u"4242424242424242"_s << 12 << 2027 << u"123"_s << QString();
    QTest::addRow("this month still valid") << u"4242424242424242"_s << 11 << 2026 << u"123"_s << QString();
    QTest::addRow("luhn") << u"4242424242424243"_s << 12 << 2027 << u"123"_s << u"card.number"_s;
    QTest::addRow("letters") << u"4242abcd42424242"_s << 12 << 2027 << u"123"_s << u"card.number"_s;
    QTest::addRow("expired") << u"4242424242424242"_s << 10 << 2026 << u"123"_s << u"card.expiry"_s;
    QTest::addRow("month 13") << u"4242424242424242"_s << 13 << 2027 << u"123"_s << u"card.expiry"_s;
    QTest::addRow("amex needs 4") << u"378282246310005"_s << 12 << 2027 << u"123"_s << u"card.cvv"_s;
    QTest::addRow("cvv letters") << u"4242424242424242"_s << 12 << 2027 << u"12a"_s << u"card.cvv"_s;
    QTest::addRow("cvv with a dash") << u"4242424242424242"_s << 12 << 2027 << u"1-2"_s << u"card.cvv"_s;
    QTest::addRow("cvv with a space") << u"4242424242424242"_s << 12 << 2027 << u"12 "_s << u"card.cvv"_s;
}

void TestOrderRules::cardValidation()
{
    QFETCH(QString, number);
    QFETCH(int, month);
    QFETCH(int, year);
    QFETCH(QString, cvv);
    QFETCH(QString, field);
    const Status s = Card::validate(CardInput{number, month, year, cvv}, 2026, 11);
    if (field.isEmpty()) {
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        return;
    }
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::CardInvalid);
    QCOMPARE(s.error().field, field);
    QVERIFY(!s.error().message.contains(number)); // never echo the number
}

void TestOrderRules::fingerprintIsKeyedAndStable()
{
    const CardInput card{u"4242 4242 4242 4242"_s, 12, 2027, u"123"_s};
    const CardSummary a = Card::summarize(card, QByteArray(32, 'a'));
    const CardSummary again = Card::summarize(CardInput{u"4242424242424242"_s, 1, 2030, u"999"_s}, QByteArray(32, 'a'));
    const CardSummary otherStore = Card::summarize(card, QByteArray(32, 'b'));
    QCOMPARE(a.fingerprint.size(), 64);
    QCOMPARE(a.fingerprint, again.fingerprint);
    QVERIFY(a.fingerprint != otherStore.fingerprint);
    QCOMPARE(a.last4, u"4242"_s);
    QCOMPARE(a.brand, u"visa"_s);
    QVERIFY(!a.fingerprint.contains(u"4242424242"_s));
}

void TestOrderRules::providerOutcomes()
{
    SimulatedProvider provider(0);
    int keys = 0;
    const auto answer = [&provider, &keys](const char* number) {
        return provider.authorize(CardInput{QString::fromLatin1(number), 12, 2030, u"123"_s}, 100, u"EUR"_s,
                                  u"key-%1"_s.arg(++keys));
    };
    QVERIFY(answer(SimulatedProvider::Approved).approved);
    QCOMPARE(answer(SimulatedProvider::InsufficientFunds).declineCode, u"insufficient_funds"_s);
    QCOMPARE(answer(SimulatedProvider::StolenCard).declineCode, u"stolen_card"_s);
    QCOMPARE(answer(SimulatedProvider::ExpiredCard).declineCode, u"expired_card"_s);
    QVERIFY(answer(SimulatedProvider::ProcessingError).retryable);
    QVERIFY(answer(SimulatedProvider::IssuerTimeout).retryable);
    QVERIFY(!answer(SimulatedProvider::StolenCard).retryable);
    for (const char* n :
         {SimulatedProvider::Approved, SimulatedProvider::InsufficientFunds, SimulatedProvider::StolenCard,
          SimulatedProvider::ExpiredCard, SimulatedProvider::ProcessingError, SimulatedProvider::IssuerTimeout})
        QVERIFY2(Card::luhnValid(QString::fromLatin1(n)), n);
    QVERIFY(answer(SimulatedProvider::Approved).reference != answer(SimulatedProvider::Approved).reference);
}

void TestOrderRules::ledgerRefusesUnbalanced()
{
    QVERIFY(Ledger::checkBalanced({Leg{Id{1}, AccountKind::MerchantPayable, u"EUR"_s, -100},
                                   Leg{Id{}, AccountKind::ProviderClearing, u"EUR"_s, 100}}));
    const Status off = Ledger::checkBalanced({Leg{Id{1}, AccountKind::MerchantPayable, u"EUR"_s, -100},
                                              Leg{Id{}, AccountKind::ProviderClearing, u"EUR"_s, 99}});
    QVERIFY(!off);
    // balanced in total but not per currency
    QVERIFY(!Ledger::checkBalanced({Leg{Id{1}, AccountKind::MerchantPayable, u"EUR"_s, -100},
                                    Leg{Id{}, AccountKind::ProviderClearing, u"USD"_s, 100}}));
    QVERIFY(!Ledger::checkBalanced({}));
    // legs whose running sum leaves int64 are an overflow, not a wrapped "balanced" entry
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    const Status wraps = Ledger::checkBalanced({Leg{Id{1}, AccountKind::MerchantPayable, u"EUR"_s, Max},
                                                Leg{Id{1}, AccountKind::DisputeFees, u"EUR"_s, Max},
                                                Leg{Id{}, AccountKind::ProviderClearing, u"EUR"_s, 2}});
    QVERIFY(!wraps);
    QCOMPARE(wraps.error().code, ErrorCode::Overflow);
}

QTEST_GUILESS_MAIN(TestOrderRules)
#include "TestOrderRules.moc"
