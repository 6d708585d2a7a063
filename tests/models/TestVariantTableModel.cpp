#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "backend/core/Money.h"
#include "models/catalog/VariantTableModel.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// The editor's variant grid: typed text is kept with an error instead of being refused.
class TestVariantTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsVariants();
    void badPriceKeepsTextAndError();
    void refusesTooManyDecimals();
    void negativePriceIsAnError();
    void goodEditClearsError();
    void optionColumnsFollowNames();
    void addAndRemoveRows();
    void serverErrorLandsInItsCell();

private:
    Currency m_eur;
    VariantTableModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

namespace {

catalog::Variant variant(const QString& sku, qint64 priceMinor, const Currency& currency)
{
    catalog::Variant v;
    v.id = Id{100};
    v.version = 3;
    v.sku = sku;
    v.price = Money(priceMinor, currency);
    v.weightGrams = 250;
    return v;
}

} // namespace

void TestVariantTableModel::init()
{
    m_eur = Currency::find(u"EUR").value();
    m_model = new VariantTableModel(m_eur, this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setVariants({}, {variant(u"TS-1"_s, 1250, m_eur)});
}

void TestVariantTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestVariantTableModel::loadsVariants()
{
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), 7); // SKU, Price, Compare-at, Cost, Barcode, Weight, Threshold
    const int price = m_model->columnOf(VariantField::Price);
    QCOMPARE(m_model->index(0, price).data().toString(), u"12.50"_s);
    QVERIFY(!m_model->isModified());
    const auto variants = m_model->variants();
    QVERIFY(variants);
    QCOMPARE(variants->first().price.minor(), 1250);
    QCOMPARE(variants->first().id, Id{100});
    QCOMPARE(variants->first().version, 3);
    QCOMPARE(variants->first().weightGrams, 250);
    QVERIFY(!variants->first().compareAtPrice);
}

void TestVariantTableModel::badPriceKeepsTextAndError()
{
    const QModelIndex price = m_model->index(0, m_model->columnOf(VariantField::Price));
    QVERIFY(m_model->setData(price, u"12,5x"_s));
    QCOMPARE(price.data().toString(), u"12,5x"_s); // what the user typed stays
    QVERIFY(!price.data(VariantTableModel::ErrorRole).toString().isEmpty());
    QCOMPARE(price.data(Qt::ToolTipRole), price.data(VariantTableModel::ErrorRole));
    QVERIFY(price.data(Qt::BackgroundRole).isValid());
    QVERIFY(m_model->isModified());
    QVERIFY(m_model->hasErrors());
    const auto variants = m_model->variants();
    QVERIFY(!variants);
    QCOMPARE(variants.error().field, u"variants[0].price"_s);
    QCOMPARE(variants.error().code, ErrorCode::Invalid);
}

void TestVariantTableModel::refusesTooManyDecimals()
{
    const QModelIndex price = m_model->index(0, m_model->columnOf(VariantField::Price));
    QVERIFY(m_model->setData(price, u"12.345"_s));
    const QString error = price.data(VariantTableModel::ErrorRole).toString();
    QVERIFY2(error.contains(u"EUR"_s) && error.contains(u"2"_s), qPrintable(error));
    QVERIFY(!m_model->variants());
}

void TestVariantTableModel::negativePriceIsAnError()
{
    const QModelIndex price = m_model->index(0, m_model->columnOf(VariantField::Price));
    QVERIFY(m_model->setData(price, u"-1.00"_s));
    QVERIFY(!price.data(VariantTableModel::ErrorRole).toString().isEmpty());
    QCOMPARE(m_model->variants().error().field, u"variants[0].price"_s);
}

void TestVariantTableModel::goodEditClearsError()
{
    const QModelIndex price = m_model->index(0, m_model->columnOf(VariantField::Price));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(price, u"abc"_s));
    QVERIFY(m_model->setData(price, u" 19.99 "_s));
    QCOMPARE(changed.count(), 2);
    QVERIFY(price.data(VariantTableModel::ErrorRole).toString().isEmpty());
    QVERIFY(m_model->setData(m_model->index(0, m_model->columnOf(VariantField::CompareAtPrice)), u"25"_s));
    const auto variants = m_model->variants();
    QVERIFY(variants);
    QCOMPARE(variants->first().price.minor(), 1999);
    QCOMPARE(variants->first().compareAtPrice->minor(), 2500);
}

void TestVariantTableModel::optionColumnsFollowNames()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::columnsInserted);
    m_model->setOptionNames({u"Size"_s, u"Colour"_s});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->columnCount(), 9);
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), u"Size"_s);
    // empty option values are errors, reported on the option column
    QCOMPARE(m_model->variants().error().field, u"variants[0].optionValues"_s);
    QVERIFY(m_model->setData(m_model->index(0, 1), u"M"_s));
    QVERIFY(m_model->setData(m_model->index(0, 2), u"Blue"_s));
    QCOMPARE(m_model->variants()->first().optionValues, (QStringList{u"M"_s, u"Blue"_s}));
    m_model->setOptionNames({u"Size"_s});
    QCOMPARE(m_model->columnCount(), 8);
    QCOMPARE(m_model->variants()->first().optionValues, QStringList{u"M"_s});
}

void TestVariantTableModel::addAndRemoveRows()
{
    const int row = m_model->addVariant();
    QCOMPARE(row, 1);
    QVERIFY(m_model->isModified());
    // the new row's SKU and price must be typed
    QCOMPARE(m_model->validateAll(), 2);
    QCOMPARE(m_model->variants().error().field, u"variants[1].sku"_s);
    m_model->removeVariant(1);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_model->variants());
}

void TestVariantTableModel::serverErrorLandsInItsCell()
{
    const QModelIndex cell = m_model->setFieldError(u"variants[0].sku"_s, u"taken"_s);
    QCOMPARE(cell, m_model->index(0, 0));
    QCOMPARE(cell.data(VariantTableModel::ErrorRole).toString(), u"taken"_s);
    QVERIFY(!m_model->setFieldError(u"variants[5].sku"_s, u"x"_s).isValid());
    QVERIFY(!m_model->indexOfField(u"title"_s).isValid());
}

QTEST_GUILESS_MAIN(TestVariantTableModel)
#include "TestVariantTableModel.moc"
