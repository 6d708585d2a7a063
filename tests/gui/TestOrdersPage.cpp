#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QWindow>

#include "backend/catalog/MerchantService.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderListModel.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/orders/OrderDetailDialog.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {
namespace {

constexpr int TrafficPerSecond = 100; ///< the live traffic of the click tests; they check >= 50 arrived
constexpr int ReactionMs = 150;       ///< from seeing an order under the pointer to pressing the button

/// Orders placed through the real engine at a steady rate without waiting on the test thread, so
/// the page keeps handling input while they arrive: a busy shop's live traffic. Test thread.
class LiveTraffic final : public QObject
{
public:
    LiveTraffic(StoreFixture& f, Id customerId, const QString& sku) : m_f(f), m_customerId(customerId), m_sku(sku)
    {
        connect(&m_timer, &QTimer::timeout, this, &LiveTraffic::tick);
    }
    void start()
    {
        m_clock.start();
        m_timer.start(10);
    }
    /// Stops sending and waits until every order sent has its answer.
    void stop()
    {
        m_timer.stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_placed + m_failed, m_sent, 20'000);
    }
    int placed() const { return m_placed; }
    int failed() const { return m_failed; }
    /// Orders placed per second, from the start to the last answer.
    double perSecond() const { return m_lastMs > 0 ? m_placed * 1000.0 / double(m_lastMs) : 0.0; }

private:
    void tick()
    {
        const qint64 due = TrafficPerSecond * m_clock.elapsed() / 1000;
        while (m_sent < due && m_sent - m_placed - m_failed < 200) // a bounded backlog
            send();
    }
    void send()
    {
        ++m_sent;
        const orders::NewOrder order{m_f.merchantId(), m_customerId, {{m_sku, 1}}, {}, {}};
        onReady(m_f.client().createOrder(order, u"live-%1"_s.arg(m_sent)), this,
                [this](const Result<orders::Order>& placed) {
                    placed ? ++m_placed : ++m_failed;
                    m_lastMs = m_clock.elapsed();
                });
    }

    StoreFixture& m_f;
    Id m_customerId;
    QString m_sku;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_sent = 0;
    int m_placed = 0;
    int m_failed = 0;
    qint64 m_lastMs = 0;
};

/// Typing as a person does: key presses for what a keyboard has (Latin-1), and text an input
/// method commits for the rest (Chinese: QTest's key clicks cover Latin-1 only).
void typeText(QWidget* edit, const QString& text)
{
    QString keys;
    const auto flushKeys = [&] {
        if (!keys.isEmpty())
            QTest::keyClicks(edit, std::exchange(keys, {}));
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            keys += c;
            continue;
        }
        flushKeys();
        QInputMethodEvent commit;
        commit.setCommitString(QString(c));
        QCoreApplication::sendEvent(edit, &commit);
    }
    flushKeys();
}

/// A person's click: the button goes down and comes up a moment later, the feed running between.
void humanClick(QWindow* window, QPoint at)
{
    QTest::mousePress(window, Qt::LeftButton, {}, at);
    QTest::qWait(60);
    QTest::mouseRelease(window, Qt::LeftButton, {}, at);
}

/// A person's double click: two clicks ~200 ms apart (inside the double-click interval), with the
/// feed running between them. QTest::mouseDClick sends all four events at once.
void humanDoubleClick(QWindow* window, QPoint at)
{
    const QPointF global = window->mapToGlobal(QPointF(at));
    int& t = QTest::lastMouseTimestamp;
    const auto send = [&](QEvent::Type type, Qt::MouseButtons buttons, int afterMs) {
        t += afterMs;
        qt_handleMouseEvent(window, QPointF(at), global, buttons, Qt::LeftButton, type, {}, t);
        QTest::qWait(afterMs);
    };
    send(QEvent::MouseButtonPress, Qt::LeftButton, 1);
    send(QEvent::MouseButtonRelease, Qt::NoButton, 60);
    send(QEvent::MouseButtonPress, Qt::LeftButton, 80);
    send(QEvent::MouseButtonRelease, Qt::NoButton, 60);
    t += QTest::mouseDoubleClickInterval; // the next click starts afresh
}

} // namespace

