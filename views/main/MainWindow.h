#pragma once

#include <functional>
#include <utility>

#include <QList>
#include <QMainWindow>
#include <QString>

#include "backend/core/Id.h"

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;

namespace souk {

class CatalogPage;
class Client;
class MessageBar;
class OrdersPage;
class Prefs;

/// The console window: a sidebar of pages, the page stack, menus and the status bar (store
/// location, merchant). Hosts pages and actions only; each page is its own class. Remembers its
/// geometry, state, page and palette in Prefs. Owned by app/; GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// Makes a page, parented to `parent`; the window adds it to the sidebar.
    using PageMaker = std::function<QWidget*(QWidget* parent)>;

    /// `clusterPage`, when given, makes the Cluster page (a console on a node, for operators).
    MainWindow(Client& client, Prefs& prefs, Id merchantId, const QString& merchantName,
               const PageMaker& clusterPage = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Every page: its stable id ("catalog") and widget, in sidebar order.
    QList<std::pair<QString, QWidget*>> pages() const;
    /// Shows the page with this id; unknown ids are ignored.
    void showPage(const QString& id);
    QString currentPageId() const;
    CatalogPage* catalogPage() const { return m_catalog; }
    OrdersPage* ordersPage() const { return m_orders; }
    MessageBar* messageBar() const { return m_messageBar; }

    /// "light" or "dark": applies it to the whole application and remembers it.
    void setPaletteName(const QString& name);

    /// How long without keyboard or mouse input before a signed-in console locks; 0: never.
    static constexpr int DefaultIdleLockMs = 15 * 60'000;
    void setIdleLockMs(int ms);
    /// Hides the pages and asks the signed-in user for the password again (File ▸ Lock).
    void lock();
    bool isLocked() const { return m_locked; }
    /// Ends the session (File ▸ Sign out): the window is closed for the next person.
    void signOut();

signals:
    /// The user signed out (or chose "Sign out" on the lock screen): whoever hosts the window
    /// closes it and asks for a sign-in.
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addPage(const QString& id, const QString& title, QWidget* page);
    void buildMenus();
    void addPageActions(QMenu* menu);
    void buildStatusBar(const QString& merchantName);
    void showPrincipal();
    void restoreWindow();
    void saveWindow();
    void importCatalog();
    void exportCatalog();
    void about();

    Client& m_client;
    Prefs& m_prefs;
    const Id m_merchantId;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_stack = nullptr;
    MessageBar* m_messageBar = nullptr;
    CatalogPage* m_catalog = nullptr;
    OrdersPage* m_orders = nullptr;
    QList<std::pair<QString, QWidget*>> m_pages;
    QAction* m_undo = nullptr;
    QAction* m_light = nullptr;
    QAction* m_dark = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QLabel* m_principalLabel = nullptr;
    QTimer* m_idle = nullptr;
    bool m_locked = false;
};

} // namespace souk
