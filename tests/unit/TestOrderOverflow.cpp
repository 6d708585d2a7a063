#include <QTest>

#include <limits>

#include "backend/catalog/ProductValidator.h"
#include "backend/engine/Engine.h"
#include "backend/orders/CustomerService.h"
#include "backend/orders/OrderService.h"
#include "backend/payments/Ledger.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using souk::catalog::AmountLimits;
using souk::test::StoreFixture;

Q_DECLARE_METATYPE(souk::orders::NewOrderLine)

/// Orders whose amounts leave int64 are refused with Overflow (or, for quantities, at entry)
/// and write nothing: no order, line, event or stock hold. Prices that large can only be in a
/// store written before the catalog's price limit, so the tests write them with SQL.
class TestOrderOverflow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void overflowWritesNothing_data();
    void overflowWritesNothing();
    void quantityLimit_data();
    void quantityLimit();
    void ledgerBalanceOverflowWritesNothing();
    void reversingMinimumIsRefused();

private:
    Result<Id> post(const QList<payments::Leg>& legs);
    Result<Order> create(const QList<NewOrderLine>& lines, std::optional<qint64> deliveryFeeMinor = {});
    void setPrice(const QString& sku, qint64 priceMinor);
    qint64 count(const QString& sql);
    /// What an order writes: orders, lines, events, stock movements, units held.
    QList<qint64> footprint();

    std::unique_ptr<StoreFixture> m_f;
    Id m_customer;
    int m_keys = 0;
};

void TestOrderOverflow::init()
{
    m_f = std::make_unique<StoreFixture>(u"EUR"_s);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Gold bar"_s, {u"GOLD-1"_s, u"GOLD-2"_s}, 1000, AmountLimits::LineQuantityMax);
    Customer c;
    c.name = u"Ana Lima"_s;
    c.email = u"ana@example.com"_s;
    // through the service, not the Client: these tests are about the order, not the command API
    auto customer = StoreFixture::wait(m_f->client().engine().write<Customer>(
        Actor{u"t"_s, u"t"_s}, [c](store::UnitOfWork& uow) { return CustomerService::create(uow, c); }));
    QVERIFY2(customer, qPrintable(customer ? QString() : customer.error().toString()));
    m_customer = customer->id;
}

