// RemoteClient across a cluster: three real soukd nodes on one PostgreSQL store (NodeFixture and
// two peers), one client holding all three. Requests are spread, a killed node is left out and
// the next request succeeds elsewhere, a stalled node's requests in flight move, the change feed
// moves to another node from the same seq, and a retry under one key on two nodes is one command.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <csignal>
#include <memory>

#include "backend/client/NodeTls.h"
#include "backend/client/RemoteClient.h"
#include "backend/store/StoreOptions.h"
#include "tests/api/NodeFixture.h"
#include "tests/contract/ContractHarness.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace {

constexpr int WaitMs = 20'000;
constexpr int NodeCheckMs = 500;

class TestRemoteCluster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestsAreSpreadOverTheNodes();
    void oneKeyOnTwoNodesIsOneCommand();
    void requestsAboutAnOrderGoWhereItsMerchantGoes();
    void aKeyRevokedOnOneNodeIsRefusedByAnother();
    void theFeedTellsOfAnotherNodesCommits_data();
    void theFeedTellsOfAnotherNodesCommits();
    // these kill or stall nodes, in this order: peer 1, then peer 0
    void aKilledNodeIsLeftOutAndTheNextRequestSucceeds();
    void aStalledNodesRequestsMoveAndItComesBack();
    void theFeedMovesToAnotherNodeFromTheSameSeq();
    void cleanupTestCase();

private:
    QUrl urlOf(int port) const { return QUrl(u"https://127.0.0.1:%1"_s.arg(port)); }
    /// The fixture's node first, then the peers alive, in the order given.
    std::shared_ptr<souk::RemoteClient>
    connect(const QList<quint16>& ports, const QString& key = {},
            souk::NodeBalancer::Policy policy = souk::NodeBalancer::Policy::RoundRobin);
    /// How many requests to `route` the node on `port` answered, from its /metrics.
    double answered(quint16 port, const QString& route);
    souk::catalog::StockAdjustment adjustment(qint64 delta) const;

    std::unique_ptr<NodeFixture> m_node;
    QList<quint16> m_ports; ///< the fixture's node, then peers 0 and 1
    QNetworkAccessManager m_network;
};

void TestRemoteCluster::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    if (!souk::store::StoreOptions::isPostgresUrl(m_node->storePath()))
        QSKIP("a cluster shares a PostgreSQL store (SOUK_TEST_STORE=postgresql)");
    QVERIFY(m_node->start());
    QCOMPARE(m_node->startPeer(), 0);
    QCOMPARE(m_node->startPeer(), 1);
    m_ports = {m_node->port(), m_node->peerPort(0), m_node->peerPort(1)};
}

void TestRemoteCluster::cleanupTestCase()
{
    m_node.reset();
}

std::shared_ptr<souk::RemoteClient> TestRemoteCluster::connect(const QList<quint16>& ports, const QString& key,
                                                               souk::NodeBalancer::Policy policy)
{
    souk::RemoteClient::Options o;
    o.policy = policy;
    o.url = urlOf(ports.first());
    o.fingerprint = m_node->fingerprint(); // the nodes share one certificate here
    for (qsizetype i = 1; i < ports.size(); ++i)
        o.otherNodes.append({urlOf(ports[i]), m_node->fingerprint()});
    o.apiKey = key.isEmpty() ? m_node->seeded().adminKey : key;
    o.nodeCheckMs = NodeCheckMs;
    o.feedWaitS = 5;
    auto connected = souk::test::settle(souk::RemoteClient::connectTo(o));
    if (!connected) {
        qWarning().noquote() << connected.error().toString();
        return nullptr;
    }
    return *connected;
}

