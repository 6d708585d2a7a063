// Node ids leased from the shared PostgreSQL store: the lowest free one, distinct for nodes that
// start together, taken over after a lease runs out, and the old holder told when it renews.
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

#include "backend/store/NodeLease.h"
#include "backend/store/NodeLeaseKeeper.h"
#include "backend/store/PgMigrations.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::store;
using souk::test::PgServer;

class TestPgNodeLease : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void takesTheLowestFreeId();
    void nodesStartingTogetherGetDistinctIds();
    void anExpiredLeaseIsTakenOverAndTheOldHolderTold();
    void renewingExtendsTheLease();
    void whenEveryIdIsHeldItSaysSo();
    void refusesBadArguments();
    void theKeeperRenewsAndStopsWhenTakenOver();
    void cleanupTestCase();

private:
    QSqlDatabase open(const QString& connection);

    std::unique_ptr<PgServer> m_pg;
};

void TestPgNodeLease::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QVERIFY(m_pg->createDatabase(u"souk"_s));
    QSqlDatabase db = open(u"main"_s);
    QVERIFY(PgMigrations::migrate(db));
}

void TestPgNodeLease::init()
{
    QVERIFY(!m_pg->psql(u"DELETE FROM node_leases"_s, u"souk"_s).isNull());
}

void TestPgNodeLease::theKeeperRenewsAndStopsWhenTakenOver()
{
    // a writer's keeper: renews its lease well before it runs out, so ids go on being made; once
    // another holder has the id it says so, and its node writes no more
    StoreOptions options;
    options.path = m_pg->url(u"souk"_s);
    auto keeper = NodeLeaseKeeper::start(options, 1023, 1500);
    QVERIFY2(keeper, qPrintable(keeper ? QString() : keeper.error().toString()));
    const int id = (*keeper)->nodeId();
    QCOMPARE(id, 1);
    QTest::qWait(4000); // over two and a half leases: renewed meanwhile, or it would have run out
    QVERIFY2(!(*keeper)->lost(), qPrintable((*keeper)->lost() ? (*keeper)->lost()->toString() : QString()));
    QVERIFY(
        !m_pg->psql(
                 u"UPDATE node_leases SET holder = 'successor', expires_ms = expires_ms + 600000 WHERE node_id = %1"_s
                     .arg(id),
                 u"souk"_s)
             .isNull());
    QTRY_VERIFY_WITH_TIMEOUT((*keeper)->lost().has_value(), 2000);
    QCOMPARE((*keeper)->lost()->code, ErrorCode::Unavailable);
    QVERIFY((*keeper)->lost()->message.contains(u"taken over"_s));
    keeper->reset(); // taken over: the successor's row is left alone
    QCOMPARE(m_pg->psql(u"SELECT holder FROM node_leases WHERE node_id = %1"_s.arg(id), u"souk"_s), u"successor"_s);

    // a clean stop gives the id back
    auto again = NodeLeaseKeeper::start(options, 1023, 1500);
    QVERIFY(again);
    QCOMPARE((*again)->nodeId(), 2); // 1 is the successor's
    const int second = (*again)->nodeId();
    again->reset();
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM node_leases WHERE node_id = %1"_s.arg(second), u"souk"_s), u"0"_s);
}

void TestPgNodeLease::cleanupTestCase()
{
    for (const QString& name : QSqlDatabase::connectionNames())
        QSqlDatabase::removeDatabase(name);
    m_pg.reset();
}

QSqlDatabase TestPgNodeLease::open(const QString& connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    db.setHostName(u"127.0.0.1"_s);
    db.setPort(m_pg->port());
    db.setUserName(u"souk"_s);
    db.setDatabaseName(u"souk"_s);
    if (!db.open())
        qWarning().noquote() << db.lastError().text();
    return db;
}

