// The writer's cache of reference rows never serves a stale row: a price changed by a command,
// by another connection, or undone by a rollback is what the next order sees.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

#include "backend/engine/Engine.h"
#include "backend/orders/OrderService.h"
#include "backend/store/LookupCache.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

class TestLookupCache final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { m_f.reset(); }
    void watchedTables();
    void priceChangedByACommand();
    void archivedProductIsRefused();
    void priceChangedByAnotherConnection();
    void rolledBackPriceIsForgotten();

private:
    qint64 unitPriceOfNewOrder();
    Id variantId() const { return m_product.variants.first().id; }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_buyer;
    catalog::Product m_product;
};

void TestLookupCache::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_product = m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 100);
    m_buyer = std::make_unique<OrderSupport>(*m_f);
    QCOMPARE(unitPriceOfNewOrder(), 2500); // the SKU is cached from here on
    QCOMPARE(unitPriceOfNewOrder(), 2500);
}

qint64 TestLookupCache::unitPriceOfNewOrder()
{
    const orders::Order o = m_buyer->place(u"EAR-1"_s, 1);
    return o.lines.isEmpty() ? -1 : o.lines.first().unitPriceMinor;
}

void TestLookupCache::watchedTables()
{
    using store::LookupCache;
    for (const char* table : {"products", "variants", "customers", "locations", "merchant_terms"}) {
        for (int op : {SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE})
            QVERIFY2(LookupCache::watches(op, table), table);
    }
    // account ids stay valid while their balances move on every capture
    QVERIFY(!LookupCache::watches(SQLITE_UPDATE, "ledger_accounts"));
    QVERIFY(LookupCache::watches(SQLITE_DELETE, "ledger_accounts"));
    for (const char* table : {"orders", "order_lines", "stock_levels", "changes", "payments", "merchants"})
        QVERIFY2(!LookupCache::watches(SQLITE_UPDATE, table), table);
}

void TestLookupCache::priceChangedByACommand()
{
    catalog::Product p = m_product;
    p.variants.first().price = m_f->money(3100);
    QVERIFY(StoreFixture::wait(m_f->client().saveProduct(p)));
    QCOMPARE(unitPriceOfNewOrder(), 3100);
}

void TestLookupCache::archivedProductIsRefused()
{
    catalog::Product p = m_product;
    p.status = catalog::ProductStatus::Archived;
    QVERIFY(StoreFixture::wait(m_f->client().saveProduct(p)));
    auto refused = StoreFixture::wait(m_f->client().createOrder(
        orders::NewOrder{m_f->merchantId(), m_buyer->customerId(), {{u"EAR-1"_s, 1}}, {}, {}}, m_buyer->nextKey()));
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, u"lines[0].sku"_s);
}

void TestLookupCache::priceChangedByAnotherConnection()
{
    {
        // as soukctl would, from another connection to the same file
        auto other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        other.setDatabaseName(m_f->storePath());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"UPDATE variants SET price_minor = 4200 WHERE sku = 'EAR-1'"_s));
        QCOMPARE(q.numRowsAffected(), 1);
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    QCOMPARE(unitPriceOfNewOrder(), 4200);
}

void TestLookupCache::rolledBackPriceIsForgotten()
{
    // One command changes the price, places an order (which caches the SKU at that price) and
    // fails: the engine rolls it back, runs it again in a savepoint, and rolls that back too.
    const Id merchant = m_f->merchantId();
    const Id customer = m_buyer->customerId();
    auto failed = StoreFixture::wait(m_f->client().engine().write<qint64>(
        Actor{u"test"_s, u"owner"_s}, [merchant, customer](store::UnitOfWork& uow) -> Result<qint64> {
            QSqlQuery q(uow.db());
            if (!q.exec(u"UPDATE variants SET price_minor = 9900 WHERE sku = 'EAR-1'"_s))
                return Error::internal(u"update failed"_s);
            auto order = orders::OrderService::create(uow, orders::NewOrder{merchant, customer, {{u"EAR-1"_s, 1}}, {}, {}});
            if (!order || order->lines.first().unitPriceMinor != 9900)
                return Error::internal(u"the order did not see the new price"_s);
            return Error::invalid(u"reason"_s, u"refused after writing"_s);
        }));
    QVERIFY(!failed);
    QCOMPARE(failed.error().field, u"reason"_s); // refused as written, not an internal error
    QCOMPARE(unitPriceOfNewOrder(), 2500);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestLookupCache)
#include "TestLookupCache.moc"
