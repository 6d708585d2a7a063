// A node of a cluster lost under a console: three soukd nodes (started from here) on one
// PostgreSQL store (a throwaway server, durable as in production), one RemoteClient holding all
// three as the console does (round robin, the product's health checks, the feed over the
// WebSocket). Each round takes the node the feed follows and either kills it (SIGKILL: the kernel
// refuses its port at once) or stalls it (SIGSTOP: its port takes connections and nothing
// answers, as when a machine is lost).
//
// Per round, three stock adjustments one after the other before the loss (the baseline), then
// three after it: round robin sends one of any three requests to each node still in, so one of
// them meets the lost node unless the client already left it out. Figures: each request's ask →
// answer, the worst of the three, and the feed: ask → the change arriving in the client's
// changed() signal (the feed must move to another node first). Then the node comes back (killed:
// started again on its port; stalled: SIGCONT) and the client takes it back before the next round.
//
// Usage: bench_node_failover [ROUNDS]   (default 10; each round is one kill and one stall). Release.
// SOUKD=path picks the node program; PostgreSQL 15's binaries as the tests' PgServer finds them.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <csignal>
#include <memory>

#include "backend/api/node/Certificate.h"
#include "backend/client/RemoteClient.h"
#include "tests/bench/BenchNode.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;

using souk::bench::settle;

namespace {

constexpr int Nodes = 3;
constexpr int Products = 20;
constexpr int Customers = 5;
constexpr int FeedTimeoutMs = 30'000;
const QByteArray Ini = "[limits]\n"
                       "per_address_rate=1000000\nper_address_burst=10000000\n"
                       "per_principal_rate=1000000\nper_principal_burst=10000000\n";

struct Figures
{
    QList<double> answerMs;   ///< every request's ask → answer
    QList<double> worstOf3Ms; ///< per round: the slowest of the three
    QList<double> feedMs;     ///< per round: the first request's change, ask → arrival
};

QString row(const QString& name, const QList<double>& samples)
{
    return u"| %1 | %2 | %3 | %4 |"_s.arg(name)
        .arg(bench::percentile(samples, 50), 0, 'f', 1)
        .arg(bench::percentile(samples, 95), 0, 'f', 1)
        .arg(bench::percentile(samples, 100), 0, 'f', 1);
}

/// The cluster, the client, and the arrivals of the level's changes.
class Run
{
public:
    Run(const QString& dir, const QString& store, const bench::NodeShop& shop) : m_dir(dir), m_store(store)
    {
        const QString cert = dir + u"/node.cert.pem"_s;
        const QString key = dir + u"/node.key.pem"_s;
        if (auto s = api::createSelfSigned(cert, key, {u"127.0.0.1"_s}); !s)
            qFatal("certificate: %s", qPrintable(s.error().toString()));
        m_args = {u"--cert"_s, cert, u"--key"_s, key};
        for (int i = 0; i < Nodes; ++i) {
            QDir(dir).mkpath(u"n%1"_s.arg(i));
            m_nodes[i].start(dir + u"/n%1"_s.arg(i), store, Ini, m_args);
        }
        RemoteClient::Options o;
        o.url = QUrl(m_nodes[0].url());
        o.fingerprint = m_nodes[0].fingerprint();
        for (int i = 1; i < Nodes; ++i)
            o.otherNodes.append({QUrl(m_nodes[i].url()), m_nodes[i].fingerprint()});
        o.apiKey = shop.apiKey;
        auto connected = settle(RemoteClient::connectTo(o));
        if (!connected)
            qFatal("connect: %s", qPrintable(connected.error().toString()));
        m_client = *connected;
        QObject::connect(m_client.get(), &Client::changed, m_client.get(), [this](const ChangeList& changes) {
            for (const Change& c : changes) {
                if (qEnvironmentVariableIsSet("BENCH_DEBUG"))
                    qWarning() << c.entity << c.id.toString() << c.version << m_level.variantId.toString();
                if (c.entity == u"stock"_s && c.id == m_level.variantId)
                    m_arrived.append({c.version, m_clock.nsecsElapsed()});
            }
        });
        m_clock.start();
        const auto page = settle(m_client->productPage({shop.merchant, {}, 1}));
        if (!page || page->rows.isEmpty())
            qFatal("no product to adjust");
        const auto levels = settle(m_client->stockLevels(page->rows.first().id));
        if (!levels || levels->isEmpty())
            qFatal("no stock level to adjust");
        m_level = levels->first();
        if (!QTest::qWaitFor([this] { return m_client->feedStreaming(); }, FeedTimeoutMs))
            qFatal("the feed did not open");
    }

