#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "backend/client/Client.h"
#include "models/orders/OrderFilter.h"
#include "models/orders/OrderListModel.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

/// The live order monitor's model on a real store, under QAbstractItemModelTester: pages load
/// newest first, the change feed inserts and updates rows one by one (never a reset), a
/// paused table holds changes until resumed, and the filter rule matches the engine's query.
class TestOrderListModel final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup();
    void pagesNewestFirst();
    void feedInsertsAndUpdatesRows();
    void pauseHoldsChanges();
    void filterLeavesAndEnters();
    void pauseHoldsARefreshInFlight();
    void heldRowsStandStill();
    void heldRowsKeepLeaversUntilRelease();
    void trimKeepsPagedRows();
    void filterRuleMatchesQuery_data();
    void filterRuleMatchesQuery();

private:
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
    std::unique_ptr<OrderListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOrderListModel::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 1000);
    m_orders = std::make_unique<OrderSupport>(*m_f);
    m_model = std::make_unique<OrderListModel>(m_f->client(), m_f->merchantId());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestOrderListModel::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_tester.reset();
    m_model.reset();
    m_orders.reset();
    m_f.reset();
}

void TestOrderListModel::pagesNewestFirst()
{
    QList<Id> ids;
    for (int i = 0; i < 25; ++i)
        ids.append(m_orders->place(u"EAR-1"_s, 1).id);
    m_model->setPageRows(10);
    QSignalSpy first(m_model.get(), &OrderListModel::firstRowsShown);
    m_model->load();
    QTRY_COMPARE(m_model->rowCount(), 10);
    QCOMPARE(first.size(), 1);
    QCOMPARE(m_model->orderAt(0)->id, ids.last());
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 20);
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 25);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->orderAt(24)->id, ids.first());
    QCOMPARE(m_model->rowOf(ids[7]), 25 - 1 - 7);
    QCOMPARE(m_model->data(m_model->index(0, OrderListModel::Total)).toString(), u"€25.00"_s);
    QCOMPARE(m_model->data(m_model->index(0, OrderListModel::Total), OrderListModel::RawRole).toLongLong(), 2500);
}

void TestOrderListModel::feedInsertsAndUpdatesRows()
{
    m_orders->place(u"EAR-1"_s, 1);
    m_model->load();
    QTRY_COMPARE(m_model->rowCount(), 1);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const orders::Order fresh = m_orders->place(u"EAR-1"_s, 2);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->orderAt(0)->id, fresh.id); // new orders arrive at the top
    QCOMPARE(inserted.size(), 1);
    const payments::Payment p = m_orders->authorize(fresh.id);
    m_orders->capture(p.id);
    QTRY_COMPARE(m_model->orderAt(0)->status, orders::OrderStatus::Paid);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_model->data(m_model->index(0, OrderListModel::Card)).toString(), u"•••• 4242"_s);
    QCOMPARE(reset.size(), 0);
}

void TestOrderListModel::pauseHoldsChanges()
{
    m_model->load();
    QTRY_VERIFY(!m_model->isLoading());
    m_model->setLive(false);
    QSignalSpy held(m_model.get(), &OrderListModel::heldChangesChanged);
    m_orders->place(u"EAR-1"_s, 1);
    m_orders->place(u"EAR-1"_s, 1);
    QTRY_COMPARE(m_model->heldChanges(), 2);
    QCOMPARE(m_model->rowCount(), 0); // the table stands still while paused
    m_model->setLive(true);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->heldChanges(), 0);
}

void TestOrderListModel::pauseHoldsARefreshInFlight()
{
    m_model->load();
    QTRY_VERIFY(!m_model->isLoading());
    // pause right after the model asked for the changed rows: a direct connection made after the
    // model's runs in the same emission, before the answer (a posted event) can be handled
    QObject context;
    connect(&m_f->client(), &Client::changed, &context, [this](const ChangeList& changes) {
        for (const Change& c : changes) {
            if (c.entity == u"order"_s)
                m_model->setLive(false);
        }
    }, Qt::DirectConnection);
    m_orders->place(u"EAR-1"_s, 1);
    QTRY_COMPARE(m_model->heldChanges(), 1);
    QTest::qWait(100);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setLive(true);
    QTRY_COMPARE(m_model->rowCount(), 1);
}

void TestOrderListModel::heldRowsStandStill()
{
    const orders::Order shown = m_orders->place(u"EAR-1"_s, 1);
    m_model->load();
    QTRY_COMPARE(m_model->rowCount(), 1);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy waiting(m_model.get(), &OrderListModel::newRowsWaitingChanged);
    QPersistentModelIndex reading(m_model->index(0, 0));
    m_model->setRowsHeld(true);
    const orders::Order first = m_orders->place(u"EAR-1"_s, 1);
    const orders::Order second = m_orders->place(u"EAR-1"_s, 2);
    QTRY_COMPARE(m_model->newRowsWaiting(), 2);
    QCOMPARE(waiting.last().first().toInt(), 2);
    // a shown row still changes, where it stands
    m_orders->capture(m_orders->authorize(shown.id).id);
    QTRY_COMPARE(m_model->orderAt(0)->status, orders::OrderStatus::Paid);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(reading.row(), 0);
    // a waiting order that changes is still one waiting order
    m_orders->authorize(first.id);
    QTest::qWait(100);
    QCOMPARE(m_model->newRowsWaiting(), 2);
    // released: the waiting orders go in above, newest first, in one block
    m_model->setRowsHeld(false);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(m_model->newRowsWaiting(), 0);
    QCOMPARE(waiting.last().first().toInt(), 0);
    QCOMPARE(m_model->orderAt(0)->id, second.id);
    QCOMPARE(m_model->orderAt(1)->id, first.id);
    QCOMPARE(m_model->orderAt(1)->paymentState, orders::PaymentState::Authorized); // its latest version
    QCOMPARE(reading.row(), 2); // the persistent index followed its order
}

