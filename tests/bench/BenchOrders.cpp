// Order pipeline figures: create (3 lines, stock reserved) -> authorize -> capture (ledger, stock sold),
// each with its timeline, idempotency key and change feed, on an embedded store with a provider
// that answers at once, many orders in flight so the writer groups them into shared commits.
// Measured as three commands with synchronous=NORMAL and FULL (the default), and as one
// checkout command with FULL, each against a raw SQLite baseline writing the same rows (FULL).
// Usage: bench_orders [ORDERS] [IN_FLIGHT] (default 10000, 256). Build in Release.
// bench_orders --postgresql [ORDERS] [IN_FLIGHT]: checkouts on SQLite, on one node on a local
// PostgreSQL 15 (fsync on, loopback TCP, the engine's QtSql path) and on three nodes sharing one
// database, same run.
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

#include "backend/client/LocalClient.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/store/Sql.h"
#include "tests/bench/BenchRawOrders.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/Keys.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

constexpr int LinesPerOrder = bench::RawOrders::LinesPerOrder;
constexpr int Customers = 100;
constexpr int WarmUpOrders = 300;
constexpr qint64 StockPerSku = 100'000'000; ///< no order of the run may fail for want of stock

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// A store ready to take orders: demo catalog with deep stock, terms, customers.
struct Shop
{
    std::unique_ptr<LocalClient> client;
    /// More nodes on the same PostgreSQL store: the orders are dealt out round robin.
    std::vector<std::unique_ptr<LocalClient>> others;
    bool checkout = false; ///< one checkout command per order instead of three
    Id merchant;
    QStringList skus;
    QList<Id> customers;
    int cardYear = 0;

    /// The node that carries order `index`'s commands (all of them, as a console's would).
    LocalClient& node(int index)
    {
        const size_t n = size_t(index) % (others.size() + 1);
        return n == 0 ? *client : *others[n - 1];
    }
    qint64 commits() const
    {
        qint64 sum = client->engine().commits();
        for (const auto& other : others)
            sum += other->engine().commits();
        return sum;
    }
};

std::unique_ptr<LocalClient> openNode(const QString& path, store::Durability durability,
                                      const std::shared_ptr<payments::PaymentProvider>& provider)
{
    LocalClient::Options options;
    options.store.path = path;
    options.store.durability = durability;
    options.provider = provider;
    options.maintenanceIntervalMs = 0;
    auto client = LocalClient::open(options);
    if (!client)
        qFatal("%s", qPrintable(client.error().toString()));
    return std::move(client).value();
}

Shop openShop(const QString& path, store::Durability durability, int nodes = 1)
{
    // one card network for every node, answering at once: the engine alone
    const auto provider = std::make_shared<payments::SimulatedProvider>(0);
    Shop shop{openNode(path, durability, provider), {}, false, {}, {}, {}, QDate::currentDate().year() + 3};
    for (int n = 1; n < nodes; ++n)
        shop.others.push_back(openNode(path, durability, provider));
    const catalog::Merchant merchant = wait(shop.client->merchants())->first();
    shop.merchant = merchant.id;
    catalog::ImportPlan plan = sim::demoCatalog(merchant.currency, 300, 11);
    for (auto& item : plan.products) {
        item.product.status = catalog::ProductStatus::Active;
        for (auto& q : item.inventoryQuantities)
            q = StockPerSku;
        for (const auto& v : item.product.variants)
            shop.skus.append(v.sku);
    }
    if (auto r = wait(shop.client->runImport(shop.merchant, plan, {})); !r)
        qFatal("import: %s", qPrintable(r.error().toString()));
    orders::MerchantTerms terms{shop.merchant, 825, 290, 30, 0, 30, 0};
    if (auto r = wait(shop.client->setMerchantTerms(terms, souk::test::newKey())); !r)
        qFatal("terms: %s", qPrintable(r.error().toString()));
    for (int i = 0; i < Customers; ++i) {
        orders::Customer c{{}, u"Customer %1"_s.arg(i), u"c%1@example.com"_s.arg(i), {}, {}, 0};
        auto r = wait(shop.client->createCustomer(c, souk::test::newKey()));
        if (!r)
            qFatal("customer: %s", qPrintable(r.error().toString()));
        shop.customers.append(r->id);
    }
    return shop;
}

/// One order through the pipeline; stage says which command it waits for.
struct Flight
{
    int index = 0;
    int stage = 0; ///< 0 create, 1 authorize, 2 capture; 3 checkout
    qint64 startNs = 0;
    QFuture<Result<orders::Order>> create;
    QFuture<Result<payments::Payment>> payment;
    QFuture<Result<payments::Checkout>> checkout;
};

struct RunFigures
{
    qint64 elapsedMs = 0;
    QList<double> latencyMs;
};

