#include <QTest>

#include "backend/catalog/CatalogCsv.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

Q_DECLARE_METATYPE(souk::catalog::CsvFormat)

namespace {

constexpr Id MerchantId{7};

ImportPlan read(const QString& csv, CsvFormat format, const QString& currencyCode = u"EUR"_s,
                const ImportProgress& progress = {})
{
    const Result<CsvTable> table = parseCsv(csv.toUtf8());
    if (!table) {
        ImportPlan broken;
        broken.errors.append(RowError{-1, u"csv"_s, table.error().toString(), {}});
        return broken;
    }
    return readCatalogCsv(*table, format, *Currency::find(currencyCode), MerchantId, progress);
}

/// "3|Variant Price|must not be negative": one line per error, so a failed QCOMPARE shows them all.
QStringList describe(const QList<RowError>& errors)
{
    QStringList out;
    for (const RowError& e : errors)
        out.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    return out;
}

void addRowErrorColumns()
{
    QTest::addColumn<CsvFormat>("format");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("expected"); // line|column|message
}

/// The current data row's file yields exactly the one expected error ("line|column|message").
void checkRowError()
{
    QFETCH(CsvFormat, format);
    QFETCH(QString, currency);
    QFETCH(QString, csv);
    QFETCH(QString, expected);
    const ImportPlan plan = read(csv, format, currency);
    QCOMPARE(describe(plan.errors), QStringList{expected});
    QVERIFY(!plan.ok());
}

const QString ShopifyExport =
    u"Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,"
    "Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,"
    "Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,Variant Barcode,"
    "Image Src,Status\n"
    "classic-tee,Classic Tee,\"<p>Soft, organic cotton.</p>\n<p>Fits \"\"true to size\"\".</p>\",Souk Apparel,"
    "Apparel,Shirts,\"cotton, summer\",TRUE,Size,S,Colour,Blue,,,TEE-S-BLU,180.0,shopify,12,deny,19.99,24.99,"
    "4006381333931,https://cdn/1.jpg,active\n"
    "classic-tee,,,,,,,,,M,,Blue,,,TEE-M-BLU,190.0,shopify,0,deny,19.99,,,https://cdn/2.jpg,\n"
    "classic-tee,,,,,,,,,L,,Red,,,TEE-L-RED,200,shopify,,deny,21.50,,,,\n"
    "classic-tee,,,,,,,,,,,,,,,,,,,,,,https://cdn/3.jpg,\n"_s;

} // namespace

class TestCatalogCsv final : public QObject
{
    Q_OBJECT

private slots:
    void shopifyMultiVariant();
    void shopifyDefaultTitle();
    void shopifyPublishedDecidesStatus_data();
    void shopifyPublishedDecidesStatus();
    void soukRowsGroupByHandle();
    void shopifyValueErrors_data();
    void shopifyValueErrors();
    void shopifyRowErrors_data();
    void shopifyRowErrors();
    void soukRowErrors_data();
    void soukRowErrors();
    void duplicateSkuAcrossRows();
    void missingRequiredColumns();
    void collectsAllErrorsInFileOrder();
    void capsErrors();
    void progressAndCancel();
};

void TestCatalogCsv::shopifyMultiVariant()
{
    const ImportPlan plan = read(ShopifyExport, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors), QStringList());
    QCOMPARE(plan.rowCount, 4);
    QCOMPARE(plan.variantCount, 3);
    QCOMPARE(plan.products.size(), 1);
    const ImportProduct& ip = plan.products.first();
    QCOMPARE(ip.firstLine, 2);
    const Product& p = ip.product;
    QCOMPARE(p.handle, u"classic-tee"_s);
    QCOMPARE(p.title, u"Classic Tee"_s);
    QCOMPARE(p.description, u"<p>Soft, organic cotton.</p>\n<p>Fits \"true to size\".</p>"_s);
    QCOMPARE(p.category, u"Shirts"_s);
    QCOMPARE(p.tags, (QStringList{u"cotton"_s, u"summer"_s}));
    QCOMPARE(p.status, ProductStatus::Active);
    QCOMPARE(p.merchantId, MerchantId);
    QCOMPARE(p.optionNames, (QStringList{u"Size"_s, u"Colour"_s}));
    QCOMPARE(p.variants.size(), 3);
    QCOMPARE(p.variants[2].sku, u"TEE-L-RED"_s);
    QCOMPARE(p.variants[2].optionValues, (QStringList{u"L"_s, u"Red"_s}));
    QCOMPARE(p.variants[2].price.minor(), 2150);
    QCOMPARE(p.variants[2].price.currency().code, u"EUR"_s);
    QCOMPARE(p.variants[0].compareAtPrice->minor(), 2499);
    QVERIFY(!p.variants[1].compareAtPrice);
    QCOMPARE(p.variants[0].barcode, u"4006381333931"_s);
    QCOMPARE(p.variants[1].weightGrams, 190);
    QCOMPARE(p.variants[2].weightGrams, 200);
    QCOMPARE(ip.inventoryQuantities, (QList<std::optional<qint64>>{12, 0, std::nullopt}));
}

