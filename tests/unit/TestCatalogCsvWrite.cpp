#include <QTest>

#include "backend/catalog/CatalogCsv.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

Q_DECLARE_METATYPE(souk::catalog::CsvFormat)

namespace {

constexpr Id MerchantId{7};

QStringList describe(const QList<RowError>& errors)
{
    QStringList out;
    for (const RowError& e : errors)
        out.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    return out;
}

QString money(const std::optional<Money>& m)
{
    return m ? m->toDecimalString() + u' ' + m->currency().code : u"-"_s;
}

/// Every field an import carries (ids, versions and timestamps are the store's business).
QString describe(const Product& p)
{
    QStringList out{p.handle,
                    p.title,
                    p.description,
                    p.vendor,
                    p.category,
                    p.tags.join(u'|'),
                    statusName(p.status),
                    p.optionNames.join(u'|'),
                    p.merchantId.toString()};
    for (const Variant& v : p.variants) {
        out.append(u"variant %1 [%2] %3 %4 %5 %6 %7g low %8"_s
                       .arg(v.sku, v.optionValues.join(u'|'), money(v.price), money(v.compareAtPrice), money(v.cost),
                            v.barcode)
                       .arg(v.weightGrams)
                       .arg(v.lowStockThreshold));
    }
    return out.join(u'\n');
}

/// Three products that exercise quoting, options, optional amounts, barcodes and Chinese text.
QList<Product> sampleProducts(const Currency& cur, bool withLowStock)
{
    auto variant = [&](qint64 id, const QString& sku, QStringList values, qint64 price) {
        Variant v;
        v.id = Id{id};
        v.sku = sku;
        v.optionValues = std::move(values);
        v.price = Money(price, cur);
        v.lowStockThreshold = withLowStock ? id % 7 : 0; // Shopify has no such column
        return v;
    };
    Product tee;
    tee.merchantId = MerchantId;
    tee.handle = u"classic-tee"_s;
    tee.title = u"Classic Tee, \"Organic\""_s;
    tee.description = u"<p>Soft, warm.</p>\r\n<p>Second \"line\"</p>"_s;
    tee.vendor = u" Souk Apparel "_s;
    tee.category = u"Shirts"_s;
    tee.tags = {u"cotton"_s, u"summer sale"_s};
    tee.status = ProductStatus::Active;
    tee.optionNames = {u"Size"_s, u"Colour"_s, u"Fit"_s};
    tee.variants = {variant(101, u"TEE-S"_s, {u"S"_s, u"Blue"_s, u"Slim"_s}, 1999),
                    variant(102, u"TEE-M"_s, {u"M"_s, u"Blue, dark"_s, u"Slim"_s}, 0),
                    variant(103, u"TEE-L"_s, {u"L"_s, u"Red"_s, u"Regular"_s}, 123456789)};
    tee.variants[0].compareAtPrice = Money(2499, cur);
    tee.variants[0].cost = Money(700, cur);
    tee.variants[1].cost = Money(0, cur);
    tee.variants[2].barcode = u"036000291452"_s;
    tee.variants[2].weightGrams = 250;
    Product earbuds;
    earbuds.merchantId = MerchantId;
    earbuds.handle = u"无线蓝牙耳机"_s;
    earbuds.title = u"无线蓝牙耳机 Pro"_s;
    earbuds.variants = {variant(201, u"EAR-1"_s, {}, 29900)};
    earbuds.variants[0].barcode = u"6901234567892"_s;
    Product old;
    old.merchantId = MerchantId;
    old.handle = u"old-mug"_s;
    old.title = u"Old Mug"_s;
    old.status = ProductStatus::Archived;
    old.optionNames = {u"Size"_s};
    old.variants = {variant(301, u"MUG-S"_s, {u"Small"_s}, 500), variant(302, u"MUG-L"_s, {u"Large"_s}, 700)};
    return {tee, earbuds, old};
}

} // namespace

class TestCatalogCsvWrite final : public QObject
{
    Q_OBJECT

private slots:
    void writesShopifyShape();
    void writesSoukShape();
    void roundTrip_data();
    void roundTrip();
};

