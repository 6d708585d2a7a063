#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "models/catalog/ProductListModel.h"
#include "models/common/Prefs.h"
#include "models/common/Theme.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSupport.h"
#include "translations/Translator.h"
#include "views/catalog/CatalogPage.h"
#include "views/catalog/ProductEditor.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/main/CatalogExport.h"
#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// The main window: pages, menus, status bar, remembered state; and screenshots on request
/// (set SOUK_SCREENSHOT_DIR to a folder).
class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void hostsCatalogPage();
    void remembersPaletteAndPage();
    void exportWritesFile();
    void ctrlNumberReachesEveryPage();
    void tabLeavesTables();
    void ctrlZUndoesProductEdit();
    void messageBarFollowsPalette();
    void fieldErrorsFollowPalette();
    void screenshots();

private:
    std::unique_ptr<MainWindow> makeWindow();

    std::unique_ptr<test::StoreFixture> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Prefs> m_prefs;
};

void TestMainWindow::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    m_dir = std::make_unique<QTemporaryDir>();
    m_prefs = std::make_unique<Prefs>(m_dir->filePath(u"souk.ini"_s));
}

void TestMainWindow::cleanup()
{
    m_prefs.reset();
    m_dir.reset();
    m_store.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_store->client(), *m_prefs, m_store->merchantId(), u"Test Shop"_s);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void TestMainWindow::hostsCatalogPage()
{
    m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 3900);
    auto window = makeWindow();
    auto* sidebar = window->findChild<QListWidget*>(u"sidebar"_s);
    // the store's owner (no users yet) sees every page; TestSignInFlow checks what roles see
    const QStringList titles{u"Catalog"_s, u"Orders"_s, u"Payouts"_s, u"Reviews"_s,
                             u"Risk"_s,    u"Users"_s,  u"Audit log"_s};
    QCOMPARE(sidebar->count(), titles.size());
    for (int row = 0; row < titles.size(); ++row)
        QCOMPARE(sidebar->item(row)->text(), titles[row]);
    QCOMPARE(window->pages().size(), titles.size());
    QCOMPARE(window->pages().first().first, u"catalog"_s);
    QCOMPARE(window->pages().first().second->objectName(), u"catalogPage"_s);
    QCOMPARE(window->pages().at(1).first, u"orders"_s);
    QCOMPARE(window->pages().at(1).second->objectName(), u"ordersPage"_s);
    QCOMPARE(window->pages().at(2).first, u"payouts"_s);
    QCOMPARE(window->pages().last().first, u"audit"_s);
    QCOMPARE(window->pages().at(2).second->objectName(), u"payoutsPage"_s);
    QCOMPARE(window->pages().last().second->objectName(), u"auditPage"_s);
    QTRY_COMPARE(window->catalogPage()->model()->rowCount(), 1);

    const QString status = window->findChild<QLabel*>(u"storeLocationLabel"_s)->text();
    QVERIFY2(status.contains(m_store->client().location()), qPrintable(status));
    QCOMPARE(window->findChild<QLabel*>(u"merchantLabel"_s)->text(), u"Test Shop"_s);
    auto* undo = window->findChild<QAction*>(u"undoAction"_s);
    QVERIFY(undo && !undo->isEnabled());
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(window->findChild<QAction*>(u"importAction"_s)->shortcut(), QKeySequence(u"Ctrl+I"_s));
    QCOMPARE(window->findChild<QAction*>(u"quitAction"_s)->shortcut(), QKeySequence(u"Ctrl+Q"_s));
}

void TestMainWindow::remembersPaletteAndPage()
{
    {
        auto window = makeWindow();
        window->resize(1200, 760);
        window->findChild<QAction*>(u"darkPaletteAction"_s)->trigger();
        QCOMPARE(m_prefs->get(prefkeys::UiPalette), u"dark"_s);
        window->close();
    }
    QVERIFY(!m_prefs->get(prefkeys::MainWindowGeometry).isEmpty());
    QCOMPARE(m_prefs->get(prefkeys::LastPage), u"catalog"_s);
    auto window = makeWindow();
    QVERIFY(window->findChild<QAction*>(u"darkPaletteAction"_s)->isChecked());
    QCOMPARE(window->size(), QSize(1200, 760));
    window->setPaletteName(u"light"_s);
}

void TestMainWindow::exportWritesFile()
{
    m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 3900);
    const QString path = m_dir->filePath(u"out.csv"_s);
    auto written = test::StoreFixture::wait(
        CatalogExport::run(m_store->client(), m_store->merchantId(), catalog::CsvFormat::Souk, path));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
    QVERIFY(test::readFile(path).contains("LAMP-1"));
    auto refused = CatalogExport::write("x", m_dir->filePath(u"missing/folder/out.csv"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, u"path"_s);
}

