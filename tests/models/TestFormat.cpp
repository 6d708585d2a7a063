#include <limits>

#include <QLocale>
#include <QTest>

#include "backend/core/Currency.h"
#include "models/common/ErrorText.h"
#include "models/common/Format.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// Money, quantities and error texts as the console shows them. Expected strings follow the CLDR
/// patterns Qt 6.4 ships (symbol side, spacing, separators) for each locale.
class TestFormat final : public QObject
{
    Q_OBJECT

private slots:
    void money_data();
    void money();
    void matchesQtForExactAmounts_data();
    void matchesQtForExactAmounts();
    void extremesAreExact();
    void range();
    void quantity();
    void fieldLabels_data();
    void fieldLabels();
    void errorTextNeverEmpty();
};

void TestFormat::money_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    const QString nbsp(QChar(0x00a0));
    QTest::addRow("EUR en_US") << 123456LL << u"EUR"_s << u"en_US"_s << u"€1,234.56"_s;
    QTest::addRow("EUR small") << 5LL << u"EUR"_s << u"en_US"_s << u"€0.05"_s;
    QTest::addRow("EUR zero") << 0LL << u"EUR"_s << u"en_US"_s << u"€0.00"_s;
    // Qt 6.4's en_US data writes negative amounts the accounting way
    QTest::addRow("EUR negative") << -123456LL << u"EUR"_s << u"en_US"_s << u"(€1,234.56)"_s;
    QTest::addRow("EUR negative de_DE") << -123456LL << u"EUR"_s << u"de_DE"_s << (u"-1.234,56"_s + nbsp + u"€"_s);
    QTest::addRow("EUR de_DE") << 123456LL << u"EUR"_s << u"de_DE"_s << (u"1.234,56"_s + nbsp + u"€"_s);
    QTest::addRow("JPY en_US, no decimals") << 1234LL << u"JPY"_s << u"en_US"_s << u"¥1,234"_s;
    QTest::addRow("KWD three decimals") << 1234LL << u"KWD"_s << u"en_US"_s << (u"KWD"_s + nbsp + u"1.234"_s);
    QTest::addRow("KWD negative") << -125LL << u"KWD"_s << u"en_US"_s << (u"(KWD"_s + nbsp + u"0.125)"_s);
    QTest::addRow("USD en_US own symbol") << 199LL << u"USD"_s << u"en_US"_s << u"$1.99"_s;
    QTest::addRow("CNY zh_CN own symbol") << 123456LL << u"CNY"_s << u"zh_CN"_s << u"¥1,234.56"_s;
    QTest::addRow("EUR zh_CN") << 123456LL << u"EUR"_s << u"zh_CN"_s << u"€1,234.56"_s;
    QTest::addRow("JPY zh_CN keeps yen apart") << 500LL << u"JPY"_s << u"zh_CN"_s << u"JP¥500"_s;
}

void TestFormat::money()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const auto found = Currency::find(currency);
    QVERIFY(found);
    QCOMPARE(formatMoney(minor, found.value(), QLocale(locale)), expected);
}

void TestFormat::matchesQtForExactAmounts_data()
{
    QTest::addColumn<QString>("locale");
    for (const char* name : {"en_US", "de_DE", "fr_FR", "zh_CN", "ja_JP", "hi_IN", "ar_EG", "pt_BR", "nl_NL"})
        QTest::addRow("%s", name) << QString::fromLatin1(name);
}

void TestFormat::matchesQtForExactAmounts()
{
    // Amounts whose double form is exact: the locale's own currency formatting must agree with ours.
    QFETCH(QString, locale);
    const QLocale l(locale);
    const auto eur = Currency::find(u"EUR").value();
    for (const qint64 minor : {0LL, 5LL, 150LL, 123456LL, -250LL, 100000000LL}) {
        const QString qt = l.toCurrencyString(double(minor) / 100.0, u"€"_s, 2);
        QCOMPARE(formatMoney(minor, eur, l), qt);
    }
}

void TestFormat::extremesAreExact()
{
    // a double has 53 bits: these would come out wrong through QLocale::toCurrencyString(double)
    const QLocale l(u"en_US"_s);
    const auto eur = Currency::find(u"EUR").value();
    QCOMPARE(formatMoney(std::numeric_limits<qint64>::max(), eur, l), u"€92,233,720,368,547,758.07"_s);
    QCOMPARE(formatMoney(std::numeric_limits<qint64>::min(), eur, l), u"(€92,233,720,368,547,758.08)"_s);
    QCOMPARE(formatMoney(9007199254740993LL, eur, l), u"€90,071,992,547,409.93"_s);
}

void TestFormat::range()
{
    const QLocale l(u"en_US"_s);
    const auto eur = Currency::find(u"EUR").value();
    QCOMPARE(formatMoneyRange(500, 500, eur, l), u"€5.00"_s);
    QCOMPARE(formatMoneyRange(500, 950, eur, l), u"€5.00 – €9.50"_s);
    QCOMPARE(moneyEditText(1250, eur), u"12.50"_s);
}

void TestFormat::quantity()
{
    QCOMPARE(formatQuantity(1234567, QLocale(u"en_US"_s)), u"1,234,567"_s);
    QCOMPARE(formatQuantity(-3, QLocale(u"en_US"_s)), u"-3"_s);
    QCOMPARE(formatDateTime(0, QLocale(u"en_US"_s)), QString());
    QVERIFY(!formatDateTime(1'700'000'000'000LL, QLocale(u"en_US"_s)).isEmpty());
}

void TestFormat::fieldLabels_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::addRow("title") << u"title"_s << u"Title"_s;
    QTest::addRow("variant price") << u"variants[2].price"_s << u"Price (variant 3)"_s;
    QTest::addRow("variant sku") << u"variants[0].sku"_s << u"SKU (variant 1)"_s;
    QTest::addRow("barcode") << u"barcode"_s << u"Barcode"_s;
    QTest::addRow("amount") << u"amount"_s << u"Amount"_s;
    QTest::addRow("reason") << u"reason"_s << u"Reason"_s;
    QTest::addRow("quantity") << u"quantity"_s << u"Quantity"_s;
    QTest::addRow("unknown passes through") << u"row 12, Variant Price"_s << u"row 12, Variant Price"_s;
}

void TestFormat::fieldLabels()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(fieldLabel(field), expected);
}

void TestFormat::errorTextNeverEmpty()
{
    for (int code = 0; code <= int(ErrorCode::Internal) + 3; ++code) {
        const Error error{ErrorCode(code), u"x"_s, u"title"_s};
        QVERIFY2(!errorText(error).isEmpty(), qPrintable(QString::number(code)));
    }
    QVERIFY(errorText(Error{ErrorCode(int(ErrorCode::Internal) + 40), {}, {}}).contains(u"error code"_s));
    const QString conflict = errorText(Error::versionConflict(u"version"_s, u"stale"_s));
    QVERIFY(conflict.contains(u"someone else"_s));
    QCOMPARE(errorTextWithField(Error::invalid(u"variants[0].price"_s, u"bad"_s)),
             u"Price (variant 1): This value is not valid."_s);
}

QTEST_GUILESS_MAIN(TestFormat)
#include "TestFormat.moc"
