// The cluster under faults, Jepsen's way: clients on three soukd nodes place orders, authorize,
// capture, refund and pay out, each command under its idempotency key and sent again while the
// answer is "try again", while nodes are killed with SIGKILL (and started again) and the
// PostgreSQL primary of tools/cluster.sh's pair is killed, its standby promoted, and the killed
// node started again to rejoin as the standby, round after round. Afterwards:
// - no command failed other than as "try again", none was left without an answer;
// - every acknowledged command exists exactly once: its key replays what it named, and the store
//   holds as many orders, payments, captures, refunds and payouts as the keys named, no more;
// - every ledger entry balances and `soukctl check` passes on the PostgreSQL store;
// - each client's change feed saw every change once, in seq order, across the moves.
// Each round kills every node once and the primary once. SOUK_CHAOS_ROUNDS=N runs N rounds
// (default 2: two failovers, the second to the node the first one lost).
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <deque>
#include <memory>

#include "backend/client/RemoteClient.h"
#include "tests/api/ChaosWorker.h"
#include "tests/api/NodeFixture.h"
#include "tests/api/PgPair.h"
#include "tests/contract/ContractHarness.h"
#include "tests/support/Keys.h"
#include "tests/support/PgServer.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using souk::test::ChaosOp;
using souk::test::ChaosWorker;
using souk::test::NodeFixture;

namespace {

constexpr int Workers = 3;
constexpr int WaitMs = 30'000;
constexpr int SettleMs = 2 * ChaosWorker::OpDeadlineMs;

/// A client of the cluster and the seqs its change feed delivered.
struct Follower
{
    std::shared_ptr<souk::RemoteClient> client;
    qint64 from = 0;
    QList<qint64> seqs;
};

class TestClusterChaos final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void acknowledgedCommandsSurviveKillsAndFailovers();
    void cleanupTestCase();

private:
    std::shared_ptr<souk::RemoteClient> connect(int firstNode, bool stream);
    void follow(Follower& f);
    /// Kills and starts nodes and the primary while the workers run; the faults, for the log.
    QStringList runFaults(int rounds);
    bool killNode(int node);
    bool restartNode(int node);
    void checkHistory();
    void checkFeeds(std::vector<Follower>& followers);
    /// Each command sent again under its key: what it names now, per kind; checks the acknowledged.
    QHash<QString, QSet<QString>> replayAll();
    void checkStore(const QHash<QString, QSet<QString>>& named);
    QSet<QString> idsOf(const QString& sql);
    /// The primary the fixture's node says it writes to (its /metrics), "" before it has looked.
    QString primaryTold();
    /// Whether the fixture's node says a standby streams from the primary (its /metrics).
    bool standbyStreaming();

    souk::test::PgPair m_pair;
    std::unique_ptr<NodeFixture> m_node;
    QList<quint16> m_ports;
    souk::Id m_customer;
    QSet<QString> m_payoutsBefore;
    std::deque<ChaosOp> m_history;
    std::vector<std::unique_ptr<ChaosWorker>> m_workers;
    std::vector<Follower> m_followers; ///< before the workers go, they go (cleanupTestCase)
    QList<qint64> m_primaryKillsMs;    ///< when each primary was killed (Unix ms)
};

