// The connect dialog with real input: bad input is refused beside its field; an API key and a
// password sign-in connect to the real soukd; a node's certificate is trusted on first use and
// a changed one warns; recent connections keep their secrets in the SecretStore, never in the
// settings file; an attempt can be stopped; a support user's window has no payouts.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#include "backend/api/node/Certificate.h"
#include "backend/api/schema/Problem.h"
#include "backend/core/Async.h"
#include "models/common/Prefs.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/StandInNode.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/connect/ConnectDialog.h"
#include "views/connect/MemorySecretStore.h"
#include "views/connect/RecentConnections.h"
#include "views/connect/TrustDialog.h"
#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace souk {
namespace {

constexpr int ConnectMs = 20'000;

template <typename T> T* child(QWidget& parent, const QString& name)
{
    T* found = parent.findChild<T*>(name);
    if (!found)
        qWarning().noquote() << "no child" << name;
    return found;
}

} // namespace

class TestConnectDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_node.reset(); }
    void init();
    void cleanup();
    void refusesBadInputNamingTheField_data();
    void refusesBadInputNamingTheField();
    void apiKeyConnectsAndKeepsTheKeyOutOfTheFile();
    void firstConnectionAsksToTrust();
    void changedCertificateWarnsLoudly();
    void passwordSignInSavesTheSessionThatSignOutEnds();
    void stopDropsTheAttempt();
    void withoutKeychainSaysSoAndSavesNothing();
    void supportSeesNoPayouts();
    void severalNodesConnectEvenWithOneDown();
    void aSignInWhoseOutcomeIsUnknownSaysSo();

private:
    QString url() const { return u"https://127.0.0.1:%1"_s.arg(m_node->port()); }
    std::unique_ptr<ConnectDialog> makeDialog(ConnectDialog::Purpose purpose = ConnectDialog::Purpose::Switch);
    /// Types the URL and the API key with the keyboard and clicks Connect.
    static void typeApiKey(ConnectDialog& dialog, const QString& url, const QString& key);
    static void typeSignIn(ConnectDialog& dialog, const QString& url, const QString& user, const QString& password);
    static bool errorShown(ConnectDialog& dialog, const QString& field);
    QByteArray settingsFile();
    void trustNode() { RecentConnections(*m_prefs).trust(QUrl(url()), m_node->fingerprint()); }

    std::unique_ptr<NodeFixture> m_node;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Prefs> m_prefs;
    std::unique_ptr<MemorySecretStore> m_secrets;
};

void TestConnectDialog::initTestCase()
{
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
}

void TestConnectDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_prefs = std::make_unique<Prefs>(m_dir->filePath(u"souk.ini"_s));
    m_secrets = std::make_unique<MemorySecretStore>(true);
}

void TestConnectDialog::cleanup()
{
    m_prefs.reset();
    m_secrets.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectDialog> TestConnectDialog::makeDialog(ConnectDialog::Purpose purpose)
{
    auto dialog = std::make_unique<ConnectDialog>(*m_prefs, *m_secrets, purpose);
    RemoteClient::Options base;
    base.retries = 3;
    base.retryDelayMs = 300;
    base.followChanges = false; // the dialog is what is tested, not the feed
    dialog->setConnectOptions(base);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning() << "the dialog was not shown";
    return dialog;
}

void TestConnectDialog::typeApiKey(ConnectDialog& dialog, const QString& url, const QString& key)
{
    auto* urlEdit = child<QLineEdit>(dialog, u"urlEdit"_s);
    urlEdit->clear();
    QTest::keyClicks(urlEdit, url);
    QTest::mouseClick(child<QRadioButton>(dialog, u"apiKeyMode"_s), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog, u"apiKeyEdit"_s), key);
    QTest::mouseClick(child<QPushButton>(dialog, u"connectButton"_s), Qt::LeftButton);
}

