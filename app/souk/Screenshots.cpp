#include "app/souk/Screenshots.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

#include <functional>
#include <memory>

#include "models/catalog/ProductListModel.h"
#include "models/orders/OrderListModel.h"
#include "views/catalog/CatalogPage.h"
#include "views/catalog/ProductEditor.h"
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
    addEditorSteps(run, {});
    // the same in the dark palette, switched while the editor and the bars are shown
    run->steps.append([run] { run->window->setPaletteName(u"dark"_s); });
    addPageSteps(run, u"-dark"_s);
    addEditorSteps(run, u"-dark"_s);
    run->steps.append([run] { run->window->setPaletteName(u"light"_s); });
    next(run, 0);
}

} // namespace souk::app
