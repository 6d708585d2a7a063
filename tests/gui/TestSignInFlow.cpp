#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include "models/common/Prefs.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/main/MainWindow.h"
#include "views/people/ChangePasswordDialog.h"
#include "views/people/SignInDialog.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

/// Signing in to a store with users, with real input: the dialog keeps a wrong password to
/// itself and lets the right one in; the window names the user and role, shows the pages the
/// role may read, locks itself after idle time and unlocks with the password, and signs out.
class TestSignInFlow final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void init();
    void cleanup() { m_store.reset(); }
    void storeWithUsersOpensToNobody();
    void wrongPasswordStaysInTheDialog();
    void windowNamesUserAndLocksWhenIdle();
    void staffSeesNoPayouts();
    void oneTimePasswordMustBeReplaced();
    void supportReadsTheCatalogOnly();

private:
    void addUser(const QString& name, auth::Role role);
    /// Fills the dialog and presses Enter in the password field.
    static void typeSignIn(SignInDialog& dialog, const QString& user, const QString& password);
    static MessageBar* bar(QWidget& w) { return w.findChild<MessageBar*>(); }

    std::unique_ptr<StoreFixture> m_store;
    const QString m_password = u"a long enough password"_s;
};

void TestSignInFlow::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->ok());
    addUser(u"ana"_s, auth::Role::Owner);
    addUser(u"sam"_s, auth::Role::Staff);
    QVERIFY(m_store->reopen()); // a store with users opens to nobody
}

void TestSignInFlow::addUser(const QString& name, auth::Role role)
{
    auto added = StoreFixture::wait(m_store->client().addUser({name, role, m_store->merchantId(), m_password}));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
}

void TestSignInFlow::typeSignIn(SignInDialog& dialog, const QString& user, const QString& password)
{
    auto* userEdit = dialog.findChild<QLineEdit*>(u"userEdit"_s);
    if (!userEdit->isReadOnly()) {
        userEdit->clear();
        QTest::keyClicks(userEdit, user);
    }
    auto* passwordEdit = dialog.findChild<QLineEdit*>(u"passwordEdit"_s);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

void TestSignInFlow::storeWithUsersOpensToNobody()
{
    LocalClient& client = m_store->client();
    QVERIFY(!client.principal().isAuthenticated());
    auto refused = StoreFixture::wait(client.productPage({m_store->merchantId(), {}, 10}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
}

void TestSignInFlow::wrongPasswordStaysInTheDialog()
{
    SignInDialog dialog(m_store->client(), SignInDialog::Mode::SignIn);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    typeSignIn(dialog, u"ana"_s, u"not the password at all"_s);
    QTRY_VERIFY(bar(dialog)->isVisible() && bar(dialog)->kind() == MessageBar::Kind::Error);
    QCOMPARE(bar(dialog)->headline(), u"The user name or password is wrong."_s);
    QVERIFY(dialog.isVisible());
    QCOMPARE(accepted.count(), 0);
    QVERIFY(!m_store->client().principal().isAuthenticated());
    QVERIFY(dialog.findChild<QLineEdit*>(u"passwordEdit"_s)->text().isEmpty()); // typed again, not kept

    typeSignIn(dialog, u"ana"_s, m_password);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(m_store->client().principal().userName, u"ana"_s);
    QCOMPARE(m_store->client().principal().role, auth::Role::Owner);
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        SignInDialog fresh(m_store->client(), SignInDialog::Mode::SignIn);
        fresh.show();
        fresh.grab().save(dir + u"/sign-in-en.png"_s);
    }
}

void TestSignInFlow::windowNamesUserAndLocksWhenIdle()
{
    QVERIFY(StoreFixture::wait(m_store->client().signIn(u"ana"_s, m_password, {})));
    Prefs prefs(m_store->dirPath() + u"/souk.ini"_s);
    MainWindow window(m_store->client(), prefs, m_store->merchantId(), u"Test Shop"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<QLabel*>(u"principalLabel"_s)->text(), u"ana \u00b7 Owner"_s);
    QVERIFY(window.findChild<QAction*>(u"signOutAction"_s)->isEnabled());

    window.setIdleLockMs(300);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
    QVERIFY(!window.centralWidget()->isVisible()); // nothing of the store behind the dialog
    SignInDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = window.findChild<SignInDialog*>()) && unlock->isVisible());
    QVERIFY(unlock->findChild<QLineEdit*>(u"userEdit"_s)->isReadOnly());
    typeSignIn(*unlock, {}, u"wrong password, wrong"_s);
    QTRY_VERIFY(bar(*unlock)->isVisible() && bar(*unlock)->kind() == MessageBar::Kind::Error);
    QVERIFY(window.isLocked());
    typeSignIn(*unlock, {}, m_password);
    QTRY_VERIFY(!window.isLocked());
    QVERIFY(window.centralWidget()->isVisible());

    window.setIdleLockMs(0);
    QSignalSpy signedOut(&window, &MainWindow::signOutRequested);
    window.findChild<QAction*>(u"signOutAction"_s)->trigger();
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(!m_store->client().principal().isAuthenticated());
}

