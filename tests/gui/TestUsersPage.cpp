#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "backend/auth/Totp.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "models/common/Theme.h"
#include "models/people/QrImage.h"
#include "models/people/UserListModel.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/people/AddUserDialog.h"
#include "views/people/ApiKeysDialog.h"
#include "views/people/CreateApiKeyDialog.h"
#include "views/people/OneTimeSecretDialog.h"
#include "views/people/OneTimeSecretView.h"
#include "views/people/ReasonDialog.h"
#include "views/people/TotpSetupDialog.h"
#include "views/people/UsersPage.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {
namespace {

const QString Password = u"a long enough password"_s;

/// Waits for `future` while the event loop runs: a sign-in's answer is completed by a callback
/// on the client's thread, which a blocking wait would never let run.
template <typename T> T settle(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10'000))
        qFatal("a future did not finish in 10 s");
    return future.result();
}

} // namespace

/// The users page on a real store with real input events: adding a user hands over a one-time
/// password once, bad input is refused beside its field and adds nobody, disabling asks why,
/// API keys show their secret once and then only their start, and a signed-in user turns on
/// two-step sign-in with a code from the QR code's secret and gets recovery codes once.
class TestUsersPage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void addsUserWithOneTimePassword();
    void badInputAddsNobody();
    void disablesUserWithReason();
    void apiKeySecretShownOnce();
    void ownerOffersOwnersAndStaffOnly();
    void adminPicksRoleAndMerchant();
    void twoStepSignInForSignedInUser();
    void screenshots();

private:
    void open();
    Id addUser(const QString& name, auth::Role role, bool merchant = true);
    void signIn(const QString& name);
    void click(const QString& name) { click(m_page->findChild<QPushButton*>(name)); }
    static void click(QPushButton* button);
    void clickRow(int row);
    static void type(QLineEdit* edit, const QString& text);
    template <typename T> T* dialog(const QString& name) const;
    int storedUsers() { return int(settle(m_f->client().users())->size()); }
    QString cell(int row, int column) const { return m_page->model()->index(row, column).data().toString(); }
    int rowOf(const QString& name) const;
    AddUserDialog* openAddUser();

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<UsersPage> m_page;
};

void TestUsersPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
}

void TestUsersPage::cleanup()
{
    Dialogs::setNextAnswer(std::nullopt);
    m_page.reset();
    m_f.reset();
}

void TestUsersPage::open()
{
    m_page = std::make_unique<UsersPage>(m_f->client());
    m_page->resize(1000, 560);
    new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY(m_page->model()->hasLoaded());
}

Id TestUsersPage::addUser(const QString& name, auth::Role role, bool merchant)
{
    auto added = settle(m_f->client().addUser({name, role, merchant ? m_f->merchantId() : Id{}, Password}));
    if (!added)
        qWarning().noquote() << "addUser" << name << added.error().toString();
    return added ? added->user.id : Id{};
}

void TestUsersPage::signIn(const QString& name)
{
    const auto signedIn = settle(m_f->client().signIn(name, Password, {}));
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().toString()));
}

