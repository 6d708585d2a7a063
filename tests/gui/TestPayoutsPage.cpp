#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/payments/PayoutsPage.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

/// The payouts page with real input events on a real store: it shows what is owed, follows new
/// captures by itself, pays out once however often it is clicked, and reports a payout the
/// store refuses without changing anything.
class TestPayoutsPage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // amounts as "€45.00"
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void paysOutOnce();
    void followsNewCaptures();
    void refusedPayoutChangesNothing();
    void paysWhatWasConfirmed();
    void saysWhatTheMerchantOwes();

private:
    void open();
    QString owedText() const { return m_page->findChild<QLabel*>(u"owedLabel"_s)->text(); }
    QPushButton* payOut() const { return m_page->findChild<QPushButton*>(u"payOutButton"_s); }
    int payoutRows() const { return m_page->findChild<QTableWidget*>(u"payoutsTable"_s)->rowCount(); }
    qsizetype storedPayouts() { return StoreFixture::wait(m_f->client().payouts(m_f->merchantId()))->size(); }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
    std::unique_ptr<PayoutsPage> m_page;
};

void TestPayoutsPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    // no tax, 10 % commission: an order of two pays the merchant €45.00
    QVERIFY(StoreFixture::wait(m_f->client().setMerchantTerms(
        orders::MerchantTerms{m_f->merchantId(), 0, 1000, 0, 0, 30, 0}, souk::test::newKey())));
    m_orders = std::make_unique<OrderSupport>(*m_f);
}

void TestPayoutsPage::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    Dialogs::setNextAnswer(std::nullopt);
    m_page.reset();
    m_orders.reset();
    m_f.reset();
}

void TestPayoutsPage::open()
{
    m_page = std::make_unique<PayoutsPage>(m_f->client(), m_f->merchantId());
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY(!owedText().startsWith(u"Loading"_s));
}

void TestPayoutsPage::paysOutOnce()
{
    m_orders->paidOrder(u"EAR-1"_s, 2);
    open();
    QCOMPARE(owedText(), u"Owed to you now: <b>€45.00</b>"_s);
    QVERIFY(payOut()->isEnabled());
    QVERIFY(m_page->findChild<QLabel*>(u"noPayoutsLabel"_s)->isVisible());

    Dialogs::setNextAnswer(false); // declined: nothing is paid
    QTest::mouseClick(payOut(), Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(storedPayouts(), 0);
    QVERIFY(payOut()->isEnabled());

    Dialogs::setNextAnswer(true);
    QTest::mouseClick(payOut(), Qt::LeftButton);
    QTest::mouseClick(payOut(), Qt::LeftButton); // disabled by now: does nothing
    QTRY_COMPARE(payoutRows(), 1);
    QTRY_COMPARE(owedText(), u"Nothing is owed to you now."_s);
    QCOMPARE(storedPayouts(), 1);
    QCOMPARE(m_page->history().first().amountMinor, 4500);
    QVERIFY(!payOut()->isEnabled());
    QVERIFY(m_page->findChild<MessageBar*>()->isVisible());
    QVERIFY(!m_page->findChild<QLabel*>(u"noPayoutsLabel"_s)->isVisible());
    QVERIFY(m_page->findChild<QTableWidget*>(u"payoutsTable"_s)->isVisible());
}

void TestPayoutsPage::followsNewCaptures()
{
    open();
    QCOMPARE(owedText(), u"Nothing is owed to you now."_s);
    QVERIFY(!payOut()->isEnabled());
    m_orders->paidOrder(u"EAR-1"_s, 2); // through the engine, not the page
    QTRY_COMPARE(owedText(), u"Owed to you now: <b>€45.00</b>"_s);
    QVERIFY(payOut()->isEnabled());

    // steady traffic: changes every 100 ms must not put the re-read off until they stop
    QTimer traffic;
    traffic.setInterval(100);
    connect(&traffic, &QTimer::timeout, this, [this] {
        emit m_f->client().changed({Change{0, u"payment"_s, Id{1}, 1, ChangeOp::Updated, u"t/t"_s, 0}});
    });
    traffic.start();
    m_orders->paidOrder(u"EAR-1"_s, 2);
    QTRY_COMPARE_WITH_TIMEOUT(owedText(), u"Owed to you now: <b>€90.00</b>"_s, 1500);
    traffic.stop();

    // hidden, it reads nothing; shown again, it reads once
    m_page->hide();
    m_orders->paidOrder(u"EAR-1"_s, 2);
    QTest::qWait(500);
    QCOMPARE(owedText(), u"Owed to you now: <b>€90.00</b>"_s);
    m_page->show();
    QTRY_COMPARE(owedText(), u"Owed to you now: <b>€135.00</b>"_s);
}

void TestPayoutsPage::refusedPayoutChangesNothing()
{
    m_orders->paidOrder(u"EAR-1"_s, 2);
    open();
    QVERIFY(payOut()->isEnabled());
    // another console pays out first; this page still shows the old balance for a moment
    QVERIFY(StoreFixture::wait(m_f->client().payout(m_f->merchantId(), {}, u"elsewhere"_s)));
    Dialogs::setNextAnswer(true);
    QTest::mouseClick(payOut(), Qt::LeftButton);
    auto* bar = m_page->findChild<MessageBar*>();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->details().contains(u"only 0 is owed now"_s), qPrintable(bar->headline() + u" / "_s + bar->details()));
    QVERIFY2(bar->headline().startsWith(u"Nothing was paid out"_s), qPrintable(bar->headline()));
    QCOMPARE(storedPayouts(), 1);                               // only the other console's
    QTRY_COMPARE(owedText(), u"Nothing is owed to you now."_s); // then it catches up
}

void TestPayoutsPage::paysWhatWasConfirmed()
{
    m_orders->paidOrder(u"EAR-1"_s, 2);
    open();
    QCOMPARE(owedText(), u"Owed to you now: <b>€45.00</b>"_s);
    // another sale is captured after the page read the balance and (usually) before it reads
    // again, 300 ms later: the payout is what the page showed when clicked, never more
    m_orders->paidOrder(u"EAR-1"_s, 2);
    const bool reRead = owedText() != u"Owed to you now: <b>€45.00</b>"_s; // a slow machine
    Dialogs::setNextAnswer(true);
    QTest::mouseClick(payOut(), Qt::LeftButton);
    QTRY_COMPARE(storedPayouts(), 1);
    QCOMPARE(StoreFixture::wait(m_f->client().payouts(m_f->merchantId()))->first().amountMinor, reRead ? 9000 : 4500);
    QTRY_COMPARE(owedText(), reRead ? u"Nothing is owed to you now."_s : u"Owed to you now: <b>€45.00</b>"_s);
}

void TestPayoutsPage::saysWhatTheMerchantOwes()
{
    // refunded in full after capture: the commission stays with the marketplace, so the
    // merchant owes it back
    const payments::Payment p = m_orders->paidOrder(u"EAR-1"_s, 2);
    QVERIFY(StoreFixture::wait(m_f->client().refundPayment(p.id, p.capturedMinor, u"returned"_s, u"r-1"_s)));
    open();
    QCOMPARE(owedText(), u"Nothing is owed to you now.<br>You owe the marketplace <b>€5.00</b>: refunds and lost "
                         "disputes exceed your sales."_s);
    QVERIFY(!payOut()->isEnabled());
}

} // namespace souk

QTEST_MAIN(souk::TestPayoutsPage)
#include "TestPayoutsPage.moc"
