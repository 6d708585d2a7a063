#include <QCryptographicHash>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimer>

#include "backend/auth/AuditLog.h"
#include "backend/auth/Credentials.h"
#include "backend/auth/Secret.h"
#include "backend/auth/Totp.h"
#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/engine/SignIn.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::auth::AuditRecord;
using souk::auth::Credentials;
using souk::auth::Role;
using souk::auth::Totp;
using souk::test::StoreFixture;

namespace {

const QString RootPassword = u"root-password-42"_s;
const QString OlgaPassword = u"olga-password-42"_s;
const QString SamPassword = u"sam-password-4242"_s;
const QString BeaPassword = u"bea-password-4242"_s;
const QString WrongPassword = u"not-the-password"_s;

/// Waits for a future, letting queued callbacks run: LocalClient::signIn settles on the client's
/// thread, so blocking in waitForFinished() would never see it finish.
template <typename T> T settle(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    QCoreApplication::processEvents();
    return future.result();
}

/// "ok", or the error's code, field and message, for one-line comparisons.
template <typename T> QString outcome(const Result<T>& r)
{
    return r ? u"ok"_s : r.error().toString();
}

/// "ok", or the error code's name.
template <typename T> QString codeOf(const Result<T>& r)
{
    return r ? u"ok"_s : errorCodeName(r.error().code);
}

QByteArray sha256(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

/// Sign-in, sessions, the second factor, API keys and who may manage users, on a real store with
/// a MockClock: every refusal has its code and field, an audit row, and changes nothing else.
class TestSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rightPasswordOpensSession();
    void sessionMayDoWhatItsRoleAllows();
    void wrongPasswordAnswersAsUnknownName();
    void unknownNameIsAuditedAsTyped();
    void retryDelay_data();
    void retryDelay();
    void slowDownAfterFreeFailures();
    void tenFailuresLockFifteenMinutes();
    void disabledUserIsLockedOut();
    void totpEnrolment();
    void totpCodesAreGoodOnce();
    void recoveryCodeWorksOnce();
    void apiKeyIsShownOnce();
    void apiKeyAuthenticates();
    void revokedOrExpiredKeyIsRefused();
    void malformedTokensAreRefusedAlike();
    void signOutEndsSession();
    void ownerManagesOwnMerchantOnly();
    void staffCannotManagePeople();
    void adminManagesEveryone();
    void addUserRefuses_data();
    void addUserRefuses();
    void generatedPasswordSignsIn();

private:
    LocalClient& client() { return m_f->client(); }
    Id addUser(const QString& name, Role role, Id merchant, const QString& password);
    Result<auth::Principal> signIn(const QString& name, const QString& password, const QString& code = {});
    /// Sign-in through the engine, which hands out the session token LocalClient keeps to itself.
    Result<auth::SignedIn> signInForToken(const QString& name, const QString& password);
    Result<auth::Principal> authenticate(const QString& bearer);
    /// Signs in, failing the test when that does not work.
    void signInAs(const QString& name, const QString& password);
    /// Enrols the signed-in user's second factor: its secret, and the recovery codes.
    std::pair<QByteArray, QStringList> enrolTotp();
    QString currentCode(const QByteArray& secret) const { return Totp::code(secret, Totp::stepAt(m_clock.nowMs())); }
    /// A code of six digits that no step near now has.
    QString wrongCode(const QByteArray& secret) const;

    /// Rows of `sql`, each as its columns joined by '|'; read past any principal.
    QStringList rows(const QString& sql);
    qint64 number(const QString& sql) { return rows(sql).value(0).toLongLong(); }
    /// The people tables, without what a failed sign-in is meant to change (the failure count).
    QStringList people();
    /// Waits until the writer has done what was queued before.
    void flush();
    qint64 lastSeq()
    {
        flush();
        return number(u"SELECT coalesce(max(seq), 0) FROM audit_log"_s);
    }
    /// The audit rows appended after `seq`, oldest first.
    QList<AuditRecord> auditAfter(qint64 seq);
    /// Empty when the only row after `seq` is `operation` with `outcome` by `user` (as typed) and `role`.
    QString auditMismatch(qint64 seq, const QString& operation, const QString& outcome, const QString& user,
                          const QString& role);
    qint64 failures(Id user) { return number(u"SELECT failed_signins FROM users WHERE id = "_s + user.toString()); }
    /// The store file and its write-ahead log, byte for byte.
    QByteArray storeBytes();

    MockClock m_clock;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<engine::SignIn> m_signIn;
    Id m_merchantB;
    Id m_root;
    Id m_olga;
    Id m_sam;
    Id m_bea;
};

void TestSignIn::init()
{
    m_clock.setMs(1767225600000);
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    auto made = settle(client().engine().write<catalog::Merchant>(client().actor(), [](store::UnitOfWork& uow) {
        return catalog::MerchantService::createMerchant(uow, u"Shop B"_s, u"EUR"_s);
    }));
    QVERIFY2(made, qPrintable(outcome(made)));
    m_merchantB = made->id;
    // the store's owner (no users yet) adds the people; from then on it opens to nobody
    m_root = addUser(u"root"_s, Role::Admin, {}, RootPassword);
    m_olga = addUser(u"olga"_s, Role::Owner, m_f->merchantId(), OlgaPassword);
    m_sam = addUser(u"sam"_s, Role::Staff, m_f->merchantId(), SamPassword);
    m_bea = addUser(u"bea"_s, Role::Owner, m_merchantB, BeaPassword);
    QVERIFY(!m_root.isNull() && !m_olga.isNull() && !m_sam.isNull() && !m_bea.isNull());
    m_signIn = std::make_unique<engine::SignIn>(client().engine());
}

void TestSignIn::cleanup()
{
    m_signIn.reset(); // before the engine it works on
    m_f.reset();
}

Id TestSignIn::addUser(const QString& name, Role role, Id merchant, const QString& password)
{
    auto added = settle(client().addUser(auth::NewUser{name, role, merchant, password}));
    if (!added) {
        qWarning().noquote() << "addUser" << name << outcome(added);
        return {};
    }
    return added->user.id;
}

Result<auth::Principal> TestSignIn::signIn(const QString& name, const QString& password, const QString& code)
{
    return settle(client().signIn(name, password, code));
}

Result<auth::SignedIn> TestSignIn::signInForToken(const QString& name, const QString& password)
{
    return settle(m_signIn->signIn(name, password, {}, u"test"_s));
}

Result<auth::Principal> TestSignIn::authenticate(const QString& bearer)
{
    return settle(m_signIn->authenticate(bearer, u"test"_s));
}

void TestSignIn::signInAs(const QString& name, const QString& password)
{
    const auto p = signIn(name, password);
    QVERIFY2(p, qPrintable(name + u": "_s + outcome(p)));
}

std::pair<QByteArray, QStringList> TestSignIn::enrolTotp()
{
    auto enrolment = settle(client().beginTotp());
    if (!enrolment) {
        qWarning().noquote() << "beginTotp" << outcome(enrolment);
        return {};
    }
    const QByteArray secret = Totp::fromBase32(enrolment->secretBase32).value_or(QByteArray());
    auto codes = settle(client().confirmTotp(currentCode(secret)));
    if (!codes) {
        qWarning().noquote() << "confirmTotp" << outcome(codes);
        return {};
    }
    return {secret, *codes};
}

QString TestSignIn::wrongCode(const QByteArray& secret) const
{
    const qint64 now = Totp::stepAt(m_clock.nowMs());
    QStringList near;
    for (qint64 step = now - 2; step <= now + 2; ++step)
        near << Totp::code(secret, step);
    for (int n = 0;; ++n) {
        const QString code = u"%1"_s.arg(n * 111111 % 1000000, 6, 10, QChar(u'0'));
        if (!near.contains(code))
            return code;
    }
}

QStringList TestSignIn::rows(const QString& sql)
{
    auto read = settle(client().engine().read<QStringList>([sql](QSqlDatabase& db) -> Result<QStringList> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return Error::internal(sql);
        QStringList out;
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i) {
                const QVariant v = q.value(i);
                columns << (v.isNull()                            ? u"NULL"_s
                            : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                                  : v.toString());
            }
            out << columns.join(u'|');
        }
        return out;
    }));
    if (!read)
        qWarning().noquote() << outcome(read);
    return read ? *read : QStringList();
}

