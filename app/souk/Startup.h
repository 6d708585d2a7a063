#pragma once

#include <QString>

class QApplication;

namespace souk::app {

/// What the command line asked for.
struct Options
{
    QString storePath;     ///< empty: the per-user store
    bool demo = false;     ///< seed demo data when the store is empty; offer demo traffic
    int demoRate = 0;      ///< demo orders per second to start with; 0: wait for Start
    QString language;      ///< "zh_CN", "en" or empty for the system's
    QString screenshotDir; ///< render every page to PNG there and exit
};

/// Parses arguments, installs translators, opens the store and runs the console.
/// Returns the process exit code (0 ok, 2 usage, 3 store error).
int run(QApplication& app);

} // namespace souk::app
