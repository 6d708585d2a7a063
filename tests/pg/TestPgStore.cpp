// The engine on a PostgreSQL store: opened by its URL like a file, refused with a clear error for
// a bad URL or a database that is not a store; writers that lease node ids of their own; and a
// change feed in commit order while several engines (nodes) write the same database at once.
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Connection.h"
#include "tests/support/PgServer.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::PgServer;
using souk::test::StoreFixture;

class TestPgStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensAndMigratesByUrl();
    void refusesWhatIsNotAStore_data();
    void refusesWhatIsNotAStore();
    void hidesThePassword();
    void writersLeaseTheirNodeIds();
    void reconnectsAfterTheDatabaseDropsIt();
    void aCommitWhoseAnswerIsLostHasAnUnknownOutcome();
    void feedFollowsCommitOrderAcrossNodes_data();
    void feedFollowsCommitOrderAcrossNodes();

private:
    /// A new database on the server, its URL.
    QString newDatabase();
    static Result<std::unique_ptr<LocalClient>> open(const QString& url, bool readOnly = false, bool audited = true);

    std::unique_ptr<PgServer> m_pg;
    int m_databases = 0;
};

void TestPgStore::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
}

QString TestPgStore::newDatabase()
{
    const QString name = u"store_%1"_s.arg(++m_databases);
    if (!m_pg->createDatabase(name))
        qFatal("cannot create %s: %s", qPrintable(name), qPrintable(m_pg->error()));
    return m_pg->url(name);
}

Result<std::unique_ptr<LocalClient>> TestPgStore::open(const QString& url, bool readOnly, bool audited)
{
    LocalClient::Options options;
    options.accessChecks = audited;
    options.store.path = url;
    options.store.readOnly = readOnly;
    options.actor = Actor{u"tester"_s, u"owner"_s};
    options.defaultCurrency = u"EUR"_s;
    options.defaultMerchantName = u"Test Shop"_s;
    options.provider = std::make_shared<payments::SimulatedProvider>(0);
    options.maintenanceIntervalMs = 0;
    return LocalClient::open(options);
}

void TestPgStore::opensAndMigratesByUrl()
{
    const QString url = newDatabase();
    // an extension's objects are not another program's tables: pg_auto_failover puts
    // pg_stat_statements in every database it makes
    QVERIFY(!m_pg->psql(u"CREATE EXTENSION pg_stat_statements"_s, url.section(u'/', -1)).isNull());
    {
        auto client = open(url);
        QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
        QVERIFY((*client)->engine().storeOptions().isPostgres());
        auto merchants = StoreFixture::wait((*client)->merchants());
        QVERIFY(merchants && merchants->size() == 1);
    }
    // a second open finds the store at its version and the merchant it made
    auto again = open(url);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    auto merchants = StoreFixture::wait((*again)->merchants());
    QVERIFY(merchants && merchants->size() == 1);
    QCOMPARE(m_pg->psql(u"SELECT version FROM souk_schema"_s, url.section(u'/', -1)), u"11"_s);
    auto problems = StoreFixture::wait((*again)->checkStore());
    QVERIFY(problems && problems->isEmpty());
}

void TestPgStore::refusesWhatIsNotAStore_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("field");    ///< the error's field, or empty
    QTest::addColumn<QString>("mentions"); ///< a word the message must hold
    QTest::newRow("not a URL") << u"postgresql://[::1"_s << false << u"store"_s << u"not valid"_s;
    QTest::newRow("unknown parameter") << u"postgresql://h/db?colour=red"_s << false << u"store"_s << u"colour"_s;
    QTest::newRow("nobody listens") << u"postgresql://souk@127.0.0.1:1/x?connect_timeout=2"_s << false << QString()
                                    << u"cannot connect"_s;
    QTest::newRow("no such database") << u"@missing"_s << false << QString() << u"\"nowhere\" does not exist"_s;
    QTest::newRow("another program's tables") << u"@foreign"_s << false << QString() << u"not a Souk store"_s;
    QTest::newRow("read-only, empty") << u"@empty"_s << true << QString() << u"no Souk store"_s;
}

void TestPgStore::refusesWhatIsNotAStore()
{
    QFETCH(QString, url);
    QFETCH(bool, readOnly);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    QString database;
    if (url == u"@missing") {
        url = m_pg->url(u"nowhere"_s);
    } else if (url.startsWith(u'@')) {
        url = newDatabase();
        database = url.section(u'/', -1);
        if (qstrcmp(QTest::currentDataTag(), "another program's tables") == 0)
            QVERIFY(!m_pg->psql(u"CREATE TABLE invoices (id bigint)"_s, database).isNull());
    }
    auto client = open(url, readOnly);
    QVERIFY(!client);
    QVERIFY2(client.error().message.contains(mentions), qPrintable(client.error().toString()));
    if (!field.isEmpty())
        QCOMPARE(client.error().field, field);
    if (!database.isEmpty()) // and nothing was made in it
        QCOMPARE(m_pg->psql(u"SELECT to_regclass('souk_schema') IS NULL"_s, database), u"t"_s);
}