QStringList TestSignIn::people()
{
    return rows(u"SELECT id, name, role, merchant_id, password_hash, totp_secret, totp_pending, totp_last_step, "
                "last_signin_ms, disabled_ms, version FROM users ORDER BY id"_s) +
           rows(u"SELECT * FROM sessions ORDER BY id"_s) + rows(u"SELECT * FROM api_keys ORDER BY id"_s) +
           rows(u"SELECT * FROM recovery_codes ORDER BY user_id, code_hash"_s) +
           rows(u"SELECT count(*) FROM merchants"_s);
}

void TestSignIn::flush()
{
    // writes run in order: once this one is done, the audit rows queued before it are committed
    // (a refusal found before the store is audited by a write of its own, not awaited)
    const auto done = settle(client().engine().write<bool>(Actor{u"test"_s, u"test"_s},
                                                           [](store::UnitOfWork&) -> Result<bool> { return true; }));
    if (!done)
        qWarning().noquote() << outcome(done);
}

QList<AuditRecord> TestSignIn::auditAfter(qint64 seq)
{
    flush();
    auto read = settle(client().engine().read<QList<AuditRecord>>([](QSqlDatabase& db) {
        return auth::AuditLog::list(db, auth::AuditQuery{{}, {}, 0, {}, 0, auth::AuditQuery::LimitMax});
    }));
    QList<AuditRecord> out;
    for (const AuditRecord& r : read ? *read : QList<AuditRecord>()) {
        if (r.seq > seq)
            out.prepend(r);
    }
    return out;
}

QString TestSignIn::auditMismatch(qint64 seq, const QString& operation, const QString& outcome, const QString& user,
                                  const QString& role)
{
    const QList<AuditRecord> after = auditAfter(seq);
    if (after.size() != 1)
        return u"%1 audit rows, not 1"_s.arg(after.size());
    const AuditRecord& r = after.first();
    const QString got = r.operation + u" "_s + r.outcome + u" "_s + r.userName + u" ["_s + r.role + u"]"_s;
    const QString want = operation + u" "_s + outcome + u" "_s + user + u" ["_s + role + u"]"_s;
    return got == want ? QString() : u"audit row: %1, expected %2 (%3)"_s.arg(got, want, r.detail);
}

QByteArray TestSignIn::storeBytes()
{
    return test::readFile(m_f->storePath()) + test::readFile(m_f->storePath() + u"-wal"_s);
}

