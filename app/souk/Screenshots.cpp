#include "app/souk/Screenshots.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

#include <functional>
#include <memory>

#include "models/catalog/ProductListModel.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderListModel.h"
#include "views/catalog/CatalogPage.h"
#include "views/catalog/ProductEditor.h"
#include "views/connect/ConnectDialog.h"
#include "views/connect/MemorySecretStore.h"
#include "views/connect/RecentConnections.h"
#include "views/connect/TrustDialog.h"
#include "views/main/MainWindow.h"
#include "views/orders/OrderDetailDialog.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;

namespace souk::app {
namespace {

constexpr int SettleMs = 1200; ///< time for a page's first data and layout to arrive

/// One screenshot run: the window, where the files go, what is open, and whether all went well.
struct Run
{
    MainWindow* window = nullptr;
    QDir dir;
    bool ok = true;
    QPointer<ProductEditor> editor;
    QPointer<OrderDetailDialog> detail;
    QPointer<QDialog> dialog;            ///< the connect or trust dialog shown
    std::shared_ptr<Prefs> connectPrefs; ///< the connect dialog's recent list, in the screenshot folder
    std::shared_ptr<MemorySecretStore> secrets;
    QList<std::function<void()>> steps;
};
using RunPtr = std::shared_ptr<Run>;

void save(const RunPtr& run, QWidget* widget, const QString& name)
{
    const QString file = run->dir.filePath(name + u".png"_s);
    const bool saved = widget && widget->grab().save(file);
    qInfo().noquote() << (saved ? "saved" : "could not save") << file;
    run->ok = run->ok && saved;
}

/// A dialog as the user sees it: over the window, centred, with a frame.
void saveOverWindow(const RunPtr& run, QWidget* dialog, const QString& name)
{
    if (!dialog) {
        run->ok = false;
        return;
    }
    QPixmap picture = run->window->grab();
    const QPixmap front = dialog->grab();
    QPainter painter(&picture);
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60)); // the window behind is not what to look at
    const QPoint at((picture.width() - front.width()) / 2, (picture.height() - front.height()) / 3);
    painter.drawPixmap(at, front);
    painter.setPen(run->window->palette().color(QPalette::Mid));
    painter.drawRect(QRect(at, front.size()).adjusted(-1, -1, 0, 0));
    painter.end();
    const QString file = run->dir.filePath(name + u".png"_s);
    const bool saved = picture.save(file);
    qInfo().noquote() << (saved ? "saved" : "could not save") << file;
    run->ok = run->ok && saved;
}

/// Runs the steps one after the other, each after the previous one's data had time to arrive.
void next(const RunPtr& run, int index)
{
    if (index == run->steps.size()) {
        QApplication::exit(run->ok ? 0 : 1);
        return;
    }
    run->steps[index]();
    QTimer::singleShot(SettleMs, run->window, [run, index] { next(run, index + 1); });
}

/// The detail of a refunded order (the richest timeline), when the store has orders.
Id chosenOrder(MainWindow* window)
{
    const OrderListModel* model = window->ordersPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const orders::Order* o = model->orderAt(row);
        if (o->refundedMinor > 0 && o->status != orders::OrderStatus::Cancelled)
            return o->id;
    }
    return model->rowCount() > 0 ? model->orderAt(0)->id : Id{};
}

/// A product low on stock (its stock tab shows the warning), or the first one.
Id chosenProduct(MainWindow* window)
{
    const ProductListModel* model = window->catalogPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ProductListModel::LowStockRole).toBool())
            return Id{index.data(ProductListModel::IdRole).toLongLong()};
    }
    return model->rowCount() > 0 ? Id{model->index(0, 0).data(ProductListModel::IdRole).toLongLong()} : Id{};
}

