#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "backend/catalog/CatalogCsv.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

Q_DECLARE_METATYPE(souk::catalog::CsvFormat)

namespace {

constexpr Id MerchantId{7};

/// The 21 columns Souk's own Shopify export writes (CatalogCsvColumns.h, ShopifyOrder).
const QString Header21 = u"Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,"
                         "Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,"
                         "Variant Inventory Qty,Variant Price,Variant Compare At Price,Variant Barcode,"
                         "Cost per item,Status\n"_s;

/// A row of Header21 with the given handle, title, option, SKU and price.
QString row21(const QString& handle, const QString& title, const QString& size, const QString& sku,
              const QString& price)
{
    return u"%1,%2,,,,,TRUE,%3,%4,,,,,%5,,,%6,,,,active\n"_s.arg(handle, title, title.isEmpty() ? QString() : u"Size"_s,
                                                                 size, sku, price);
}

ImportPlan plan(const QString& csv, CsvFormat format = CsvFormat::Shopify)
{
    return planCatalogCsv(csv.toUtf8(), format, *Currency::find(u"EUR"), MerchantId);
}

QStringList describe(const QList<RowError>& errors)
{
    QStringList out;
    for (const RowError& e : errors)
        out.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    return out;
}

/// Field and code names of the backend that must never reach a person.
const QStringList InternalNames{
    u"variants["_s,   u"invalid"_s,           u"optionValues"_s,      u"optionNames"_s, u"compareAtPrice"_s,
    u"weightGrams"_s, u"lowStockThreshold"_s, u"inventoryQuantity"_s, u"line %"_s,      u"%1"_s,
    u"%2"_s};

} // namespace

/// What the import's check step tells a person about a bad file: every problem, on its line, in
/// words that translate and that name nothing internal.
class TestImportProblems final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsEveryProblemOnItsLine();
    void unreadableFileStillListsWhatItCan();
    void notUtf8();
    void duplicateSkuComparedInNfc_data();
    void duplicateSkuComparedInNfc();
    void problemsNameNothingInternal_data();
    void problemsNameNothingInternal();
    void suggestsTheOtherFormat_data();
    void suggestsTheOtherFormat();
    void fillSubstitutesOnce();

private:
    QTranslator m_chinese;
};

void TestImportProblems::initTestCase()
{
    QVERIFY(loadTranslation(m_chinese, QLocale(QLocale::Chinese, QLocale::China)));
}

void TestImportProblems::listsEveryProblemOnItsLine()
{
    const QString csv = Header21 + row21(u"tee"_s, u"Tee"_s, u"S"_s, u"TEE-S"_s, u"19.90"_s) // line 2
                        + row21(u"tee"_s, {}, u"M"_s, u"TEE-M"_s, u"abc"_s)                  // 3: price
                        + row21(u"mug"_s, u"Mug"_s, u"One"_s, u"MUG-1"_s, u"9.50"_s)         // 4
                        + u"oops,4,columns,here\n"_s                                         // 5: width
                        + u"cap,\"Cap \"pro\"\",,,,,TRUE,,,,,,,CAP-1,,,5,,,,active\n"_s      // 6: stray quote
                        + row21(u"hat"_s, u"Hat"_s, u"One"_s, u"TEE-S"_s, u"5"_s)            // 7: SKU of line 2
                        + u"short,row\n"_s                                                   // 8: width
                        + row21(u"bag"_s, u"Bag"_s, u"One"_s, u"BAG-1"_s, u"-4.00"_s);       // 9: negative
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors),
             (QStringList{
                 u"3|Variant Price|not a number: abc"_s,
                 u"5||expected 21 columns, found 4"_s,
                 u"6||unexpected text after a closing quote (quotes inside a value must be doubled); the line was "
                 "skipped"_s,
                 u"7|Variant SKU|duplicate SKU \"TEE-S\": lines 2 and 7"_s,
                 u"8||expected 21 columns, found 2"_s,
                 u"9|Variant Price|must not be negative"_s,
             }));
    QCOMPARE(p.rowCount, 8); // the two short rows and the skipped one count as rows of the file
    for (const RowError& e : p.errors) {
        QVERIFY(!e.text.isEmpty());
        QCOMPARE(e.text.english(), e.message);
    }
}

