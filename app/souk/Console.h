#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

#include "app/souk/Startup.h"
#include "backend/catalog/Merchant.h"
#include "backend/core/Result.h"
#include "views/connect/RecentConnections.h"
#include "views/main/MainWindow.h"

namespace souk {
class Client;
class ConnectDialog;
class LinkStatusLabel;
class Prefs;
class RemoteClient;
class SecretStore;
} // namespace souk

namespace souk::app {

class DemoTraffic;

/// The console's life: this computer's store or a node (File ▸ Connect to node…), the sign-in
/// dialog while nobody is signed in, then the window for the principal's merchant; after a
/// sign-out, the sign-in dialog again (a store) or the connect dialog (a node). Owns the clients
/// it opened. Seeds the demo store once and starts the demo traffic or the screenshots.
/// Owned by run(); GUI thread.
class Console final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Console)
public:
    /// Opens this computer's store, when it is asked for.
    using LocalOpener = std::function<Result<std::unique_ptr<Client>>()>;

    Console(Prefs& prefs, SecretStore& secrets, const Options& options, LocalOpener openLocal);
    ~Console() override;

    /// This computer's store: the window, or the sign-in dialog first when the store has users.
    /// False (with the reason shown) when it cannot be opened.
    bool startLocal();
    /// A node connected to: its window, or the sign-in dialog first when nobody is signed in.
    /// `connection` names the secret kept for it, if any (empty for the command line's key).
    void startRemote(std::shared_ptr<RemoteClient> remote, const RecentConnection& connection = {});

private:
    Client& client() const { return *m_client; }
    void askToSignIn(const QString& userName = {});
    void afterSignIn();
    void openWindow();
    void showWindow(const catalog::Merchant& merchant);
    /// The Cluster page's maker for a console on a node signed in as an operator or admin; none otherwise.
    MainWindow::PageMaker clusterPageMaker() const;
    void addConnectActions();
    void addLinkStatus();
    void signedOut();
    void leaveNode();
    void askToConnect(bool fromWindow);
    void connectChosen(ConnectDialog& dialog);
    void closeWindow();

    Prefs& m_prefs;
    SecretStore& m_secrets;
    const Options m_options;
    LocalOpener m_openLocal;
    std::unique_ptr<Client> m_local;
    std::shared_ptr<RemoteClient> m_remote;
    RecentConnection m_connection; ///< the node's entry, its secret in the keychain
    Client* m_client = nullptr;    ///< the one shown: m_local's or m_remote's
    std::unique_ptr<MainWindow> m_window;
    DemoTraffic* m_traffic = nullptr;  ///< owned by the window
    LinkStatusLabel* m_link = nullptr; ///< owned by the window's status bar
    QPointer<ConnectDialog> m_connect;
    QTimer m_probe; ///< asks the node while the link is down, so the status bar sees it come back
    QString m_note; ///< for the next window's message bar (the keychain did not keep a secret)
    bool m_seeded = false;
};

} // namespace souk::app
