#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/orders/OrderDetailDialog.h"
#include "views/orders/RefundDialog.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

/// The order detail as a person reads it: the customer's phone and delivery address, ledger
/// entries and timeline events in words instead of the engine's codes, actors by name and role.
class TestOrderDetailDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void showsPhoneAndDeliveryAddress();
    void customerWithoutThemGetsNoEmptyRows();
    void ledgerEntriesInWords();
    void timelineReadsAsWords();
    void refusedCaptureNeedsAttention();
    void numberNamesTheOrder();

private:
    /// A dialog on `orderId`, shown, once loaded.
    std::unique_ptr<OrderDetailDialog> open(Id orderId);
    /// Shows the tab with this title with a click on its tab, as a user would.
    static void clickTab(OrderDetailDialog& dialog, const QString& title);
    static QStringList column(QTableWidget* table, int column);

    std::unique_ptr<StoreFixture> m_f;
    orders::Customer m_customer;
    payments::Payment m_paid;
};

void TestOrderDetailDialog::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 100);
    orders::Customer c;
    c.name = u"Ana Lima"_s;
    c.email = u"ana@example.com"_s;
    c.phone = u"+351912345678"_s;
    c.addresses = {orders::Address{{}, u"home"_s, u"Rua 1"_s, u"Lisboa"_s, u"1000"_s, u"PT"_s, 38722252, -9139337}};
    auto customer = StoreFixture::wait(m_f->client().createCustomer(c, souk::test::newKey()));
    QVERIFY2(customer, qPrintable(customer ? QString() : customer.error().toString()));
    m_customer = *customer;
    OrderSupport payer(*m_f, u"payer@example.com"_s);
    auto order = StoreFixture::wait(m_f->client().createOrder(
        orders::NewOrder{m_f->merchantId(), m_customer.id, {{u"EAR-1"_s, 2}}, {}, {}}, payer.nextKey()));
    QVERIFY2(order, qPrintable(order ? QString() : order.error().toString()));
    m_paid = payer.capture(payer.authorize(order->id).id);
    QVERIFY(!m_paid.id.isNull());
}

void TestOrderDetailDialog::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

std::unique_ptr<OrderDetailDialog> TestOrderDetailDialog::open(Id orderId)
{
    auto dialog = std::make_unique<OrderDetailDialog>(m_f->client(), orderId);
    QSignalSpy loaded(dialog.get(), &OrderDetailDialog::loaded);
    dialog->show();
    // the first read may arrive while the window is being exposed
    if (!QTest::qWaitForWindowExposed(dialog.get()) || (loaded.isEmpty() && !loaded.wait(5000)))
        QTest::qFail("the order detail did not load", __FILE__, __LINE__);
    return dialog;
}

void TestOrderDetailDialog::clickTab(OrderDetailDialog& dialog, const QString& title)
{
    auto* tabs = dialog.findChild<QTabWidget*>();
    QTabBar* bar = tabs->tabBar();
    for (int i = 0; i < bar->count(); ++i) {
        if (bar->tabText(i).remove(u'&') == title) {
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
            QTRY_COMPARE(tabs->currentIndex(), i);
            return;
        }
    }
    QTest::qFail(qPrintable(u"no tab "_s + title), __FILE__, __LINE__);
}

QStringList TestOrderDetailDialog::column(QTableWidget* table, int column)
{
    QStringList cells;
    for (int r = 0; r < table->rowCount(); ++r)
        cells.append(table->item(r, column) ? table->item(r, column)->text() : QString());
    return cells;
}

void TestOrderDetailDialog::showsPhoneAndDeliveryAddress()
{
    auto dialog = open(m_paid.orderId);
    auto* phone = dialog->findChild<QLabel*>(u"customerPhone"_s);
    auto* addresses = dialog->findChild<QLabel*>(u"customerAddresses"_s);
    QVERIFY(phone->isVisible());
    QCOMPARE(phone->text(), u"+351912345678"_s);
    QVERIFY(addresses->isVisible());
    QCOMPARE(addresses->text(), u"Home: Rua 1, 1000 Lisboa, PT"_s);
}

void TestOrderDetailDialog::customerWithoutThemGetsNoEmptyRows()
{
    const orders::Order plain = OrderSupport(*m_f, u"bo@example.com"_s).place(u"EAR-1"_s, 1);
    auto dialog = open(plain.id);
    QVERIFY(!dialog->findChild<QLabel*>(u"customerPhone"_s)->isVisible());
    QVERIFY(!dialog->findChild<QLabel*>(u"customerAddresses"_s)->isVisible());
}

void TestOrderDetailDialog::ledgerEntriesInWords()
{
    auto refunded = StoreFixture::wait(m_f->client().refundPayment(m_paid.id, 1000, u"scratched"_s, u"r-1"_s));
    QVERIFY2(refunded, qPrintable(refunded ? QString() : refunded.error().toString()));
    auto dialog = open(m_paid.orderId);
    clickTab(*dialog, u"Ledger"_s);
    auto* ledger = dialog->findChild<QTableWidget*>(u"ledgerTable"_s);
    QVERIFY(ledger->isVisible());
    const QStringList entries = column(ledger, 0);
    QVERIFY2(entries.contains(u"Capture"_s) && entries.contains(u"Refund"_s), qPrintable(entries.join(u", "_s)));
    QVERIFY2(!entries.contains(u"capture"_s) && !entries.contains(u"refund"_s), qPrintable(entries.join(u", "_s)));
}

