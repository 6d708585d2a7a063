#include <QDir>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>

#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/orders/OrderSearch.h"
#include "backend/orders/OrderService.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/store/Connection.h"
#include "backend/store/Migrations.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using souk::test::StoreFixture;

namespace {

const Actor Tester{u"tester"_s, u"owner"_s};

/// Pauses the writer for `ms`, so the writes queued meanwhile are taken as one batch.
QFuture<Result<bool>> holdWriter(engine::Engine& engine, int ms)
{
    return engine.write<bool>(Tester, [ms](store::UnitOfWork&) -> Result<bool> {
        QThread::msleep(ms);
        return true;
    });
}

} // namespace

/// Short order numbers per merchant: given in the write that places the order, counting up
/// one by one through group commits and rolled-back commands, starting at #1001 for each
/// merchant, given to the orders of an older store in the order they were placed, and found by
/// the order search with names (Latin and Chinese), emails and the ends of numbers and ids.
class TestOrderNumbers final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstOrdersOfEachMerchantStartAt1001();
    void concurrentCreatesInOneBatchCountUpWithoutDuplicates();
    void numbersSurviveRestart();
    void checkFindsACounterBehindItsOrders();
    void migrationNumbersOrdersOfAV5Store();
    void searchFindsNumberEnds();
    void searchFindsNamesAndEmails();
    void searchFindsIdEndsAndCards();
    void searchPagesAcrossItsWays();
    void tooLongSearchIsRefused();

private:
    Order place(Id customer, Id merchant = {});
    Id customer(const QString& name, const QString& email);
    QList<Order> search(const QString& text, int limit = 200, Id before = {});
    QList<qint64> numbersOf(const QList<Order>& orders);
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }

    std::unique_ptr<StoreFixture> m_f;
    Id m_ana;
};

void TestOrderNumbers::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 100'000);
    m_ana = customer(u"Ana Lima"_s, u"ana.lima@example.com"_s);
}

void TestOrderNumbers::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

