#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>

#include "translations/Translator.h"

using namespace Qt::StringLiterals;

namespace souk {

/// The .qm files embedded by souk_translations, and which one each locale gets.
class TestTranslations final : public QObject
{
    Q_OBJECT
private slots:
    void qmFilesAreEmbedded();
    void localeGetsItsTranslation_data();
    void localeGetsItsTranslation();
    void installedTranslatorFormsEnglishPlurals();
    void liveTableTexts_data();
    void liveTableTexts();
};

void TestTranslations::qmFilesAreEmbedded()
{
    QVERIFY(QFile::exists(u":/i18n/souk_en.qm"_s));
    QVERIFY(QFile::exists(u":/i18n/souk_zh_CN.qm"_s));
}

void TestTranslations::localeGetsItsTranslation_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language"); // the language of the loaded file
    QTest::addRow("en") << u"en"_s << u"en"_s;
    QTest::addRow("en_GB") << u"en_GB"_s << u"en"_s;
    QTest::addRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s;
    QTest::addRow("de_DE falls back to English") << u"de_DE"_s << u"en"_s;
    QTest::addRow("C falls back to English") << u"C"_s << u"en"_s;
}

void TestTranslations::localeGetsItsTranslation()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(loadTranslation(translator, QLocale(locale)));
    QCOMPARE(translator.language(), language);
    QCOMPARE(translator.filePath(), u":/i18n/souk_%1.qm"_s.arg(language));
}

void TestTranslations::installedTranslatorFormsEnglishPlurals()
{
    QVERIFY(installTranslator(QLocale(QLocale::English)));
    const auto products = [](int n) {
        return QCoreApplication::translate("souk::CatalogPage", "%Ln product(s)", nullptr, n);
    };
    QCOMPARE(products(1), u"1 product"_s);
    QCOMPARE(products(2), u"2 products"_s);
    QCOMPARE(products(0), u"0 products"_s);
    // a message without plural forms is not in souk_en.qm: its English source shows
    QCOMPARE(QCoreApplication::translate("souk::ImportWizard", "Import products"), u"Import products"_s);
}

void TestTranslations::liveTableTexts_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    // the counter is net of refunds: "net sales", not GMV (gross) in either language
    QTest::addRow("en net sales") << u"en"_s << QByteArray("Net sales today") << -1 << u"Net sales today"_s;
    QTest::addRow("zh net sales") << u"zh_CN"_s << QByteArray("Net sales today") << -1 << u"今日净销售额"_s;
    QTest::addRow("en one new order") << u"en"_s << QByteArray("↑ %n new order(s)") << 1 << u"↑ 1 new order"_s;
    QTest::addRow("en new orders") << u"en"_s << QByteArray("↑ %n new order(s)") << 12 << u"↑ 12 new orders"_s;
    QTest::addRow("zh new orders") << u"zh_CN"_s << QByteArray("↑ %n new order(s)") << 12 << u"↑ 12 个新订单"_s;
}

void TestTranslations::liveTableTexts()
{
    QFETCH(QString, locale);
    QFETCH(QByteArray, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(loadTranslation(translator, QLocale(locale)));
    QCoreApplication::installTranslator(&translator);
    const QString text = QCoreApplication::translate("souk::OrdersPage", source.constData(), nullptr, n);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(text, expected);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestTranslations)
#include "TestTranslations.moc"