void TestSignIn::rightPasswordOpensSession()
{
    QSignalSpy changed(&client(), &Client::principalChanged);
    const qint64 seq = lastSeq();
    const auto p = signIn(u"olga"_s, OlgaPassword);
    QVERIFY2(p, qPrintable(outcome(p)));
    QCOMPARE(p->userId, m_olga);
    QCOMPARE(p->userName, u"olga"_s);
    QCOMPARE(p->role, Role::Owner);
    QCOMPARE(p->merchantId, m_f->merchantId());
    QCOMPARE(p->via, auth::Via::Session);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(client().principal().userId, m_olga);
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"ok"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(auditAfter(seq).first().credentialId, p->credentialId);
    QCOMPARE(rows(u"SELECT user_id, revoked_ms FROM sessions WHERE id = "_s + p->credentialId.toString()),
             QStringList{m_olga.toString() + u"|NULL"_s});
    QCOMPARE(number(u"SELECT last_signin_ms FROM users WHERE id = "_s + m_olga.toString()), m_clock.nowMs());

    // the token: random, stored only as its SHA-256, never as text
    const auto signedIn = signInForToken(u"sam"_s, SamPassword);
    QVERIFY2(signedIn, qPrintable(outcome(signedIn)));
    QVERIFY(auth::Secret::looksLike(u"st", signedIn->token));
    QCOMPARE(signedIn->expiresMs, m_clock.nowMs() + Credentials::SessionLifetimeMs);
    const QString hash =
        rows(u"SELECT hex(token_hash) FROM sessions WHERE id = "_s + signedIn->principal.credentialId.toString())
            .value(0);
    QCOMPARE(hash, QString::fromLatin1(sha256(signedIn->token).toHex().toUpper()));
    const QByteArray bytes = storeBytes();
    QVERIFY(bytes.contains(sha256(signedIn->token))); // the right bytes were read
    QVERIFY(!bytes.contains(signedIn->token.toUtf8()));
    QVERIFY(!bytes.contains(signedIn->token.mid(3).toUtf8()));
    m_clock.advanceMs(1000);
    const auto again = authenticate(signedIn->token);
    QVERIFY2(again, qPrintable(outcome(again)));
    QCOMPARE(again->userId, m_sam);
    QCOMPARE(again->via, auth::Via::Session);
    QCOMPARE(again->credentialId, signedIn->principal.credentialId);
    const QString session = signedIn->principal.credentialId.toString();
    QCOMPARE(number(u"SELECT last_used_ms FROM sessions WHERE id = "_s + session), m_clock.nowMs());
    // a session lasts its lifetime from sign-in, and not a moment longer
    m_clock.setMs(signedIn->expiresMs - 1);
    QCOMPARE(outcome(authenticate(signedIn->token)), u"ok"_s);
    m_clock.setMs(signedIn->expiresMs);
    QCOMPARE(codeOf(authenticate(signedIn->token)), u"unauthenticated"_s);
}

void TestSignIn::sessionMayDoWhatItsRoleAllows()
{
    signInAs(u"sam"_s, SamPassword);
    QCOMPARE(outcome(settle(client().merchants())), u"ok"_s);
    m_f->addProduct(u"Mug"_s, {u"MUG-1"_s}, 1200); // staff keep the catalog
    const qint64 seq = lastSeq();
    const auto users = settle(client().users());
    QVERIFY(!users);
    QCOMPARE(users.error().code, ErrorCode::Forbidden);
    QCOMPARE(auditMismatch(seq, u"list_users"_s, u"forbidden"_s, u"sam"_s, u"staff"_s), QString());
    const auto payout = settle(client().payout(m_f->merchantId(), {}, test::newKey()));
    QVERIFY(!payout);
    QCOMPARE(payout.error().code, ErrorCode::Forbidden); // staff move no money out

    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);
    signInAs(u"olga"_s, OlgaPassword);
    const auto mine = settle(client().users());
    QVERIFY2(mine, qPrintable(outcome(mine)));
    QCOMPARE(mine->size(), 2); // olga and sam: the owner's merchant only
}

void TestSignIn::wrongPasswordAnswersAsUnknownName()
{
    const QStringList before = people();
    qint64 seq = lastSeq();
    const auto wrong = signIn(u"olga"_s, WrongPassword);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);
    QVERIFY(wrong.error().field.isEmpty());
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(auditAfter(seq).first().userId, m_olga);
    QCOMPARE(failures(m_olga), 1);
    QCOMPARE(client().principal().userName, u"tester"_s); // a failed sign-in leaves the client as it was

    seq = lastSeq();
    const auto unknown = signIn(u"olgaa"_s, OlgaPassword);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, wrong.error().code);
    QCOMPARE(unknown.error().message, wrong.error().message); // the answer does not tell names apart
    QCOMPARE(unknown.error().field, wrong.error().field);
    QCOMPARE(people(), before); // no session, nothing but the failure count
    QCOMPARE(number(u"SELECT count(*) FROM sessions"_s), 0);
}

void TestSignIn::unknownNameIsAuditedAsTyped()
{
    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto r = signIn(u"Mallory.X"_s, WrongPassword);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"Mallory.X"_s, QString()), QString());
    QVERIFY(auditAfter(seq).first().userId.isNull());
    QCOMPARE(people(), before);
    QCOMPARE(number(u"SELECT sum(failed_signins) FROM users"_s), 0);
}

