#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// Runs `souk --screenshot` on a fresh demo store and checks every PNG is a real page: the
/// expected size, and not blank (many colours, no single colour covering almost everything).
class TestScreenshots final : public QObject
{
    Q_OBJECT

private slots:
    void everyPageRenders_data();
    void everyPageRenders();
    void refusesUnusableStore_data();
    void refusesUnusableStore();
};

void TestScreenshots::everyPageRenders_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("english") << u"en"_s;
    QTest::addRow("chinese") << u"zh_CN"_s;
}

void TestScreenshots::everyPageRenders()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    const QString shots = dir.filePath(u"shots"_s);
    QProcess souk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s)); // never the user's own store or settings
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    souk.setProcessEnvironment(env);
    souk.start(QStringLiteral(SOUK_PATH), {u"--store"_s, dir.filePath(u"demo.souk"_s), u"--demo"_s, u"--lang"_s,
                                           language, u"--screenshot"_s, shots});
    QVERIFY(souk.waitForFinished(120000));
    QVERIFY2(souk.exitCode() == 0, souk.readAllStandardError().constData());
    const QStringList files = QDir(shots).entryList({u"*.png"_s}, QDir::Files);
    QVERIFY2(!files.isEmpty(), "no screenshots written");
    for (const QString& name : files) {
        QImage image(QDir(shots).filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QVERIFY2(image.width() >= 800 && image.height() >= 500, qPrintable(name));
        QHash<QRgb, int> colours;
        int samples = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                ++colours[image.pixel(x, y)];
                ++samples;
            }
        }
        int commonest = 0;
        for (int count : std::as_const(colours))
            commonest = std::max(commonest, count);
        QVERIFY2(colours.size() > 40, qPrintable(name + u": too few colours, looks blank"_s));
        QVERIFY2(commonest < samples * 95 / 100, qPrintable(name + u": one colour covers the page"_s));
    }
}

void TestScreenshots::refusesUnusableStore_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addRow("not a database") << QByteArray("name,price\nmug,9.00\n") << u"store_corrupt"_s;
    QTest::addRow("damaged database") << QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\x5a')
                                      << u"store_corrupt"_s;
}

void TestScreenshots::refusesUnusableStore()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.souk"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QProcess souk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    souk.setProcessEnvironment(env);
    // --screenshot: no dialog to answer; the message goes to stderr and the exit code says why
    souk.start(QStringLiteral(SOUK_PATH), {u"--store"_s, path, u"--screenshot"_s, dir.filePath(u"shots"_s)});
    QVERIFY(souk.waitForFinished(60000));
    QCOMPARE(souk.exitCode(), 3);
    QVERIFY2(QString::fromUtf8(souk.readAllStandardError()).contains(code), "the error code is not named");
    file.open(QIODevice::ReadOnly);
    QCOMPARE(file.readAll(), content); // nothing was written to the file
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
