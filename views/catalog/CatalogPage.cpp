#include "views/catalog/CatalogPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/catalog/CatalogText.h"
#include "models/catalog/ProductFilterProxy.h"
#include "models/catalog/ProductListModel.h"
#include "models/common/ErrorText.h"
#include "models/common/Prefs.h"
#include "views/catalog/BulkEditController.h"
#include "views/catalog/BulkEditDialog.h"
#include "views/catalog/ProductEditor.h"
#include "views/catalog/ProductUndoController.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int SearchDebounceMs = 150;
constexpr int CategoryRefreshDelayMs = 300;
/// More matches than this are cut, and the page says so.
constexpr int SearchResultsMax = 10'000;

} // namespace

CatalogPage::CatalogPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent)
    : QWidget(parent), m_client(client), m_prefs(prefs), m_merchantId(merchantId)
{
    setObjectName(u"catalogPage"_s);
    m_model = new ProductListModel(client, merchantId, this);
    m_model->setPageRows(prefs.get(prefkeys::CatalogPageRows));
    m_proxy = new ProductFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDebounceMs);
    m_categoryTimer = new QTimer(this);
    m_categoryTimer->setSingleShot(true);
    m_categoryTimer->setInterval(CategoryRefreshDelayMs);
    buildUi();
    m_bulk = new BulkEditController(client, m_messageBar, this);
    m_productUndo = new ProductUndoController(client, this);
    connectProductUndo();

    connect(m_searchTimer, &QTimer::timeout, this, &CatalogPage::startSearch);
    connect(m_categoryTimer, &QTimer::timeout, this, &CatalogPage::refreshCategories);
    connect(&m_client, &Client::changed, this, &CatalogPage::onChanged);
    connect(m_bulk, &BulkEditController::undoAvailableChanged, this, [this](bool available) {
        if (available) // one level of undo: the newer bulk edit takes the product edit's place
            m_productUndo->forget();
        emit undoAvailableChanged(canUndo());
    });
    connect(m_bulk, &BulkEditController::busyChanged, this, &CatalogPage::updateActions);
    connect(m_model, &ProductListModel::loadingChanged, m_busy, &QWidget::setVisible);
    connect(m_model, &ProductListModel::loadFailed, m_messageBar, qOverload<const Error&>(&MessageBar::showError));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &CatalogPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CatalogPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CatalogPage::updateCount);

    loadMerchant();
    refreshCategories();
    m_model->load();
    updateCount();
    updateActions();
}

CatalogPage::~CatalogPage()
{
    saveState();
}

void CatalogPage::buildUi()
{
    m_messageBar = new MessageBar(this);
    buildTable();
    m_count = new QLabel(this);
    m_count->setObjectName(u"countLabel"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_messageBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, &CatalogPage::focusSearch);
    auto* create = new QShortcut(QKeySequence::New, this);
    connect(create, &QShortcut::activated, this, &CatalogPage::newProduct);
    setTabOrder(m_search, m_status);
    setTabOrder(m_status, m_category);
    setTabOrder(m_category, m_lowStock);
    setTabOrder(m_lowStock, m_bulkEdit);
    setTabOrder(m_bulkEdit, m_newProduct);
    setTabOrder(m_newProduct, m_table);
}

