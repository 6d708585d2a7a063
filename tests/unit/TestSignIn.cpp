#include "tests/unit/SignInFixture.h"

/// Passwords and sessions: the right password, the slow-down and lockout, disabled users,
/// sign-out, who may manage whom, and bad input to addUser.
class TestSignIn final : public SignInFixture
{
    Q_OBJECT

private slots:
    void rightPasswordOpensSession();
    void sessionMayDoWhatItsRoleAllows();
    void wrongPasswordAnswersAsUnknownName();
    void unknownNameIsAuditedAsTyped();
    void retryDelay_data();
    void retryDelay();
    void slowDownAfterFreeFailures();
    void tenFailuresLockFifteenMinutes();
    void disabledUserIsLockedOut();
    void signOutEndsSession();
    void tokensAreRememberedUntilRevoked();
    void ownerManagesOwnMerchantOnly();
    void staffCannotManagePeople();
    void adminManagesEveryone();
    void addUserRefuses_data();
    void addUserRefuses();
    void generatedPasswordSignsIn();
};

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

void TestSignIn::tokensAreRememberedUntilRevoked()
{
    signInAs(u"root"_s, RootPassword);
    const auto key = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt));
    QVERIFY2(key, qPrintable(outcome(key)));
    const auto session = signInForToken(u"sam"_s, SamPassword);
    QVERIFY2(session, qPrintable(outcome(session)));
    const QString keyUse = u"SELECT last_used_ms FROM api_keys WHERE id = "_s + key->info.id.toString();

    // the first use asks the store and writes the last use; the next ones within
    // TokenCacheMs are answered from memory, writing nothing
    const qint64 first = m_clock.nowMs();
    QCOMPARE(outcome(authenticate(key->secret)), u"ok"_s);
    QCOMPARE(number(keyUse), first);
    const qint64 seqBefore = number(u"SELECT count(*) FROM changes"_s);
    m_clock.advanceMs(1000);
    const auto again = authenticate(key->secret);
    QVERIFY2(again, qPrintable(outcome(again)));
    QCOMPARE(again->userId, m_sam);
    QCOMPARE(again->via, auth::Via::ApiKey);
    QCOMPARE(again->origin, u"test"_s);
    flush();
    QCOMPARE(number(keyUse), first);
    // the remembered use is written when the authenticator closes (or after TokenUseFlushMs)
    m_signIn = std::make_unique<engine::SignIn>(client().engine());
    flush();
    QCOMPARE(number(keyUse), first + 1000);
    QCOMPARE(number(u"SELECT count(*) FROM changes"_s), seqBefore); // a use is no change

    // a revoked key is refused at once, with no time passing
    QCOMPARE(outcome(authenticate(key->secret)), u"ok"_s);
    QCOMPARE(outcome(authenticate(key->secret)), u"ok"_s);
    QVERIFY2(settle(client().revokeApiKey(key->info.id)), "revoke");
    QCOMPARE(codeOf(authenticate(key->secret)), u"unauthenticated"_s);

    // so is a session that was signed out
    QCOMPARE(outcome(authenticate(session->token)), u"ok"_s);
    QCOMPARE(outcome(authenticate(session->token)), u"ok"_s);
    const Id sessionId = session->principal.credentialId;
    QVERIFY(settle(client().engine().write<bool>(client().actor(), [sessionId](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = Credentials::closeSession(uow, sessionId); !s)
            return s.error();
        return true;
    })));
    QCOMPARE(codeOf(authenticate(session->token)), u"unauthenticated"_s);

    // and a role changed or a user disabled takes effect on the next request
    const auto olga = signInForToken(u"olga"_s, OlgaPassword);
    QVERIFY2(olga, qPrintable(outcome(olga)));
    QCOMPARE(outcome(authenticate(olga->token)), u"ok"_s);
    QVERIFY2(settle(client().disableUser(m_olga, u"left"_s)), "disable");
    QCOMPARE(codeOf(authenticate(olga->token)), u"unauthenticated"_s);
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
