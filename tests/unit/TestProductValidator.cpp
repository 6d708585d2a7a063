#include <QTest>

#include <functional>
#include <limits>

#include "backend/catalog/CatalogCsv.h"
#include "backend/catalog/ProductValidator.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

namespace {

Currency currency(const QString& code)
{
    return *Currency::find(code);
}

Money eur(qint64 minor)
{
    return Money(minor, currency(u"EUR"_s));
}

/// A valid product with three variants, so that "variants[2]" always exists.
Product validProduct()
{
    Product p;
    p.handle = u"classic-tee"_s;
    p.title = u"Classic Tee"_s;
    p.description = u"<p>Soft cotton.</p>\n<p>Machine washable.</p>"_s;
    p.vendor = u"Souk Apparel"_s;
    p.category = u"Shirts"_s;
    p.tags = {u"cotton"_s, u"summer"_s};
    p.optionNames = {u"Size"_s, u"Colour"_s};
    const QStringList sizes{u"S"_s, u"M"_s, u"L"_s};
    for (int i = 0; i < 3; ++i) {
        Variant v;
        v.sku = u"TEE-"_s + sizes[i];
        v.optionValues = {sizes[i], u"Blue"_s};
        v.price = eur(1999);
        v.compareAtPrice = eur(2499);
        v.cost = eur(700);
        v.weightGrams = 180;
        v.lowStockThreshold = 5;
        p.variants.append(v);
    }
    p.variants[0].barcode = u"4006381333931"_s;
    return p;
}

using Mutation = std::function<void(Product&)>;

void addProblemColumns()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

namespace {

/// The current data row's mutation yields exactly the one expected error.
void checkOneProblem()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    Product p = validProduct();
    mutate(p);
    const QList<Error> errors = validateProduct(p, currency(u"EUR"_s));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].field, field);
    QCOMPARE(errors[0].code, code);
    QCOMPARE(errors[0].message, message);
}

} // namespace

class TestProductValidator final : public QObject
{
    Q_OBJECT

private slots:
    void validProducts_data();
    void validProducts();
    void productProblem_data();
    void productProblem();
    void listProblem_data();
    void listProblem();
    void variantProblem_data();
    void variantProblem();
    void reportsEveryProblem();
    void makeHandle_data();
    void makeHandle();
    void isValidHandle_data();
    void isValidHandle();
    void priceLimit_data();
    void priceLimit();
    void refusedIdentifierChar_data();
    void refusedIdentifierChar();
    void bidiInText_data();
    void bidiInText();
    void textKeepsInvisibleChars();
    void composedAndDecomposedAreOne_data();
    void composedAndDecomposedAreOne();
    void normalizedIdentifier_data();
    void normalizedIdentifier();
    void csvImportIsValidated_data();
    void csvImportIsValidated();
};

void TestProductValidator::validProducts_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addRow("as built") << Mutation([](Product&) {});
    QTest::addRow("empty handle is derived later") << Mutation([](Product& p) { p.handle.clear(); });
    QTest::addRow("chinese handle") << Mutation([](Product& p) {
        p.title = u"无线蓝牙耳机"_s;
        p.handle = u"无线蓝牙耳机-pro-2"_s;
    });
    QTest::addRow("255-char title") << Mutation([](Product& p) { p.title = QString(255, u'x'); });
    QTest::addRow("255 CJK chars outside the BMP") << Mutation([](Product& p) {
        p.title = QString();
        for (int i = 0; i < 255; ++i)
            p.title += u"𠀋"_s; // two UTF-16 units, one character
    });
    QTest::addRow("single variant without options") << Mutation([](Product& p) {
        p.optionNames.clear();
        p.variants.resize(1);
        p.variants[0].optionValues.clear();
    });
    QTest::addRow("UPC-A and EAN-8") << Mutation([](Product& p) {
        p.variants[1].barcode = u"036000291452"_s;
        p.variants[2].barcode = u"96385074"_s;
    });
    QTest::addRow("zero price, no compare-at or cost") << Mutation([](Product& p) {
        p.variants[2].price = eur(0);
        p.variants[2].compareAtPrice.reset();
        p.variants[2].cost.reset();
    });
    QTest::addRow("weight at maximum") << Mutation(
        [](Product& p) { p.variants[2].weightGrams = Limits::WeightGramsMax; });
    QTest::addRow("100 variants") << Mutation([](Product& p) {
        p.optionNames = {u"Number"_s};
        p.variants.resize(100);
        for (int i = 0; i < 100; ++i) {
            p.variants[i] = p.variants[0];
            p.variants[i].sku = u"N-%1"_s.arg(i);
            p.variants[i].optionValues = {QString::number(i)};
        }
    });
}

