#include "tests/unit/SignInFixture.h"

/// The second factor and bearer tokens: TOTP enrolment, codes good once, recovery codes, and
/// API keys shown once, authenticated, revoked, expired or malformed.
class TestSecondFactor final : public SignInFixture
{
    Q_OBJECT

private slots:
    void totpEnrolment();
    void totpCodesAreGoodOnce();
    void recoveryCodeWorksOnce();
    void apiKeyIsShownOnce();
    void apiKeyAuthenticates();
    void revokedOrExpiredKeyIsRefused();
    void malformedTokensAreRefusedAlike();
};

void TestSecondFactor::totpEnrolment()
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

void TestSecondFactor::totpCodesAreGoodOnce()
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

void TestSecondFactor::recoveryCodeWorksOnce()
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

void TestSecondFactor::apiKeyIsShownOnce()
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

void TestSecondFactor::apiKeyAuthenticates()
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

void TestSecondFactor::revokedOrExpiredKeyIsRefused()
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

void TestSecondFactor::malformedTokensAreRefusedAlike()
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

QTEST_GUILESS_MAIN(TestSecondFactor)
#include "TestSecondFactor.moc"
