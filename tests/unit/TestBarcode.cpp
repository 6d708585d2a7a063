#include <QTest>

#include "backend/catalog/Barcode.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

class TestBarcode final : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void checkDigit_data();
    void checkDigit();
};

void TestBarcode::accepts_data()
{
    // vectors: GS1 examples and codes printed on retail packaging
    QTest::addColumn<QString>("code");
    QTest::addRow("empty means no barcode") << QString();
    QTest::addRow("EAN-13 4006381333931") << u"4006381333931"_s;
    QTest::addRow("EAN-13 5901234123457") << u"5901234123457"_s;
    QTest::addRow("EAN-13 China prefix 690") << u"6901234567892"_s;
    QTest::addRow("UPC-A 036000291452") << u"036000291452"_s;
    QTest::addRow("UPC-A 012345678905") << u"012345678905"_s;
    QTest::addRow("EAN-8 96385074") << u"96385074"_s;
    QTest::addRow("EAN-8 73513537") << u"73513537"_s;
    QTest::addRow("GTIN-14 10012345678902") << u"10012345678902"_s;
    // codes that are no GTIN, as Shopify exports carry them: the merchant's own, ISBN-10,
    // Code 128 labels; only the shape of a GTIN brings its check digit
    QTest::addRow("own numeric code") << u"100234"_s;
    QTest::addRow("11 digits, no GTIN") << u"03600029145"_s;
    QTest::addRow("ISBN-10 with X") << u"080442957X"_s;
    QTest::addRow("Code 128 label") << u"SHIRT-S/OLIVE_2.0"_s;
    QTest::addRow("64 characters") << QString(64, u'7');
}

void TestBarcode::accepts()
{
    QFETCH(QString, code);
    const Status status = validateBarcode(code, u"barcode"_s);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
}

void TestBarcode::rejects_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("EAN-13 wrong check digit") << u"4006381333932"_s << u"check digit should be 1, not 2"_s;
    QTest::addRow("UPC-A wrong check digit") << u"036000291450"_s << u"check digit should be 2, not 0"_s;
    QTest::addRow("EAN-8 wrong check digit") << u"96385070"_s << u"check digit should be 4, not 0"_s;
    QTest::addRow("transposed digits") << u"4006381339331"_s << u"check digit should be 9, not 1"_s;
    QTest::addRow("GTIN-14 wrong check digit") << u"40063813339310"_s << u"check digit should be 4, not 0"_s;
    QTest::addRow("leading space") << u" 4006381333931"_s << u"barcode may use letters, digits and - . _ / only"_s;
    QTest::addRow("inner space") << u"ABC 123"_s << u"barcode may use letters, digits and - . _ / only"_s;
    QTest::addRow("full-width digits") << u"４００６３８１３３３９３１"_s
                                       << u"barcode may use letters, digits and - . _ / only"_s;
    QTest::addRow("control character") << u"ABC\t123"_s << u"barcode may use letters, digits and - . _ / only"_s;
    QTest::addRow("too long") << QString(65, u'7') << u"barcode must be at most 64 characters"_s;
}

void TestBarcode::rejects()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Status status = validateBarcode(code, u"variants[2].barcode"_s);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Invalid);
    QCOMPARE(status.error().field, u"variants[2].barcode"_s);
    QCOMPARE(status.error().message, message);
}

void TestBarcode::checkDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("expected");
    QTest::addRow("EAN-13 body") << u"400638133393"_s << 1;
    QTest::addRow("UPC-A body") << u"03600029145"_s << 2;
    QTest::addRow("EAN-8 body") << u"9638507"_s << 4;
    QTest::addRow("all zeros") << u"000000000000"_s << 0;
    QTest::addRow("not a digit") << u"12a"_s << -1;
}

void TestBarcode::checkDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, expected);
    QCOMPARE(gs1CheckDigit(digits), expected);
}

QTEST_GUILESS_MAIN(TestBarcode)
#include "TestBarcode.moc"