void TestCatalogCsvWrite::writesShopifyShape()
{
    Product p;
    p.handle = u"earbuds"_s;
    p.title = u"无线蓝牙耳机"_s;
    p.status = ProductStatus::Active;
    Variant v;
    v.id = Id{42};
    v.sku = u"EAR-1"_s;
    v.price = Money(29900, *Currency::find(u"CNY"_s));
    p.variants = {v};
    const QByteArray csv = writeCatalogCsv({p}, {{Id{42}, 17}}, CsvFormat::Shopify);
    const QByteArray expected =
        u"Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,"
        "Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,"
        "Variant Compare At Price,Variant Barcode,Cost per item,Status\n"
        "earbuds,无线蓝牙耳机,,,,,TRUE,Title,Default Title,,,,,EAR-1,0,17,299.00,,,,active\n"_s.toUtf8();
    QCOMPARE(csv, expected);
}

void TestCatalogCsvWrite::writesSoukShape()
{
    const Currency jpy = *Currency::find(u"JPY"_s);
    Product p;
    p.handle = u"mug"_s;
    p.title = u"Mug, large"_s;
    p.tags = {u"gift"_s, u"kitchen"_s};
    p.optionNames = {u"Size"_s};
    Variant small;
    small.id = Id{1};
    small.sku = u"MUG-S"_s;
    small.optionValues = {u"S"_s};
    small.price = Money(850, jpy);
    small.cost = Money(310, jpy);
    small.weightGrams = 350;
    small.lowStockThreshold = 4;
    Variant large = small;
    large.id = Id{2};
    large.sku = u"MUG-L"_s;
    large.optionValues = {u"L"_s};
    large.cost.reset();
    large.compareAtPrice = Money(1200, jpy);
    p.variants = {small, large};
    const QByteArray csv = writeCatalogCsv({p}, {{Id{2}, 0}}, CsvFormat::Souk);
    const QByteArray expected =
        "handle,title,description,vendor,category,tags,status,option1_name,option1_value,option2_name,"
        "option2_value,option3_name,option3_value,sku,price,compare_at_price,cost,barcode,weight_grams,"
        "low_stock_threshold,inventory_qty,currency\n"
        "mug,\"Mug, large\",,,,\"gift, kitchen\",draft,Size,S,,,,,MUG-S,850,,310,,350,4,,JPY\n"
        "mug,,,,,,,,L,,,,,MUG-L,850,1200,,,350,4,0,JPY\n"_ba;
    QCOMPARE(csv, expected);
}

void TestCatalogCsvWrite::roundTrip_data()
{
    QTest::addColumn<CsvFormat>("format");
    QTest::addColumn<QString>("currency");
    QTest::addRow("shopify EUR") << CsvFormat::Shopify << u"EUR"_s;
    QTest::addRow("shopify KWD") << CsvFormat::Shopify << u"KWD"_s;
    QTest::addRow("souk EUR") << CsvFormat::Souk << u"EUR"_s;
    QTest::addRow("souk JPY") << CsvFormat::Souk << u"JPY"_s;
}

void TestCatalogCsvWrite::roundTrip()
{
    QFETCH(CsvFormat, format);
    QFETCH(QString, currency);
    const Currency cur = *Currency::find(currency);
    const QList<Product> products = sampleProducts(cur, format == CsvFormat::Souk);
    const QHash<Id, qint64> onHand{{Id{101}, 5}, {Id{102}, 0}, {Id{201}, 1000000000}};

    const QByteArray csv = writeCatalogCsv(products, onHand, format);
    const Result<CsvTable> table = parseCsv(csv);
    QVERIFY(table.ok());
    const ImportPlan plan = readCatalogCsv(*table, format, cur, MerchantId);
    QCOMPARE(describe(plan.errors), QStringList());
    QCOMPARE(plan.products.size(), products.size());
    for (int i = 0; i < products.size(); ++i)
        QCOMPARE(describe(plan.products[i].product), describe(products[i]));
    QCOMPARE(plan.products[0].inventoryQuantities, (QList<std::optional<qint64>>{5, 0, std::nullopt}));
    QCOMPARE(plan.products[1].inventoryQuantities, (QList<std::optional<qint64>>{1000000000}));
    QCOMPARE(writeCatalogCsv(products, onHand, format), csv); // stable output
}

QTEST_GUILESS_MAIN(TestCatalogCsvWrite)
#include "TestCatalogCsvWrite.moc"
