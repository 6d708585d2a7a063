#include <QTest>

#include <algorithm>
#include <random>

#include "backend/catalog/CatalogCsv.h"
#include "backend/catalog/ImportSku.h"
#include "backend/catalog/ProductValidator.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

namespace {

constexpr Id MerchantId{7};

/// The columns of a product export from Shopify's admin (Products → Export, "CSV for Excel,
/// Numbers, or other spreadsheet programs"), in its order, per Shopify's help page "Using CSV files
/// to import and export products": the product, option, variant, image, SEO, Google Shopping and
/// per-market columns. Souk reads some of them and must pass over the rest.
const QStringList ShopifyColumns =
    QString(u"Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,"
            "Option1 Linked To,Option2 Name,Option2 Value,Option2 Linked To,Option3 Name,Option3 Value,"
            "Option3 Linked To,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,"
            "Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,"
            "Variant Requires Shipping,Variant Taxable,Variant Barcode,Image Src,Image Position,"
            "Image Alt Text,Gift Card,SEO Title,SEO Description,Google Shopping / Google Product Category,"
            "Google Shopping / Gender,Google Shopping / Age Group,Google Shopping / MPN,"
            "Google Shopping / Condition,Google Shopping / Custom Product,Google Shopping / Custom Label 0,"
            "Google Shopping / Custom Label 1,Google Shopping / Custom Label 2,"
            "Google Shopping / Custom Label 3,Google Shopping / Custom Label 4,Variant Image,"
            "Variant Weight Unit,Variant Tax Code,Cost per item,Included / United States,"
            "Price / United States,Compare At Price / United States,Included / International,"
            "Price / International,Compare At Price / International,Status"_s)
        .split(u',');

using Cells = QList<std::pair<QString, QString>>;

/// One exported product: its rows as (column, value) pairs; every other column is empty.
const QList<Cells> ExportRows{
    // a shirt in two sizes and two colours whose variants have no SKU (Shopify allows it)
    {{u"Handle"_s, u"linen-shirt"_s},
     {u"Title"_s, u"Linen Shirt"_s},
     {u"Body (HTML)"_s, u"<p>Washed linen, \"relaxed\" fit.</p>\n<ul><li>Buttons, 6</li></ul>"_s},
     {u"Vendor"_s, u"Souk Apparel"_s},
     {u"Product Category"_s, u"Apparel & Accessories > Clothing > Shirts & Tops"_s},
     {u"Type"_s, u"Shirts"_s},
     {u"Tags"_s, u"linen, summer"_s},
     {u"Published"_s, u"TRUE"_s},
     {u"Option1 Name"_s, u"Size"_s},
     {u"Option1 Value"_s, u"S"_s},
     {u"Option2 Name"_s, u"Color"_s},
     {u"Option2 Value"_s, u"Sand"_s},
     {u"Variant Grams"_s, u"220.0"_s},
     {u"Variant Inventory Tracker"_s, u"shopify"_s},
     {u"Variant Inventory Qty"_s, u"4"_s},
     {u"Variant Inventory Policy"_s, u"deny"_s},
     {u"Variant Fulfillment Service"_s, u"manual"_s},
     {u"Variant Price"_s, u"49.00"_s},
     {u"Variant Compare At Price"_s, u"59.00"_s},
     {u"Variant Requires Shipping"_s, u"TRUE"_s},
     {u"Variant Taxable"_s, u"TRUE"_s},
     {u"Image Src"_s, u"https://cdn.shopify.com/s/files/shirt-1.jpg"_s},
     {u"Image Position"_s, u"1"_s},
     {u"Image Alt Text"_s, u"Front"_s},
     {u"Gift Card"_s, u"FALSE"_s},
     {u"SEO Title"_s, u"Linen shirt"_s},
     {u"Google Shopping / Gender"_s, u"unisex"_s},
     {u"Google Shopping / Condition"_s, u"new"_s},
     {u"Variant Weight Unit"_s, u"kg"_s},
     {u"Cost per item"_s, u"18.50"_s},
     {u"Included / United States"_s, u"TRUE"_s},
     {u"Price / United States"_s, u"52.00"_s},
     {u"Included / International"_s, u"TRUE"_s},
     {u"Status"_s, u"active"_s}},
    {{u"Handle"_s, u"linen-shirt"_s},
     {u"Option1 Value"_s, u"S"_s},
     {u"Option2 Value"_s, u"Olive"_s},
     {u"Variant Grams"_s, u"220.0"_s},
     {u"Variant Inventory Tracker"_s, u"shopify"_s},
     {u"Variant Inventory Qty"_s, u"-2"_s},
     {u"Variant Inventory Policy"_s, u"continue"_s},
     {u"Variant Fulfillment Service"_s, u"manual"_s},
     {u"Variant Price"_s, u"49.00"_s},
     {u"Variant Requires Shipping"_s, u"TRUE"_s},
     {u"Variant Taxable"_s, u"TRUE"_s},
     {u"Variant Image"_s, u"https://cdn.shopify.com/s/files/shirt-olive.jpg"_s},
     {u"Variant Weight Unit"_s, u"kg"_s}},
    {{u"Handle"_s, u"linen-shirt"_s},
     {u"Option1 Value"_s, u"M"_s},
     {u"Option2 Value"_s, u"Sand"_s},
     {u"Variant SKU"_s, u"LS-M-SAND"_s},
     {u"Variant Grams"_s, u"240.0"_s},
     {u"Variant Inventory Qty"_s, u"0"_s},
     {u"Variant Price"_s, u"49.00"_s},
     {u"Variant Barcode"_s, u"4006381333931"_s}},
    // the shirt's further pictures: rows with only the handle and the image
    {{u"Handle"_s, u"linen-shirt"_s},
     {u"Image Src"_s, u"https://cdn.shopify.com/s/files/shirt-2.jpg"_s},
     {u"Image Position"_s, u"2"_s},
     {u"Image Alt Text"_s, u"Back"_s}},
    {{u"Handle"_s, u"linen-shirt"_s},
     {u"Image Src"_s, u"https://cdn.shopify.com/s/files/shirt-3.jpg"_s},
     {u"Image Position"_s, u"3"_s}},
    // a product without variants: Shopify's stand-in option "Title" = "Default Title", no SKU
    {{u"Handle"_s, u"gift-card"_s},
     {u"Title"_s, u"Gift card"_s},
     {u"Vendor"_s, u"Souk"_s},
     {u"Published"_s, u"FALSE"_s},
     {u"Option1 Name"_s, u"Title"_s},
     {u"Option1 Value"_s, u"Default Title"_s},
     {u"Variant Grams"_s, u"0.0"_s},
     {u"Variant Inventory Policy"_s, u"deny"_s},
     {u"Variant Fulfillment Service"_s, u"manual"_s},
     {u"Variant Price"_s, u"25.00"_s},
     {u"Variant Requires Shipping"_s, u"FALSE"_s},
     {u"Variant Taxable"_s, u"FALSE"_s},
     {u"Gift Card"_s, u"TRUE"_s},
     {u"Status"_s, u"draft"_s}},
    {{u"Handle"_s, u"gift-card"_s},
     {u"Image Src"_s, u"https://cdn.shopify.com/s/files/card.png"_s},
     {u"Image Position"_s, u"1"_s}},
    // a Chinese title with its SKU
    {{u"Handle"_s, u"earbuds"_s},
     {u"Title"_s, u"无线蓝牙耳机"_s},
     {u"Option1 Name"_s, u"Title"_s},
     {u"Option1 Value"_s, u"Default Title"_s},
     {u"Variant SKU"_s, u"EAR-1"_s},
     {u"Variant Price"_s, u"299.00"_s},
     {u"Variant Inventory Qty"_s, u"12"_s},
     {u"Status"_s, u"archived"_s}},
};

/// Writes `rows` under `columns` as Shopify does: every cell quoted where needed, `eol` after each row.
QByteArray exportCsv(const QStringList& columns, const QList<Cells>& rows, const QString& eol = u"\n"_s)
{
    const auto quoted = [](const QString& cell) -> QString {
        if (!cell.contains(u',') && !cell.contains(u'"') && !cell.contains(u'\n'))
            return cell;
        return u'"' + QString(cell).replace(u"\""_s, u"\"\""_s) + u'"';
    };
    QStringList lines{QStringList(columns).join(u',')};
    for (const Cells& row : rows) {
        QStringList cells;
        for (const QString& column : columns) {
            const auto it = std::find_if(row.begin(), row.end(), [&](const auto& c) { return c.first == column; });
            cells.append(it == row.end() ? QString() : quoted(it->second));
        }
        lines.append(cells.join(u','));
    }
    return (lines.join(eol) + eol).toUtf8();
}

ImportPlan plan(const QByteArray& csv)
{
    return planCatalogCsv(csv, CsvFormat::Shopify, *Currency::find(u"EUR"), MerchantId);
}

QStringList describe(const QList<RowError>& errors)
{
    QStringList out;
    for (const RowError& e : errors)
        out.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    return out;
}

/// What a plan holds, independent of row and column order: one line per variant.
QStringList variantsOf(const ImportPlan& p)
{
    QStringList out;
    for (const ImportProduct& ip : p.products) {
        for (int i = 0; i < ip.product.variants.size(); ++i) {
            const Variant& v = ip.product.variants[i];
            out.append(u"%1|%2|%3|%4|%5|%6"_s
                           .arg(ip.product.handle, v.sku, v.optionValues.join(u'/'), v.price.toDecimalString())
                           .arg(ip.inventoryQuantities[i] ? QString::number(*ip.inventoryQuantities[i]) : u"-"_s)
                           .arg(ip.derivedSkus[i] ? u"true"_s : u"false"_s));
        }
    }
    out.sort();
    return out;
}

} // namespace

