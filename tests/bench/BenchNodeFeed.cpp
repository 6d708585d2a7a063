// The change feed from a commit to a remote console, on loopback: soukd (started from here) on a
// seeded store; one RemoteClient commits through the API, another follows the feed as the console
// does (whatever RemoteClient does: a long poll today). Per sample: the steady clock just before
// the commit is asked for, then the time the committed entity arrives in the follower's changed()
// signal. Same process, same clock. FEED picks the follower's transport where RemoteClient has a
// choice (Options::preferStream): "stream" (WebSocket, where the node takes it) or "poll" (long
// poll); the table says which one the follower used. The commit's own round trip (ask → answer) is the baseline
// of the same sample: what the feed adds is the difference.
//
// Commits are one at a time, each after the previous one's change arrived and a pause of
// 0..GAP_MS ms (uniform, seeded), so a commit lands both while the follower's poll waits and
// while it is being asked again. Two kinds alternate: a stock adjustment (one change row) and a
// checkout (3 lines, captured: about a dozen change rows); the sample waits for the stock row of
// that version or for the order. Both clients act as the merchant's owner (API key), so the node
// filters the feed by merchant, as for a merchant's console.
//
// LOAD > 0 adds write load meanwhile: LOAD more RemoteClients (the same owner's key), each keeping
// one checkout in flight all the time, so samples wait behind other commands as on a busy node.
//
// Usage: bench_node_feed [SAMPLES] [GAP_MS] [LOAD] [FEED]   (default 1000 20 0 stream). Release.
// SOUKD=path picks the node program (default: the one built with this bench).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "tests/bench/BenchNode.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;

using souk::bench::settle;

namespace {

constexpr int Products = 50;
constexpr int Customers = 20;
constexpr int SampleTimeoutMs = 10'000;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Asks for the WebSocket feed or the long poll, where this RemoteClient can do both.
template <typename O> void chooseFeed(O& options, bool stream)
{
    if constexpr (requires { options.preferStream; })
        options.preferStream = stream;
    else if (stream)
        qWarning("this RemoteClient has no choice of feed: it follows by long poll");
}

/// How the follower gets the feed now.
template <typename C> QString feedTransport(const C& client)
{
    if constexpr (requires { client.feedStreaming(); })
        return client.feedStreaming() ? u"WebSocket"_s : u"long poll"_s;
    else
        return u"long poll"_s;
}

std::shared_ptr<RemoteClient> connectClient(const bench::SoukdProcess& node, const QString& key, bool follow,
                                            bool stream = false)
{
    RemoteClient::Options o;
    o.url = QUrl(node.url());
    o.fingerprint = node.fingerprint();
    o.apiKey = key;
    o.followChanges = follow;
    chooseFeed(o, stream);
    o.retries = 0;
    auto connected = settle(RemoteClient::connectTo(o));
    if (!connected)
        qFatal("connect: %s", qPrintable(connected.error().toString()));
    return *connected;
}

struct Sample
{
    bool checkout = false;
    double commitMs = 0; ///< ask → answer
    double feedMs = 0;   ///< ask → the change in the follower
};

QString num(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int samples = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int gapMs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 20;
    const int load = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 0;
    const QString feed = argc > 4 ? QString::fromLocal8Bit(argv[4]) : u"stream"_s;
    if (samples < 1 || gapMs < 0 || load < 0 || (feed != u"stream"_s && feed != u"poll"_s))
        qFatal("usage: bench_node_feed [SAMPLES] [GAP_MS] [LOAD] [stream|poll]");
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString store = dir.filePath(u"node.souk"_s);
    const bench::NodeShop shop = bench::seedNodeShop(store, Products, Customers);
    bench::SoukdProcess node;
    node.start(dir.path(), store,
               "[limits]\n"
               "per_address_rate=1000000\nper_address_burst=10000000\n"
               "per_principal_rate=1000000\nper_principal_burst=10000000\n");
    const auto follower = connectClient(node, shop.apiKey, true, feed == u"stream"_s);
    const auto committer = connectClient(node, shop.apiKey, false);

    // arrivals by entity and id, stamped as the follower's signal is delivered
    // An order counts from its first change. A stock row counts from the first change of its
    // variant at the adjustment's version or later: the writer writes one change row per entity
    // per commit, so a command committed with the adjustment may carry it to a later version.
    QHash<QString, qint64> orderArrivedNs;
    QHash<QString, QList<std::pair<qint64, qint64>>> stockArrivals; ///< variant -> (version, ns)
    QObject::connect(follower.get(), &Client::changed, follower.get(), [&](const ChangeList& changes) {
        const qint64 now = steadyNs();
        for (const Change& c : changes) {
            if (c.entity == u"stock"_s)
                stockArrivals[c.id.toString()].append({c.version, now});
            else if (c.entity == u"order"_s && !orderArrivedNs.contains(c.id.toString()))
                orderArrivedNs.insert(c.id.toString(), now);
        }
    });
    const auto arrivedNs = [&](bool order, const QString& id, qint64 version) -> std::optional<qint64> {
        if (order)
            return orderArrivedNs.contains(id) ? std::optional<qint64>(orderArrivedNs.value(id)) : std::nullopt;
        for (const auto& [v, ns] : stockArrivals.value(id))
            if (v >= version)
                return ns;
        return std::nullopt;
    };

    // the level the adjustments move: the first product's first variant
    const auto page = settle(committer->productPage({shop.merchant, {}, 1}));
    if (!page || page->rows.isEmpty())
        qFatal("no product to adjust: %s", page ? "empty catalog" : qPrintable(page.error().toString()));
    const auto levels = settle(committer->stockLevels(page->rows.first().id));
    if (!levels || levels->isEmpty())
        qFatal("no stock level to adjust");
    const catalog::StockLevel level = levels->first();

    const QString runTag = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);

