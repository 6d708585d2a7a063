#include "app/souk/Screenshots.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTimer>

#include "models/orders/OrderListModel.h"
#include "views/main/MainWindow.h"
#include "views/orders/OrderDetailDialog.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;

namespace souk::app {
namespace {

constexpr int SettleMs = 1200; ///< time for a page's first data and layout to arrive

/// The detail of a refunded order (the richest timeline), when the store has orders.
void captureOrderDetail(MainWindow* window, QDir dir, bool ok)
{
    OrdersPage* page = window->ordersPage();
    const OrderListModel* model = page->model();
    Id chosen;
    for (int row = 0; row < model->rowCount() && chosen.isNull(); ++row) {
        const orders::Order* o = model->orderAt(row);
        if (o->refundedMinor > 0 && o->status != orders::OrderStatus::Cancelled)
            chosen = o->id;
    }
    if (chosen.isNull() && model->rowCount() > 0)
        chosen = model->orderAt(0)->id;
    if (chosen.isNull()) {
        QApplication::exit(ok ? 0 : 1);
        return;
    }
    OrderDetailDialog* dialog = page->openOrder(chosen);
    QTimer::singleShot(SettleMs, window, [=] {
        dialog->findChild<QTabWidget*>()->setCurrentIndex(3); // the timeline
        const QString file = dir.filePath(u"order-detail.png"_s);
        const bool saved = dialog->grab().save(file);
        qInfo().noquote() << (saved ? "saved" : "could not save") << file;
        QApplication::exit(ok && saved ? 0 : 1);
    });
}

void captureNext(MainWindow* window, QDir dir, QList<std::pair<QString, QWidget*>> pages, int index, bool ok)
{
    if (index > 0) {
        const QString name = pages[index - 1].first;
        const bool saved = window->grab().save(dir.filePath(name + u".png"_s));
        qInfo().noquote() << (saved ? "saved" : "could not save") << dir.filePath(name + u".png"_s);
        ok = ok && saved;
    }
    if (index == pages.size()) {
        captureOrderDetail(window, dir, ok);
        return;
    }
    window->showPage(pages[index].first);
    QTimer::singleShot(SettleMs, window, [=] { captureNext(window, dir, pages, index + 1, ok); });
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
    captureNext(&window, target, window.pages(), 0, true);
}

} // namespace souk::app
