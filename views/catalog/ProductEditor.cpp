#include "views/catalog/ProductEditor.h"

#include <utility>

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/catalog/ProductValidator.h"
#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/catalog/VariantTableModel.h"
#include "models/common/ErrorText.h"
#include "views/catalog/ProductDetailsForm.h"
#include "views/catalog/ProductStockTab.h"
#include "views/catalog/ProductUndoController.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

ProductEditor::ProductEditor(Client& client, Id merchantId, const Currency& currency, Id productId, QWidget* parent,
                             ProductUndoController* undo)
    : QDialog(parent), m_client(client), m_merchantId(merchantId), m_currency(currency),
      m_undo(undo ? undo : new ProductUndoController(client, this))
{
    setObjectName(u"productEditor"_s);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    m_variants = new VariantTableModel(currency, this);
    buildUi();
    connectUndo();
    fetchCategories();
    if (productId.isNull()) {
        catalog::Product fresh;
        fresh.merchantId = merchantId;
        setProduct(fresh);
        m_variants->addVariant();
        setModified(false);
    } else {
        load(productId);
    }
}

void ProductEditor::buildUi()
{
    m_messageBar = new MessageBar(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"editorTabs"_s);
    m_tabs->addTab(buildDetailsTab(), tr("&Product"));
    m_stockTab = new ProductStockTab(m_client, m_tabs);
    m_tabs->addTab(m_stockTab, tr("&Stock"));

    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setVisible(auth::allowed(m_client.principal().role, auth::Operation::EditProduct)); // else read only
    m_save->setToolTip(tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAutoDefault(false);
    m_save->setAutoDefault(false);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(u"busyLabel"_s);
    m_busyLabel->hide();
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_busyLabel);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    connect(m_save, &QPushButton::clicked, this, &ProductEditor::save);
    connect(close, &QPushButton::clicked, this, &ProductEditor::reject);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &ProductEditor::save);
    // Ctrl+Z undoes the last save where nothing closer takes it: text fields keep it for their
    // typing, and with unsaved changes it does nothing (the bar's Undo asks first)
    auto* undoShortcut = new QShortcut(QKeySequence::Undo, this);
    connect(undoShortcut, &QShortcut::activated, this, [this] {
        if (!m_modified)
            undoSave();
    });
    connect(m_form, &ProductDetailsForm::edited, this, [this] { setModified(true); });
    connect(m_form, &ProductDetailsForm::optionNamesChanged, m_variants, &VariantTableModel::setOptionNames);
    connect(m_variants, &VariantTableModel::modifiedChanged, this, [this](bool on) {
        if (on)
            setModified(true);
    });
    resize(1000, 720);
}

QWidget* ProductEditor::buildDetailsTab()
{
    auto* tab = new QWidget(this);
    m_form = new ProductDetailsForm(tab);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_form);
    layout->addWidget(buildVariantsBox(tab), 1);
    return tab;
}

QWidget* ProductEditor::buildVariantsBox(QWidget* parent)
{
    auto* box = new QGroupBox(tr("Variants"), parent);
    m_variantTable = new QTableView(box);
    m_variantTable->setObjectName(u"variantTable"_s);
    // Tab leaves the table (arrows move between cells); while a cell is edited, Tab still
    // commits it and edits the next one
    m_variantTable->setTabKeyNavigation(false);
    m_variantTable->setModel(m_variants);
    m_variantTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_variantTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_variantTable->horizontalHeader()->setDefaultSectionSize(110);
    m_variantTable->horizontalHeader()->setStretchLastSection(true);
    m_variantTable->verticalHeader()->setDefaultSectionSize(m_variantTable->fontMetrics().height() + 10);
    m_variantsError = new QLabel(box);
    m_variantsError->setObjectName(u"variantsError"_s);
    setToneText(m_variantsError, theme::Tone::Error);
    m_variantsError->setWordWrap(true);
    m_variantsError->hide();
    m_addVariant = new QPushButton(tr("A&dd variant"), box);
    m_addVariant->setObjectName(u"addVariantButton"_s);
    m_removeVariant = new QPushButton(tr("&Remove variant"), box);
    m_removeVariant->setObjectName(u"removeVariantButton"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addVariant);
    buttons->addWidget(m_removeVariant);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_variantTable, 1);
    layout->addWidget(m_variantsError);
    layout->addLayout(buttons);

    connect(m_addVariant, &QPushButton::clicked, this, &ProductEditor::addVariant);
    connect(m_removeVariant, &QPushButton::clicked, this, &ProductEditor::removeVariant);
    return box;
}

void ProductEditor::setCategories(const QStringList& categories)
{
    m_form->setCategories(categories);
}

void ProductEditor::fetchCategories()
{
    onReady(m_client.categories(m_merchantId), this, [this](const Result<QStringList>& categories) {
        if (categories)
            m_form->setCategories(categories.value());
    });
}

