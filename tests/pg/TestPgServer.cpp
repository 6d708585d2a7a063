#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using souk::test::PgServer;

/// The pg tests' own server: a throwaway PostgreSQL 15 that starts as the right user, answers
/// through Qt's PostgreSQL driver, keeps committed rows through a SIGKILL, and is gone after.
class TestPgServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersThroughQtsDriver();
    void committedRowsSurviveAKill();
    void cleanupTestCase();

private:
    QSqlDatabase open(const QString& name);

    std::unique_ptr<PgServer> m_pg;
};

void TestPgServer::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QVERIFY(m_pg->createDatabase(u"souk_test"_s));
}

QSqlDatabase TestPgServer::open(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(u"127.0.0.1"_s);
    db.setPort(m_pg->port());
    db.setUserName(u"souk"_s);
    db.setDatabaseName(u"souk_test"_s);
    return db;
}

void TestPgServer::answersThroughQtsDriver()
{
    {
        QSqlDatabase db = open(u"a"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT current_setting('server_version_num')::int, current_user"_s));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() / 10000 == 15, qPrintable(q.value(0).toString()));
        QCOMPARE(q.value(1).toString(), u"souk"_s);
        QVERIFY(q.exec(u"CREATE TABLE t (id bigint PRIMARY KEY, note text NOT NULL)"_s));
        QVERIFY(q.exec(u"INSERT INTO t VALUES (9007199254740993, 'ok')"_s)); // past 2^53: 64-bit ids
        QVERIFY(q.exec(u"SELECT id FROM t"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 9007199254740993LL);
    }
    QSqlDatabase::removeDatabase(u"a"_s);
    QCOMPARE(m_pg->psql(u"SELECT note FROM t"_s, u"souk_test"_s), u"ok"_s);
}

void TestPgServer::committedRowsSurviveAKill()
{
    QCOMPARE(m_pg->psql(u"INSERT INTO t VALUES (2, 'before the kill') RETURNING id"_s, u"souk_test"_s), u"2"_s);
    QVERIFY(m_pg->kill());
    QVERIFY(!m_pg->running());
    QVERIFY(m_pg->psql(u"SELECT 1"_s).isNull()); // nobody answers
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM t"_s, u"souk_test"_s), u"2"_s);
    QVERIFY(m_pg->stop());
    QVERIFY(m_pg->start());
    QCOMPARE(m_pg->psql(u"SELECT note FROM t WHERE id = 2"_s, u"souk_test"_s), u"before the kill"_s);
}

void TestPgServer::cleanupTestCase()
{
    m_pg.reset();
}

QTEST_GUILESS_MAIN(TestPgServer)
#include "TestPgServer.moc"