void TestConnectDialog::typeSignIn(ConnectDialog& dialog, const QString& url, const QString& user,
                                   const QString& password)
{
    auto* urlEdit = child<QLineEdit>(dialog, u"urlEdit"_s);
    urlEdit->clear();
    QTest::keyClicks(urlEdit, url);
    QTest::mouseClick(child<QRadioButton>(dialog, u"signInMode"_s), Qt::LeftButton);
    auto* userEdit = child<QLineEdit>(dialog, u"userEdit"_s);
    userEdit->clear();
    QTest::keyClicks(userEdit, user);
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), password);
    QTest::keyClick(child<QLineEdit>(dialog, u"passwordEdit"_s), Qt::Key_Return);
}

bool TestConnectDialog::errorShown(ConnectDialog& dialog, const QString& field)
{
    auto* label = dialog.findChild<QLabel*>(field + u"Error"_s);
    return label && label->isVisible() && !label->text().isEmpty();
}

QByteArray TestConnectDialog::settingsFile()
{
    m_prefs->sync();
    QFile file(m_prefs->fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestConnectDialog::refusesBadInputNamingTheField_data()
{
    QTest::addColumn<bool>("apiKey");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says");
    QTest::addRow("no url") << false << QString() << u"ana"_s << u"pw"_s << u"url"_s << u"Enter the node's address"_s;
    QTest::addRow("http") << false << u"http://node-1:8443"_s << u"ana"_s << u"pw"_s << u"url"_s << u"HTTPS only"_s;
    QTest::addRow("a path") << true << u"https://node-1:8443/v1/orders"_s << QString() << u"sk_x"_s << u"url"_s
                            << u"not a node's address"_s;
    QTest::addRow("no user") << false << u"https://node-1:8443"_s << QString() << u"pw"_s << u"user"_s
                             << u"user name"_s;
    QTest::addRow("no password") << false << u"node-1:8443"_s << u"ana"_s << QString() << u"password"_s
                                 << u"password"_s;
    QTest::addRow("no key") << true << u"https://node-1:8443"_s << QString() << QString() << u"apiKey"_s
                            << u"API key"_s;
    QTest::addRow("a cluster, one node http") << true << u"https://node-1:8443, http://node-2:8443"_s << QString()
                                              << u"sk_x"_s << u"url"_s << u"HTTPS only"_s;
    QTest::addRow("a cluster, one not an address")
        << true << u"https://node-1:8443,https://node-2:8443/v1"_s << QString() << u"sk_x"_s << u"url"_s
        << u"\u201chttps://node-2:8443/v1\u201d is not a node's address"_s;
    QTest::addRow("a node twice") << true << u"https://node-1:8443, node-1:8443"_s << QString() << u"sk_x"_s << u"url"_s
                                  << u"listed twice"_s;
    QTest::addRow("key with spaces") << true << u"https://node-1:8443"_s << QString() << u"sk_ab cd"_s << u"apiKey"_s
                                     << u"no spaces"_s;
}

void TestConnectDialog::refusesBadInputNamingTheField()
{
    QFETCH(bool, apiKey);
    QFETCH(QString, url);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QString, field);
    QFETCH(QString, says);
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClicks(child<QLineEdit>(*dialog, u"urlEdit"_s), url);
    if (apiKey) {
        QTest::mouseClick(child<QRadioButton>(*dialog, u"apiKeyMode"_s), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(*dialog, u"apiKeyEdit"_s), secret);
    } else {
        QTest::keyClicks(child<QLineEdit>(*dialog, u"userEdit"_s), user);
        QTest::keyClicks(child<QLineEdit>(*dialog, u"passwordEdit"_s), secret);
    }
    QTest::mouseClick(child<QPushButton>(*dialog, u"connectButton"_s), Qt::LeftButton);
    QVERIFY2(errorShown(*dialog, field), qPrintable(field));
    QVERIFY2(dialog->findChild<QLabel*>(field + u"Error"_s)->text().contains(says, Qt::CaseInsensitive),
             qPrintable(dialog->findChild<QLabel*>(field + u"Error"_s)->text()));
    QVERIFY(!dialog->isBusy()); // nothing was sent
    QTest::qWait(200);
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(m_secrets->calls(), 1); // the keychain's probe, nothing else
    QVERIFY(RecentConnections(*m_prefs).list().isEmpty());
}

void TestConnectDialog::apiKeyConnectsAndKeepsTheKeyOutOfTheFile()
{
    trustNode();
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    const QString key = m_node->seeded().ownerAKey;
    typeApiKey(*dialog, url(), key);
    QVERIFY(dialog->isBusy());
    QVERIFY(child<QWidget>(*dialog, u"progressRow"_s)->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    QVERIFY(dialog->client());
    QCOMPARE(dialog->client()->principal().via, auth::Via::ApiKey);
    QCOMPARE(dialog->client()->principal().merchantId, m_node->seeded().merchantA);
    QVERIFY(dialog->keychainNote().isEmpty());

    const QList<RecentConnection> recent = RecentConnections(*m_prefs).list();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first().kind, RecentConnection::Kind::ApiKey);
    QCOMPARE(recent.first().url, QUrl(url()));
    QCOMPARE(m_secrets->secrets().value(recent.first().account()), key);
    const QByteArray file = settingsFile();
    QVERIFY(file.contains("127.0.0.1"));   // the list is there
    QVERIFY(!file.contains(key.toUtf8())); // the key is not
    QVERIFY(!file.contains(key.mid(3, 12).toUtf8()));

    // the list shows it: URL, "API key (user)", when
    auto again = makeDialog();
    auto* list = child<QTreeWidget>(*again, u"recentList"_s);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), url());
    QVERIFY(list->topLevelItem(0)->text(1).startsWith(u"API key"_s));
    QVERIFY(!list->topLevelItem(0)->text(2).isEmpty());
    // picked from the list, it connects with the saved key: nothing typed
    QSignalSpy acceptedAgain(again.get(), &QDialog::accepted);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->topLevelItem(0)).center());
    QCOMPARE(child<QLineEdit>(*again, u"urlEdit"_s)->text(), url());
    QVERIFY(child<QRadioButton>(*again, u"apiKeyMode"_s)->isChecked());
    QTest::mouseClick(child<QPushButton>(*again, u"connectButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acceptedAgain.count(), 1, ConnectMs);
    QCOMPARE(again->client()->principal().via, auth::Via::ApiKey);
}

void TestConnectDialog::firstConnectionAsksToTrust()
{
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeApiKey(*dialog, url(), m_node->seeded().ownerAKey);
    TrustDialog* trust = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((trust = dialog->findChild<TrustDialog*>()) && trust->isVisible(), ConnectMs);
    QVERIFY(!trust->changed());
    QCOMPARE(child<QLabel>(*trust, u"offeredFingerprint"_s)->accessibleName(), m_node->fingerprint());
    QVERIFY(child<QLabel>(*trust, u"offeredFingerprint"_s)->text().contains(m_node->fingerprint().left(20)));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(RecentConnections(*m_prefs).trustedFingerprint(QUrl(url())).isEmpty()); // not before the answer
    QTest::mouseClick(child<QPushButton>(*trust, u"trustButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    QCOMPARE(RecentConnections(*m_prefs).trustedFingerprint(QUrl(url())), m_node->fingerprint());
    QVERIFY(settingsFile().contains(m_node->fingerprint().toUtf8()));

    // declined: not connected, nothing trusted
    init();
    auto declined = makeDialog();
    QSignalSpy declinedAccepted(declined.get(), &QDialog::accepted);
    typeApiKey(*declined, url(), m_node->seeded().ownerAKey);
    QTRY_VERIFY_WITH_TIMEOUT((trust = declined->findChild<TrustDialog*>()) && trust->isVisible(), ConnectMs);
    QTest::mouseClick(child<QPushButton>(*trust, u"cancelTrustButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<MessageBar>(*declined, u"messageBar"_s)->isVisible());
    QVERIFY(child<MessageBar>(*declined, u"messageBar"_s)->headline().contains(u"did not trust"_s));
    QTest::qWait(300);
    QCOMPARE(declinedAccepted.count(), 0);
    QVERIFY(RecentConnections(*m_prefs).trustedFingerprint(QUrl(url())).isEmpty());
}

void TestConnectDialog::changedCertificateWarnsLoudly()
{
    const QString old =
        u"00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"_s;
    RecentConnections(*m_prefs).trust(QUrl(url()), old);
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeApiKey(*dialog, url(), m_node->seeded().ownerAKey);
    TrustDialog* trust = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((trust = dialog->findChild<TrustDialog*>()) && trust->isVisible(), ConnectMs);
    QVERIFY(trust->changed());
    QVERIFY(child<QLabel>(*trust, u"trustHeadline"_s)->text().contains(u"CHANGED"_s));
    QCOMPARE(child<QLabel>(*trust, u"knownFingerprint"_s)->accessibleName(), old);
    QCOMPARE(child<QLabel>(*trust, u"offeredFingerprint"_s)->accessibleName(), m_node->fingerprint());
    auto* trustButton = child<QPushButton>(*trust, u"trustButton"_s);
    QVERIFY(!trustButton->isEnabled());     // not a silent accept: the user must say it was checked
    QTest::keyClick(trust, Qt::Key_Return); // Enter is Cancel
    QTRY_VERIFY(!trust->isVisible() || !dialog->findChild<TrustDialog*>());
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(RecentConnections(*m_prefs).trustedFingerprint(QUrl(url())), old);
    QVERIFY(child<MessageBar>(*dialog, u"messageBar"_s)->headline().contains(u"changed"_s));

    // again, ticking that the operator confirmed it
    QTest::mouseClick(child<QPushButton>(*dialog, u"connectButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((trust = dialog->findChild<TrustDialog*>()) && trust->isVisible(), ConnectMs);
    QTest::mouseClick(child<QCheckBox>(*trust, u"confirmedCheck"_s), Qt::LeftButton);
    QVERIFY(child<QPushButton>(*trust, u"trustButton"_s)->isEnabled());
    QTest::mouseClick(child<QPushButton>(*trust, u"trustButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    QCOMPARE(RecentConnections(*m_prefs).trustedFingerprint(QUrl(url())), m_node->fingerprint());
}

void TestConnectDialog::passwordSignInSavesTheSessionThatSignOutEnds()
{
    trustNode();
    const NodeFixture::Seed& seed = m_node->seeded();
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    // a wrong password first: said beside the field, nothing kept
    typeSignIn(*dialog, url(), seed.ownerAName, u"not the password"_s);
    QTRY_VERIFY_WITH_TIMEOUT(errorShown(*dialog, u"password"_s), ConnectMs);
    QVERIFY(child<QLabel>(*dialog, u"passwordError"_s)->text().contains(u"wrong"_s));
    QVERIFY(RecentConnections(*m_prefs).list().isEmpty());
    QTest::keyClicks(child<QLineEdit>(*dialog, u"passwordEdit"_s), seed.ownerAPassword);
    QTest::keyClick(child<QLineEdit>(*dialog, u"passwordEdit"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    std::shared_ptr<RemoteClient> client = dialog->client();
    QCOMPARE(client->principal().via, auth::Via::Session);
    QCOMPARE(client->principal().userName, seed.ownerAName);
    const QString token = client->credential();
    QVERIFY(!token.isEmpty());
    const RecentConnection saved = dialog->connection();
    QCOMPARE(saved.kind, RecentConnection::Kind::Session);
    QCOMPARE(m_secrets->secrets().value(saved.account()), token); // the session, never the password
    QVERIFY(!m_secrets->secrets().values().contains(seed.ownerAPassword));
    const QByteArray file = settingsFile();
    QVERIFY(file.contains(seed.ownerAName.toUtf8()));
    QVERIFY(!file.contains(token.toUtf8()));
    QVERIFY(!file.contains(seed.ownerAPassword.toUtf8()));
    QVERIFY(child<QLineEdit>(*dialog, u"passwordEdit"_s)->text().isEmpty());

    // the saved session connects with no password typed
    auto again = makeDialog();
    QSignalSpy acceptedAgain(again.get(), &QDialog::accepted);
    auto* list = child<QTreeWidget>(*again, u"recentList"_s);
    const QPoint row = list->visualItemRect(list->topLevelItem(0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row); // a double click's first click
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, row);
    QTRY_COMPARE_WITH_TIMEOUT(acceptedAgain.count(), 1, ConnectMs);
    QCOMPARE(again->client()->principal().via, auth::Via::Session);
    QCOMPARE(again->client()->credential(), token);

    // sign out ends the session on the node (DELETE /v1/sessions/current)
    QCOMPARE(m_node->request("GET", u"/v1/sessions/current"_s, token).status, 200);
    bool ended = false;
    onReady(client->signOut(), this, [&ended](const Result<bool>& r) { ended = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(ended, ConnectMs);
    QCOMPARE(m_node->request("GET", u"/v1/sessions/current"_s, token).status, 401);

    // the saved session no longer works: said, and it leaves the keychain
    auto after = makeDialog();
    QSignalSpy acceptedAfter(after.get(), &QDialog::accepted);
    list = child<QTreeWidget>(*after, u"recentList"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->topLevelItem(0)).center());
    QTest::mouseClick(child<QPushButton>(*after, u"connectButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(errorShown(*after, u"password"_s), ConnectMs);
    QVERIFY(child<QLabel>(*after, u"passwordError"_s)->text().contains(u"ended"_s));
    QTRY_VERIFY(!m_secrets->secrets().contains(saved.account()));
    QCOMPARE(acceptedAfter.count(), 0);
}

void TestConnectDialog::stopDropsTheAttempt()
{
    QTcpServer probe; // a port nothing listens on once it is closed: the attempt retries
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeApiKey(*dialog, u"https://127.0.0.1:%1"_s.arg(port), m_node->seeded().ownerAKey);
    QVERIFY(dialog->isBusy());
    QVERIFY(!child<QPushButton>(*dialog, u"connectButton"_s)->isEnabled());
    QTest::mouseClick(child<QPushButton>(*dialog, u"stopButton"_s), Qt::LeftButton);
    QVERIFY(!dialog->isBusy());
    QVERIFY(!child<QWidget>(*dialog, u"progressRow"_s)->isVisible());
    QVERIFY(child<QPushButton>(*dialog, u"connectButton"_s)->isEnabled());
    QTest::qWait(3000); // the attempt's own failure would have come by now: it is dropped
    QVERIFY(dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    QVERIFY(child<MessageBar>(*dialog, u"messageBar"_s)->headline().contains(u"Stopped"_s));

    // an unreachable node, not stopped: said in the bar
    QTest::mouseClick(child<QPushButton>(*dialog, u"connectButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), ConnectMs);
    QVERIFY(child<MessageBar>(*dialog, u"messageBar"_s)->headline().contains(u"did not answer"_s));
}

void TestConnectDialog::withoutKeychainSaysSoAndSavesNothing()
{
    trustNode();
    m_secrets = std::make_unique<MemorySecretStore>(false);
    auto dialog = makeDialog();
    QTRY_VERIFY(child<QLabel>(*dialog, u"keychainLabel"_s)->isVisible());
    QVERIFY(child<QLabel>(*dialog, u"keychainLabel"_s)->text().contains(u"No keychain"_s));
    QVERIFY(!child<QCheckBox>(*dialog, u"rememberCheck"_s)->isChecked());
    QVERIFY(!child<QCheckBox>(*dialog, u"rememberCheck"_s)->isEnabled());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    const QString key = m_node->seeded().ownerAKey;
    typeApiKey(*dialog, url(), key);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    QVERIFY(dialog->keychainNote().contains(u"not saved"_s));
    QVERIFY(m_secrets->secrets().isEmpty());
    QVERIFY(!settingsFile().contains(key.toUtf8())); // and no fallback to the file
}

void TestConnectDialog::supportSeesNoPayouts()
{
    trustNode();
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeApiKey(*dialog, url(), m_node->seeded().supportKey);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    std::shared_ptr<RemoteClient> client = dialog->client();
    QCOMPARE(client->principal().role, auth::Role::Support);
    MainWindow window(*client, *m_prefs, m_node->seeded().merchantA, u"A"_s);
    QStringList pages;
    for (const auto& page : window.pages())
        pages << page.first;
    QVERIFY2(!pages.contains(u"payouts"_s), qPrintable(pages.join(u',')));
    QVERIFY(pages.contains(u"orders"_s));
}

void TestConnectDialog::severalNodesConnectEvenWithOneDown()
{
    trustNode();
    QTcpServer closed; // a port nobody listens on: a node that is down
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString down = u"https://127.0.0.1:%1"_s.arg(closed.serverPort());
    closed.close();
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    auto* policy = child<QComboBox>(*dialog, u"policyCombo"_s);
    auto* urlEdit = child<QLineEdit>(*dialog, u"urlEdit"_s);
    QTest::keyClicks(urlEdit, url());
    QVERIFY2(!policy->isVisible(), "one node has no policy to choose");
    QTest::keyClicks(urlEdit, u", "_s + down);
    QVERIFY2(policy->isVisible(), "several nodes show how requests are spread");
    policy->setFocus();
    QTest::keyClick(policy, Qt::Key_End); // the last: one node per merchant
    QCOMPARE(policy->currentData().toInt(), int(NodeBalancer::Policy::ByMerchant));
    QTest::mouseClick(child<QRadioButton>(*dialog, u"apiKeyMode"_s), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(*dialog, u"apiKeyEdit"_s), m_node->seeded().adminKey);
    QTest::mouseClick(child<QPushButton>(*dialog, u"connectButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, ConnectMs);
    const std::shared_ptr<RemoteClient> client = dialog->client();
    QCOMPARE(client->nodes().count(), 2);
    QVERIFY(client->nodes().healthy(0));
    QVERIFY2(!client->nodes().healthy(1), "the node that is down takes requests");
    QCOMPARE(client->linkHealth().nodesUp, 1);
    // requests go to the node that answers
    const auto merchants = client->merchants();
    QTRY_VERIFY_WITH_TIMEOUT(merchants.isFinished(), ConnectMs);
    QVERIFY(merchants.result());
    // remembered whole: both nodes, the policy; offered again as one line of the list
    const RecentConnection saved = RecentConnections(*m_prefs).list().first();
    QCOMPARE(saved.nodes(), (QList<QUrl>{QUrl(url()), QUrl(down)}));
    QCOMPARE(saved.policy, u"by-merchant"_s);
    auto again = makeDialog();
    auto* list = child<QTreeWidget>(*again, u"recentList"_s);
    QVERIFY(list->topLevelItem(0)->text(0).contains(u"and 1 more"_s));
    list->setCurrentItem(list->topLevelItem(0));
    QCOMPARE(child<QLineEdit>(*again, u"urlEdit"_s)->text(), url() + u", "_s + down);
    QCOMPARE(child<QComboBox>(*again, u"policyCombo"_s)->currentData().toInt(), int(NodeBalancer::Policy::ByMerchant));
}

void TestConnectDialog::aSignInWhoseOutcomeIsUnknownSaysSo()
{
    // the node's database went away as it signed the user in: the dialog says the sign-in may not
    // have gone through, and the console did not send it again by itself
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"node.pem"_s);
    const QString key = dir.filePath(u"node.key"_s);
    QVERIFY(api::createSelfSigned(cert, key, {u"127.0.0.1"_s}));
    const auto fingerprint = api::fingerprintOfFile(cert);
    QVERIFY(fingerprint);
    test::StandInNode standIn;
    QVERIFY(standIn.start(cert, key));
    Error gone{
        ErrorCode::Unavailable, u"the database cannot be reached now (restarting or failing over); try again"_s, {}};
    gone.outcomeUnknown = true;
    standIn.signInAnswer = api::problemBytes(gone, 503, u"/v1/sessions"_s);
    const QString address = u"https://127.0.0.1:%1"_s.arg(standIn.serverPort());
    RecentConnections(*m_prefs).trust(QUrl(address), *fingerprint);
    auto dialog = makeDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeSignIn(*dialog, address, u"ana"_s, u"a long passphrase"_s);
    auto* bar = child<MessageBar>(*dialog, u"messageBar"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->headline().contains(u"may not have gone through"_s), ConnectMs);
    QTest::qWait(300); // a resend would have come by now
    QCOMPARE(standIn.signIns, 1);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(RecentConnections(*m_prefs).list().isEmpty());
}

} // namespace souk

QTEST_MAIN(souk::TestConnectDialog)
#include "TestConnectDialog.moc"
