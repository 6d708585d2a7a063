// The order monitor with a large store: time to the first rows of the orders table, time to the
// first rows of a status filter, and - with new orders arriving through the engine at a set
// rate - the GUI event-loop stall (p99, worst) and the console's memory.
// Usage: bench_monitor [ORDERS=1000000] [ARRIVALS_PER_S=2000] [SECONDS=15]. Release; offscreen.
#include <QApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <atomic>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderListModel.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/Keys.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

template <typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

template <typename T>
T must(Result<T> r, const char* what)
{
    if (!r)
        qFatal("%s: %s", what, qPrintable(r.error().toString()));
    return std::move(r).value();
}

/// A product with unlimited stock and one customer, for orders placed through the engine.
void seedCatalog(LocalClient& client, Id merchantId)
{
    catalog::Product p;
    p.merchantId = merchantId;
    p.title = u"Bench widget"_s;
    p.status = catalog::ProductStatus::Active;
    catalog::Variant v;
    v.sku = u"BENCH-1"_s;
    v.price = Money(1999, must(Currency::find(u"EUR"), "currency"));
    p.variants = {v};
    const auto saved = must(wait(client.saveProduct(p)), "product");
    const auto location = must(wait(client.locations(merchantId)), "locations").first();
    must(wait(client.adjustStock(
             {saved.variants[0].id, location.id, catalog::MovementKind::Received, 900'000'000, u"bench"_s, -1},
             souk::test::newKey())),
         "stock");
    must(wait(client.createCustomer(orders::Customer{{}, u"Bench"_s, u"bench@example.com"_s, {}, {}, 0},
                                    souk::test::newKey())),
         "customer");
}

/// Child mode: `orders` historical orders, one per millisecond ending now, written by one SQL
/// statement (the monitor reads them; how they were made does not matter to it).
void seed(const QString& path, qint64 orders)
{
    LocalClient::Options options;
    options.store.path = path;
    options.maintenanceIntervalMs = 0;
    auto client = must(LocalClient::open(options), "open");
    const Id merchantId = must(wait(client->merchants()), "merchants").first().id;
    seedCatalog(*client, merchantId);
    const qint64 endMs = client->engine().clock().nowMs() - 1000;
    const qint64 startMs = endMs - orders;
    const qint64 base = IdGenerator::firstIdAt(startMs).value;
    const qint64 step = qint64(1) << (IdGenerator::NodeBits + IdGenerator::SequenceBits); // one millisecond
    auto done = wait(client->engine().write<bool>(Actor{u"bench"_s, u"system"_s}, [=](store::UnitOfWork& uow) -> Result<bool> {
        // statuses: 70 % paid, 10 % awaiting payment, 8 % completed, 5 % cancelled, 4 % expired, 3 % refunded
        const QString sql = uR"(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            INSERT INTO orders (id, merchant_id, customer_id, location_id, status, payment_state, currency,
              subtotal_minor, discount_minor, tax_minor, delivery_fee_minor, total_minor, captured_minor,
              refunded_minor, card_last4, customer_email, expires_ms, created_ms, updated_ms, version)
            SELECT ? + i * ?, ?, (SELECT id FROM customers LIMIT 1), (SELECT id FROM locations LIMIT 1), s, p, 'EUR',
              t, 0, 0, 0, t, CASE WHEN p IN (2, 3, 4) THEN t ELSE 0 END, CASE WHEN p = 4 THEN t ELSE 0 END,
              CASE WHEN p = 0 THEN '' ELSE printf('%04d', i % 10000) END, 'customer' || (i % 50000) || '@example.com',
              ? + i + 1800000, ? + i, ? + i, 1
            FROM (SELECT i, (i * 7919) % 100000 + 500 AS t,
                    CASE WHEN i % 100 < 70 THEN 1 WHEN i % 100 < 80 THEN 0 WHEN i % 100 < 88 THEN 5
                         WHEN i % 100 < 93 THEN 6 WHEN i % 100 < 97 THEN 7 ELSE 9 END AS s,
                    CASE WHEN i % 100 < 70 THEN 2 WHEN i % 100 < 80 THEN 0 WHEN i % 100 < 88 THEN 2
                         WHEN i % 100 < 93 THEN 5 WHEN i % 100 < 97 THEN 0 ELSE 4 END AS p FROM n))"_s;
        if (auto s = store::exec(uow.db(), sql, {orders, base, step, merchantId.value, startMs, startMs, startMs}); !s)
            return s.error();
        return true;
    }));
    must(done, "seeding orders");
    QTextStream(stdout) << "bench_monitor: " << orders << " orders seeded" << Qt::endl;
}