void TestClusterChaos::initTestCase()
{
    QVERIFY2(souk::test::PgServer::available(), "PostgreSQL 15 is not installed (postgresql-15)");
    QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
    qputenv("SOUK_TEST_STORE", "postgresql");
    qputenv("SOUK_TEST_PG_URL", m_pair.url().toUtf8());
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
    QCOMPARE(m_node->startPeer(), 0);
    QCOMPARE(m_node->startPeer(), 1);
    m_ports = {m_node->port(), m_node->peerPort(0), m_node->peerPort(1)};
    auto admin = connect(0, true);
    QVERIFY(admin);
    souk::orders::Customer c;
    c.name = u"Chaos Monkey"_s;
    c.email = u"chaos@example.com"_s;
    const auto customer = souk::test::settle(admin->createCustomer(c, souk::test::newKey()));
    QVERIFY2(customer, qPrintable(customer ? QString() : customer.error().toString()));
    m_customer = customer->id;
    souk::catalog::StockAdjustment stock;
    stock.variantId = m_node->seeded().variantA;
    stock.locationId = m_node->seeded().locationA;
    stock.kind = souk::catalog::MovementKind::Received;
    stock.delta = 1'000'000;
    stock.reason = u"chaos test"_s;
    QVERIFY(souk::test::settle(admin->adjustStock(stock, souk::test::newKey())));
    m_payoutsBefore = idsOf(u"SELECT id FROM payouts"_s);
    // the nodes tell of the database: the primary, and its standby streaming with a lag they may read
    QTRY_VERIFY_WITH_TIMEOUT(!primaryTold().isEmpty(), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(standbyStreaming(), WaitMs);
    const QString metrics = QString::fromUtf8(m_node->request("GET", u"/metrics"_s).body);
    QVERIFY2(metrics.contains(QRegularExpression(u"souk_db_replication_lag_bytes\\{[^}]*\\} [0-9]"_s)),
             "the nodes' role cannot read the standby's lag (pg_monitor)");
}

bool TestClusterChaos::standbyStreaming()
{
    static const QRegularExpression line(u"souk_db_standby_info\\{[^}]*state=\"streaming\"[^}]*\\} 1\n"_s);
    return QString::fromUtf8(m_node->request("GET", u"/metrics"_s).body).contains(line);
}

QString TestClusterChaos::primaryTold()
{
    static const QRegularExpression line(u"souk_db_primary_info\\{primary=\"([^\"]+)\"\\} 1\n"_s);
    return line.match(QString::fromUtf8(m_node->request("GET", u"/metrics"_s).body)).captured(1);
}

void TestClusterChaos::cleanupTestCase()
{
    for (Follower& f : m_followers)
        QObject::disconnect(f.client.get(), &souk::Client::changed, nullptr, nullptr);
    m_workers.clear();
    m_followers.clear();
    m_node.reset(); // the nodes first, then the pair (m_pair's destructor)
}

std::shared_ptr<souk::RemoteClient> TestClusterChaos::connect(int firstNode, bool stream)
{
    souk::RemoteClient::Options o;
    const auto urlOf = [](quint16 port) { return QUrl(u"https://127.0.0.1:%1"_s.arg(port)); };
    o.url = urlOf(m_ports[firstNode]);
    o.fingerprint = m_node->fingerprint(); // the nodes share one certificate here
    for (int i = 1; i < m_ports.size(); ++i)
        o.otherNodes.append({urlOf(m_ports[(firstNode + i) % m_ports.size()]), m_node->fingerprint()});
    o.apiKey = m_node->seeded().adminKey;
    o.nodeCheckMs = 500;
    o.timeoutMs = 15'000;
    o.preferStream = stream;
    o.feedWaitS = 5;
    auto connected = souk::test::settle(souk::RemoteClient::connectTo(o), WaitMs);
    if (!connected) {
        qWarning().noquote() << connected.error().toString();
        return nullptr;
    }
    return *connected;
}

void TestClusterChaos::follow(Follower& f)
{
    QVERIFY(QTest::qWaitFor([&] { return f.client->feedSeq() >= 0; }, WaitMs));
    f.from = f.client->feedSeq();
    QObject::connect(f.client.get(), &souk::Client::changed, f.client.get(), [&f](const souk::ChangeList& changes) {
        for (const souk::Change& c : changes)
            f.seqs << c.seq;
    });
}

void TestClusterChaos::acknowledgedCommandsSurviveKillsAndFailovers()
{
    const int rounds =
        qEnvironmentVariableIsSet("SOUK_CHAOS_ROUNDS") ? qMax(1, qEnvironmentVariableIntValue("SOUK_CHAOS_ROUNDS")) : 2;
    // a member: the workers keep their clients (and so the feeds' signals) past an early return
    std::vector<Follower>& followers = m_followers;
    followers.resize(Workers + 1);
    for (int i = 0; i < Workers + 1; ++i) {
        // the workers follow by stream; one more client only follows, by long poll
        followers[i].client = connect(i % Workers, i < Workers);
        QVERIFY(followers[i].client);
        follow(followers[i]);
    }
    const souk::test::ChaosPlan plan{m_node->seeded().merchantA, m_customer, m_node->seeded().skuA};
    for (int i = 0; i < Workers; ++i) {
        m_workers.push_back(std::make_unique<ChaosWorker>(i, followers[i].client, plan, m_history));
        m_workers.back()->start();
    }
    const QStringList faults = runFaults(rounds);
    for (auto& w : m_workers)
        w->stop();
    QVERIFY2(QTest::qWaitFor(
                 [&] { return std::all_of(m_workers.begin(), m_workers.end(), [](auto& w) { return w->idle(); }); },
                 SettleMs),
             "the workers did not finish their last flows");
    qInfo().noquote() << "faults:" << faults.join(u"; "_s);
    checkHistory();
    if (QTest::currentTestFailed())
        return;
    checkFeeds(followers);
    if (QTest::currentTestFailed())
        return;
    const auto named = replayAll();
    if (QTest::currentTestFailed())
        return;
    checkStore(named);
}

bool TestClusterChaos::killNode(int node)
{
    return node == 0 ? m_node->kill() : m_node->killPeer(node - 1);
}

bool TestClusterChaos::restartNode(int node)
{
    // as systemd's Restart=on-failure would: a node started while the database fails over
    // stops at once (it cannot open the store), and is started again a second later
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2 * WaitMs) {
        if (node == 0 ? m_node->restart() : m_node->restartPeer(node - 1))
            return true;
        QTest::qWait(1'000);
    }
    return false;
}

QStringList TestClusterChaos::runFaults(int rounds)
{
    QStringList done;
    QElapsedTimer clock;
    clock.start();
    const auto note = [&](const QString& what) {
        done << u"%1 at %2 s (%3 commands acknowledged)"_s.arg(what)
                    .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                    .arg(std::count_if(m_history.begin(), m_history.end(),
                                       [](const ChaosOp& op) { return op.state == ChaosOp::State::Acked; }));
    };
    const auto failed = [&](const QString& why) {
        QTest::qFail(qPrintable(why), __FILE__, __LINE__);
        return done;
    };
    for (int round = 0; round < rounds; ++round) {
        const QString primaryBefore = primaryTold();
        QString killed;
        for (int node = 0; node < int(m_ports.size()); ++node) {
            QTest::qWait(3'000);
            if (!killNode(node))
                return failed(u"node %1 could not be killed"_s.arg(node));
            note(u"node %1 killed"_s.arg(node));
            QTest::qWait(2'500);
            if (node == 0) {
                // the primary goes while node 0 is down; the standby takes over
                killed = m_pair.killPrimary();
                if (killed.isEmpty())
                    return failed(m_pair.error());
                m_primaryKillsMs << QDateTime::currentMSecsSinceEpoch();
                note(u"PostgreSQL primary %1 killed"_s.arg(killed));
                QTest::qWait(4'000);
            }
            if (!restartNode(node))
                return failed(u"node %1 did not start again"_s.arg(node));
            note(u"node %1 started again"_s.arg(node));
        }
        // the nodes tell of the failover (another primary), then the lost node comes back as the
        // standby, which the nodes see streaming: the next round's primary has a standby to lose to
        if (!QTest::qWaitFor([&] { return !primaryTold().isEmpty() && primaryTold() != primaryBefore; }, WaitMs))
            return failed(u"the nodes still name %1 as the primary"_s.arg(primaryBefore));
        note(u"the nodes name primary %1"_s.arg(primaryTold()));
        if (!m_pair.rejoin(killed))
            return failed(m_pair.error() + u'\n' + m_pair.status());
        if (!QTest::qWaitFor([&] { return standbyStreaming(); }, WaitMs))
            return failed(u"the nodes see no standby streaming after %1 rejoined"_s.arg(killed));
        note(u"PostgreSQL node %1 rejoined as the standby"_s.arg(killed));
    }
    QTest::qWait(3'000);
    note(u"stopped"_s);
    return done;
}

void TestClusterChaos::checkHistory()
{
    QMap<QString, int> tally; // "capture acked" -> n
    QStringList wrong;
    // per failover: when the first command sent after the kill (and before the next) was acknowledged
    QList<qint64> firstAfter(m_primaryKillsMs.size(), 0);
    for (const ChaosOp& op : m_history) {
        static const char* const states[] = {"running", "acked", "failed", "gave up"};
        ++tally[op.kind + u' ' + QLatin1StringView(states[int(op.state)])];
        for (int k = 0; k < m_primaryKillsMs.size(); ++k) {
            const bool within = op.startMs > m_primaryKillsMs[k] &&
                                (k + 1 == m_primaryKillsMs.size() || op.startMs < m_primaryKillsMs[k + 1]);
            if (op.state == ChaosOp::State::Acked && within && (firstAfter[k] == 0 || op.doneMs < firstAfter[k]))
                firstAfter[k] = op.doneMs;
        }
        // a payout finds nothing owed when another worker's payout just paid it: an answer
        const bool expected = op.kind == u"payout"_s && op.error.code == souk::ErrorCode::Conflict;
        if ((op.state == ChaosOp::State::Failed && !expected) || op.state == ChaosOp::State::GaveUp ||
            op.state == ChaosOp::State::Running)
            wrong << u"%1 %2 (worker %3, %4 attempts): %5"_s.arg(op.kind, op.key)
                         .arg(op.worker)
                         .arg(op.attempts)
                         .arg(op.error.toString());
    }
    QStringList counts;
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        counts << u"%1 %2"_s.arg(it.key()).arg(it.value());
    qInfo().noquote() << m_history.size() << "commands:" << counts.join(u", "_s);
    for (int k = 0; k < m_primaryKillsMs.size(); ++k) {
        qInfo("primary killed (%d): the first command sent after it was acknowledged %lld ms after the kill", k + 1,
              firstAfter[k] - m_primaryKillsMs[k]);
    }
    QVERIFY2(tally.value(u"capture acked"_s) >= 10, "too few payments were captured to say anything");
    QVERIFY2(!m_primaryKillsMs.isEmpty() && !firstAfter.contains(0), "no write was acknowledged after a failover");
    QVERIFY2(wrong.isEmpty(), qPrintable(u"commands that did not end in an answer:\n"_s + wrong.join(u'\n')));
}

void TestClusterChaos::checkFeeds(std::vector<Follower>& followers)
{
    // every change from the first client's start, read in pages from a node
    qint64 from = followers.front().from;
    for (const Follower& f : followers)
        from = qMin(from, f.from);
    QList<qint64> all;
    for (qint64 after = from;;) {
        const auto page =
            m_node->request("GET", u"/v1/changes?after=%1&limit=1000"_s.arg(after), m_node->seeded().adminKey);
        QCOMPARE(page.status, 200);
        const QJsonArray changes = page.json().value(u"changes"_s).toArray();
        for (const QJsonValue& c : changes)
            all << c[u"seq"_s].toInteger();
        if (changes.size() < 1000)
            break;
        after = all.last();
    }
    QVERIFY(!all.isEmpty());
    const qint64 head = all.last();
    for (int i = 0; i < int(followers.size()); ++i) {
        Follower& f = followers[i];
        QVERIFY2(QTest::qWaitFor([&] { return !f.seqs.isEmpty() && f.seqs.last() >= head; }, WaitMs),
                 qPrintable(
                     u"client %1's feed stopped at %2 of %3"_s.arg(i).arg(f.seqs.value(f.seqs.size() - 1)).arg(head)));
        QList<qint64> expected;
        for (qint64 seq : std::as_const(all))
            if (seq > f.from)
                expected << seq;
        const QList<qint64> seen = f.seqs.mid(0, expected.size());
        for (int k = 0; k < expected.size(); ++k)
            QVERIFY2(seen.value(k) == expected[k], qPrintable(u"client %1's feed: change %2 is seq %3, want %4"_s.arg(i)
                                                                  .arg(k)
                                                                  .arg(seen.value(k))
                                                                  .arg(expected[k])));
        qInfo("client %d's feed: %lld changes, once each, in order", i, qint64(expected.size()));
    }
}

QHash<QString, QSet<QString>> TestClusterChaos::replayAll()
{
    auto client = connect(0, true);
    QHash<QString, QSet<QString>> named;
    if (!client) {
        QTest::qFail("no client for the replays", __FILE__, __LINE__);
        return named;
    }
    QStringList wrong;
    for (const ChaosOp& op : m_history) {
        // only what was acknowledged: a command that failed for good (a payout with nothing owed)
        // stored no result under its key, and sent again now it would run anew
        if (op.state != ChaosOp::State::Acked)
            continue;
        auto again = souk::test::settle(op.send(*client, op.key), WaitMs);
        for (int i = 0; i < 20 && !again && ChaosWorker::retryable(again.error()); ++i) {
            QTest::qWait(500);
            again = souk::test::settle(op.send(*client, op.key), WaitMs);
        }
        if (again)
            for (const QString& id : again->id.split(u',', Qt::SkipEmptyParts))
                named[op.kind].insert(id);
        if (!again)
            wrong << u"%1 %2 acknowledged %3; its replay failed: %4"_s.arg(op.kind, op.key, op.id,
                                                                           again.error().toString());
        else if (again->id != op.id)
            wrong << u"%1 %2 acknowledged %3; its replay names %4"_s.arg(op.kind, op.key, op.id, again->id);
    }
    if (!wrong.isEmpty())
        QTest::qFail(qPrintable(u"acknowledged commands not kept:\n"_s + wrong.join(u'\n')), __FILE__, __LINE__);
    return named;
}

QSet<QString> TestClusterChaos::idsOf(const QString& sql)
{
    QSet<QString> out;
    {
        QSqlDatabase db = souk::test::StoreFixture::rawConnection(m_pair.url(), u"chaos-check"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                qWarning().noquote() << sql << q.lastError().text();
                out = {u"(query failed)"_s};
            }
            while (q.isActive() && q.next())
                out.insert(q.value(0).toString());
        } else {
            qWarning().noquote() << "cannot open the store:" << db.lastError().text();
            out = {u"(no connection)"_s};
        }
    }
    QSqlDatabase::removeDatabase(u"chaos-check"_s);
    return out;
}

void TestClusterChaos::checkStore(const QHash<QString, QSet<QString>>& named)
{
    const QString customer = m_customer.toString();
    const QString payments =
        u"SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_id = %1"_s.arg(customer);
    QCOMPARE(idsOf(u"SELECT id FROM orders WHERE customer_id = %1"_s.arg(customer)), named.value(u"place"_s));
    QCOMPARE(idsOf(payments), named.value(u"authorize"_s));
    QCOMPARE(idsOf(u"SELECT id FROM (%1) x WHERE id IN (SELECT payment_id FROM journal_entries WHERE kind = "
                   "'capture')"_s.arg(payments)),
             named.value(u"capture"_s));
    QCOMPARE(idsOf(u"SELECT payment_id FROM journal_entries WHERE kind = 'capture' GROUP BY payment_id "
                   "HAVING count(*) > 1"_s),
             QSet<QString>{});
    QCOMPARE(idsOf(u"SELECT id FROM refunds WHERE payment_id IN (%1)"_s.arg(payments)), named.value(u"refund"_s));
    QCOMPARE(idsOf(u"SELECT id FROM payouts"_s) - m_payoutsBefore, named.value(u"payout"_s));
    QCOMPARE(idsOf(u"SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount_minor) <> 0"_s),
             QSet<QString>{});
    QString out;
    const int rc = m_node->soukctl({u"check"_s}, &out);
    QVERIFY2(rc == 0, qPrintable(u"soukctl check: exit %1\n%2"_s.arg(rc).arg(out)));
    qInfo("the store holds %lld orders, %lld captures, %lld refunds and %lld payouts, as the keys named",
          qint64(named.value(u"place"_s).size()), qint64(named.value(u"capture"_s).size()),
          qint64(named.value(u"refund"_s).size()), qint64(named.value(u"payout"_s).size()));
}

} // namespace

QTEST_GUILESS_MAIN(TestClusterChaos)
#include "TestClusterChaos.moc"
