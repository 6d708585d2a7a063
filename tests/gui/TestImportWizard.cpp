#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <memory>

#include "views/common/MessageBar.h"
#include "views/import/ImportWizard.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSupport.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

namespace {

const QByteArray BadShopifyCsv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status\n"
                                 "tee,Basic tee,Size,S,TEE-S,19.90,active\n"
                                 "tee,,,M,TEE-M,-1.00,active\n"
                                 "mug,Coffee mug,,,MUG-1,9.50,active\n";

const QByteArray GoodShopifyCsv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
                                  "Variant Inventory Qty,Status\n"
                                  "tee,Basic tee,Size,S,TEE-S,19.90,5,active\n"
                                  "tee,,,M,TEE-M,19.90,3,active\n"
                                  "mug,Coffee mug,,,MUG-1,9.50,10,active\n";

/// A Shopify export whose rows are broken in several ways, with Souk's 21 Shopify columns: two rows
/// lost columns (a spreadsheet cut them), one price is not a number, one SKU repeats another in NFC,
/// and two variants without a SKU would get the same one.
const QByteArray BrokenShopifyCsv =
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,"
    "Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,"
    "Variant Compare At Price,Variant Barcode,Cost per item,Status\n"
    "tee,Basic tee,,Souk,Shirts,,TRUE,Size,S,,,,,CAF\xC3\x89-S,180,5,19.90,,,,active\n" // 2
    "tee,,,,,,,,M,,,,,TEE-M,180,5,19,90,,,,\n"                                          // 3: 22 columns
    "mug,Coffee mug,,Souk,Kitchen,,TRUE,,,,,,,MUG-1,350,10,abc,,,,active\n"             // 4: price
    "cap,Cap,,Souk\n"                                                                   // 5: 4 columns
    "hat,Sun hat,,Souk,Hats,,TRUE,,,,,,,CAFE\xCC\x81-S,90,2,15.00,,,,active\n"          // 6: SKU of line 2
    "poster,Poster,,Souk,Posters,,TRUE,Size,A B,,,,,,100,1,5.00,,,,active\n"            // 7: no SKU
    "poster,,,,,,,,A-B,,,,,,100,1,5.00,,,,\n";                                          // 8: same SKU made

/// A Shopify export with variants that have no SKU, and a product with only "Default Title".
const QByteArray NoSkuShopifyCsv =
    "\xEF\xBB\xBFHandle,Title,Option1 Name,Option1 Value,Option1 Linked To,Variant SKU,Variant Price,"
    "Variant Inventory Qty,Image Src,Gift Card,SEO Title,Status\r\n"
    "tee,Basic tee,Size,S,,,19.90,5,https://cdn/tee.jpg,FALSE,Tee,active\r\n"
    "tee,,,M,,,19.90,3,,,,\r\n"
    "tee,,,,,,,,https://cdn/tee-2.jpg,,,\r\n"
    "poster,Poster,Title,Default Title,,,12.00,-1,,FALSE,,active\r\n";

/// Big enough that checking and writing it take a while, so Cancel meets a running task.
QByteArray bigShopifyCsv(int products)
{
    QByteArray csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n";
    for (int i = 0; i < products; ++i)
        csv += QStringLiteral("item-%1,Item %1,Size,S,IT-%1-S,12.50,5\nitem-%1,,,M,IT-%1-M,12.50,5\n").arg(i).toUtf8();
    return csv;
}

} // namespace