void TestProductValidator::validProducts()
{
    QFETCH(Mutation, mutate);
    Product p = validProduct();
    mutate(p);
    const QList<Error> errors = validateProduct(p, currency(u"EUR"_s));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
}

void TestProductValidator::productProblem_data()
{
    addProblemColumns();
    const auto invalid = ErrorCode::Invalid;
    QTest::addRow("empty title") << Mutation([](Product& p) { p.title.clear(); }) << u"title"_s << invalid
                                 << u"must not be empty"_s;
    QTest::addRow("blank title") << Mutation([](Product& p) { p.title = u"  \t "_s; }) << u"title"_s << invalid
                                 << u"must not be empty"_s;
    QTest::addRow("300-char title") << Mutation([](Product& p) { p.title = QString(300, u'x'); }) << u"title"_s
                                    << invalid << u"must be at most 255 characters (found 300)"_s;
    QTest::addRow("control char in title") << Mutation([](Product& p) { p.title = u"Tee\u0007"_s; }) << u"title"_s
                                           << invalid << u"must not contain control characters"_s;
    QTest::addRow("newline in title") << Mutation([](Product& p) { p.title = u"Tee\nShirt"_s; }) << u"title"_s
                                      << invalid << u"must not contain control characters"_s;
    const QString handleShape = u"must be lower-case letters and digits joined by single dashes"_s;
    QTest::addRow("upper-case handle") << Mutation([](Product& p) { p.handle = u"Classic-Tee"_s; }) << u"handle"_s
                                       << invalid << handleShape;
    QTest::addRow("double dash handle") << Mutation([](Product& p) { p.handle = u"classic--tee"_s; }) << u"handle"_s
                                        << invalid << handleShape;
    QTest::addRow("leading dash handle") << Mutation([](Product& p) { p.handle = u"-tee"_s; }) << u"handle"_s << invalid
                                         << handleShape;
    QTest::addRow("space in handle") << Mutation([](Product& p) { p.handle = u"classic tee"_s; }) << u"handle"_s
                                     << invalid << handleShape;
    QTest::addRow("256-char handle") << Mutation([](Product& p) { p.handle = QString(256, u'a'); }) << u"handle"_s
                                     << invalid << u"must be at most 255 characters (found 256)"_s;
    QTest::addRow("huge description") << Mutation([](Product& p) { p.description = QString(65537, u'd'); })
                                      << u"description"_s << invalid
                                      << u"must be at most 65536 characters (found 65537)"_s;
    QTest::addRow("NUL in description") << Mutation([](Product& p) { p.description = u"a"_s + QChar(0) + u"b"_s; })
                                        << u"description"_s << invalid << u"must not contain control characters"_s;
    QTest::addRow("long vendor") << Mutation([](Product& p) { p.vendor = QString(256, u'v'); }) << u"vendor"_s
                                 << invalid << u"must be at most 255 characters (found 256)"_s;
    QTest::addRow("long category") << Mutation([](Product& p) { p.category = QString(256, u'c'); }) << u"category"_s
                                   << invalid << u"must be at most 255 characters (found 256)"_s;
}

