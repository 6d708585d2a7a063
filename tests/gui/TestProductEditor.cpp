#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include "models/catalog/VariantTableModel.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/catalog/ProductEditor.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// The product editor on a real store: what reaches the store, and what the user sees when it doesn't.
class TestProductEditor final : public QObject
{
    Q_OBJECT

private slots:
    /// The English UI as users get it: souk_en.qm carries the English plural forms.
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup();
    void editTitleAndSave();
    void emptyTitleSavesNothing();
    void negativePriceSavesNothing();
    void newProductIsCreated();
    void staleVersionShowsConflict();
    void unsavedChangesAreGuarded();
    void saveThenUndoByBarAndKey();
    void undoRefusedAfterChangeElsewhere();
    void undoAsksBeforeDroppingUnsavedChanges();

private:
    void open(Id productId);
    void replaceText(QLineEdit* edit, const QString& text);
    void typeIntoCell(int row, int column, const QString& text);
    catalog::Product stored() const;
    template <typename T> T* child(const QString& name) const
    {
        T* widget = m_editor->findChild<T*>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }

    std::unique_ptr<test::StoreFixture> m_store;
    std::unique_ptr<ProductEditor> m_editor;
    catalog::Product m_product;
};

void TestProductEditor::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    m_product = m_store->addProduct(u"Linen shirt"_s, {u"SHIRT-S"_s, u"SHIRT-M"_s}, 2500, 3, u"Shirts"_s);
}

void TestProductEditor::cleanup()
{
    Dialogs::setNextAnswer(std::nullopt);
    if (m_editor)
        m_editor->setAttribute(Qt::WA_DeleteOnClose, false);
    m_editor.reset();
    m_store.reset();
}

void TestProductEditor::open(Id productId)
{
    m_editor =
        std::make_unique<ProductEditor>(m_store->client(), m_store->merchantId(), m_store->currency(), productId);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    if (!productId.isNull())
        QTRY_COMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), m_product.title);
}

void TestProductEditor::replaceText(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void TestProductEditor::typeIntoCell(int row, int column, const QString& text)
{
    auto* table = child<QTableView>(u"variantTable"_s);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, column));
    QTest::keyClick(table, Qt::Key_F2); // opens the editor with its text selected
    QLineEdit* editor = nullptr;
    auto openEditor = [table] {
        for (QLineEdit* edit : table->viewport()->findChildren<QLineEdit*>()) {
            if (edit->isVisible())
                return edit;
        }
        return static_cast<QLineEdit*>(nullptr);
    };
    QTRY_VERIFY((editor = openEditor()));
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on a queued call
    QTRY_COMPARE(table->model()->index(row, column).data().toString(), text);
    QTRY_VERIFY(!openEditor());
}

catalog::Product TestProductEditor::stored() const
{
    auto product = test::StoreFixture::wait(m_store->client().product(m_product.id));
    return product ? product.value() : catalog::Product{};
}

void TestProductEditor::editTitleAndSave()
{
    open(m_product.id);
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Linen shirt, washed"_s);
    QVERIFY(m_editor->isModified());
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(stored().title, u"Linen shirt, washed"_s);
    QTRY_VERIFY(!m_editor->isModified());
    QCOMPARE(stored().variants.size(), 2);
    QVERIFY(m_editor->messageBar()->isVisible());
    QCOMPARE(m_editor->messageBar()->kind(), MessageBar::Kind::Success);
}

void TestProductEditor::emptyTitleSavesNothing()
{
    open(m_product.id);
    replaceText(child<QLineEdit>(u"titleEdit"_s), {});
    QTest::keyClick(m_editor.get(), Qt::Key_S, Qt::ControlModifier); // Ctrl+S
    auto* error = child<QLabel>(u"titleError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(child<QLineEdit>(u"titleEdit"_s)->hasFocus());
    QTest::qWait(100);
    const catalog::Product now = stored();
    QCOMPARE(now.title, m_product.title);
    QCOMPARE(now.version, m_product.version);
}

void TestProductEditor::negativePriceSavesNothing()
{
    open(m_product.id);
    auto* model = qobject_cast<VariantTableModel*>(child<QTableView>(u"variantTable"_s)->model());
    QVERIFY(model);
    const int price = model->columnOf(VariantField::Price);
    typeIntoCell(1, price, u"-5.00"_s);
    QVERIFY(!model->index(1, price).data(VariantTableModel::ErrorRole).toString().isEmpty());
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(u"variantsError"_s)->isVisible());
    QCOMPARE(child<QTableView>(u"variantTable"_s)->currentIndex(), model->index(1, price));
    QVERIFY(child<QLabel>(u"variantsError"_s)->text().contains(u"variant 2"_s));
    QTest::qWait(100);
    QCOMPARE(stored().version, m_product.version);
    QCOMPARE(stored().variants.at(1).price.minor(), 2500);
}

void TestProductEditor::newProductIsCreated()
{
    open(Id{});
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Cotton socks"_s);
    auto* model = qobject_cast<VariantTableModel*>(child<QTableView>(u"variantTable"_s)->model());
    QCOMPARE(model->rowCount(), 1);
    typeIntoCell(0, model->columnOf(VariantField::Sku), u"SOCK-1"_s);
    typeIntoCell(0, model->columnOf(VariantField::Price), u"4.90"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_editor->productId().isNull());
    const auto created = test::StoreFixture::wait(m_store->client().product(m_editor->productId()));
    QVERIFY(created);
    QCOMPARE(created->title, u"Cotton socks"_s);
    QCOMPARE(created->variants.first().price.minor(), 490);
}

