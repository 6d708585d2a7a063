#include "app/souk/Console.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include "app/souk/DemoTraffic.h"
#include "app/souk/Screenshots.h"
#include "backend/client/Client.h"
#include "backend/client/HttpNodeProber.h"
#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "backend/core/Clock.h"
#include "models/cluster/ClusterMonitor.h"
#include "models/common/ErrorText.h"
#include "views/cluster/ClusterPage.h"
#include "views/common/MessageBar.h"
#include "views/connect/ConnectDialog.h"
#include "views/connect/LinkStatusLabel.h"
#include "views/connect/SecretStore.h"
#include "views/main/MainWindow.h"
#include "views/orders/DemoTrafficBar.h"
#include "views/orders/OrdersPage.h"
#include "views/people/ChangePasswordDialog.h"
#include "views/people/SignInDialog.h"

using namespace Qt::StringLiterals;

namespace souk::app {
namespace {

constexpr int ProbeMs = 5'000;        ///< how often a down link is tried
constexpr int SignOutWaitMs = 10'000; ///< how long a node's sign-out may take before its client goes

} // namespace

Console::Console(Prefs& prefs, SecretStore& secrets, const Options& options, LocalOpener openLocal)
    : m_prefs(prefs), m_secrets(secrets), m_options(options), m_openLocal(std::move(openLocal))
{
    m_probe.setInterval(ProbeMs);
    connect(&m_probe, &QTimer::timeout, this, [this] {
        // any cheap read: the client's own health follows its answer
        if (m_remote && m_remote->linkHealth().state != LinkHealth::State::Online)
            onReady(m_remote->merchants(), this, [](const Result<QList<catalog::Merchant>>&) {});
    });
}

Console::~Console()
{
    m_window.reset(); // the window before the clients it shows
}

bool Console::startLocal()
{
    if (!m_local) {
        auto opened = m_openLocal();
        if (!opened) {
            qCritical().noquote() << "souk:" << opened.error().toString();
            QMessageBox::critical(nullptr, tr("Cannot open the store"), errorText(opened.error()));
            return false;
        }
        m_local = std::move(*opened);
    }
    closeWindow();
    m_client = m_local.get();
    if (client().principal().isAuthenticated())
        afterSignIn();
    else
        askToSignIn();
    return true;
}

void Console::startRemote(std::shared_ptr<RemoteClient> remote, const RecentConnection& connection)
{
    closeWindow();
    m_remote = std::move(remote);
    m_connection = connection;
    m_client = m_remote.get();
    if (client().principal().isAuthenticated())
        afterSignIn();
    else
        askToSignIn();
}

void Console::askToSignIn(const QString& userName)
{
    auto* dialog = new SignInDialog(client(), SignInDialog::Mode::SignIn, userName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Console::afterSignIn);
    const bool node = m_client == m_remote.get();
    connect(
        dialog, &QDialog::rejected, this,
        [this, node] {
            if (node)
                leaveNode(); // back to the choice of a node or this computer's store
            else
                QCoreApplication::quit();
        },
        Qt::QueuedConnection);
    dialog->show();
}

void Console::afterSignIn()
{
    if (!client().principal().mustChangePassword)
        return openWindow();
    // a one-time password opens nothing but the way to set one's own
    auto* dialog = new ChangePasswordDialog(client(), true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Console::openWindow);
    connect(dialog, &QDialog::rejected, this, [this] {
        client().signOut();
        askToSignIn();
    });
    dialog->show();
}

void Console::openWindow()
{
    // the principal's merchant, or the store's first for a platform role (or the store's owner)
    Client* shown = m_client;
    onReady(client().merchants(), this, [this, shown](const Result<QList<catalog::Merchant>>& merchants) {
        if (shown != m_client)
            return; // the console moved on to another store or node meanwhile
        if (!merchants || merchants->isEmpty()) {
            qCritical() << "souk: no merchant to show:" << (merchants ? u"none"_s : merchants.error().toString());
            QCoreApplication::exit(3);
            return;
        }
        const Id own = client().principal().merchantId;
        catalog::Merchant chosen = merchants->first();
        for (const catalog::Merchant& m : *merchants) {
            if (m.id == own)
                chosen = m;
        }
        showWindow(chosen);
    });
}

MainWindow::PageMaker Console::clusterPageMaker() const
{
    // a node's health is operators' business; a store in this process has no cluster
    if (!m_remote || m_client != m_remote.get() || !ClusterMonitor::shownTo(client().principal().role))
        return {};
    // every node of the connection, trusted as the connection trusts it
    QList<HttpNodeProber::Options> probes;
    for (const NodeAddress& node : m_remote->options().nodes()) {
        HttpNodeProber::Options& probe = probes.emplaceBack();
        probe.url = node.url;
        probe.fingerprint = node.fingerprint;
        probe.caFile = m_remote->options().caFile;
    }
    return [probes](QWidget* parent) -> QWidget* {
        std::vector<std::unique_ptr<NodeProber>> probers;
        for (const HttpNodeProber::Options& probe : probes)
            probers.push_back(std::make_unique<HttpNodeProber>(probe));
        auto monitor = std::make_unique<ClusterMonitor>(std::move(probers), SystemClock::instance());
        return new ClusterPage(std::move(monitor), SystemClock::instance(), parent);
    };
}

void Console::showWindow(const catalog::Merchant& merchant)
{
    m_window = std::make_unique<MainWindow>(client(), m_prefs, merchant.id, merchant.name, clusterPageMaker());
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Console::signedOut, Qt::QueuedConnection);
    addConnectActions();
    if (m_remote && m_client == m_remote.get())
        addLinkStatus();
    m_window->show();
    if (!m_note.isEmpty())
        m_window->messageBar()->showInfo(std::exchange(m_note, {}));
    m_traffic = nullptr;
    const bool local = m_local && m_client == m_local.get();
    if (local && m_options.demo && m_options.screenshotDir.isEmpty()) {
        m_traffic = new DemoTraffic(client(), merchant.id, m_window.get());
        m_window->ordersPage()->setDemoControls(new DemoTrafficBar(*m_traffic, m_options.demoRate));
    }
    auto afterSeed = [this] {
        if (!m_window)
            return;
        if (!m_options.screenshotDir.isEmpty())
            captureScreenshots(*m_window, m_options.screenshotDir);
        else if (m_traffic && m_options.demoRate > 0)
            m_traffic->start(m_options.demoRate);
    };
    // a node's data is its operators' business: the demo seeds only a store of this machine
    const bool seed = !m_seeded && local && (m_options.demo || m_options.storePath.isEmpty());
    m_seeded = m_seeded || local;
    if (seed)
        seedDemo(client(), merchant, m_window.get(), afterSeed);
    else
        QTimer::singleShot(0, m_window.get(), afterSeed);
}

