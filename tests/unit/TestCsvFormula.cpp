#include <QTest>

#include "backend/catalog/CatalogCsv.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

Q_DECLARE_METATYPE(souk::catalog::CsvFormat)

/// CSV formula injection (OWASP "CSV Injection"): text cells that a spreadsheet would run as a
/// formula are exported behind a single quote, and Souk's import takes the quote off again.
class TestCsvFormula final : public QObject
{
    Q_OBJECT

private slots:
    void neutralise_data();
    void neutralise();
    void catalogExportIsInert_data();
    void catalogExportIsInert();
    void catalogRoundTrip_data();
    void catalogRoundTrip();
};

void TestCsvFormula::neutralise_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    // the triggers listed by OWASP's CSV Injection page: = + - @ TAB CR
    QTest::addRow("equals") << u"=HYPERLINK(\"http://evil\",\"x\")"_s << u"'=HYPERLINK(\"http://evil\",\"x\")"_s;
    QTest::addRow("plus") << u"+1+cmd|' /C calc'!A0"_s << u"'+1+cmd|' /C calc'!A0"_s;
    QTest::addRow("minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::addRow("at") << u"@SUM(1+1)"_s << u"'@SUM(1+1)"_s;
    QTest::addRow("tab") << u"\t=1"_s << u"'\t=1"_s;
    QTest::addRow("carriage return") << u"\r=1"_s << u"'\r=1"_s;
    QTest::addRow("plain text") << u"Mug"_s << u"Mug"_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("equals later") << u"a=b"_s << u"a=b"_s;
    QTest::addRow("quote then text") << u"'quoted'"_s << u"'quoted'"_s;
    // already quoted by its author: one more quote, so the import gives back exactly this
    QTest::addRow("quote then equals") << u"'=x"_s << u"''=x"_s;
    QTest::addRow("two quotes then at") << u"''@x"_s << u"'''@x"_s;
    QTest::addRow("only quotes") << u"''"_s << u"''"_s;
}

void TestCsvFormula::neutralise()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(neutraliseCsvFormula(cell), written);
    QCOMPARE(restoreCsvFormula(written), cell);
}

namespace {

constexpr Id MerchantId{7};

Product hostileProduct(const Currency& cur)
{
    Product p;
    p.merchantId = MerchantId;
    p.handle = u"hostile"_s; // handles are [a-z0-9-] and cannot start with a dash
    p.title = u"=HYPERLINK(\"http://evil.example\",\"Click\")"_s;
    p.description = u"\t@SUM(A1:A9)"_s; // the only text field that may hold a tab
    p.vendor = u"+1+1"_s;
    p.category = u"@Category"_s;
    p.tags = {u"-tag"_s, u"=tag"_s};
    p.optionNames = {u"=Size"_s};
    Variant v;
    v.id = Id{1};
    v.sku = u"-SKU-1"_s;
    v.optionValues = {u"@large"_s};
    v.price = Money(1999, cur);
    v.cost = Money(0, cur);
    Variant quoted = v;
    quoted.id = Id{2};
    quoted.sku = u"'=already-quoted"_s;
    quoted.optionValues = {u"'plain"_s};
    p.variants = {v, quoted};
    return p;
}

QString describe(const Product& p)
{
    QStringList out{p.handle,   p.title,           p.description,           p.vendor,
                    p.category, p.tags.join(u'|'), p.optionNames.join(u'|')};
    for (const Variant& v : p.variants)
        out.append(v.sku + u'|' + v.optionValues.join(u'|') + u'|' + v.price.toDecimalString());
    return out.join(u'\n');
}

} // namespace

void TestCsvFormula::catalogExportIsInert_data()
{
    QTest::addColumn<CsvFormat>("format");
    QTest::addRow("souk") << CsvFormat::Souk;
    QTest::addRow("shopify") << CsvFormat::Shopify;
}

void TestCsvFormula::catalogExportIsInert()
{
    QFETCH(CsvFormat, format);
    const Currency eur = *Currency::find(u"EUR"_s);
    const Result<CsvTable> table = parseCsv(writeCatalogCsv({hostileProduct(eur)}, {{Id{1}, 3}}, format));
    QVERIFY(table.ok());
    QCOMPARE(table->rows.size(), 2);
    for (const QStringList& row : table->rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QString& cell = row[c];
            const bool formula = !cell.isEmpty() && QStringView(u"=+-@\t\r").contains(cell.front());
            QVERIFY2(!formula, qPrintable(table->header[c] + u": "_s + cell));
        }
    }
    // numbers stay numbers: a spreadsheet must still be able to sum the prices
    const qsizetype price = table->header.indexOf(format == CsvFormat::Souk ? u"price"_s : u"Variant Price"_s);
    QCOMPARE(table->rows[0][price], u"19.99"_s);
}

void TestCsvFormula::catalogRoundTrip_data()
{
    catalogExportIsInert_data();
}

void TestCsvFormula::catalogRoundTrip()
{
    QFETCH(CsvFormat, format);
    const Currency eur = *Currency::find(u"EUR"_s);
    const Product product = hostileProduct(eur);
    const Result<CsvTable> table = parseCsv(writeCatalogCsv({product}, {{Id{1}, 3}}, format));
    QVERIFY(table.ok());
    const ImportPlan plan = readCatalogCsv(*table, format, eur, MerchantId);
    QVERIFY(plan.ok());
    QCOMPARE(plan.products.size(), 1);
    QCOMPARE(describe(plan.products[0].product), describe(product));
    QCOMPARE(plan.products[0].inventoryQuantities.value(0), std::optional<qint64>(3));
}

QTEST_GUILESS_MAIN(TestCsvFormula)
#include "TestCsvFormula.moc"
