#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "models/catalog/ProductFilterProxy.h"
#include "models/catalog/ProductListModel.h"
#include "models/common/Prefs.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/catalog/BulkEditDialog.h"
#include "views/catalog/CatalogPage.h"
#include "views/catalog/ProductEditor.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// The catalog page on a real store, driven with real key and mouse events.
class TestCatalogPage final : public QObject
{
    Q_OBJECT

private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void searchFindsProduct();
    void statusFilter();
    void bulkPriceChangeAndUndo();
    void bulkEditNeedsSelection();
    void productEditUndoneFromPage();
    void newCategoryAppearsUnderSteadyTraffic();

private:
    template <typename T> T* child(const QString& name) const
    {
        T* widget = m_page->findChild<T*>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }
    void selectRows(int first, int last);
    qint64 priceOf(Id productId) const;

    std::unique_ptr<test::StoreFixture> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Prefs> m_prefs;
    std::unique_ptr<CatalogPage> m_page;
    QList<catalog::Product> m_products;
};

void TestCatalogPage::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    m_dir = std::make_unique<QTemporaryDir>();
    m_prefs = std::make_unique<Prefs>(m_dir->filePath(u"souk.ini"_s));
    m_products = {
        m_store->addProduct(u"Alpha linen shirt"_s, {u"SHIRT-S"_s, u"SHIRT-M"_s}, 2500, 5, u"Shirts"_s),
        m_store->addProduct(u"Bravo straw hat"_s, {u"HAT-1"_s}, 1500, 2, u"Hats"_s),
        m_store->addProduct(u"Charlie wool scarf"_s, {u"SCARF-1"_s}, 1999, 0, u"Scarves"_s),
        m_store->addProduct(u"Delta canvas bag"_s, {u"BAG-1"_s}, 4000, 9, u"Bags"_s),
    };
    catalog::Product draft;
    draft.merchantId = m_store->merchantId();
    draft.title = u"Echo draft sandal"_s;
    draft.status = catalog::ProductStatus::Draft;
    catalog::Variant v;
    v.sku = u"SANDAL-1"_s;
    v.price = m_store->money(3000);
    draft.variants = {v};
    QVERIFY(test::StoreFixture::wait(m_store->client().saveProduct(draft)));

    m_page = std::make_unique<CatalogPage>(m_store->client(), *m_prefs, m_store->merchantId());
    m_page->resize(1100, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(m_page->model()->rowCount(), 5);
    QTRY_VERIFY(m_page->currency().isValid());
}

void TestCatalogPage::cleanup()
{
    Dialogs::setNextAnswer(std::nullopt);
    m_page.reset();
    m_prefs.reset();
    m_dir.reset();
    m_store.reset();
}

void TestCatalogPage::searchFindsProduct()
{
    auto* search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClick(m_page.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"straw"_s);
    QTRY_COMPARE(m_page->proxy()->rowCount(), 1);
    QCOMPARE(m_page->proxy()->index(0, ProductListModel::Title).data().toString(), u"Bravo straw hat"_s);
    QVERIFY(child<QLabel>(u"countLabel"_s)->text().startsWith(u"1 of 5"_s));

    // by SKU too
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(search, u"SCARF"_s);
    QTRY_COMPARE(m_page->proxy()->index(0, ProductListModel::Sku).data().toString(), u"SCARF-1"_s);
    QCOMPARE(m_page->proxy()->rowCount(), 1);

    // clearing the text shows everything again
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(search, Qt::Key_Backspace);
    QTRY_COMPARE(m_page->proxy()->rowCount(), 5);
    QCOMPARE(child<QLabel>(u"countLabel"_s)->text(), u"5 products"_s);
}

void TestCatalogPage::statusFilter()
{
    auto* status = child<QComboBox>(u"statusFilter"_s);
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down); // Active
    QTRY_COMPARE(m_page->proxy()->rowCount(), 4);
    QTest::keyClick(status, Qt::Key_Down); // Draft
    QTRY_COMPARE(m_page->proxy()->rowCount(), 1);
    QCOMPARE(m_page->proxy()->index(0, ProductListModel::Title).data().toString(), u"Echo draft sandal"_s);

    QTest::mouseClick(child<QCheckBox>(u"lowStockFilter"_s), Qt::LeftButton);
    QTest::keyClick(status, Qt::Key_Home); // all statuses, low stock only
    int lowStock = 0;
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        lowStock += m_page->model()->summaryAt(row)->lowStock ? 1 : 0;
    QTRY_COMPARE(m_page->proxy()->rowCount(), lowStock);
}

void TestCatalogPage::selectRows(int first, int last)
{
    auto* table = child<QTableView>(u"productTable"_s);
    table->sortByColumn(ProductListModel::Title, Qt::AscendingOrder);
    const QRect a = table->visualRect(m_page->proxy()->index(first, ProductListModel::Title));
    const QRect b = table->visualRect(m_page->proxy()->index(last, ProductListModel::Title));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, a.center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier, b.center());
    QCOMPARE(table->selectionModel()->selectedRows().size(), last - first + 1);
}

qint64 TestCatalogPage::priceOf(Id productId) const
{
    const auto product = test::StoreFixture::wait(m_store->client().product(productId));
    return product ? product->variants.first().price.minor() : -1;
}

