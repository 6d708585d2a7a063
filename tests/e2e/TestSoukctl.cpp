#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// Runs the real soukctl binary against real store files and checks what a script would see:
/// exit codes, standard output and the errors on standard error.
class TestSoukctl final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void importListExportRoundTrip();
    void badRowsNameLineAndColumnAndChangeNothing();
    void malformedCsv_data();
    void malformedCsv();
    void checkAndBackup();
    void storeErrors();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run soukctl(const QStringList& args);
    QString store() const { return m_dir->filePath(u"shop.souk"_s); }
    QString write(const QString& name, const QByteArray& data);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSoukctl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

TestSoukctl::Run TestSoukctl::soukctl(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(SOUKCTL_PATH), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString TestSoukctl::write(const QString& name, const QByteArray& data)
{
    QFile f(m_dir->filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return f.fileName();
}

void TestSoukctl::helpAndVersion()
{
    auto help = soukctl({u"--help"_s});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(u"catalog import"_s));
    auto version = soukctl({u"--version"_s});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.startsWith(u"soukctl "_s));
}

void TestSoukctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("no command") << QStringList{};
    QTest::addRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::addRow("unknown option") << QStringList{u"--colour"_s, u"check"_s};
    QTest::addRow("option without value") << QStringList{u"check"_s, u"--store"_s};
    QTest::addRow("catalog without verb") << QStringList{u"catalog"_s};
    QTest::addRow("import without file") << QStringList{u"catalog"_s, u"import"_s};
}

void TestSoukctl::usageErrors()
{
    QFETCH(QStringList, args);
    auto r = soukctl(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"soukctl:"_s));
}

void TestSoukctl::importListExportRoundTrip()
{
    const QString csv = write(u"in.csv"_s, "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                                           "tee,\"T-shirt, organic\",Size,S,TEE-S,10.00,5\n"
                                           "tee,,Size,M,TEE-M,10.50,6\n"
                                           "earbuds,无线蓝牙耳机,,,BT-1,199.00,3\n");
    auto imported = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"shopify"_s, csv});
    QCOMPARE(imported.code, 0);
    QVERIFY2(imported.out.contains(u"2 products created"_s), qPrintable(imported.out));
    auto list = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].toObject().value(u"title"_s).toString(), u"无线蓝牙耳机"_s);
    QCOMPARE(rows[0].toObject().value(u"onHand"_s).toString(), u"11"_s);
    QVERIFY(rows[0].toObject().value(u"id"_s).isString()); // ids travel as strings
    const QString out = m_dir->filePath(u"out.csv"_s);
    auto exported = soukctl({u"--store"_s, store(), u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s, out});
    QCOMPARE(exported.code, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(u"\"T-shirt, organic\""_s));
    QVERIFY(text.contains(u"10.50"_s));
    // the export imports into a fresh store unchanged
    auto again = soukctl({u"--store"_s, m_dir->filePath(u"copy.souk"_s), u"catalog"_s, u"import"_s, u"--format"_s,
                          u"souk"_s, out});
    QCOMPARE(again.code, 0);
}

void TestSoukctl::badRowsNameLineAndColumnAndChangeNothing()
{
    const QString csv = write(u"bad.csv"_s, "Handle,Title,Variant SKU,Variant Price,Variant Barcode\n"
                                            "ok,Fine,OK-1,1.00,\n"
                                            "neg,Negative,NEG-1,-1.00,\n"
                                            "dec,Decimals,DEC-1,1.234,\n"
                                            "bar,Barcode,BAR-1,1.00,4006381333932\n"
                                            "dup,Duplicate,OK-1,1.00,\n");
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"shopify"_s, csv});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"bad.csv:3: Variant Price"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"bad.csv:4: Variant Price"_s));
    QVERIFY(r.err.contains(u"bad.csv:5: Variant Barcode"_s));
    QVERIFY(r.err.contains(u"bad.csv:6: Variant SKU"_s));
    QVERIFY(r.err.contains(u"nothing was imported"_s));
    auto list = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
}

void TestSoukctl::malformedCsv_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    // a line that is not CSV is listed like a bad value: "file:line: row: what is wrong"
    QTest::addRow("unbalanced quote") << QByteArray("Handle,Title,Variant SKU,Variant Price\nx,\"open,X-1,1.00\n")
                                      << u"malformed.csv:2: row: a quoted value"_s;
    QTest::addRow("wrong column count") << QByteArray("Handle,Title,Variant SKU,Variant Price\nx,X,X-1\n")
                                        << u"malformed.csv:2: row: expected 4 columns, found 3"_s;
    QTest::addRow("invalid utf-8") << QByteArray("Handle,Title,Variant SKU,Variant Price\nx,\xff\xfe,X-1,1.00\n")
                                   << u"malformed.csv:2: row: this line is not valid UTF-8"_s;
    QTest::addRow("missing column") << QByteArray("Handle,Title,Variant SKU\nx,X,X-1\n") << u"Variant Price"_s;
}

void TestSoukctl::malformedCsv()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const QString csv = write(u"malformed.csv"_s, data);
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"shopify"_s, csv});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
}

void TestSoukctl::checkAndBackup()
{
    const QString csv = write(u"in.csv"_s, "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\nmug,Mug,MUG-1,9.00,4\n");
    QCOMPARE(soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"shopify"_s, csv}).code, 0);
    auto check = soukctl({u"--store"_s, store(), u"check"_s});
    QCOMPARE(check.code, 0);
    QVERIFY(check.out.startsWith(u"ok:"_s));
    const QString backup = m_dir->filePath(u"backup.souk"_s);
    QCOMPARE(soukctl({u"--store"_s, store(), u"backup"_s, backup}).code, 0);
    QCOMPARE(soukctl({u"--store"_s, backup, u"check"_s}).code, 0);
    auto again = soukctl({u"--store"_s, store(), u"backup"_s, backup});
    QCOMPARE(again.code, 1); // never overwrite
    QVERIFY(again.err.contains(u"already exists"_s));
}

void TestSoukctl::storeErrors()
{
    auto missing = soukctl({u"--store"_s, m_dir->filePath(u"none/x.souk"_s), u"check"_s});
    QCOMPARE(missing.code, 3);
    const QString garbage = write(u"garbage.souk"_s, "this is not a database at all, just text\n");
    auto corrupt = soukctl({u"--store"_s, garbage, u"check"_s});
    QCOMPARE(corrupt.code, 3);
    QVERIFY2(corrupt.err.contains(u"store_corrupt"_s), qPrintable(corrupt.err));
    auto noStore = soukctl({u"check"_s});
    QCOMPARE(noStore.code, 1);
    QVERIFY(noStore.err.contains(u"--store"_s));
}

QTEST_GUILESS_MAIN(TestSoukctl)
#include "TestSoukctl.moc"