    // the background writers: each client's next checkout as soon as its last one is answered
    std::vector<std::shared_ptr<RemoteClient>> loaders;
    for (int i = 0; i < load; ++i)
        loaders.push_back(connectClient(node, shop.apiKey, false));
    QObject loadContext;
    int loadStarted = 0;
    int loadDone = 0;
    bool loadStopping = false;
    std::function<void(RemoteClient*)> loadNext = [&](RemoteClient* client) {
        const int index = 1'000'000 + loadStarted++;
        onReady(client->checkout(shop.order(index), shop.card(), true, u"%1-load-%2"_s.arg(runTag).arg(index)),
                &loadContext, [&, client](const Result<payments::Checkout>& paid) {
                    if (!paid)
                        qFatal("background checkout: %s", qPrintable(paid.error().toString()));
                    ++loadDone;
                    if (!loadStopping)
                        loadNext(client);
                });
    };
    for (const auto& client : loaders)
        loadNext(client.get());
    QRandomGenerator random(7);
    QList<Sample> done;
    QString transportAfterWarmUp;
    const double loadBefore = bench::loadAverage().section(u' ', 0, 0).toDouble();
    QElapsedTimer wall;
    wall.start();
    const double nodeCpuBefore = bench::cpuSeconds(node.pid());
    for (int i = 0; i < samples + 20; ++i) { // the first 20 warm the connections and are dropped
        QEventLoop loop;
        QTimer::singleShot(int(random.bounded(gapMs + 1)), &loop, &QEventLoop::quit);
        loop.exec();
        Sample s;
        s.checkout = i % 2 == 1;
        const QString key = u"%1-%2"_s.arg(runTag).arg(i);
        QString entity; // the order's or the variant's id
        qint64 version = 0;
        const qint64 askedNs = steadyNs();
        if (s.checkout) {
            const auto paid = settle(committer->checkout(shop.order(i), shop.card(), true, key));
            if (!paid)
                qFatal("checkout: %s", qPrintable(paid.error().toString()));
            entity = paid->order.id.toString();
        } else {
            const catalog::StockAdjustment received{
                level.variantId, level.locationId, catalog::MovementKind::Received, 1, u"feed bench"_s, -1};
            const auto moved = settle(committer->adjustStock(received, key));
            if (!moved)
                qFatal("stock: %s", qPrintable(moved.error().toString()));
            entity = moved->variantId.toString();
            version = moved->version;
        }
        s.commitMs = double(steadyNs() - askedNs) / 1e6;
        QElapsedTimer waited;
        waited.start();
        std::optional<qint64> arrived;
        while (!(arrived = arrivedNs(s.checkout, entity, version))) {
            if (waited.elapsed() > SampleTimeoutMs) {
                QStringList seen; // what did arrive of that variant, for the report
                for (const auto& [v, ns] : stockArrivals.value(entity))
                    seen << QString::number(v);
                qFatal("sample %d: %s %s (version %lld) never arrived in the feed in %d ms; feed at seq %lld; "
                       "versions of it seen: %s",
                       i, s.checkout ? "order" : "stock of variant", qPrintable(entity), version, SampleTimeoutMs,
                       follower->feedSeq(), qPrintable(seen.mid(std::max<qsizetype>(0, seen.size() - 10)).join(u' ')));
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        s.feedMs = double(*arrived - askedNs) / 1e6;
        if (i >= 20)
            done.append(s);
        if (i == 19)
            transportAfterWarmUp = feedTransport(*follower);
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double nodeCpuS = bench::cpuSeconds(node.pid()) - nodeCpuBefore;
    const int loadCompleted = loadDone;
    loadStopping = true;
    while (loadDone < loadStarted) // let the last background checkouts finish before soukd stops
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    const auto column = [&done](int kind, bool feed) { // kind 0 stock, 1 checkout, 2 both
        QList<double> v;
        for (const Sample& s : done)
            if (kind == 2 || int(s.checkout) == kind)
                v.append(feed ? s.feedMs : s.commitMs);
        return v;
    };
    out << "follower's feed: " << transportAfterWarmUp << " after the warm-up, " << feedTransport(*follower)
        << " at the end" << Qt::endl;
    out << "change feed, commit → follower's changed() on loopback; " << done.size() << " samples in " << num(seconds)
        << " s, pause 0.." << gapMs << " ms between samples; load " << loadBefore << " → " << bench::loadAverage()
        << "; soukd CPU " << num(nodeCpuS, 2) << " s" << Qt::endl;
    if (load > 0)
        out << "write load meanwhile: " << load
            << " more RemoteClients, one checkout in flight each: " << num(loadCompleted / seconds, 0)
            << " checkouts/s in the background" << Qt::endl;
    out << Qt::endl;
    out << "| commit | samples | commit ask → answer p50 / p99 | **ask → change at the follower p50 / p99** | "
           "worst | feed − commit, p50 |"
        << Qt::endl
        << "|---|---|---|---|---|---|" << Qt::endl;
    const char* names[] = {"stock adjustment", "checkout (captured)", "both"};
    for (int kind = 0; kind < 3; ++kind) {
        const QList<double> commit = column(kind, false);
        const QList<double> feed = column(kind, true);
        QList<double> extra;
        for (const Sample& s : done)
            if (kind == 2 || int(s.checkout) == kind)
                extra.append(s.feedMs - s.commitMs);
        out << "| " << names[kind] << " | " << feed.size() << " | " << num(bench::percentile(commit, 50)) << " / "
            << num(bench::percentile(commit, 99)) << " ms | **" << num(bench::percentile(feed, 50)) << " / "
            << num(bench::percentile(feed, 99)) << " ms** | " << num(bench::percentile(feed, 100)) << " ms | "
            << num(bench::percentile(extra, 50)) << " ms |" << Qt::endl;
    }
    const double p99 = bench::percentile(column(2, true), 99);
    out << Qt::endl
        << "p99 commit → remote console: " << num(p99) << " ms (goal < 50 ms: " << (p99 < 50 ? "met" : "not met") << ")"
        << Qt::endl;
    const bool clean = node.stop();
    out << (clean ? "soukd stopped on SIGTERM with exit 0" : "soukd did NOT stop cleanly") << Qt::endl;
    return clean ? 0 : 1;
}
