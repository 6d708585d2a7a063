// The people commands whose answer holds a secret shown once, over real HTTPS against the real
// soukd: a POST repeated with the same Idempotency-Key (a client whose answer was lost) gets the
// same status and body, secret included, and acts once; the same key with another body is
// refused with problem+json naming Idempotency-Key, and changes nothing.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

#include "backend/auth/Totp.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::auth::Totp;
using souk::test::NodeFixture;

namespace {

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestNodeOnceSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void addUserRepeatedAnswersTheSamePassword();
    void createApiKeyRepeatedAnswersTheSameKey();
    void totpEnrolmentRepeatedAnswersTheSameSecretAndCodes();
    void storeKeepsNoSecret(); // last: stops the node

private:
    NodeFixture::Reply post(const QString& path, const QString& bearer, const QByteArray& body, const QString& key)
    {
        return m_node->request("POST", path, bearer, body,
                               {{"Idempotency-Key", key.toLatin1()}, {"Content-Type", "application/json"}});
    }
    NodeFixture::Reply get(const QString& path) { return m_node->request("GET", path, m_node->seeded().adminKey); }
    /// Every user and key as the admin lists them, without when a key was last used.
    QByteArray people();

    std::unique_ptr<NodeFixture> m_node;
    QStringList m_secrets; ///< every secret answered, for storeKeepsNoSecret
};

void TestNodeOnceSecrets::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
}

void TestNodeOnceSecrets::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

QByteArray TestNodeOnceSecrets::people()
{
    QByteArray out = get(u"/v1/users?limit=1000"_s).body + '\n';
    for (const QJsonValue& k : get(u"/v1/api_keys?limit=1000"_s).json()[u"data"_s].toArray())
        out += k[u"id"_s].toString().toUtf8() + ' ' + k[u"name"_s].toString().toUtf8() + '\n';
    return out;
}

void TestNodeOnceSecrets::addUserRepeatedAnswersTheSamePassword()
{
    const auto& s = m_node->seeded();
    const QString key = souk::test::newKey();
    const QByteArray body = json(
        {{u"user"_s,
          QJsonObject{{u"name"_s, u"nina"_s}, {u"role"_s, u"staff"_s}, {u"merchant_id"_s, s.merchantA.toString()}}}});
    const auto first = post(u"/v1/users"_s, s.ownerAKey, body, key);
    QVERIFY2(first.status == 201, qPrintable(first.describe()));
    const QString password = first.json()[u"one_time_password"_s].toString();
    QVERIFY(password.size() >= 12);
    m_secrets << password;
    const auto again = post(u"/v1/users"_s, s.ownerAKey, body, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);

    const QByteArray before = people();
    QCOMPARE(before.count("\"name\":\"nina\""), 1);
    const QByteArray other = json(
        {{u"user"_s,
          QJsonObject{{u"name"_s, u"nils"_s}, {u"role"_s, u"staff"_s}, {u"merchant_id"_s, s.merchantA.toString()}}}});
    QCOMPARE_PROBLEM(post(u"/v1/users"_s, s.ownerAKey, other, key), 409, "idempotency_conflict", "Idempotency-Key");
    QCOMPARE(people(), before);
}

void TestNodeOnceSecrets::createApiKeyRepeatedAnswersTheSameKey()
{
    const auto& s = m_node->seeded();
    const auto users = get(u"/v1/users?limit=1000"_s);
    QString stan;
    for (const QJsonValue& u : users.json()[u"data"_s].toArray())
        if (u[u"name"_s].toString() == u"stan"_s)
            stan = u[u"id"_s].toString();
    QVERIFY2(!stan.isEmpty(), qPrintable(users.describe()));
    const QString key = souk::test::newKey();
    const QByteArray body = json({{u"user_id"_s, stan}, {u"name"_s, u"label printer"_s}});
    const auto first = post(u"/v1/api_keys"_s, s.ownerAKey, body, key);
    QVERIFY2(first.status == 201, qPrintable(first.describe()));
    const QString secret = first.json()[u"secret"_s].toString();
    QVERIFY(secret.startsWith(u"sk_"_s));
    m_secrets << secret;
    const auto again = post(u"/v1/api_keys"_s, s.ownerAKey, body, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    const QByteArray before = people();
    QCOMPARE(before.count(" label printer\n"), 1);
    // the replayed key is a working one
    QCOMPARE(m_node->request("GET", u"/v1/merchants"_s, secret).status, 200);

    const QByteArray other = json({{u"user_id"_s, stan}, {u"name"_s, u"scanner"_s}});
    QCOMPARE_PROBLEM(post(u"/v1/api_keys"_s, s.ownerAKey, other, key), 409, "idempotency_conflict", "Idempotency-Key");
    QCOMPARE(people(), before);
}

void TestNodeOnceSecrets::totpEnrolmentRepeatedAnswersTheSameSecretAndCodes()
{
    const auto& s = m_node->seeded();
    const QString beginKey = souk::test::newKey();
    const auto begun = post(u"/v1/me/totp"_s, s.ownerAKey, {}, beginKey);
    QVERIFY2(begun.status == 200, qPrintable(begun.describe()));
    const auto begunAgain = post(u"/v1/me/totp"_s, s.ownerAKey, {}, beginKey);
    QCOMPARE(begunAgain.status, 200);
    QCOMPARE(begunAgain.body, begun.body);
    const QString base32 = begun.json()[u"secret_base32"_s].toString();
    m_secrets << base32;
    const auto secret = Totp::fromBase32(base32);
    QVERIFY(secret);

    const QString confirmKey = souk::test::newKey();
    const QString code = Totp::code(*secret, Totp::stepAt(QDateTime::currentMSecsSinceEpoch()));
    const QByteArray body = json({{u"code"_s, code}});
    const auto confirmed = post(u"/v1/me/totp/confirm"_s, s.ownerAKey, body, confirmKey);
    QVERIFY2(confirmed.status == 200, qPrintable(confirmed.describe())); // the first secret's code
    const QJsonArray codes = QJsonDocument::fromJson(confirmed.body).array();
    QCOMPARE(codes.size(), 10);
    for (const QJsonValue& c : codes)
        m_secrets << c.toString();
    const auto confirmedAgain = post(u"/v1/me/totp/confirm"_s, s.ownerAKey, body, confirmKey);
    QCOMPARE(confirmedAgain.status, 200);
    QCOMPARE(confirmedAgain.body, confirmed.body);
    const QByteArray other = json({{u"code"_s, code == u"000000"_s ? u"111111"_s : u"000000"_s}});
    QCOMPARE_PROBLEM(post(u"/v1/me/totp/confirm"_s, s.ownerAKey, other, confirmKey), 409, "idempotency_conflict",
                     "Idempotency-Key");
}

void TestNodeOnceSecrets::storeKeepsNoSecret()
{
    QVERIFY(m_secrets.size() >= 13);
    QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    QFile store(m_node->storePath());
    QVERIFY(store.open(QIODevice::ReadOnly));
    QByteArray bytes = store.readAll();
    QFile wal(m_node->storePath() + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    QVERIFY(bytes.size() > 4096);
    for (const QString& secret : std::as_const(m_secrets))
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret.left(6)));
}

QTEST_GUILESS_MAIN(TestNodeOnceSecrets)
#include "TestNodeOnceSecrets.moc"