void TestOrderListModel::heldRowsKeepLeaversUntilRelease()
{
    OrderFilter awaiting;
    awaiting.status = orders::OrderStatus::PendingPayment;
    m_model->setFilter(awaiting);
    const orders::Order older = m_orders->place(u"EAR-1"_s, 1);
    const orders::Order newer = m_orders->place(u"EAR-1"_s, 1);
    QTRY_COMPARE(m_model->rowCount(), 2);
    m_model->setRowsHeld(true);
    // paid: it leaves "awaiting payment", but not from under the reader's eyes
    m_orders->capture(m_orders->authorize(newer.id).id);
    QTRY_COMPARE(m_model->orderAt(0)->status, orders::OrderStatus::Paid);
    QCOMPARE(m_model->rowCount(), 2);
    // a new order that is paid before it is released never shows
    const orders::Order passing = m_orders->place(u"EAR-1"_s, 1);
    QTRY_COMPARE(m_model->newRowsWaiting(), 1);
    m_orders->capture(m_orders->authorize(passing.id).id);
    QTRY_COMPARE(m_model->newRowsWaiting(), 0);
    m_model->setRowsHeld(false);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->orderAt(0)->id, older.id);
}

void TestOrderListModel::trimKeepsPagedRows()
{
    QList<Id> ids;
    for (int i = 0; i < 30; ++i)
        ids.append(m_orders->place(u"EAR-1"_s, 1).id);
    m_model->setPageRows(10);
    m_model->setLiveRowsMax(12);
    m_model->load();
    QTRY_COMPARE(m_model->rowCount(), 10);
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 20);
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 30); // scrolled down to the oldest order
    m_orders->capture(m_orders->authorize(ids.last()).id); // an update, no arrival
    QTest::qWait(100);
    QCOMPARE(m_model->rowCount(), 30);
    m_orders->place(u"EAR-1"_s, 1); // an arrival: the table may trim, but not below what was paged in
    QTRY_COMPARE(m_model->orderAt(0)->id.value > ids.last().value, true);
    QCOMPARE(m_model->rowCount(), 30);
}

void TestOrderListModel::filterLeavesAndEnters()
{
    OrderFilter awaiting;
    awaiting.status = orders::OrderStatus::PendingPayment;
    m_model->setFilter(awaiting);
    const orders::Order o = m_orders->place(u"EAR-1"_s, 1);
    QTRY_COMPARE(m_model->rowCount(), 1);
    m_orders->capture(m_orders->authorize(o.id).id);
    QTRY_COMPARE(m_model->rowCount(), 0); // paid: it left "awaiting payment"
    OrderFilter paid;
    paid.status = orders::OrderStatus::Paid;
    m_model->setFilter(paid);
    QTRY_COMPARE(m_model->rowCount(), 1);
}

void TestOrderListModel::filterRuleMatchesQuery_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("matches");
    QTest::addRow("email") << u"ANA@example.com"_s << true;
    QTest::addRow("email start") << u"ana"_s << true;
    QTest::addRow("underscore is a letter") << u"an_"_s << false;
    QTest::addRow("other email") << u"bo@example.com"_s << false;
    QTest::addRow("card last 4") << u"4242"_s << true;
    QTest::addRow("other card") << u"1111"_s << false;
    QTest::addRow("empty") << QString() << true;
}

void TestOrderListModel::filterRuleMatchesQuery()
{
    // the same search through the engine (a page) and through the rule (a feed row) agree
    QFETCH(QString, search);
    QFETCH(bool, matches);
    const orders::Order o = m_orders->place(u"EAR-1"_s, 1);
    m_orders->authorize(o.id);
    auto stored = StoreFixture::wait(m_f->client().ordersById({o.id}));
    QVERIFY(stored && stored->size() == 1);
    OrderFilter f;
    f.search = search;
    QCOMPARE(f.matches(stored->first()), matches);
    auto page = StoreFixture::wait(m_f->client().orderPage(f.query(Id{}, 10)));
    QVERIFY(page);
    QCOMPARE(page->orders.size(), matches ? 1 : 0);
    OrderFilter byId;
    byId.search = o.id.toString();
    QVERIFY(byId.matches(stored->first()));
    OrderFilter amount;
    amount.minTotalMinor = 2501;
    QVERIFY(!amount.matches(stored->first()));
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestOrderListModel)
#include "TestOrderListModel.moc"