void Console::addConnectActions()
{
    auto* signOut = m_window->findChild<QAction*>(u"signOutAction"_s);
    QMenu* file = nullptr;
    for (QObject* o : signOut ? signOut->associatedObjects() : QList<QObject*>{}) {
        if ((file = qobject_cast<QMenu*>(o)))
            break;
    }
    if (!file)
        return;
    auto* connectAction = new QAction(tr("&Connect to node\u2026"), m_window.get());
    connectAction->setObjectName(u"connectAction"_s);
    connectAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    connectAction->setToolTip(tr("Work on a Souk node over HTTPS, or on another one"));
    connect(connectAction, &QAction::triggered, this, [this] { askToConnect(true); });
    QAction* first = file->actions().value(0);
    file->insertAction(first, connectAction);
    file->insertSeparator(first);
    // on a node, an API key's user signs out too: the key leaves this computer's keychain
    if (m_remote && m_client == m_remote.get())
        signOut->setEnabled(true);
}

void Console::addLinkStatus()
{
    m_link = new LinkStatusLabel(m_window->statusBar());
    m_link->setHealth(m_remote->linkHealth());
    m_window->statusBar()->addPermanentWidget(m_link);
    connect(m_remote.get(), &RemoteClient::linkHealthChanged, m_link, [this](const LinkHealth& health) {
        m_link->setHealth(health);
        if (health.state == LinkHealth::State::Online)
            m_probe.stop();
        else if (!m_probe.isActive())
            m_probe.start();
    });
}

void Console::closeWindow()
{
    m_probe.stop();
    m_link = nullptr;
    m_traffic = nullptr;
    m_window.reset(); // nothing of the last user's work stays on screen
}

void Console::signedOut()
{
    if (m_remote && m_client == m_remote.get())
        return leaveNode();
    closeWindow();
    if (client().principal().isAuthenticated()) {
        openWindow(); // a store without users: its owner goes on
        return;
    }
    askToSignIn();
}

void Console::leaveNode()
{
    closeWindow();
    // the session ended (or the key's user left): what was saved for it goes from the keychain
    if (!m_connection.url.isEmpty())
        onReady(m_secrets.remove(m_connection.account()), this, [](const Result<bool>& removed) {
            if (!removed)
                qWarning().noquote() << "souk: the keychain kept a secret:" << removed.error().toString();
        });
    m_connection = {};
    // the client lives until the node answered the sign-out (or a while), then goes
    auto keep = std::make_shared<std::shared_ptr<RemoteClient>>(std::move(m_remote));
    m_client = nullptr;
    if (*keep) {
        connect(
            keep->get(), &Client::principalChanged, keep->get(), [keep] { keep->reset(); }, Qt::QueuedConnection);
        QTimer::singleShot(SignOutWaitMs, this, [keep] { keep->reset(); });
    }
    askToConnect(false);
}

void Console::askToConnect(bool fromWindow)
{
    if (m_connect) {
        m_connect->raise();
        m_connect->activateWindow();
        return;
    }
    const auto purpose = fromWindow ? ConnectDialog::Purpose::Switch : ConnectDialog::Purpose::Choose;
    auto* dialog = new ConnectDialog(m_prefs, m_secrets, purpose, fromWindow ? m_window.get() : nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_connect = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, fromWindow](int result) {
        if (result == QDialog::Accepted)
            connectChosen(*dialog);
        else if (result == ConnectDialog::LocalStoreChosen && !startLocal())
            QTimer::singleShot(0, this, [this] { askToConnect(false); });
        else if (result == QDialog::Rejected && !fromWindow)
            QCoreApplication::quit(); // nothing is open: Quit means quit
    });
    dialog->open();
}

void Console::connectChosen(ConnectDialog& dialog)
{
    m_note = dialog.keychainNote();
    // the dialog is closing, and may belong to the window that goes now: continue from the loop
    QTimer::singleShot(0, this, [this, client = dialog.client(), connection = dialog.connection()] {
        startRemote(client, connection);
    });
}

} // namespace souk::app
