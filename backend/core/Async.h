#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace souk {

/// Calls `callback(result)` on `context`'s thread once `future` finishes, and never if `context`
/// dies first: the watcher is parented to the context. Use this instead of
/// QFuture::then(context, ...), which asserts on a dead context in Qt 6.4.
template <typename T, typename Callback>
void onReady(QFuture<T> future, QObject* context, Callback&& callback)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, cb = std::forward<Callback>(callback)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().isCanceled() || watcher->future().resultCount() == 0)
                             return;
                         cb(watcher->future().result());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace souk
