#include "app/souk/Console.h"

#include <QApplication>
#include <QTimer>

#include "app/souk/DemoTraffic.h"
#include "app/souk/Screenshots.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "views/main/MainWindow.h"
#include "views/orders/DemoTrafficBar.h"
#include "views/orders/OrdersPage.h"
#include "views/people/ChangePasswordDialog.h"
#include "views/people/SignInDialog.h"

using namespace Qt::StringLiterals;

namespace souk::app {

Console::Console(Client& client, Prefs& prefs, const Options& options)
    : m_client(client), m_prefs(prefs), m_options(options)
{
}

Console::~Console() = default;

void Console::start()
{
    if (m_client.principal().isAuthenticated())
        openWindow();
    else
        askToSignIn();
}

void Console::askToSignIn(const QString& userName)
{
    auto* dialog = new SignInDialog(m_client, SignInDialog::Mode::SignIn, userName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Console::afterSignIn);
    connect(dialog, &QDialog::rejected, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    dialog->show();
}

void Console::afterSignIn()
{
    if (!m_client.principal().mustChangePassword)
        return openWindow();
    // a one-time password opens nothing but the way to set one's own
    auto* dialog = new ChangePasswordDialog(m_client, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Console::openWindow);
    connect(dialog, &QDialog::rejected, this, [this] {
        m_client.signOut();
        askToSignIn();
    });
    dialog->show();
}

void Console::openWindow()
{
    // the principal's merchant, or the store's first for a platform role (or the store's owner)
    onReady(m_client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& merchants) {
        if (!merchants || merchants->isEmpty()) {
            qCritical() << "souk: no merchant to show:" << (merchants ? u"none"_s : merchants.error().toString());
            QCoreApplication::exit(3);
            return;
        }
        const Id own = m_client.principal().merchantId;
        catalog::Merchant shown = merchants->first();
        for (const catalog::Merchant& m : *merchants) {
            if (m.id == own)
                shown = m;
        }
        showWindow(shown);
    });
}

void Console::showWindow(const catalog::Merchant& merchant)
{
    m_window = std::make_unique<MainWindow>(m_client, m_prefs, merchant.id, merchant.name);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Console::signedOut, Qt::QueuedConnection);
    m_window->show();
    m_traffic = nullptr;
    if (m_options.demo && m_options.screenshotDir.isEmpty()) {
        m_traffic = new DemoTraffic(m_client, merchant.id, m_window.get());
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
    const bool seed = !m_seeded && m_options.connectUrl.isEmpty() && (m_options.demo || m_options.storePath.isEmpty());
    m_seeded = true;
    if (seed)
        seedDemo(m_client, merchant, m_window.get(), afterSeed);
    else
        QTimer::singleShot(0, m_window.get(), afterSeed);
}

void Console::signedOut()
{
    m_window.reset(); // nothing of the last user's work stays on screen
    if (m_client.principal().isAuthenticated()) {
        openWindow(); // a store without users: its owner goes on
        return;
    }
    askToSignIn();
}

} // namespace souk::app
