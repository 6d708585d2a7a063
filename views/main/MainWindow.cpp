#include "views/main/MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "backend/core/Clock.h"
#include "models/common/Prefs.h"
#include "models/common/Theme.h"
#include "models/people/UserText.h"
#include "views/catalog/CatalogPage.h"
#include "views/orders/OrdersPage.h"
#include "views/payments/PayoutsPage.h"
#include "views/risk/ReviewsPage.h"
#include "views/risk/RiskPage.h"
#include "models/risk/RiskRights.h"
#include "views/common/MessageBar.h"
#include "views/import/ImportWizard.h"
#include "views/main/CatalogExport.h"
#include "views/people/AuditPage.h"
#include "views/people/ChangePasswordDialog.h"
#include "views/people/SignInDialog.h"
#include "views/people/UsersPage.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

const QString CatalogPageId = u"catalog"_s;
const QString OrdersPageId = u"orders"_s;
const QString PayoutsPageId = u"payouts"_s;
const QString ReviewsPageId = u"reviews"_s;
const QString RiskPageId = u"risk"_s;
const QString UsersPageId = u"users"_s;
const QString AuditPageId = u"audit"_s;
const QString ClusterPageId = u"cluster"_s;
const QString LightPalette = u"light"_s;
const QString DarkPalette = u"dark"_s;

/// Gives the keyboard to the first control of `page` that Tab would reach.
void focusFirstControl(QWidget* page)
{
    for (QWidget* w = page->nextInFocusChain(); w != page; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

} // namespace

MainWindow::MainWindow(Client& client, Prefs& prefs, Id merchantId, const QString& merchantName,
                       const PageMaker& clusterPage, QWidget* parent)
    : QMainWindow(parent), m_client(client), m_prefs(prefs), m_merchantId(merchantId)
{
    setObjectName(u"mainWindow"_s);
    //: main window title; %1 = merchant name
    setWindowTitle(tr("%1 \u2013 Souk").arg(merchantName));
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFixedWidth(180);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"pages"_s);
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(u"windowMessageBar"_s);

    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_messageBar);
    right->addWidget(m_stack, 1);
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    m_catalog = new CatalogPage(client, prefs, merchantId, m_stack);
    addPage(CatalogPageId, tr("Catalog", "sidebar page"), m_catalog);
    m_orders = new OrdersPage(client, prefs, merchantId, m_stack);
    addPage(OrdersPageId, tr("Orders", "sidebar page"), m_orders);
    // pages follow the role: a page whose data the role may not read is not there at all
    const auth::Role role = client.principal().role;
    if (auth::allowed(role, auth::Operation::ReadPayouts))
        addPage(PayoutsPageId, tr("Payouts", "sidebar page"), new PayoutsPage(client, merchantId, m_stack));
    if (auth::allowed(role, auth::Operation::ReadReviews)) // support, operators and owners (their merchant's)
        addPage(ReviewsPageId, tr("Reviews", "sidebar page"),
                new ReviewsPage(client, SystemClock::instance(), m_stack));
    if (RiskRights::of(client.principal()).readRules) // rules and lists: support reads, operators change
        addPage(RiskPageId, tr("Risk", "sidebar page"), new RiskPage(client, SystemClock::instance(), m_stack));
    if (auth::allowed(role, auth::Operation::ListUsers))
        addPage(UsersPageId, tr("Users", "sidebar page"), new UsersPage(client, m_stack));
    if (auth::allowed(role, auth::Operation::ReadAudit))
        addPage(AuditPageId, tr("Audit log", "sidebar page"), new AuditPage(client, m_stack));
    if (clusterPage)
        addPage(ClusterPageId, tr("Cluster", "sidebar page"), clusterPage(m_stack));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    buildMenus();
    buildStatusBar(merchantName);
    restoreWindow();
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, &MainWindow::lock);
    setIdleLockMs(DefaultIdleLockMs);
    qApp->installEventFilter(this); // any input anywhere in the program counts as use
    // stays until the store is restored: every change would fail, so say why before one does
    const auto showDamage = [this](const souk::Error& error) {
        m_messageBar->showError(tr("The store file is damaged, so Souk stopped saving changes. You can still "
                                   "view and export what it holds; restore the newest backup to go on."),
                                error.message);
        statusBar()->showMessage(tr("Read-only: the store is damaged"));
    };
    connect(&m_client, &Client::storeDamaged, this, showDamage);
    if (const auto damage = m_client.storeDamage()) // found before the window was made
        showDamage(*damage);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString& id, const QString& title, QWidget* page)
{
    auto* item = new QListWidgetItem(title, m_sidebar);
    item->setData(Qt::UserRole, id);
    item->setSizeHint(QSize(0, 34));
    m_stack->addWidget(page);
    m_pages.append({id, page});
}