class TestImportWizard final : public QObject
{
    Q_OBJECT
private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void badRowBlocksImport();
    void goodFileImports();
    void refusesTooLargeFile();
    void reportsMissingFile();
    void cancelCheckImportsNothing();
    void cancelImportWritesNothing();
    void listsEveryProblem();
    void shopifyFileChosenAsSoukOffersTheSwitch();
    void savesTheProblemsAsCsv();
    void variantsWithoutSkuImport();
    void screenshots();

private:
    QString writeCsv(const QString& name, const QByteArray& data);
    void chooseFile(const QString& path, bool shopify);
    int productCount();
    /// The error table's cells, one "line|column|problem" string per row.
    QStringList problemRows();
    MessageBar* previewBar() const;
    void newWizard();
    void shoot(const QString& name);
    template <typename T> T* child(const QString& name) const
    {
        T* widget = m_wizard->findChild<T*>(name);
        if (widget == nullptr)
            qFatal("missing child %s", qPrintable(name));
        return widget;
    }

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ImportWizard> m_wizard;
};

void TestImportWizard::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
    newWizard();
}

void TestImportWizard::newWizard()
{
    m_wizard.reset();
    m_wizard = std::make_unique<ImportWizard>(m_store->client(), m_store->merchantId());
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestImportWizard::cleanup()
{
    m_wizard.reset();
    m_store.reset();
}

QString TestImportWizard::writeCsv(const QString& name, const QByteArray& data)
{
    const QString path = m_store->dirPath() + u'/' + name;
    if (!test::writeFile(path, data))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestImportWizard::chooseFile(const QString& path, bool shopify)
{
    auto* combo = child<QComboBox>(u"formatCombo"_s);
    combo->setFocus();
    QTest::keyClick(combo, shopify ? Qt::Key_End : Qt::Key_Home);
    QCOMPARE(combo->currentText(), shopify ? u"Shopify CSV"_s : u"Souk CSV"_s);
    auto* fileEdit = child<QLineEdit>(u"fileEdit"_s);
    fileEdit->setFocus();
    QTest::keyClicks(fileEdit, path);
    QTest::keyClick(fileEdit, Qt::Key_Return); // Enter = Next
}

int TestImportWizard::productCount()
{
    auto page = StoreFixture::wait(m_store->client().productPage({m_store->merchantId(), {}, 100}));
    return page ? int(page->rows.size()) : -1;
}

void TestImportWizard::badRowBlocksImport()
{
    chooseFile(writeCsv(u"bad.csv"_s, BadShopifyCsv), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    auto* table = child<QTableView>(u"errorTable"_s);
    QTRY_VERIFY(table->isVisible());
    QVERIFY(!child<QWidget>(u"progressBar"_s)->isVisible());
    QVERIFY(table->model()->rowCount() >= 1);
    bool found = false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString line = table->model()->index(row, 0).data().toString();
        const QString column = table->model()->index(row, 1).data().toString();
        found = found || (line == u"3"_s && column == u"Variant Price"_s);
    }
    QVERIFY2(found, "no error for line 3, Variant Price");
    auto* problem = child<QLabel>(u"problemLabel"_s);
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"1 row has problems. Fix the file and choose it again; nothing has been imported."_s);
    QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(productCount(), 0);

    // Back, fix the file, choose it again: the fixed file is read anew
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    writeCsv(u"bad.csv"_s, GoodShopifyCsv);
    QTest::keyClick(child<QLineEdit>(u"fileEdit"_s), Qt::Key_Return);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    QTRY_VERIFY(child<QTableView>(u"productTable"_s)->isVisible());
    QVERIFY(m_wizard->button(QWizard::CommitButton)->isEnabled());
    QCOMPARE(productCount(), 0);
}

void TestImportWizard::goodFileImports()
{
    chooseFile(writeCsv(u"good.csv"_s, GoodShopifyCsv), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    auto* products = child<QTableView>(u"productTable"_s);
    QTRY_VERIFY(products->isVisible());
    QCOMPARE(products->model()->rowCount(), 2);
    QCOMPARE(child<QLabel>(u"summaryLabel"_s)->text(), u"2 products, 3 variants in 3 rows"_s);
    QVERIFY(!child<QLabel>(u"problemLabel"_s)->isVisible());
    QAbstractButton* import = m_wizard->button(QWizard::CommitButton);
    QTRY_VERIFY(import->isEnabled());
    QCOMPARE(productCount(), 0); // nothing written by the check

    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::DonePage));
    const QString done = child<QLabel>(u"doneLabel"_s)->text();
    QVERIFY2(done.startsWith(u"Created 2, updated 0 products (3 variants) in "_s), qPrintable(done));
    auto page = StoreFixture::wait(m_store->client().productPage({m_store->merchantId(), {}, 100}));
    QVERIFY(page.ok());
    QCOMPARE(page->rows.size(), 2);
    QStringList handles;
    for (const auto& row : page->rows)
        handles << row.handle;
    handles.sort();
    QCOMPARE(handles, (QStringList{u"mug"_s, u"tee"_s}));
}