/// The order monitor page with real input events: the filters narrow the table, the counters
/// count, pause holds new orders, and the detail dialog opens from the keyboard.
class TestOrdersPage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // amounts as "€25.00"
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void statusFilterNarrowsRows();
    void merchantFilterChoosesMerchant();
    void searchByEmail();
    void searchByNumberAndName();
    void searchFindingNothingSaysSo();
    void badAmountFilterIsReported();
    void mixedCurrenciesTurnTotalsOff();
    void sharedCurrencyReadsTotals();
    void countersCount();
    void netSalesKeepCurrenciesApart();
    void netSalesTakeOffRefunds();
    void pauseHoldsNewOrders();
    void enterOpensDetail();
    void liveClickSelectsAndOpensTheChosenOrder();
    void scrolledTableHoldsStill();
    void newFilterRunsLive();
    void disputeEvidenceIsSentOnce();

private:
    /// A second merchant ("Second shop", in `currency`) with an order for CAB-1 at `priceMinor`;
    /// null id on failure (the test has failed then).
    orders::Order secondMerchantOrder(const QString& currency, qint64 priceMinor, bool paid = false);
    template <typename T> T* child(const QString& name) const { return m_page->findChild<T*>(name); }
    int rows() const { return m_page->model()->rowCount(); }
    Id firstId() const
    {
        const orders::Order* o = m_page->model()->orderAt(0);
        return o ? o->id : Id{};
    }
    /// Where row `row` of the table is, in the page window's coordinates.
    QPoint rowCenter(int row) const;
    /// The order shown at `at` (window coordinates); null if none.
    Id orderAt(QPoint at) const;
    Id selectedOrder() const;
    /// The order of the visible detail dialog; null if none is open.
    Id openedOrder() const;
    void closeDetail();

    QTemporaryDir m_prefsDir;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<Prefs> m_prefs;
    std::unique_ptr<OrdersPage> m_page;
    orders::Order m_unpaid;
    payments::Payment m_paid;
};

void TestOrdersPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 100);
    OrderSupport ana(*m_f, u"ana@example.com"_s);
    OrderSupport bo(*m_f, u"bo@example.com"_s);
    m_unpaid = ana.place(u"EAR-1"_s, 1);
    m_paid = bo.paidOrder(u"EAR-1"_s, 2);
    m_prefs = std::make_unique<Prefs>(m_prefsDir.filePath(u"prefs.ini"_s));
    m_page = std::make_unique<OrdersPage>(m_f->client(), *m_prefs, m_f->merchantId());
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(rows(), 2);
}

void TestOrdersPage::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_page.reset();
    m_prefs.reset();
    m_f.reset();
}

void TestOrdersPage::statusFilterNarrowsRows()
{
    auto* status = child<QComboBox>(u"statusFilter"_s);
    status->setFocus();
    // keyboard choice, as a user would: the combo's items by their text
    const int paid = status->findText(u"Paid"_s);
    QVERIFY(paid > 0);
    while (status->currentIndex() < paid)
        QTest::keyClick(status, Qt::Key_Down);
    QTRY_COMPARE(rows(), 1);
    QCOMPARE(m_page->model()->orderAt(0)->id, m_paid.orderId);
    auto* payment = child<QComboBox>(u"paymentFilter"_s);
    payment->setFocus();
    const int declined = payment->findText(u"Declined"_s);
    while (payment->currentIndex() < declined)
        QTest::keyClick(payment, Qt::Key_Down);
    QTRY_COMPARE(rows(), 0);
}

