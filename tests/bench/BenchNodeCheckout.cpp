// Checkout through the node's API against the same commands in process, in the same run.
//
// Two stores are seeded alike (demo catalog with deep stock, terms, customers, the merchant's
// owner with a password and an API key). soukd serves one of them, started from here with its
// rate limits at their upper bounds, so nothing of this run is throttled (RemoteClient retries
// nothing here: a 429 would stop the bench). The other is opened in this process by a LocalClient
// signed in as the same owner. Both engines call the same simulated provider (3 ms an
// authorization, soukd's default).
//
// Each round checks out ORDERS orders (3 lines, authorize and capture in one command, each with
// its own idempotency key) on each side, with CLIENTS orders in flight:
//   - API: CLIENTS RemoteClient instances on this thread (each its own keep-alive connection),
//     one checkout in flight on each, every request with its Idempotency-Key header;
//   - in process: one LocalClient with CLIENTS checkouts in flight.
// Rounds alternate which side goes first. The figure is the median of the per-round ratios
// API/in-process (orders/s); CPU seconds of soukd and of this process per round say where the
// API's time goes.
//
// Usage: bench_node_checkout [ORDERS] [ROUNDS] [CLIENTS]   (default 2000 5 64). Build in Release.
// SOUKD=path picks the node program (default: the one built with this bench).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <memory>
#include <vector>

#include "backend/client/LocalClient.h"
#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "tests/bench/BenchNode.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;

using souk::bench::settle;

