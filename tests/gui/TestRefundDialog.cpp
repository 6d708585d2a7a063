#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/orders/RefundDialog.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

/// The refund dialog with real input events on a real store: bad amounts are refused beside
/// the field with nothing refunded, and a double click refunds once.
class TestRefundDialog final : public QObject
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
    void refusesBadAmounts_data();
    void refusesBadAmounts();
    void reasonRequired();
    void doubleClickRefundsOnce();
    void declinedConfirmationRefundsNothing();

private:
    qint64 refundCount();
    void type(const QString& name, const QString& text);
    template <typename T> T* child(const QString& name) const { return m_dialog->findChild<T*>(name); }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<RefundDialog> m_dialog;
    payments::Payment m_payment;
};

void TestRefundDialog::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    OrderSupport orders(*m_f);
    m_payment = orders.paidOrder(u"EAR-1"_s, 1);
    QCOMPARE(m_payment.capturedMinor, 2500);
    m_dialog = std::make_unique<RefundDialog>(m_f->client(), m_payment);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestRefundDialog::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    Dialogs::setNextAnswer(std::nullopt);
    m_dialog.reset();
    m_f.reset();
}

qint64 TestRefundDialog::refundCount()
{
    auto n = StoreFixture::wait(m_f->client().engine().read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM refunds"_s); }));
    return n ? n->toLongLong() : -1;
}

void TestRefundDialog::type(const QString& name, const QString& text)
{
    auto* edit = child<QLineEdit>(name);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestRefundDialog::refusesBadAmounts_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("message");
    QTest::addRow("zero") << u"0"_s << u"more than zero"_s;
    QTest::addRow("negative") << u"-5"_s << u"more than zero"_s;
    QTest::addRow("letters") << u"ten"_s << u"Enter an amount"_s;
    QTest::addRow("three decimals") << u"1.005"_s << u"Enter an amount"_s;
    QTest::addRow("more than captured") << u"25.01"_s << u"At most"_s;
}

void TestRefundDialog::refusesBadAmounts()
{
    QFETCH(QString, amount);
    QFETCH(QString, message);
    QCOMPARE(child<QLabel>(u"refundableLabel"_s)->text(), u"€25.00"_s);
    type(u"amountEdit"_s, amount);
    type(u"reasonEdit"_s, u"damaged"_s);
    Dialogs::setNextAnswer(true); // must not be consumed: no question is asked for a bad amount
    QTest::mouseClick(child<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"amountError"_s)->isVisible());
    QVERIFY2(child<QLabel>(u"amountError"_s)->text().contains(message),
             qPrintable(child<QLabel>(u"amountError"_s)->text()));
    QVERIFY(Dialogs::hasPendingAnswer());
    QTest::qWait(50);
    QCOMPARE(refundCount(), 0);
    QVERIFY(m_dialog->isVisible());
}

void TestRefundDialog::reasonRequired()
{
    type(u"amountEdit"_s, u"5"_s);
    QTest::mouseClick(child<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"reasonError"_s)->isVisible());
    QCOMPARE(refundCount(), 0);
}

void TestRefundDialog::doubleClickRefundsOnce()
{
    type(u"amountEdit"_s, u"12.50"_s);
    type(u"reasonEdit"_s, u"arrived late"_s);
    Dialogs::setNextAnswer(true);
    QTest::mouseDClick(child<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QTest::qWait(50);
    QCOMPARE(refundCount(), 1);
    // the same action retried with the dialog's key replays the first refund
    auto again = StoreFixture::wait(m_f->client().refundPayment(m_payment.id, 1250, u"arrived late"_s,
                                                                m_dialog->idempotencyKey()));
    QVERIFY(again);
    QCOMPARE(refundCount(), 1);
    auto detail = StoreFixture::wait(m_f->client().orderDetail(m_payment.orderId));
    QCOMPARE(detail->order.refundedMinor, 1250);
}

void TestRefundDialog::declinedConfirmationRefundsNothing()
{
    type(u"reasonEdit"_s, u"changed mind"_s);
    Dialogs::setNextAnswer(false);
    QTest::mouseClick(child<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(refundCount(), 0);
    QVERIFY(m_dialog->isVisible());
}

} // namespace souk

QTEST_MAIN(souk::TestRefundDialog)
#include "TestRefundDialog.moc"