QList<std::pair<QString, QWidget*>> MainWindow::pages() const
{
    return m_pages;
}

void MainWindow::showPage(const QString& id)
{
    for (int row = 0; row < m_pages.size(); ++row) {
        if (m_pages[row].first == id) {
            m_sidebar->setCurrentRow(row);
            return;
        }
    }
}

QString MainWindow::currentPageId() const
{
    const int row = m_stack->currentIndex();
    return row >= 0 && row < m_pages.size() ? m_pages[row].first : QString();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* import = file->addAction(tr("&Import\u2026"), this, &MainWindow::importCatalog);
    import->setObjectName(u"importAction"_s);
    import->setShortcut(Qt::CTRL | Qt::Key_I);
    QAction* exportAction = file->addAction(tr("&Export\u2026"), this, &MainWindow::exportCatalog);
    exportAction->setObjectName(u"exportAction"_s);
    const auth::Role role = m_client.principal().role;
    import->setVisible(auth::allowed(role, auth::Operation::RunImport));
    exportAction->setVisible(auth::allowed(role, auth::Operation::ExportCatalog));
    file->addSeparator();
    m_lockAction = file->addAction(tr("&Lock"), this, &MainWindow::lock);
    m_lockAction->setObjectName(u"lockAction"_s);
    m_lockAction->setShortcut(Qt::CTRL | Qt::Key_L);
    QAction* password = file->addAction(tr("Change &password\u2026"), this, [this] {
        auto* dialog = new ChangePasswordDialog(m_client, false, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this] { m_messageBar->showSuccess(tr("Your password was changed.")); });
        dialog->open();
    });
    password->setObjectName(u"changePasswordAction"_s);
    m_signOutAction = file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    // a store without users has nobody to sign out: its owner opened the file
    const bool session = m_client.principal().via == auth::Via::Session;
    m_lockAction->setEnabled(session);
    password->setEnabled(session);
    m_signOutAction->setEnabled(session);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(Qt::CTRL | Qt::Key_Q);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(m_catalog->undoActionText(), m_catalog, &CatalogPage::undo);
    m_undo->setObjectName(u"undoAction"_s);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setEnabled(m_catalog->canUndo());
    connect(m_catalog, &CatalogPage::undoAvailableChanged, m_undo, [this](bool available) {
        m_undo->setEnabled(available);
        m_undo->setText(m_catalog->undoActionText()); // a bulk edit or a product's edit
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    addPageActions(view);
    view->addSeparator();
    auto* palettes = new QActionGroup(this);
    m_light = view->addAction(tr("&Light", "palette"), this, [this] { setPaletteName(LightPalette); });
    m_light->setObjectName(u"lightPaletteAction"_s);
    m_dark = view->addAction(tr("&Dark", "palette"), this, [this] { setPaletteName(DarkPalette); });
    m_dark->setObjectName(u"darkPaletteAction"_s);
    for (QAction* action : {m_light, m_dark}) {
        action->setCheckable(true);
        palettes->addAction(action);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* aboutAction = help->addAction(tr("&About Souk"), this, &MainWindow::about);
    aboutAction->setObjectName(u"aboutAction"_s);
    aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::addPageActions(QMenu* menu)
{
    // Ctrl+1..9 reach the pages in sidebar order, shown in the menu and the sidebar's tooltips
    for (int row = 0; row < m_pages.size() && row < 9; ++row) {
        QListWidgetItem* item = m_sidebar->item(row);
        QAction* go = menu->addAction(item->text(), this, [this, row] {
            m_sidebar->setCurrentRow(row);
            focusFirstControl(m_stack->currentWidget()); // keyboard work goes on in the page
        });
        go->setObjectName(m_pages[row].first + u"PageAction"_s);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        //: tooltip of a sidebar page: %1 the page ("Orders"), %2 its shortcut ("Ctrl+2")
        item->setToolTip(
            tr("%1 (%2)", "page and shortcut").arg(item->text(), go->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::buildStatusBar(const QString& merchantName)
{
    // a node is named by its URL (a cluster's nodes by theirs, with commas), a store by its file
    const bool node = m_client.location().startsWith(u"https://"_s);
    const bool nodes = node && m_client.location().contains(u", "_s);
    auto* location = new QLabel((nodes  ? tr("Nodes: %1")
                                 : node ? tr("Node: %1")
                                        : tr("Store: %1"))
                                    .arg(m_client.location()),
                                this);
    location->setObjectName(u"storeLocationLabel"_s);
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* merchant = new QLabel(merchantName, this);
    merchant->setObjectName(u"merchantLabel"_s);
    merchant->setToolTip(tr("Merchant"));
    m_principalLabel = new QLabel(this);
    m_principalLabel->setObjectName(u"principalLabel"_s);
    statusBar()->addWidget(location, 1);
    statusBar()->addPermanentWidget(m_principalLabel);
    statusBar()->addPermanentWidget(merchant);
    showPrincipal();
    connect(&m_client, &Client::principalChanged, this, &MainWindow::showPrincipal);
}

void MainWindow::showPrincipal()
{
    const auth::Principal p = m_client.principal();
    const QString role = UserText::role(p.role);
    if (p.via == auth::Via::Session || p.via == auth::Via::ApiKey) {
        //: status bar: %1 = user name, %2 = role ("Owner")
        m_principalLabel->setText(tr("%1 \u00b7 %2").arg(p.userName, role));
        m_principalLabel->setToolTip(tr("Signed in as %1 (%2). File \u25b8 Sign out ends the session.").arg(p.userName, role));
    } else {
        m_principalLabel->setText(role);
        m_principalLabel->setToolTip(tr("This store has no users: whoever opens it is its owner. Add users on the "
                                        "Users page to make everyone sign in."));
    }
}

void MainWindow::setIdleLockMs(int ms)
{
    m_idle->setInterval(ms);
    if (ms > 0 && m_client.principal().via == auth::Via::Session && !m_locked)
        m_idle->start();
    else
        m_idle->stop();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idle->isActive())
            m_idle->start(); // counts from the last input again
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::lock()
{
    if (m_locked || m_client.principal().via != auth::Via::Session)
        return;
    m_locked = true;
    m_idle->stop();
    centralWidget()->hide(); // nothing of the store shows behind the dialog
    auto* dialog = new SignInDialog(m_client, SignInDialog::Mode::Unlock, m_client.principal().userName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_locked = false;
        centralWidget()->show();
        setIdleLockMs(m_idle->interval());
    });
    connect(dialog, &SignInDialog::signOutRequested, this, &MainWindow::signOut);
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_locked)
            return;
        // Escape does not unlock: ask again, unless the user signed out
        m_locked = false;
        QTimer::singleShot(0, this, &MainWindow::lock);
    });
    dialog->open();
}

void MainWindow::signOut()
{
    m_locked = false; // signing out ends the lock too: the window goes
    m_idle->stop();
    m_client.signOut();
    emit signOutRequested();
}

void MainWindow::restoreWindow()
{
    if (!restoreGeometry(m_prefs.get(prefkeys::MainWindowGeometry)))
        resize(1280, 800);
    restoreState(m_prefs.get(prefkeys::MainWindowState));
    setPaletteName(m_prefs.get(prefkeys::UiPalette));
    showPage(m_prefs.get(prefkeys::LastPage));
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
}

void MainWindow::saveWindow()
{
    m_prefs.set(prefkeys::MainWindowGeometry, saveGeometry());
    m_prefs.set(prefkeys::MainWindowState, saveState());
    m_prefs.set(prefkeys::LastPage, currentPageId());
    m_catalog->saveState();
    m_orders->saveState();
    m_prefs.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindow();
    QMainWindow::closeEvent(event);
}

void MainWindow::setPaletteName(const QString& name)
{
    const bool dark = name == DarkPalette;
    QApplication::setPalette(dark ? theme::darkPalette() : QApplication::style()->standardPalette());
    (dark ? m_dark : m_light)->setChecked(true);
    m_prefs.set(prefkeys::UiPalette, dark ? DarkPalette : LightPalette);
}

void MainWindow::importCatalog()
{
    auto* wizard = new ImportWizard(m_client, m_merchantId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::exportCatalog()
{
    auto* dialog = new QFileDialog(this, tr("Export catalog"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    const QString soukFilter = tr("Souk CSV (*.csv)");
    const QString shopifyFilter = tr("Shopify CSV (*.csv)");
    dialog->setNameFilters({soukFilter, shopifyFilter});
    dialog->selectFile(u"catalog.csv"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, shopifyFilter](const QString& path) {
        const auto format =
            dialog->selectedNameFilter() == shopifyFilter ? catalog::CsvFormat::Shopify : catalog::CsvFormat::Souk;
        m_messageBar->showInfo(tr("Exporting the catalog\u2026"));
        onReady(CatalogExport::run(m_client, m_merchantId, format, path), this,
                [this, path](const Result<qint64>& written) {
                    if (written) {
                        m_messageBar->showSuccess(tr("Exported the catalog to %1.").arg(path));
                    } else if (written.error().field == u"path"_s) {
                        m_messageBar->showError(tr("The file could not be written. Check the folder and try again."),
                                                written.error().message);
                    } else {
                        m_messageBar->showError(written.error());
                    }
                });
    });
    dialog->open();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Souk"),
                       //: %1 = version number
                       tr("<h3>Souk %1</h3><p>Operations console for merchants: catalog, stock, orders, "
                          "payments and delivery.</p>")
                           .arg(QStringLiteral(SOUK_VERSION_STRING)));
}

} // namespace souk