/// Calls `done` on the driving thread when the command finishes: a watcher, as the console
/// does (QFuture::then() can run a continuation twice on Qt 6.4, see Engine::write).
using Done = std::function<void(Flight*)>;
template <typename T> void notify(const QFuture<T>& future, QObject* context, const Done& done, Flight* f)
{
    onReady(future, context, [&done, f](const T&) { done(f); });
}

void launch(Shop& shop, Flight& f, const QString& run, QObject* context, const Done& done)
{
    orders::NewOrder order{shop.merchant, shop.customers[f.index % Customers], {}, {}, {}};
    for (int k = 0; k < LinesPerOrder; ++k)
        order.lines.append({shop.skus[(f.index * LinesPerOrder + k) % shop.skus.size()], 1 + k % 2});
    if (shop.checkout) {
        const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, shop.cardYear,
                                       u"123"_s};
        f.checkout = shop.node(f.index).checkout(order, card, true, u"%1-%2-k"_s.arg(run).arg(f.index));
        f.stage = 3;
        notify(f.checkout, context, done, &f);
        return;
    }
    f.create = shop.node(f.index).createOrder(order, u"%1-%2-c"_s.arg(run).arg(f.index));
    notify(f.create, context, done, &f);
}

/// Moves a finished flight to its next command; true when its capture was acknowledged.
bool advance(Shop& shop, Flight& f, const QString& run, QObject* context, const Done& done)
{
    if (f.stage == 3) {
        const auto paid = f.checkout.result();
        if (!paid || paid->payment.status != payments::PaymentStatus::Captured)
            qFatal("checkout: %s", paid ? "not captured" : qPrintable(paid.error().toString()));
        return true;
    }
    if (f.stage == 0) {
        const auto order = f.create.result();
        if (!order)
            qFatal("create: %s", qPrintable(order.error().toString()));
        const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, shop.cardYear,
                                       u"123"_s};
        f.payment = shop.node(f.index).authorizePayment(order->id, card, u"%1-%2-a"_s.arg(run).arg(f.index));
        f.stage = 1;
        notify(f.payment, context, done, &f);
        return false;
    }
    const auto payment = f.payment.result();
    if (!payment || (f.stage == 1 && payment->status != payments::PaymentStatus::Authorized))
        qFatal("payment: %s", payment ? "declined" : qPrintable(payment.error().toString()));
    if (f.stage == 2)
        return true;
    f.payment = shop.node(f.index).capturePayment(payment->id, std::nullopt, u"%1-%2-p"_s.arg(run).arg(f.index));
    f.stage = 2;
    notify(f.payment, context, done, &f);
    return false;
}

/// Keeps `inFlight` orders in the pipeline until `count` have been captured.
RunFigures runPipeline(Shop& shop, int count, int inFlight, const QString& run)
{
    RunFigures figures;
    std::vector<std::unique_ptr<Flight>> flights{size_t(count)};
    QEventLoop loop;
    QObject context;
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    int flying = 0;
    Done done;
    const auto startMore = [&] {
        while (started < count && flying < inFlight) {
            auto& f = flights[size_t(started)];
            f = std::make_unique<Flight>();
            f->index = started++;
            f->startNs = clock.nsecsElapsed();
            ++flying;
            launch(shop, *f, run, &context, done);
        }
    };
    done = [&](Flight* f) {
        if (advance(shop, *f, run, &context, done)) {
            figures.latencyMs.append(double(clock.nsecsElapsed() - f->startNs) / 1e6);
            --flying;
            startMore();
            if (flying == 0)
                loop.quit();
        }
    };
    startMore();
    if (flying > 0)
        loop.exec();
    figures.elapsedMs = clock.elapsed();
    return figures;
}

/// One figure per table of the order's rows: `sql` takes the table's name (%1) and its mark
/// column (%2).
QMap<QString, qint64> perTable(LocalClient& client, const QString& sql)
{
    auto figures =
        wait(client.engine().read<QMap<QString, qint64>>([sql](QSqlDatabase& db) -> Result<QMap<QString, qint64>> {
            QMap<QString, qint64> out;
            for (const QString& table : bench::RawOrders::tables()) {
                auto n = store::scalar(db, sql.arg(table, bench::RawOrders::markColumn(table)), {});
                if (!n)
                    return n.error();
                out.insert(table, n->toLongLong());
            }
            return out;
        }));
    if (!figures)
        qFatal("reading the tables: %s", qPrintable(figures.error().toString()));
    return *figures;
}

/// Rows per table, to learn what one order writes (every mark column is NOT NULL).
QMap<QString, qint64> rowCounts(LocalClient& client)
{
    return perTable(client, u"SELECT count(%2) FROM %1"_s);
}

/// Where each table stands, for the baseline to copy the run's rows.
bench::RawOrders::Marks marks(LocalClient& client)
{
    return perTable(client, u"SELECT coalesce(max(%2), 0) FROM %1"_s);
}