void TestUsersPage::click(QPushButton* button)
{
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestUsersPage::clickRow(int row)
{
    auto* table = m_page->findChild<QTableView*>(u"usersTable"_s);
    const QRect rect = table->visualRect(table->model()->index(row, UserListModel::Name));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestUsersPage::type(QLineEdit* edit, const QString& text)
{
    QTest::mouseClick(edit, Qt::LeftButton);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

template <typename T> T* TestUsersPage::dialog(const QString& name) const
{
    T* found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = m_page->findChild<T*>(name);
            return found && found->isVisible();
        },
        5000);
    return shown ? found : nullptr;
}

int TestUsersPage::rowOf(const QString& name) const
{
    for (int r = 0; r < m_page->model()->rowCount(); ++r) {
        if (cell(r, UserListModel::Name) == name)
            return r;
    }
    return -1;
}

AddUserDialog* TestUsersPage::openAddUser()
{
    click(u"addUserButton"_s);
    auto* added = dialog<AddUserDialog>(u"addUserDialog"_s);
    // the store's one merchant, picked by itself once the merchants are read
    if (!added ||
        !QTest::qWaitFor([added] { return added->findChild<QComboBox*>(u"merchantCombo"_s)->currentIndex() == 0; }))
        return nullptr;
    return added;
}

void TestUsersPage::addsUserWithOneTimePassword()
{
    open();
    QCOMPARE(m_page->model()->rowCount(), 0);
    AddUserDialog* add = openAddUser();
    QVERIFY(add);
    type(add->findChild<QLineEdit*>(u"nameEdit"_s), u"ana"_s);
    click(add->findChild<QPushButton*>(u"addButton"_s)); // no password: Souk makes one
    auto* shown = dialog<OneTimeSecretDialog>(u"oneTimePasswordDialog"_s);
    QVERIFY(shown);
    const QString password = shown->view()->secret();
    QVERIFY(password.size() >= 12);
    QCOMPARE(shown->findChild<QLabel*>(u"secretText"_s)->text(), password);
    QVERIFY(shown->findChild<QLabel*>(u"shownOnceNote"_s)->text().contains(u"only time"_s));
    click(shown->findChild<QPushButton*>(u"copyButton"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), password);
    click(shown->findChild<QPushButton*>(u"doneButton"_s));
    QTRY_VERIFY(!m_page->findChild<OneTimeSecretDialog*>());
    QVERIFY(!m_page->findChild<AddUserDialog*>()); // it closed when the user was added

    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cell(0, UserListModel::Name), u"ana"_s);
    QCOMPARE(cell(0, UserListModel::Role), u"Staff"_s);
    QCOMPARE(cell(0, UserListModel::TwoStep), u"Off"_s);
    QCOMPARE(cell(0, UserListModel::State), u"Active"_s);
    QCOMPARE(cell(0, UserListModel::LastSignIn), u"Never"_s);
    QCOMPARE(cell(0, UserListModel::FailedSignIns), u"0"_s);
    QTRY_COMPARE(m_page->selectedUser() ? m_page->selectedUser()->name : QString(), u"ana"_s);
    QCOMPARE(m_page->messageBar()->kind(), MessageBar::Kind::Success);
    QVERIFY(m_page->model()->index(0, UserListModel::State).data(Qt::ToolTipRole).toString().contains(u"one-time"_s));
    // the password shown is the one that works, once, until ana chooses her own
    const auto signedIn = settle(m_f->client().signIn(u"ana"_s, password, {}));
    QVERIFY(signedIn);
    QVERIFY(signedIn->mustChangePassword);
}

void TestUsersPage::badInputAddsNobody()
{
    addUser(u"carol"_s, auth::Role::Staff);
    open();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    AddUserDialog* add = openAddUser();
    QVERIFY(add);
    auto* name = add->findChild<QLineEdit*>(u"nameEdit"_s);
    auto* password = add->findChild<QLineEdit*>(u"passwordEdit"_s);
    auto* nameError = add->findChild<QLabel*>(u"nameError"_s);
    auto* passwordError = add->findChild<QLabel*>(u"passwordError"_s);
    auto* addButton = add->findChild<QPushButton*>(u"addButton"_s);

    type(name, u"ana maria"_s); // a space
    type(password, u"short"_s);
    click(addButton);
    QVERIFY(nameError->isVisible());
    QVERIFY(nameError->text().contains(u"letters, digits"_s));
    QVERIFY(passwordError->isVisible());
    QVERIFY(passwordError->text().contains(u"12 characters"_s));
    QCOMPARE(QApplication::focusWidget(), name); // the first wrong field

    type(name, u"ana"_s);
    QVERIFY(!nameError->isVisible()); // typing there takes its error away
    click(addButton);
    QVERIFY(!nameError->isVisible());
    QVERIFY(passwordError->isVisible());
    QCOMPARE(QApplication::focusWidget(), password);

    // the store's own refusal lands beside the field it names
    type(name, u"carol"_s);
    type(password, Password);
    click(addButton);
    QTRY_VERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(u"“carol” exists"_s), qPrintable(nameError->text()));
    QVERIFY(nameError->toolTip().contains(u"duplicate"_s));
    QVERIFY(!passwordError->isVisible());
    QVERIFY(add->isVisible());
    QVERIFY(!m_page->findChild<OneTimeSecretDialog*>());
    QCOMPARE(storedUsers(), 1);
    QCOMPARE(m_page->model()->rowCount(), 1);
    add->reject();
}