void TestOrderDetailDialog::timelineReadsAsWords()
{
    auto opened =
        StoreFixture::wait(m_f->client().openDispute(m_paid.id, m_paid.capturedMinor, u"fraudulent"_s, u"d-1"_s));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    auto dialog = open(m_paid.orderId);
    clickTab(*dialog, u"Timeline"_s);
    auto* timeline = dialog->findChild<QTableWidget*>(u"timelineTable"_s);
    const int row = column(timeline, 1).indexOf(u"Dispute opened"_s);
    QVERIFY2(row >= 0, qPrintable(column(timeline, 1).join(u", "_s)));
    QCOMPARE(timeline->item(row, 4)->text(), u"Fraudulent payment"_s); // the reason code in words
    // "tester/owner", the test store's user: the name, and the role as a word
    const QStringList actors = column(timeline, 3);
    QVERIFY2(!actors.isEmpty() &&
                 std::all_of(actors.cbegin(), actors.cend(), [](const QString& a) { return a == u"tester (Owner)"_s; }),
             qPrintable(actors.join(u", "_s)));
}

void TestOrderDetailDialog::refusedCaptureNeedsAttention()
{
    // the provider refuses the capture for good: the order detail says so in words, with the
    // provider's reason, on the payment and in the timeline
    QTRY_COMPARE(m_f->provider().captures(), 1); // the order paid in init() has reached the provider
    m_f->provider().refuseNextCalls(1, u"authorization_expired"_s);
    OrderSupport payer(*m_f, u"late@example.com"_s);
    const payments::Payment refused = payer.paidOrder(u"EAR-1"_s, 1);
    QTRY_VERIFY(StoreFixture::wait(m_f->client().orderDetail(refused.orderId))->payments.first().attention.size() > 0);
    auto dialog = open(refused.orderId);
    auto* paymentsTable = dialog->findChild<QTableWidget*>(u"paymentsTable"_s);
    QVERIFY(paymentsTable);
    const QStringList details = column(paymentsTable, 4);
    QVERIFY2(details.contains(u"Needs attention: The provider refused the capture: authorization_expired. "
                              "The money was not taken."_s),
             qPrintable(details.join(u" | "_s)));
    auto* bar = dialog->findChild<MessageBar*>();
    QVERIFY(bar && bar->isVisible());
    QVERIFY(!dialog->findChild<QPushButton*>(u"refundButton"_s)->isEnabled()); // no money to give back
    clickTab(*dialog, u"Timeline"_s);
    auto* timeline = dialog->findChild<QTableWidget*>(u"timelineTable"_s);
    QVERIFY2(column(timeline, 1).contains(u"Needs attention"_s), qPrintable(column(timeline, 1).join(u", "_s)));
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        clickTab(*dialog, u"Payments"_s);
        dialog->grab().save(dir + u"/order-needs-attention.png"_s);
        QVERIFY(souk::installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
        auto chinese = open(refused.orderId);
        chinese->grab().save(dir + u"/order-needs-attention-zh.png"_s);
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
}

void TestOrderDetailDialog::numberNamesTheOrder()
{
    // the customer's first order here is the shop's first: #1001, in the title and the header;
    // the long id stays at hand for support
    auto dialog = open(m_paid.orderId);
    QCOMPARE(dialog->windowTitle(), u"Order #1001"_s);
    auto* header = dialog->findChild<QLabel*>(u"orderHeader"_s);
    QVERIFY2(header->text().startsWith(u"<b>Order #1001</b>"_s), qPrintable(header->text()));
    QVERIFY(!header->text().contains(m_paid.orderId.toString()));
    QCOMPARE(header->toolTip(), u"Order ID %1"_s.arg(m_paid.orderId.toString()));
    // the refund names it too
    auto* refund = dialog->findChild<QPushButton*>(u"refundButton"_s);
    QVERIFY(refund->isEnabled());
    QTest::mouseClick(refund, Qt::LeftButton);
    RefundDialog* refundDialog = nullptr;
    QTRY_VERIFY((refundDialog = dialog->findChild<RefundDialog*>()) != nullptr);
    QCOMPARE(refundDialog->windowTitle(), u"Refund payment of order #1001"_s);
    refundDialog->reject();
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        dialog->grab().save(dir + u"/order-detail.png"_s);
        QVERIFY(souk::installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
        auto chinese = open(m_paid.orderId);
        QCOMPARE(chinese->windowTitle(), u"订单 #1001"_s);
        chinese->grab().save(dir + u"/order-detail-zh.png"_s);
        RefundDialog refundZh(m_f->client(), chinese->detail().order, chinese->detail().payments.first(),
                              chinese.get());
        refundZh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&refundZh));
        refundZh.grab().save(dir + u"/refund-zh.png"_s);
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
}

} // namespace souk

QTEST_MAIN(souk::TestOrderDetailDialog)
#include "TestOrderDetailDialog.moc"