void TestPgStore::hidesThePassword()
{
    QCOMPARE(store::StoreOptions::shown(u"postgresql://souk:s3cret@db1:5432,db2:5432/souk"_s),
             u"postgresql://souk:***@db1:5432,db2:5432/souk"_s);
    QCOMPARE(store::StoreOptions::shown(u"postgresql://souk@db1/souk"_s), u"postgresql://souk@db1/souk"_s);
    QCOMPARE(store::StoreOptions::shown(u"postgresql://db1/souk?user=souk&password=s3cret&sslmode=require"_s),
             u"postgresql://db1/souk?user=souk&password=***&sslmode=require"_s);
    QCOMPARE(store::StoreOptions::shown(u"postgresql://db1/souk?password=s3cret"_s),
             u"postgresql://db1/souk?password=***"_s);
    QCOMPARE(store::StoreOptions::shown(u"/var/lib/souk/store.souk"_s), u"/var/lib/souk/store.souk"_s);
}

namespace {

/// Follows the feed from seq 0 on a connection of its own, as a console would, until told to
/// stop and then once more: every change it saw, in the order it saw them.
class FeedFollower
{
public:
    explicit FeedFollower(const QString& url) : m_thread([this, url] { run(url); }) {}
    ~FeedFollower() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    const ChangeList& seen() const { return m_seen; }
    const QString& error() const { return m_error; }

private:
    void run(const QString& url)
    {
        store::StoreOptions options;
        options.path = url;
        options.readOnly = true;
        auto conn = store::Connection::open(options, u"follower"_s);
        if (!conn) {
            m_error = conn.error().toString();
            return;
        }
        qint64 after = 0;
        for (bool last = false; !last;) {
            last = m_stop.load(); // one more read after the writers are done
            auto page = store::ChangeFeed::readAfter((*conn)->db(), after, 500);
            if (!page) {
                m_error = page.error().toString();
                return;
            }
            m_seen += *page;
            if (!page->isEmpty()) {
                after = page->last().seq;
                last = false; // a full page may have more behind it
            }
        }
    }

    std::atomic<bool> m_stop{false};
    ChangeList m_seen;
    QString m_error;
    std::thread m_thread;
};

Id merchantOf(LocalClient& client)
{
    auto merchants = StoreFixture::wait(client.merchants());
    return merchants && !merchants->isEmpty() ? merchants->first().id : Id{};
}

catalog::Product product(Id merchant, int node, int i)
{
    catalog::Product p;
    p.merchantId = merchant;
    p.title = u"Node %1 item %2"_s.arg(node).arg(i);
    p.status = catalog::ProductStatus::Active;
    catalog::Variant v;
    v.sku = u"N%1-%2"_s.arg(node).arg(i);
    v.price = Money(100 + i, *Currency::find(u"EUR"));
    p.variants.append(v);
    return p;
}

} // namespace

void TestPgStore::feedFollowsCommitOrderAcrossNodes_data()
{
    QTest::addColumn<bool>("audited");
    // audited commands also hold the audit chain's lock from their first audit row to COMMIT;
    // without audit rows only the feed's own lock keeps the writers apart at the end
    QTest::newRow("audited") << true;
    QTest::newRow("without audit rows") << false;
}

void TestPgStore::feedFollowsCommitOrderAcrossNodes()
{
    QFETCH(bool, audited);
    // three engines with node ids 1-3 write one database at once, each through its own writer and
    // in batches of its own size; a follower reads the feed while they write
    constexpr int Nodes = 3;
    constexpr int PerNode = 120;
    const QString url = newDatabase();
    std::vector<std::unique_ptr<LocalClient>> nodes;
    for (int n = 1; n <= Nodes; ++n) {
        auto client = open(url, false, audited);
        QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
        nodes.push_back(std::move(client).value());
    }
    auto merchants = StoreFixture::wait(nodes[0]->merchants());
    QVERIFY(merchants && merchants->size() == 1);
    const Id merchant = merchants->first().id;

    // in rounds of one save per node: every round the three writers commit small transactions at
    // the same moment, the case where a feed numbered before commit would go wrong
    FeedFollower follower(url);
    std::set<qint64> saved;
    for (int i = 0; i < PerNode; ++i) {
        std::vector<QFuture<Result<catalog::Product>>> round;
        for (int n = 0; n < Nodes; ++n)
            round.push_back(nodes[size_t(n)]->saveProduct(product(merchant, n + 1, i)));
        for (auto& f : round) {
            f.waitForFinished();
            QVERIFY2(f.result(), qPrintable(f.result() ? QString() : f.result().error().toString()));
            saved.insert(f.result()->id.value);
        }
    }
    follower.stop();
    QVERIFY2(follower.error().isEmpty(), qPrintable(follower.error()));

    // every committed change exactly once, in seq order with no gap, and every product among them
    const ChangeList& seen = follower.seen();
    QVERIFY(!seen.isEmpty());
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY2(seen[i].seq == seen[i - 1].seq + 1,
                 qPrintable(u"seq %1 after %2"_s.arg(seen[i].seq).arg(seen[i - 1].seq)));
    QCOMPARE(seen.first().seq, 1);
    QCOMPARE(m_pg->psql(u"SELECT max(seq) FROM changes"_s, url.section(u'/', -1)), QString::number(seen.last().seq));
    std::set<qint64> created;
    for (const Change& c : seen) {
        if (c.entity == u"product" && c.op == ChangeOp::Created)
            created.insert(c.id.value);
    }
    QCOMPARE(created, saved);
    QCOMPARE(int(saved.size()), Nodes * PerNode);
    auto problems = StoreFixture::wait(nodes[0]->checkStore());
    QVERIFY2(problems && problems->isEmpty(),
             qPrintable(problems ? problems->join(u'\n') : problems.error().toString()));
}