orders::Order TestOrdersPage::secondMerchantOrder(const QString& currency, qint64 priceMinor, bool paid)
{
    LocalClient& client = m_f->client();
    auto second = StoreFixture::wait(
        client.engine().write<catalog::Merchant>(Actor{u"test"_s, u"owner"_s}, [currency](store::UnitOfWork& uow) {
            return catalog::MerchantService::createMerchant(uow, u"Second shop"_s, currency);
        }));
    if (!second) {
        QTest::qFail(qPrintable(second.error().toString()), __FILE__, __LINE__);
        return {};
    }
    auto location = StoreFixture::wait(client.engine().write<catalog::Location>(
        Actor{u"test"_s, u"owner"_s}, [id = second->id](store::UnitOfWork& uow) {
            return catalog::MerchantService::createLocation(uow, id, u"Depot"_s);
        }));
    catalog::Product p;
    p.merchantId = second->id;
    p.title = u"Cable"_s;
    p.status = catalog::ProductStatus::Active;
    catalog::Variant v;
    v.sku = u"CAB-1"_s;
    v.price = Money(priceMinor, *Currency::find(currency));
    p.variants.append(v);
    auto saved = StoreFixture::wait(client.saveProduct(p));
    if (!location || !saved ||
        !StoreFixture::wait(
            client.adjustStock(catalog::StockAdjustment{saved->variants.first().id, location->id,
                                                        catalog::MovementKind::Received, 5, u"test"_s, -1},
                               souk::test::newKey()))) {
        QTest::qFail("setting up the second merchant failed", __FILE__, __LINE__);
        return {};
    }
    OrderSupport cy(*m_f, u"cy@example.com"_s);
    auto theirs = StoreFixture::wait(
        client.createOrder(orders::NewOrder{second->id, cy.customerId(), {{u"CAB-1"_s, 1}}, {}, {}}, cy.nextKey()));
    if (!theirs) {
        QTest::qFail(qPrintable(theirs.error().toString()), __FILE__, __LINE__);
        return {};
    }
    if (paid)
        cy.capture(cy.authorize(theirs->id).id);
    return *theirs;
}

void TestOrdersPage::merchantFilterChoosesMerchant()
{
    // a second merchant with one order of its own
    LocalClient& client = m_f->client();
    const orders::Order theirs = secondMerchantOrder(u"EUR"_s, 900);
    QVERIFY(!theirs.id.isNull());

    // the page opens on its merchant; the combo appears because there are two
    m_page = std::make_unique<OrdersPage>(client, *m_prefs, m_f->merchantId());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    auto* merchant = child<QComboBox>(u"merchantFilter"_s);
    QTRY_VERIFY(merchant->isVisible());
    QTRY_COMPARE(rows(), 2);
    QCOMPARE(merchant->count(), 3); // all, the first merchant, the second
    auto* table = child<QTableView>(u"ordersTable"_s);
    QVERIFY(table->isColumnHidden(OrderListModel::Merchant)); // one merchant's orders
    merchant->setFocus();
    QTest::keyClick(merchant, Qt::Key_Up); // "All merchants"
    QTRY_COMPARE(rows(), 3);
    // every merchant's orders: the column says whose each one is
    QVERIFY(!table->isColumnHidden(OrderListModel::Merchant));
    const int theirsRow = m_page->model()->rowOf(theirs.id);
    QVERIFY(theirsRow >= 0);
    QCOMPARE(m_page->model()->index(theirsRow, OrderListModel::Merchant).data().toString(), u"Second shop"_s);
    while (merchant->currentText() != u"Second shop"_s && merchant->currentIndex() < merchant->count() - 1)
        QTest::keyClick(merchant, Qt::Key_Down);
    QCOMPARE(merchant->currentText(), u"Second shop"_s);
    QTRY_COMPARE(rows(), 1);
    QVERIFY(table->isColumnHidden(OrderListModel::Merchant));
    QCOMPARE(firstId(), theirs.id);
    // the counters follow: one order awaiting payment, none captured
    QTRY_COMPARE(child<QLabel>(u"awaitingPayment"_s)->text(), u"1"_s);
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"€0.00"_s);
    // an order of the first merchant arriving live stays out of this view
    OrderSupport(*m_f, u"dee@example.com"_s).place(u"EAR-1"_s, 1);
    QTest::qWait(300);
    QCOMPARE(rows(), 1);
}

void TestOrdersPage::searchByEmail()
{
    auto* search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClicks(search, u"ana@example.com"_s);
    QTRY_COMPARE(rows(), 1);
    QCOMPARE(firstId(), m_unpaid.id);
    search->clear();
    QTest::keyClicks(search, u"4242"_s); // the card's last 4
    QTRY_COMPARE(firstId(), m_paid.orderId);
    QCOMPARE(rows(), 1);
}

