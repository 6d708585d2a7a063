#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>

#include "models/inventory/MovementModel.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

class TestMovementModel final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void loadsNewestFirst();
    void newMovementInsertedAtTop();
    void ignoresOtherVariants();
    void signedQuantity_data();
    void signedQuantity();
    void reasonText_data();
    void reasonText();
    void chineseReasonsAndActors();

private:
    Result<catalog::StockLevel> adjust(Id variantId, catalog::MovementKind kind, qint64 delta, const QString& reason);
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<MovementModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestMovementModel::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
    m_model = std::make_unique<MovementModel>(m_store->client());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMovementModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

Result<catalog::StockLevel> TestMovementModel::adjust(Id variantId, catalog::MovementKind kind, qint64 delta,
                                                      const QString& reason)
{
    return StoreFixture::wait(m_store->client().adjustStock(
        catalog::StockAdjustment{variantId, m_store->locationId(), kind, delta, reason, -1}, souk::test::newKey()));
}

void TestMovementModel::loadsNewestFirst()
{
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s}, 1990, 5); // a Received movement of 5
    const Id variant = product.variants[0].id;
    QVERIFY(adjust(variant, catalog::MovementKind::Adjusted, -2, u"counted"_s).ok());
    m_model->setVariant(variant);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, MovementModel::Change).data().toString(), u"\u22122"_s);
    QCOMPARE(m_model->index(0, MovementModel::Change).data(MovementModel::RawRole).toLongLong(), -2);
    QCOMPARE(m_model->index(0, MovementModel::Kind).data().toString(), u"Adjusted"_s);
    QCOMPARE(m_model->index(0, MovementModel::Reason).data().toString(), u"counted"_s);
    QCOMPARE(m_model->index(0, MovementModel::Location).data().toString(), u"Main warehouse"_s);
    QCOMPARE(m_model->index(0, MovementModel::By).data().toString(), u"tester (Owner)"_s); // not "tester/owner"
    QVERIFY(!m_model->index(0, MovementModel::When).data().toString().isEmpty());
    QCOMPARE(m_model->index(1, MovementModel::Change).data().toString(), u"+5"_s);
    QCOMPARE(m_model->index(1, MovementModel::Kind).data().toString(), u"Received"_s);
    QVERIFY(m_model->movement(0).atMs >= m_model->movement(1).atMs);
}

void TestMovementModel::newMovementInsertedAtTop()
{
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s}, 1990, 5);
    const Id variant = product.variants[0].id;
    m_model->setVariant(variant);
    QTRY_COMPARE(m_model->rowCount(), 1);
    const qint64 firstId = m_model->index(0, 0).data(MovementModel::IdRole).toLongLong();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(adjust(variant, catalog::MovementKind::Returned, 3, u"customer return"_s).ok());

    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0); // first
    QCOMPARE(inserted.first().at(2).toInt(), 0); // last
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->index(0, MovementModel::Change).data().toString(), u"+3"_s);
    QCOMPARE(m_model->index(0, MovementModel::Kind).data().toString(), u"Returned"_s);
    QCOMPARE(m_model->index(1, 0).data(MovementModel::IdRole).toLongLong(), firstId);

    QVERIFY(adjust(variant, catalog::MovementKind::Received, 2, {}).ok());
    QVERIFY(adjust(variant, catalog::MovementKind::Received, 4, {}).ok());
    QTRY_COMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(0, MovementModel::Change).data().toString(), u"+4"_s);
    QCOMPARE(m_model->index(1, MovementModel::Change).data().toString(), u"+2"_s);
    QCOMPARE(reset.count(), 0);
}

void TestMovementModel::ignoresOtherVariants()
{
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s, u"TEE-M"_s}, 1990, 5);
    m_model->setVariant(product.variants[0].id);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(adjust(product.variants[1].id, catalog::MovementKind::Received, 3, {}).ok());
    QTest::qWait(100);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestMovementModel::signedQuantity_data()
{
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<QString>("expected");
    QTest::addRow("positive") << qint64(5) << u"+5"_s;
    QTest::addRow("negative uses U+2212") << qint64(-3) << u"\u22123"_s;
    QTest::addRow("zero") << qint64(0) << u"0"_s;
    QTest::addRow("grouped as the locale groups") << qint64(12345) << QString(u"+"_s + QLocale().toString(12345));
}

void TestMovementModel::signedQuantity()
{
    QFETCH(qint64, delta);
    QFETCH(QString, expected);
    QCOMPARE(MovementModel::signedQuantity(delta), expected);
}

void TestMovementModel::reasonText_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");
    // the notes the engine writes (backend/orders/OrderStock.cpp, backend/catalog, backend/sim)
    QTest::addRow("an order's reservation") << u"order"_s << u"Order"_s;
    QTest::addRow("a catalog import") << u"import"_s << u"Catalog import"_s;
    QTest::addRow("the demo's deliveries") << u"simulated delivery"_s << u"Simulated delivery"_s;
    // what a person typed stays as typed
    QTest::addRow("typed") << u"counted on Monday"_s << u"counted on Monday"_s;
    QTest::addRow("typed, a word the engine uses") << u"Order"_s << u"Order"_s;
    QTest::addRow("none") << QString() << QString();
}

void TestMovementModel::reasonText()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    QCOMPARE(MovementModel::reasonText(reason), expected);
}

void TestMovementModel::chineseReasonsAndActors()
{
    QTranslator zh;
    QVERIFY(loadTranslation(zh, QLocale(QLocale::Chinese, QLocale::China)));
    QCoreApplication::installTranslator(&zh);
    const auto product = m_store->addProduct(u"Tee"_s, {u"TEE-S"_s}, 1990, 5);
    m_model->setVariant(product.variants[0].id);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, MovementModel::By).data().toString(), u"tester（店主）"_s);
    for (const QString& note : {u"order"_s, u"import"_s, u"simulated delivery"_s}) {
        const QString text = MovementModel::reasonText(note);
        QVERIFY2(!text.isEmpty() && text.front().unicode() > 0x2e80, qPrintable(text)); // CJK, not English
    }
    QCoreApplication::removeTranslator(&zh);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestMovementModel)
#include "TestMovementModel.moc"
