#pragma once

#include <utility>

#include <QList>
#include <QMainWindow>
#include <QString>

#include "backend/core/Id.h"

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;

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
    MainWindow(Client& client, Prefs& prefs, Id merchantId, const QString& merchantName, QWidget* parent = nullptr);
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

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(const QString& id, const QString& title, QWidget* page);
    void buildMenus();
    void addPageActions(QMenu* menu);
    void buildStatusBar(const QString& merchantName);
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
};

} // namespace souk