void TestProductValidator::listProblem_data()
{
    addProblemColumns();
    const auto invalid = ErrorCode::Invalid;
    const auto duplicate = ErrorCode::Duplicate;
    QTest::addRow("51 tags") << Mutation([](Product& p) {
        p.tags.clear();
        for (int i = 0; i < 51; ++i)
            p.tags.append(u"t%1"_s.arg(i));
    }) << u"tags"_s << invalid
                             << u"at most 50 tags (found 51)"_s;
    QTest::addRow("long tag") << Mutation([](Product& p) { p.tags.append(QString(65, u't')); }) << u"tags"_s << invalid
                              << u"must be at most 64 characters (found 65)"_s;
    QTest::addRow("empty tag") << Mutation([](Product& p) { p.tags.append(u" "_s); }) << u"tags"_s << invalid
                               << u"must not be empty"_s;
    QTest::addRow("tag with comma") << Mutation([](Product& p) { p.tags.append(u"a,b"_s); }) << u"tags"_s << invalid
                                    << u"a tag must not contain a comma"_s;
    QTest::addRow("duplicate tag") << Mutation([](Product& p) { p.tags.append(u"Cotton"_s); }) << u"tags"_s << duplicate
                                   << u"tag \"Cotton\" appears twice"_s;
    QTest::addRow("four options") << Mutation([](Product& p) {
        p.optionNames = {u"A"_s, u"B"_s, u"C"_s, u"D"_s};
        for (Variant& v : p.variants)
            v.optionValues = {v.sku, u"b"_s, u"c"_s, u"d"_s};
    }) << u"optionNames"_s << invalid
                                  << u"at most 3 options (found 4)"_s;
    QTest::addRow("empty option name") << Mutation([](Product& p) { p.optionNames[1] = u" "_s; }) << u"optionNames"_s
                                       << invalid << u"must not be empty"_s;
    QTest::addRow("duplicate option name") << Mutation([](Product& p) { p.optionNames[1] = u"size"_s; })
                                           << u"optionNames"_s << duplicate << u"option \"size\" appears twice"_s;
    QTest::addRow("no variants") << Mutation([](Product& p) { p.variants.clear(); }) << u"variants"_s << invalid
                                 << u"at least one variant is required"_s;
    QTest::addRow("101 variants") << Mutation([](Product& p) {
        p.optionNames = {u"Number"_s};
        p.variants.resize(101);
        for (int i = 0; i < 101; ++i) {
            p.variants[i] = p.variants[0];
            p.variants[i].sku = u"N-%1"_s.arg(i);
            p.variants[i].optionValues = {QString::number(i)};
        }
    }) << u"variants"_s << invalid << u"at most 100 variants (found 101)"_s;
}

void TestProductValidator::variantProblem_data()
{
    addProblemColumns();
    const auto invalid = ErrorCode::Invalid;
    const auto duplicate = ErrorCode::Duplicate;
    QTest::addRow("empty SKU") << Mutation([](Product& p) { p.variants[2].sku.clear(); }) << u"variants[2].sku"_s
                               << invalid << u"must not be empty"_s;
    QTest::addRow("space in SKU") << Mutation([](Product& p) { p.variants[2].sku = u"TEE L"_s; })
                                  << u"variants[2].sku"_s << invalid
                                  << u"must not contain spaces or control characters"_s;
    QTest::addRow("tab in SKU") << Mutation([](Product& p) { p.variants[2].sku = u"TEE\tL"_s; }) << u"variants[2].sku"_s
                                << invalid << u"sku contains a control character (U+0009)"_s;
    QTest::addRow("long SKU") << Mutation([](Product& p) { p.variants[2].sku = QString(256, u'S'); })
                              << u"variants[2].sku"_s << invalid << u"must be at most 255 characters (found 256)"_s;
    QTest::addRow("duplicate SKU") << Mutation([](Product& p) { p.variants[2].sku = u"TEE-S"_s; })
                                   << u"variants[2].sku"_s << duplicate
                                   << u"SKU \"TEE-S\" is also used by variants[0]"_s;
    QTest::addRow("negative price") << Mutation([](Product& p) { p.variants[2].price = eur(-1); })
                                    << u"variants[2].price"_s << invalid << u"must not be negative"_s;
    QTest::addRow("price in USD") << Mutation([](Product& p) { p.variants[2].price = Money(1999, currency(u"USD"_s)); })
                                  << u"variants[2].price"_s << invalid << u"must be in EUR, not USD"_s;
    QTest::addRow("price without currency")
        << Mutation([](Product& p) { p.variants[2].price = Money(); }) << u"variants[2].price"_s << invalid
        << u"must be in EUR, not no currency"_s;
    QTest::addRow("negative compare-at") << Mutation([](Product& p) { p.variants[2].compareAtPrice = eur(-5); })
                                         << u"variants[2].compareAtPrice"_s << invalid << u"must not be negative"_s;
    QTest::addRow("cost in JPY") << Mutation([](Product& p) { p.variants[2].cost = Money(700, currency(u"JPY"_s)); })
                                 << u"variants[2].cost"_s << invalid << u"must be in EUR, not JPY"_s;
    QTest::addRow("bad barcode") << Mutation([](Product& p) { p.variants[2].barcode = u"4006381333932"_s; })
                                 << u"variants[2].barcode"_s << invalid << u"check digit should be 1, not 2"_s;
    QTest::addRow("negative weight") << Mutation([](Product& p) { p.variants[2].weightGrams = -1; })
                                     << u"variants[2].weightGrams"_s << invalid
                                     << u"must be between 0 and 1000000000"_s;
    QTest::addRow("absurd weight") << Mutation(
                                          [](Product& p) { p.variants[2].weightGrams = Limits::WeightGramsMax + 1; })
                                   << u"variants[2].weightGrams"_s << invalid << u"must be between 0 and 1000000000"_s;
    QTest::addRow("negative low-stock") << Mutation([](Product& p) { p.variants[2].lowStockThreshold = -1; })
                                        << u"variants[2].lowStockThreshold"_s << invalid
                                        << u"must be between 0 and 1000000000"_s;
    QTest::addRow("missing option value")
        << Mutation([](Product& p) { p.variants[2].optionValues.removeLast(); }) << u"variants[2].optionValues"_s
        << invalid << u"expected 2 option values, found 1"_s;
    QTest::addRow("empty option value") << Mutation([](Product& p) { p.variants[2].optionValues[1].clear(); })
                                        << u"variants[2].optionValues"_s << invalid << u"must not be empty"_s;
    QTest::addRow("same options twice") << Mutation([](Product& p) {
        p.variants[2].optionValues = {u"m"_s, u"BLUE"_s};
    }) << u"variants[2].optionValues"_s << duplicate
                                        << u"same option values as variants[1]"_s;
    QTest::addRow("two variants, no options") << Mutation([](Product& p) {
        p.optionNames.clear();
        for (Variant& v : p.variants)
            v.optionValues.clear();
        p.variants.removeLast();
    }) << u"variants[1].optionValues"_s << duplicate
                                              << u"a product with several variants needs options to tell them apart"_s;
}

