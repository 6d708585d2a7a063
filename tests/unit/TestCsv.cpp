#include <QTest>

#include "backend/catalog/Csv.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

class TestCsv final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void limits_data();
    void limits();
    void writeQuoting_data();
    void writeQuoting();
    void roundTrip();
    void largeFileReadInPieces();
};

using Rows = QList<QStringList>;

void TestCsv::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<int>>("lines");
    const QStringList ab{u"a"_s, u"b"_s};
    QTest::addRow("LF") << "a,b\n1,2\n3,4\n"_ba << ab << Rows{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}} << QList<int>{2, 3};
    QTest::addRow("CRLF") << "a,b\r\n1,2\r\n3,4\r\n"_ba << ab << Rows{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}}
                          << QList<int>{2, 3};
    QTest::addRow("no final newline") << "a,b\n1,2"_ba << ab << Rows{{u"1"_s, u"2"_s}} << QList<int>{2};
    QTest::addRow("BOM") << "\xEF\xBB\xBF"
                            "a,b\n1,2\n"_ba
                         << ab << Rows{{u"1"_s, u"2"_s}} << QList<int>{2};
    QTest::addRow("quoted comma") << "a,b\n\"x, y\",2\n"_ba << ab << Rows{{u"x, y"_s, u"2"_s}} << QList<int>{2};
    QTest::addRow("doubled quotes") << "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n"_ba << ab << Rows{{u"say \"hi\""_s, u"\""_s}}
                                    << QList<int>{2};
    QTest::addRow("quoted LF") << "a,b\n\"line1\nline2\",2\n5,6\n"_ba << ab
                               << Rows{{u"line1\nline2"_s, u"2"_s}, {u"5"_s, u"6"_s}} << QList<int>{2, 4};
    QTest::addRow("quoted CRLF") << "a,b\r\n\"l1\r\nl2\r\nl3\",2\r\n5,6\r\n"_ba << ab
                                 << Rows{{u"l1\r\nl2\r\nl3"_s, u"2"_s}, {u"5"_s, u"6"_s}} << QList<int>{2, 5};
    QTest::addRow("empty fields") << "a,b,c\n,,\n\"\",x,\n"_ba << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                  << Rows{{QString(), QString(), QString()}, {QString(), u"x"_s, QString()}}
                                  << QList<int>{2, 3};
    QTest::addRow("blank lines skipped") << "a,b\n\n1,2\r\n\r\n\n3,4\n\n"_ba << ab
                                         << Rows{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}} << QList<int>{3, 6};
    QTest::addRow("spaces kept") << "a,b\n x , y\n"_ba << ab << Rows{{u" x "_s, u" y"_s}} << QList<int>{2};
    QTest::addRow("quote inside unquoted field is literal")
        << "a,b\n5\" pipe,2\n"_ba << ab << Rows{{u"5\" pipe"_s, u"2"_s}} << QList<int>{2};
    QTest::addRow("chinese") << u"名称,价格\n无线蓝牙耳机,299.00\n\"耳机, 黑色\",199\n"_s.toUtf8()
                             << QStringList{u"名称"_s, u"价格"_s}
                             << Rows{{u"无线蓝牙耳机"_s, u"299.00"_s}, {u"耳机, 黑色"_s, u"199"_s}} << QList<int>{2, 3};
    QTest::addRow("emoji outside the BMP")
        << u"a\n🎧 😀\n"_s.toUtf8() << QStringList{u"a"_s} << Rows{{u"🎧 😀"_s}} << QList<int>{2};
    QTest::addRow("header only") << "a,b\n"_ba << ab << Rows{} << QList<int>{};
}

void TestCsv::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(Rows, rows);
    QFETCH(QList<int>, lines);
    const Result<CsvTable> table = parseCsv(input);
    QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error().toString()));
    QCOMPARE(table->header, header);
    QCOMPARE(table->rows, rows);
    QCOMPARE(table->rowLines, lines);
}

void TestCsv::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const QString notUtf8 = u"line %1 is not valid UTF-8; save the file as UTF-8"_s;
    QTest::addRow("latin-1 byte on line 3") << "a,b\n1,2\ncaf\xE9,3\n4,5\n"_ba << u"line 3"_s << notUtf8.arg(3);
    QTest::addRow("invalid UTF-8 after BOM") << "\xEF\xBB\xBF"
                                                "a,b\n\xFF,2\n"_ba
                                             << u"line 2"_s << notUtf8.arg(2);
    QTest::addRow("overlong encoding") << "a\nok\n\xC0\xAF\n"_ba << u"line 3"_s << notUtf8.arg(3);
    QTest::addRow("encoded surrogate") << "a\n\xED\xA0\x80\n"_ba << u"line 2"_s << notUtf8.arg(2);
    QTest::addRow("truncated at end") << "a\nb\n\xE6\x97"_ba << u"line 3"_s << notUtf8.arg(3);
    QTest::addRow("invalid inside quoted field") << "a,b\n\"x\ny\xFE\",2\n"_ba << u"line 3"_s << notUtf8.arg(3);
    QTest::addRow("unbalanced quote") << "a,b\n1,2\n\"open,3\n4,5\n"_ba << u"line 3"_s
                                      << u"unbalanced quote: the quoted field opened on line 3 is never closed"_s;
    QTest::addRow("unbalanced quote in header")
        << "\"a,b\n"_ba << u"line 1"_s << u"unbalanced quote: the quoted field opened on line 1 is never closed"_s;
    QTest::addRow("too few columns") << "a,b,c\n1,2,3\n\n4,5\n"_ba << u"line 4"_s << u"expected 3 columns, found 2"_s;
    QTest::addRow("too many columns") << "a,b\n1,2,3\n"_ba << u"line 2"_s << u"expected 2 columns, found 3"_s;
    QTest::addRow("column count after multi-line field")
        << "a,b\n\"x\ny\nz\",2\n1\n"_ba << u"line 5"_s << u"expected 2 columns, found 1"_s;
    QTest::addRow("text after closing quote")
        << "a,b\n\"x\"y,2\n"_ba << u"line 2"_s
        << u"unexpected text after a closing quote (quotes inside a field must be doubled)"_s;
    QTest::addRow("empty file") << QByteArray() << u"line 1"_s << u"the file is empty"_s;
    QTest::addRow("only a BOM and blank lines") << "\xEF\xBB\xBF\n\n"_ba << u"line 1"_s << u"the file is empty"_s;
}