void TestCatalogPage::bulkPriceChangeAndUndo()
{
    selectRows(0, 1); // Alpha (2 variants at 25.00) and Bravo (15.00)
    auto* bulk = child<QPushButton>(u"bulkEditButton"_s);
    QTRY_VERIFY(bulk->isEnabled());
    QTest::mouseClick(bulk, Qt::LeftButton);
    BulkEditDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<BulkEditDialog*>(u"bulkEditDialog"_s)) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    auto* action = dialog->findChild<QComboBox*>(u"actionCombo"_s);
    action->setFocus();
    QTest::keyClick(action, Qt::Key_End); // Change price by percent
    QCOMPARE(action->currentIndex(), 3);
    auto* value = dialog->findChild<QLineEdit*>(u"valueEdit"_s);
    QTest::keyClicks(value, u"ten"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"applyButton"_s), Qt::LeftButton);
    QVERIFY(dialog->findChild<QLabel*>(u"valueError"_s)->isVisible()); // refused inline
    QVERIFY(dialog->isVisible());
    value->clear();
    QTest::keyClicks(value, u"10"_s);
    QVERIFY(!dialog->findChild<QLabel*>(u"valueError"_s)->isVisible());

    Dialogs::setNextAnswer(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"applyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!Dialogs::hasPendingAnswer()); // the question was asked
    QTRY_COMPARE(priceOf(m_products[0].id), 2750);
    QCOMPARE(priceOf(m_products[1].id), 1650);
    QCOMPARE(priceOf(m_products[2].id), 1999); // not selected
    auto* bar = m_page->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->hasAction());
    QVERIFY2(bar->headline().contains(u"3 variants in 2 products"_s), qPrintable(bar->headline()));
    QTRY_VERIFY(m_page->canUndo());

    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
    QTRY_COMPARE(priceOf(m_products[0].id), 2500);
    QCOMPARE(priceOf(m_products[1].id), 1500);
    QTRY_VERIFY(bar->headline().startsWith(u"Undid"_s));
    QVERIFY(!m_page->canUndo());
}

void TestCatalogPage::bulkEditNeedsSelection()
{
    auto* bulk = child<QPushButton>(u"bulkEditButton"_s);
    QVERIFY(!bulk->isEnabled());
    selectRows(2, 2);
    QVERIFY(bulk->isEnabled());
    // a declined confirmation changes nothing
    QTest::mouseClick(bulk, Qt::LeftButton);
    BulkEditDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<BulkEditDialog*>(u"bulkEditDialog"_s)) && dialog->isVisible());
    auto* action = dialog->findChild<QComboBox*>(u"actionCombo"_s);
    action->setFocus();
    QTest::keyClick(action, Qt::Key_Down);
    QTest::keyClick(action, Qt::Key_Down); // by amount
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"valueEdit"_s), u"1.00"_s);
    Dialogs::setNextAnswer(false);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"applyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!Dialogs::hasPendingAnswer());
    QTest::qWait(50);
    QCOMPARE(priceOf(m_products[2].id), 1999);
    QVERIFY(!m_page->canUndo());
}

void TestCatalogPage::productEditUndoneFromPage()
{
    // Enter on a row opens the editor; the title is changed and saved with the keyboard
    selectRows(1, 1); // Bravo straw hat
    auto* table = child<QTableView>(u"productTable"_s);
    QTest::keyClick(table, Qt::Key_Return);
    ProductEditor* editor = nullptr;
    QTRY_VERIFY((editor = m_page->findChild<ProductEditor*>()) && editor->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    auto* title = editor->findChild<QLineEdit*>(u"titleEdit"_s);
    QTRY_COMPARE(title->text(), u"Bravo straw hat"_s);
    title->setFocus();
    QTest::keyClick(title, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(title, u"Bravo wide straw hat"_s);
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    const auto titleOf = [this](Id id) { return test::StoreFixture::wait(m_store->client().product(id))->title; };
    QTRY_COMPARE(titleOf(m_products[1].id), u"Bravo wide straw hat"_s);

    // the page offers the undo as it does a bulk edit's, also once the editor is closed
    auto* bar = m_page->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->hasAction());
    QVERIFY2(bar->headline().contains(u"Saved \u201cBravo wide straw hat\u201d"_s), qPrintable(bar->headline()));
    QVERIFY(m_page->canUndo());
    QCOMPARE(m_page->undoActionText(), u"&Undo Product Edit"_s);
    QTest::mouseClick(editor->findChild<QPushButton*>(u"closeButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<ProductEditor*>());

    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
    QTRY_COMPARE(titleOf(m_products[1].id), u"Bravo straw hat"_s);
    QTRY_VERIFY2(bar->headline().startsWith(u"Undid the changes to \u201cBravo straw hat\u201d"_s),
                 qPrintable(bar->headline()));
    QVERIFY(!m_page->canUndo());
    QCOMPARE(m_page->undoActionText(), u"&Undo Bulk Edit"_s);
}

void TestCatalogPage::newCategoryAppearsUnderSteadyTraffic()
{
    // orders change their products' stock all the time; the category filter must still learn
    // of a new category within its refresh delay, not once the traffic stops
    QTimer traffic;
    traffic.setInterval(100);
    connect(&traffic, &QTimer::timeout, this, [this] {
        emit m_store->client().changed({Change{0, u"product"_s, Id{1}, 1, ChangeOp::Updated, u"t/t"_s, 0}});
    });
    traffic.start();
    m_store->addProduct(u"Foxtrot belt"_s, {u"BELT-1"_s}, 1200, 3, u"Belts"_s);
    auto* category = child<QComboBox>(u"categoryFilter"_s);
    QTRY_VERIFY_WITH_TIMEOUT(category->findData(u"Belts"_s) >= 0, 1500);
    traffic.stop();
}

QTEST_MAIN(TestCatalogPage)
#include "TestCatalogPage.moc"
