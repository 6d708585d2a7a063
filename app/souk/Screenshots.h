#pragma once

#include <QString>

namespace souk {
class MainWindow;
}

namespace souk::app {

/// Shows each page of `window` in turn, lets its data arrive and saves `<dir>/<page>.png`, then
/// the order detail, the product editor after a save (and the catalog page's bar offering Undo),
/// its stock tab ("inventory") and a refused save, the connect dialog ("connect", "connect-error",
/// "connect-busy", "connect-nokeychain") and the trust dialog ("trust", "trust-changed") over the
/// window; then all of it again in the dark palette
/// (`<name>-dark.png`). Quits the application with 0 (or 1 when a file could not be written).
/// Note that it saves a demo product once per palette. GUI thread.
void captureScreenshots(MainWindow& window, const QString& dir);

} // namespace souk::app