/// Shopify product CSVs as Shopify writes them, not only as Souk writes them.
class TestShopifyCsv final : public QObject
{
    Q_OBJECT

private slots:
    void fullExportImports();
    void variantsWithoutSkuGetOneFromHandleAndOptions();
    void derivedSkuIsStable_data();
    void derivedSkuIsStable();
    void derivedSkuCollisionIsReported();
    void derivedSkuKeepsTheLimit();
    void defaultTitleWithoutSku();
    void columnsInAnyOrder_data();
    void columnsInAnyOrder();
    void bomAndCrlf();
    void negativeStockStartsAtZero();
    void barcodesThatAreNoGtinImport();
    void newerTemplateNamesImport();
};

void TestShopifyCsv::fullExportImports()
{
    const ImportPlan p = plan(exportCsv(ShopifyColumns, ExportRows));
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(p.rowCount, 8);
    QCOMPARE(p.products.size(), 3);
    QCOMPARE(p.variantCount, 5); // the three image-only rows are no variants
    const ImportProduct& shirt = p.products[0];
    QCOMPARE(shirt.product.title, u"Linen Shirt"_s);
    QCOMPARE(shirt.product.description, u"<p>Washed linen, \"relaxed\" fit.</p>\n<ul><li>Buttons, 6</li></ul>"_s);
    QCOMPARE(shirt.product.category, u"Shirts"_s);
    QCOMPARE(shirt.product.status, ProductStatus::Active);
    QCOMPARE(shirt.product.optionNames, (QStringList{u"Size"_s, u"Color"_s}));
    QCOMPARE(shirt.variantLines, (QList<int>{2, 4, 5})); // Body (HTML) spans two lines
    QCOMPARE(shirt.product.variants[0].cost->minor(), 1850);
    QCOMPARE(shirt.product.variants[0].weightGrams, 220);
    QCOMPARE(shirt.product.variants[2].sku, u"LS-M-SAND"_s);
    const ImportProduct& card = p.products[1];
    QCOMPARE(card.product.optionNames, QStringList());
    QCOMPARE(card.product.status, ProductStatus::Draft);
    QCOMPARE(card.product.variants.size(), 1);
    QCOMPARE(p.products[2].product.status, ProductStatus::Archived);
    QCOMPARE(variantsOf(p), (QStringList{
                                u"earbuds|EAR-1||299.00|12|false"_s,
                                u"gift-card|gift-card||25.00|-|true"_s,
                                u"linen-shirt|LS-M-SAND|M/Sand|49.00|0|false"_s,
                                u"linen-shirt|linen-shirt-s-olive|S/Olive|49.00|0|true"_s,
                                u"linen-shirt|linen-shirt-s-sand|S/Sand|49.00|4|true"_s,
                            }));
    QCOMPARE(p.derivedSkuCount, 3);
    QCOMPARE(p.derivedSkuExample, u"linen-shirt-s-sand"_s);
    QCOMPARE(p.negativeStockCount, 1);
    for (const ImportProduct& ip : p.products)
        QVERIFY(validateProduct(ip.product, *Currency::find(u"EUR")).isEmpty());
}