void TestOrdersPage::searchByNumberAndName()
{
    // the table shows the short number; its long id is behind it
    QTRY_COMPARE(m_page->model()->index(0, OrderListModel::Number).data().toString(), u"#1002"_s);
    QCOMPARE(m_page->model()->index(1, OrderListModel::Number).data().toString(), u"#1001"_s);
    QCOMPARE(m_page->model()->index(1, OrderListModel::Customer).data().toString(), u"Ana Lima"_s);
    orders::Customer wang;
    wang.name = u"王小明"_s;
    wang.email = u"xm@example.com"_s;
    auto customer = StoreFixture::wait(m_f->client().createCustomer(wang, souk::test::newKey()));
    QVERIFY(customer);
    const auto placed = StoreFixture::wait(m_f->client().createOrder(
        orders::NewOrder{m_f->merchantId(), customer->id, {{u"EAR-1"_s, 1}}, {}, {}}, souk::test::newKey()));
    QVERIFY(placed);
    QCOMPARE(placed->number, 1003);
    QTRY_COMPARE(rows(), 3);

    auto* search = child<QLineEdit>(u"searchEdit"_s);
    // typed as a person types it; the table shows that search's orders once it ran
    const auto searchFor = [&](const QString& text) {
        search->clear();
        typeText(search, text);
        QTRY_COMPARE(m_page->model()->filter().search, text);
        QTRY_VERIFY(!m_page->model()->isLoading());
    };
    searchFor(u"2"_s); // the end of #1002
    QCOMPARE(rows(), 1);
    QCOMPARE(firstId(), m_paid.orderId);
    searchFor(u"#1001"_s);
    QCOMPARE(rows(), 1);
    QCOMPARE(firstId(), m_unpaid.id);
    searchFor(u"王"_s); // as a Chinese input method commits it
    QCOMPARE(rows(), 1);
    QCOMPARE(firstId(), placed->id);
    QCOMPARE(m_page->model()->index(0, OrderListModel::Customer).data().toString(), u"王小明"_s);
    searchFor(u"LIMA"_s); // both OrderSupport customers are Ana Lima
    QCOMPARE(rows(), 2);
    // a new order of a customer the search names comes in live
    OrderSupport(*m_f, u"dee@example.com"_s).place(u"EAR-1"_s, 1);
    QTRY_COMPARE(rows(), 3);
    QCOMPARE(m_page->model()->index(0, OrderListModel::Number).data().toString(), u"#1004"_s);
}

void TestOrdersPage::searchFindingNothingSaysSo()
{
    auto* search = child<QLineEdit>(u"searchEdit"_s);
    auto* panel = child<QWidget>(u"noMatchPanel"_s);
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    QWindow* window = m_page->windowHandle();
    QTest::mouseClick(window, Qt::LeftButton, {}, search->mapTo(m_page.get(), search->rect().center()));
    QTest::keyClicks(search, u"zzz"_s);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(rows(), 0);
    QCOMPARE(child<QLabel>(u"noMatchLabel"_s)->text(), u"No orders match “zzz”."_s);
    // it covers the empty rows, under the header
    auto* table = child<QTableView>(u"ordersTable"_s);
    QCOMPARE(panel->parentWidget(), table->viewport());
    QCOMPARE(panel->geometry(), table->viewport()->rect());
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"orders-no-match.png"_s)));
        QVERIFY(souk::installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
        OrdersPage chinese(m_f->client(), *m_prefs, m_f->merchantId());
        chinese.resize(m_page->size());
        chinese.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chinese));
        QTRY_COMPARE(chinese.model()->rowCount(), 2);
        QVERIFY(chinese.grab().save(QDir(dir).filePath(u"orders-zh.png"_s)));
        auto* chineseSearch = chinese.findChild<QLineEdit*>(u"searchEdit"_s);
        typeText(chineseSearch, u"无此订单"_s);
        QTRY_VERIFY(chinese.findChild<QWidget*>(u"noMatchPanel"_s)->isVisible());
        QVERIFY(chinese.grab().save(QDir(dir).filePath(u"orders-no-match-zh.png"_s)));
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
        chinese.close();
        m_page->activateWindow(); // the person's window again, for the keys below
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }
    // typing on: still nothing, and it says what is searched now
    QTest::keyClicks(search, u"y"_s);
    QTRY_COMPARE(child<QLabel>(u"noMatchLabel"_s)->text(), u"No orders match “zzzy”."_s);
    // a way back: the button clears the search, every order is there again
    auto* clear = child<QPushButton>(u"clearSearchButton"_s);
    QTest::mouseClick(window, Qt::LeftButton, {}, clear->mapTo(m_page.get(), clear->rect().center()));
    QTRY_COMPARE(rows(), 2);
    QVERIFY(!panel->isVisible());
    QVERIFY(search->text().isEmpty());
    QVERIFY(search->hasFocus()); // to type the next search at once
    // text that looks like markup is shown as typed
    QTest::keyClicks(search, u"<b>x</b>"_s);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(child<QLabel>(u"noMatchLabel"_s)->textFormat(), Qt::PlainText);
    QCOMPARE(child<QLabel>(u"noMatchLabel"_s)->text(), u"No orders match “<b>x</b>”."_s);
    // an order that matches arriving live takes the message away
    search->clear();
    QTest::keyClicks(search, u"nobody"_s);
    QTRY_VERIFY(panel->isVisible());
    orders::Customer nobody;
    nobody.name = u"Nobody Smith"_s;
    nobody.email = u"ns@example.com"_s;
    auto customer = StoreFixture::wait(m_f->client().createCustomer(nobody, souk::test::newKey()));
    QVERIFY(customer);
    QVERIFY(StoreFixture::wait(m_f->client().createOrder(
        orders::NewOrder{m_f->merchantId(), customer->id, {{u"EAR-1"_s, 1}}, {}, {}}, souk::test::newKey())));
    QTRY_COMPARE(rows(), 1);
    QVERIFY(!panel->isVisible());
}