void TestProductValidator::productProblem()
{
    checkOneProblem();
}

void TestProductValidator::listProblem()
{
    checkOneProblem();
}

void TestProductValidator::variantProblem()
{
    checkOneProblem();
}

void TestProductValidator::reportsEveryProblem()
{
    Product p = validProduct();
    p.title.clear();
    p.handle = u"Bad Handle"_s;
    p.variants[0].price = eur(-100);
    p.variants[1].sku = u"TEE-S"_s;
    p.variants[1].barcode = u"12 3"_s;
    p.variants[2].cost = Money(1, currency(u"USD"_s));
    QStringList fields;
    for (const Error& e : validateProduct(p, currency(u"EUR"_s)))
        fields.append(e.field);
    const QStringList expected{
        u"title"_s,          u"handle"_s, u"variants[0].price"_s, u"variants[1].barcode"_s, u"variants[2].cost"_s,
        u"variants[1].sku"_s};
    QCOMPARE(fields, expected);
}

void TestProductValidator::makeHandle_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("handle");
    QTest::addRow("ascii words") << u"Classic Tee, Blue!"_s << u"classic-tee-blue"_s;
    QTest::addRow("surrounding junk") << u"  --Hello   World--  "_s << u"hello-world"_s;
    QTest::addRow("digits kept") << u"iPhone 15 Pro"_s << u"iphone-15-pro"_s;
    QTest::addRow("accents kept") << u"Crème Brûlée"_s << u"crème-brûlée"_s;
    QTest::addRow("german") << u"Große STRASSE"_s << u"große-strasse"_s;
    QTest::addRow("chinese") << u"无线蓝牙耳机 Pro"_s << u"无线蓝牙耳机-pro"_s;
    QTest::addRow("japanese with long mark") << u"コーヒー豆 500g"_s << u"コーヒー豆-500g"_s;
    QTest::addRow("emoji dropped") << u"Tee 🎉 Party"_s << u"tee-party"_s;
    QTest::addRow("only punctuation") << u"!!! ???"_s << u"product"_s;
    QTest::addRow("empty") << QString() << u"product"_s;
    QTest::addRow("cut at 255") << QString(300, u'a') << QString(255, u'a');
    QTest::addRow("cut never ends on a dash") << QString(254, u'a') + u" b"_s << QString(254, u'a');
}