void TestImportWizard::refusesTooLargeFile()
{
    m_wizard->setMaxFileBytes(64);
    chooseFile(writeCsv(u"big.csv"_s, GoodShopifyCsv), true);
    auto* error = child<QLabel>(u"fileError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Split it into smaller files"_s), qPrintable(error->text()));
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    QVERIFY(child<QLineEdit>(u"fileEdit"_s)->hasFocus());
}

void TestImportWizard::reportsMissingFile()
{
    chooseFile(m_store->dirPath() + u"/nothing-here.csv"_s, false);
    auto* error = child<QLabel>(u"fileError"_s);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), u"There is no file at this path."_s);
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    QCOMPARE(productCount(), 0);
}

void TestImportWizard::cancelCheckImportsNothing()
{
    chooseFile(writeCsv(u"big.csv"_s, bigShopifyCsv(20000)), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    auto* cancel = child<QWidget>(u"cancelButton"_s);
    QVERIFY(cancel->isVisible()); // the check of 40,000 rows is still running
    QTest::mouseClick(cancel, Qt::LeftButton);
    auto* bar = m_wizard->page(ImportWizard::PreviewPage)->findChild<MessageBar*>(u"messageBar"_s);
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->headline(), u"Checking cancelled; nothing has been imported."_s);
    QVERIFY(!child<QWidget>(u"progressBar"_s)->isVisible());
    QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
    QCOMPARE(productCount(), 0);
}

void TestImportWizard::cancelImportWritesNothing()
{
    chooseFile(writeCsv(u"big.csv"_s, bigShopifyCsv(20000)), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::CommitButton)->isEnabled(), 60000);
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::RunPage));
    QTest::mouseClick(child<QWidget>(u"importCancelButton"_s), Qt::LeftButton); // before the engine is done
    QWidget* runPage = m_wizard->page(ImportWizard::RunPage);
    auto* bar = runPage->findChild<MessageBar*>(u"messageBar"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 60000);
    QCOMPARE(bar->headline(), u"Import cancelled; nothing was written."_s);
    QVERIFY(runPage->findChild<QWidget*>(u"retryButton"_s)->isVisible());
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::RunPage));
    QCOMPARE(productCount(), 0);
}

QStringList TestImportWizard::problemRows()
{
    QStringList rows;
    const QAbstractItemModel* model = child<QTableView>(u"errorTable"_s)->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells.append(model->index(row, column).data().toString());
        rows.append(cells.join(u'|'));
    }
    return rows;
}

MessageBar* TestImportWizard::previewBar() const
{
    return m_wizard->page(ImportWizard::PreviewPage)->findChild<MessageBar*>(u"messageBar"_s);
}

void TestImportWizard::shoot(const QString& name)
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // let the layout settle
    QVERIFY(m_wizard->grab().save(QDir(dir).filePath(name)));
}

