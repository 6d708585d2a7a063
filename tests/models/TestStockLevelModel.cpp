#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include "models/inventory/StockLevelModel.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

class TestStockLevelModel final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void loadsOneRowPerVariantAndLocation();
    void adjustmentUpdatesExactlyOneRow();
    void flagsLowStock();
    void ignoresOtherProducts();
    void setProductResets();

private:
    catalog::StockAdjustment receive(Id variantId, qint64 delta) const;
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<StockLevelModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestStockLevelModel::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
    m_model = std::make_unique<StockLevelModel>(m_store->client());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestStockLevelModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

catalog::StockAdjustment TestStockLevelModel::receive(Id variantId, qint64 delta) const
{
    return catalog::StockAdjustment{variantId, m_store->locationId(), catalog::MovementKind::Received, delta, u"test"_s,
                                    -1};
}

void TestStockLevelModel::loadsOneRowPerVariantAndLocation()
{
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s, u"TEE-M"_s}, 1990, 5);
    QSignalSpy loaded(m_model.get(), &StockLevelModel::loaded);
    m_model->setProduct(product.id);
    QVERIFY(m_model->isLoading());
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(StockLevelModel::ColumnCount));
    QStringList skus;
    for (int row = 0; row < 2; ++row) {
        skus << m_model->index(row, StockLevelModel::Sku).data().toString();
        QCOMPARE(m_model->index(row, StockLevelModel::Location).data().toString(), u"Main warehouse"_s);
        QCOMPARE(m_model->index(row, StockLevelModel::OnHand).data(StockLevelModel::RawRole).toLongLong(), 5);
        QCOMPARE(m_model->index(row, StockLevelModel::Available).data().toString(), u"5"_s);
        const auto level = m_model->index(row, 0).data(StockLevelModel::LevelRole).value<catalog::StockLevel>();
        QCOMPARE(level.sku, m_model->level(row).sku);
        QCOMPARE(level.onHand, 5);
    }
    skus.sort();
    QCOMPARE(skus, (QStringList{u"TEE-M"_s, u"TEE-S"_s}));
    QCOMPARE(m_model->headerData(StockLevelModel::OnHand, Qt::Horizontal).toString(), u"On hand"_s);
    QCOMPARE(m_model->level(99).sku, QString());
}

void TestStockLevelModel::adjustmentUpdatesExactlyOneRow()
{
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s, u"TEE-M"_s, u"TEE-L"_s}, 1990, 5);
    m_model->setProduct(product.id);
    QTRY_COMPARE(m_model->rowCount(), 3);
    int row = -1;
    for (int r = 0; r < 3; ++r) {
        if (m_model->level(r).sku == u"TEE-M"_s)
            row = r;
    }
    QVERIFY(row >= 0);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

    QVERIFY(StoreFixture::wait(
                m_store->client().adjustStock(receive(m_model->level(row).variantId, 3), souk::test::newKey()))
                .ok());

    QTRY_COMPARE(changed.count(), 1);
    QTest::qWait(50); // nothing else may follow
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.first().at(0).toModelIndex();
    const auto bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft.row(), row);
    QCOMPARE(bottomRight.row(), row);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), StockLevelModel::ColumnCount - 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_model->level(row).onHand, 8);
    QCOMPARE(m_model->index(row, StockLevelModel::OnHand).data().toString(), u"8"_s);
}

void TestStockLevelModel::flagsLowStock()
{
    auto product = m_store->addProduct(u"Mug"_s, {u"MUG-1"_s, u"MUG-2"_s}, 950, 4);
    auto fresh = StoreFixture::wait(m_store->client().product(product.id));
    QVERIFY(fresh.ok());
    catalog::Product edited = fresh.value();
    edited.variants[0].lowStockThreshold = 4; // 4 available: at the threshold, flagged
    edited.variants[1].lowStockThreshold = 3; // 4 available: above it
    QVERIFY(StoreFixture::wait(m_store->client().saveProduct(edited)).ok());

    m_model->setProduct(product.id);
    QTRY_COMPARE(m_model->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const bool low = m_model->level(row).sku == u"MUG-1"_s;
        QCOMPARE(m_model->index(row, 0).data(StockLevelModel::LowStockRole).toBool(), low);
        QCOMPARE(m_model->index(row, 0).data(Qt::ForegroundRole).isValid(), low);
        QCOMPARE(m_model->index(row, StockLevelModel::Available).data(Qt::ToolTipRole).isValid(), low);
    }
    QVERIFY(!StockLevelModel::isLowStock(catalog::StockLevel{{}, {}, {}, {}, 0, 0, 0, 0})); // no threshold
}

void TestStockLevelModel::ignoresOtherProducts()
{
    const auto shown = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s}, 1990, 5);
    const auto other = m_store->addProduct(u"Mug"_s, {u"MUG-1"_s}, 950, 5);
    m_model->setProduct(shown.id);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(
        StoreFixture::wait(m_store->client().adjustStock(receive(other.variants[0].id, 2), souk::test::newKey())).ok());
    QTest::qWait(100);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->level(0).onHand, 5);
}

void TestStockLevelModel::setProductResets()
{
    const auto first = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s, u"TEE-M"_s}, 1990, 5);
    const auto second = m_store->addProduct(u"Mug"_s, {u"MUG-1"_s}, 950, 2);
    m_model->setProduct(first.id);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setProduct(second.id);
    QCOMPARE(reset.count(), 1);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->level(0).sku, u"MUG-1"_s);
    m_model->setProduct({});
    QCOMPARE(m_model->rowCount(), 0);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestStockLevelModel)
#include "TestStockLevelModel.moc"
