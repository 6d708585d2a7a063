#include "app/souk/Screenshots.h"

#include <QApplication>
#include <QDir>
#include <QTimer>

#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;

namespace souk::app {
namespace {

constexpr int SettleMs = 1200; ///< time for a page's first data and layout to arrive

void captureNext(MainWindow* window, QDir dir, QList<std::pair<QString, QWidget*>> pages, int index, bool ok)
{
    if (index > 0) {
        const QString name = pages[index - 1].first;
        const bool saved = window->grab().save(dir.filePath(name + u".png"_s));
        qInfo().noquote() << (saved ? "saved" : "could not save") << dir.filePath(name + u".png"_s);
        ok = ok && saved;
    }
    if (index == pages.size()) {
        QApplication::exit(ok ? 0 : 1);
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
