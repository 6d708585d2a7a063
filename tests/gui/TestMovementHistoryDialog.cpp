#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/inventory/MovementHistoryDialog.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

class TestMovementHistoryDialog final : public QObject
{
    Q_OBJECT
private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void showsHistoryLive();
    void showsEmptyState();
    void closesWithEscape();

private:
    std::unique_ptr<StoreFixture> m_store;
};

void TestMovementHistoryDialog::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestMovementHistoryDialog::cleanup()
{
    m_store.reset();
}

void TestMovementHistoryDialog::showsHistoryLive()
{
    const auto product = m_store->addProduct(u"Basic tee"_s, {u"TEE-M"_s}, 1990, 5);
    const Id variant = product.variants[0].id;
    MovementHistoryDialog dialog(m_store->client(), variant, u"TEE-M"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.objectName(), u"movementHistoryDialog"_s);
    auto* table = dialog.findChild<QTableView*>(u"movementTable"_s);
    QVERIFY(table != nullptr);
    QTRY_VERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 2).data().toString(), u"+5"_s);

    QVERIFY(StoreFixture::wait(m_store->client().adjustStock(catalog::StockAdjustment{variant, m_store->locationId(),
                                                                                      catalog::MovementKind::Adjusted,
                                                                                      -1, u"counted"_s, -1},
                                                             souk::test::newKey()))
                .ok());
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, 2).data().toString(), u"\u22121"_s);
    QCOMPARE(dialog.findChild<QLabel*>(u"countLabel"_s)->text(), u"2 movements"_s);
}

void TestMovementHistoryDialog::showsEmptyState()
{
    const auto product = m_store->addProduct(u"Mug"_s, {u"MUG-1"_s}, 950, 0);
    MovementHistoryDialog dialog(m_store->client(), product.variants[0].id, u"MUG-1"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* empty = dialog.findChild<QLabel*>(u"emptyLabel"_s);
    QTRY_COMPARE(empty->text(), u"No stock has moved for this SKU yet."_s);
    QVERIFY(empty->isVisible());
    QVERIFY(!dialog.findChild<QTableView*>(u"movementTable"_s)->isVisible());
}

void TestMovementHistoryDialog::closesWithEscape()
{
    const auto product = m_store->addProduct(u"Mug"_s, {u"MUG-1"_s}, 950, 1);
    MovementHistoryDialog dialog(m_store->client(), product.variants[0].id, u"MUG-1"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
}

} // namespace souk

QTEST_MAIN(souk::TestMovementHistoryDialog)
#include "TestMovementHistoryDialog.moc"