void TestImportProblems::unreadableFileStillListsWhatItCan()
{
    const QString csv = Header21 + row21(u"tee"_s, u"Tee"_s, u"S"_s, u"TEE-S"_s, u"-1"_s) // line 2
                        + u"bad,row\n"_s                                                  // 3
                        + u"cap,\"Cap,,,\n"_s;                                            // 4: never closed
    const ImportPlan p = plan(csv);
    QCOMPARE(describe(p.errors),
             (QStringList{u"2|Variant Price|must not be negative"_s, u"3||expected 21 columns, found 2"_s,
                          u"4||a quoted value that starts on this line is never closed, so the rest of the file "
                          "cannot be read"_s}));
    QCOMPARE(describe(plan(QString()).errors), QStringList{u"1||the file is empty"_s});
}

void TestImportProblems::notUtf8()
{
    const QByteArray latin1 = "Handle,Title,Variant SKU,Variant Price\ntee,Tee,T1,5\ncaf\xE9,Caf\xE9,C1,5\n";
    const ImportPlan p = planCatalogCsv(latin1, CsvFormat::Shopify, *Currency::find(u"EUR"), MerchantId);
    QCOMPARE(describe(p.errors), QStringList{u"3||this line is not valid UTF-8 text; save the file as UTF-8"_s});
    QVERIFY(p.products.isEmpty());
}

void TestImportProblems::duplicateSkuComparedInNfc_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QStringList>("expected");
    const QString composed = u"CAF\u00C9-1"_s;
    const QString decomposed = u"CAFE\u0301-1"_s;
    const QString h = u"Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"_s;
    QTest::addRow("across products") << h + u"tee,Tee,Size,S,%1,5\nmug,Mug,Size,S,%2,5\n"_s.arg(composed, decomposed)
                                     << QStringList{
                                            u"3|Variant SKU|duplicate SKU \"%1\": lines 2 and 3"_s.arg(decomposed)};
    QTest::addRow("in one product") << h + u"tee,Tee,Size,S,%1,5\ntee,,,M,%2,5\n"_s.arg(decomposed, composed)
                                    << QStringList{
                                           u"3|Variant SKU|duplicate SKU \"%1\": lines 2 and 3"_s.arg(composed)};
    QTest::addRow("with spaces around") << h + u"tee,Tee,Size,S,%1,5\nmug,Mug,Size,S,\" %2\",5\n"_s.arg(composed,
                                                                                                        composed)
                                        << QStringList{
                                               u"3|Variant SKU|duplicate SKU \" %1\": lines 2 and 3"_s.arg(composed)};
    QTest::addRow("case differs: two SKUs")
        << h + u"tee,Tee,Size,S,caf\u00E9-1,5\nmug,Mug,Size,S,%1,5\n"_s.arg(composed) << QStringList();
}

void TestImportProblems::duplicateSkuComparedInNfc()
{
    QFETCH(QString, csv);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(plan(csv).errors), expected);
}

void TestImportProblems::problemsNameNothingInternal_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("problems");
    const QString h = u"Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,"
                      "Variant Compare At Price,Variant Barcode,Variant Grams,Tags,Published,Status\n"_s;
    QTest::addRow("same options") << h + u"tee,Tee,Size,S,,,T1,5,,,,,,\ntee,,,s,,,T2,5,,,,,,\n"_s << 1;
    QTest::addRow("same SKU in the product") << h + u"tee,Tee,Size,S,,,T1,5,,,,,,\ntee,,,M,,,T1,5,,,,,,\n"_s << 1;
    QTest::addRow("variants without options") << h + u"tee,Tee,,,,,T1,5,,,,,,\ntee,,,,,,T2,5,,,,,,\n"_s << 1;
    QTest::addRow("option named twice") << h + u"tee,Tee,Size,S,size,L,T1,5,,,,,,\n"_s << 1;
    QTest::addRow("value without option") << h + u"tee,Tee,Size,S,,L,T1,5,,,,,,\n"_s << 1;
    QTest::addRow("empty option value") << h + u"tee,Tee,Size,S,Colour,Red,T1,5,,,,,,\ntee,,,M,,,T2,5,,,,,,\n"_s << 1;
    QTest::addRow("values") << h + u"Bad Handle,Tee,Size,S,,,T\u200B1,1.234,x,1 23,1e3,\"a,a\",maybe,live\n"_s << 8;
    QTest::addRow("more values") << h + u"tee,Tee \u202E,Size,S,,,T 1,-1,1000000000.01,4006381333932,-5,,,\n"_s << 6;
    QTest::addRow("barcode punctuation") << h + u"tee,,Size,S,,,T1,,,12AB!,,,,\n"_s << 3;
    QTest::addRow("missing columns") << u"Handle,Vendor\ntee,Souk\n"_s << 2;
    QTest::addRow("column twice") << u"Handle,Title,Variant Price,Title\ntee,Tee,5,Tee\n"_s << 1;
    QTest::addRow("no handle or title") << h + u",,Size,S,,,T1,5,,,,,,\n"_s << 1;
}