void TestPgStore::writersLeaseTheirNodeIds()
{
    // nodes writing one store make ids under node ids of their own, leased from the store: two
    // at once get two, a reader takes none, and an id given back at a clean close is the next
    // node's (the lowest free one)
    const QString url = newDatabase();
    auto first = open(url);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    auto second = open(url);
    QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
    const int a = (*first)->engine().nodeId();
    const int b = (*second)->engine().nodeId();
    QCOMPARE(a, 1);
    QCOMPARE(b, 2);
    auto reader = open(url, true);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().toString()));
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM node_leases"_s, url.section(u'/', -1)), u"2"_s);
    // what each makes carries its node
    auto p1 = StoreFixture::wait((*first)->saveProduct(product(merchantOf(**first), 1, 0)));
    auto p2 = StoreFixture::wait((*second)->saveProduct(product(merchantOf(**first), 2, 0)));
    QVERIFY(p1 && p2);
    QCOMPARE(IdGenerator::nodeOf(p1->id), a);
    QCOMPARE(IdGenerator::nodeOf(p2->id), b);
    first->reset();
    QCOMPARE(m_pg->psql(u"SELECT node_id FROM node_leases"_s, url.section(u'/', -1)), u"2"_s);
    auto third = open(url);
    QVERIFY2(third, qPrintable(third ? QString() : third.error().toString()));
    QCOMPARE((*third)->engine().nodeId(), 1);
}

void TestPgStore::reconnectsAfterTheDatabaseDropsIt()
{
    // the server ends every session of the store (as a restart or a failover does): the next
    // write and the next read open their connections again and succeed, with no restart
    const QString url = newDatabase();
    const QString name = url.section(u'/', -1);
    auto client = open(url);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
    const Id merchant = merchantOf(**client);
    QVERIFY(StoreFixture::wait((*client)->saveProduct(product(merchant, 1, 1))));
    QVERIFY(StoreFixture::wait((*client)->merchants()));
    const QString ended = m_pg->psql(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                                     "datname = current_database() AND pid <> pg_backend_pid()"_s,
                                     name);
    QVERIFY2(ended.toInt() >= 2, qPrintable(ended)); // the writer's, a reader's, the lease's
    const auto saved = StoreFixture::wait((*client)->saveProduct(product(merchant, 1, 2)));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    for (int i = 0; i < 4; ++i) { // every reader of the pool
        const auto read = StoreFixture::wait((*client)->product(saved->id));
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read->title, saved->title);
    }
    auto problems = StoreFixture::wait((*client)->checkStore());
    QVERIFY2(problems && problems->isEmpty(),
             qPrintable(problems ? problems->join(u'\n') : problems.error().toString()));
}

void TestPgStore::aCommitWhoseAnswerIsLostHasAnUnknownOutcome()
{
    // the writer's session ends during its COMMIT (a deferred trigger ends it, where a failover
    // would cut it): the command is told to try again, and that it may have taken effect, so
    // that only a retry under its idempotency key is safe (the API's "outcome": "unknown")
    const QString url = newDatabase();
    const QString name = url.section(u'/', -1);
    auto client = open(url);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
    const Id merchant = merchantOf(**client);
    const QString made =
        m_pg->psql(u"CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$; "
                   "CREATE CONSTRAINT TRIGGER end_at_commit AFTER INSERT ON products DEFERRABLE INITIALLY DEFERRED "
                   "FOR EACH ROW EXECUTE FUNCTION end_session()"_s,
                   name);
    QVERIFY2(!made.isNull(), qPrintable(m_pg->error()));
    const auto lost = StoreFixture::wait((*client)->saveProduct(product(merchant, 1, 1)));
    QVERIFY2(!lost, "a command whose COMMIT ended the session was reported as done");
    QCOMPARE(lost.error().code, ErrorCode::Unavailable);
    QVERIFY2(lost.error().outcomeUnknown, qPrintable(lost.error().toString()));
    QVERIFY(!m_pg->psql(u"DROP TRIGGER end_at_commit ON products"_s, name).isNull());
    const auto saved = StoreFixture::wait((*client)->saveProduct(product(merchant, 1, 2)));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
}

QTEST_MAIN(TestPgStore)
#include "TestPgStore.moc"