void TestCatalogCsv::shopifyDefaultTitle()
{
    const QString csv = u"Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Published\n"
                        "earbuds,无线蓝牙耳机,Title,Default Title,EAR-1,299.00,FALSE\n"_s;
    const ImportPlan plan = read(csv, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors), QStringList());
    QCOMPARE(plan.products.size(), 1);
    const Product& p = plan.products[0].product;
    QCOMPARE(p.title, u"无线蓝牙耳机"_s);
    QCOMPARE(p.optionNames, QStringList());
    QCOMPARE(p.variants.size(), 1);
    QCOMPARE(p.variants[0].optionValues, QStringList());
    QCOMPARE(p.variants[0].price.minor(), 29900);
    QCOMPARE(p.status, ProductStatus::Draft);
}

void TestCatalogCsv::shopifyPublishedDecidesStatus_data()
{
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("status");
    QTest::addColumn<ProductStatus>("expected");
    QTest::addRow("published, no status") << u"TRUE"_s << QString() << ProductStatus::Active;
    QTest::addRow("lower-case true") << u"true"_s << QString() << ProductStatus::Active;
    QTest::addRow("unpublished") << u"FALSE"_s << QString() << ProductStatus::Draft;
    QTest::addRow("empty") << QString() << QString() << ProductStatus::Draft;
    QTest::addRow("status wins") << u"TRUE"_s << u"archived"_s << ProductStatus::Archived;
    QTest::addRow("status draft") << u"TRUE"_s << u"draft"_s << ProductStatus::Draft;
}

void TestCatalogCsv::shopifyPublishedDecidesStatus()
{
    QFETCH(QString, published);
    QFETCH(QString, status);
    QFETCH(ProductStatus, expected);
    const QString csv =
        u"Handle,Title,Variant SKU,Variant Price,Published,Status\ntee,Tee,T1,1.00,%1,%2\n"_s.arg(published, status);
    const ImportPlan plan = read(csv, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors), QStringList());
    QCOMPARE(plan.products[0].product.status, expected);
}

void TestCatalogCsv::soukRowsGroupByHandle()
{
    const QString csv =
        u"handle,title,description,vendor,category,tags,status,option1_name,option1_value,sku,price,"
        "compare_at_price,cost,barcode,weight_grams,low_stock_threshold,inventory_qty,currency\n"
        "mug,Mug,Stoneware,Souk,Kitchen,\"gift,  kitchen ,\",active,Size,Small,MUG-S,8.50,,3.10,96385074,350,4,20,EUR\n"
        ",无线蓝牙耳机 Pro,,,,,,,,EAR-1,299,,,,,,,EUR\n"
        "mug,,,,,,,,Large,MUG-L,10,12.00,,,420,0,,EUR\n"_s;
    const ImportPlan plan = read(csv, CsvFormat::Souk);
    QCOMPARE(describe(plan.errors), QStringList());
    QCOMPARE(plan.products.size(), 2);
    const Product& mug = plan.products[0].product;
    QCOMPARE(mug.tags, (QStringList{u"gift"_s, u"kitchen"_s}));
    QCOMPARE(mug.status, ProductStatus::Active);
    QCOMPARE(mug.variants.size(), 2);
    QCOMPARE(mug.variants[1].optionValues, QStringList{u"Large"_s});
    QCOMPARE(mug.variants[0].cost->minor(), 310);
    QCOMPARE(mug.variants[0].lowStockThreshold, 4);
    QCOMPARE(plan.products[0].inventoryQuantities, (QList<std::optional<qint64>>{20, std::nullopt}));
    // an empty handle is derived from the title, letters of any script kept
    QCOMPARE(plan.products[1].product.handle, u"无线蓝牙耳机-pro"_s);
    QCOMPARE(plan.products[1].firstLine, 3);
}