void ProductEditor::load(Id productId)
{
    m_product.id = productId;
    setBusy(true, tr("Loading\u2026"));
    m_tabs->setEnabled(false);
    onReady(m_client.product(productId), this, [this](const Result<catalog::Product>& product) {
        setBusy(false);
        m_tabs->setEnabled(true);
        if (!product) {
            m_messageBar->showError(product.error());
            return;
        }
        setProduct(product.value());
        emit loaded(m_product);
    });
}

void ProductEditor::setProduct(const catalog::Product& product)
{
    m_product = product;
    m_form->setProduct(product);
    m_variants->setVariants(product.optionNames, product.variants);
    m_stockTab->setProduct(product.id);
    clearErrors();
    setModified(false);
    updateTitle();
}

bool ProductEditor::isModified() const
{
    return m_modified;
}

void ProductEditor::setModified(bool modified)
{
    m_modified = modified;
    if (!modified)
        m_variants->setModified(false);
    setWindowModified(modified);
}

void ProductEditor::updateTitle()
{
    if (m_product.id.isNull())
        //: window title of the product editor for a product not saved yet; [*] marks unsaved changes
        setWindowTitle(tr("New product[*]"));
    else
        //: window title of the product editor; %1 = product title. [*] marks unsaved changes.
        setWindowTitle(tr("%1[*] \u2013 Product").arg(m_product.title));
}

void ProductEditor::addVariant()
{
    const int row = m_variants->addVariant();
    const QModelIndex sku = m_variants->index(row, 0);
    m_variantTable->setCurrentIndex(sku);
    m_variantTable->setFocus(Qt::OtherFocusReason);
    m_variantTable->edit(sku);
}

void ProductEditor::removeVariant()
{
    const QModelIndex current = m_variantTable->currentIndex();
    if (!current.isValid() || m_variants->rowCount() <= 1) {
        m_variantsError->setText(tr("A product needs at least one variant."));
        m_variantsError->setVisible(m_variants->rowCount() <= 1);
        return;
    }
    m_variants->removeVariant(current.row());
}

std::optional<ProductEditor::Problem> ProductEditor::collect(catalog::Product& product)
{
    if (const auto error = m_form->check())
        return Problem{*error, error->message};
    // every cell, so that all the bad ones turn red at once, not one per Save
    m_variants->validateAll();
    const Result<QList<catalog::Variant>> variants = m_variants->variants();
    if (!variants)
        return Problem{variants.error(), variants.error().message};
    product = m_product;
    product.merchantId = m_merchantId;
    m_form->apply(product);
    product.variants = variants.value();
    // the backend's own rules (uniqueness, limits) before anything is sent; their messages are English
    if (const QList<Error> errors = catalog::validateProduct(product, m_currency); !errors.isEmpty())
        return Problem{errors.first(), errorText(errors.first())};
    return std::nullopt;
}

void ProductEditor::save()
{
    if (m_busy)
        return;
    clearErrors();
    catalog::Product product;
    if (const auto problem = collect(product)) {
        showProblem(*problem);
        return;
    }
    setBusy(true, tr("Saving\u2026"));
    m_tabs->setEnabled(false); // what is typed now would be overwritten by the saved product
    if (product.id.isNull()) {
        onReady(m_client.saveProduct(product), this,
                [this](const Result<catalog::Product>& result) { onSaved(result); });
        return;
    }
    // an edit of a stored product comes back with what it replaced, for Undo; one key per Save
    const QString key = u"product-edit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    onReady(m_client.editProduct(product, key), this,
            [this](const Result<catalog::ProductEdit>& result) { onEdited(result); });
}

void ProductEditor::onEdited(const Result<catalog::ProductEdit>& result)
{
    if (!result) {
        onSaved(result.error());
        return;
    }
    onSaved(result->after);
    m_undo->record(result.value());
    offerUndo();
}

void ProductEditor::offerUndo()
{
    m_messageBar->showSuccess(ProductUndoController::savedText(m_product));
    m_messageBar->setAction(ProductUndoController::undoLabel(), [this] { undoSave(); });
    m_offersUndo = true;
}

void ProductEditor::onSaved(const Result<catalog::Product>& result)
{
    setBusy(false);
    m_tabs->setEnabled(true);
    if (!result) {
        showProblem({result.error(), errorText(result.error())});
        return;
    }
    setProduct(result.value());
    m_messageBar->showSuccess(ProductUndoController::savedText(m_product));
    m_offersUndo = false;
    emit saved(m_product);
}

bool ProductEditor::canUndoSave() const
{
    return m_undo && m_undo->canUndo() && !m_product.id.isNull() && m_undo->productId() == m_product.id;
}