void TestUsersPage::disablesUserWithReason()
{
    addUser(u"dave"_s, auth::Role::Staff);
    open();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QSignalSpy inserted(m_page->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(m_page->model(), &QAbstractItemModel::modelReset);
    addUser(u"eve"_s, auth::Role::Staff); // elsewhere: the change feed brings her in, as one row
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(rowOf(u"eve"_s), 1);
    auto* disable = m_page->findChild<QPushButton*>(u"disableUserButton"_s);
    QVERIFY(!disable->isEnabled()); // nobody selected
    clickRow(0);
    QVERIFY(disable->isEnabled());
    click(disable);
    auto* ask = dialog<ReasonDialog>(u"reasonDialog"_s);
    QVERIFY(ask);
    QVERIFY(ask->findChild<QLabel*>(u"questionLabel"_s)->text().contains(u"dave"_s));
    click(ask->findChild<QPushButton*>(u"acceptButton"_s)); // no reason yet: it asks for one
    QVERIFY(ask->findChild<QLabel*>(u"reasonError"_s)->isVisible());
    QVERIFY(ask->isVisible());
    QTest::qWait(50);
    QCOMPARE(cell(0, UserListModel::State), u"Active"_s);

    type(ask->findChild<QLineEdit*>(u"reasonEdit"_s), u"left the company"_s);
    click(ask->findChild<QPushButton*>(u"acceptButton"_s));
    QTRY_COMPARE(cell(0, UserListModel::State), u"Disabled"_s);
    QCOMPARE(resets.size(), 0); // updated in place: the selection stays
    QCOMPARE(m_page->selectedUser()->name, u"dave"_s);
    QVERIFY(!disable->isEnabled()); // once is enough
    const auto muted = m_page->model()->index(0, UserListModel::State).data(Qt::ForegroundRole);
    QVERIFY(muted.isValid());
    const auto users = settle(m_f->client().users());
    QVERIFY(users->first().isDisabled());
    QVERIFY(!users->last().isDisabled());
    QVERIFY(m_page->messageBar()->headline().contains(u"Disabled dave"_s));
}

void TestUsersPage::apiKeySecretShownOnce()
{
    addUser(u"frank"_s, auth::Role::Staff);
    open();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    clickRow(0);
    click(u"apiKeysButton"_s);
    auto* keys = dialog<ApiKeysDialog>(u"apiKeysDialog"_s);
    QVERIFY(keys);
    QTRY_VERIFY(keys->findChild<QLabel*>(u"noKeysLabel"_s)->isVisible());
    auto* revoke = keys->findChild<QPushButton*>(u"revokeKeyButton"_s);
    QVERIFY(!revoke->isEnabled());

    click(keys->findChild<QPushButton*>(u"createKeyButton"_s));
    auto* create = dialog<CreateApiKeyDialog>(u"createApiKeyDialog"_s);
    QVERIFY(create);
    click(create->findChild<QPushButton*>(u"createButton"_s)); // no name
    QVERIFY(create->findChild<QLabel*>(u"keyNameError"_s)->isVisible());
    QVERIFY(settle(m_f->client().apiKeys(Id{}))->isEmpty());
    type(create->findChild<QLineEdit*>(u"keyNameEdit"_s), u"warehouse sync"_s);
    click(create->findChild<QPushButton*>(u"createButton"_s));

    auto* shown = dialog<OneTimeSecretDialog>(u"apiKeySecretDialog"_s);
    QVERIFY(shown);
    const QString secret = shown->view()->secret();
    QVERIFY2(secret.startsWith(u"sk_"_s), qPrintable(secret));
    QCOMPARE(shown->findChild<QLabel*>(u"secretText"_s)->text(), secret);
    // the dialog keyed its request: a second click after an answer that never came gets this back
    const auto sealed = settle(m_f->client().engine().read<qint64>([](QSqlDatabase& db) -> Result<qint64> {
        const auto n = store::scalar(db, u"SELECT count(*) FROM idempotency_keys WHERE command = 'create_api_key'"_s);
        return n ? Result<qint64>(n->toLongLong()) : Result<qint64>(n.error());
    }));
    QVERIFY(sealed);
    QCOMPARE(*sealed, 1);
    click(shown->findChild<QPushButton*>(u"doneButton"_s));

    auto* table = keys->findChild<QTableWidget*>(u"apiKeysTable"_s);
    QTRY_COMPARE(table->rowCount(), 1);
    QVERIFY(table->isVisible());
    const QString shownKey = table->item(0, ApiKeysDialog::Key)->text();
    QVERIFY2(shownKey.endsWith(u"…"_s), qPrintable(shownKey));
    QVERIFY(secret.startsWith(shownKey.chopped(1)));
    QVERIFY(shownKey.size() < secret.size() / 2); // the start only
    for (int c = 0; c < table->columnCount(); ++c)
        QVERIFY(!table->item(0, c)->text().contains(secret));
    QCOMPARE(table->item(0, ApiKeysDialog::Name)->text(), u"warehouse sync"_s);
    QCOMPARE(table->item(0, ApiKeysDialog::LastUsed)->text(), u"Never"_s);
    QCOMPARE(table->item(0, ApiKeysDialog::State)->text(), u"Active"_s);
    QVERIFY(table->item(0, ApiKeysDialog::Expires)->text() != u"Never"_s); // 90 days by default

    const QRect row = table->visualItemRect(table->item(0, ApiKeysDialog::Name));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
    QVERIFY(revoke->isEnabled());
    Dialogs::setNextAnswer(false); // asked, and declined: nothing changes
    click(revoke);
    QTest::qWait(50);
    QCOMPARE(table->item(0, ApiKeysDialog::State)->text(), u"Active"_s);
    Dialogs::setNextAnswer(true);
    click(revoke);
    QTRY_COMPARE(table->item(0, ApiKeysDialog::State)->text(), u"Revoked"_s);
    QVERIFY(!revoke->isEnabled());
    QVERIFY(settle(m_f->client().apiKeys(Id{}))->first().revokedMs.has_value());
}

void TestUsersPage::ownerOffersOwnersAndStaffOnly()
{
    addUser(u"olga"_s, auth::Role::Owner);
    addUser(u"sam"_s, auth::Role::Staff);
    addUser(u"pat"_s, auth::Role::Support, false);
    signIn(u"olga"_s);
    open();
    // an owner sees its merchant's people, not the platform's
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(rowOf(u"pat"_s), -1);
    clickRow(rowOf(u"olga"_s));
    QVERIFY(!m_page->findChild<QPushButton*>(u"disableUserButton"_s)->isEnabled()); // not oneself
    clickRow(rowOf(u"sam"_s));
    QVERIFY(m_page->findChild<QPushButton*>(u"disableUserButton"_s)->isEnabled());

    click(u"addUserButton"_s);
    auto* add = dialog<AddUserDialog>(u"addUserDialog"_s);
    QVERIFY(add);
    auto* role = add->findChild<QComboBox*>(u"roleCombo"_s);
    QCOMPARE(role->count(), 2);
    QCOMPARE(role->itemText(0), u"Owner"_s);
    QCOMPARE(role->itemText(1), u"Staff"_s);
    QVERIFY(!add->findChild<QComboBox*>(u"merchantCombo"_s)->isVisible()); // their own merchant
    type(add->findChild<QLineEdit*>(u"nameEdit"_s), u"tim"_s);
    type(add->findChild<QLineEdit*>(u"passwordEdit"_s), Password); // a password given: nothing to hand over
    click(add->findChild<QPushButton*>(u"addButton"_s));
    QTRY_VERIFY(rowOf(u"tim"_s) >= 0);
    QVERIFY(!m_page->findChild<OneTimeSecretDialog*>());
    const auto users = settle(m_f->client().users());
    const auto tim =
        std::find_if(users->cbegin(), users->cend(), [](const auth::User& u) { return u.name == u"tim"_s; });
    QCOMPARE(tim->merchantId, m_f->merchantId());
}

void TestUsersPage::adminPicksRoleAndMerchant()
{
    m_f->close();
    m_f->options().principal = auth::Principal::localAdmin(u"cli"_s);
    QVERIFY(m_f->reopen());
    open();
    AddUserDialog* add = openAddUser();
    QVERIFY(add);
    auto* role = add->findChild<QComboBox*>(u"roleCombo"_s);
    auto* merchant = add->findChild<QComboBox*>(u"merchantCombo"_s);
    QCOMPARE(role->count(), 5);
    QCOMPARE(role->currentText(), u"Staff"_s);
    QVERIFY(merchant->isVisible());
    QCOMPARE(merchant->currentText(), u"Test Shop"_s);
    role->setFocus();
    QTest::keyClick(role, Qt::Key_Down); // Support
    QTest::keyClick(role, Qt::Key_Down); // Operator
    QCOMPARE(role->currentText(), u"Operator"_s);
    QVERIFY(!merchant->isVisible()); // it works across merchants
    type(add->findChild<QLineEdit*>(u"nameEdit"_s), u"ops@example.com"_s);
    click(add->findChild<QPushButton*>(u"addButton"_s));
    QVERIFY(dialog<OneTimeSecretDialog>(u"oneTimePasswordDialog"_s));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cell(0, UserListModel::Role), u"Operator"_s);
    QVERIFY(settle(m_f->client().users())->first().merchantId.isNull());
}

