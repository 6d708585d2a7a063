#include <QAbstractItemModelTester>
#include <QTest>

#include "models/common/Format.h"
#include "models/import/ImportPreviewModel.h"
#include "models/import/ImportProductPreviewModel.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

class TestImportPreviewModel final : public QObject
{
    Q_OBJECT
private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void showsErrors();
    void summaryAndHeadline_data();
    void summaryAndHeadline();
    void previewsFirstProducts();
    void showsRealPlanErrors();
    void problemsInTheUsersLanguage();
    void problemsCsv();
    void notes();

private:
    static catalog::ImportPlan planWithProducts(int count);
};

catalog::ImportPlan TestImportPreviewModel::planWithProducts(int count)
{
    const Currency eur = Currency::find(u"EUR").value();
    catalog::ImportPlan plan;
    for (int i = 0; i < count; ++i) {
        catalog::ImportProduct item;
        item.product.handle = u"product-%1"_s.arg(i);
        item.product.title = u"Product %1"_s.arg(i);
        for (int v = 0; v <= i % 3; ++v) {
            catalog::Variant variant;
            variant.sku = u"SKU-%1-%2"_s.arg(i).arg(v);
            variant.price = Money(1000 + i, eur);
            item.product.variants.append(variant);
        }
        plan.variantCount += int(item.product.variants.size());
        plan.products.append(item);
    }
    plan.rowCount = plan.variantCount;
    return plan;
}

void TestImportPreviewModel::showsErrors()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.summary().isEmpty());
    catalog::ImportPlan plan = planWithProducts(3);
    plan.errors = {{3, u"Variant Price"_s, u"must not be negative"_s},
                   {3, u"Variant SKU"_s, u"is required"_s},
                   {7, {}, u"a handle or a title is required"_s}};
    model.setPlan(plan);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ImportPreviewModel::ColumnCount));
    QCOMPARE(model.errorCount(), 3);
    QCOMPARE(model.problemRowCount(), 2);
    QCOMPARE(model.index(0, ImportPreviewModel::Line).data().toString(), u"3"_s);
    QCOMPARE(model.index(0, ImportPreviewModel::Line).data(ImportPreviewModel::RawRole).toInt(), 3);
    QCOMPARE(model.index(0, ImportPreviewModel::ColumnName).data().toString(), u"Variant Price"_s);
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data().toString(), u"Must not be negative"_s);
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data(ImportPreviewModel::RawRole).toString(),
             u"must not be negative"_s);
    QCOMPARE(model.index(2, ImportPreviewModel::ColumnName).data().toString(), u"(whole row)"_s);
    QCOMPARE(model.index(2, ImportPreviewModel::ColumnName).data(ImportPreviewModel::RawRole).toString(), QString());
    QCOMPARE(model.headerData(ImportPreviewModel::Problem, Qt::Horizontal).toString(), u"Problem"_s);
    QCOMPARE(model.headline(), u"2 rows have problems. Fix the file and choose it again; nothing has been imported."_s);
    QCOMPARE(model.error(1).column, u"Variant SKU"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasPlan());
}

void TestImportPreviewModel::summaryAndHeadline_data()
{
    QTest::addColumn<int>("products");
    QTest::addColumn<int>("variants");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("summary");
    QTest::addRow("plural") << 3 << 5 << 6 << u"3 products, 5 variants in 6 rows"_s;
    QTest::addRow("singular") << 1 << 1 << 1 << u"1 product, 1 variant in 1 row"_s;
    QTest::addRow("empty") << 0 << 0 << 0 << u"0 products, 0 variants in 0 rows"_s;
}

void TestImportPreviewModel::summaryAndHeadline()
{
    QFETCH(int, products);
    QFETCH(int, variants);
    QFETCH(int, rows);
    QFETCH(QString, summary);
    QCOMPARE(ImportPreviewModel::summaryText(products, variants, rows), summary);
    QCOMPARE(ImportPreviewModel::headlineText(1),
             u"1 row has problems. Fix the file and choose it again; nothing has been imported."_s);
}