void TestSignIn::retryDelay_data()
{
    // Credentials.h: "nothing for the first FreeFailures, then 1 s, 2 s, 4 s ... and LockoutMs from
    // LockoutFailures on"
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delayMs");
    QTest::addRow("0") << 0 << 0LL;
    QTest::addRow("1") << 1 << 0LL;
    QTest::addRow("2") << 2 << 0LL;
    QTest::addRow("3, the last free one") << 3 << 0LL;
    QTest::addRow("4") << 4 << 1000LL;
    QTest::addRow("5") << 5 << 2000LL;
    QTest::addRow("9") << 9 << 32'000LL;
    QTest::addRow("10, locked") << 10 << Credentials::LockoutMs;
    QTest::addRow("11") << 11 << Credentials::LockoutMs;
}

void TestSignIn::retryDelay()
{
    QFETCH(int, failures);
    QFETCH(qint64, delayMs);
    QCOMPARE(Credentials::retryDelayMs(failures), delayMs);
}

void TestSignIn::slowDownAfterFreeFailures()
{
    const QStringList before = people();
    for (int i = 1; i <= Credentials::FreeFailures; ++i) {
        const qint64 seq = lastSeq();
        const auto r = signIn(u"olga"_s, WrongPassword);
        QCOMPARE(codeOf(r), u"unauthenticated"_s);
        QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"olga"_s, u"owner"_s), QString());
    }
    QCOMPARE(failures(m_olga), Credentials::FreeFailures);
    QCOMPARE(people(), before);
    // three failures are free: the fourth try is checked and counted at once
    {
        const auto fourth = signIn(u"olga"_s, WrongPassword);
        QCOMPARE(codeOf(fourth), u"unauthenticated"_s);
    }
    // now it waits 1 s: even the right password is not tried, and the refusal is not counted
    const qint64 counted = failures(m_olga);
    for (const QString& password : {OlgaPassword, WrongPassword}) {
        const qint64 seq = lastSeq();
        const auto locked = signIn(u"olga"_s, password);
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::AccountLocked);
        QVERIFY2(locked.error().message.contains(u"try again in 1 s"_s), qPrintable(locked.error().message));
        QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"account_locked"_s, u"olga"_s, u"owner"_s), QString());
    }
    QCOMPARE(failures(m_olga), counted);
    QCOMPARE(number(u"SELECT count(*) FROM sessions"_s), 0);

    m_clock.advanceMs(999);
    QCOMPARE(codeOf(signIn(u"olga"_s, OlgaPassword)), u"account_locked"_s);
    m_clock.advanceMs(1);
    const auto p = signIn(u"olga"_s, OlgaPassword);
    QVERIFY2(p, qPrintable(outcome(p)));
    QCOMPARE(rows(u"SELECT failed_signins, retry_after_ms FROM users WHERE id = "_s + m_olga.toString()),
             QStringList{u"0|0"_s});
}

void TestSignIn::tenFailuresLockFifteenMinutes()
{
    for (int i = 1; i <= Credentials::LockoutFailures; ++i) {
        // wait out each slow-down, so that every try is a counted guess
        m_clock.setMs(std::max(m_clock.nowMs(), number(u"SELECT retry_after_ms FROM users WHERE name = 'sam'"_s)));
        const auto r = signIn(u"sam"_s, WrongPassword);
        QVERIFY2(!r && r.error().code == ErrorCode::Unauthenticated, qPrintable(u"try %1: "_s.arg(i) + outcome(r)));
    }
    QCOMPARE(failures(m_sam), Credentials::LockoutFailures);
    QCOMPARE(number(u"SELECT retry_after_ms FROM users WHERE name = 'sam'"_s),
             m_clock.nowMs() + Credentials::LockoutMs);
    const qint64 seq = lastSeq();
    const auto locked = signIn(u"sam"_s, SamPassword);
    QCOMPARE(codeOf(locked), u"account_locked"_s);
    QVERIFY2(locked.error().message.contains(u"try again in 900 s"_s), qPrintable(locked.error().message));
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"account_locked"_s, u"sam"_s, u"staff"_s), QString());
    m_clock.advanceMs(Credentials::LockoutMs - 1000);
    QCOMPARE(outcome(signIn(u"sam"_s, SamPassword)), u"account_locked: too many failed sign-ins; try again in 1 s"_s);
    m_clock.advanceMs(1000);
    QCOMPARE(outcome(signIn(u"sam"_s, SamPassword)), u"ok"_s);
    QCOMPARE(failures(m_sam), 0);
}

void TestSignIn::disabledUserIsLockedOut()
{
    const auto session = signInForToken(u"sam"_s, SamPassword);
    QVERIFY2(session, qPrintable(outcome(session)));
    const auto key = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt));
    QVERIFY2(key, qPrintable(outcome(key)));
    QCOMPARE(outcome(authenticate(session->token)), u"ok"_s);
    QCOMPARE(outcome(authenticate(key->secret)), u"ok"_s);

    signInAs(u"root"_s, RootPassword);
    m_clock.advanceMs(5000);
    const auto disabled = settle(client().disableUser(m_sam, u"left the shop"_s));
    QVERIFY2(disabled, qPrintable(outcome(disabled)));
    QCOMPARE(disabled->disabledMs.value_or(-1), m_clock.nowMs());
    const QString at = QString::number(m_clock.nowMs());
    QCOMPARE(rows(u"SELECT revoked_ms FROM sessions WHERE user_id = "_s + m_sam.toString()), QStringList{at});
    QCOMPARE(rows(u"SELECT revoked_ms FROM api_keys WHERE user_id = "_s + m_sam.toString()), QStringList{at});
    QCOMPARE(codeOf(authenticate(session->token)), u"unauthenticated"_s);
    QCOMPARE(codeOf(authenticate(key->secret)), u"unauthenticated"_s);

    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);
    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto r = signIn(u"sam"_s, SamPassword);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::AccountLocked);
    QVERIFY2(r.error().message.contains(u"disabled"_s), qPrintable(r.error().message));
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"account_locked"_s, u"sam"_s, u"staff"_s), QString());
    QCOMPARE(people(), before);
    QCOMPARE(failures(m_sam), 0); // a refusal up front is no guess
}