void TestPgNodeLease::takesTheLowestFreeId()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    const auto a = NodeLease::take(db, u"a"_s, 60'000, 1023);
    const auto b = NodeLease::take(db, u"b"_s, 60'000, 1023);
    QVERIFY(a && b);
    QCOMPARE(a->nodeId, 1);
    QCOMPARE(b->nodeId, 2);
    QVERIFY(NodeLease::release(db, *a));
    const auto c = NodeLease::take(db, u"c"_s, 60'000, 1023);
    QVERIFY(c);
    QCOMPARE(c->nodeId, 1); // a clean stop gives its id back at once
    QCOMPARE(m_pg->psql(u"SELECT holder FROM node_leases ORDER BY node_id"_s, u"souk"_s), u"c\nb"_s);
}

void TestPgNodeLease::nodesStartingTogetherGetDistinctIds()
{
    constexpr int Nodes = 12;
    QMutex lock;
    QList<int> ids;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Nodes; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            const QString name = u"node-%1"_s.arg(i);
            {
                QSqlDatabase db = open(name);
                const auto held = NodeLease::take(db, name, 60'000, 1023);
                QMutexLocker locked(&lock);
                if (held)
                    ids << held->nodeId;
                else
                    failures << held.error().toString();
            }
            QSqlDatabase::removeDatabase(name);
        }));
    }
    for (auto& t : threads)
        t->start();
    for (auto& t : threads)
        QVERIFY(t->wait(60'000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    std::sort(ids.begin(), ids.end());
    QList<int> expected;
    for (int i = 1; i <= Nodes; ++i)
        expected << i;
    QCOMPARE(ids, expected); // each once, and the lowest ones
}

void TestPgNodeLease::anExpiredLeaseIsTakenOverAndTheOldHolderTold()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    const auto paused = NodeLease::take(db, u"paused"_s, 300, 1023);
    QVERIFY(paused);
    const auto other = NodeLease::take(db, u"other"_s, 60'000, 1023);
    QVERIFY(other && other->nodeId != paused->nodeId); // held: not taken
    QTest::qWait(400);
    QVERIFY(paused->validFor.hasExpired()); // it stopped making ids when its lease ran out
    const auto tooSoon = NodeLease::take(db, u"eager"_s, 60'000, 1023);
    QVERIFY(tooSoon && tooSoon->nodeId != paused->nodeId); // run out, but inside the grace: not yet
    QTest::qWait(300);
    const auto successor = NodeLease::take(db, u"successor"_s, 60'000, 1023);
    QVERIFY(successor);
    QCOMPARE(successor->nodeId, paused->nodeId); // ran out: the lowest free id again
    const auto late = NodeLease::renew(db, *paused, 60'000);
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::Conflict);
    QCOMPARE(late.error().field, u"nodeId"_s);
    QVERIFY(late.error().message.contains(u"must stop"_s));
    QVERIFY(NodeLease::release(db, *paused)); // releasing what is no longer its own changes nothing
    QCOMPARE(m_pg->psql(u"SELECT holder FROM node_leases WHERE node_id = %1"_s.arg(paused->nodeId), u"souk"_s),
             u"successor"_s);
}

void TestPgNodeLease::renewingExtendsTheLease()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    const auto held = NodeLease::take(db, u"steady"_s, 300, 1023);
    QVERIFY(held);
    QVERIFY(!held->validFor.hasExpired());
    QVERIFY(held->validFor.remainingTime() <= 300);
    QTest::qWait(50);
    const auto renewed = NodeLease::renew(db, *held, 600);
    QVERIFY(renewed);
    QVERIFY(renewed->expiresMs > held->expiresMs + 300);
    QVERIFY(renewed->validFor.remainingTime() > held->validFor.remainingTime());
    QTest::qWait(700); // past the first expiry and its grace, inside the renewed lease
    const auto newcomer = NodeLease::take(db, u"newcomer"_s, 60'000, 1023);
    QVERIFY(newcomer && newcomer->nodeId != held->nodeId);
}

void TestPgNodeLease::whenEveryIdIsHeldItSaysSo()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    for (const QString& name : {u"x"_s, u"y"_s, u"z"_s})
        QVERIFY(NodeLease::take(db, name, 60'000, 3));
    const auto none = NodeLease::take(db, u"fourth"_s, 60'000, 3);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::Conflict);
    QCOMPARE(none.error().field, u"nodeId"_s);
    QVERIFY(none.error().message.contains(u"1 to 3"_s));
}

void TestPgNodeLease::refusesBadArguments()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    const auto noName = NodeLease::take(db, QString(), 60'000, 1023);
    QVERIFY(!noName);
    QCOMPARE(noName.error().field, u"holder"_s);
    const auto noTime = NodeLease::take(db, u"a"_s, 0, 1023);
    QVERIFY(!noTime);
    QCOMPARE(noTime.error().field, u"ttlMs"_s);
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM node_leases"_s, u"souk"_s), u"0"_s); // nothing taken
}

QTEST_GUILESS_MAIN(TestPgNodeLease)
#include "TestPgNodeLease.moc"