/// Each page of the window, then the order detail's timeline.
void addPageSteps(const RunPtr& run, const QString& suffix)
{
    const auto pages = run->window->pages();
    for (int i = 0; i < pages.size(); ++i) {
        run->steps.append([run, pages, i, suffix] {
            if (i > 0)
                save(run, run->window, pages[i - 1].first + suffix);
            run->window->showPage(pages[i].first);
        });
    }
    run->steps.append([run, pages, suffix] {
        save(run, run->window, pages.last().first + suffix);
        const Id order = chosenOrder(run->window);
        if (!order.isNull())
            run->detail = run->window->ordersPage()->openOrder(order);
    });
    run->steps.append([run, suffix] {
        if (!run->detail)
            return;
        run->detail->findChild<QTabWidget*>()->setCurrentIndex(3); // the timeline
        QTimer::singleShot(100, run->window, [run, suffix] {
            save(run, run->detail, u"order-detail"_s + suffix);
            run->detail->close();
        });
    });
}

/// The review queue with its first review open (which claims it), when the demo held any.
void addReviewSteps(const RunPtr& run, const QString& suffix)
{
    run->steps.append([run] {
        run->window->showPage(u"reviews"_s);
        auto* table = run->window->findChild<QTableView*>(u"reviewsTable"_s);
        if (table && table->model()->rowCount() > 0) {
            table->setFocus();
            table->setCurrentIndex(table->model()->index(0, 0));
        }
    });
    run->steps.append([run, suffix] { save(run, run->window, u"review-detail"_s + suffix); });
}

/// The product editor after a save (its bar offers Undo, and so does the catalog page's), its
/// stock tab, and a save refused for an empty title.
void addEditorSteps(const RunPtr& run, const QString& suffix)
{
    run->steps.append([run] {
        run->window->showPage(u"catalog"_s);
        if (!run->editor) {
            const Id product = chosenProduct(run->window);
            if (product.isNull())
                return;
            run->window->catalogPage()->openProduct(product);
            run->editor = run->window->catalogPage()->findChild<ProductEditor*>();
        }
    });
    run->steps.append([run] {
        if (run->editor)
            run->editor->save(); // a real edit of the demo product: the bars now offer Undo
    });
    run->steps.append([run, suffix] {
        save(run, run->window, u"catalog-saved"_s + suffix);
        save(run, run->editor, u"editor"_s + suffix);
        if (run->editor)
            run->editor->findChild<QTabWidget*>(u"editorTabs"_s)->setCurrentIndex(1);
    });
    run->steps.append([run, suffix] {
        save(run, run->editor, u"inventory"_s + suffix);
        if (!run->editor)
            return;
        run->editor->findChild<QTabWidget*>(u"editorTabs"_s)->setCurrentIndex(0);
        run->editor->findChild<QLineEdit*>(u"titleEdit"_s)->clear();
        run->editor->save();
    });
    run->steps.append([run, suffix] {
        save(run, run->editor, u"editor-error"_s + suffix);
        if (run->editor)
            run->editor->findChild<QLineEdit*>(u"titleEdit"_s)->setText(run->editor->product().title);
    });
}