double TestRemoteCluster::answered(quint16 port, const QString& route)
{
    QNetworkRequest request(urlOf(port).resolved(QUrl(u"/metrics"_s)));
    request.setSslConfiguration(souk::nodeTls({}));
    QNetworkReply* reply = m_network.get(request);
    souk::pinNodeCertificate(reply, m_node->fingerprint());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    double sum = 0;
    const QByteArray prefix = "souk_http_requests_total{route=\"" + route.toUtf8() + "\"";
    for (const QByteArray& line : reply->readAll().split('\n')) {
        if (line.startsWith(prefix))
            sum += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

souk::catalog::StockAdjustment TestRemoteCluster::adjustment(qint64 delta) const
{
    souk::catalog::StockAdjustment a;
    a.variantId = m_node->seeded().variantA;
    a.locationId = m_node->seeded().locationA;
    a.kind = souk::catalog::MovementKind::Received;
    a.delta = delta;
    a.reason = u"cluster test"_s;
    return a;
}

void TestRemoteCluster::requestsAreSpreadOverTheNodes()
{
    auto client = connect(m_ports);
    QVERIFY(client);
    QCOMPARE(client->nodes().count(), 3);
    QList<double> before;
    for (quint16 port : std::as_const(m_ports))
        before << answered(port, u"/v1/merchants"_s);
    for (int i = 0; i < 9; ++i)
        QVERIFY(souk::test::settle(client->merchants()));
    // round robin: three each
    for (int i = 0; i < 3; ++i)
        QCOMPARE(answered(m_ports[i], u"/v1/merchants"_s) - before[i], 3.0);
}

void TestRemoteCluster::aKilledNodeIsLeftOutAndTheNextRequestSucceeds()
{
    auto client = connect(m_ports);
    QVERIFY(client);
    QVERIFY(souk::test::settle(client->merchants()));
    QVERIFY(m_node->killPeer(1));
    // each of the next requests succeeds, the first that meets the dead node on another node
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 6; ++i) {
        const auto merchants = souk::test::settle(client->merchants());
        QVERIFY2(merchants, qPrintable(merchants ? QString() : merchants.error().toString()));
        if (i == 0)
            qInfo("after the kill, the first request answered in %lld ms", qint64(clock.elapsed()));
    }
    QVERIFY2(clock.elapsed() < 3'000, "six requests after a node's kill took 3 s or more");
    QVERIFY(!client->nodes().healthy(2));
    QCOMPARE(client->nodes().healthyCount(), 2);
}

void TestRemoteCluster::aStalledNodesRequestsMoveAndItComesBack()
{
    auto client = connect({m_ports[1], m_ports[0]}); // peer 0 first: the stalled node takes requests
    QVERIFY(client);
    QVERIFY(::kill(pid_t(m_node->peerPid(0)), SIGSTOP) == 0);
    // the node takes connections (the kernel does) and answers nothing: the checks leave it out
    // and its requests in flight go to the other node
    QElapsedTimer clock;
    clock.start();
    const auto merchants = souk::test::settle(client->merchants());
    const qint64 tookMs = clock.elapsed();
    QVERIFY(::kill(pid_t(m_node->peerPid(0)), SIGCONT) == 0);
    QVERIFY2(merchants, qPrintable(merchants ? QString() : merchants.error().toString()));
    qInfo("a request to a stalled node was answered by another in %lld ms", tookMs);
    QVERIFY2(tookMs < 4 * NodeCheckMs + 2'000, "the request waited for the stalled node");
    // it answers again: it is taken back, and has requests again
    QVERIFY(QTest::qWaitFor([&] { return client->nodes().healthy(0); }, WaitMs));
    const double before = answered(m_ports[1], u"/v1/merchants"_s);
    for (int i = 0; i < 4; ++i)
        QVERIFY(souk::test::settle(client->merchants()));
    QCOMPARE(answered(m_ports[1], u"/v1/merchants"_s) - before, 2.0);
}

void TestRemoteCluster::theFeedMovesToAnotherNodeFromTheSameSeq()
{
    // peer 0 first: the feed follows it, until it is killed
    auto client = connect({m_ports[1], m_ports[0]});
    QVERIFY(client);
    QVERIFY(QTest::qWaitFor([&] { return client->feedStreaming(); }, WaitMs));
    QCOMPARE(client->feedNode(), 0);
    QList<qint64> seqs;
    QSet<QString> ids;
    QObject::connect(client.get(), &souk::Client::changed, client.get(), [&](const QList<souk::Change>& changes) {
        for (const souk::Change& c : changes) {
            seqs << c.seq;
            ids.insert(c.id.toString());
        }
    });
    const qint64 from = client->feedSeq();
    QVERIFY(souk::test::settle(client->adjustStock(adjustment(1), souk::test::newKey())));
    QVERIFY(QTest::qWaitFor([&] { return !seqs.isEmpty(); }, WaitMs));
    QVERIFY(m_node->killPeer(0));
    // changes while the feed has no node, and after it moved: every one arrives, once, in order
    for (int i = 0; i < 5; ++i)
        QVERIFY(souk::test::settle(client->adjustStock(adjustment(1), souk::test::newKey())));
    const auto all = m_node->request("GET", u"/v1/changes?after=%1&limit=1000"_s.arg(from), m_node->seeded().adminKey);
    QCOMPARE(all.status, 200);
    QList<qint64> expected;
    for (const QJsonValue& c : all.json().value(u"changes"_s).toArray())
        expected << c[u"seq"_s].toInteger();
    QVERIFY(expected.size() >= 6);
    QVERIFY2(QTest::qWaitFor([&] { return seqs.size() >= expected.size(); }, WaitMs),
             "the feed did not go on elsewhere");
    QTest::qWait(300); // nothing more, nothing twice
    QCOMPARE(client->feedNode(), 1);
    QCOMPARE(seqs, expected);
    QVERIFY(ids.contains(m_node->seeded().variantA.toString()));
}

void TestRemoteCluster::theFeedTellsOfAnotherNodesCommits_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addRow("stream") << true;
    QTest::addRow("long poll") << false;
}

void TestRemoteCluster::theFeedTellsOfAnotherNodesCommits()
{
    // a console following one node while the change is committed by another: the node learns of
    // it from PostgreSQL (LISTEN/NOTIFY) at once, not at its own next commit
    QFETCH(bool, stream);
    souk::RemoteClient::Options o;
    o.url = urlOf(m_ports[0]);
    o.fingerprint = m_node->fingerprint();
    o.apiKey = m_node->seeded().adminKey;
    o.preferStream = stream;
    o.feedWaitS = 20; // a poll not woken would answer only after this
    auto connected = souk::test::settle(souk::RemoteClient::connectTo(o));
    QVERIFY(connected);
    auto follower = *connected;
    QVERIFY(QTest::qWaitFor([&] { return follower->feedSeq() >= 0 && follower->feedStreaming() == stream; }, WaitMs));
    QTest::qWait(300); // the first poll parked
    auto writer = connect({m_ports[1]});
    QVERIFY(writer);
    QList<qint64> versions;
    QObject::connect(follower.get(), &souk::Client::changed, follower.get(), [&](const QList<souk::Change>& changes) {
        for (const souk::Change& c : changes) {
            if (c.entity == u"stock"_s)
                versions << c.version;
        }
    });
    for (int i = 0; i < 3; ++i) {
        const auto done = souk::test::settle(writer->adjustStock(adjustment(1), souk::test::newKey()));
        QVERIFY(done);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(QTest::qWaitFor([&] { return versions.contains(done->version); }, 5'000),
                 "the change committed on another node did not reach the follower within 5 s");
        qInfo("committed on another node, told in %lld ms", qint64(clock.elapsed()));
    }
}

void TestRemoteCluster::aKeyRevokedOnOneNodeIsRefusedByAnother()
{
    // node 1 remembers a key's yes for a few seconds; a revocation committed by node 0 makes it
    // forget at once (the commit's notification), not when that memory runs out
    auto admin = connect({m_ports[0]});
    QVERIFY(admin);
    const auto created =
        souk::test::settle(admin->createApiKey(admin->principal().userId, u"cluster test"_s, std::nullopt));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    auto holder = connect({m_ports[1]}, created->secret);
    QVERIFY(holder);
    QVERIFY(souk::test::settle(holder->merchants())); // remembered by node 1 now
    QVERIFY(souk::test::settle(admin->revokeApiKey(created->info.id)));
    QElapsedTimer clock;
    clock.start();
    souk::Result<QList<souk::catalog::Merchant>> after = souk::test::settle(holder->merchants());
    while (after && clock.elapsed() < 4'000)
        after = souk::test::settle(holder->merchants());
    QVERIFY2(!after, "node 1 accepted the revoked key for 4 s");
    QCOMPARE(after.error().code, souk::ErrorCode::Unauthenticated);
    qInfo("the revoked key was refused by the other node %lld ms after the revocation's answer",
          qint64(clock.elapsed()));
    QVERIFY2(clock.elapsed() < 1'000, "the other node forgot the key only when its memory ran out");
}

void TestRemoteCluster::requestsAboutAnOrderGoWhereItsMerchantGoes()
{
    // by merchant: a request that names only an order goes where its merchant's requests go, once
    // an answer has said whose the order is
    auto client = connect(m_ports, {}, souk::NodeBalancer::Policy::ByMerchant);
    QVERIFY(client);
    const souk::Id merchant = m_node->seeded().merchantA;
    const souk::Id order = m_node->seeded().paidOrderA;
    QVERIFY(souk::test::settle(client->orderDetail(order))); // learns the order's merchant
    const QString byOrder = u"/v1/orders/{order_id}"_s;
    const QString byMerchant = u"/v1/merchants/{merchant_id}/locations"_s;
    QList<double> orders;
    QList<double> merchants;
    for (quint16 port : std::as_const(m_ports)) {
        orders << answered(port, byOrder);
        merchants << answered(port, byMerchant);
    }
    for (int i = 0; i < 6; ++i)
        QVERIFY(souk::test::settle(client->orderDetail(order)));
    QVERIFY(souk::test::settle(client->locations(merchant)));
    int ordersNode = -1;
    int merchantNode = -1;
    for (int i = 0; i < m_ports.size(); ++i) {
        const double more = answered(m_ports[i], byOrder) - orders[i];
        QVERIFY2(more == 0 || more == 6, qPrintable(u"node %1 answered %2 of the 6"_s.arg(i).arg(more)));
        if (more == 6)
            ordersNode = i;
        if (answered(m_ports[i], byMerchant) - merchants[i] == 1)
            merchantNode = i;
    }
    QVERIFY(ordersNode >= 0);
    QCOMPARE(ordersNode, merchantNode);
}

void TestRemoteCluster::oneKeyOnTwoNodesIsOneCommand()
{
    // two consoles, each on one node alive: a retry that landed on the other node replays
    auto first = connect({m_ports[0]});
    QVERIFY(first);
    const QString key = souk::test::newKey();
    const auto done = souk::test::settle(first->adjustStock(adjustment(2), key));
    QVERIFY(done);
    auto second = connect({m_ports[1]});
    QVERIFY(second);
    const auto again = souk::test::settle(second->adjustStock(adjustment(2), key));
    QVERIFY(again);
    QCOMPARE(again->onHand, done->onHand);
    QCOMPARE(again->version, done->version);
}

} // namespace

QTEST_GUILESS_MAIN(TestRemoteCluster)
#include "TestRemoteCluster.moc"