void checkStore(LocalClient& client)
{
    auto problems =
        wait(client.engine().read<QStringList>([](QSqlDatabase& db) { return payments::CommerceCheck::run(db); }));
    if (!problems || !problems->isEmpty())
        qFatal("the store fails its check: %s",
               problems ? qPrintable(problems->join(u"; "_s)) : qPrintable(problems.error().toString()));
}

struct ModeFigures
{
    double ordersPerSecond = 0;
    double ordersPerCommit = 0;
    QMap<QString, qint64> rowsPerOrder;
    QString path;                   ///< the store, for the baseline to copy
    bench::RawOrders::Marks before; ///< where its tables stood before the run
    bench::RawOrders::Marks after;  ///< and after it
};

/// `where`: a folder for a new SQLite file, or a PostgreSQL URL.
ModeFigures measureMode(const QString& where, store::Durability durability, bool checkout, int count, int inFlight,
                        int nodes = 1)
{
    const QString name = durability == store::Durability::Full ? u"FULL"_s : u"NORMAL"_s;
    const QString commands = checkout ? u"checkout"_s : u"create+authorize+capture"_s;
    ModeFigures mode;
    const bool postgres = store::StoreOptions::isPostgresUrl(where);
    mode.path = postgres ? where : where + u"/orders-"_s + name + (checkout ? u"-checkout"_s : QString()) + u".souk"_s;
    Shop shop = openShop(mode.path, durability, nodes);
    shop.checkout = checkout;
    runPipeline(shop, WarmUpOrders, inFlight, u"warm"_s);
    // rows per table and marks feed the raw SQLite baseline, which a PostgreSQL run has not
    const auto before = postgres ? QMap<QString, qint64>() : rowCounts(*shop.client);
    mode.before = postgres ? bench::RawOrders::Marks() : marks(*shop.client);
    const qint64 commitsBefore = shop.commits();
    const RunFigures run = runPipeline(shop, count, inFlight, u"run"_s);
    const qint64 commits = shop.commits() - commitsBefore;
    const auto after = postgres ? QMap<QString, qint64>() : rowCounts(*shop.client);
    mode.after = postgres ? bench::RawOrders::Marks() : marks(*shop.client);
    checkStore(*shop.client);
    mode.ordersPerSecond = count * 1000.0 / std::max<qint64>(1, run.elapsedMs);
    mode.ordersPerCommit = double(count) / double(std::max<qint64>(1, commits));
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        mode.rowsPerOrder.insert(it.key(), (it.value() - before.value(it.key())) / count);
    const QString store = !postgres    ? u"SQLite"_s
                          : nodes == 1 ? u"PostgreSQL, one node"_s
                                       : u"PostgreSQL, %1 nodes"_s.arg(nodes);
    QTextStream(stdout) << commands << ", " << store << ", synchronous=" << name << ", " << count << " orders, "
                        << inFlight << " in flight:" << Qt::endl;
    bench::report(u"  orders/s"_s, mode.ordersPerSecond, u"orders/s"_s);
    bench::report(u"  latency p50, submit to capture ack"_s, bench::percentile(run.latencyMs, 50), u"ms"_s);
    bench::report(u"  latency p99, submit to capture ack"_s, bench::percentile(run.latencyMs, 99), u"ms"_s);
    // three commands per order, each acknowledged only once committed: with this many in
    // flight, a commit can hold only so many orders' worth of commands
    bench::report(u"  orders per commit (mean)"_s, mode.ordersPerCommit, QString());
    const RunFigures alone = runPipeline(shop, 200, 1, u"alone"_s);
    bench::report(u"  latency p50 with 1 in flight"_s, bench::percentile(alone.latencyMs, 50), u"ms"_s);
    bench::report(u"  latency p99 with 1 in flight"_s, bench::percentile(alone.latencyMs, 99), u"ms"_s);
    return mode;
}

} // namespace