void TestProductValidator::makeHandle()
{
    QFETCH(QString, title);
    QFETCH(QString, handle);
    const QString made = souk::catalog::makeHandle(title);
    QCOMPARE(made, handle);
    QVERIFY(souk::catalog::isValidHandle(made));
}

void TestProductValidator::isValidHandle_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<bool>("valid");
    QTest::addRow("ascii") << u"classic-tee-2"_s << true;
    QTest::addRow("chinese") << u"无线蓝牙耳机"_s << true;
    QTest::addRow("mixed scripts") << u"耳机-pro"_s << true;
    QTest::addRow("hindi with marks") << u"किताब"_s << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("upper case") << u"Tee"_s << false;
    QTest::addRow("trailing dash") << u"tee-"_s << false;
    QTest::addRow("underscore") << u"tee_2"_s << false;
    QTest::addRow("slash") << u"a/b"_s << false;
}

void TestProductValidator::isValidHandle()
{
    QFETCH(QString, handle);
    QFETCH(bool, valid);
    QCOMPARE(souk::catalog::isValidHandle(handle), valid);
}

void TestProductValidator::priceLimit_data()
{
    // AmountLimits: 10^11 minor units per unit, so 10^5 per line and 100 lines total at most 10^18
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("currencyCode");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("message"); // empty: accepted
    const qint64 max = AmountLimits::PriceMinorMax;
    QTest::addRow("price at the limit") << u"price"_s << u"EUR"_s << max << QString();
    QTest::addRow("price one over") << u"price"_s << u"EUR"_s << max + 1 << u"must be at most 1000000000.00 EUR"_s;
    QTest::addRow("price at int64 max") << u"price"_s << u"EUR"_s << std::numeric_limits<qint64>::max()
                                        << u"must be at most 1000000000.00 EUR"_s;
    QTest::addRow("JPY price one over") << u"price"_s << u"JPY"_s << max + 1 << u"must be at most 100000000000 JPY"_s;
    QTest::addRow("compare-at at the limit") << u"compareAtPrice"_s << u"EUR"_s << max << QString();
    QTest::addRow("compare-at one over") << u"compareAtPrice"_s << u"EUR"_s << max + 1
                                         << u"must be at most 1000000000.00 EUR"_s;
}

void TestProductValidator::priceLimit()
{
    QFETCH(QString, field);
    QFETCH(QString, currencyCode);
    QFETCH(qint64, minor);
    QFETCH(QString, message);
    const Currency c = currency(currencyCode);
    Product p = validProduct();
    for (Variant& v : p.variants) {
        v.price = Money(100, c);
        v.compareAtPrice = Money(200, c);
        v.cost.reset();
    }
    if (field == u"price"_s)
        p.variants[1].price = Money(minor, c);
    else
        p.variants[1].compareAtPrice = Money(minor, c);
    const QList<Error> errors = validateProduct(p, c);
    if (message.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].code, ErrorCode::Invalid);
    QCOMPARE(errors[0].field, u"variants[1]."_s + field);
    QCOMPARE(errors[0].message, message);
}

namespace {

/// Every code point the identifier rule refuses: C0 and C1 controls, zero-width and direction
/// marks, bidi embeddings/overrides/isolates, invisible operators, the BOM and the soft hyphen.
QList<char32_t> refusedInIdentifiers()
{
    QList<char32_t> out{0x01, 0x09, 0x0A, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xAD, 0xFEFF};
    for (char32_t cp = 0x200B; cp <= 0x200F; ++cp)
        out.append(cp);
    for (char32_t cp = 0x202A; cp <= 0x202E; ++cp)
        out.append(cp);
    for (char32_t cp = 0x2060; cp <= 0x2064; ++cp)
        out.append(cp);
    for (char32_t cp = 0x2066; cp <= 0x2069; ++cp)
        out.append(cp);
    return out;
}

QString withCodePoint(const QString& before, char32_t cp, const QString& after)
{
    // all BMP code points; not QString::fromUcs4, which drops U+FEFF as a byte-order mark
    return before + QChar(char16_t(cp)) + after;
}

QString hexName(char32_t cp)
{
    return u"U+%1"_s.arg(uint(cp), 4, 16, QChar(u'0')).toUpper();
}

} // namespace