void TestImportWizard::listsEveryProblem()
{
    chooseFile(writeCsv(u"broken.csv"_s, BrokenShopifyCsv), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    QTRY_VERIFY(child<QTableView>(u"errorTable"_s)->isVisible());
    // every problem, each on its line, in words: not only the first, and no internal names
    QCOMPARE(problemRows(), (QStringList{
                                u"3|(whole row)|Expected 21 columns, found 22"_s,
                                u"4|Variant Price|Not a number: abc"_s,
                                u"5|(whole row)|Expected 21 columns, found 4"_s,
                                u"6|Variant SKU|Duplicate SKU \"CAFE\u0301-S\": lines 2 and 6"_s,
                                u"8|Variant SKU|This variant has no SKU, and the one made from its handle and "
                                "options (\"poster-a-b\") is already used on line 7; give it a SKU of its own"_s,
                            }));
    QCOMPARE(child<QLabel>(u"problemLabel"_s)->text(),
             u"5 rows have problems. Fix the file and choose it again; nothing has been imported."_s);
    QVERIFY(!previewBar()->isVisible()); // the list says it all; no "invalid:" headline above it
    QVERIFY(child<QPushButton>(u"saveProblemsButton"_s)->isVisible());
    QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
    QCOMPARE(productCount(), 0);
}

void TestImportWizard::shopifyFileChosenAsSoukOffersTheSwitch()
{
    chooseFile(writeCsv(u"shopify.csv"_s, GoodShopifyCsv), false);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    MessageBar* bar = previewBar();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->headline(), u"This file looks like a Shopify product export, but it was checked as Souk CSV."_s);
    auto* action = bar->findChild<QPushButton*>(u"messageActionButton"_s);
    QVERIFY(action->isVisible());
    QCOMPARE(action->text(), u"&Check as Shopify CSV"_s);
    QVERIFY(problemRows().contains(u"1|sku|Missing required column"_s));
    QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());

    QTest::mouseClick(action, Qt::LeftButton); // one click: checked again as Shopify CSV
    QTRY_VERIFY(child<QTableView>(u"productTable"_s)->isVisible());
    QCOMPARE(child<QLabel>(u"summaryLabel"_s)->text(), u"2 products, 3 variants in 3 rows"_s);
    QTRY_VERIFY(m_wizard->button(QWizard::CommitButton)->isEnabled());
    QVERIFY(!bar->isVisible());
    // and the first page says so too
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    QCOMPARE(child<QComboBox>(u"formatCombo"_s)->currentText(), u"Shopify CSV"_s);
    QCOMPARE(productCount(), 0);
}

void TestImportWizard::savesTheProblemsAsCsv()
{
    chooseFile(writeCsv(u"broken.csv"_s, BrokenShopifyCsv), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    auto* save = child<QPushButton>(u"saveProblemsButton"_s);
    QTRY_VERIFY(save->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    QPointer<QFileDialog> dialog;
    QTRY_VERIFY((dialog = m_wizard->findChild<QFileDialog*>(u"problemsDialog"_s)) != nullptr && dialog->isVisible());
    QCOMPARE(QFileInfo(dialog->selectedFiles().value(0)).fileName(), u"broken-problems.csv"_s);
    // the dialog opens beside the imported file: the user types a name there and presses Enter
    QCOMPARE(QDir(dialog->directory()).canonicalPath(), QDir(m_store->dirPath()).canonicalPath());
    const QString path = QDir(dialog->directory()).filePath(u"problems.csv"_s);
    auto* name = dialog->findChild<QLineEdit*>(u"fileNameEdit"_s);
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, u"problems"_s); // the dialog adds ".csv"
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    MessageBar* bar = previewBar();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->headline(), u"Saved the list of problems to %1."_s.arg(QDir::toNativeSeparators(path)));
    const QByteArray saved = test::readFile(path);
    QCOMPARE(saved, QByteArray("\xEF\xBB\xBF"
                               "Line,Column,Problem\n"
                               "3,,\"Expected 21 columns, found 22\"\n"
                               "4,Variant Price,Not a number: abc\n"
                               "5,,\"Expected 21 columns, found 4\"\n"
                               "6,Variant SKU,\"Duplicate SKU \"\"CAFE\xCC\x81-S\"\": lines 2 and 6\"\n"
                               "8,Variant SKU,\"This variant has no SKU, and the one made from its handle and options "
                               "(\"\"poster-a-b\"\") is already used on line 7; give it a SKU of its own\"\n"));
    QVERIFY(QDir(m_store->dirPath()).entryList({u"problems.csv*"_s}, QDir::Files | QDir::Hidden).size() == 1);
}