void TestSignInFlow::staffSeesNoPayouts()
{
    QVERIFY(StoreFixture::wait(m_store->client().signIn(u"sam"_s, m_password, {})));
    Prefs prefs(m_store->dirPath() + u"/souk.ini"_s);
    MainWindow window(m_store->client(), prefs, m_store->merchantId(), u"Test Shop"_s);
    QStringList ids;
    for (const auto& page : window.pages())
        ids << page.first;
    QVERIFY(ids.contains(u"catalog"_s));
    QVERIFY(ids.contains(u"orders"_s));
    QVERIFY(!ids.contains(u"payouts"_s)); // staff move no money out
    QVERIFY(!ids.contains(u"reviews"_s)); // nor decide held payments
    QVERIFY(!ids.contains(u"risk"_s));    // nor read the platform's rules
    QCOMPARE(window.findChild<QLabel*>(u"principalLabel"_s)->text(), u"sam \u00b7 Staff"_s);
}

void TestSignInFlow::supportReadsTheCatalogOnly()
{
    LocalClient& client = m_store->client();
    QVERIFY(StoreFixture::wait(client.signIn(u"ana"_s, m_password, {})));
    QVERIFY(StoreFixture::wait(client.signOut()));
    // a platform role: added by the store's administrator (soukctl's principal)
    m_store->options().principal = auth::Principal::localAdmin(u"cli"_s);
    QVERIFY(m_store->reopen());
    QVERIFY(StoreFixture::wait(m_store->client().addUser({u"sue"_s, auth::Role::Support, {}, m_password})));
    m_store->options().principal.reset();
    QVERIFY(m_store->reopen());
    QVERIFY(StoreFixture::wait(m_store->client().signIn(u"sue"_s, m_password, {})));
    Prefs prefs(m_store->dirPath() + u"/souk.ini"_s);
    MainWindow window(m_store->client(), prefs, m_store->merchantId(), u"Test Shop"_s);
    QStringList ids;
    for (const auto& page : window.pages())
        ids << page.first;
    // support works the review queue, reads the rules and keeps the block lists
    QCOMPARE(ids, (QStringList{u"catalog"_s, u"orders"_s, u"reviews"_s, u"risk"_s, u"audit"_s}));
    // the catalog is there to read: no new product, no bulk edit, no import
    QVERIFY(window.findChild<QWidget*>(u"newProductButton"_s)->isHidden());
    QVERIFY(window.findChild<QWidget*>(u"bulkEditButton"_s)->isHidden());
    QVERIFY(!window.findChild<QAction*>(u"importAction"_s)->isVisible());
}

void TestSignInFlow::oneTimePasswordMustBeReplaced()
{
    LocalClient& client = m_store->client();
    QVERIFY(StoreFixture::wait(client.signIn(u"ana"_s, m_password, {})));
    auto added = StoreFixture::wait(client.addUser({u"lee"_s, auth::Role::Staff, m_store->merchantId(), {}}));
    QVERIFY(added);
    const QString oneTime = added->oneTimePassword;
    QVERIFY(oneTime.size() >= 12);
    QVERIFY(StoreFixture::wait(client.signOut()));
    QVERIFY(StoreFixture::wait(client.signIn(u"lee"_s, oneTime, {})));
    QVERIFY(client.principal().mustChangePassword);
    auto refused = StoreFixture::wait(client.productPage({m_store->merchantId(), {}, 10}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden); // nothing but a new password first

    // the engine's own checks, past the dialog's: a short or unchanged password, named, nothing set
    for (const QString& next : {u"short"_s, oneTime}) {
        auto bad = StoreFixture::wait(client.changePassword(oneTime, next));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Invalid);
        QCOMPARE(bad.error().field, u"newPassword"_s);
        QVERIFY(client.principal().mustChangePassword);
    }
    ChangePasswordDialog dialog(client, true);
    dialog.show();
    const auto type = [&](const QString& current, const QString& next, const QString& repeat) {
        for (const auto& [name, text] : {std::pair(u"currentPasswordEdit"_s, current),
                                         std::pair(u"newPasswordEdit"_s, next),
                                         std::pair(u"repeatPasswordEdit"_s, repeat)}) {
            auto* edit = dialog.findChild<QLineEdit*>(name);
            edit->clear();
            QTest::keyClicks(edit, text);
        }
        QTest::keyClick(dialog.findChild<QLineEdit*>(u"repeatPasswordEdit"_s), Qt::Key_Return);
    };
    type(oneTime, u"my own new password"_s, u"my own new passw0rd"_s);
    QTRY_VERIFY(bar(dialog)->isVisible());
    QCOMPARE(bar(dialog)->headline(), u"The two new passwords differ. Type the same one twice."_s);
    type(u"not the one-time one"_s, u"my own new password"_s, u"my own new password"_s);
    QTRY_COMPARE(bar(dialog)->headline(), u"The current password is wrong."_s);
    QVERIFY(client.principal().mustChangePassword);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    type(oneTime, u"my own new password"_s, u"my own new password"_s);
    QTRY_COMPARE(accepted.count(), 1);
    QVERIFY(!client.principal().mustChangePassword);
    QVERIFY(StoreFixture::wait(client.productPage({m_store->merchantId(), {}, 10})));
    QVERIFY(StoreFixture::wait(client.signOut()));
    QVERIFY(!StoreFixture::wait(client.signIn(u"lee"_s, oneTime, {}))); // the one-time password is gone
    QVERIFY(StoreFixture::wait(client.signIn(u"lee"_s, u"my own new password"_s, {})));
}

} // namespace souk

QTEST_MAIN(souk::TestSignInFlow)
#include "TestSignInFlow.moc"
