#include <QApplication>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include "backend/engine/Engine.h"
#include "models/common/Prefs.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// A store found damaged while the console runs: the window says so at once, in the user's
/// language, and stays usable for reading; a change the user then tries is refused with a
/// clear message and changes nothing.
class TestStoreDamageBar final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void windowSaysTheStoreStoppedTakingChanges();
    void chineseToo();
    void damageFoundBeforeTheWindowShowsAtOnce();

private:
    void damageAndCheck(const QString& expectedStart, const QString& language);

    std::unique_ptr<test::StoreFixture> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Prefs> m_prefs;
};

void TestStoreDamageBar::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    m_dir = std::make_unique<QTemporaryDir>();
    m_prefs = std::make_unique<Prefs>(m_dir->filePath(u"souk.ini"_s));
}

void TestStoreDamageBar::cleanup()
{
    m_prefs.reset();
    m_dir.reset();
    m_store.reset();
}

void TestStoreDamageBar::damageAndCheck(const QString& expectedStart, const QString& language)
{
    const catalog::Product lamp = m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 2500, 3);
    MainWindow window(m_store->client(), *m_prefs, m_store->merchantId(), u"Test Shop"_s);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* bar = window.findChild<MessageBar*>(u"windowMessageBar"_s);
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    // what a damaged page met by any command does
    m_store->client().engine().markDamaged(
        Error::store(ErrorCode::StoreCorrupt, u"the store file is damaged or is not a Souk store"_s));
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->headline().startsWith(expectedStart), qPrintable(bar->headline()));
    QVERIFY(bar->details().contains(u"soukctl check"_s)); // what to run, under Details
    QVERIFY(!window.statusBar()->currentMessage().isEmpty());
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(dir + u"/store-damaged-"_s + language + u".png"_s);
    // a change is refused and nothing moves; reading goes on
    catalog::Product renamed = lamp;
    renamed.title = u"Lamp, renamed"_s;
    auto saved = test::StoreFixture::wait(m_store->client().saveProduct(renamed));
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, ErrorCode::StoreCorrupt);
    auto read = test::StoreFixture::wait(m_store->client().product(lamp.id));
    QVERIFY(read);
    QCOMPARE(read->title, u"Lamp"_s);
}

void TestStoreDamageBar::windowSaysTheStoreStoppedTakingChanges()
{
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    damageAndCheck(u"The store file is damaged, so Souk stopped saving changes."_s, u"en"_s);
}

void TestStoreDamageBar::chineseToo()
{
    QVERIFY(souk::installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
    damageAndCheck(u"存储文件已损坏"_s, u"zh"_s);
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

void TestStoreDamageBar::damageFoundBeforeTheWindowShowsAtOnce()
{
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    m_store->client().engine().markDamaged(Error::store(ErrorCode::StoreCorrupt, u"found at start"_s));
    MainWindow window(m_store->client(), *m_prefs, m_store->merchantId(), u"Test Shop"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* bar = window.findChild<MessageBar*>(u"windowMessageBar"_s);
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
}

QTEST_MAIN(TestStoreDamageBar)
#include "TestStoreDamageBar.moc"