void TestProductValidator::refusedIdentifierChar_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    for (const char32_t cp : refusedInIdentifiers()) {
        const QString name = hexName(cp);
        const QString kind = cp < 0xA0 && cp != 0xAD ? u"a control character"_s : u"an invisible character"_s;
        const QString what = kind + u" ("_s + name + u")"_s;
        QTest::addRow("%s in sku", qPrintable(name))
            << Mutation([cp](Product& p) { p.variants[1].sku = withCodePoint(u"TEE"_s, cp, u"-M"_s); })
            << u"variants[1].sku"_s << ErrorCode::Invalid << u"sku contains "_s + what;
        QTest::addRow("%s in handle", qPrintable(name))
            << Mutation([cp](Product& p) { p.handle = withCodePoint(u"classic"_s, cp, u"-tee"_s); }) << u"handle"_s
            << ErrorCode::Invalid << u"handle contains "_s + what;
        QTest::addRow("%s in option name", qPrintable(name))
            << Mutation([cp](Product& p) { p.optionNames[1] = withCodePoint(u"Col"_s, cp, u"our"_s); })
            << u"optionNames"_s << ErrorCode::Invalid << u"option name contains "_s + what;
        QTest::addRow("%s in option value", qPrintable(name))
            << Mutation([cp](Product& p) { p.variants[2].optionValues[1] = withCodePoint(u"Bl"_s, cp, u"ue"_s); })
            << u"variants[2].optionValues"_s << ErrorCode::Invalid << u"option value contains "_s + what;
    }
    // leading and trailing: trimming must not be what hides a zero-width space
    QTest::addRow("U+200B leading sku") << Mutation([](Product& p) { p.variants[1].sku = u"\u200BTEE-M"_s; })
                                        << u"variants[1].sku"_s << ErrorCode::Invalid
                                        << u"sku contains an invisible character (U+200B)"_s;
    QTest::addRow("U+FEFF trailing sku") << Mutation([](Product& p) { p.variants[1].sku = u"TEE-M\uFEFF"_s; })
                                         << u"variants[1].sku"_s << ErrorCode::Invalid
                                         << u"sku contains an invisible character (U+FEFF)"_s;
}

void TestProductValidator::refusedIdentifierChar()
{
    checkOneProblem();
}

void TestProductValidator::bidiInText_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    const QList<char32_t> bidi{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
    for (const char32_t cp : bidi) {
        const QString name = hexName(cp);
        // "Tee <RLO>gpj.exe" displays as "Tee exe.jpg": the title would read unlike what is stored
        QTest::addRow("%s in title", qPrintable(name))
            << Mutation([cp](Product& p) { p.title = withCodePoint(u"Tee "_s, cp, u"gpj.exe"_s); }) << u"title"_s
            << ErrorCode::Invalid << u"title contains a bidirectional control character (%1)"_s.arg(name);
        QTest::addRow("%s in description", qPrintable(name))
            << Mutation([cp](Product& p) { p.description = withCodePoint(u"<p>"_s, cp, u"</p>"_s); })
            << u"description"_s << ErrorCode::Invalid
            << u"description contains a bidirectional control character (%1)"_s.arg(name);
    }
}

void TestProductValidator::bidiInText()
{
    checkOneProblem();
}

void TestProductValidator::textKeepsInvisibleChars()
{
    // titles are prose: a soft hyphen, a zero-width joiner (emoji, Indic scripts) or a direction
    // mark inside Arabic or Hebrew text is kept, and not stripped either
    Product p = validProduct();
    p.title =
        u"Super\u00ADcalifragilistic \u0627\u0644\u0639\u0631\u0628\u064A\u0629\u200E 2 \U0001F469\u200D\U0001F4BB"_s;
    p.description = u"<p>\u05E2\u05D1\u05E8\u05D9\u05EA\u200F (v2)</p>"_s;
    const QList<Error> errors = validateProduct(p, currency(u"EUR"_s));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
}