namespace {

constexpr int Products = 300;
constexpr int Customers = 100;
constexpr int WarmUpOrders = 300;

struct Round
{
    double ordersPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double ownCpuS = 0;  ///< this process
    double nodeCpuS = 0; ///< soukd
};

/// Checks out `count` orders with `inFlight` in flight; slot s uses clients[s % clients.size()].
Round run(const QList<Client*>& clients, int inFlight, const bench::NodeShop& shop, int count, const QString& tag,
          qint64 nodePid)
{
    QEventLoop loop;
    QObject context;
    QElapsedTimer clock;
    QList<double> latencyMs;
    latencyMs.reserve(count);
    int started = 0;
    int finished = 0;
    std::function<void(int)> launch = [&](int slot) {
        const int index = started++;
        const qint64 startNs = clock.nsecsElapsed();
        Client* client = clients[slot % clients.size()];
        const QString key = u"%1-%2"_s.arg(tag).arg(index);
        onReady(client->checkout(shop.order(index), shop.card(), true, key), &context,
                [&, slot, startNs](const Result<payments::Checkout>& paid) {
                    if (!paid)
                        qFatal("checkout: %s", qPrintable(paid.error().toString()));
                    if (paid->payment.status != payments::PaymentStatus::Captured)
                        qFatal("checkout: the payment was not captured");
                    latencyMs.append(double(clock.nsecsElapsed() - startNs) / 1e6);
                    if (started < count)
                        launch(slot);
                    if (++finished == count)
                        loop.quit();
                });
    };
    const double ownBefore = bench::cpuSeconds(QCoreApplication::applicationPid());
    const double nodeBefore = bench::cpuSeconds(nodePid);
    clock.start();
    for (int slot = 0; slot < std::min(inFlight, count); ++slot)
        launch(slot);
    loop.exec();
    const qint64 elapsedNs = clock.nsecsElapsed();
    Round out;
    out.ordersPerSecond = count * 1e9 / double(std::max<qint64>(1, elapsedNs));
    out.p50Ms = bench::percentile(latencyMs, 50);
    out.p99Ms = bench::percentile(latencyMs, 99);
    out.ownCpuS = bench::cpuSeconds(QCoreApplication::applicationPid()) - ownBefore;
    out.nodeCpuS = bench::cpuSeconds(nodePid) - nodeBefore;
    return out;
}

QString num(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5;
    const int clientCount = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 64;
    if (count < 1 || rounds < 1 || clientCount < 1)
        qFatal("usage: bench_node_checkout [ORDERS] [ROUNDS] [CLIENTS]");
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString nodeStore = dir.filePath(u"node.souk"_s);
    const QString localStore = dir.filePath(u"local.souk"_s);
    const bench::NodeShop shop = bench::seedNodeShop(nodeStore, Products, Customers);
    const bench::NodeShop localShop = bench::seedNodeShop(localStore, Products, Customers);

    bench::SoukdProcess node;
    node.start(dir.path(), nodeStore,
               "[limits]\n"
               "per_address_rate=1000000\nper_address_burst=10000000\n"
               "per_principal_rate=1000000\nper_principal_burst=10000000\n");

    LocalClient::Options options;
    options.store.path = localStore;
    auto opened = LocalClient::open(options);
    if (!opened)
        qFatal("open: %s", qPrintable(opened.error().toString()));
    std::unique_ptr<LocalClient> local = std::move(*opened);
    const auto principal = settle(local->signIn(localShop.userName, localShop.password, {}));
    if (!principal || principal->mustChangePassword)
        qFatal("sign-in in process: %s", principal ? "must change password" : qPrintable(principal.error().toString()));

    std::vector<std::shared_ptr<RemoteClient>> remotes;
    QList<Client*> remoteClients;
    for (int i = 0; i < clientCount; ++i) {
        RemoteClient::Options o;
        o.url = QUrl(node.url());
        o.fingerprint = node.fingerprint();
        o.apiKey = shop.apiKey;
        o.followChanges = false;
        o.retries = 0; // a refusal (429, 503) must show, not be retried away
        auto connected = settle(RemoteClient::connectTo(o));
        if (!connected)
            qFatal("connect: %s", qPrintable(connected.error().toString()));
        remotes.push_back(*connected);
        remoteClients.append(connected->get());
    }

    const QString runTag = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    run({local.get()}, clientCount, localShop, WarmUpOrders, runTag + u"-warm-local"_s, node.pid());
    run(remoteClients, clientCount, shop, WarmUpOrders, runTag + u"-warm-api"_s, node.pid());

    out << "checkout (3 lines, authorize + capture), " << count << " orders per side per round, " << clientCount
        << " in flight; API: " << clientCount << " RemoteClients, one connection each" << Qt::endl
        << Qt::endl;
    out << "| round | load (1/5/15 min) | in process orders/s | p50 | p99 | API orders/s | p50 | p99 | **API / in "
           "process** | soukd CPU µs/order | bench CPU µs/order (API) | CPU µs/order in process |"
        << Qt::endl;
    out << "|---|---|---|---|---|---|---|---|---|---|---|---|" << Qt::endl;
    QList<double> ratios, localRates, apiRates, localP99, apiP99, nodeCpu, clientCpu, localCpu;
    for (int r = 1; r <= rounds; ++r) {
        const QString load = bench::loadAverage();
        Round l, a;
        const QString tag = runTag + u"-r%1"_s.arg(r);
        if (r % 2 == 1) {
            l = run({local.get()}, clientCount, localShop, count, tag + u"-local"_s, node.pid());
            a = run(remoteClients, clientCount, shop, count, tag + u"-api"_s, node.pid());
        } else {
            a = run(remoteClients, clientCount, shop, count, tag + u"-api"_s, node.pid());
            l = run({local.get()}, clientCount, localShop, count, tag + u"-local"_s, node.pid());
        }
        const double ratio = 100.0 * a.ordersPerSecond / l.ordersPerSecond;
        ratios << ratio;
        localRates << l.ordersPerSecond;
        apiRates << a.ordersPerSecond;
        localP99 << l.p99Ms;
        apiP99 << a.p99Ms;
        nodeCpu << a.nodeCpuS * 1e6 / count;
        clientCpu << a.ownCpuS * 1e6 / count;
        localCpu << l.ownCpuS * 1e6 / count;
        out << "| " << r << (r % 2 ? " (in process first)" : " (API first)") << " | " << load << " | "
            << num(l.ordersPerSecond) << " | " << num(l.p50Ms, 1) << " ms | " << num(l.p99Ms, 1) << " ms | "
            << num(a.ordersPerSecond) << " | " << num(a.p50Ms, 1) << " ms | " << num(a.p99Ms, 1) << " ms | **"
            << num(ratio, 1) << " %** | " << num(nodeCpu.last()) << " | " << num(clientCpu.last()) << " | "
            << num(localCpu.last()) << " |" << Qt::endl;
    }
    out << Qt::endl
        << "medians: in process " << num(bench::median(localRates)) << " orders/s (p99 "
        << num(bench::median(localP99), 1) << " ms); API " << num(bench::median(apiRates)) << " orders/s (p99 "
        << num(bench::median(apiP99), 1) << " ms); API / in process " << num(bench::median(ratios), 1)
        << " %; CPU per order: soukd " << num(bench::median(nodeCpu)) << " µs + bench's RemoteClients "
        << num(bench::median(clientCpu)) << " µs, in process " << num(bench::median(localCpu)) << " µs" << Qt::endl;

    remotes.clear();
    QCoreApplication::processEvents(); // the clients' deleteLater
    const bool clean = node.stop();
    out << (clean ? "soukd stopped on SIGTERM with exit 0" : "soukd did NOT stop cleanly") << Qt::endl;
    return clean ? 0 : 1;
}