void TestShopifyCsv::variantsWithoutSkuGetOneFromHandleAndOptions()
{
    const QByteArray csv =
        "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price\n"
        "tee,Tee,Size,XL,Colour,Night Blue,,5\n"
        "tee,,,XL,,Bleu Électrique,,5\n"
        "tee,,,S,,Night Blue,TEE-S,5\n"
        "tee,,,M,,½,,5\n"
        "mug,Mug,Size,Grand,,,,8\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList());
    const QList<Variant>& tee = p.products[0].product.variants;
    QCOMPARE(tee[0].sku, u"tee-xl-night-blue"_s);
    QCOMPARE(tee[1].sku, u"tee-xl-bleu-électrique"_s);                     // letters of any script stay
    QCOMPARE(tee[2].sku, u"TEE-S"_s);                                      // a SKU in the file is kept as it is
    QVERIFY2(tee[3].sku.startsWith(u"tee-m-x"_s), qPrintable(tee[3].sku)); // "½": no letter, so a hash
    QCOMPARE(tee[3].sku.size(), 13);
    QCOMPARE(p.products[0].derivedSkus, (QList<bool>{true, true, false, true}));
    QCOMPARE(p.products[1].product.variants[0].sku, u"mug-grand"_s);
    QCOMPARE(p.derivedSkuCount, 4);
    QCOMPARE(p.derivedSkuExample, u"tee-xl-night-blue"_s);
    // Souk's own format names the SKU column as required: an empty one stays an error there
    const ImportPlan souk =
        planCatalogCsv("handle,title,sku,price\ntee,Tee,,5\n", CsvFormat::Souk, *Currency::find(u"EUR"), MerchantId);
    QCOMPARE(describe(souk.errors), QStringList{u"2|sku|must not be empty"_s});
}