void TestSignIn::totpEnrolment()
{
    signInAs(u"olga"_s, OlgaPassword);
    const auto enrolment = settle(client().beginTotp());
    QVERIFY2(enrolment, qPrintable(outcome(enrolment)));
    QVERIFY(enrolment->uri.startsWith(u"otpauth://totp/"_s));
    QVERIFY2(enrolment->uri.contains(u"secret="_s + enrolment->secretBase32), qPrintable(enrolment->uri));
    QVERIFY(enrolment->uri.contains(u"issuer=Souk"_s));
    const QByteArray secret = Totp::fromBase32(enrolment->secretBase32).value_or(QByteArray());
    QCOMPARE(secret.size(), Totp::SecretBytes);
    QCOMPARE(number(u"SELECT totp_secret IS NULL AND totp_pending IS NOT NULL FROM users WHERE name = 'olga'"_s), 1);

    const QStringList before = people();
    const qint64 seq = lastSeq();
    const qint64 step = Totp::stepAt(m_clock.nowMs());
    const auto wrong = settle(client().confirmTotp(wrongCode(secret)));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::Invalid);
    QCOMPARE(wrong.error().field, u"code"_s);
    QCOMPARE(auditMismatch(seq, u"enrol_totp"_s, u"invalid"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(people(), before);

    const auto codes = settle(client().confirmTotp(Totp::code(secret, step)));
    QVERIFY2(codes, qPrintable(outcome(codes)));
    QCOMPARE(codes->size(), 10);
    QCOMPARE(QSet<QString>(codes->begin(), codes->end()).size(), 10);
    static const QRegularExpression shape(u"^[2-9a-z]{5}-[2-9a-z]{5}$"_s);
    QStringList hashes;
    for (const QString& c : *codes) {
        QVERIFY2(shape.match(c).hasMatch(), qPrintable(c));
        hashes << QString::fromLatin1(sha256(Totp::normaliseRecoveryCode(c)).toHex().toUpper());
    }
    hashes.sort();
    QStringList stored =
        rows(u"SELECT hex(code_hash) FROM recovery_codes WHERE used_ms IS NULL AND user_id = "_s + m_olga.toString());
    stored.sort();
    QCOMPARE(stored, hashes); // kept as hashes only
    const QByteArray bytes = storeBytes();
    for (const QString& c : *codes)
        QVERIFY(!bytes.contains(c.toUtf8()) && !bytes.contains(Totp::normaliseRecoveryCode(c).toUtf8()));
    QCOMPARE(rows(u"SELECT totp_pending IS NULL, totp_last_step FROM users WHERE name = 'olga'"_s),
             QStringList{u"1|"_s + QString::number(step)});
    const auto listed = settle(client().users());
    QVERIFY(listed);
    for (const auth::User& u : *listed)
        QCOMPARE(u.totpEnabled, u.id == m_olga);
}

void TestSignIn::totpCodesAreGoodOnce()
{
    signInAs(u"olga"_s, OlgaPassword);
    const auto [secret, codes] = enrolTotp();
    QVERIFY(!secret.isEmpty());
    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);

    // the right password without a code: asked for the code, and that is no failed guess
    qint64 seq = lastSeq();
    auto r = signIn(u"olga"_s, OlgaPassword);
    QCOMPARE(outcome(r), u"unauthenticated [code]: enter the code from your authenticator app"_s);
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(failures(m_olga), 0);
    QCOMPARE(number(u"SELECT count(*) FROM sessions WHERE revoked_ms IS NULL"_s), 0);
    // a wrong code is a guess, counted
    m_clock.advanceMs(Totp::StepMs);
    const QString right = currentCode(secret);
    r = signIn(u"olga"_s, OlgaPassword, wrongCode(secret));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(r.error().field, u"code"_s);
    QCOMPARE(failures(m_olga), 1);
    // a wrong password with the right code says nothing about the code
    r = signIn(u"olga"_s, WrongPassword, right);
    QCOMPARE(outcome(r), u"unauthenticated: the user name or password is wrong"_s);
    QCOMPARE(failures(m_olga), 2);
    // the right code
    seq = lastSeq();
    r = signIn(u"olga"_s, OlgaPassword, right);
    QVERIFY2(r, qPrintable(outcome(r)));
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"ok"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(failures(m_olga), 0);
    QCOMPARE(number(u"SELECT totp_last_step FROM users WHERE name = 'olga'"_s), Totp::stepAt(m_clock.nowMs()));
    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);
    // the same code again, in the same step: a replay, refused
    const QStringList before = people();
    seq = lastSeq();
    r = signIn(u"olga"_s, OlgaPassword, right);
    QCOMPARE(outcome(r), u"unauthenticated [code]: the code is wrong or was already used"_s);
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(people(), before);
    // the next step's code
    m_clock.advanceMs(Totp::StepMs);
    QCOMPARE(outcome(signIn(u"olga"_s, OlgaPassword, currentCode(secret))), u"ok"_s);
}