void TestImportPreviewModel::previewsFirstProducts()
{
    ImportProductPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(planWithProducts(250));
    QCOMPARE(model.totalProducts(), 250);
    QCOMPARE(model.rowCount(), ImportProductPreviewModel::ProductsMax);
    QCOMPARE(model.index(0, ImportProductPreviewModel::Handle).data().toString(), u"product-0"_s);
    QCOMPARE(model.index(2, ImportProductPreviewModel::Title).data().toString(), u"Product 2"_s);
    QCOMPARE(model.index(2, ImportProductPreviewModel::Variants).data(ImportProductPreviewModel::RawRole).toInt(), 3);
    QCOMPARE(model.index(2, ImportProductPreviewModel::Price).data(ImportProductPreviewModel::RawRole).toLongLong(),
             1002);
    const Currency eur = Currency::find(u"EUR").value();
    QCOMPARE(model.index(2, ImportProductPreviewModel::Price).data().toString(), formatMoney(1002, eur));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestImportPreviewModel::showsRealPlanErrors()
{
    StoreFixture store;
    QVERIFY(store.ok());
    const QByteArray csv = "Handle,Title,Variant SKU,Variant Price\n"
                           "tee,Basic tee,TEE-1,19.90\n"
                           "mug,Mug,MUG-1,-4.00\n";
    auto plan = StoreFixture::wait(store.client().planImport(store.merchantId(), csv, catalog::CsvFormat::Shopify,
                                                             std::make_shared<TaskProgress>()));
    QVERIFY(plan.ok());
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan.value());
    QVERIFY(model.rowCount() >= 1);
    QCOMPARE(model.index(0, ImportPreviewModel::Line).data(ImportPreviewModel::RawRole).toInt(), 3);
    QCOMPARE(model.index(0, ImportPreviewModel::ColumnName).data().toString(), u"Variant Price"_s);
    QVERIFY(model.headline().startsWith(u"1 row has problems."_s));
}

void TestImportPreviewModel::problemsInTheUsersLanguage()
{
    catalog::ImportPlan plan = planWithProducts(1);
    const catalog::ProblemText text{catalog::problemtext::WrongWidth, {u"21"_s, u"4"_s}};
    plan.errors = {{5, {}, text.english(), text}, {6, {}, u"written by hand"_s, {}}};
    ImportPreviewModel model;
    model.setPlan(plan);
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data().toString(), u"Expected 21 columns, found 4"_s);
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data(ImportPreviewModel::RawRole).toString(),
             u"expected 21 columns, found 4"_s); // English stays the raw value
    QCOMPARE(model.index(1, ImportPreviewModel::Problem).data().toString(), u"Written by hand"_s);
    QVERIFY(souk::installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data().toString(), u"应有 21 列，实际为 4 列"_s);
    QCOMPARE(model.index(0, ImportPreviewModel::Problem).data(Qt::ToolTipRole).toString(), u"应有 21 列，实际为 4 列"_s);
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

void TestImportPreviewModel::problemsCsv()
{
    catalog::ImportPlan plan = planWithProducts(1);
    const catalog::ProblemText number{catalog::problemtext::NotANumber, {u"=HYPERLINK(\"x\")"_s}};
    const catalog::ProblemText width{catalog::problemtext::WrongWidth, {u"21"_s, u"4"_s}};
    plan.errors = {{4, u"Variant Price"_s, number.english(), number}, {5, {}, width.english(), width}};
    ImportPreviewModel model;
    model.setPlan(plan);
    // a BOM so spreadsheets read UTF-8; file text that would run as a formula stays text
    QCOMPARE(model.problemsCsv(), QByteArray("\xEF\xBB\xBF"
                                             "Line,Column,Problem\n"
                                             "4,Variant Price,\"Not a number: =HYPERLINK(\"\"x\"\")\"\n"
                                             "5,,\"Expected 21 columns, found 4\"\n"));
    const catalog::ProblemText formula{catalog::problemtext::NotANumber, {u"1"_s}};
    plan.errors = {{2, u"=cmd"_s, formula.english(), formula}};
    model.setPlan(plan);
    QVERIFY(model.problemsCsv().contains("2,'=cmd,Not a number: 1\n"));
}

void TestImportPreviewModel::notes()
{
    ImportPreviewModel model;
    catalog::ImportPlan plan = planWithProducts(2);
    model.setPlan(plan);
    QCOMPARE(model.notes(), QString());
    plan.derivedSkuCount = 1;
    plan.derivedSkuExample = u"tee-s"_s;
    model.setPlan(plan);
    QCOMPARE(model.notes(), u"1 variant has no SKU in the file. Souk gives it a SKU made of the product handle and its "
                            "option values, “tee-s”, so importing the file again updates the same variant."_s);
    plan.derivedSkuCount = 0;
    plan.negativeStockCount = 2;
    model.setPlan(plan);
    QCOMPARE(model.notes(), u"2 variants have stock below zero in the file (sold while out of stock); their stock "
                            "starts at 0 in Souk."_s);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestImportPreviewModel)
#include "TestImportPreviewModel.moc"