void TestCsv::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const Result<CsvTable> table = parseCsv(input);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code, ErrorCode::Invalid);
    QCOMPARE(table.error().field, field);
    QCOMPARE(table.error().message, message);
}

void TestCsv::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addRow("unquoted field too long")
        << "a\n12345678901\n"_ba << u"line 2"_s << u"a field is longer than 10 characters"_s;
    QTest::addRow("quoted field too long")
        << "a\n\"12345\n678901\"\n"_ba << u"line 2"_s << u"a field is longer than 10 characters"_s;
    QTest::addRow("too many rows") << "a\n1\n2\n3\n"_ba << u"line 4"_s << u"the file has more than 2 rows"_s;
}

void TestCsv::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);
    CsvOptions options;
    options.maxFieldChars = 10;
    options.maxRows = 2;
    const Result<CsvTable> table = parseCsv(input, options);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().field, field);
    QCOMPARE(table.error().message, message);
}

void TestCsv::writeQuoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("written");
    QTest::addRow("plain") << u"abc"_s << "abc"_ba;
    QTest::addRow("empty") << QString() << ""_ba;
    QTest::addRow("comma") << u"a,b"_s << "\"a,b\""_ba;
    QTest::addRow("quote") << u"5\" pipe"_s << "\"5\"\" pipe\""_ba;
    QTest::addRow("LF") << u"a\nb"_s << "\"a\nb\""_ba;
    QTest::addRow("CR") << u"a\rb"_s << "\"a\rb\""_ba;
    QTest::addRow("leading space") << u" a"_s << "\" a\""_ba;
    QTest::addRow("trailing space") << u"a "_s << "\"a \""_ba;
    QTest::addRow("inner space") << u"a b"_s << "a b"_ba;
    QTest::addRow("chinese") << u"无线蓝牙耳机"_s << u"无线蓝牙耳机"_s.toUtf8();
}

void TestCsv::writeQuoting()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, written);
    const QByteArray csv = writeCsv({u"h"_s, u"x"_s}, {{field, u"1"_s}});
    QCOMPARE(csv, "h,x\n"_ba + written + ",1\n"_ba);
}

void TestCsv::roundTrip()
{
    const QStringList header{u"one"_s, u"two"_s, u"three"_s};
    const Rows rows{{u"a,b"_s, u"say \"hi\""_s, u"multi\nline\r\nfield"_s},
                    {QString(), u" padded "_s, u"无线蓝牙耳机"_s},
                    {u"\"quoted\""_s, u","_s, u"🎧"_s}};
    const QByteArray csv = writeCsv(header, rows);
    QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
    const Result<CsvTable> table = parseCsv(csv);
    QVERIFY(table.ok());
    QCOMPARE(table->header, header);
    QCOMPARE(table->rows, rows);
    QCOMPARE(table->rowLines, (QList<int>{2, 5, 6}));

    // a lone empty field must not turn into a blank line, which a reader skips
    const QByteArray single = writeCsv({u"only"_s}, {{QString()}, {u"x"_s}});
    QCOMPARE(single, "only\n\"\"\nx\n"_ba);
    const Result<CsvTable> back = parseCsv(single);
    QVERIFY(back.ok());
    QCOMPARE(back->rows, (Rows{{QString()}, {u"x"_s}}));
}

void TestCsv::largeFileReadInPieces()
{
    // big enough to be read in pieces on several threads; quoted line breaks, blank lines, CRLF
    // and a stray quote in an unquoted field (which fools a quote-parity guess) must give the same
    // records and lines as a reader going through it in one piece
    QByteArray csv = "sku,note\n";
    Rows expected;
    QList<int> lines;
    int line = 2;
    for (int i = 0; i < 60'000; ++i) {
        const QString sku = u"SKU-%1"_s.arg(i);
        lines.append(line);
        if (i % 7 == 0) {
            csv += sku.toUtf8() + ",\"two\nlines, \"\"quoted\"\"\"\r\n";
            expected.append({sku, u"two\nlines, \"quoted\""_s});
            line += 2;
        } else if (i % 11 == 0) {
            csv += sku.toUtf8() + ",5\" screen\n\n"; // literal quote, then a blank line
            expected.append({sku, u"5\" screen"_s});
            line += 2;
        } else {
            csv += sku.toUtf8() + ",plain 无线\n";
            expected.append({sku, u"plain 无线"_s});
            line += 1;
        }
    }
    const Result<CsvTable> table = parseCsv(csv);
    QVERIFY(table.ok());
    QCOMPARE(table->rows.size(), expected.size());
    QCOMPARE(table->rows, expected);
    QCOMPARE(table->rowLines, lines);

    // an error near the end names its physical line
    const Result<CsvTable> bad = parseCsv(csv + "only-one-field\n");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, u"line %1"_s.arg(line));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
