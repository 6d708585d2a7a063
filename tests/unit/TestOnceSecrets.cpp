/// The people commands whose answer holds a secret shown once (add_user's one-time password,
/// begin_totp's secret, confirm_totp's recovery codes, create_api_key's key) or that would act
/// twice: keyed as the payment commands are. The same key and request replays the first answer
/// (one effect, the same secret), the same key with another request is a conflict naming the
/// key and changes nothing, and the sealed answer is forgotten after its window (MockClock).
#include "tests/unit/SignInFixture.h"

#include "backend/auth/ReplaySeal.h"

using souk::auth::ReplaySeal;
using souk::test::newKey;

namespace {

/// How long a sealed answer is replayed (LocalClientPeople.cpp: OnceReplayMs).
constexpr qint64 ReplayWindowMs = 24LL * 3600 * 1000;

} // namespace

class TestOnceSecrets final : public SignInFixture
{
    Q_OBJECT

private slots:
    void sealOpensOnlyWithItsKeyAndRow();
    void createApiKeyReplaysItsSecret();
    void addUserReplaysItsOneTimePassword();
    void totpEnrolmentReplaysSecretAndRecoveryCodes();
    void concurrentRetriesActOnce();
    void sameKeyOfAnotherPrincipalIsItsOwn();
    void unkeyedAndMalformedKeys();
    void maintenanceForgetsSealedAnswers();

private:
    qint64 keysOf(Id user) { return number(u"SELECT count(*) FROM api_keys WHERE user_id = "_s + user.toString()); }
    qint64 sealedRows() { return number(u"SELECT count(*) FROM idempotency_keys WHERE expires_ms IS NOT NULL"_s); }
    static bool isConflictOnKey(const Error& e)
    {
        return e.code == ErrorCode::IdempotencyConflict && e.field == u"idempotencyKey"_s;
    }
};

void TestOnceSecrets::sealOpensOnlyWithItsKeyAndRow()
{
    const ReplaySeal seal(u"key-1"_s, u"7/ana/"_s);
    const QByteArray plain = "{\"secret\":\"sk_abc\"}";
    const QByteArray sealed = seal.seal(plain, "row");
    QVERIFY(!sealed.contains("sk_abc"));
    QCOMPARE(seal.open(sealed, "row").value_or(QByteArray()), plain);
    QVERIFY(seal.seal(plain, "row") != sealed); // a fresh nonce each time
    QVERIFY(!seal.open(sealed, "another row"));
    QVERIFY(!ReplaySeal(u"key-2"_s, u"7/ana/"_s).open(sealed, "row"));
    QVERIFY(!ReplaySeal(u"key-1"_s, u"7/bob/"_s).open(sealed, "row"));
    QByteArray tampered = sealed;
    tampered[20] = char(tampered[20] ^ 1);
    QVERIFY(!seal.open(tampered, "row"));
    QVERIFY(!seal.open(sealed.left(10), "row"));
    // what the store keeps tells nothing of the key, and differs between principals
    QCOMPARE(seal.lookupKey().size(), 65);
    QVERIFY(seal.lookupKey().startsWith(u'~'));
    QVERIFY(!seal.lookupKey().contains(u"key-1"_s));
    QCOMPARE(seal.lookupKey(), ReplaySeal(u"key-1"_s, u"7/ana/"_s).lookupKey());
    QVERIFY(seal.lookupKey() != ReplaySeal(u"key-1"_s, u"7/bob/"_s).lookupKey());
    const QJsonObject a{{u"name"_s, u"till"_s}, {u"password"_s, u"p1"_s}};
    QCOMPARE(seal.requestHash(u"add_user"_s, a), seal.requestHash(u"add_user"_s, a));
    QVERIFY(seal.requestHash(u"add_user"_s, a) != seal.requestHash(u"add_user"_s, {{u"name"_s, u"till"_s}}));
    QVERIFY(seal.requestHash(u"add_user"_s, a) != ReplaySeal(u"key-2"_s, u"7/ana/"_s).requestHash(u"add_user"_s, a));
}