void TestCatalogCsv::shopifyValueErrors_data()
{
    addRowErrorColumns();
    const auto shopify = CsvFormat::Shopify;
    const QString h = u"Handle,Title,Variant SKU,Variant Price\n"_s;
    QTest::addRow("negative price") << shopify << u"EUR"_s << h + u"tee,Tee,T1,-5.00\n"_s
                                    << u"2|Variant Price|must not be negative"_s;
    QTest::addRow("EUR 1.234") << shopify << u"EUR"_s << h + u"tee,Tee,T1,1.234\n"_s
                               << u"2|Variant Price|EUR allows at most 2 decimal places"_s;
    QTest::addRow("JPY 5.5") << shopify << u"JPY"_s << h + u"tee,Tee,T1,5.5\n"_s
                             << u"2|Variant Price|JPY allows at most 0 decimal places"_s;
    QTest::addRow("decimal comma") << shopify << u"EUR"_s << h + u"tee,Tee,T1,\"12,50\"\n"_s
                                   << u"2|Variant Price|not a number: 12,50"_s;
    QTest::addRow("empty price") << shopify << u"EUR"_s << h + u"tee,Tee,T1,\n"_s
                                 << u"2|Variant Price|an amount is required"_s;
    // Shopify allows a variant without a SKU (TestShopifyCsv); one with spaces around it is still refused
    QTest::addRow("SKU in spaces") << shopify << u"EUR"_s << h + u"tee,Tee,\"  x\",5\n"_s
                                   << u"2|Variant SKU|must not contain spaces or control characters"_s;
    QTest::addRow("SKU with space") << shopify << u"EUR"_s << h + u"tee,Tee,T 1,5\n"_s
                                    << u"2|Variant SKU|must not contain spaces or control characters"_s;
    QTest::addRow("empty title") << shopify << u"EUR"_s << h + u"tee,,T1,5\n"_s << u"2|Title|must not be empty"_s;
    QTest::addRow("300-char title") << shopify << u"EUR"_s << h + u"tee,%1,T1,5\n"_s.arg(QString(300, u'x'))
                                    << u"2|Title|must be at most 255 characters (found 300)"_s;
    QTest::addRow("bad handle") << shopify << u"EUR"_s << h + u"Bad Handle,Tee,T1,5\n"_s
                                << u"2|Handle|must be lower-case letters and digits joined by single dashes"_s;
    QTest::addRow("no handle, no title") << shopify << u"EUR"_s << h + u",,T1,5\n"_s
                                         << u"2|Handle|a handle or a title is required"_s;
    QTest::addRow("bad price on third variant")
        << shopify << u"EUR"_s
        << u"Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
           "tee,Tee,Size,S,T1,5\ntee,,,M,T2,5\ntee,,,L,T3,5.001\n"_s
        << u"4|Variant Price|EUR allows at most 2 decimal places"_s;
    const QString hb = u"Handle,Title,Variant SKU,Variant Price,Variant Compare At Price,Variant Barcode\n"_s;
    QTest::addRow("bad check digit") << shopify << u"EUR"_s << hb + u"tee,Tee,T1,5,,4006381333932\n"_s
                                     << u"2|Variant Barcode|check digit should be 1, not 2"_s;
    QTest::addRow("barcode with a space")
        << shopify << u"EUR"_s << hb + u"tee,Tee,T1,5,,0360 0029145\n"_s
        << u"2|Variant Barcode|barcode may use letters, digits and - . _ / only"_s;
    QTest::addRow("compare-at decimals") << shopify << u"EUR"_s << hb + u"tee,Tee,T1,5,6.999,\n"_s
                                         << u"2|Variant Compare At Price|EUR allows at most 2 decimal places"_s;
}