void TestSignIn::recoveryCodeWorksOnce()
{
    signInAs(u"olga"_s, OlgaPassword);
    const auto [secret, codes] = enrolTotp();
    QCOMPARE(codes.size(), 10);
    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);

    const auto p = signIn(u"olga"_s, OlgaPassword, codes[0]);
    QVERIFY2(p, qPrintable(outcome(p)));
    QCOMPARE(number(u"SELECT count(*) FROM recovery_codes WHERE used_ms IS NOT NULL"_s), 1);
    QCOMPARE(rows(u"SELECT hex(code_hash) FROM recovery_codes WHERE used_ms IS NOT NULL"_s),
             QStringList{QString::fromLatin1(sha256(Totp::normaliseRecoveryCode(codes[0])).toHex().toUpper())});
    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);

    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto twice = signIn(u"olga"_s, OlgaPassword, codes[0]);
    QCOMPARE(outcome(twice), u"unauthenticated [code]: the code is wrong or was already used"_s);
    QCOMPARE(auditMismatch(seq, u"sign_in"_s, u"unauthenticated"_s, u"olga"_s, u"owner"_s), QString());
    QCOMPARE(people(), before);
    QCOMPARE(failures(m_olga), 1);
    // typed differently (capitals, no dash): the same code
    QCOMPARE(outcome(signIn(u"olga"_s, OlgaPassword, codes[1].toUpper().remove(u'-'))), u"ok"_s);
    QCOMPARE(number(u"SELECT count(*) FROM recovery_codes WHERE used_ms IS NOT NULL"_s), 2);
}

void TestSignIn::apiKeyIsShownOnce()
{
    const qint64 seq = lastSeq();
    const auto key = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt));
    QVERIFY2(key, qPrintable(outcome(key)));
    QVERIFY(key->secret.startsWith(u"sk_"_s));
    QVERIFY(auth::Secret::looksLike(u"sk", key->secret));
    QVERIFY(!key->info.prefix.isEmpty());
    QVERIFY(key->secret.startsWith(key->info.prefix));
    QVERIFY(key->info.prefix.size() < key->secret.size() / 2);
    QCOMPARE(auditMismatch(seq, u"create_api_key"_s, u"ok"_s, u"tester"_s, u"owner"_s), QString());
    QVERIFY(auditAfter(seq).first().objects.contains(u"api_key:"_s + key->info.id.toString()));

    const auto listed = settle(client().apiKeys(m_sam));
    QVERIFY2(listed, qPrintable(outcome(listed)));
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().prefix, key->info.prefix);
    QCOMPARE(listed->first().name, u"till"_s);
    QCOMPARE(listed->first().userName, u"sam"_s);
    QCOMPARE(rows(u"SELECT hex(key_hash) FROM api_keys"_s),
             QStringList{QString::fromLatin1(sha256(key->secret).toHex().toUpper())});
    const QByteArray bytes = storeBytes();
    QVERIFY(bytes.contains(sha256(key->secret)));
    QVERIFY(!bytes.contains(key->secret.toUtf8()));
    QVERIFY(!bytes.contains(key->secret.mid(key->info.prefix.size()).toUtf8()));
}

void TestSignIn::apiKeyAuthenticates()
{
    const auto key = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt));
    QVERIFY2(key, qPrintable(outcome(key)));
    m_clock.advanceMs(60'000);
    const auto p = authenticate(key->secret);
    QVERIFY2(p, qPrintable(outcome(p)));
    QCOMPARE(p->userId, m_sam);
    QCOMPARE(p->role, Role::Staff);
    QCOMPARE(p->merchantId, m_f->merchantId());
    QCOMPARE(p->via, auth::Via::ApiKey);
    QCOMPARE(p->credentialId, key->info.id);
    const auto listed = settle(client().apiKeys(m_sam));
    QVERIFY(listed && listed->size() == 1);
    QCOMPARE(listed->first().lastUsedMs.value_or(-1), m_clock.nowMs());
}

