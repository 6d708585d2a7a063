#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QString>
#include <QUrl>

#include "backend/catalog/Merchant.h"

class QApplication;
class QObject;

namespace souk {
class Client;
}

namespace souk::app {

/// What the command line asked for.
struct Options
{
    QString storePath;     ///< empty: the per-user store
    bool demo = false;     ///< seed demo data when the store is empty; offer demo traffic
    int demoRate = 0;      ///< demo orders per second to start with; 0: wait for Start
    QString language;      ///< "zh_CN", "en" or empty for the system's
    QString screenshotDir; ///< render every page to PNG there and exit
    QUrl connectUrl;       ///< a node (https://HOST:PORT) instead of a store; its key in SOUK_API_KEY
    QList<QUrl> otherNodes; ///< the cluster's further nodes (--connect URL,URL,...)
    QString spread;         ///< how requests are spread over them: a NodeBalancer policy's name
    QString trust;         ///< the node's certificate: its SHA-256 fingerprint, or a CA file
    /// false: the first reading met options it does not know, which may be Qt's own (-platform,
    /// -style): run() reads the arguments again once QApplication has taken those out
    bool read = false;
};

/// Reads the command line before any QApplication exists, which would need a display: --help,
/// --version and bad values are answered on the terminal here, so they work over ssh and in
/// scripts. Returns the exit code when the program should end now (0 help/version, 2 usage);
/// empty when the console should start (with `options` read, or left to run(): Options::read).
std::optional<int> parseArguments(int argc, char* argv[], Options& options);

/// Fills an empty store with the demo catalog and a few hundred orders, in the background;
/// `done` runs on the GUI thread (with `context` alive).
void seedDemo(Client& client, const catalog::Merchant& merchant, QObject* context, std::function<void()> done);

/// Installs translators, opens the store and runs the console.
/// Returns the process exit code (0 ok, 2 usage, 3 store error).
int run(QApplication& app, const Options& options);

} // namespace souk::app