void TestImportProblems::problemsNameNothingInternal()
{
    QFETCH(QString, csv);
    QFETCH(int, problems);
    const ImportPlan p = plan(csv);
    QCOMPARE(p.errors.size(), problems);
    for (const RowError& e : p.errors) {
        QVERIFY2(e.text.source != nullptr, qPrintable(e.message));
        QCOMPARE(e.text.english(), e.message);
        const QString chinese = ProblemText::fill(m_chinese.translate("ImportProblem", e.text.source), e.text.args);
        QVERIFY2(!chinese.isEmpty() && chinese != e.message, qPrintable(u"no Chinese for: "_s + e.message));
        for (const QString& name : InternalNames) {
            QVERIFY2(!e.message.contains(name), qPrintable(e.message));
            QVERIFY2(!chinese.contains(name), qPrintable(chinese));
        }
    }
}

void TestImportProblems::suggestsTheOtherFormat_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<CsvFormat>("chosen");
    QTest::addColumn<int>("suggested"); // -1: none
    const QString shopify = u"Handle,Title,Variant SKU,Variant Price\ntee,Tee,,5\n"_s;
    const QString souk = u"handle,title,sku,price\ntee,Tee,T1,5\n"_s;
    QTest::addRow("Shopify file as Souk") << shopify << CsvFormat::Souk << int(CsvFormat::Shopify);
    QTest::addRow("BOM Shopify file as Souk") << u"\uFEFF"_s + shopify << CsvFormat::Souk << int(CsvFormat::Shopify);
    QTest::addRow("Souk file as Shopify") << souk << CsvFormat::Shopify << int(CsvFormat::Souk);
    QTest::addRow("Shopify file as Shopify") << shopify << CsvFormat::Shopify << -1;
    QTest::addRow("neither") << u"name,cost\ntee,5\n"_s << CsvFormat::Souk << -1;
}

void TestImportProblems::suggestsTheOtherFormat()
{
    QFETCH(QString, csv);
    QFETCH(CsvFormat, chosen);
    QFETCH(int, suggested);
    const ImportPlan p = plan(csv, chosen);
    QCOMPARE(p.suggestedFormat ? int(*p.suggestedFormat) : -1, suggested);
    if (suggested >= 0) {
        QVERIFY(!p.ok()); // still listed: the columns the chosen format needs are missing
        QVERIFY(p.errors.first().message == u"missing required column"_s);
    }
}

void TestImportProblems::fillSubstitutesOnce()
{
    QCOMPARE(ProblemText::fill(u"duplicate SKU \"%1\": lines %2 and %3"_s, {u"A%2%3"_s, u"2"_s, u"7"_s}),
             u"duplicate SKU \"A%2%3\": lines 2 and 7"_s);
    QCOMPARE(ProblemText::fill(u"100% sure, %1"_s, {u"x"_s}), u"100% sure, x"_s);
    QCOMPARE(ProblemText::fill(u"%1 and %2"_s, {u"x"_s}), u"x and %2"_s);
    QCOMPARE((ProblemText{problemtext::WrongWidth, {u"21"_s, u"4"_s}}.english()), u"expected 21 columns, found 4"_s);
}

QTEST_GUILESS_MAIN(TestImportProblems)
#include "TestImportProblems.moc"
