#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

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

private:
    QString writeCsv(const QString& name, const QByteArray& data);
    void chooseFile(const QString& path, bool shopify);
    int productCount();
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

} // namespace souk

QTEST_MAIN(souk::TestImportWizard)
#include "TestImportWizard.moc"
