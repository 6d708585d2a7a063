#include "backend/sim/OrderTraffic.h"

#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

#include "backend/client/Client.h"
#include "backend/sim/OrderFlight.h"

using namespace Qt::StringLiterals;

namespace souk::sim {
namespace {

constexpr int ReadBatch = 64;         ///< product reads in flight while the SKU pool loads
constexpr int CustomerBatch = 256;    ///< customer writes in flight (the engine commits them together)
constexpr int PaceSleepMaxMs = 5;     ///< a paced run naps at most this long between checks
constexpr qint64 SkuStockDefault = 0; ///< a variant with no stock level row has nothing on hand

template <typename T> Result<T> wait(QFuture<Result<T>> future)
{
    future.waitForFinished();
    return future.result();
}

/// The location orders take stock from: the order service uses the merchant's first.
Result<Id> orderLocation(Client& client, Id merchantId)
{
    auto locations = wait(client.locations(merchantId));
    if (!locations)
        return locations.error();
    if (locations->isEmpty())
        return Error::notFound(u"merchantId"_s, u"the merchant has no stock location"_s);
    Id first = locations->first().id;
    for (const auto& l : *locations)
        first = std::min(first, l.id);
    return first;
}

/// The active products of the merchant, in catalog order, until `max` SKUs are covered.
Result<QList<Id>> activeProducts(Client& client, Id merchantId, int max)
{
    QList<Id> ids;
    qint64 skus = 0;
    catalog::ProductPageQuery query{merchantId, {}, 1000};
    for (;;) {
        auto page = wait(client.productPage(query));
        if (!page)
            return page.error();
        for (const auto& s : page->rows) {
            if (s.status != catalog::ProductStatus::Active || skus >= max)
                continue;
            ids.append(s.id);
            skus += s.variantCount;
        }
        if (!page->more || skus >= max)
            return ids;
        query.afterId = page->nextAfter;
    }
}

/// Adds the SKUs of `products` with their available stock at `locationId`.
Status addSkus(Client& client, const QList<Id>& products, Id locationId, int max, QList<SimSku>& out)
{
    QList<QFuture<Result<catalog::Product>>> reads;
    QList<QFuture<Result<QList<catalog::StockLevel>>>> levels;
    for (Id id : products) {
        reads.append(client.product(id));
        levels.append(client.stockLevels(id));
    }
    for (int i = 0; i < reads.size(); ++i) {
        auto product = wait(reads[i]);
        auto stock = wait(levels[i]);
        if (!product)
            return product.error();
        if (!stock)
            return stock.error();
        for (const catalog::Variant& v : product->variants) {
            if (out.size() >= max)
                return {};
            qint64 available = SkuStockDefault;
            for (const catalog::StockLevel& l : *stock) {
                if (l.variantId == v.id && l.locationId == locationId)
                    available = l.available();
            }
            out.append(SimSku{v.sku, v.id, locationId, available});
        }
    }
    return {};
}

Result<QList<SimSku>> loadSkus(Client& client, Id merchantId, int max)
{
    auto location = orderLocation(client, merchantId);
    if (!location)
        return location.error();
    auto products = activeProducts(client, merchantId, max);
    if (!products)
        return products.error();
    QList<SimSku> skus;
    for (qsizetype from = 0; from < products->size(); from += ReadBatch) {
        if (auto s = addSkus(client, products->mid(from, ReadBatch), *location, max, skus); !s)
            return s.error();
    }
    if (skus.isEmpty())
        return Error::notFound(u"merchantId"_s, u"the merchant has no active product to sell"_s);
    return skus;
}

Result<QList<Id>> createCustomers(Client& client, TrafficPlanner& planner, int count, const QString& runTag,
                                  QList<QString>& countries)
{
    QList<Id> ids;
    for (int from = 0; from < count; from += CustomerBatch) {
        QList<QFuture<Result<orders::Customer>>> pending;
        for (int n = from; n < std::min(count, from + CustomerBatch); ++n)
            pending.append(
                client.createCustomer(planner.customer(n, runTag), u"sim-%1-customer-%2"_s.arg(runTag).arg(n)));
        for (auto& f : pending) {
            auto c = wait(f);
            if (!c)
                return c.error();
            ids.append(c->id);
            countries.append(c->addresses.isEmpty() ? QString() : c->addresses.first().country);
        }
    }
    return ids;
}

int customerCount(const TrafficOptions& o)
{
    return o.customers > 0 ? o.customers : std::clamp(o.orders / 4, 10, 2000);
}

/// Keeps up to `concurrency` orders in flight (paced by the rate) until every order has finished.
void fly(TrafficContext& ctx, TrafficPlanner& planner, const Clock& clock, const TrafficProgress& progress,
         qint64 startMs)
{
    const TrafficOptions& o = ctx.options;
    std::vector<std::unique_ptr<OrderFlight>> flying;
    int started = 0;
    int finished = 0;
    const std::size_t width = std::size_t(o.concurrency);
    const qint64 firstMs = clock.nowMs();
    // order i may start at firstMs + i / rate; without a rate, whenever a slot is free
    const auto dueMs = [&](int i) {
        return o.ratePerSecond > 0 ? firstMs + qint64(double(i) * 1000.0 / o.ratePerSecond) : 0;
    };
    const int reportEvery = std::max(1, o.orders / 100);
    while (started < o.orders || !flying.empty()) {
        while (started < o.orders && flying.size() < width && dueMs(started) <= clock.nowMs()) {
            auto flight = std::make_unique<OrderFlight>(ctx, planner.next(started++, int(ctx.customers.size())));
            flight->start();
            flying.push_back(std::move(flight));
        }
        bool moved = false;
        for (auto it = flying.begin(); it != flying.end();) {
            if ((*it)->ready()) {
                (*it)->resume();
                moved = true;
            }
            if (!(*it)->done()) {
                ++it;
                continue;
            }
            it = flying.erase(it);
            if (++finished % reportEvery == 0 && progress) {
                ctx.summary.elapsedMs = clock.nowMs() - startMs;
                progress(ctx.summary, finished, o.orders);
            }
        }
        if (moved)
            continue;
        if (started < o.orders && flying.size() < width) // paced: nap until the next order is due
            QThread::msleep(ulong(std::clamp<qint64>(dueMs(started) - clock.nowMs(), 0, PaceSleepMaxMs)));
        else if (!flying.empty())
            flying.front()->wait();
    }
}

} // namespace

OrderTraffic::OrderTraffic(Client& client, const TrafficOptions& options, const Clock& clock)
    : m_client(client), m_options(options), m_clock(clock)
{}

Status OrderTraffic::validate(const TrafficOptions& o)
{
    if (o.merchantId.isNull())
        return Error::invalid(u"merchantId"_s, u"name the merchant whose products are sold"_s);
    if (o.orders < 1 || o.orders > TrafficOptions::OrdersMax)
        return Error::invalid(u"orders"_s, u"between 1 and %1 orders"_s.arg(TrafficOptions::OrdersMax));
    if (!(o.ratePerSecond >= 0 && o.ratePerSecond <= TrafficOptions::RateMax)) // also refuses NaN
        return Error::invalid(u"rate"_s,
                              u"between 0 (as fast as possible) and %1 orders/s"_s.arg(TrafficOptions::RateMax));
    if (o.concurrency < 1 || o.concurrency > TrafficOptions::ConcurrencyMax)
        return Error::invalid(u"concurrency"_s,
                              u"between 1 and %1 orders in flight"_s.arg(TrafficOptions::ConcurrencyMax));
    if (o.customers < 0 || o.customers > 1'000'000)
        return Error::invalid(u"customers"_s, u"between 0 (automatic) and 1000000"_s);
    if (o.restockBelow < 0 || o.restockQuantity < 1 || o.skuPoolMax < 1)
        return Error::invalid(u"restock"_s, u"restock levels and the SKU pool must be positive"_s);
    return {};
}

Result<TrafficSummary> OrderTraffic::run(const TrafficProgress& progress)
{
    if (auto s = validate(m_options); !s)
        return s.error();
    const qint64 startMs = m_clock.nowMs();
    auto skus = loadSkus(m_client, m_options.merchantId, m_options.skuPoolMax);
    if (!skus)
        return skus.error();
    TrafficContext ctx{
        m_client, m_options, QString::number(startMs, 36), u"SIM10"_s, m_clock.now().date().year() + 3, {}, *skus,
        {},       {}};
    TrafficPlanner planner(m_options.seed, int(ctx.skus.size()));
    auto discount = wait(m_client.addDiscountCode(
        orders::DiscountCode{m_options.merchantId, ctx.discountCode, orders::DiscountKind::Percent, 1000, true},
        u"sim-%1-discount"_s.arg(ctx.runTag)));
    if (!discount)
        return discount.error();
    auto customers = createCustomers(m_client, planner, customerCount(m_options), ctx.runTag, ctx.customerCountries);
    if (!customers)
        return customers.error();
    ctx.customers = *customers;
    fly(ctx, planner, m_clock, progress, startMs);
    ctx.settleRestocks(true);
    ctx.summary.elapsedMs = m_clock.nowMs() - startMs;
    return ctx.summary;
}

} // namespace souk::sim