    RemoteClient& client() { return *m_client; }
    bench::SoukdProcess& node(int i) { return m_nodes[i]; }

    /// A client of node `i` alone (no feed): a writer whose commits land there.
    std::shared_ptr<RemoteClient> writerOn(int i)
    {
        RemoteClient::Options o;
        o.url = QUrl(m_nodes[i].url());
        o.fingerprint = m_nodes[i].fingerprint();
        o.apiKey = m_client->credential();
        o.followChanges = false;
        auto connected = settle(RemoteClient::connectTo(o));
        if (!connected)
            qFatal("connect: %s", qPrintable(connected.error().toString()));
        return *connected;
    }

    /// One adjustment through `via` (the client itself when null): its ask → answer in ms; the
    /// version it made in `version`.
    double adjust(qint64* version, qint64* askedNs, RemoteClient* via = nullptr)
    {
        catalog::StockAdjustment a;
        a.variantId = m_level.variantId;
        a.locationId = m_level.locationId;
        a.kind = catalog::MovementKind::Received;
        a.delta = 1;
        a.reason = u"failover bench"_s;
        *askedNs = m_clock.nsecsElapsed();
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto done = settle((via ? via : m_client.get())->adjustStock(a, key));
        if (!done)
            qFatal("adjustment: %s", qPrintable(done.error().toString()));
        *version = done->version;
        return double(m_clock.nsecsElapsed() - *askedNs) / 1e6;
    }

    /// ask → the change of that version in the feed, in ms.
    double feedDelay(qint64 version, qint64 askedNs)
    {
        // the first change at that version or later: a command committed with it may carry it on
        qint64 arrivedNs = -1;
        const auto arrived = [&] {
            for (const auto& [v, ns] : std::as_const(m_arrived)) {
                if (v >= version)
                    arrivedNs = ns;
                if (v >= version)
                    return true;
            }
            return false;
        };
        if (!QTest::qWaitFor(arrived, FeedTimeoutMs))
            qFatal("the change of version %lld never arrived (%lld stock changes of the level arrived; feed at seq "
                   "%lld, %s)",
                   version, qint64(m_arrived.size()), m_client->feedSeq(),
                   m_client->feedStreaming() ? "streaming" : "not streaming");
        return double(arrivedNs - askedNs) / 1e6;
    }

    /// Three adjustments in a row; their figures added to `f`. The feed's delay is the first's,
    /// read once all three were answered (its arrival is stamped meanwhile): waiting for it first
    /// would give the client's checks time to leave a lost node out before the others are sent.
    void three(Figures& f)
    {
        double worst = 0;
        qint64 firstVersion = 0;
        qint64 firstAsked = 0;
        for (int i = 0; i < 3; ++i) {
            qint64 version = 0;
            qint64 asked = 0;
            const double ms = adjust(&version, &asked);
            f.answerMs << ms;
            worst = std::max(worst, ms);
            if (i == 0) {
                firstVersion = version;
                firstAsked = asked;
            }
        }
        f.worstOf3Ms << worst;
        f.feedMs << feedDelay(firstVersion, firstAsked);
    }

    void restart(int i) { m_nodes[i].start(m_dir + u"/n%1"_s.arg(i), m_store, Ini, m_args, m_nodes[i].port()); }

