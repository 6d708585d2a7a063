// The change feed from a commit to a remote console, on loopback: soukd (started from here) on a
// seeded store; one RemoteClient commits through the API, another follows the feed as the console
// does (whatever RemoteClient does: a long poll today). Per sample: the steady clock just before
// the commit is asked for, then the time the committed entity arrives in the follower's changed()
// signal. Same process, same clock. The commit's own round trip (ask → answer) is the baseline
// of the same sample: what the feed adds is the difference.
//
// Commits are one at a time, each after the previous one's change arrived and a pause of
// 0..GAP_MS ms (uniform, seeded), so a commit lands both while the follower's poll waits and
// while it is being asked again. Two kinds alternate: a stock adjustment (one change row) and a
// checkout (3 lines, captured: about a dozen change rows); the sample waits for the stock row of
// that version or for the order. Both clients act as the merchant's owner (API key), so the node
// filters the feed by merchant, as for a merchant's console.
//
// Usage: bench_node_feed [SAMPLES] [GAP_MS]   (default 1000 20). Build in Release.
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
#include <memory>

#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "tests/bench/BenchNode.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

constexpr int Products = 50;
constexpr int Customers = 20;
constexpr int SampleTimeoutMs = 10'000;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

template <typename T> T settle(const QFuture<T>& future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

std::shared_ptr<RemoteClient> connectClient(const bench::SoukdProcess& node, const QString& key, bool follow)
{
    RemoteClient::Options o;
    o.url = QUrl(node.url());
    o.fingerprint = node.fingerprint();
    o.apiKey = key;
    o.followChanges = follow;
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
    if (samples < 1 || gapMs < 0)
        qFatal("usage: bench_node_feed [SAMPLES] [GAP_MS]");
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString store = dir.filePath(u"node.souk"_s);
    const bench::NodeShop shop = bench::seedNodeShop(store, Products, Customers);
    bench::SoukdProcess node;
    node.start(dir.path(), store,
               "[limits]\n"
               "per_address_rate=1000000\nper_address_burst=10000000\n"
               "per_principal_rate=1000000\nper_principal_burst=10000000\n");
    const auto follower = connectClient(node, shop.apiKey, true);
    const auto committer = connectClient(node, shop.apiKey, false);

    // arrivals by entity and id, stamped as the follower's signal is delivered
    QHash<QString, qint64> arrivedNs;
    QObject::connect(follower.get(), &Client::changed, follower.get(), [&arrivedNs](const ChangeList& changes) {
        const qint64 now = steadyNs();
        for (const Change& c : changes) {
            if (c.entity == u"stock"_s)
                arrivedNs.insert(u"stock/%1/%2"_s.arg(c.id.toString()).arg(c.version), now);
            else if (c.entity == u"order"_s && !arrivedNs.contains(u"order/"_s + c.id.toString()))
                arrivedNs.insert(u"order/"_s + c.id.toString(), now);
        }
    });

    // the level the adjustments move: the first product's first variant
    const auto page = settle(committer->productPage({shop.merchant, {}, 1}));
    if (!page || page->rows.isEmpty())
        qFatal("no product to adjust: %s", page ? "empty catalog" : qPrintable(page.error().toString()));
    const auto levels = settle(committer->stockLevels(page->rows.first().id));
    if (!levels || levels->isEmpty())
        qFatal("no stock level to adjust");
    const catalog::StockLevel level = levels->first();

    const QString runTag = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    QRandomGenerator random(7);
    QList<Sample> done;
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
        QString entity;
        const qint64 askedNs = steadyNs();
        if (s.checkout) {
            const auto paid = settle(committer->checkout(shop.order(i), shop.card(), true, key));
            if (!paid)
                qFatal("checkout: %s", qPrintable(paid.error().toString()));
            entity = u"order/"_s + paid->order.id.toString();
        } else {
            const catalog::StockAdjustment received{
                level.variantId, level.locationId, catalog::MovementKind::Received, 1, u"feed bench"_s, -1};
            const auto moved = settle(committer->adjustStock(received, key));
            if (!moved)
                qFatal("stock: %s", qPrintable(moved.error().toString()));
            entity = u"stock/%1/%2"_s.arg(moved->variantId.toString()).arg(moved->version);
        }
        s.commitMs = double(steadyNs() - askedNs) / 1e6;
        QElapsedTimer waited;
        waited.start();
        while (!arrivedNs.contains(entity)) {
            if (waited.elapsed() > SampleTimeoutMs)
                qFatal("%s never arrived in the feed", qPrintable(entity));
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        s.feedMs = double(arrivedNs.take(entity) - askedNs) / 1e6;
        if (i >= 20)
            done.append(s);
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double nodeCpuS = bench::cpuSeconds(node.pid()) - nodeCpuBefore;

    const auto column = [&done](int kind, bool feed) { // kind 0 stock, 1 checkout, 2 both
        QList<double> v;
        for (const Sample& s : done)
            if (kind == 2 || int(s.checkout) == kind)
                v.append(feed ? s.feedMs : s.commitMs);
        return v;
    };
    out << "change feed, commit → follower's changed() on loopback; " << done.size() << " samples in " << num(seconds)
        << " s, pause 0.." << gapMs << " ms between samples; load " << loadBefore << " → " << bench::loadAverage()
        << "; soukd CPU " << num(nodeCpuS, 2) << " s" << Qt::endl
        << Qt::endl;
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