void TestOrdersPage::badAmountFilterIsReported()
{
    QTRY_VERIFY(child<QLineEdit>(u"minAmountEdit"_s)->isEnabled()); // once the currency is known
    QTest::keyClicks(child<QLineEdit>(u"minAmountEdit"_s), u"abc"_s);
    QTRY_VERIFY(m_page->messageBar()->isVisible());
    QCOMPARE(rows(), 2); // the table keeps what it showed
    child<QLineEdit>(u"minAmountEdit"_s)->clear();
    QTest::keyClicks(child<QLineEdit>(u"minAmountEdit"_s), u"30"_s);
    QTRY_COMPARE(rows(), 1); // only the order of two items (50.00) costs 30 or more
}

void TestOrdersPage::mixedCurrenciesTurnTotalsOff()
{
    // a yuan shop beside the euro one
    const orders::Order theirs = secondMerchantOrder(u"CNY"_s, 1200);
    QVERIFY(!theirs.id.isNull());
    m_page = std::make_unique<OrdersPage>(m_f->client(), *m_prefs, m_f->merchantId());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    auto* merchant = child<QComboBox>(u"merchantFilter"_s);
    auto* max = child<QLineEdit>(u"maxAmountEdit"_s);
    QTRY_COMPARE(merchant->count(), 3);
    QTRY_VERIFY(max->isEnabled());
    QVERIFY(max->placeholderText().contains(u"EUR"_s));
    QTest::keyClicks(max, u"30"_s);
    QTRY_COMPARE(rows(), 1); // the euro shop's 25.00 order

    // every merchant: a euro and a yuan amount do not compare, so totals are off and say why
    merchant->setFocus();
    QTest::keyClick(merchant, Qt::Key_Up);
    QCOMPARE(merchant->currentIndex(), 0);
    QTRY_COMPARE(rows(), 3);
    for (auto* edit : {max, child<QLineEdit>(u"minAmountEdit"_s)}) {
        QVERIFY(!edit->isEnabled());
        QVERIFY(edit->text().isEmpty());
        QVERIFY2(edit->toolTip().contains(u"CNY, EUR"_s), qPrintable(edit->toolTip()));
    }
    QVERIFY(!m_page->model()->filter().maxTotalMinor);
    QVERIFY(!m_page->model()->filter().minTotalMinor);

    // the yuan shop alone: totals are read in yuan
    while (merchant->currentText() != u"Second shop"_s && merchant->currentIndex() < merchant->count() - 1)
        QTest::keyClick(merchant, Qt::Key_Down);
    QTRY_VERIFY(max->isEnabled());
    QVERIFY(max->placeholderText().contains(u"CNY"_s));
    QVERIFY(max->toolTip().isEmpty());
    QTest::keyClicks(max, u"11.99"_s);
    QTRY_COMPARE(m_page->model()->filter().maxTotalMinor, std::optional<qint64>(1199));
    QTRY_VERIFY(!m_page->model()->isLoading());
    QCOMPARE(rows(), 0); // its one order is 12.00
}