void TestSignIn::revokedOrExpiredKeyIsRefused()
{
    const auto revoked = settle(client().createApiKey(m_sam, u"old"_s, std::nullopt));
    const auto expiring = settle(client().createApiKey(m_sam, u"trial"_s, m_clock.nowMs() + 3600'000));
    QVERIFY(revoked && expiring);
    const auto unknown = authenticate(auth::Secret::make(u"sk").text);
    QCOMPARE(codeOf(unknown), u"unauthenticated"_s);

    const qint64 seq = lastSeq();
    const auto info = settle(client().revokeApiKey(revoked->info.id));
    QVERIFY2(info, qPrintable(outcome(info)));
    QCOMPARE(info->revokedMs.value_or(-1), m_clock.nowMs());
    QCOMPARE(auditMismatch(seq, u"revoke_api_key"_s, u"ok"_s, u"tester"_s, u"owner"_s), QString());
    QCOMPARE(outcome(authenticate(revoked->secret)), outcome(unknown));

    QCOMPARE(outcome(authenticate(expiring->secret)), u"ok"_s);
    m_clock.advanceMs(3600'000 - 1);
    QCOMPARE(outcome(authenticate(expiring->secret)), u"ok"_s);
    m_clock.advanceMs(1);
    QCOMPARE(outcome(authenticate(expiring->secret)), outcome(unknown));
    // a key that expires before it is made is refused, naming the field
    const auto past = settle(client().createApiKey(m_sam, u"late"_s, m_clock.nowMs()));
    QCOMPARE(past ? QString() : past.error().field, u"expires"_s);
}

void TestSignIn::malformedTokensAreRefusedAlike()
{
    const auto key = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt));
    QVERIFY(key);
    const QString unknown = outcome(authenticate(auth::Secret::make(u"sk").text));
    QVERIFY(unknown.startsWith(u"unauthenticated"_s));
    const QStringList bearers = {QString(),
                                 u"sk_"_s,
                                 u"sk_short"_s,
                                 key->secret.chopped(1),
                                 key->secret + u"x"_s,
                                 u"Bearer "_s + key->secret,
                                 key->secret.toUpper(),
                                 auth::Secret::make(u"st").text,
                                 auth::Secret::make(u"xx").text};
    for (const QString& bearer : bearers)
        QVERIFY2(outcome(authenticate(bearer)) == unknown,
                 qPrintable(bearer + u": "_s + outcome(authenticate(bearer))));
    QCOMPARE(outcome(authenticate(key->secret)), u"ok"_s);
}

void TestSignIn::signOutEndsSession()
{
    const auto p = signIn(u"olga"_s, OlgaPassword);
    QVERIFY2(p, qPrintable(outcome(p)));
    QSignalSpy changed(&client(), &Client::principalChanged);
    m_clock.advanceMs(1000);
    const qint64 seq = lastSeq();
    QCOMPARE(outcome(settle(client().signOut())), u"ok"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(client().principal().via, auth::Via::None);
    QVERIFY(client().principal().userId.isNull());
    QCOMPARE(number(u"SELECT revoked_ms FROM sessions WHERE id = "_s + p->credentialId.toString()), m_clock.nowMs());
    QCOMPARE(auditMismatch(seq, u"sign_out"_s, u"ok"_s, u"olga"_s, u"owner"_s), QString());

    const auto merchants = settle(client().merchants());
    QCOMPARE(codeOf(merchants), u"unauthenticated"_s);
    const auto users = settle(client().users());
    QCOMPARE(codeOf(users), u"unauthenticated"_s);
    const auto key = settle(client().createApiKey(m_olga, u"k"_s, std::nullopt));
    QCOMPARE(codeOf(key), u"unauthenticated"_s);
    QCOMPARE(number(u"SELECT count(*) FROM api_keys"_s), 0);
}

void TestSignIn::ownerManagesOwnMerchantOnly()
{
    const auto beaKey = settle(client().createApiKey(m_bea, u"b"_s, std::nullopt));
    QVERIFY(beaKey);
    signInAs(u"olga"_s, OlgaPassword);
    const auto listed = settle(client().users());
    QVERIFY2(listed, qPrintable(outcome(listed)));
    QStringList names;
    for (const auth::User& u : *listed)
        names << u.name;
    QCOMPARE(names, (QStringList{u"olga"_s, u"sam"_s}));

    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto refused = [](const auto& r) {
        return r ? u"ok"_s
               : r.error().code == ErrorCode::Forbidden || r.error().code == ErrorCode::NotFound
                   ? errorCodeName(r.error().code) + u" "_s + r.error().field
                   : r.error().toString();
    };
    // a platform role is not the owner's to give; another merchant's people are not there for it
    QCOMPARE(refused(settle(client().addUser({u"sup"_s, Role::Support, {}, SamPassword}))), u"forbidden role"_s);
    QCOMPARE(refused(settle(client().addUser({u"adm"_s, Role::Admin, {}, SamPassword}))), u"forbidden role"_s);
    QCOMPARE(refused(settle(client().addUser({u"ob"_s, Role::Owner, m_merchantB, SamPassword}))),
             u"not_found merchant"_s);
    QCOMPARE(refused(settle(client().disableUser(m_bea, {}))), u"not_found userId"_s);
    QCOMPARE(refused(settle(client().disableUser(m_root, {}))), u"not_found userId"_s);
    QCOMPARE(refused(settle(client().resetTotp(m_bea, {}))), u"not_found userId"_s);
    QCOMPARE(refused(settle(client().createApiKey(m_bea, {}, std::nullopt))), u"not_found userId"_s);
    QCOMPARE(refused(settle(client().revokeApiKey(beaKey->info.id))), u"not_found keyId"_s);
    QStringList audited;
    for (const AuditRecord& r : auditAfter(seq))
        audited << r.operation + u" "_s + r.outcome + u" "_s + r.userName + u" "_s + r.role;
    QCOMPARE(audited,
             (QStringList{u"add_user forbidden olga owner"_s, u"add_user forbidden olga owner"_s,
                          u"add_user not_found olga owner"_s, u"disable_user not_found olga owner"_s,
                          u"disable_user not_found olga owner"_s, u"reset_totp not_found olga owner"_s,
                          u"create_api_key not_found olga owner"_s, u"revoke_api_key not_found olga owner"_s}));
    // a query answers the same, and leaves no row: reads are not audited, refusals by role only
    QCOMPARE(refused(settle(client().apiKeys(m_bea))), u"not_found userId"_s);
    QCOMPARE(people(), before);
    // what is its own, it manages
    QVERIFY(!addUser(u"sara"_s, Role::Staff, m_f->merchantId(), SamPassword).isNull());
    QCOMPARE(outcome(settle(client().disableUser(m_sam, u"left"_s))), u"ok"_s);
    QCOMPARE(codeOf(settle(client().disableUser(m_olga, {}))), u"conflict"_s); // not itself
}

void TestSignIn::staffCannotManagePeople()
{
    signInAs(u"sam"_s, SamPassword);
    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto users = settle(client().users());
    QCOMPARE(codeOf(users), u"forbidden"_s);
    QCOMPARE(auditMismatch(seq, u"list_users"_s, u"forbidden"_s, u"sam"_s, u"staff"_s), QString());
    QCOMPARE(codeOf(settle(client().addUser({u"eve"_s, Role::Staff, m_f->merchantId(), SamPassword}))), u"forbidden"_s);
    QCOMPARE(codeOf(settle(client().apiKeys({}))), u"forbidden"_s);
    QCOMPARE(codeOf(settle(client().createApiKey(m_sam, {}, std::nullopt))), u"forbidden"_s);
    QCOMPARE(codeOf(settle(client().disableUser(m_olga, {}))), u"forbidden"_s);
    QCOMPARE(codeOf(settle(client().auditLog({}))), u"forbidden"_s);
    QCOMPARE(auditAfter(seq).size(), 6);
    QCOMPARE(people(), before);
}

void TestSignIn::adminManagesEveryone()
{
    const auto beaKey = settle(client().createApiKey(m_bea, u"b"_s, std::nullopt));
    QVERIFY(beaKey);
    signInAs(u"root"_s, RootPassword);
    const auto listed = settle(client().users());
    QVERIFY2(listed, qPrintable(outcome(listed)));
    QCOMPARE(listed->size(), 4);
    QVERIFY(!addUser(u"sue"_s, Role::Support, {}, SamPassword).isNull());
    const auto keys = settle(client().apiKeys({}));
    QVERIFY(keys && keys->size() == 1);
    const qint64 seq = lastSeq();
    QCOMPARE(outcome(settle(client().disableUser(m_bea, u"closed"_s))), u"ok"_s);
    QCOMPARE(auditMismatch(seq, u"disable_user"_s, u"ok"_s, u"root"_s, u"admin"_s), QString());
    QCOMPARE(auditAfter(seq).first().reason, u"closed"_s);
    QCOMPARE(codeOf(authenticate(beaKey->secret)), u"unauthenticated"_s);
    const auto audit = settle(client().auditLog({}));
    QVERIFY2(audit, qPrintable(outcome(audit)));
    const auto verified = settle(client().verifyAudit());
    QVERIFY2(verified, qPrintable(outcome(verified)));
    QVERIFY(!verified->firstBadSeq);
}

void TestSignIn::addUserRefuses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("merchant");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QString good = u"a-good-password"_s;
    QTest::addRow("space in name") << u"ana lima"_s << int(Role::Staff) << true << good << u"invalid"_s << u"name"_s;
    QTest::addRow("empty name") << u"  "_s << int(Role::Staff) << true << good << u"invalid"_s << u"name"_s;
    QTest::addRow("long name") << QString(65, u'a') << int(Role::Staff) << true << good << u"invalid"_s << u"name"_s;
    QTest::addRow("11 chars") << u"ana"_s << int(Role::Staff) << true << u"eleven-char"_s << u"invalid"_s
                              << u"password"_s;
    QTest::addRow("owner without merchant")
        << u"ana"_s << int(Role::Owner) << false << good << u"invalid"_s << u"merchant"_s;
    QTest::addRow("support with merchant")
        << u"ana"_s << int(Role::Support) << true << good << u"invalid"_s << u"merchant"_s;
    QTest::addRow("duplicate") << u"olga"_s << int(Role::Staff) << true << good << u"duplicate"_s << u"name"_s;
    QTest::addRow("duplicate, other case")
        << u"OLGA"_s << int(Role::Owner) << true << good << u"duplicate"_s << u"name"_s;
}

void TestSignIn::addUserRefuses()
{
    QFETCH(QString, name);
    QFETCH(int, role);
    QFETCH(bool, merchant);
    QFETCH(QString, password);
    QFETCH(QString, code);
    QFETCH(QString, field);
    signInAs(u"root"_s, RootPassword);
    const QStringList before = people();
    const qint64 seq = lastSeq();
    const auto added = settle(client().addUser({name, Role(role), merchant ? m_f->merchantId() : Id{}, password}));
    QCOMPARE(codeOf(added), code);
    QCOMPARE(added.error().field, field);
    QCOMPARE(auditMismatch(seq, u"add_user"_s, code, u"root"_s, u"admin"_s), QString());
    QVERIFY2(auditAfter(seq).first().detail.startsWith(field + u": "_s), qPrintable(auditAfter(seq).first().detail));
    QCOMPARE(people(), before);
}

void TestSignIn::generatedPasswordSignsIn()
{
    const auto added = settle(client().addUser({u"ana"_s, Role::Staff, m_f->merchantId(), {}}));
    QVERIFY2(added, qPrintable(outcome(added)));
    QCOMPARE(added->oneTimePassword.size(), 20);
    QVERIFY(!storeBytes().contains(added->oneTimePassword.toUtf8()));
    QCOMPARE(outcome(signIn(u"ana"_s, added->oneTimePassword)), u"ok"_s);
    QCOMPARE(client().principal().userName, u"ana"_s);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "TestSignIn.moc"
