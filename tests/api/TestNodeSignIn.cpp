#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "backend/auth/Totp.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::auth::Totp;
using souk::test::NodeFixture;

/// Sign-in over the network, attacked: a wrong password, a wrong and a replayed second-factor
/// code, a session that expired. Each answer is 401 problem+json with its code and field, and
/// opens nothing.
class TestNodeSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPasswordOpensNothing();
    void expiredSessionIs401();
    void wrongAndReplayedCodesAre401();

private:
    NodeFixture::Reply signIn(const QString& password, const QString& code = {})
    {
        const QJsonObject body{{u"user"_s, m_node->seeded().ownerAName}, {u"password"_s, password}, {u"code"_s, code}};
        return m_node->request("POST", u"/v1/sessions"_s, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    /// Runs `sql` on the store beside the running node, as another program on the machine would.
    qint64 onStore(const QString& sql)
    {
        const QString name = u"side-"_s + QString::number(++m_sideConnections);
        qint64 out = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_node->storePath());
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql))
                    out = q.next() ? q.value(0).toLongLong() : q.numRowsAffected();
                else
                    qWarning() << q.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }
    qint64 liveSessions() { return onStore(u"SELECT count(*) FROM sessions WHERE revoked_ms IS NULL"_s); }

    std::unique_ptr<NodeFixture> m_node;
    int m_sideConnections = 0;
};

void TestNodeSignIn::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
}

void TestNodeSignIn::cleanupTestCase()
{
    if (m_node && m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
}

void TestNodeSignIn::wrongPasswordOpensNothing()
{
    const qint64 before = liveSessions();
    const auto r = signIn(u"not olga's password at all"_s);
    QCOMPARE_PROBLEM(r, 401, "unauthenticated", "");
    QVERIFY2(!r.body.contains("st_"), r.body.constData());
    QCOMPARE(liveSessions(), before);
}

void TestNodeSignIn::expiredSessionIs401()
{
    const auto opened = signIn(m_node->seeded().ownerAPassword);
    QVERIFY2(opened.status == 201, qPrintable(opened.describe()));
    const QString token = opened.json().value(u"token"_s).toString();
    QCOMPARE(m_node->request("GET", u"/v1/sessions/current"_s, token).status, 200);
    // the session's end comes (set on the store: the node's clock is the machine's); a yes the
    // node remembered holds at most a few seconds, then the store's answer counts
    const QByteArray hash = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().toUpper();
    QCOMPARE(onStore(u"UPDATE sessions SET expires_ms = 1 WHERE hex(token_hash) = '%1'"_s.arg(QString::fromLatin1(hash))), 1);
    QTest::qWait(5'500);
    const auto r = m_node->request("GET", u"/v1/orders"_s, token);
    QCOMPARE_PROBLEM(r, 401, "unauthenticated", "Authorization");
    QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
}

void TestNodeSignIn::wrongAndReplayedCodesAre401()
{
    const QString key = m_node->seeded().ownerAKey;
    const auto begun = m_node->request("POST", u"/v1/me/totp"_s, key, {},
                                       {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
    QVERIFY2(begun.status == 200 || begun.status == 201, qPrintable(begun.describe()));
    const auto secret = Totp::fromBase32(begun.json().value(u"secret_base32"_s).toString());
    QVERIFY2(secret, begun.body.constData());
    const qint64 step = Totp::stepAt(QDateTime::currentMSecsSinceEpoch());
    const QString code = Totp::code(*secret, step);
    const auto confirmed = m_node->request("POST", u"/v1/me/totp/confirm"_s, key,
                                           QJsonDocument(QJsonObject{{u"code"_s, code}}).toJson(),
                                           {{"Idempotency-Key", souk::test::newKey().toLatin1()},
                                            {"Content-Type", "application/json"}});
    QVERIFY2(confirmed.status == 200 || confirmed.status == 201, qPrintable(confirmed.describe()));

    const qint64 before = liveSessions();
    // the password alone no longer opens a session: the code is asked for
    QCOMPARE_PROBLEM(signIn(m_node->seeded().ownerAPassword), 401, "unauthenticated", "code");
    // the code that confirmed the factor was used: replayed, it is refused
    QCOMPARE_PROBLEM(signIn(m_node->seeded().ownerAPassword, code), 401, "unauthenticated", "code");
    // a code of no step near now
    const QString wrong = Totp::code(*secret, step + 1000);
    QCOMPARE_PROBLEM(signIn(m_node->seeded().ownerAPassword, wrong), 401, "unauthenticated", "code");
    QCOMPARE(liveSessions(), before);

    // the next step's code opens one session, once
    const QString next = Totp::code(*secret, step + 1);
    const auto opened = signIn(m_node->seeded().ownerAPassword, next);
    QVERIFY2(opened.status == 201, qPrintable(opened.describe()));
    QCOMPARE(liveSessions(), before + 1);
    QCOMPARE_PROBLEM(signIn(m_node->seeded().ownerAPassword, next), 401, "unauthenticated", "code");
    QCOMPARE(liveSessions(), before + 1);
}

QTEST_GUILESS_MAIN(TestNodeSignIn)
#include "TestNodeSignIn.moc"