void TestUsersPage::twoStepSignInForSignedInUser()
{
    open();
    // the store's own owner is no user: nothing to enrol
    QVERIFY(!m_page->findChild<QPushButton*>(u"setupTotpButton"_s)->isEnabled());
    m_page.reset();
    addUser(u"erin"_s, auth::Role::Owner);
    signIn(u"erin"_s);
    open();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cell(0, UserListModel::TwoStep), u"Off"_s);
    click(u"setupTotpButton"_s);
    auto* setup = dialog<TotpSetupDialog>(u"totpSetupDialog"_s);
    QVERIFY(setup);
    QPointer<QLabel> secretLabel = setup->findChild<QLabel*>(u"secretLabel"_s);
    QTRY_VERIFY(!secretLabel->text().isEmpty());
    // the key as a person would type it: groups of four
    const QString typed = secretLabel->text();
    QVERIFY2(typed.contains(u' ') && typed.section(u' ', 0, 0).size() == 4, qPrintable(typed));
    const QString secret = QString(typed).remove(u' ');
    QCOMPARE(secret, setup->secret());
    const auto bytes = auth::Totp::fromBase32(secret);
    QVERIFY(bytes);

    // the QR code: at least 200 px, only black and white, and white all round
    const QPixmap qr = setup->findChild<QLabel*>(u"qrLabel"_s)->pixmap();
    QVERIFY(!qr.isNull());
    QVERIFY(qr.width() >= 200 && qr.width() == qr.height());
    const QImage image = qr.toImage().convertToFormat(QImage::Format_RGB32);
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            QVERIFY(p == qRgb(0, 0, 0) || p == qRgb(255, 255, 255)); // crisp: no grey from smoothing
            dark += p == qRgb(0, 0, 0);
        }
    }
    QVERIFY(dark > image.width()); // a code, not a blank square
    // the top left finder pattern: its outer ring is 7 modules wide, and 4 white modules lie
    // between it and the edge (the quiet zone), every module the same whole number of pixels
    int x0 = 0;
    while (x0 < image.width() && image.pixel(x0, x0) != qRgb(0, 0, 0))
        ++x0;
    int ring = 0;
    while (x0 + ring < image.width() && image.pixel(x0 + ring, x0) == qRgb(0, 0, 0))
        ++ring;
    QVERIFY2(ring % 7 == 0, qPrintable(QString::number(ring)));
    const int modulePx = ring / 7;
    QVERIFY(modulePx >= 2);
    QCOMPARE(x0, QrImage::QuietZoneModules * modulePx);
    QCOMPARE(image.width() % modulePx, 0);

    // a wrong code: said beside the field, and the window stays
    const qint64 step = auth::Totp::stepAt(QDateTime::currentMSecsSinceEpoch());
    const QStringList near{auth::Totp::code(*bytes, step - 1), auth::Totp::code(*bytes, step),
                           auth::Totp::code(*bytes, step + 1)};
    QString wrong = u"000000"_s;
    for (int d = 0; near.contains(wrong); ++d)
        wrong = QString(6, QChar(u'1' + d));
    auto* code = setup->findChild<QLineEdit*>(u"codeEdit"_s);
    auto* codeError = setup->findChild<QLabel*>(u"codeError"_s);
    type(code, wrong);
    click(setup->findChild<QPushButton*>(u"confirmButton"_s));
    QTRY_VERIFY(codeError->isVisible());
    QVERIFY(codeError->text().contains(u"does not match"_s));
    QVERIFY(setup->isVisible());
    type(code, u"12a"_s);
    click(setup->findChild<QPushButton*>(u"confirmButton"_s));
    QVERIFY(codeError->text().contains(u"6 digits"_s));

    // the code the app would show now
    type(code, auth::Totp::code(*bytes, auth::Totp::stepAt(QDateTime::currentMSecsSinceEpoch())));
    click(setup->findChild<QPushButton*>(u"confirmButton"_s));
    auto* pages = setup->findChild<QStackedWidget*>();
    QTRY_COMPARE(pages->currentWidget()->objectName(), u"recoveryCodesPage"_s);
    QCOMPARE(setup->recoveryCodes().size(), 10);
    QTRY_VERIFY(!secretLabel); // the secret in force is off the screen
    const QString shown = pages->currentWidget()->findChild<QLabel*>(u"secretText"_s)->text();
    for (const QString& c : setup->recoveryCodes())
        QVERIFY2(shown.contains(c), qPrintable(c));
    click(pages->currentWidget()->findChild<QPushButton*>(u"copyButton"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), setup->recoveryCodes().join(u'\n'));
    click(pages->currentWidget()->findChild<QPushButton*>(u"savedButton"_s));
    QTRY_VERIFY(!m_page->findChild<TotpSetupDialog*>());
    QTRY_COMPARE(cell(0, UserListModel::TwoStep), u"On"_s);
    QVERIFY(m_page->messageBar()->headline().contains(u"on for you"_s));
}

