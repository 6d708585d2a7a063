#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "backend/auth/PasswordHash.h"
#include "backend/auth/Secret.h"
#include "backend/auth/Totp.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::auth;

namespace {

/// Cheap enough to make many hashes per test; the defaults are exercised once on their own.
const PasswordHash::Params Cheap{2, 1024, 1};

/// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const QByteArray RfcSecret = "12345678901234567890";

constexpr qint64 MidStepMs = 1767225615000; // 15 s into a step, away from its edges

} // namespace

class TestAuthCrypto final : public QObject
{
    Q_OBJECT

private slots:
    void totpRfc6238_data();
    void totpRfc6238();
    void totpStepAt();
    void totpReplayRefused();
    void totpDriftOneStep();
    void totpMalformedCodes_data();
    void totpMalformedCodes();
    void base32Rfc4648_data();
    void base32Rfc4648();
    void base32RoundTrip();
    void base32Invalid_data();
    void base32Invalid();
    void totpUri();
    void qrMatrix();
    void qrRejectsEmpty();
    void recoveryCodes();
    void recoveryCodeNormalised();
    void passwordDefaults();
    void passwordSaltedAndVerified();
    void passwordRejected_data();
    void passwordRejected();
    void passwordUnicodeAndLimit();
    void verifyMalformed_data();
    void verifyMalformed();
    void needsRehash();
    void policy_data();
    void policy();
    void generate();
    void tokenMake();
    void tokenLooksLike();
    void tokenHashVector();
    void randomTextUniform();
    void equalConstantTime();
};

void TestAuthCrypto::totpRfc6238_data()
{
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<QString>("expected");
    // RFC 6238 Appendix B, SHA-1 column; the 8-digit values' last six digits.
    QTest::addRow("59") << 59LL << u"287082"_s;
    QTest::addRow("1111111109") << 1111111109LL << u"081804"_s;
    QTest::addRow("1111111111") << 1111111111LL << u"050471"_s;
    QTest::addRow("1234567890") << 1234567890LL << u"005924"_s;
    QTest::addRow("2000000000") << 2000000000LL << u"279037"_s;
    QTest::addRow("20000000000") << 20000000000LL << u"353130"_s;
}

void TestAuthCrypto::totpRfc6238()
{
    QFETCH(qint64, unixSeconds);
    QFETCH(QString, expected);
    const qint64 step = Totp::stepAt(unixSeconds * 1000);
    QCOMPARE(Totp::code(RfcSecret, step), expected);
    QCOMPARE(Totp::match(RfcSecret, expected, unixSeconds * 1000, -1), std::optional<qint64>(step));
}