void TestProductValidator::composedAndDecomposedAreOne_data()
{
    addProblemColumns();
    const QString composed = u"CAF\u00C9"_s;    // É as one code point (NFC)
    const QString decomposed = u"CAFE\u0301"_s; // E + combining acute (NFD, as macOS file names)
    QTest::addRow("sku NFC then NFD") << Mutation([=](Product& p) {
        p.variants[0].sku = composed;
        p.variants[2].sku = decomposed;
    }) << u"variants[2].sku"_s << ErrorCode::Duplicate
                                      << u"SKU \"%1\" is also used by variants[0]"_s.arg(decomposed);
    QTest::addRow("sku NFD then NFC") << Mutation([=](Product& p) {
        p.variants[0].sku = decomposed;
        p.variants[2].sku = composed;
    }) << u"variants[2].sku"_s << ErrorCode::Duplicate
                                      << u"SKU \"%1\" is also used by variants[0]"_s.arg(composed);
    QTest::addRow("option values") << Mutation([](Product& p) {
        p.variants[1].optionValues = {u"M"_s, u"Cr\u00E8me"_s};
        p.variants[2].optionValues = {u"M"_s, u"Cre\u0300me"_s};
    }) << u"variants[2].optionValues"_s
                                   << ErrorCode::Duplicate << u"same option values as variants[1]"_s;
    QTest::addRow("option names") << Mutation([](Product& p) {
        p.optionNames = {u"Gr\u00F6\u00DFe"_s, u"Gro\u0308\u00DFe"_s}; // Größe twice
    }) << u"optionNames"_s << ErrorCode::Duplicate
                                  << u"option \"Gro\u0308\u00DFe\" appears twice"_s;
}

void TestProductValidator::composedAndDecomposedAreOne()
{
    checkOneProblem();
}

void TestProductValidator::normalizedIdentifier_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("ascii") << u"TEE-M"_s << u"TEE-M"_s;
    QTest::addRow("trimmed") << u"  TEE-M "_s << u"TEE-M"_s;
    QTest::addRow("composed stays") << u"CAF\u00C9"_s << u"CAF\u00C9"_s;
    QTest::addRow("decomposed composes") << u"CAFE\u0301"_s << u"CAF\u00C9"_s;
    QTest::addRow("hangul jamo compose") << u"\u1100\u1161"_s << u"\uAC00"_s; // ᄀ + ᅡ -> 가
    // NFC, not NFKC: a full-width letter is a different identifier and stays as typed
    QTest::addRow("full-width kept") << u"\uFF34EE"_s << u"\uFF34EE"_s;
}

void TestProductValidator::normalizedIdentifier()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(souk::catalog::normalizedIdentifier(input), expected);
}

void TestProductValidator::csvImportIsValidated_data()
{
    // the catalog CSV import reads rows into products and checks each with validateProduct():
    // the same rules reach a file, reported on its line and column (the column names the field, so
    // the sentence does not)
    QTest::addColumn<QString>("rows");
    QTest::addColumn<QString>("expected"); // "line|column|message"
    QTest::addRow("zero-width space in SKU")
        << u"tee,Tee,T\u200B1,5.00\n"_s << u"2|Variant SKU|contains an invisible character (U+200B)"_s;
    QTest::addRow("BOM in SKU") << u"tee,Tee,T1\uFEFF,5.00\n"_s
                                << u"2|Variant SKU|contains an invisible character (U+FEFF)"_s;
    QTest::addRow("RLO in title") << u"tee,Tee \u202Egpj.exe,T1,5.00\n"_s
                                  << u"2|Title|contains a bidirectional control character (U+202E)"_s;
    QTest::addRow("price over the limit")
        << u"tee,Tee,T1,1000000000.01\n"_s << u"2|Variant Price|must be at most 1000000000.00 EUR"_s;
}

void TestProductValidator::csvImportIsValidated()
{
    QFETCH(QString, rows);
    QFETCH(QString, expected);
    const auto table = parseCsv((u"Handle,Title,Variant SKU,Variant Price\n"_s + rows).toUtf8());
    QVERIFY(table);
    const ImportPlan plan = readCatalogCsv(*table, CsvFormat::Shopify, currency(u"EUR"_s), Id{7});
    QStringList found;
    for (const RowError& e : plan.errors)
        found.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    QCOMPARE(found, QStringList{expected});
}

QTEST_GUILESS_MAIN(TestProductValidator)
#include "TestProductValidator.moc"