void TestUsersPage::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SOUK_SCREENSHOT_DIR to write screenshots");
    const auto save = [&dir](QWidget* w, const QString& name) {
        QTest::qWait(80); // layouts and the first paint settle
        QVERIFY(w->grab().save(QDir(dir).filePath(name + u".png"_s)));
    };
    const Id ana = addUser(u"ana"_s, auth::Role::Owner);
    const Id bob = addUser(u"bob.martin"_s, auth::Role::Staff);
    addUser(u"carol@support.example"_s, auth::Role::Support, false);
    addUser(u"dave"_s, auth::Role::Operator, false);
    addUser(u"erin"_s, auth::Role::Admin, false);
    QVERIFY(settle(m_f->client().disableUser(bob, u"left the company"_s)));
    QVERIFY(settle(m_f->client().createApiKey(ana, u"warehouse sync"_s, std::nullopt)));
    const auto till =
        settle(m_f->client().createApiKey(ana, u"old till"_s, QDateTime::currentMSecsSinceEpoch() + 86'400'000));
    QVERIFY(till);
    QVERIFY(settle(m_f->client().revokeApiKey(till->info.id)));
    QVERIFY(!settle(m_f->client().signIn(u"dave"_s, u"not the password"_s, {}))); // one failed sign-in
    signIn(u"ana"_s);                                                             // ana turns on two-step sign-in
    const auto enrolment = settle(m_f->client().beginTotp());
    QVERIFY(enrolment);
    const QByteArray anaSecret = *auth::Totp::fromBase32(enrolment->secretBase32);
    QVERIFY(settle(m_f->client().confirmTotp(
        auth::Totp::code(anaSecret, auth::Totp::stepAt(QDateTime::currentMSecsSinceEpoch())))));
    signIn(u"erin"_s);

    for (const bool dark : {false, true}) {
        const QString suffix = dark ? u"-dark"_s : QString();
        if (dark)
            QApplication::setPalette(theme::darkPalette());
        open();
        QTRY_VERIFY(m_page->model()->rowCount() >= 5);
        clickRow(rowOf(u"ana"_s));
        save(m_page.get(), u"users-page"_s + suffix);

        AddUserDialog* add = openAddUser();
        QVERIFY(add);
        type(add->findChild<QLineEdit*>(u"nameEdit"_s), u"new user"_s);
        type(add->findChild<QLineEdit*>(u"passwordEdit"_s), u"short"_s);
        click(add->findChild<QPushButton*>(u"addButton"_s));
        save(add, u"users-add-errors"_s + suffix);
        type(add->findChild<QLineEdit*>(u"nameEdit"_s), u"frank"_s + suffix.mid(1));
        add->findChild<QLineEdit*>(u"passwordEdit"_s)->clear();
        click(add->findChild<QPushButton*>(u"addButton"_s));
        auto* password = dialog<OneTimeSecretDialog>(u"oneTimePasswordDialog"_s);
        QVERIFY(password);
        save(password, u"users-one-time-password"_s + suffix);
        password->accept();

        QTRY_VERIFY(rowOf(u"dave"_s) >= 0);
        clickRow(rowOf(u"dave"_s));
        click(u"disableUserButton"_s);
        auto* ask = dialog<ReasonDialog>(u"reasonDialog"_s);
        QVERIFY(ask);
        click(ask->findChild<QPushButton*>(u"acceptButton"_s));
        save(ask, u"users-disable-reason"_s + suffix);
        ask->reject();

        clickRow(rowOf(u"ana"_s));
        click(u"apiKeysButton"_s);
        auto* keys = dialog<ApiKeysDialog>(u"apiKeysDialog"_s);
        QVERIFY(keys);
        QTRY_VERIFY(keys->keys().size() >= 2);
        const qsizetype keysBefore = keys->keys().size();
        save(keys, u"users-api-keys"_s + suffix);
        click(keys->findChild<QPushButton*>(u"createKeyButton"_s));
        auto* create = dialog<CreateApiKeyDialog>(u"createApiKeyDialog"_s);
        QVERIFY(create);
        type(create->findChild<QLineEdit*>(u"keyNameEdit"_s), u"reporting"_s);
        save(create, u"users-create-key"_s + suffix);
        click(create->findChild<QPushButton*>(u"createButton"_s));
        auto* secret = dialog<OneTimeSecretDialog>(u"apiKeySecretDialog"_s);
        QVERIFY(secret);
        save(secret, u"users-api-key-secret"_s + suffix);
        secret->accept();
        QTRY_COMPARE(keys->keys().size(), keysBefore + 1);
        save(keys, u"users-api-keys-after"_s + suffix);
        keys->reject();

        click(u"setupTotpButton"_s);
        auto* setup = dialog<TotpSetupDialog>(u"totpSetupDialog"_s);
        QVERIFY(setup);
        QTRY_VERIFY(!setup->secret().isEmpty());
        save(setup, u"users-totp-setup"_s + suffix);
        type(setup->findChild<QLineEdit*>(u"codeEdit"_s), u"12345"_s);
        click(setup->findChild<QPushButton*>(u"confirmButton"_s));
        save(setup, u"users-totp-code-error"_s + suffix);
        const QByteArray bytes = *auth::Totp::fromBase32(setup->secret());
        type(setup->findChild<QLineEdit*>(u"codeEdit"_s),
             auth::Totp::code(bytes, auth::Totp::stepAt(QDateTime::currentMSecsSinceEpoch())));
        click(setup->findChild<QPushButton*>(u"confirmButton"_s));
        QTRY_COMPARE(setup->recoveryCodes().size(), 10);
        save(setup, u"users-recovery-codes"_s + suffix);
        setup->accept();
        QTRY_COMPARE(cell(rowOf(u"erin"_s), UserListModel::TwoStep), u"On"_s);
        save(m_page.get(), u"users-page-after"_s + suffix);
        m_page.reset();
    }
    QApplication::setPalette(QApplication::style()->standardPalette());
}

} // namespace souk

QTEST_MAIN(souk::TestUsersPage)
#include "TestUsersPage.moc"