QWidget* CatalogPage::buildToolbar()
{
    auto* bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search title, SKU or barcode (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_status = new QComboBox(bar);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), -1);
    for (const catalog::ProductStatus status : CatalogText::statuses())
        m_status->addItem(CatalogText::status(status), int(status));
    m_category = new QComboBox(bar);
    m_category->setObjectName(u"categoryFilter"_s);
    m_category->setAccessibleName(tr("Category filter"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_category->setMinimumContentsLength(10);
    onCategories({});
    m_lowStock = new QCheckBox(tr("&Low stock"), bar);
    m_lowStock->setObjectName(u"lowStockFilter"_s);
    m_busy = new QProgressBar(bar);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(90);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading products"));
    m_busy->hide();
    m_bulkEdit = new QPushButton(tr("&Bulk edit\u2026"), bar);
    m_bulkEdit->setObjectName(u"bulkEditButton"_s);
    m_bulkEdit->setToolTip(tr("Change the status, category or prices of the selected products"));
    m_newProduct = new QPushButton(tr("&New product"), bar);
    m_newProduct->setObjectName(u"newProductButton"_s);
    // actions follow the role: support and operators read the catalog, they do not change it
    m_bulkEdit->setVisible(auth::allowed(m_client.principal().role, auth::Operation::BulkEdit));
    m_newProduct->setVisible(auth::allowed(m_client.principal().role, auth::Operation::SaveProduct));
    m_newProduct->setToolTip(
        tr("Create a product (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 2);
    row->addWidget(m_status);
    row->addWidget(m_category);
    row->addWidget(m_lowStock);
    row->addStretch(1);
    row->addWidget(m_busy);
    row->addWidget(m_bulkEdit);
    row->addWidget(m_newProduct);

    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        startSearch();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &CatalogPage::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &CatalogPage::applyFilter);
    connect(m_lowStock, &QCheckBox::toggled, this, &CatalogPage::applyFilter);
    connect(m_bulkEdit, &QPushButton::clicked, this, &CatalogPage::openBulkEdit);
    connect(m_newProduct, &QPushButton::clicked, this, &CatalogPage::newProduct);
    return bar;
}

void CatalogPage::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"productTable"_s);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    const QList<int> widths{300, 110, 120, 80, 70, 130, 80, 150};
    for (int column = 0; column < widths.size(); ++column)
        header->resizeSection(column, widths[column]);
    if (!header->restoreState(m_prefs.get(prefkeys::CatalogHeaderState)))
        m_table->sortByColumn(ProductListModel::Title, Qt::AscendingOrder);

    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { openEditor(Id{index.data(ProductListModel::IdRole).toLongLong()}); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CatalogPage::updateActions);
}

void CatalogPage::saveState()
{
    m_prefs.set(prefkeys::CatalogHeaderState, m_table->horizontalHeader()->saveState());
}

void CatalogPage::loadMerchant()
{
    onReady(m_client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& merchants) {
        if (!merchants) {
            m_messageBar->showError(merchants.error());
            return;
        }
        for (const catalog::Merchant& merchant : merchants.value()) {
            if (merchant.id == m_merchantId)
                m_currency = merchant.currency;
        }
        updateActions();
    });
}

void CatalogPage::refreshCategories()
{
    onReady(m_client.categories(m_merchantId), this, [this](const Result<QStringList>& categories) {
        if (categories)
            onCategories(categories.value());
    });
}

void CatalogPage::onCategories(const QStringList& categories)
{
    m_categories = categories;
    const QVariant current = m_category->currentData();
    {
        const QSignalBlocker blocker(m_category);
        m_category->clear();
        m_category->addItem(tr("All categories"));
        m_category->addItem(tr("No category", "filter: products without a category"), QString(u""_s));
        for (const QString& category : categories)
            m_category->addItem(category, category);
        const int index = current.isValid() ? m_category->findData(current) : 0;
        m_category->setCurrentIndex(qMax(0, index));
    }
    if (current.isValid() && m_category->currentIndex() == 0)
        applyFilter(); // the chosen category is gone
}

void CatalogPage::onChanged(const souk::ChangeList& changes)
{
    for (const Change& change : changes) {
        if (change.entity == u"product"_s) {
            // one refresh for a burst of changes; not restarted, or orders arriving all the
            // time (each one changes its products' stock) would put it off for ever
            if (!m_categoryTimer->isActive())
                m_categoryTimer->start();
            return;
        }
    }
}

void CatalogPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CatalogPage::startSearch()
{
    const QString text = m_search->text().trimmed();
    const int generation = ++m_searchGeneration;
    if (text.isEmpty()) {
        m_searchCapped = false;
        applyFilter();
        return;
    }
    m_busy->show();
    onReady(m_client.searchProducts(m_merchantId, text, SearchResultsMax), this,
            [this, generation](const Result<QList<Id>>& ids) {
                if (generation != m_searchGeneration)
                    return;
                m_busy->setVisible(m_model->isLoading());
                if (!ids) {
                    m_messageBar->showError(ids.error());
                    return;
                }
                m_searchCapped = ids->size() >= SearchResultsMax;
                ProductFilter filter = m_proxy->filter();
                filter.setIds(QSet<Id>(ids->cbegin(), ids->cend()));
                m_proxy->setFilter(filter);
                updateCount();
            });
}

