#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/inventory/AdjustStockDialog.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

class TestAdjustStockDialog final : public QObject
{
    Q_OBJECT
private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void adjustedNeedsReason();
    void receivesFive();
    void enterApplies();
    void refusesTakingMoreThanOnHand();
    void receivedMustBePositive();
    void showsVersionConflict();
    void eachDialogSendsOneScopedKey();

private:
    catalog::StockLevel currentLevel();
    qint64 movementCount();
    /// The stock adjustments' idempotency keys as stored, in order.
    QStringList storedKeys();
    void open();
    void chooseKind(catalog::MovementKind kind);
    template <typename T> T* child(const QString& name) const
    {
        T* widget = m_dialog->findChild<T*>(name);
        if (widget == nullptr)
            qFatal("missing child %s", qPrintable(name));
        return widget;
    }

    std::unique_ptr<StoreFixture> m_store;
    Id m_productId;
    Id m_variantId;
    std::unique_ptr<AdjustStockDialog> m_dialog;
};

void TestAdjustStockDialog::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
    const auto product = m_store->addProduct(u"Basic tee"_s, {u"TEE-M"_s}, 1990, 5);
    m_productId = product.id;
    m_variantId = product.variants[0].id;
}

void TestAdjustStockDialog::cleanup()
{
    m_dialog.reset();
    m_store.reset();
}

catalog::StockLevel TestAdjustStockDialog::currentLevel()
{
    auto levels = StoreFixture::wait(m_store->client().stockLevels(m_productId));
    return levels && !levels->isEmpty() ? levels->first() : catalog::StockLevel{};
}

qint64 TestAdjustStockDialog::movementCount()
{
    return StoreFixture::wait(m_store->client().movements(m_variantId, 100))->size();
}

QStringList TestAdjustStockDialog::storedKeys()
{
    auto keys =
        StoreFixture::wait(m_store->client().engine().read<QStringList>([](QSqlDatabase& db) -> Result<QStringList> {
            QSqlQuery q(db);
            q.prepare(u"SELECT key FROM idempotency_keys WHERE command = 'adjust_stock' ORDER BY created_ms, key"_s);
            if (auto s = store::exec(q, u"reading idempotency keys"_s); !s)
                return s.error();
            QStringList out;
            while (q.next())
                out.append(q.value(0).toString());
            return out;
        }));
    return keys ? *keys : QStringList{u"unreadable"_s};
}

void TestAdjustStockDialog::open()
{
    m_dialog = std::make_unique<AdjustStockDialog>(m_store->client(), currentLevel());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestAdjustStockDialog::chooseKind(catalog::MovementKind kind)
{
    auto* combo = child<QComboBox>(u"kindCombo"_s);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    while (combo->currentData().toInt() != int(kind) && combo->currentIndex() < combo->count() - 1)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toInt(), int(kind));
}

void TestAdjustStockDialog::adjustedNeedsReason()
{
    open();
    chooseKind(catalog::MovementKind::Adjusted);
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"-2"_s);
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"reasonError"_s)->isVisible());
    QVERIFY(!child<QLabel>(u"quantityError"_s)->isVisible());
    QVERIFY(child<QLineEdit>(u"reasonEdit"_s)->hasFocus());
    QVERIFY(m_dialog->isVisible());
    QTest::qWait(50);
    QCOMPARE(currentLevel().onHand, 5);
    QCOMPARE(movementCount(), 1);

    // typing a reason clears the error and the adjustment goes through
    QTest::keyClicks(child<QLineEdit>(u"reasonEdit"_s), u"counted"_s);
    QVERIFY(!child<QLabel>(u"reasonError"_s)->isVisible());
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(currentLevel().onHand, 3);
}

void TestAdjustStockDialog::receivesFive()
{
    open();
    QCOMPARE(child<QComboBox>(u"kindCombo"_s)->currentData().toInt(), int(catalog::MovementKind::Received));
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"5"_s);
    QVERIFY(child<QLabel>(u"resultLabel"_s)->text().contains(u"10 on hand"_s));
    auto* apply = child<QPushButton>(u"applyButton"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(!apply->isEnabled()); // no double submit while the engine works
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->resultLevel().onHand, 10);
    QCOMPARE(currentLevel().onHand, 10);
    QCOMPARE(movementCount(), 2);
}

void TestAdjustStockDialog::enterApplies()
{
    open();
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"+2"_s);
    QTest::keyClick(child<QLineEdit>(u"quantityEdit"_s), Qt::Key_Return);
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(currentLevel().onHand, 7);
}

void TestAdjustStockDialog::refusesTakingMoreThanOnHand()
{
    open();
    chooseKind(catalog::MovementKind::Adjusted);
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"-9"_s);
    QTest::keyClicks(child<QLineEdit>(u"reasonEdit"_s), u"broken"_s);
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"quantityError"_s)->isVisible());
    QVERIFY(child<QLabel>(u"quantityError"_s)->text().contains(u"Only 5 on hand"_s));
    QVERIFY(child<QLineEdit>(u"quantityEdit"_s)->hasFocus());
    QVERIFY(m_dialog->isVisible());
    QTest::qWait(50);
    QCOMPARE(currentLevel().onHand, 5);
    QCOMPARE(movementCount(), 1);
}

void TestAdjustStockDialog::receivedMustBePositive()
{
    open();
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"-1"_s);
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"quantityError"_s)->isVisible());
    QTest::qWait(50);
    QCOMPARE(movementCount(), 1);
}

void TestAdjustStockDialog::showsVersionConflict()
{
    open();
    // someone else receives stock after the dialog opened
    QVERIFY(StoreFixture::wait(m_store->client().adjustStock(
                                   catalog::StockAdjustment{m_variantId, m_store->locationId(),
                                                            catalog::MovementKind::Received, 1, u"elsewhere"_s, -1},
                                   souk::test::newKey()))
                .ok());
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"5"_s);
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    auto* bar = child<MessageBar>(u"messageBar"_s);
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(bar->headline().contains(u"changed since you opened"_s));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!child<QPushButton>(u"applyButton"_s)->isEnabled());
    QCOMPARE(currentLevel().onHand, 6);
    QCOMPARE(movementCount(), 2);
}

void TestAdjustStockDialog::eachDialogSendsOneScopedKey()
{
    const QStringList before = storedKeys(); // the fixture's receipt
    open();
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"4"_s);
    auto* apply = child<QPushButton>(u"applyButton"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTest::mouseClick(apply, Qt::LeftButton); // a double click
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(currentLevel().onHand, 9);
    QCOMPARE(movementCount(), 2);
    QStringList keys = storedKeys();
    QCOMPARE(keys.size(), before.size() + 1);
    // the key is the merchant's and the signed-in user's
    const QString prefix = m_store->merchantId().toString() + u"/tester/adjust-stock-"_s;
    for (const QString& k : before)
        keys.removeOne(k);
    QVERIFY2(keys.first().startsWith(prefix), qPrintable(keys.first()));

    open(); // another dialog is another user action: a key of its own
    QTest::keyClicks(child<QLineEdit>(u"quantityEdit"_s), u"4"_s);
    QTest::mouseClick(child<QPushButton>(u"applyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(currentLevel().onHand, 13);
    QCOMPARE(storedKeys().size(), before.size() + 2);
}

} // namespace souk

QTEST_MAIN(souk::TestAdjustStockDialog)
#include "TestAdjustStockDialog.moc"