void TestOnceSecrets::createApiKeyReplaysItsSecret()
{
    signInAs(u"root"_s, RootPassword);
    const QString key = newKey();
    const auto first = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(first, qPrintable(outcome(first)));
    const auto again = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(again, qPrintable(outcome(again)));
    QCOMPARE(again->info.id, first->info.id);
    QCOMPARE(again->secret, first->secret);
    QCOMPARE(again->info.prefix, first->info.prefix);
    QCOMPARE(again->info.createdMs, first->info.createdMs);
    QCOMPARE(keysOf(m_sam), 1);
    QVERIFY(authenticate(again->secret)); // the replayed secret is the key's own

    // the same key for another request: refused, naming the key, and nothing changes
    const QStringList before = people();
    const auto other = settle(client().createApiKey(m_sam, u"scale"_s, std::nullopt, key));
    QVERIFY(!other);
    QVERIFY2(isConflictOnKey(other.error()), qPrintable(outcome(other)));
    QVERIFY(other.error().message.contains(u"create_api_key"_s));
    const auto expiring = settle(client().createApiKey(m_sam, u"till"_s, m_clock.nowMs() + 3600'000, key));
    QVERIFY2(!expiring && isConflictOnKey(expiring.error()), qPrintable(outcome(expiring)));
    QCOMPARE(people(), before);

    // the store holds neither the secret nor the key that opens its sealed copy
    flush();
    const QByteArray bytes = storeBytes();
    QVERIFY(!bytes.contains(first->secret.toUtf8()));
    QVERIFY(!bytes.contains(key.toUtf8()));

    // within the window it still replays; once it passed, the key makes a new key (documented)
    m_clock.advanceMs(ReplayWindowMs - 1);
    const auto late = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(late && late->secret == first->secret, qPrintable(outcome(late)));
    m_clock.advanceMs(1);
    const auto after = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(after, qPrintable(outcome(after)));
    QVERIFY(after->info.id != first->info.id);
    QVERIFY(after->secret != first->secret);
    QCOMPARE(keysOf(m_sam), 2);
    const auto replayOfNew = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(replayOfNew && replayOfNew->info.id == after->info.id, qPrintable(outcome(replayOfNew)));
}

void TestOnceSecrets::addUserReplaysItsOneTimePassword()
{
    signInAs(u"olga"_s, OlgaPassword);
    const QString key = newKey();
    const auth::NewUser kai{u"kai"_s, Role::Staff, m_f->merchantId(), {}};
    const auto first = settle(client().addUser(kai, key));
    QVERIFY2(first, qPrintable(outcome(first)));
    QVERIFY(first->oneTimePassword.size() >= 12);
    const auto again = settle(client().addUser(kai, key));
    QVERIFY2(again, qPrintable(outcome(again)));
    QCOMPARE(again->user.id, first->user.id);
    QCOMPARE(again->user.version, first->user.version);
    QCOMPARE(again->oneTimePassword, first->oneTimePassword);
    QVERIFY(again->user.mustChangePassword);
    QCOMPARE(number(u"SELECT count(*) FROM users WHERE name = 'kai'"_s), 1);

    const QStringList before = people();
    for (const auth::NewUser& other : {auth::NewUser{u"kai"_s, Role::Owner, m_f->merchantId(), {}},
                                       auth::NewUser{u"kim"_s, Role::Staff, m_f->merchantId(), {}},
                                       auth::NewUser{u"kai"_s, Role::Staff, m_f->merchantId(), SamPassword}}) {
        const auto refused = settle(client().addUser(other, key));
        QVERIFY2(!refused && isConflictOnKey(refused.error()), qPrintable(other.name + u": "_s + outcome(refused)));
    }
    QCOMPARE(people(), before);
    flush();
    QVERIFY(!storeBytes().contains(first->oneTimePassword.toUtf8()));

    // past the window the request is new again: the name is taken
    m_clock.advanceMs(ReplayWindowMs);
    const auto after = settle(client().addUser(kai, key));
    QVERIFY(!after);
    QCOMPARE(after.error().code, ErrorCode::Duplicate);
    QCOMPARE(after.error().field, u"name"_s);
    // and the replayed password was the real one
    QVERIFY(signIn(u"kai"_s, first->oneTimePassword));
}

void TestOnceSecrets::totpEnrolmentReplaysSecretAndRecoveryCodes()
{
    signInAs(u"sam"_s, SamPassword);
    const QString begin = newKey();
    const auto first = settle(client().beginTotp(begin));
    QVERIFY2(first, qPrintable(outcome(first)));
    const auto again = settle(client().beginTotp(begin));
    QVERIFY2(again, qPrintable(outcome(again)));
    QCOMPARE(again->secretBase32, first->secretBase32);
    QCOMPARE(again->uri, first->uri);
    const QByteArray secret = Totp::fromBase32(first->secretBase32).value_or(QByteArray());
    QCOMPARE(number(u"SELECT count(*) FROM users WHERE id = %1 AND totp_pending = x'%2'"_s.arg(
                 m_sam.toString(), QString::fromLatin1(secret.toHex()))),
             1); // the pending secret is still the first one: the app that scanned it confirms

    const QString confirm = newKey();
    const QString code = currentCode(secret);
    const auto codes = settle(client().confirmTotp(code, confirm));
    QVERIFY2(codes, qPrintable(outcome(codes)));
    QCOMPARE(codes->size(), 10);
    const auto replayed = settle(client().confirmTotp(code, confirm));
    QVERIFY2(replayed, qPrintable(outcome(replayed)));
    QCOMPARE(*replayed, *codes);
    QCOMPARE(number(u"SELECT count(*) FROM recovery_codes WHERE user_id = "_s + m_sam.toString()), 10);

    const QStringList before = people();
    const auto otherCode = settle(client().confirmTotp(wrongCode(secret), confirm));
    QVERIFY2(!otherCode && isConflictOnKey(otherCode.error()), qPrintable(outcome(otherCode)));
    // a key of one command is refused for another, before anything runs
    const auto crossed = settle(client().beginTotp(confirm));
    QVERIFY2(!crossed && isConflictOnKey(crossed.error()), qPrintable(outcome(crossed)));
    QCOMPARE(people(), before);
    flush();
    const QByteArray bytes = storeBytes();
    for (const QString& c : *codes)
        QVERIFY(!bytes.contains(c.toUtf8()));
    QVERIFY(!bytes.contains(first->secretBase32.toUtf8()));

    // past the window: confirming again finds nothing to confirm, beginning again makes a new secret
    m_clock.advanceMs(ReplayWindowMs);
    const auto lateConfirm = settle(client().confirmTotp(code, confirm));
    QVERIFY(!lateConfirm);
    QCOMPARE(lateConfirm.error().code, ErrorCode::Conflict);
    QCOMPARE(lateConfirm.error().field, u"code"_s);
    const auto lateBegin = settle(client().beginTotp(begin));
    QVERIFY2(lateBegin, qPrintable(outcome(lateBegin)));
    QVERIFY(lateBegin->secretBase32 != first->secretBase32);
}

void TestOnceSecrets::concurrentRetriesActOnce()
{
    signInAs(u"root"_s, RootPassword);
    // a retry sent while the first is still queued: the writer runs them one after the other,
    // and the second finds the first's answer
    const QString key = newKey();
    QList<QFuture<Result<auth::CreatedApiKey>>> keys;
    for (int i = 0; i < 4; ++i)
        keys << client().createApiKey(m_olga, u"pos"_s, std::nullopt, key);
    const QString userKey = newKey();
    const auth::NewUser lou{u"lou"_s, Role::Staff, m_f->merchantId(), {}};
    auto user1 = client().addUser(lou, userKey);
    auto user2 = client().addUser(lou, userKey);
    QSet<QString> secrets;
    for (const auto& f : keys) {
        const auto r = settle(f);
        QVERIFY2(r, qPrintable(outcome(r)));
        secrets << r->secret;
    }
    QCOMPARE(secrets.size(), 1);
    QCOMPARE(keysOf(m_olga), 1);
    const auto a = settle(user1);
    const auto b = settle(user2);
    QVERIFY2(a && b, qPrintable(outcome(a) + u" / "_s + outcome(b)));
    QCOMPARE(a->user.id, b->user.id);
    QCOMPARE(a->oneTimePassword, b->oneTimePassword);
    QCOMPARE(number(u"SELECT count(*) FROM users WHERE name = 'lou'"_s), 1);
}

void TestOnceSecrets::sameKeyOfAnotherPrincipalIsItsOwn()
{
    // a key names a request of its principal only: another user's same key string is another request
    const QString key = newKey();
    signInAs(u"root"_s, RootPassword);
    const auto byRoot = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(byRoot, qPrintable(outcome(byRoot)));
    signInAs(u"olga"_s, OlgaPassword);
    const auto byOlga = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, key));
    QVERIFY2(byOlga, qPrintable(outcome(byOlga)));
    QVERIFY(byOlga->info.id != byRoot->info.id);
    QVERIFY(byOlga->secret != byRoot->secret);
    QCOMPARE(keysOf(m_sam), 2);
}