void TestShopifyCsv::derivedSkuIsStable_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no options") << u"gift-card"_s << QStringList() << u"gift-card"_s;
    QTest::addRow("two options") << u"classic-tee"_s << QStringList{u"S"_s, u"Blue"_s} << u"classic-tee-s-blue"_s;
    QTest::addRow("spaces and punctuation")
        << u"tee"_s << QStringList{u"  Extra Large (XL) "_s} << u"tee-extra-large-xl"_s;
    QTest::addRow("chinese") << u"earbuds"_s << QStringList{u"黑色"_s} << u"earbuds-黑色"_s;
    QTest::addRow("decomposed é is composed")
        << u"tee"_s << QStringList{u"Bleu E\u0301lectrique"_s} << u"tee-bleu-électrique"_s;
}

void TestShopifyCsv::derivedSkuIsStable()
{
    QFETCH(QString, handle);
    QFETCH(QStringList, values);
    QFETCH(QString, expected);
    QCOMPARE(derivedSku(handle, values), expected);
    QCOMPARE(derivedSku(handle, values), derivedSku(handle, values));
}

void TestShopifyCsv::derivedSkuCollisionIsReported()
{
    // "A B" and "A-B" are different option values, but make the same SKU
    const QByteArray csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                           "tee,Tee,Size,A B,,5\n"
                           "tee,,,A-B,,5\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors),
             QStringList{u"3|Variant SKU|this variant has no SKU, and the one made from its handle and options "
                         "(\"tee-a-b\") is already used on line 2; give it a SKU of its own"_s});
}