void ProductEditor::undoSave()
{
    if (m_busy || !canUndoSave())
        return;
    if (m_modified && !Dialogs::confirm(this, tr("Undo the save?"),
                                        tr("Undoing the save also discards the changes you have not saved yet. "
                                           "Undo anyway?"),
                                        ProductUndoController::undoLabel())) {
        offerUndo(); // the click closed the bar; the save can still be undone later
        return;
    }
    m_undoRequested = true;
    m_undo->undo();
}

void ProductEditor::connectUndo()
{
    connect(m_undo, &ProductUndoController::undoStarted, this, &ProductEditor::onUndoStarted);
    connect(m_undo, &ProductUndoController::undone, this, &ProductEditor::onUndone);
    connect(m_undo, &ProductUndoController::undoRefused, this, &ProductEditor::onUndoRefused);
    connect(m_undo, &ProductUndoController::recorded, this, &ProductEditor::dropStaleUndo);
    connect(m_undo, &ProductUndoController::undoAvailableChanged, this, &ProductEditor::dropStaleUndo);
}

void ProductEditor::dropStaleUndo()
{
    if (!m_offersUndo || m_undo->isBusy() || canUndoSave())
        return;
    m_offersUndo = false;
    m_messageBar->clearAction();
}

void ProductEditor::onUndoStarted(Id productId, const QString& title)
{
    if (productId != m_product.id)
        return;
    m_offersUndo = false;
    setBusy(true, tr("Undoing\u2026"));
    m_tabs->setEnabled(false);
    m_messageBar->showInfo(ProductUndoController::undoingText(title));
}

void ProductEditor::onUndone(const catalog::ProductEdit& result)
{
    if (result.after.id != m_product.id)
        return;
    setBusy(false);
    m_tabs->setEnabled(true);
    const bool mine = std::exchange(m_undoRequested, false);
    if (!mine && m_modified) {
        // undone from the catalog page while this form holds unsaved changes: keep them
        m_messageBar->showSuccess(ProductUndoController::undoneText(result.after.title),
                                  tr("Reload the product to see it as it is now."));
        m_messageBar->setAction(tr("&Reload"), [this] { load(m_product.id); });
        return;
    }
    setProduct(result.after);
    m_messageBar->showSuccess(ProductUndoController::undoneText(m_product.title));
    emit saved(m_product);
}

void ProductEditor::onUndoRefused(Id productId, const Error& error, const QString& title)
{
    if (productId != m_product.id)
        return;
    setBusy(false);
    m_tabs->setEnabled(true);
    m_undoRequested = false;
    m_messageBar->showError(ProductUndoController::refusedText(error, title), errorDetails(error));
    if (error.code == ErrorCode::VersionConflict) {
        m_messageBar->setAction(tr("&Reload"), [this] { load(m_product.id); });
    } else if (canUndoSave()) { // it may pass once the cause is put right
        m_messageBar->setAction(ProductUndoController::undoLabel(), [this] { undoSave(); });
        m_offersUndo = true;
    }
}

void ProductEditor::showProblem(const Problem& problem)
{
    const Error& error = problem.error;
    if (error.code == ErrorCode::VersionConflict) {
        m_messageBar->showError(tr("This product was changed by someone else since you opened it."),
                                tr("Reload it to see the other changes, then make yours again."));
        m_messageBar->setAction(tr("&Reload"), [this] { load(m_product.id); });
        return;
    }
    const bool placed = showVariantError(error, problem.text) ||
                        (!error.field.isEmpty() && m_form->showFieldError(error.field, problem.text, error.message));
    if (!placed) {
        m_messageBar->showError(error);
        return;
    }
    m_messageBar->showError(tr("Please correct the highlighted field before saving."),
                            fieldLabel(error.field) + u": "_s + problem.text + u"\n"_s + errorDetails(error));
}

bool ProductEditor::showVariantError(const Error& error, const QString& text)
{
    if (!error.field.startsWith(u"variants"_s))
        return false;
    const QModelIndex cell = m_variants->setFieldError(error.field, text);
    m_variantsError->setText(fieldLabel(error.field) + u": "_s + text);
    m_variantsError->show();
    m_tabs->setCurrentIndex(0);
    if (cell.isValid()) {
        m_variantTable->setCurrentIndex(cell);
        m_variantTable->selectionModel()->select(cell, QItemSelectionModel::ClearAndSelect);
        m_variantTable->scrollTo(cell);
        m_variantTable->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void ProductEditor::clearErrors()
{
    m_form->clearErrors();
    m_variantsError->hide();
    m_messageBar->clearMessage();
}

void ProductEditor::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_save->setEnabled(!busy);
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void ProductEditor::reject()
{
    if (m_modified &&
        !Dialogs::confirm(this, tr("Discard changes?"),
                          tr("The changes to this product have not been saved. Discard them?"), tr("&Discard")))
        return;
    QDialog::reject();
}

} // namespace souk