void TestProductEditor::staleVersionShowsConflict()
{
    open(m_product.id);
    // someone else saves the product after the editor read it
    catalog::Product other = stored();
    other.title = u"Renamed elsewhere"_s;
    QVERIFY(test::StoreFixture::wait(m_store->client().saveProduct(other)));

    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Mine"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    MessageBar* bar = m_editor->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->kind() == MessageBar::Kind::Error);
    QVERIFY2(bar->headline().contains(u"changed by someone else since you opened it"_s), qPrintable(bar->headline()));
    QVERIFY(bar->hasAction());
    QCOMPARE(stored().title, u"Renamed elsewhere"_s);

    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton); // Reload
    QTRY_COMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), u"Renamed elsewhere"_s);
    QVERIFY(!m_editor->isModified());
}

void TestProductEditor::unsavedChangesAreGuarded()
{
    open(m_product.id);
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Half typed"_s);
    Dialogs::setNextAnswer(false);
    QTest::keyClick(m_editor.get(), Qt::Key_Escape);
    QVERIFY(!Dialogs::hasPendingAnswer());
    QVERIFY(m_editor->isVisible());
    Dialogs::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>(u"closeButton"_s), Qt::LeftButton);
    QVERIFY(!m_editor->isVisible());
    QCOMPARE(stored().title, m_product.title);
}

void TestProductEditor::saveThenUndoByBarAndKey()
{
    open(m_product.id);
    auto* model = qobject_cast<VariantTableModel*>(child<QTableView>(u"variantTable"_s)->model());
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Linen shirt, washed"_s);
    typeIntoCell(1, model->columnOf(VariantField::Price), u"27.50"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    MessageBar* bar = m_editor->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->kind() == MessageBar::Kind::Success && bar->hasAction());
    QCOMPARE(stored().title, u"Linen shirt, washed"_s);
    QCOMPARE(stored().variants[1].price.minor(), 2750);
    QVERIFY2(bar->headline().contains(u"Saved \u201cLinen shirt, washed\u201d"_s), qPrintable(bar->headline()));
    auto* undo = bar->findChild<QPushButton*>(u"messageActionButton"_s);
    QCOMPARE(undo->text(), u"&Undo"_s);

    // the bar's Undo puts the product and its variants back, and the form shows them
    QTest::mouseClick(undo, Qt::LeftButton);
    QTRY_COMPARE(stored().title, m_product.title);
    QCOMPARE(stored().variants[1].price.minor(), 2500);
    QTRY_COMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), m_product.title);
    QCOMPARE(model->index(1, model->columnOf(VariantField::Price)).data().toString(), u"25.00"_s);
    QTRY_VERIFY2(bar->headline().startsWith(u"Undid the changes to \u201cLinen shirt\u201d"_s),
                 qPrintable(bar->headline()));
    QVERIFY(!m_editor->isModified());
    QVERIFY(!m_editor->canUndoSave());

    // Ctrl+Z undoes a save where no text field takes the key for its own typing: here, right
    // after a click on Save (a cell or a field being edited keeps Ctrl+Z for its own text)
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Linen shirt, relaxed"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(stored().title, u"Linen shirt, relaxed"_s);
    QTRY_VERIFY(m_editor->canUndoSave());
    // Save was disabled while saving, so the keyboard went on to Close: a button, no text field
    QWidget* focused = QApplication::focusWidget();
    QVERIFY(focused && m_editor->isAncestorOf(focused) && !qobject_cast<QLineEdit*>(focused));
    QTest::keyClick(focused, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored().title, m_product.title);
    QTRY_COMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), m_product.title);
    QCOMPARE(stored().variants.size(), 2);
}

void TestProductEditor::undoRefusedAfterChangeElsewhere()
{
    open(m_product.id);
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Mine"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    MessageBar* bar = m_editor->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->hasAction());
    // someone else saves the product after this save
    catalog::Product other = stored();
    other.vendor = u"Elsewhere"_s;
    QVERIFY(test::StoreFixture::wait(m_store->client().saveProduct(other)));

    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
    QTRY_VERIFY(bar->isVisible() && bar->kind() == MessageBar::Kind::Error);
    QVERIFY2(bar->headline().contains(u"cannot be undone: the product was changed after they were saved"_s),
             qPrintable(bar->headline()));
    QCOMPARE(stored().title, u"Mine"_s); // nothing was undone
    QCOMPARE(stored().vendor, u"Elsewhere"_s);
    QVERIFY(!m_editor->canUndoSave());
    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton); // Reload
    QTRY_VERIFY(m_editor->product().vendor == u"Elsewhere"_s);
}

void TestProductEditor::undoAsksBeforeDroppingUnsavedChanges()
{
    open(m_product.id);
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Saved title"_s);
    QTest::mouseClick(child<QPushButton>(u"saveButton"_s), Qt::LeftButton);
    MessageBar* bar = m_editor->messageBar();
    QTRY_VERIFY(bar->isVisible() && bar->hasAction());
    replaceText(child<QLineEdit>(u"titleEdit"_s), u"Typed, not saved"_s);
    QVERIFY(m_editor->isModified());

    Dialogs::setNextAnswer(false);
    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
    QVERIFY(!Dialogs::hasPendingAnswer()); // it asked
    QTest::qWait(100);
    QCOMPARE(stored().title, u"Saved title"_s);
    QCOMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), u"Typed, not saved"_s);
    QVERIFY(bar->hasAction()); // still on offer

    Dialogs::setNextAnswer(true);
    QTest::mouseClick(bar->findChild<QPushButton*>(u"messageActionButton"_s), Qt::LeftButton);
    QTRY_COMPARE(stored().title, m_product.title);
    QTRY_COMPARE(child<QLineEdit>(u"titleEdit"_s)->text(), m_product.title);
    QVERIFY(!m_editor->isModified());
}

QTEST_MAIN(TestProductEditor)
#include "TestProductEditor.moc"