void TestOrdersPage::sharedCurrencyReadsTotals()
{
    // two euro shops: every merchant's totals are euros, and the filter reads them
    const orders::Order theirs = secondMerchantOrder(u"EUR"_s, 900);
    QVERIFY(!theirs.id.isNull());
    m_page = std::make_unique<OrdersPage>(m_f->client(), *m_prefs, Id{});
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(rows(), 3);
    auto* max = child<QLineEdit>(u"maxAmountEdit"_s);
    QTRY_VERIFY(max->isEnabled());
    QVERIFY(max->placeholderText().contains(u"EUR"_s));
    QVERIFY(max->toolTip().isEmpty());
    QTest::keyClicks(max, u"10"_s);
    QTRY_COMPARE(rows(), 1);
    QCOMPARE(firstId(), theirs.id);
}

void TestOrdersPage::countersCount()
{
    QTRY_COMPARE(child<QLabel>(u"awaitingPayment"_s)->text(), u"1"_s);
    QTRY_COMPARE(child<QLabel>(u"ordersPerMinute"_s)->text(), u"2"_s);
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"€50.00"_s);
    QCOMPARE(child<QLabel>(u"awaitingCapture"_s)->text(), u"0"_s);
}

void TestOrdersPage::netSalesKeepCurrenciesApart()
{
    // a yuan shop beside the euro one: all merchants' net sales show both amounts, never their sum
    const orders::Order theirs = secondMerchantOrder(u"CNY"_s, 1200, true);
    QVERIFY(!theirs.id.isNull());
    m_page = std::make_unique<OrdersPage>(m_f->client(), *m_prefs, Id{});
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(rows(), 3);
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"CN¥12.00 · €50.00"_s);
    // one merchant: its own currency only
    auto* merchant = child<QComboBox>(u"merchantFilter"_s);
    QTRY_COMPARE(merchant->count(), 3);
    merchant->setFocus();
    while (merchant->currentText() != u"Second shop"_s && merchant->currentIndex() < merchant->count() - 1)
        QTest::keyClick(merchant, Qt::Key_Down);
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"CN¥12.00"_s);
}

void TestOrdersPage::netSalesTakeOffRefunds()
{
    // the counter is named for what it counts: captured minus refunded, not gross sales
    auto* caption = child<QLabel>(u"netSalesTodayCaption"_s);
    QVERIFY(caption);
    QCOMPARE(caption->text(), u"Net sales today"_s);
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"€50.00"_s);
    auto refunded = StoreFixture::wait(m_f->client().refundPayment(m_paid.id, 1000, u"one was broken"_s, u"r-1"_s));
    QVERIFY2(refunded, qPrintable(refunded ? QString() : refunded.error().toString()));
    QTRY_COMPARE(child<QLabel>(u"netSalesToday"_s)->text(), u"€40.00"_s);
}

void TestOrdersPage::pauseHoldsNewOrders()
{
    auto* live = child<QPushButton>(u"liveButton"_s);
    QTest::mouseClick(live, Qt::LeftButton);
    QVERIFY(!m_page->model()->isLive());
    OrderSupport cy(*m_f, u"cy@example.com"_s);
    cy.place(u"EAR-1"_s, 1);
    QTRY_VERIFY(live->text().contains(u"1"_s));
    QCOMPARE(rows(), 2);
    QTest::mouseClick(live, Qt::LeftButton);
    QTRY_COMPARE(rows(), 3);
}

void TestOrdersPage::enterOpensDetail()
{
    auto* table = child<QTableView>(u"ordersTable"_s);
    table->setFocus();
    table->setCurrentIndex(m_page->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    OrderDetailDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<OrderDetailDialog*>()) != nullptr);
    QTRY_VERIFY(!dialog->detail().order.id.isNull());
    QCOMPARE(dialog->detail().order.id, m_page->model()->orderAt(0)->id);
    QVERIFY(!dialog->detail().events.isEmpty());
}

QPoint TestOrdersPage::rowCenter(int row) const
{
    auto* table = child<QTableView>(u"ordersTable"_s);
    const QRect cell = table->visualRect(table->model()->index(row, OrderListModel::Number));
    return table->viewport()->mapTo(m_page.get(), cell.center());
}

Id TestOrdersPage::orderAt(QPoint at) const
{
    auto* table = child<QTableView>(u"ordersTable"_s);
    const QModelIndex index = table->indexAt(table->viewport()->mapFrom(m_page.get(), at));
    return Id{index.siblingAtColumn(0).data(OrderListModel::IdRole).toLongLong()};
}