void TestCatalogCsv::shopifyRowErrors_data()
{
    addRowErrorColumns();
    const auto shopify = CsvFormat::Shopify;
    const QString hp =
        u"Handle,Title,Variant SKU,Variant Price,Published,Status,Variant Grams,Variant Inventory Qty\n"_s;
    QTest::addRow("published maybe") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,maybe,,,\n"_s
                                     << u"2|Published|must be TRUE or FALSE"_s;
    QTest::addRow("unknown status") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,TRUE,live,,\n"_s
                                    << u"2|Status|status must be draft, active or archived, not \"live\""_s;
    QTest::addRow("fractional grams") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,,,12.5,\n"_s
                                      << u"2|Variant Grams|must be a whole number, not \"12.5\""_s;
    QTest::addRow("exponent grams") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,,,1e3,\n"_s
                                    << u"2|Variant Grams|must be a whole number, not \"1e3\""_s;
    QTest::addRow("absurd grams") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,,,2000000000,\n"_s
                                  << u"2|Variant Grams|must be between 0 and 1000000000"_s;
    // (below zero is Shopify's stock sold while out of stock, read as 0: TestShopifyCsv)
    QTest::addRow("absurd stock") << shopify << u"EUR"_s << hp + u"tee,Tee,T1,5,,,,2000000000\n"_s
                                  << u"2|Variant Inventory Qty|must be between 0 and 1000000000"_s;
    const QString ho =
        u"Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price\n"_s;
    QTest::addRow("value without option") << shopify << u"EUR"_s << ho + u"tee,Tee,Size,S,,Blue,T1,5\n"_s
                                          << u"2|Option2 Value|has a value but the product has no such option"_s;
    QTest::addRow("empty second option value")
        << shopify << u"EUR"_s << ho + u"tee,Tee,Size,S,Colour,Blue,T1,5\ntee,,,M,,,T2,5\n"_s
        << u"3|Option2 Value|must not be empty"_s;
    QTest::addRow("same options twice") << shopify << u"EUR"_s
                                        << ho + u"tee,Tee,Size,S,Colour,Blue,T1,5\ntee,,,s,,blue,T2,5\n"_s
                                        << u"3|Option1 Value|same option values as line 2"_s;
    QTest::addRow("duplicate option name") << shopify << u"EUR"_s << ho + u"tee,Tee,Size,S,size,Blue,T1,5\n"_s
                                           << u"2|Option2 Name|option \"size\" appears twice"_s;
}

void TestCatalogCsv::soukRowErrors_data()
{
    addRowErrorColumns();
    const auto souk = CsvFormat::Souk;
    const QString hs = u"handle,title,sku,price,cost,weight_grams,low_stock_threshold,currency\n"_s;
    QTest::addRow("souk USD row in EUR store") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,,,USD\n"_s
                                               << u"2|currency|USD does not match the store currency EUR"_s;
    QTest::addRow("souk unknown currency")
        << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,,,XYZ\n"_s << u"2|currency|unknown currency code: XYZ"_s;
    QTest::addRow("souk empty currency") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,,,\n"_s
                                         << u"2|currency|must be EUR, the store currency"_s;
    QTest::addRow("souk JPY 5.5") << souk << u"JPY"_s << hs + u"tee,Tee,T1,5.5,,,,JPY\n"_s
                                  << u"2|price|JPY allows at most 0 decimal places"_s;
    QTest::addRow("souk negative cost") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,-1,,,EUR\n"_s
                                        << u"2|cost|must not be negative"_s;
    QTest::addRow("souk grams need whole numbers") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,12.0,,EUR\n"_s
                                                   << u"2|weight_grams|must be a whole number, not \"12.0\""_s;
    QTest::addRow("souk bad threshold") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,,ten,EUR\n"_s
                                        << u"2|low_stock_threshold|must be a whole number, not \"ten\""_s;
    QTest::addRow("souk negative threshold") << souk << u"EUR"_s << hs + u"tee,Tee,T1,5,,,-2,EUR\n"_s
                                             << u"2|low_stock_threshold|must be between 0 and 1000000000"_s;
}

void TestCatalogCsv::shopifyValueErrors()
{
    checkRowError();
}