void CatalogPage::applyFilter()
{
    ProductFilter filter;
    const int status = m_status->currentData().toInt();
    if (status >= 0)
        filter.setStatus(catalog::ProductStatus(status));
    if (const QVariant category = m_category->currentData(); category.isValid())
        filter.setCategory(category.toString());
    filter.setLowStockOnly(m_lowStock->isChecked());
    // the search ids stay until the search text changes
    if (!m_search->text().trimmed().isEmpty())
        filter.setIds(m_proxy->filter().ids());
    m_proxy->setFilter(filter);
    updateCount();
}

void CatalogPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = m_proxy->filter().isEmpty()
                       ? tr("%Ln product(s)", nullptr, total)
                       //: %1 = products shown (e.g. "1,234"); %Ln = all products ("100,000 products")
                       : tr("%1 of %Ln product(s)", nullptr, total).arg(QLocale().toString(shown));
    if (m_searchCapped)
        text += u"  \u00b7  "_s + tr("only the first %L1 matches are shown").arg(SearchResultsMax);
    m_count->setText(text);
}

void CatalogPage::updateActions()
{
    const bool selected = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    m_bulkEdit->setEnabled(selected && m_currency.isValid() && m_bulk && !m_bulk->isBusy());
    m_newProduct->setEnabled(m_currency.isValid());
}

QList<int> CatalogPage::selectedSourceRows() const
{
    return m_proxy->sourceRows(m_table->selectionModel()->selectedRows());
}

void CatalogPage::openBulkEdit()
{
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty() || !m_currency.isValid())
        return;
    const qint64 variants = m_model->variantCountOfRows(rows);
    auto* dialog = new BulkEditDialog(m_currency, m_categories, int(rows.size()), variants, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<Id> ids = m_model->idsOfRows(rows);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, variants] {
        catalog::BulkEdit edit = dialog->edit();
        edit.merchantId = m_merchantId;
        edit.productIds = ids;
        // after the dialog has gone: the confirmation must not stack on top of it
        QTimer::singleShot(0, this, [this, edit, variants] { m_bulk->run(edit, variants); });
    });
    dialog->open();
}

bool CatalogPage::canUndo() const
{
    return m_bulk->canUndo() || m_productUndo->canUndo();
}

void CatalogPage::undo()
{
    if (m_productUndo->canUndo())
        m_productUndo->undo();
    else
        m_bulk->undo();
}

QString CatalogPage::undoActionText() const
{
    return m_productUndo->canUndo() ? tr("&Undo Product Edit") : tr("&Undo Bulk Edit");
}

void CatalogPage::connectProductUndo()
{
    // the page says what happened to a product's edit as it does for bulk edits, also while the
    // editor that saved it is open or after it has closed
    connect(m_productUndo, &ProductUndoController::recorded, this, [this](const catalog::ProductEdit& edit) {
        m_bulk->forget(); // one level of undo: the newer product edit takes the bulk edit's place
        m_messageBar->showSuccess(ProductUndoController::savedText(edit.after));
        m_messageBar->setAction(ProductUndoController::undoLabel(), [this] { m_productUndo->undo(); });
    });
    connect(m_productUndo, &ProductUndoController::undoStarted, this,
            [this](Id, const QString& title) { m_messageBar->showInfo(ProductUndoController::undoingText(title)); });
    connect(m_productUndo, &ProductUndoController::undone, this, [this](const catalog::ProductEdit& result) {
        m_messageBar->showSuccess(ProductUndoController::undoneText(result.after.title));
    });
    connect(m_productUndo, &ProductUndoController::undoRefused, this,
            [this](Id, const Error& error, const QString& title) {
                m_messageBar->showError(ProductUndoController::refusedText(error, title), errorDetails(error));
            });
    connect(m_productUndo, &ProductUndoController::undoAvailableChanged, this,
            [this] { emit undoAvailableChanged(canUndo()); });
}

void CatalogPage::newProduct()
{
    openEditor(Id{});
}

void CatalogPage::openProduct(Id productId)
{
    openEditor(productId);
}

void CatalogPage::openEditor(Id productId)
{
    if (!m_currency.isValid())
        return;
    // one editor per product: a second one would only race the first on save
    for (ProductEditor* open : findChildren<ProductEditor*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!productId.isNull() && open->productId() == productId) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto* editor = new ProductEditor(m_client, m_merchantId, m_currency, productId, this, m_productUndo);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setCategories(m_categories);
    editor->show();
}

} // namespace souk