void TestShopifyCsv::derivedSkuKeepsTheLimit()
{
    const QString handle = QString(250, u'h');
    const QString a = derivedSku(handle, {u"Alpha"_s, u"Beta"_s});
    const QString b = derivedSku(handle, {u"Alpha"_s, u"Gamma"_s});
    QVERIFY(codePointCount(a) <= Limits::ShortTextMax);
    QVERIFY(a != b); // cut to the same start, told apart by the hash of the whole
    QCOMPARE(a, derivedSku(handle, {u"Alpha"_s, u"Beta"_s}));
    QString cjk = u"a"_s; // then characters outside the BMP, so the cut falls inside a surrogate pair
    for (int i = 0; i < 300; ++i)
        cjk += u"𠀋"_s;
    const QString c = derivedSku(cjk, {u"x"_s});
    QVERIFY(codePointCount(c) <= Limits::ShortTextMax);
    QCOMPARE(QString::fromUtf8(c.toUtf8()), c); // no lone surrogate left by the cut
    QVERIFY(c.startsWith(u"a𠀋"_s));
}

void TestShopifyCsv::defaultTitleWithoutSku()
{
    const QByteArray csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src\n"
                           "poster,Poster,Title,Default Title,,12.00,https://cdn/p1.jpg\n"
                           "poster,,,,,,https://cdn/p2.jpg\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(p.products.size(), 1);
    QCOMPARE(p.products[0].product.optionNames, QStringList());
    QCOMPARE(p.products[0].product.variants.size(), 1);
    QCOMPARE(p.products[0].product.variants[0].sku, u"poster"_s);
    QCOMPARE(p.products[0].product.variants[0].optionValues, QStringList());
}

void TestShopifyCsv::barcodesThatAreNoGtinImport()
{
    // Shopify's barcode column takes any code (ISBN, the merchant's own numbers, Code 128
    // labels); only a GTIN-shaped one is held to its check digit
    const QByteArray csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Barcode\n"
                           "book,Book,Edition,Paper,BK-P,12.00,080442957X\n"
                           "book,,,Cloth,BK-C,18.00,100234\n"
                           "book,,,Box,BK-B,30.00,SHIRT-S/OLIVE_2.0\n"
                           "book,,,Gift,BK-G,35.00,4006381333932\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList{u"5|Variant Barcode|check digit should be 1, not 2"_s});
}

void TestShopifyCsv::newerTemplateNamesImport()
{
    // Shopify's newer product template: "URL handle", "SKU", "Price", lower-case option names
    const QByteArray csv = "Title,URL handle,Description,Vendor,Published on online store,Status,SKU,Barcode,"
                           "Option1 name,Option1 value,Price,Compare-at price,Cost per item,Inventory quantity,"
                           "Weight value (grams)\n"
                           "Linen shirt,linen-shirt,<p>Soft</p>,Souk,TRUE,active,LS-S,,Size,S,45.00,60.00,20.00,4,300\n"
                           ",linen-shirt,,,,,LS-M,,,M,45.00,,20.00,2,310\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(variantsOf(p), (QStringList{u"linen-shirt|LS-M|M|45.00|2|false"_s, u"linen-shirt|LS-S|S|45.00|4|false"_s}));
    QCOMPARE(p.products[0].product.variants[0].compareAtPrice->minor(), 6000);
    QCOMPARE(p.products[0].product.variants[1].weightGrams, 310);
}