void TestOnceSecrets::unkeyedAndMalformedKeys()
{
    signInAs(u"root"_s, RootPassword);
    // no key: as before, each call acts (the console in process does not retry)
    QVERIFY(settle(client().createApiKey(m_sam, u"till"_s, std::nullopt)));
    QVERIFY(settle(client().createApiKey(m_sam, u"till"_s, std::nullopt)));
    QCOMPARE(keysOf(m_sam), 2);
    QCOMPARE(sealedRows(), 0);
    const QStringList before = people();
    for (const QString& bad : {u"has space"_s, QString(256, u'k'), u"caf\u00e9"_s}) {
        const auto refused = settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, bad));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(refused.error().field, u"idempotencyKey"_s);
    }
    QCOMPARE(people(), before);
}

void TestOnceSecrets::maintenanceForgetsSealedAnswers()
{
    signInAs(u"root"_s, RootPassword);
    QVERIFY(settle(client().createApiKey(m_sam, u"till"_s, std::nullopt, newKey())));
    QVERIFY(settle(client().addUser({u"max"_s, Role::Staff, m_f->merchantId(), {}}, newKey())));
    QCOMPARE(sealedRows(), 2);
    m_clock.advanceMs(ReplayWindowMs - 1);
    const auto early = settle(client().runMaintenance());
    QVERIFY2(early, qPrintable(outcome(early)));
    QCOMPARE(sealedRows(), 2);
    m_clock.advanceMs(1);
    const auto due = settle(client().runMaintenance());
    QVERIFY2(due, qPrintable(outcome(due)));
    QVERIFY(due->keysPurged >= 2);
    QCOMPARE(sealedRows(), 0);
}

QTEST_GUILESS_MAIN(TestOnceSecrets)
#include "TestOnceSecrets.moc"