void TestMainWindow::ctrlNumberReachesEveryPage()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const auto pages = window->pages();
    QVERIFY(pages.size() >= 3);
    auto* sidebar = window->findChild<QListWidget*>(u"sidebar"_s);
    // from the last page to the first, so that every key press has a page to change to
    for (int i = int(pages.size()) - 1; i >= 0; --i) {
        const QKeySequence keys(Qt::CTRL | Qt::Key(Qt::Key_1 + i));
        QTest::keySequence(window->windowHandle(), keys);
        QCOMPARE(window->currentPageId(), pages[i].first);
        QVERIFY2(pages[i].second->isAncestorOf(QApplication::focusWidget()), qPrintable(pages[i].first));
        // the menu and the sidebar say which keys reach the page
        auto* go = window->findChild<QAction*>(pages[i].first + u"PageAction"_s);
        QVERIFY(go);
        QCOMPARE(go->shortcut(), keys);
        QCOMPARE(go->text(), sidebar->item(i)->text());
        QVERIFY2(sidebar->item(i)->toolTip().contains(keys.toString(QKeySequence::NativeText)),
                 qPrintable(sidebar->item(i)->toolTip()));
    }
}

void TestMainWindow::tabLeavesTables()
{
    m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 3900);
    m_store->addProduct(u"Mug"_s, {u"MUG-1"_s}, 900);
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTRY_COMPARE(window->catalogPage()->model()->rowCount(), 2);
    for (const QString& name : {u"productTable"_s, u"ordersTable"_s}) {
        auto* table = window->findChild<QTableView*>(name);
        QVERIFY(table);
        window->showPage(table == window->findChild<QTableView*>(u"productTable"_s) ? u"catalog"_s : u"orders"_s);
        QVERIFY(table->isVisible());
        table->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(table->hasFocus());
        if (table->model()->rowCount() > 0) // on a cell, where Tab used to go to the next cell
            QTest::keyClick(window->windowHandle(), Qt::Key_Down);
        QTest::keyClick(window->windowHandle(), Qt::Key_Tab);
        QVERIFY2(!table->hasFocus(), qPrintable(name));
        QTest::keyClick(window->windowHandle(), Qt::Key_Backtab);
        QVERIFY2(table->hasFocus(), qPrintable(name)); // and Shift+Tab comes back
    }
}