Id TestOrdersPage::selectedOrder() const
{
    const QModelIndexList selected = child<QTableView>(u"ordersTable"_s)->selectionModel()->selectedRows();
    return selected.size() == 1 ? Id{selected.first().data(OrderListModel::IdRole).toLongLong()} : Id{};
}

Id TestOrdersPage::openedOrder() const
{
    for (const OrderDetailDialog* d : m_page->findChildren<OrderDetailDialog*>()) {
        if (d->isVisible())
            return d->orderId();
    }
    return {};
}

void TestOrdersPage::closeDetail()
{
    for (OrderDetailDialog* d : m_page->findChildren<OrderDetailDialog*>())
        d->close();
    QTRY_VERIFY(openedOrder().isNull());
}

void TestOrdersPage::liveClickSelectsAndOpensTheChosenOrder()
{
    // a busy shop: orders arrive at 100 a second while a person picks one with the mouse
    m_f->addProduct(u"Socks"_s, {u"SOCK-1"_s}, 900, 100'000);
    OrderSupport dee(*m_f, u"dee@example.com"_s);
    LiveTraffic traffic(*m_f, dee.customerId(), u"SOCK-1"_s);
    auto* table = child<QTableView>(u"ordersTable"_s);
    QWindow* window = m_page->windowHandle();
    traffic.start();
    QTRY_VERIFY(rows() > 30); // the table runs live

    // the order under the pointer when it arrives there is the one the person chose
    const QPoint at = rowCenter(5);
    QTest::mouseMove(window, at);
    const Id chosen = orderAt(at);
    QVERIFY(!chosen.isNull());
    QTest::qWait(ReactionMs);
    humanClick(window, at);
    QCOMPARE(selectedOrder(), chosen);
    QTest::qWait(500); // more orders arrive while the person reads
    QCOMPARE(selectedOrder(), chosen);
    QCOMPARE(orderAt(at), chosen); // nothing moved under the pointer
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE(openedOrder(), chosen);
    closeDetail();

    // the table says that newer orders wait above
    auto* newer = child<QPushButton>(u"newOrdersButton"_s);
    QVERIFY(newer);
    QTRY_VERIFY(newer->isVisible());
    QVERIFY2(newer->text().contains(u"new order"_s), qPrintable(newer->text()));
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"orders-held.png"_s)));

    // another order, by double click, while orders keep arriving
    const QPoint other = rowCenter(2);
    QTest::mouseMove(window, other);
    const Id second = orderAt(other);
    QVERIFY(!second.isNull() && second != chosen);
    QTest::qWait(ReactionMs);
    humanDoubleClick(window, other);
    QTRY_COMPARE(openedOrder(), second);
    QCOMPARE(selectedOrder(), second);
    closeDetail();

    // the button jumps to the newest: the orders that waited are in, the table is live again
    const Id shownNewest = firstId();
    QTest::mouseClick(window, Qt::LeftButton, {}, newer->mapTo(m_page.get(), newer->rect().center()));
    QTRY_VERIFY(firstId() > shownNewest);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QVERIFY(!table->selectionModel()->hasSelection());
    QTRY_VERIFY(!newer->isVisible());

    traffic.stop();
    QCOMPARE(traffic.failed(), 0);
    qInfo("live traffic: %d orders, %.0f per second", traffic.placed(), traffic.perSecond());
    QVERIFY2(traffic.perSecond() >= 50, qPrintable(QString::number(traffic.perSecond())));
    QTRY_COMPARE(rows(), 2 + traffic.placed()); // every order shown, once
}