Id TestOrderNumbers::customer(const QString& name, const QString& email)
{
    Customer c;
    c.name = name;
    c.email = email;
    auto made = wait(m_f->client().createCustomer(c, souk::test::newKey()));
    if (!made) {
        QTest::qFail(qPrintable(made.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return made->id;
}

Order TestOrderNumbers::place(Id customer, Id merchant)
{
    const Id m = merchant.isNull() ? m_f->merchantId() : merchant;
    const QString sku = merchant.isNull() ? u"EAR-1"_s : u"CAB-1"_s;
    auto o = wait(m_f->client().createOrder(NewOrder{m, customer, {{sku, 1}}, {}, {}}, souk::test::newKey()));
    if (!o) {
        QTest::qFail(qPrintable(o.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *o;
}

QList<Order> TestOrderNumbers::search(const QString& text, int limit, Id before)
{
    OrderQuery q;
    q.merchantId = m_f->merchantId();
    q.search = text;
    q.limit = limit;
    q.beforeId = before;
    auto page = wait(m_f->client().orderPage(q));
    if (!page) {
        QTest::qFail(qPrintable(page.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return page->orders;
}

QList<qint64> TestOrderNumbers::numbersOf(const QList<Order>& orders)
{
    QList<qint64> out;
    for (const Order& o : orders)
        out.append(o.number);
    return out;
}

void TestOrderNumbers::firstOrdersOfEachMerchantStartAt1001()
{
    const Order first = place(m_ana);
    QCOMPARE(first.number, FirstOrderNumber);
    QCOMPARE(first.number, 1001);
    QCOMPARE(first.customerName, u"Ana Lima"_s); // kept on the order, as the email is
    QCOMPARE(place(m_ana).number, 1002);
    // another merchant counts on its own, from #1001 too
    auto second = wait(m_f->client().engine().write<catalog::Merchant>(Tester, [](store::UnitOfWork& uow) {
        return catalog::MerchantService::createMerchant(uow, u"Second shop"_s, u"EUR"_s);
    }));
    QVERIFY(second);
    auto depot =
        wait(m_f->client().engine().write<catalog::Location>(Tester, [id = second->id](store::UnitOfWork& uow) {
            return catalog::MerchantService::createLocation(uow, id, u"Depot"_s);
        }));
    QVERIFY(depot);
    catalog::Product p;
    p.merchantId = second->id;
    p.title = u"Cable"_s;
    p.status = catalog::ProductStatus::Active;
    catalog::Variant v;
    v.sku = u"CAB-1"_s;
    v.price = m_f->money(500);
    p.variants.append(v);
    auto saved = wait(m_f->client().saveProduct(p));
    QVERIFY(saved);
    QVERIFY(wait(m_f->client().adjustStock(
        catalog::StockAdjustment{saved->variants.first().id, depot->id, catalog::MovementKind::Received, 5, u"test"_s},
        souk::test::newKey())));
    QCOMPARE(place(m_ana, second->id).number, 1001);
    QCOMPARE(place(m_ana).number, 1003);
    // the detail read and the JSON-facing reads carry it too
    auto detail = wait(m_f->client().orderDetail(first.id));
    QVERIFY(detail);
    QCOMPARE(detail->order.number, 1001);
    auto byId = wait(m_f->client().ordersById({first.id}));
    QVERIFY(byId && byId->size() == 1);
    QCOMPARE(byId->first().number, 1001);
    QCOMPARE(byId->first().customerName, u"Ana Lima"_s);
}

void TestOrderNumbers::concurrentCreatesInOneBatchCountUpWithoutDuplicates()
{
    LocalClient& client = m_f->client();
    engine::Engine& engine = client.engine();
    const NewOrder request{m_f->merchantId(), m_ana, {{u"EAR-1"_s, 1}}, {}, {}};
    const qint64 commitsBefore = engine.commits();
    // the writer holds still while everything below queues up behind it: the jobs after it are
    // taken in batches, so numbers are handed out inside one transaction, some in savepoints
    auto hold = holdWriter(engine, 400);
    QList<QFuture<Result<Order>>> good;
    QList<QFuture<Result<Order>>> undone;
    QList<QFuture<Result<payments::Checkout>>> checkouts;
    const auto failAfterNumbering = [request](store::UnitOfWork& uow) -> Result<Order> {
        auto o = OrderService::create(uow, request);
        if (!o)
            return o.error();
        // a command that fails after it took a number: its savepoint (or the batch's first
        // command's whole transaction) rolls the number back with the order
        return Error::conflict(u"test"_s, u"fails after #%1"_s.arg(o->number));
    };
    for (int i = 0; i < 240; ++i) {
        if (i % 6 == 0) // the first of the batch too: it runs without a savepoint
            undone.append(engine.write<Order>(Tester, failAfterNumbering));
        else if (i % 20 == 7)
            checkouts.append(client.checkout(
                request,
                payments::CardInput{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s},
                true, souk::test::newKey()));
        else
            good.append(client.createOrder(request, souk::test::newKey()));
    }
    QVERIFY(wait(hold));
    QList<Order> placed;
    for (auto& f : good) {
        const auto r = wait(f);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        placed.append(*r);
    }
    for (auto& f : checkouts) {
        const auto r = wait(f);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        placed.append(r->order);
    }
    for (auto& f : undone) {
        const auto r = wait(f);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
    }
    // batched: far fewer commits than commands
    QVERIFY2(engine.commits() - commitsBefore < 60, qPrintable(QString::number(engine.commits() - commitsBefore)));

    // unique, and counting up in the order the orders were placed (ids grow with time)
    std::sort(placed.begin(), placed.end(), [](const Order& a, const Order& b) { return a.id < b.id; });
    QSet<qint64> seen;
    for (qsizetype i = 0; i < placed.size(); ++i) {
        QVERIFY2(!seen.contains(placed[i].number), qPrintable(u"#%1 given twice"_s.arg(placed[i].number)));
        seen.insert(placed[i].number);
        if (i > 0)
            QVERIFY(placed[i].number > placed[i - 1].number);
    }
    // a rolled-back command gave its number back: the orders kept have no gaps (gaps would be
    // allowed; duplicates are not, and this design has neither)
    QCOMPARE(placed.first().number, 1001);
    QCOMPARE(placed.last().number, 1000 + placed.size());
    // what the store holds agrees with what the commands answered
    OrderQuery all;
    all.merchantId = m_f->merchantId();
    all.limit = 1000;
    auto page = wait(client.orderPage(all));
    QVERIFY(page);
    QCOMPARE(page->orders.size(), placed.size());
    for (const Order& o : page->orders)
        QVERIFY(seen.contains(o.number));
    // and the next order continues the count
    QCOMPARE(place(m_ana).number, 1001 + placed.size());
}

void TestOrderNumbers::numbersSurviveRestart()
{
    QCOMPARE(place(m_ana).number, 1001);
    QCOMPARE(place(m_ana).number, 1002);
    QVERIFY(m_f->reopen());
    QCOMPARE(place(m_ana).number, 1003);
}

void TestOrderNumbers::checkFindsACounterBehindItsOrders()
{
    QCOMPARE(place(m_ana).number, 1001);
    QCOMPARE(place(m_ana).number, 1002);
    const auto setCounter = [this](qint64 value) {
        return wait(m_f->client().engine().write<bool>(m_f->client().actor(), [value](store::UnitOfWork& uow) -> Result<bool> {
            if (auto s = store::exec(uow.db(), u"UPDATE order_numbers SET last_number = ?"_s, {value}); !s)
                return s.error();
            return true;
        }));
    };
    // a counter set back by hand would give the next order a number one already has
    QVERIFY(setCounter(1001));
    const QStringList problems = m_f->problems();
    QVERIFY2(problems.filter(u"order numbers reach 1002 but its counter is at 1001"_s).size() == 1,
             qPrintable(problems.join(u'\n')));
    QVERIFY(setCounter(1002)); // cleanup checks the store
}

void TestOrderNumbers::migrationNumbersOrdersOfAV5Store()
{
    // a store as Souk wrote it at schema 5, with orders of two merchants written out of order
    const QString path = QDir(m_f->dirPath()).filePath(u"v5.souk"_s);
    MockClock clock;
    {
        auto conn = store::Connection::open(store::StoreOptions{path}, u"v5"_s);
        QVERIFY(conn);
        QSqlDatabase& db = (*conn)->db();
        QVERIFY(store::Migrations::migrateWith(store::Migrations::shipped().mid(0, 5), db, path, clock, nullptr));
        QCOMPARE(store::Migrations::versionOf(db).value(), 5);
        const QStringList rows = {
            u"INSERT INTO merchants VALUES (1, 'One', 'EUR', 1, 0, 0), (2, 'Two', 'EUR', 1, 0, 0)"_s,
            u"INSERT INTO locations VALUES (11, 1, 'Main', 1), (12, 2, 'Main', 1)"_s,
            u"INSERT INTO products (id, merchant_id, handle, title, status, version, created_ms, updated_ms) "
            "VALUES (21, 1, 'buds', 'Buds', 1, 1, 0, 0)"_s,
            u"INSERT INTO variants (id, product_id, merchant_id, position, sku, price_minor, currency, version) "
            "VALUES (31, 21, 1, 0, 'EAR-1', 2500, 'EUR', 1)"_s,
            u"INSERT INTO stock_levels VALUES (31, 11, 10, 0, 1)"_s,
            u"INSERT INTO customers (id, name, email, version, created_ms) VALUES "
            "(41, '王小明', 'wang@example.com', 1, 0), (42, 'Ana Lima', 'ana@example.com', 1, 0)"_s,
        };
        for (const QString& sql : rows)
            QVERIFY2(store::exec(db, sql), qPrintable(sql));
        // ids 500, 100, 300 for merchant 1 and 400, 200 for merchant 2, written in that order
        for (const auto& [id, merchant, customer] :
             QList<std::tuple<int, int, int>>{{500, 1, 41}, {100, 1, 42}, {400, 2, 41}, {300, 1, 41}, {200, 2, 42}}) {
            QVERIFY(store::exec(db,
                                u"INSERT INTO orders (id, merchant_id, customer_id, location_id, status, currency, "
                                "subtotal_minor, discount_minor, tax_minor, delivery_fee_minor, total_minor, "
                                "customer_email, expires_ms, created_ms, updated_ms, version) VALUES "
                                "(?, ?, ?, 11, 6, 'EUR', 2500, 0, 0, 0, 2500, '', 0, ?, ?, 1)"_s,
                                {id, merchant, customer, id, id}));
        }
    }
    auto conn = store::Connection::open(store::StoreOptions{path}, u"upgrade"_s);
    QVERIFY(conn);
    QSqlDatabase& db = (*conn)->db();
    QString backup;
    const Status migrated = store::Migrations::migrate(db, path, clock, &backup);
    QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));
    QVERIFY(!backup.isEmpty()); // the v5 file is kept
    QCOMPARE(store::Migrations::versionOf(db).value(), store::Migrations::currentVersion());
    QSqlQuery q(db);
    QVERIFY(q.exec(u"SELECT id, number, customer_name FROM orders ORDER BY id"_s));
    QList<std::tuple<qint64, qint64, QString>> got;
    while (q.next())
        got.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()});
    q.finish();
    const QList<std::tuple<qint64, qint64, QString>> expected{{100, 1001, u"Ana Lima"_s},
                                                              {200, 1001, u"Ana Lima"_s},
                                                              {300, 1002, u"王小明"_s},
                                                              {400, 1002, u"王小明"_s},
                                                              {500, 1003, u"王小明"_s}};
    QCOMPARE(got, expected);
    QCOMPARE(store::scalar(db, u"SELECT last_number FROM order_numbers WHERE merchant_id = 1"_s)->toLongLong(), 1003);
    QCOMPARE(store::scalar(db, u"SELECT last_number FROM order_numbers WHERE merchant_id = 2"_s)->toLongLong(), 1002);
    // a number given twice is refused by the store itself
    QVERIFY(!store::exec(db, u"UPDATE orders SET number = 1001 WHERE id = 300"_s));

    // the next order of merchant 1 continues after the backfilled ones, in the engine's own code
    QVERIFY(db.transaction());
    IdGenerator ids(1, clock);
    store::UnitOfWork uow(db, (*conn)->statements(), ids, Tester, clock.nowMs());
    auto next = OrderService::create(uow, NewOrder{Id{1}, Id{42}, {{u"EAR-1"_s, 1}}, {}, {}});
    QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
    QCOMPARE(next->number, 1004);
    QCOMPARE(next->customerName, u"Ana Lima"_s);
    (*conn)->statements().finishAll();
    QVERIFY(db.rollback());
}

void TestOrderNumbers::searchFindsNumberEnds()
{
    QList<Order> placed;
    for (int i = 0; i < 45; ++i)
        placed.append(place(m_ana)); // #1001 .. #1045
    QCOMPARE(numbersOf(search(u"42"_s)), QList<qint64>{1042});
    QCOMPARE(numbersOf(search(u"#1042"_s)), QList<qint64>{1042});
    QCOMPARE(numbersOf(search(u" #1042 "_s)), QList<qint64>{1042});
    QVERIFY(search(u"#42"_s).isEmpty());                                                // "#": the whole number
    QCOMPARE(numbersOf(search(u"1"_s)), (QList<qint64>{1041, 1031, 1021, 1011, 1001})); // newest first
    QCOMPARE(numbersOf(search(u"04"_s)), (QList<qint64>{1004}));                        // "04" ends 1004, not 1040
    QCOMPARE(numbersOf(search(u"004"_s)), (QList<qint64>{1004}));
    QCOMPARE(numbersOf(search(u"0004"_s)), QList<qint64>{}); // 1004 has only 4 digits
    QVERIFY(search(u"99042"_s).isEmpty());                   // longer than any number yet
}

void TestOrderNumbers::searchFindsNamesAndEmails()
{
    const Id wang = customer(u"王小明"_s, u"xiaoming@example.com"_s);
    const Id wangLi = customer(u"李王芳"_s, u"fang@example.com"_s);
    const Id bo = customer(u"Bo Anderson"_s, u"bo@example.com"_s);
    const Order a = place(m_ana);
    const Order w = place(wang);
    const Order wl = place(wangLi);
    const Order b = place(bo);
    QCOMPARE(numbersOf(search(u"王"_s)), (QList<qint64>{wl.number, w.number})); // anywhere in the name
    QCOMPARE(numbersOf(search(u"小明"_s)), QList<qint64>{w.number});
    QCOMPARE(numbersOf(search(u"lima"_s)), QList<qint64>{a.number}); // A-Z either case
    QCOMPARE(numbersOf(search(u"ANDERSON"_s)), QList<qint64>{b.number});
    // "an": Ana by her name and email, Bo by "Anderson": each once
    QCOMPARE(numbersOf(search(u"an"_s)), (QList<qint64>{b.number, a.number}));
    QCOMPARE(numbersOf(search(u"xiaoming@example.com"_s)), QList<qint64>{w.number});
    QCOMPARE(numbersOf(search(u"xiao"_s)), QList<qint64>{w.number}); // the start of the email
    QCOMPARE(numbersOf(search(u"BO@EXAMPLE.COM"_s)), QList<qint64>{b.number});
    QVERIFY(search(u"zhang"_s).isEmpty());
    QVERIFY(search(u"%"_s).isEmpty()); // no pattern syntax
}

void TestOrderNumbers::searchFindsIdEndsAndCards()
{
    const Order a = place(m_ana);
    const Order b = place(m_ana);
    const QString id = a.id.toString();
    QCOMPARE(search(id).size(), 1); // the whole id
    QCOMPARE(search(id).first().id, a.id);
    const QString end = id.right(8);
    const QList<Order> byEnd = search(end);
    QVERIFY(std::any_of(byEnd.cbegin(), byEnd.cend(), [&](const Order& o) { return o.id == a.id; }));
    QVERIFY(std::none_of(byEnd.cbegin(), byEnd.cend(), [&](const Order& o) { return !o.id.toString().endsWith(end); }));
    Q_UNUSED(b);
    // the card's last 4 still find the paid order
    auto pay = wait(m_f->client().authorizePayment(
        b.id, payments::CardInput{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s},
        souk::test::newKey()));
    QVERIFY(pay);
    const QList<Order> byCard = search(pay->card.last4);
    QVERIFY(std::any_of(byCard.cbegin(), byCard.cend(), [&](const Order& o) { return o.id == b.id; }));
}

void TestOrderNumbers::searchPagesAcrossItsWays()
{
    // "an" matches Ana by her name and her email, Dan by his name, Zoe by her email, Bo not at
    // all: the ways are merged, each order once, newest first, and pages follow each other
    const Id dan = customer(u"Dan Wu"_s, u"wu@example.com"_s);
    const Id zoe = customer(u"Zoe Qi"_s, u"anzoe@example.com"_s);
    const Id bo = customer(u"Bo Li"_s, u"bo@example.com"_s);
    const QList<Id> who{m_ana, dan, zoe, bo};
    QList<qint64> expected;
    for (int i = 0; i < 30; ++i) {
        const Order o = place(who[i % 4]);
        if (i % 4 != 3)
            expected.prepend(o.number);
    }
    QCOMPARE(numbersOf(search(u"an"_s, 100)), expected);
    QList<Order> paged;
    Id before;
    for (int pages = 0; pages < 20; ++pages) {
        const QList<Order> page = search(u"an"_s, 4, before);
        paged += page;
        if (page.size() < 4)
            break;
        before = page.last().id;
    }
    QCOMPARE(numbersOf(paged), expected);
}

void TestOrderNumbers::tooLongSearchIsRefused()
{
    OrderQuery q;
    q.search = QString(OrderSearchTextMax + 1, u'a');
    auto page = wait(m_f->client().orderPage(q));
    QVERIFY(!page);
    QCOMPARE(page.error().code, ErrorCode::Invalid);
    QCOMPARE(page.error().field, u"search"_s);
}

QTEST_GUILESS_MAIN(TestOrderNumbers)
#include "TestOrderNumbers.moc"
