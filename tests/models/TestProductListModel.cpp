#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/catalog/ProductFilterProxy.h"
#include "models/catalog/ProductListModel.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// The catalog table model on a real store: paged loading, then the change feed row by row.
class TestProductListModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsAllPages();
    void savedProductArrivesAsOneInsertedRow();
    void editChangesOnlyItsRow();
    void bulkEditUpdatesRowsWithoutReset();
    void proxyFiltersAndSortsOnRawValues();

private:
    void loadModel();

    std::unique_ptr<test::StoreFixture> m_store;
    std::unique_ptr<ProductListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestProductListModel::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    // 25 products in pages of 10: three pages
    for (int i = 0; i < 25; ++i)
        m_store->addProduct(u"Product %1"_s.arg(i, 2, 10, QChar(u'0')), {u"SKU-%1"_s.arg(i)}, 1000 + i, i % 5,
                            i % 2 ? u"Shoes"_s : u"Hats"_s);
    m_model = std::make_unique<ProductListModel>(m_store->client(), m_store->merchantId());
    m_model->setPageRows(10);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestProductListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void TestProductListModel::loadModel()
{
    QSignalSpy loading(m_model.get(), &ProductListModel::loadingChanged);
    m_model->load();
    QTRY_COMPARE(m_model->rowCount(), 25);
    QTRY_VERIFY(!m_model->isLoading());
    QCOMPARE(loading.count(), 2);
}

void TestProductListModel::loadsAllPages()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy firstShown(m_model.get(), &ProductListModel::firstRowsShown);
    loadModel();
    QCOMPARE(firstShown.count(), 1);
    QCOMPARE(inserted.count(), 3); // one insert per page
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QCOMPARE(reset.count(), 0);

    const int row = m_model->rowOf(m_model->summaryAt(3)->id);
    QCOMPARE(row, 3);
    const QModelIndex price = m_model->index(row, ProductListModel::Price);
    QCOMPARE(price.data(ProductListModel::RawRole).toLongLong(), m_model->summaryAt(row)->priceMinMinor);
    QVERIFY(price.data().toString().contains(u"€"_s));
    QCOMPARE(m_model->index(row, ProductListModel::Title).data(ProductListModel::IdRole).toLongLong(),
             m_model->summaryAt(row)->id.value);
}

void TestProductListModel::savedProductArrivesAsOneInsertedRow()
{
    loadModel();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const catalog::Product saved = m_store->addProduct(u"Fresh"_s, {u"FRESH-1"_s}, 4200);
    QTRY_COMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 25);
    QCOMPARE(inserted.at(0).at(2).toInt(), 25);
    QCOMPARE(m_model->rowCount(), 26);
    QCOMPARE(m_model->summaryAt(25)->id, saved.id);
    QCOMPARE(m_model->index(25, ProductListModel::Title).data().toString(), u"Fresh"_s);
    QCOMPARE(reset.count(), 0);
}

void TestProductListModel::editChangesOnlyItsRow()
{
    loadModel();
    const Id id = m_model->summaryAt(7)->id;
    auto product = test::StoreFixture::wait(m_store->client().product(id));
    QVERIFY(product);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    catalog::Product edited = product.value();
    edited.title = u"Renamed"_s;
    QVERIFY(test::StoreFixture::wait(m_store->client().saveProduct(edited)));
    QTRY_VERIFY(changed.count() >= 1);
    QTest::qWait(50); // nothing else may follow
    for (const QList<QVariant>& args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), 7);
        QCOMPARE(args.at(1).toModelIndex().row(), 7);
    }
    QCOMPARE(m_model->index(7, ProductListModel::Title).data().toString(), u"Renamed"_s);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestProductListModel::bulkEditUpdatesRowsWithoutReset()
{
    loadModel();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    catalog::BulkEdit edit;
    edit.merchantId = m_store->merchantId();
    edit.productIds = m_model->idsOfRows({2, 4});
    edit.kind = catalog::BulkEdit::Kind::SetStatus;
    edit.status = catalog::ProductStatus::Archived;
    QVERIFY(test::StoreFixture::wait(m_store->client().bulkEdit(edit, souk::test::newKey())));
    QTRY_COMPARE(m_model->summaryAt(4)->status, catalog::ProductStatus::Archived);
    QCOMPARE(m_model->summaryAt(2)->status, catalog::ProductStatus::Archived);
    QCOMPARE(m_model->summaryAt(3)->status, catalog::ProductStatus::Active);
    QCOMPARE(reset.count(), 0);
    for (const QList<QVariant>& args : std::as_const(changed))
        QVERIFY(QList<int>({2, 4}).contains(args.at(0).toModelIndex().row()));
}

void TestProductListModel::proxyFiltersAndSortsOnRawValues()
{
    loadModel();
    ProductFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    ProductFilter filter;
    filter.setCategory(u"Shoes"_s);
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), 12);
    proxy.sort(ProductListModel::Price, Qt::DescendingOrder);
    const qint64 first = proxy.index(0, ProductListModel::Price).data(ProductListModel::RawRole).toLongLong();
    const qint64 last = proxy.index(11, ProductListModel::Price).data(ProductListModel::RawRole).toLongLong();
    QCOMPARE(first, 1023); // the odd products (1001 … 1023) are the shoes
    QCOMPARE(last, 1001);
}

QTEST_GUILESS_MAIN(TestProductListModel)
#include "TestProductListModel.moc"