void TestOrderOverflow::cleanup()
{
    if (m_f && m_f->ok()) // a refused order left stock, holds and the ledger consistent
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

Result<Order> TestOrderOverflow::create(const QList<NewOrderLine>& lines, std::optional<qint64> deliveryFeeMinor)
{
    return StoreFixture::wait(m_f->client().createOrder(
        NewOrder{m_f->merchantId(), m_customer, lines, {}, deliveryFeeMinor}, u"overflow-%1"_s.arg(++m_keys)));
}

void TestOrderOverflow::setPrice(const QString& sku, qint64 priceMinor)
{
    auto done = StoreFixture::wait(m_f->client().engine().write<bool>(
        Actor{u"t"_s, u"t"_s}, [sku, priceMinor](store::UnitOfWork& uow) -> Result<bool> {
            if (auto s =
                    store::exec(uow.db(), u"UPDATE variants SET price_minor = ? WHERE sku = ?"_s, {priceMinor, sku});
                !s)
                return s.error();
            return true;
        }));
    QVERIFY(done);
    // the writer caches SKU prices; a restart, as after an upgrade, reads the stored ones
    QVERIFY(m_f->reopen());
}

qint64 TestOrderOverflow::count(const QString& sql)
{
    auto n = StoreFixture::wait(
        m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

QList<qint64> TestOrderOverflow::footprint()
{
    return {count(u"SELECT count(*) FROM orders"_s), count(u"SELECT count(*) FROM order_lines"_s),
            count(u"SELECT count(*) FROM order_events"_s), count(u"SELECT count(*) FROM stock_movements"_s),
            count(u"SELECT coalesce(sum(reserved), 0) FROM stock_levels"_s)};
}

void TestOrderOverflow::overflowWritesNothing_data()
{
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    QTest::addColumn<qint64>("price1");
    QTest::addColumn<qint64>("price2");
    QTest::addColumn<QList<NewOrderLine>>("lines");
    QTest::addColumn<qint64>("deliveryFee"); // -1: the merchant's default
    QTest::addColumn<QString>("field");
    // 2^62 x 2 = 2^63: one past int64 in a single line
    QTest::addRow("price x quantity") << (qint64(1) << 62) << 1000LL
                                      << QList<NewOrderLine>{{u"GOLD-2"_s, 1}, {u"GOLD-1"_s, 2}} << -1LL
                                      << u"lines[1].quantity"_s;
    // each line fits, their sum does not
    QTest::addRow("sum of lines") << Max / 2 + 1 << Max / 2 + 1
                                  << QList<NewOrderLine>{{u"GOLD-1"_s, 1}, {u"GOLD-2"_s, 1}} << -1LL << u"lines"_s;
    QTest::addRow("subtotal plus delivery fee")
        << Max - 10 << 1000LL << QList<NewOrderLine>{{u"GOLD-1"_s, 1}} << 11LL << u"total"_s;
}

void TestOrderOverflow::overflowWritesNothing()
{
    QFETCH(qint64, price1);
    QFETCH(qint64, price2);
    QFETCH(QList<NewOrderLine>, lines);
    QFETCH(qint64, deliveryFee);
    QFETCH(QString, field);
    QVERIFY(create({{u"GOLD-1"_s, 1}})); // an order before, so "nothing" is not just an empty table
    setPrice(u"GOLD-1"_s, price1);
    setPrice(u"GOLD-2"_s, price2);
    const QList<qint64> before = footprint();
    auto order = create(lines, deliveryFee < 0 ? std::nullopt : std::optional<qint64>(deliveryFee));
    QVERIFY2(!order, "an order that cannot be totalled was placed");
    QCOMPARE(order.error().code, ErrorCode::Overflow);
    QCOMPARE(order.error().field, field);
    QCOMPARE(footprint(), before);
}

void TestOrderOverflow::quantityLimit_data()
{
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("at the limit") << AmountLimits::LineQuantityMax << true;
    QTest::addRow("one over") << AmountLimits::LineQuantityMax + 1 << false;
    QTest::addRow("catalog stock limit") << qint64(catalog::Limits::QuantityMax) << false;
}

void TestOrderOverflow::quantityLimit()
{
    QFETCH(qint64, quantity);
    QFETCH(bool, accepted);
    const QList<qint64> before = footprint();
    auto order = create({{u"GOLD-2"_s, 1}, {u"GOLD-1"_s, quantity}});
    QCOMPARE(bool(order), accepted);
    if (accepted) {
        QCOMPARE(order->subtotalMinor, (AmountLimits::LineQuantityMax + 1) * 1000);
        return;
    }
    QCOMPARE(order.error().code, ErrorCode::Invalid);
    QCOMPARE(order.error().field, u"lines[1].quantity"_s);
    QCOMPARE(order.error().message, u"the quantity must be at most %1"_s.arg(AmountLimits::LineQuantityMax));
    QCOMPARE(footprint(), before);
}

Result<Id> TestOrderOverflow::post(const QList<payments::Leg>& legs)
{
    return StoreFixture::wait(m_f->client().engine().write<Id>(Actor{u"t"_s, u"t"_s}, [legs](store::UnitOfWork& uow) {
        return payments::Ledger::post(uow, u"test"_s, Id{}, u"test"_s, legs);
    }));
}

void TestOrderOverflow::ledgerBalanceOverflowWritesNothing()
{
    using payments::AccountKind;
    using payments::Leg;
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    const Id m = m_f->merchantId();
    // each entry balances, but the second would carry an account's balance past int64 (SQLite
    // would store it as a REAL): refused, and the first entry is all that stays
    QVERIFY(post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, Max - 10},
                  Leg{m, AccountKind::MerchantPayable, u"EUR"_s, -(Max - 10)}}));
    const qint64 entries = count(u"SELECT count(*) FROM journal_entries"_s);
    const qint64 postings = count(u"SELECT count(*) FROM postings"_s);
    auto over = post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, 11}, Leg{m, AccountKind::Refunds, u"EUR"_s, -11}});
    QVERIFY2(!over, "a balance past int64 was booked");
    QCOMPARE(over.error().code, ErrorCode::Overflow);
    QCOMPARE(over.error().field, u"amount"_s);
    QCOMPARE(count(u"SELECT count(*) FROM journal_entries"_s), entries);
    QCOMPARE(count(u"SELECT count(*) FROM postings"_s), postings);
    QCOMPARE(count(u"SELECT max(balance_minor) FROM ledger_accounts"_s), Max - 10);
    if (!store::StoreOptions::isPostgresUrl(m_f->storePath())) // PostgreSQL's BIGINT holds nothing else
        QCOMPARE(count(u"SELECT count(*) FROM ledger_accounts WHERE typeof(balance_minor) <> 'integer'"_s), 0);
    // the way back down still works
    QVERIFY(post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, -(Max - 10)},
                  Leg{m, AccountKind::MerchantPayable, u"EUR"_s, Max - 10}}));
}

void TestOrderOverflow::reversingMinimumIsRefused()
{
    using payments::AccountKind;
    using payments::Leg;
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    const Id m = m_f->merchantId();
    // balanced (Min + Max + 1 = 0), but its mirror image needs -Min, which int64 does not have
    auto entry = post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, Min},
                       Leg{m, AccountKind::MerchantPayable, u"EUR"_s, Max}, Leg{m, AccountKind::Refunds, u"EUR"_s, 1}});
    QVERIFY(entry);
    const qint64 entries = count(u"SELECT count(*) FROM journal_entries"_s);
    const Id id = *entry;
    auto reversal =
        StoreFixture::wait(m_f->client().engine().write<Id>(Actor{u"t"_s, u"t"_s}, [id](store::UnitOfWork& uow) {
            return payments::Ledger::reverse(uow, id, u"mistake"_s);
        }));
    QVERIFY2(!reversal, "a posting of INT64_MIN was mirrored");
    QCOMPARE(reversal.error().code, ErrorCode::Overflow);
    QCOMPARE(reversal.error().field, u"entryId"_s);
    QCOMPARE(count(u"SELECT count(*) FROM journal_entries"_s), entries);
    // undo by hand, so the store check in cleanup sees accounts of ordinary size
    QVERIFY(
        post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, Max}, Leg{m, AccountKind::MerchantPayable, u"EUR"_s, -Max}}));
    QVERIFY(post({Leg{m, AccountKind::DisputeFees, u"EUR"_s, 1}, Leg{m, AccountKind::Refunds, u"EUR"_s, -1}}));
}

QTEST_GUILESS_MAIN(TestOrderOverflow)
#include "TestOrderOverflow.moc"