void TestMainWindow::ctrlZUndoesProductEdit()
{
    const catalog::Product lamp = m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 3900);
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTRY_COMPARE(window->catalogPage()->model()->rowCount(), 1);
    auto* undo = window->findChild<QAction*>(u"undoAction"_s);
    QCOMPARE(undo->text(), u"&Undo Bulk Edit"_s);

    window->catalogPage()->openProduct(lamp.id);
    ProductEditor* editor = nullptr;
    QTRY_VERIFY((editor = window->catalogPage()->findChild<ProductEditor*>()) && editor->isVisible());
    auto* title = editor->findChild<QLineEdit*>(u"titleEdit"_s);
    QTRY_COMPARE(title->text(), u"Lamp"_s);
    title->setFocus();
    QTest::keyClick(title, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(title, u"Desk lamp"_s);
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"&Undo Product Edit"_s);
    QTest::mouseClick(editor->findChild<QPushButton*>(u"closeButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!window->catalogPage()->findChild<ProductEditor*>());

    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keySequence(window->windowHandle(), QKeySequence::Undo); // Ctrl+Z, Edit → Undo
    QTRY_COMPARE(test::StoreFixture::wait(m_store->client().product(lamp.id))->title, u"Lamp"_s);
    QTRY_VERIFY(!undo->isEnabled());
}

void TestMainWindow::messageBarFollowsPalette()
{
    auto window = makeWindow();
    window->setPaletteName(u"light"_s);
    MessageBar* bar = window->catalogPage()->messageBar();
    const QList<MessageBar::Kind> kinds{MessageBar::Kind::Error, MessageBar::Kind::Info, MessageBar::Kind::Success};
    // the colours shown for each kind, checked against what the bar paints
    const auto shown = [bar](MessageBar::Kind kind) {
        bar->showMessage(kind, u"Saved \u201cLamp\u201d."_s);
        bar->repaint();
        const QImage image = bar->grab().toImage();
        const QColor painted = image.pixelColor(3, image.height() / 2); // inside the border, left of the icon
        const QColor background = bar->backgroundColour();
        const QColor text = bar->textColour();
        if (painted != background)
            qWarning("painted %s, expected %s", qPrintable(painted.name()), qPrintable(background.name()));
        return std::tuple{painted == background, background, text};
    };
    QList<std::pair<QColor, QColor>> light;
    for (const MessageBar::Kind kind : kinds) {
        const auto [painted, background, text] = shown(kind);
        QVERIFY(painted);
        QVERIFY(theme::contrastRatio(text, background) >= theme::TextContrastMin);
        light.append({background, text});
    }

    // switched while an error is shown: the bar follows the switch
    bar->showMessage(MessageBar::Kind::Error, u"Shown across the switch"_s);
    window->findChild<QAction*>(u"darkPaletteAction"_s)->trigger();
    QVERIFY(theme::isDark(QApplication::palette()));
    QTRY_COMPARE(bar->backgroundColour(), theme::tint(theme::Tone::Error, QApplication::palette()).background);
    QCOMPARE(bar->textColour(), theme::tint(theme::Tone::Error, QApplication::palette()).text);
    for (int i = 0; i < kinds.size(); ++i) {
        const auto [painted, background, text] = shown(kinds[i]);
        QVERIFY(painted);
        QVERIFY2(theme::contrastRatio(text, background) >= theme::TextContrastMin, qPrintable(text.name()));
        QVERIFY(theme::luminance(text) > theme::luminance(background)); // light text on a dark tint
        QVERIFY(background != light[i].first);
        QVERIFY(text != light[i].second);
        // and the bar stands apart from the dark window around it
        QVERIFY(background != QApplication::palette().color(QPalette::Window));
    }

    window->findChild<QAction*>(u"lightPaletteAction"_s)->trigger();
    QTRY_VERIFY(!theme::isDark(bar->palette())); // widgets learn of it from the event loop
    for (int i = 0; i < kinds.size(); ++i) {
        const auto [painted, background, text] = shown(kinds[i]);
        QVERIFY(painted);
        QCOMPARE(background, light[i].first);
        QCOMPARE(text, light[i].second);
    }
}

void TestMainWindow::fieldErrorsFollowPalette()
{
    const catalog::Product lamp = m_store->addProduct(u"Lamp"_s, {u"LAMP-1"_s}, 3900);
    auto window = makeWindow();
    window->setPaletteName(u"light"_s);
    ProductEditor editor(m_store->client(), m_store->merchantId(), m_store->currency(), lamp.id);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTRY_VERIFY(!editor.isBusy());
    editor.findChild<QLineEdit*>(u"titleEdit"_s)->clear();
    editor.save(); // refused: an empty title
    auto* error = editor.findChild<QLabel*>(u"titleError"_s);
    QTRY_VERIFY(error->isVisible());
    const auto colour = [error] { return error->palette().color(QPalette::WindowText); };
    const auto window_ = [error] { return error->palette().color(QPalette::Window); };
    const QColor lightColour = colour();
    QVERIFY(theme::contrastRatio(lightColour, window_()) >= theme::TextContrastMin);

    window->setPaletteName(u"dark"_s);
    QTRY_VERIFY(colour() != lightColour);
    QVERIFY(theme::isDark(error->palette()));
    QVERIFY2(theme::contrastRatio(colour(), window_()) >= theme::TextContrastMin, qPrintable(colour().name()));
    window->setPaletteName(u"light"_s);
    QTRY_COMPARE(colour(), lightColour);
    editor.setAttribute(Qt::WA_DeleteOnClose, false);
    Dialogs::setNextAnswer(true);
    editor.reject();
}

void TestMainWindow::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SOUK_SCREENSHOT_DIR to write screenshots");
    const QStringList categories{u"Shirts"_s, u"Hats"_s, u"Bags"_s, u"Shoes"_s, QString()};
    for (int i = 0; i < 50; ++i) {
        const QStringList skus =
            i % 3 ? QStringList{u"P%1-A"_s.arg(i)} : QStringList{u"P%1-S"_s.arg(i), u"P%1-M"_s.arg(i)};
        m_store->addProduct(u"Product number %1 – %2"_s.arg(i).arg(i % 2 ? u"linen"_s : u"organic cotton blend"_s),
                            skus, 990 + i * 137, i % 7, categories[i % categories.size()]);
    }
    auto window = makeWindow();
    window->resize(1280, 800);
    QTRY_COMPARE(window->catalogPage()->model()->rowCount(), 50);
    auto* table = window->catalogPage()->findChild<QTableView*>(u"productTable"_s);
    table->selectRow(2);
    QTest::qWait(100);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"catalog.png"_s)));

    const Id id{window->catalogPage()->model()->index(0, 0).data(ProductListModel::IdRole).toLongLong()};
    ProductEditor editor(m_store->client(), m_store->merchantId(), m_store->currency(), id);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTRY_VERIFY(!editor.isBusy());
    QTest::qWait(100);
    QVERIFY(editor.grab().save(QDir(dir).filePath(u"editor.png"_s)));
    auto* grid = editor.findChild<QTableView*>(u"variantTable"_s)->model();
    grid->setData(grid->index(1, 2), u"-5"_s);
    editor.findChild<QLineEdit*>(u"titleEdit"_s)->clear();
    editor.save();
    QTest::qWait(50);
    QVERIFY(editor.grab().save(QDir(dir).filePath(u"editor-title-error.png"_s)));
    editor.findChild<QLineEdit*>(u"titleEdit"_s)->setText(u"Fixed"_s);
    editor.save();
    QTest::qWait(50);
    QVERIFY(editor.grab().save(QDir(dir).filePath(u"editor-price-error.png"_s)));
    editor.setAttribute(Qt::WA_DeleteOnClose, false);
    Dialogs::setNextAnswer(true);
    editor.reject();
    window->setPaletteName(u"dark"_s);
    QTest::qWait(50);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"catalog-dark.png"_s)));
    window->setPaletteName(u"light"_s);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