/// Checkouts on SQLite and on one node on a local PostgreSQL 15 (fsync on), in the same run.
int comparePostgres(const QString& dir, int count, int inFlight)
{
    test::PgServer pg;
    pg.setDurable(true);
    if (!pg.start() || !pg.createDatabase(u"bench"_s))
        qFatal("PostgreSQL: %s", qPrintable(pg.error()));
    const ModeFigures sqlite = measureMode(dir, store::Durability::Full, true, count, inFlight);
    const ModeFigures postgres = measureMode(pg.url(u"bench"_s), store::Durability::Full, true, count, inFlight);
    // three nodes (three engines in this process, each with its writer and connections) share a
    // fresh database, the orders dealt out among them
    if (!pg.createDatabase(u"bench3"_s))
        qFatal("PostgreSQL: %s", qPrintable(pg.error()));
    const ModeFigures three = measureMode(pg.url(u"bench3"_s), store::Durability::Full, true, count, inFlight, 3);
    QTextStream(stdout) << "cores: " << QThread::idealThreadCount() << Qt::endl;
    bench::report(u"  checkout, PostgreSQL one node / SQLite"_s,
                  100.0 * postgres.ordersPerSecond / sqlite.ordersPerSecond, u"%"_s);
    bench::report(u"  checkout, PostgreSQL three nodes / one node"_s,
                  100.0 * three.ordersPerSecond / postgres.ordersPerSecond, u"%"_s);
    return 0;
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    QStringList args = app.arguments().mid(1);
    const bool postgres = args.removeAll(u"--postgresql"_s) > 0;
    const int count = !args.isEmpty() ? args[0].toInt() : 10'000;
    const int inFlight = args.size() > 1 ? args[1].toInt() : 256;
    if (count < 1 || inFlight < 1)
        qFatal("usage: bench_orders [--postgresql] [ORDERS] [IN_FLIGHT]");
    QTemporaryDir dir;
    if (postgres)
        return comparePostgres(dir.path(), count, inFlight);
    const ModeFigures normal = measureMode(dir.path(), store::Durability::Normal, false, count, inFlight);
    const ModeFigures full = measureMode(dir.path(), store::Durability::Full, false, count, inFlight);
    const ModeFigures checkout = measureMode(dir.path(), store::Durability::Full, true, count, inFlight);

    QTextStream out(stdout);
    const auto rows = [&out](const char* what, const ModeFigures& mode) {
        out << "rows written per order, " << what << " (from the engine's tables):";
        qint64 total = 0;
        for (auto it = mode.rowsPerOrder.cbegin(); it != mode.rowsPerOrder.cend(); ++it) {
            out << ' ' << it.key() << '=' << it.value();
            total += it.value();
        }
        out << " total=" << total << Qt::endl;
    };
    rows("three commands", full);
    rows("checkout", checkout);
    // each baseline writes the very rows of a run, into a copy of its store as it was, at the
    // store's default (durable) setting
    const auto baselineOf = [&dir, count](const ModeFigures& mode, const QString& name) {
        const bench::RawOrders::Figures b =
            bench::RawOrders::run(dir.filePath(name), mode.path, mode.before, mode.after);
        if (b.orders != count)
            qFatal("the baseline found %lld orders of the run, not %d", b.orders, count);
        return b;
    };
    const bench::RawOrders::Figures baseline = baselineOf(full, u"raw.souk"_s);
    const bench::RawOrders::Figures checkoutBaseline = baselineOf(checkout, u"raw-checkout.souk"_s);
    out << "raw SQLite baseline, the engine's own rows (synchronous=FULL, " << bench::RawOrders::OrdersPerTransaction
        << " orders per transaction):" << Qt::endl;
    bench::report(u"  raw orders/s, three commands' rows"_s, baseline.ordersPerSecond, u"orders/s"_s);
    bench::report(u"  raw orders/s, checkout's rows"_s, checkoutBaseline.ordersPerSecond, u"orders/s"_s);
    bench::report(u"  engine / raw, three commands, NORMAL"_s, 100.0 * normal.ordersPerSecond / baseline.ordersPerSecond,
                  u"%"_s);
    bench::report(u"  engine / raw, three commands, FULL"_s, 100.0 * full.ordersPerSecond / baseline.ordersPerSecond,
                  u"%"_s);
    bench::report(u"  checkout / raw, FULL (goal >= 65 %)"_s,
                  100.0 * checkout.ordersPerSecond / checkoutBaseline.ordersPerSecond, u"%"_s);
    bench::report(u"  FULL / NORMAL, three commands (goal >= 90 %)"_s,
                  100.0 * full.ordersPerSecond / normal.ordersPerSecond, u"%"_s);
    bench::report(u"  checkout / three commands, FULL"_s, 100.0 * checkout.ordersPerSecond / full.ordersPerSecond,
                  u"%"_s);
    // The same rows committed as often as the engine committed them: how much of the gap is
    // commit granularity rather than the engine's own work. Not the goal's baseline.
    const int sameGrain = std::max(1, int(std::lround(full.ordersPerCommit)));
    const bench::RawOrders::Figures grained =
        bench::RawOrders::run(dir.filePath(u"raw-grained.souk"_s), full.path, full.before, full.after, sameGrain);
    out << "raw SQLite at the engine's commit size (synchronous=FULL, " << sameGrain
        << " orders per transaction):" << Qt::endl;
    bench::report(u"  raw orders/s"_s, grained.ordersPerSecond, u"orders/s"_s);
    bench::report(u"  engine / raw at that size, FULL"_s, 100.0 * full.ordersPerSecond / grained.ordersPerSecond,
                  u"%"_s);
    return 0;
}