void TestOrdersPage::scrolledTableHoldsStill()
{
    m_f->addProduct(u"Socks"_s, {u"SOCK-1"_s}, 900, 100'000);
    OrderSupport dee(*m_f, u"dee@example.com"_s);
    LiveTraffic traffic(*m_f, dee.customerId(), u"SOCK-1"_s);
    auto* table = child<QTableView>(u"ordersTable"_s);
    auto* newer = child<QPushButton>(u"newOrdersButton"_s);
    QWindow* window = m_page->windowHandle();
    traffic.start();
    QTRY_VERIFY(rows() > 80);
    QVERIFY(!newer->isVisible()); // at the top with nothing chosen, the table runs live

    // a click in the scroll bar's groove pages down: the rows in view stay in view, nothing selected
    QScrollBar* bar = table->verticalScrollBar();
    QTest::mouseClick(window, Qt::LeftButton, {},
                      bar->mapTo(m_page.get(), QPoint(bar->width() / 2, bar->height() - 12)));
    QTRY_VERIFY(bar->value() > 0);
    QVERIFY(!table->selectionModel()->hasSelection());
    const QPoint top = rowCenter(table->rowAt(0));
    const Id inView = orderAt(top);
    QTest::qWait(500);
    QCOMPARE(orderAt(top), inView);
    QTRY_VERIFY(newer->isVisible());

    // back to the top by the button: the waiting orders are in, and it runs live again
    const Id shownNewest = firstId();
    QTest::mouseClick(window, Qt::LeftButton, {}, newer->mapTo(m_page.get(), newer->rect().center()));
    QTRY_VERIFY(firstId() > shownNewest);
    QCOMPARE(bar->value(), 0);
    QVERIFY(!newer->isVisible());
    const Id afterJump = firstId();
    QTRY_VERIFY(firstId() > afterJump);
    traffic.stop();
    QTRY_COMPARE(rows(), 2 + traffic.placed());
}

void TestOrdersPage::newFilterRunsLive()
{
    // a chosen row holds the table still; a new filter clears the choice, and the table runs live
    QWindow* window = m_page->windowHandle();
    humanClick(window, rowCenter(0));
    QVERIFY(!selectedOrder().isNull());
    auto* search = child<QLineEdit>(u"searchEdit"_s);
    QTest::mouseClick(window, Qt::LeftButton, {}, search->mapTo(m_page.get(), search->rect().center()));
    QTest::keyClicks(search, u"cy"_s); // customers whose email starts so: none yet
    QTRY_COMPARE(m_page->model()->filter().search, u"cy"_s);
    QTRY_VERIFY(!m_page->model()->isLoading());
    QVERIFY(selectedOrder().isNull());
    const orders::Order fresh = OrderSupport(*m_f, u"cy@example.com"_s).place(u"EAR-1"_s, 1);
    QTRY_COMPARE(firstId(), fresh.id);
    QVERIFY(!child<QPushButton>(u"newOrdersButton"_s)->isVisible());
}

void TestOrdersPage::disputeEvidenceIsSentOnce()
{
    // no dispute: the action is not offered at all
    OrderDetailDialog plain(m_f->client(), m_paid.orderId, m_page.get());
    QSignalSpy plainLoaded(&plain, &OrderDetailDialog::loaded);
    QTRY_COMPARE(plainLoaded.count(), 1);
    QVERIFY(plain.findChild<QPushButton*>(u"sendEvidenceButton"_s)->isHidden());

    auto opened =
        StoreFixture::wait(m_f->client().openDispute(m_paid.id, m_paid.capturedMinor, u"fraudulent"_s, u"d-1"_s));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    OrderDetailDialog dialog(m_f->client(), m_paid.orderId, m_page.get());
    QSignalSpy loaded(&dialog, &OrderDetailDialog::loaded);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(loaded.count(), 1);
    auto* send = dialog.findChild<QPushButton*>(u"sendEvidenceButton"_s);
    QVERIFY(send->isVisible());
    QVERIFY(send->isEnabled());

    // declined at the confirmation: nothing is sent
    Dialogs::setNextAnswer(false);
    QTest::mouseClick(send, Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(dialog.detail().disputes.first().status, payments::DisputeStatus::NeedsResponse);
    QVERIFY(send->isEnabled());

    // confirmed, and clicked twice: sent once, then the action is off
    Dialogs::setNextAnswer(true);
    QTest::mouseClick(send, Qt::LeftButton);
    QTest::mouseClick(send, Qt::LeftButton); // disabled by now: the click does nothing
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(dialog.detail().disputes.first().status, payments::DisputeStatus::UnderReview);
    QVERIFY(!send->isEnabled());
    QVERIFY(dialog.findChild<MessageBar*>()->isVisible());
    const auto evidenceEvents = std::count_if(dialog.detail().events.cbegin(), dialog.detail().events.cend(),
                                              [](const auto& e) { return e.kind.contains(u"evidence"_s); });
    QCOMPARE(evidenceEvents, 1);
}

} // namespace souk

QTEST_MAIN(souk::TestOrdersPage)
#include "TestOrdersPage.moc"