    bool allBack()
    {
        return QTest::qWaitFor([this] { return m_client->nodes().healthyCount() == Nodes; }, FeedTimeoutMs);
    }

private:
    QString m_dir;
    QString m_store;
    QStringList m_args;
    bench::SoukdProcess m_nodes[Nodes];
    std::shared_ptr<RemoteClient> m_client;
    catalog::StockLevel m_level;
    QElapsedTimer m_clock;
    QList<std::pair<qint64, qint64>> m_arrived; ///< the level's (version, ns on m_clock), as they arrived
};

/// The feed's lag across nodes: commits on the node the feed follows and on another, in turn,
/// each once the last one's change arrived.
void feedLag(Run& run, int samples, QList<double>& sameLag, QList<double>& otherLag)
{
    const int followed = run.client().feedNode();
    const auto sameNode = run.writerOn(followed);
    const auto otherNode = run.writerOn((followed + 1) % Nodes);
    for (int i = 0; i < samples; ++i) {
        qint64 version = 0;
        qint64 asked = 0;
        const bool other = i % 2 == 1;
        run.adjust(&version, &asked, other ? otherNode.get() : sameNode.get());
        (other ? otherLag : sameLag) << run.feedDelay(version, asked);
    }
}

/// One round: the feed's node killed, then (back) the feed's node stalled.
void loseNodes(Run& run, Figures& before, Figures& killed, Figures& stalled)
{
    for (const bool kill : {true, false}) {
        const int victim = run.client().feedNode();
        run.three(before);
        ::kill(pid_t(run.node(victim).pid()), kill ? SIGKILL : SIGSTOP);
        if (kill)
            run.node(victim).kill(); // reaped
        run.three(kill ? killed : stalled);
        if (kill)
            run.restart(victim);
        else
            ::kill(pid_t(run.node(victim).pid()), SIGCONT);
        if (!run.allBack())
            qFatal("node %d was not taken back", victim);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int rounds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10;
    if (rounds < 1)
        qFatal("usage: bench_node_failover [ROUNDS]");
    test::PgServer pg;
    pg.setDurable(true);
    if (!pg.start() || !pg.createDatabase(u"failover"_s))
        qFatal("PostgreSQL: %s", qPrintable(pg.error()));
    QTemporaryDir dir;
    const QString store = pg.url(u"failover"_s);
    const bench::NodeShop shop = bench::seedNodeShop(store, Products, Customers);
    Run run(dir.path(), store, shop);
    Figures before;
    Figures killed;
    Figures stalled;
    for (int warm = 0; warm < 3; ++warm)
        run.three(before); // connections open, statements prepared: not counted
    before = {};
    QList<double> sameLag;
    QList<double> otherLag;
    feedLag(run, 20 * rounds, sameLag, otherLag);
    for (int r = 0; r < rounds; ++r)
        loseNodes(run, before, killed, stalled);
    QTextStream out(stdout);
    out << "bench_node_failover: " << rounds << " rounds, " << Nodes << " soukd nodes on one PostgreSQL 15 store, "
        << QThread::idealThreadCount() << " cores; the client checks each node every "
        << RemoteClient::Options{}.nodeCheckMs << " ms\n\n";
    out << "| figure (ms) | p50 | p95 | max |\n|---|---|---|---|\n";
    out << row(u"feed lag, committed on the node followed (ask → arrived)"_s, sameLag) << '\n';
    out << row(u"feed lag, committed on another node (ask → arrived)"_s, otherLag) << '\n';
    out << row(u"all nodes in: a request, ask → answer"_s, before.answerMs) << '\n';
    out << row(u"all nodes in: worst of three in a row"_s, before.worstOf3Ms) << '\n';
    out << row(u"all nodes in: feed, ask → change arrived"_s, before.feedMs) << '\n';
    out << row(u"node killed: worst of the next three requests"_s, killed.worstOf3Ms) << '\n';
    out << row(u"node killed: feed, ask → change arrived (feed moved)"_s, killed.feedMs) << '\n';
    out << row(u"node stalled: worst of the next three requests"_s, stalled.worstOf3Ms) << '\n';
    out << row(u"node stalled: feed, ask → change arrived (feed moved)"_s, stalled.feedMs) << '\n';
    out << "\nfeed lag p99, another node / the same node: " << bench::percentile(otherLag, 99) << " / "
        << bench::percentile(sameLag, 99)
        << " ms = " << bench::percentile(otherLag, 99) / std::max(0.001, bench::percentile(sameLag, 99)) << "\n";
    out << "worst of three after a kill / with all nodes in (p50): "
        << bench::percentile(killed.worstOf3Ms, 50) / std::max(0.001, bench::percentile(before.worstOf3Ms, 50)) << "\n";
    return 0;
}