/// How late a 5 ms timer fires: the GUI thread's stalls.
class StallProbe final : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_gaps.append(double(m_clock.restart() - 5));
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_timer.start();
    }
    QList<double> m_gaps;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
};

/// Places orders through the engine at `rate` per second for `seconds`, on its own thread.
struct Arrivals
{
    std::atomic<qint64> placed{0};
    std::atomic<qint64> failed{0};
    void run(LocalClient& client, Id merchantId, Id customerId, int rate, int seconds)
    {
        QElapsedTimer t;
        t.start();
        QList<QFuture<Result<orders::Order>>> inFlight;
        qint64 issued = 0;
        while (t.elapsed() < seconds * 1000LL) {
            const qint64 due = t.elapsed() * rate / 1000;
            for (; issued < due; ++issued) {
                inFlight.append(client.createOrder({merchantId, customerId, {{u"BENCH-1"_s, 1}}, {}, {}},
                                                   u"arrival-%1"_s.arg(issued)));
            }
            while (!inFlight.isEmpty() && inFlight.first().isFinished()) {
                (inFlight.takeFirst().result() ? placed : failed) += 1;
            }
            QThread::msleep(2);
        }
        for (auto& f : inFlight)
            (wait(f) ? placed : failed) += 1;
    }
};

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == u"--seed") {
        seed(args[2], args[3].toLongLong());
        return 0;
    }
    const qint64 orders = args.size() > 1 ? args[1].toLongLong() : 1'000'000;
    const int rate = args.size() > 2 ? args[2].toInt() : 2000;
    const int seconds = args.size() > 3 ? args[3].toInt() : 15;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"monitor.souk"_s);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {u"--seed"_s, path, QString::number(orders)});
    if (!child.waitForFinished(900'000) || child.exitCode() != 0)
        qFatal("seeding failed");

    LocalClient::Options options;
    options.store.path = path;
    options.maintenanceIntervalMs = 0;
    auto client = must(LocalClient::open(options), "open");
    const Id merchantId = must(wait(client->merchants()), "merchants").first().id;
    const Id customerId{wait(client->engine().read<QVariant>([](QSqlDatabase& db) {
                            return store::scalar(db, u"SELECT id FROM customers LIMIT 1"_s);
                        }))->toLongLong()};
    Prefs prefs(dir.filePath(u"bench.ini"_s));

    QElapsedTimer sinceOpen;
    sinceOpen.start();
    OrdersPage page(*client, prefs, merchantId);
    page.resize(1440, 900);
    page.show();
    OrderListModel* model = page.model();
    qint64 firstRowsMs = -1, filterMs = -1;
    QObject::connect(model, &OrderListModel::firstRowsShown, &app, [&](qint64 ms) {
        if (firstRowsMs < 0)
            firstRowsMs = ms;
        else if (filterMs < 0)
            filterMs = ms;
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    app.exec();
    OrderFilter paid;
    paid.status = orders::OrderStatus::Refunded; // 3 % of the orders: the page must reach further
    model->setFilter(paid);
    app.exec();
    model->setFilter(OrderFilter{}); // back to everything: new orders go in at the top
    app.exec();

    StallProbe probe;
    probe.start();
    Arrivals arrivals;
    QThread* feeder = QThread::create([&] { arrivals.run(*client, merchantId, customerId, rate, seconds); });
    QObject::connect(feeder, &QThread::finished, &app, [&] { QTimer::singleShot(1500, &app, &QCoreApplication::quit); });
    feeder->start();
    app.exec();
    feeder->wait();
    delete feeder;
    bench::report(u"orders in the store"_s, double(orders), u"orders"_s);
    bench::report(u"orders page: open to first rows"_s, double(firstRowsMs), u"ms"_s);
    bench::report(u"status filter (refunded, 3 % of orders): to first rows"_s, double(filterMs), u"ms"_s);
    bench::report(u"arrivals asked"_s, double(rate), u"orders/s"_s);
    bench::report(u"arrivals placed"_s, double(arrivals.placed) / seconds, u"orders/s"_s);
    bench::report(u"arrivals failed"_s, double(arrivals.failed), u"orders"_s);
    bench::report(u"rows in the table after arrivals"_s, model->rowCount(), u"rows"_s);
    bench::report(u"GUI stall with arrivals, p99"_s, bench::percentile(probe.m_gaps, 99), u"ms"_s);
    bench::report(u"GUI stall with arrivals, worst"_s, bench::percentile(probe.m_gaps, 100), u"ms"_s);
    bench::report(u"console RSS"_s, bench::residentMb(), u"MB"_s);
    return 0;
}