void TestShopifyCsv::columnsInAnyOrder_data()
{
    QTest::addColumn<QStringList>("columns");
    QStringList reversed = ShopifyColumns;
    std::reverse(reversed.begin(), reversed.end());
    QTest::addRow("reversed") << reversed;
    std::mt19937 random(20261206); // fixed seed: the same orders on every run
    for (int k = 0; k < 3; ++k) {
        QStringList shuffled = ShopifyColumns;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        QTest::addRow("shuffled %d", k) << shuffled;
    }
    QStringList extra = ShopifyColumns;
    extra.insert(3, u"Metafield: custom.fabric [single_line_text_field]"_s);
    extra.append(u"Variant Metafield: mm-google-shopping.size"_s);
    extra.insert(0, u"ID"_s);
    QTest::addRow("unknown columns") << extra;
    QStringList minimal{u"Variant Price"_s, u"Option2 Value"_s, u"Title"_s,
                        u"Option1 Value"_s, u"Handle"_s,        u"Option2 Name"_s,
                        u"Option1 Name"_s,  u"Variant SKU"_s,   u"Variant Inventory Qty"_s,
                        u"Status"_s,        u"Published"_s,     u"Image Src"_s};
    QTest::addRow("only some columns") << minimal;
}

void TestShopifyCsv::columnsInAnyOrder()
{
    QFETCH(QStringList, columns);
    const QStringList ordered = ShopifyColumns;
    QStringList kept; // the columns of the data row in the reference order, to compare like with like
    for (const QString& c : ordered) {
        if (columns.contains(c))
            kept.append(c);
    }
    const ImportPlan reference = plan(exportCsv(kept, ExportRows));
    const ImportPlan p = plan(exportCsv(columns, ExportRows));
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(variantsOf(p), variantsOf(reference));
    QCOMPARE(p.products.size(), 3);
    QCOMPARE(p.products[0].product.title, u"Linen Shirt"_s);
}

void TestShopifyCsv::bomAndCrlf()
{
    const QByteArray csv = "\xEF\xBB\xBF" + exportCsv(ShopifyColumns, ExportRows, u"\r\n"_s);
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(variantsOf(p), variantsOf(plan(exportCsv(ShopifyColumns, ExportRows))));
    // a quoted cell keeps its own line break as written
    QCOMPARE(p.products[0].product.description,
             u"<p>Washed linen, \"relaxed\" fit.</p>\n<ul><li>Buttons, 6</li></ul>"_s);
}

void TestShopifyCsv::negativeStockStartsAtZero()
{
    const QByteArray csv = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty,Variant Inventory Policy\n"
                           "tee,Tee,T1,5,-3,continue\n"
                           "mug,Mug,M1,5,7,deny\n";
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors), QStringList());
    QCOMPARE(p.products[0].inventoryQuantities, (QList<std::optional<qint64>>{0}));
    QCOMPARE(p.products[1].inventoryQuantities, (QList<std::optional<qint64>>{7}));
    QCOMPARE(p.negativeStockCount, 1);
    const ImportPlan souk = planCatalogCsv("handle,title,sku,price,inventory_qty\ntee,Tee,T1,5,-3\n", CsvFormat::Souk,
                                           *Currency::find(u"EUR"), MerchantId);
    QCOMPARE(describe(souk.errors), QStringList{u"2|inventory_qty|must be between 0 and 1000000000"_s});
}

QTEST_GUILESS_MAIN(TestShopifyCsv)
#include "TestShopifyCsv.moc"