void TestImportWizard::variantsWithoutSkuImport()
{
    chooseFile(writeCsv(u"no-sku.csv"_s, NoSkuShopifyCsv), true);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
    QTRY_VERIFY(child<QTableView>(u"productTable"_s)->isVisible());
    auto* notes = child<QLabel>(u"notesLabel"_s);
    QVERIFY(notes->isVisible());
    QCOMPARE(notes->text(), u"3 variants have no SKU in the file. Souk gives each one a SKU made of the product handle "
                            "and its option values, such as “tee-s”, so importing the file again updates the same "
                            "variants.\n\n1 variant has stock below zero in the file (sold while out of stock); its "
                            "stock starts at 0 in Souk."_s);
    QAbstractButton* import = m_wizard->button(QWizard::CommitButton);
    QTRY_VERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::DonePage));
    auto page = StoreFixture::wait(m_store->client().productPage({m_store->merchantId(), {}, 100}));
    QVERIFY(page.ok());
    QCOMPARE(page->rows.size(), 2);
    QStringList skus;
    for (const auto& row : page->rows) {
        const auto product = StoreFixture::wait(m_store->client().product(row.id));
        for (const auto& v : product->variants)
            skus.append(v.sku);
    }
    skus.sort();
    QCOMPARE(skus, (QStringList{u"poster"_s, u"tee-m"_s, u"tee-s"_s}));
}

void TestImportWizard::screenshots()
{
    if (qEnvironmentVariableIsEmpty("SOUK_SCREENSHOT_DIR"))
        QSKIP("set SOUK_SCREENSHOT_DIR to write screenshots");
    const QString broken = writeCsv(u"broken.csv"_s, BrokenShopifyCsv);
    const QString noSku = writeCsv(u"no-sku.csv"_s, NoSkuShopifyCsv);
    QTranslator qtbase; // the wizard's own buttons, as the console installs them (app/souk/Startup.cpp)
    for (const QString& lang : {u"en"_s, u"zh"_s}) {
        if (lang == u"zh") {
            const QLocale chinese(QLocale::Chinese, QLocale::China);
            QVERIFY(souk::installTranslator(chinese));
            if (qtbase.load(chinese, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&qtbase);
        }
        newWizard();
        auto* combo = child<QComboBox>(u"formatCombo"_s);
        combo->setCurrentIndex(0); // Souk CSV, for a Shopify file
        m_wizard->setFilePath(noSku);
        shoot(u"import-file-%1.png"_s.arg(lang));
        QTest::keyClick(child<QLineEdit>(u"fileEdit"_s), Qt::Key_Return);
        QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
        QTRY_VERIFY(previewBar()->isVisible());
        shoot(u"import-wrong-format-%1.png"_s.arg(lang));
        QTest::mouseClick(previewBar()->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
        QTRY_VERIFY(child<QTableView>(u"productTable"_s)->isVisible());
        shoot(u"import-derived-skus-%1.png"_s.arg(lang));
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
        QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
        auto* edit = child<QLineEdit>(u"fileEdit"_s);
        edit->clear();
        QTest::keyClicks(edit, broken);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::PreviewPage));
        QTRY_VERIFY(child<QTableView>(u"errorTable"_s)->isVisible());
        if (lang == u"zh") // the problems are translated, not only the page around them
            QVERIFY2(problemRows().at(1).contains(u"不是数字"_s), qPrintable(problemRows().at(1)));
        shoot(u"import-problems-%1.png"_s.arg(lang));
    }
    QCoreApplication::removeTranslator(&qtbase);
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

} // namespace souk

QTEST_MAIN(souk::TestImportWizard)
#include "TestImportWizard.moc"
