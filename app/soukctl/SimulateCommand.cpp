// soukctl simulate: plays shop traffic against the store (demo catalog and terms when it has none).
#include <QElapsedTimer>
#include <QUuid>

#include <limits>

#include "app/soukctl/Cli.h"
#include "backend/engine/Engine.h"
#include "backend/orders/OrderService.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/sim/OrderTraffic.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

constexpr int DemoProducts = 200;
constexpr int ConcurrencyDefault = 16;
constexpr qint64 ProgressIntervalMs = 250;
// demo terms: 8.25 % tax, 2.9 % + 30 minor units commission, no delivery fee
constexpr int DemoTaxBp = 825;
constexpr int DemoCommissionBp = 290;
constexpr qint64 DemoCommissionFixedMinor = 30;
/// The slowest --rate: one order every 1000 s. The pacer starts order i at i / rate seconds, counted
/// in whole milliseconds: slower rates overflow that schedule (1e-320 is a valid double) or leave a
/// run idle for days, so they are refused rather than played wrongly. The fastest is
/// TrafficOptions::RateMax; above 1000/s orders start in bursts each millisecond, which keeps the
/// average. No run goes faster than the store and --concurrency allow, whatever the rate.
constexpr double RateMin = 0.001;

/// A store without products gets the demo catalog, so a fresh store can be simulated at once.
Status seedCatalogIfEmpty(LocalClient& client, const catalog::Merchant& merchant, quint64 seed)
{
    auto page = wait(client.productPage(catalog::ProductPageQuery{merchant.id, {}, 1}));
    if (!page)
        return page.error();
    if (!page->rows.isEmpty())
        return {};
    err() << "simulate: the store has no products; adding " << DemoProducts << " demo products" << Qt::endl;
    auto done = wait(client.runImport(merchant.id, sim::demoCatalog(merchant.currency, DemoProducts, seed), {}));
    if (!done)
        return done.error();
    return {};
}

/// Terms are what tax and commission come from; a merchant that never set any gets demo terms.
Status setTermsIfNone(LocalClient& client, Id merchantId)
{
    auto terms = wait(client.engine().read<orders::MerchantTerms>(
        [merchantId](QSqlDatabase& db) { return orders::OrderService::terms(db, merchantId); }));
    if (!terms)
        return terms.error();
    if (terms->version > 0)
        return {};
    orders::MerchantTerms demo = *terms;
    demo.taxRateBp = DemoTaxBp;
    demo.commissionBp = DemoCommissionBp;
    demo.commissionFixedMinor = DemoCommissionFixedMinor;
    auto set =
        wait(client.setMerchantTerms(demo, u"soukctl-terms-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    if (!set)
        return set.error();
    return {};
}

Result<sim::TrafficOptions> trafficOptions(const Arguments& args, Id merchantId)
{
    sim::TrafficOptions o;
    o.merchantId = merchantId;
    auto orders = integerOption(args, u"--orders"_s, 0, 1, sim::TrafficOptions::OrdersMax);
    if (!orders)
        return orders.error();
    o.orders = int(*orders);
    bool ok = true;
    o.ratePerSecond = args.has(u"--rate"_s) ? args.value(u"--rate"_s).toDouble(&ok) : 0.0;
    const double rate = o.ratePerSecond;
    // also refuses NaN and infinities; -0 reads as 0
    if (!ok || !(rate == 0 || (rate >= RateMin && rate <= sim::TrafficOptions::RateMax)))
        return Error::invalid(u"--rate"_s,
                              u"orders per second: 0 (as fast as possible) or from %1 to %2, not \"%3\""_s.arg(RateMin)
                                  .arg(sim::TrafficOptions::RateMax)
                                  .arg(args.value(u"--rate"_s)));
    auto seed = integerOption(args, u"--seed"_s, 1, 0, std::numeric_limits<qint64>::max());
    if (!seed)
        return seed.error();
    o.seed = quint64(*seed);
    auto concurrency =
        integerOption(args, u"--concurrency"_s, ConcurrencyDefault, 1, sim::TrafficOptions::ConcurrencyMax);
    if (!concurrency)
        return concurrency.error();
    o.concurrency = int(*concurrency);
    return o;
}

void printProgress(const sim::TrafficSummary& s, int done, int total)
{
    static QElapsedTimer shown; // a terminal cannot show more than a few updates a second anyway
    if (done < total && shown.isValid() && shown.elapsed() < ProgressIntervalMs)
        return;
    shown.start();
    err() << "\rsimulate: " << done << '/' << total << " orders, " << s.paid << " paid, " << s.declined << " declined, "
          << s.unexpected << " unexpected, " << s.elapsedMs / 1000 << " s" << Qt::flush;
}

void printSummary(const sim::TrafficSummary& s)
{
    const double perSecond = s.elapsedMs > 0 ? double(s.ordersCreated) * 1000.0 / double(s.elapsedMs) : 0.0;
    out() << "orders created: " << s.ordersCreated << Qt::endl
          << "paid: " << s.paid << " (" << s.retried << " after a retry)" << Qt::endl
          << "declined: " << s.declined << Qt::endl
          << "voided: " << s.voided << Qt::endl
          << "refunded: " << s.refunded << Qt::endl
          << "disputed: " << s.disputed << " (" << s.disputesLost << " lost)" << Qt::endl
          << "cancelled: " << s.cancelled << Qt::endl
          << "left unpaid: " << s.unpaid << Qt::endl
          << "idempotent replays: " << s.replays << Qt::endl
          << "stock-outs: " << s.stockouts << ", restocks: " << s.restocks << Qt::endl
          << "risk: " << s.blockedByRisk << " blocked, " << s.heldForReview << " held for review" << Qt::endl
          << "unexpected failures: " << s.unexpected << Qt::endl
          << "elapsed: " << s.elapsedMs << " ms (" << QString::number(perSecond, 'f', 1) << " orders/s)" << Qt::endl;
}

} // namespace

int runSimulate(const Arguments& args)
{
    if (args.words.size() != 1 || !args.has(u"--orders"_s))
        return usageError(u"usage: soukctl --store FILE simulate --orders N [--rate R] [--seed S] [--concurrency C]"_s);
    auto probe = trafficOptions(args, Id{1}); // the merchant is known only once the store is open
    if (!probe)
        return fail(probe.error());
    auto store = openStore(args, false); // the traffic waits on the engine's futures from this thread
    if (!store)
        return fail(store.error());
    LocalClient& client = **store;
    auto merchant = pickMerchant(client, args);
    if (!merchant)
        return fail(merchant.error());
    if (auto s = seedCatalogIfEmpty(client, *merchant, probe->seed); !s)
        return fail(s.error());
    if (auto s = setTermsIfNone(client, merchant->id); !s)
        return fail(s.error());
    sim::TrafficOptions options = *probe;
    options.merchantId = merchant->id;
    auto summary = sim::OrderTraffic(client, options).run(printProgress);
    err() << Qt::endl;
    if (!summary)
        return fail(summary.error());
    printSummary(*summary);
    for (const QString& e : summary->errors)
        err() << "unexpected: " << shown(e) << Qt::endl;
    return summary->unexpected == 0 ? Ok : StoreError;
}

} // namespace souk::cli