void TestCatalogCsv::shopifyRowErrors()
{
    checkRowError();
}

void TestCatalogCsv::soukRowErrors()
{
    checkRowError();
}

void TestCatalogCsv::duplicateSkuAcrossRows()
{
    const QString csv = u"Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                        "tee,Tee,Size,S,T1,5\n"
                        "mug,Mug,Size,S,M1,5\n"
                        "mug,,,L,T1,5\n"
                        "tee,,,M,T1,5\n"_s;
    const ImportPlan plan = read(csv, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors), (QStringList{u"4|Variant SKU|duplicate SKU \"T1\": lines 2 and 4"_s,
                                                 u"5|Variant SKU|duplicate SKU \"T1\": lines 2 and 5"_s}));
}

void TestCatalogCsv::missingRequiredColumns()
{
    ImportPlan plan = read(u"Handle,Vendor,Variant SKU\ntee,Souk,T1\n"_s, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors),
             (QStringList{u"1|Title|missing required column"_s, u"1|Variant Price|missing required column"_s}));
    QVERIFY(plan.products.isEmpty());
    plan = read(u"handle,title,price\ntee,Tee,5\n"_s, CsvFormat::Souk);
    QCOMPARE(describe(plan.errors), QStringList{u"1|sku|missing required column"_s});
}

void TestCatalogCsv::collectsAllErrorsInFileOrder()
{
    const QString csv = u"Handle,Title,Variant SKU,Variant Price,Variant Barcode,Variant Grams\n"
                        "a,,A1,5,,\n"
                        "b,B,B1,-1,4006381333932,\n"
                        "c,C,C 1,x,,heavy\n"_s;
    const ImportPlan plan = read(csv, CsvFormat::Shopify);
    QCOMPARE(describe(plan.errors), (QStringList{
                                        u"2|Title|must not be empty"_s,
                                        u"3|Variant Price|must not be negative"_s,
                                        u"3|Variant Barcode|check digit should be 1, not 2"_s,
                                        u"4|Variant Price|not a number: x"_s,
                                        u"4|Variant Grams|must be a whole number, not \"heavy\""_s,
                                        u"4|Variant SKU|must not contain spaces or control characters"_s,
                                    }));
    QCOMPARE(plan.products.size(), 3); // products stay in the plan so a preview can show them
}

void TestCatalogCsv::capsErrors()
{
    QString csv = u"handle,title,sku,price\n"_s;
    for (int i = 0; i < 1500; ++i)
        csv += u"p%1,P,S%1,-1\n"_s.arg(i);
    const ImportPlan plan = read(csv, CsvFormat::Souk);
    QCOMPARE(plan.errors.size(), ImportErrorsMax + 1);
    QCOMPARE(describe({plan.errors.first()}), QStringList{u"2|price|must not be negative"_s});
    QCOMPARE(plan.errors[ImportErrorsMax - 1].line, ImportErrorsMax + 1);
    QCOMPARE(plan.errors.last().column, QString());
    QCOMPARE(plan.errors.last().message, u"too many errors: stopped after 1000"_s);
}

void TestCatalogCsv::progressAndCancel()
{
    QString csv = u"handle,title,sku,price\n"_s;
    for (int i = 0; i < 3500; ++i)
        csv += u"p%1,P,S%1,1\n"_s.arg(i);
    QList<int> calls;
    ImportPlan plan = read(csv, CsvFormat::Souk, u"EUR"_s, [&](int done, int total) {
        if (total != 3500)
            return false;
        calls.append(done);
        return true;
    });
    QCOMPARE(calls, (QList<int>{1000, 2000, 3000, 3500}));
    QVERIFY(plan.ok());
    QCOMPARE(plan.products.size(), 3500);
    QCOMPARE(plan.variantCount, 3500);

    calls.clear();
    plan = read(csv, CsvFormat::Souk, u"EUR"_s, [&](int done, int) {
        calls.append(done);
        return done < 2000;
    });
    QCOMPARE(calls, (QList<int>{1000, 2000}));
    QCOMPARE(describe(plan.errors), QStringList{u"0||cancelled"_s});
    QVERIFY(plan.products.isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogCsv)
#include "TestCatalogCsv.moc"