/// The connect dialog with recent connections, refusing an address, connecting; without a
/// keychain; then the trust dialog of a first connection and of a changed certificate.
void addConnectSteps(const RunPtr& run, const QString& suffix)
{
    static const QString offered = u"3F:A2:9C:41:07:DE:55:B8:20:6C:93:E1:4A:7F:0D:C2:"
                                   "88:19:B4:6E:F0:2D:71:A5:CC:38:5E:92:04:BB:67:1D"_s;
    static const QString known = u"A7:10:4C:E2:9B:33:F8:05:6D:C1:28:7A:E9:54:0F:B6:"
                                 "13:8E:D2:47:A0:69:FC:35:1B:C8:72:0E:95:4D:E3:2A"_s;
    run->steps.append([run] {
        const QString ini = run->dir.filePath(u"connect.ini"_s);
        QFile::remove(ini);
        run->connectPrefs = std::make_shared<Prefs>(ini);
        run->secrets = std::make_shared<MemorySecretStore>(true);
        qint64 when = 1'767'000'000'000; // fixed: the pictures do not change from run to run
        RecentConnections recent(*run->connectPrefs, [&when] { return when += 3'600'000; });
        recent.remember({QUrl(u"https://node-1.example:8443"_s),
                         RecentConnection::Kind::Session,
                         u"ops"_s,
                         0,
                         {QUrl(u"https://node-2.example:8443"_s), QUrl(u"https://node-3.example:8443"_s)},
                         u"least-outstanding"_s});
        recent.remember({QUrl(u"https://node-2.example:8443"_s), RecentConnection::Kind::ApiKey, u"ops-bot"_s, 0});
        recent.remember({QUrl(u"https://node-1.example:8443"_s), RecentConnection::Kind::Session, u"ana"_s, 0});
        run->dialog = new ConnectDialog(*run->connectPrefs, *run->secrets, ConnectDialog::Purpose::Switch, run->window);
        run->dialog->setAttribute(Qt::WA_DeleteOnClose);
        run->dialog->show();
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"connect"_s + suffix);
        if (!run->dialog)
            return;
        // the cluster, chosen from the list: its nodes and how requests are spread
        auto* list = run->dialog->findChild<QTreeWidget*>(u"recentList"_s);
        list->setCurrentItem(list->topLevelItem(2));
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"connect-cluster"_s + suffix);
        if (!run->dialog)
            return;
        run->dialog->findChild<QLineEdit*>(u"urlEdit"_s)->setText(u"http://node-1.example"_s);
        run->dialog->findChild<QLineEdit*>(u"userEdit"_s)->clear();
        run->dialog->findChild<QPushButton*>(u"connectButton"_s)->click();
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"connect-error"_s + suffix);
        if (!run->dialog)
            return;
        // a port nothing listens on: the attempt retries for a while, long enough to show
        run->dialog->findChild<QLineEdit*>(u"urlEdit"_s)->setText(u"https://127.0.0.1:9"_s);
        run->dialog->findChild<QLineEdit*>(u"userEdit"_s)->setText(u"ana"_s);
        run->dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(u"secret"_s);
        run->dialog->findChild<QPushButton*>(u"connectButton"_s)->click();
        QTimer::singleShot(150, run->window, [run, suffix] {
            saveOverWindow(run, run->dialog, u"connect-busy"_s + suffix);
            run->dialog->deleteLater(); // close() would only stop the attempt
        });
    });
    run->steps.append([run] {
        run->secrets = std::make_shared<MemorySecretStore>(false);
        run->dialog = new ConnectDialog(*run->connectPrefs, *run->secrets, ConnectDialog::Purpose::Choose, run->window);
        run->dialog->setAttribute(Qt::WA_DeleteOnClose);
        run->dialog->show();
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"connect-nokeychain"_s + suffix);
        run->dialog->close();
        run->dialog = new TrustDialog(QUrl(u"https://node-3.example:8443"_s), offered, {}, run->window);
        run->dialog->setAttribute(Qt::WA_DeleteOnClose);
        run->dialog->show();
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"trust"_s + suffix);
        run->dialog->close();
        run->dialog = new TrustDialog(QUrl(u"https://node-1.example:8443"_s), offered, known, run->window);
        run->dialog->setAttribute(Qt::WA_DeleteOnClose);
        run->dialog->show();
    });
    run->steps.append([run, suffix] {
        saveOverWindow(run, run->dialog, u"trust-changed"_s + suffix);
        run->dialog->close();
    });
}

} // namespace

void captureScreenshots(MainWindow& window, const QString& dir)
{
    QDir target(dir);
    if (!target.mkpath(u"."_s)) {
        qCritical().noquote() << "souk: cannot create" << dir;
        QApplication::exit(1);
        return;
    }
    window.resize(1440, 900);
    auto run = std::make_shared<Run>();
    run->window = &window;
    run->dir = target;
    run->steps.append([run] { run->window->setPaletteName(u"light"_s); });
    addPageSteps(run, {});
    addReviewSteps(run, {});
    addEditorSteps(run, {});
    addConnectSteps(run, {});
    // the same in the dark palette, switched while the editor and the bars are shown
    run->steps.append([run] { run->window->setPaletteName(u"dark"_s); });
    addPageSteps(run, u"-dark"_s);
    addReviewSteps(run, u"-dark"_s);
    addEditorSteps(run, u"-dark"_s);
    addConnectSteps(run, u"-dark"_s);
    run->steps.append([run] { run->window->setPaletteName(u"light"_s); });
    next(run, 0);
}

} // namespace souk::app
