#pragma once

#include <QString>

namespace souk {
class MainWindow;
}

namespace souk::app {

/// Shows each page of `window` in turn, lets its data arrive, saves `<dir>/<page>.png`, then
/// quits the application with 0 (or 1 when a file could not be written). GUI thread.
void captureScreenshots(MainWindow& window, const QString& dir);

} // namespace souk::app
