#pragma once

#include <QObject>

#include <memory>

#include "app/souk/Startup.h"
#include "backend/catalog/Merchant.h"

namespace souk {
class Client;
class MainWindow;
class Prefs;
}

namespace souk::app {

class DemoTraffic;

/// The console's life on an open store: the sign-in dialog while nobody is signed in, then the
/// window for the principal's merchant; after a sign-out, the sign-in dialog again. Seeds the
/// demo store once and starts the demo traffic or the screenshots. Owned by run(); GUI thread.
class Console final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Console)
public:
    Console(Client& client, Prefs& prefs, const Options& options);
    ~Console() override;

    /// Shows the window, or the sign-in dialog first when the store has users.
    void start();

private:
    void askToSignIn(const QString& userName = {});
    void afterSignIn();
    void openWindow();
    void showWindow(const catalog::Merchant& merchant);
    void signedOut();

    Client& m_client;
    Prefs& m_prefs;
    const Options m_options;
    std::unique_ptr<MainWindow> m_window;
    DemoTraffic* m_traffic = nullptr; ///< owned by the window
    bool m_seeded = false;
};

} // namespace souk::app