void TestAuthCrypto::totpStepAt()
{
    QCOMPARE(Totp::stepAt(0), 0LL);
    QCOMPARE(Totp::stepAt(29'999), 0LL);
    QCOMPARE(Totp::stepAt(30'000), 1LL);
    QCOMPARE(Totp::stepAt(-1), -1LL); // floor, not truncation towards zero
}

void TestAuthCrypto::totpReplayRefused()
{
    const QByteArray secret = Totp::newSecret();
    QCOMPARE(secret.size(), 20);
    const qint64 step = Totp::stepAt(MidStepMs);
    const QString code = Totp::code(secret, step);
    const auto first = Totp::match(secret, code, MidStepMs, -1);
    QCOMPARE(first, std::optional<qint64>(step));
    QVERIFY(!Totp::match(secret, code, MidStepMs, *first));
    QVERIFY(!Totp::match(secret, code, MidStepMs + 10'000, *first)); // still the same step
    // An older code is refused once a later step was used, even inside the drift window.
    QVERIFY(!Totp::match(secret, Totp::code(secret, step - 1), MidStepMs, step));
}

void TestAuthCrypto::totpDriftOneStep()
{
    const QByteArray secret = Totp::newSecret();
    const qint64 now = Totp::stepAt(MidStepMs);
    QCOMPARE(Totp::match(secret, Totp::code(secret, now - 1), MidStepMs, -1), std::optional<qint64>(now - 1));
    QCOMPARE(Totp::match(secret, Totp::code(secret, now + 1), MidStepMs, -1), std::optional<qint64>(now + 1));
    // Codes two steps away could collide with a window code by chance (1 in 10^6); skip that case.
    for (const qint64 far : {now - 2, now + 2}) {
        const QString code = Totp::code(secret, far);
        if (code != Totp::code(secret, now - 1) && code != Totp::code(secret, now) &&
            code != Totp::code(secret, now + 1))
            QVERIFY(!Totp::match(secret, code, MidStepMs, -1));
    }
}

void TestAuthCrypto::totpMalformedCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addRow("empty") << QString();
    QTest::addRow("five digits") << u"28708"_s;
    QTest::addRow("seven digits") << u"2870820"_s;
    QTest::addRow("eight digits") << u"94287082"_s;
    QTest::addRow("letter") << u"28708a"_s;
    QTest::addRow("sign") << u"+87082"_s;
    QTest::addRow("space") << u" 87082"_s;
    QTest::addRow("full-width digits") << u"２８７０８２"_s;
    QTest::addRow("arabic-indic digits") << u"٢٨٧٠٨٢"_s;
}

void TestAuthCrypto::totpMalformedCodes()
{
    QFETCH(QString, code);
    QVERIFY(!Totp::match(RfcSecret, code, 59'000, -1));
    QVERIFY(!Totp::match(QByteArray(), u"287082"_s, 59'000, -1));
}

void TestAuthCrypto::base32Rfc4648_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    // RFC 4648 §10 test vectors, padding removed.
    QTest::addRow("empty") << QByteArray() << QString();
    QTest::addRow("f") << QByteArray("f") << u"MY"_s;
    QTest::addRow("fo") << QByteArray("fo") << u"MZXQ"_s;
    QTest::addRow("foo") << QByteArray("foo") << u"MZXW6"_s;
    QTest::addRow("foob") << QByteArray("foob") << u"MZXW6YQ"_s;
    QTest::addRow("fooba") << QByteArray("fooba") << u"MZXW6YTB"_s;
    QTest::addRow("foobar") << QByteArray("foobar") << u"MZXW6YTBOI"_s;
}

void TestAuthCrypto::base32Rfc4648()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(Totp::base32(bytes), text);
    QCOMPARE(Totp::fromBase32(text), std::optional<QByteArray>(bytes));
    QCOMPARE(Totp::fromBase32(text.toLower()), std::optional<QByteArray>(bytes));
}

void TestAuthCrypto::base32RoundTrip()
{
    for (int n = 0; n <= 41; ++n) {
        const QByteArray bytes = Secret::randomBytes(n);
        QCOMPARE(Totp::fromBase32(Totp::base32(bytes)), std::optional<QByteArray>(bytes));
    }
    // As apps show a secret: grouped in fours, lower case, maybe padded.
    QCOMPARE(Totp::fromBase32(u"mzxw 6ytb oi"_s), std::optional<QByteArray>("foobar"));
    QCOMPARE(Totp::fromBase32(u"MZXW6YQ="_s), std::optional<QByteArray>("foob"));
    QCOMPARE(Totp::fromBase32(u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s), std::optional<QByteArray>(RfcSecret));
}

void TestAuthCrypto::base32Invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("digit 1") << u"MZ1Q"_s;
    QTest::addRow("digit 0") << u"MZ0Q"_s;
    QTest::addRow("digit 8") << u"MZ8Q"_s;
    QTest::addRow("dash") << u"MZ-Q"_s;
    QTest::addRow("length 1") << u"M"_s;
    QTest::addRow("length 3") << u"MZX"_s;
    QTest::addRow("length 6") << u"MZXW6Y"_s;
    QTest::addRow("inner padding") << u"MY=Q"_s;
    QTest::addRow("non-latin") << u"MZXÄ"_s;
}

void TestAuthCrypto::base32Invalid()
{
    QFETCH(QString, text);
    QVERIFY(!Totp::fromBase32(text));
}

void TestAuthCrypto::totpUri()
{
    const QString uri = Totp::uri(u"Souk Shop"_s, u"alice@example.com"_s, QByteArray("foobar"));
    QCOMPARE(uri, u"otpauth://totp/Souk%20Shop:alice%40example.com?secret=MZXW6YTBOI&issuer=Souk%20Shop"
                  "&algorithm=SHA1&digits=6&period=30"_s);
    // A colon or ampersand in a name must not split the label or the query.
    const QString tricky = Totp::uri(u"A:B&C"_s, u"x"_s, QByteArray("f"));
    QVERIFY(tricky.startsWith(u"otpauth://totp/A%3AB%26C:x?secret=MY&issuer=A%3AB%26C&"_s));
}

void TestAuthCrypto::qrMatrix()
{
    const QString uri = Totp::uri(u"Souk"_s, u"alice@example.com"_s, Totp::newSecret());
    const auto qr = Totp::qr(uri);
    QVERIFY2(qr.ok(), qPrintable(qr ? QString() : qr.error().toString()));
    QVERIFY(qr->size >= 21);
    QCOMPARE(qr->size % 2, 1);
    QCOMPARE((qr->size - 17) % 4, 0); // version v is 17 + 4v modules wide
    QCOMPARE(qr->modules.size(), qsizetype(qr->size) * qr->size);
    // Finder pattern in the top-left corner: dark ring, light ring, dark 3x3 centre, then the separator.
    QVERIFY(qr->dark(0, 0));
    QVERIFY(qr->dark(6, 6));
    QVERIFY(!qr->dark(1, 1));
    QVERIFY(qr->dark(3, 3));
    QVERIFY(!qr->dark(7, 7));
    QVERIFY(!qr->dark(-1, 0));
    QVERIFY(!qr->dark(qr->size, 0));
}

void TestAuthCrypto::qrRejectsEmpty()
{
    const auto qr = Totp::qr(QString());
    QVERIFY(!qr);
    QCOMPARE(qr.error().code, ErrorCode::Invalid);
    QCOMPARE(qr.error().field, u"text"_s);
    const auto huge = Totp::qr(QString(5000, u'x'));
    QVERIFY(!huge);
    QCOMPARE(huge.error().field, u"text"_s);
}

void TestAuthCrypto::recoveryCodes()
{
    const QStringList codes = Totp::recoveryCodes();
    QCOMPARE(codes.size(), 10);
    const QRegularExpression shape(u"^[23456789abcdefghijkmnpqrstuvwxyz]{5}-[23456789abcdefghijkmnpqrstuvwxyz]{5}$"_s);
    for (const QString& code : codes) {
        QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(Totp::normaliseRecoveryCode(code), code.left(5) + code.mid(6));
    }
    QCOMPARE(QSet<QString>(codes.begin(), codes.end()).size(), codes.size());
    QCOMPARE(Totp::recoveryCodes(3).size(), 3);
}

void TestAuthCrypto::recoveryCodeNormalised()
{
    QCOMPARE(Totp::normaliseRecoveryCode(u"ab2cd-ef3gh"_s), u"ab2cdef3gh"_s);
    QCOMPARE(Totp::normaliseRecoveryCode(u" AB2CD - EF3GH \n"_s), u"ab2cdef3gh"_s);
    QCOMPARE(Totp::normaliseRecoveryCode(u"ab2cdef3gh"_s), u"ab2cdef3gh"_s);
    // The stored hash is found however the user typed the code.
    QCOMPARE(Secret::hashOf(Totp::normaliseRecoveryCode(u"AB2CD EF3GH"_s)),
             Secret::hashOf(Totp::normaliseRecoveryCode(u"ab2cd-ef3gh"_s)));
}

void TestAuthCrypto::passwordDefaults()
{
    const auto encoded = PasswordHash::hash(u"correct horse battery staple"_s);
    QVERIFY(encoded.ok());
    QVERIFY2(encoded->startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded->constData());
    QVERIFY(PasswordHash::verify(*encoded, u"correct horse battery staple"_s));
    QVERIFY(!PasswordHash::verify(*encoded, u"correct horse battery stapler"_s));
    QVERIFY(!PasswordHash::needsRehash(*encoded, PasswordHash::defaults()));
}

void TestAuthCrypto::passwordSaltedAndVerified()
{
    const auto a = PasswordHash::hash(u"same password here"_s, Cheap);
    const auto b = PasswordHash::hash(u"same password here"_s, Cheap);
    QVERIFY(a && b);
    QVERIFY(a->startsWith("$argon2id$v=19$m=1024,t=2,p=1$"));
    QVERIFY(*a != *b); // fresh salt each time
    QVERIFY(PasswordHash::verify(*a, u"same password here"_s));
    QVERIFY(PasswordHash::verify(*b, u"same password here"_s));
    QVERIFY(!PasswordHash::verify(*a, u"Same password here"_s));
    QVERIFY(!PasswordHash::verify(*a, QString()));
}

void TestAuthCrypto::passwordRejected_data()
{
    QTest::addColumn<QString>("password");
    QTest::addRow("empty") << QString();
    QTest::addRow("1025 bytes") << QString(1025, u'a');
    QTest::addRow("1026 bytes in 513 two-byte chars") << QString(513, u'é');
}

void TestAuthCrypto::passwordRejected()
{
    QFETCH(QString, password);
    const auto result = PasswordHash::hash(password, Cheap);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QCOMPARE(result.error().field, u"password"_s);
    QVERIFY(!result.error().message.isEmpty());
}

void TestAuthCrypto::passwordUnicodeAndLimit()
{
    const QString unicode = u"pässwörd ✓ 🙂 密码"_s;
    const auto encoded = PasswordHash::hash(unicode, Cheap);
    QVERIFY(encoded);
    QVERIFY(PasswordHash::verify(*encoded, unicode));
    const QString longest(1024, u'a');
    const auto atLimit = PasswordHash::hash(longest, Cheap);
    QVERIFY(atLimit);
    QVERIFY(PasswordHash::verify(*atLimit, longest));
    QVERIFY(!PasswordHash::verify(*atLimit, longest + u'a'));
    const auto badParams = PasswordHash::hash(u"some password"_s, PasswordHash::Params{0, 1024, 1});
    QVERIFY(!badParams);
    QCOMPARE(badParams.error().field, u"params"_s);
}

void TestAuthCrypto::verifyMalformed_data()
{
    const auto good = PasswordHash::hash(u"some password"_s, Cheap);
    QVERIFY(good);
    QByteArray flipped = *good;
    flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
    QByteArray withNul = *good;
    withNul.append('\0').append("x");

    QTest::addColumn<QByteArray>("encoded");
    QTest::addRow("good, other password") << *good;
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("garbage") << QByteArray("not a hash");
    QTest::addRow("truncated") << good->left(good->size() - 10);
    QTest::addRow("hash changed") << flipped;
    QTest::addRow("embedded nul") << withNul;
    QTest::addRow("argon2i") << QByteArray(*good).replace("$argon2id$", "$argon2i$");
    QTest::addRow("old version") << QByteArray(*good).replace("$v=19$", "$v=16$");
    QTest::addRow("huge memory") << QByteArray(*good).replace("m=1024,", "m=4000000,");
    QTest::addRow("bad number") << QByteArray(*good).replace("m=1024,", "m=1x24,");
}

void TestAuthCrypto::verifyMalformed()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!PasswordHash::verify(encoded, u"other password"_s));
    if (QByteArrayView(QTest::currentDataTag()) != "good, other password")
        QVERIFY(!PasswordHash::verify(encoded, u"some password"_s));
}

void TestAuthCrypto::needsRehash()
{
    const auto cheap = PasswordHash::hash(u"some password"_s, Cheap);
    QVERIFY(cheap);
    QVERIFY(!PasswordHash::needsRehash(*cheap, Cheap));
    QVERIFY(PasswordHash::needsRehash(*cheap, PasswordHash::defaults()));
    QVERIFY(PasswordHash::needsRehash(*cheap, PasswordHash::Params{3, 1024, 1}));
    QVERIFY(PasswordHash::needsRehash(*cheap, PasswordHash::Params{2, 1024, 2}));
    QVERIFY(PasswordHash::needsRehash("not a hash", Cheap));
    QVERIFY(PasswordHash::needsRehash(QByteArray(*cheap).replace("$argon2id$", "$argon2i$"), Cheap));
}

void TestAuthCrypto::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("acceptable");
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("11 chars") << u"abcdefghijk"_s << false;
    QTest::addRow("12 chars") << u"abcdefghijkl"_s << true;
    // Each emoji is two UTF-16 units but one character to the user.
    QTest::addRow("11 emoji") << QString(u"🙂"_s).repeated(11) << false;
    QTest::addRow("12 emoji") << QString(u"🙂"_s).repeated(12) << true;
    QTest::addRow("1024 bytes") << QString(1024, u'a') << true;
    QTest::addRow("1025 bytes") << QString(1025, u'a') << false;
    QTest::addRow("257 emoji, 1028 bytes") << QString(u"🙂"_s).repeated(257) << false;
}

void TestAuthCrypto::policy()
{
    QFETCH(QString, password);
    QFETCH(bool, acceptable);
    const auto error = PasswordHash::checkPolicy(password);
    QCOMPARE(!error.has_value(), acceptable);
    if (error) {
        QCOMPARE(error->code, ErrorCode::Invalid);
        QCOMPARE(error->field, u"password"_s);
    }
}

void TestAuthCrypto::generate()
{
    const QString a = PasswordHash::generate();
    const QString b = PasswordHash::generate();
    QCOMPARE(a.size(), 20);
    QVERIFY(a != b);
    QVERIFY(!PasswordHash::checkPolicy(a));
    QCOMPARE(PasswordHash::generate(32).size(), 32);
    for (const QChar c : QString(a + b))
        QVERIFY2(Secret::UnambiguousAlphabet.contains(c), qPrintable(a + b));
    for (const QChar ambiguous : u"0O1lI"_s)
        QVERIFY(!Secret::UnambiguousAlphabet.contains(ambiguous));
}

void TestAuthCrypto::tokenMake()
{
    const Secret::Token key = Secret::make(u"sk");
    QCOMPARE(key.text.size(), 3 + 43); // "sk_" + 256 bits in base64url without padding
    QVERIFY(key.text.startsWith(u"sk_"_s));
    QCOMPARE(key.prefix, key.text.left(12));
    QCOMPARE(key.hash.size(), 32);
    QCOMPARE(key.hash, Secret::hashOf(key.text));
    QVERIFY(Secret::make(u"sk").text != key.text);
    const Secret::Token session = Secret::make(u"st");
    QVERIFY(session.text.startsWith(u"st_"_s));
}

void TestAuthCrypto::tokenLooksLike()
{
    const QString text = Secret::make(u"sk").text;
    QVERIFY(Secret::looksLike(u"sk", text));
    QVERIFY(!Secret::looksLike(u"st", text));
    QVERIFY(!Secret::looksLike(u"s", text));
    QVERIFY(!Secret::looksLike(u"sk", text.chopped(1)));
    QVERIFY(!Secret::looksLike(u"sk", text + u'A'));
    QVERIFY(!Secret::looksLike(u"sk", QString(text).replace(2, 1, u'-')));
    QVERIFY(!Secret::looksLike(u"sk", QString(text).replace(10, 1, u'+')));
    QVERIFY(!Secret::looksLike(u"sk", QString(text).replace(10, 1, u'=')));
    QVERIFY(!Secret::looksLike(u"sk", QString(text).replace(10, 1, u'é')));
    QVERIFY(!Secret::looksLike(u"sk", QString()));
    // The last symbol carries 4 data bits and 2 zero bits; setting a zero bit is not a token we made.
    const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_s;
    const qsizetype last = alphabet.indexOf(text.back());
    QVERIFY(last >= 0);
    QVERIFY(!Secret::looksLike(u"sk", text.chopped(1) + alphabet[last ^ 1]));
}

void TestAuthCrypto::tokenHashVector()
{
    // FIPS 180-2 SHA-256 test vector for "abc".
    QCOMPARE(Secret::hashOf(u"abc"_s).toHex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

void TestAuthCrypto::randomTextUniform()
{
    // 32,000 symbols over 32: each count is about 1000 with a standard deviation near 31, so these
    // bounds (over 6 deviations) fail by chance far less than once in a billion runs.
    const QString text = Secret::randomText(32'000);
    QCOMPARE(text.size(), 32'000);
    QHash<QChar, int> counts;
    for (const QChar c : text)
        ++counts[c];
    QCOMPARE(counts.size(), 32);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() > 800 && it.value() < 1200, qPrintable(QString(it.key())));
    // An alphabet size that does not divide 256 goes through the rejection branch.
    const QString three = Secret::randomText(3000, u"abc");
    QCOMPARE(three.size(), 3000);
    QVERIFY(three.count(u'a') > 800 && three.count(u'b') > 800 && three.count(u'c') > 800);
}

void TestAuthCrypto::equalConstantTime()
{
    QVERIFY(Secret::equalConstantTime(QByteArray(), QByteArray()));
    QVERIFY(Secret::equalConstantTime("abc", "abc"));
    QVERIFY(!Secret::equalConstantTime("abc", "abd"));
    QVERIFY(!Secret::equalConstantTime("abc", "abcd"));
    QVERIFY(!Secret::equalConstantTime("", "a"));
}

QTEST_GUILESS_MAIN(TestAuthCrypto)
#include "TestAuthCrypto.moc"
