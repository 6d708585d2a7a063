#pragma once

#include <QStringList>

#include <functional>

#include "backend/core/Clock.h"
#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk {
class Client;
}

namespace souk::sim {

/// How much and how fast to simulate.
struct TrafficOptions
{
    static constexpr int OrdersMax = 10'000'000;
    static constexpr int ConcurrencyMax = 512;
    static constexpr double RateMax = 100'000;

    Id merchantId; ///< required: the merchant whose active SKUs are sold
    int orders = 1000;
    double ratePerSecond = 0; ///< orders started per second; 0: as fast as the store takes them
    quint64 seed = 1;
    int concurrency = 16;     ///< orders in flight at once: overlaps the provider's latency
    int customers = 0;        ///< 0: one per four orders, 10..2000
    qint64 restockBelow = 10; ///< receive goods when a SKU's available stock would fall under this
    qint64 restockQuantity = 200;
    int skuPoolMax = 2000; ///< the first active SKUs of the catalog that are sold
};

/// What a run did. An order counts once per outcome it reached (a paid order may also be refunded).
struct TrafficSummary
{
    static constexpr int ErrorsKept = 20;

    qint64 ordersCreated = 0;
    qint64 paid = 0;     ///< captured
    qint64 declined = 0; ///< had a declined attempt (including retryable errors)
    qint64 retried = 0;  ///< paid on a second attempt under a new key
    qint64 replays = 0;  ///< commands repeated with the same key that returned the first result
    qint64 voided = 0;
    qint64 refunded = 0;
    qint64 disputed = 0;
    qint64 disputesLost = 0;
    qint64 cancelled = 0;
    qint64 unpaid = 0;    ///< left awaiting payment
    qint64 stockouts = 0; ///< orders refused for want of stock
    qint64 blockedByRisk = 0; ///< declined by the store's risk rules before the provider
    qint64 heldForReview = 0; ///< authorized, then held by the risk rules for a person
    qint64 restocks = 0;
    qint64 unexpected = 0; ///< failures the simulation did not plan: a bug in the engine or the simulator
    QStringList errors;    ///< the first ErrorsKept unexpected failures
    qint64 elapsedMs = 0;
};

/// Called after orders finish: the counters so far, finished and total orders.
using TrafficProgress = std::function<void(const TrafficSummary& soFar, int done, int total)>;

/// Plays believable shop traffic against a Client: customers, baskets over a Zipf-like SKU
/// popularity, approvals, declines, retries under new keys and replays under the same key, full and
/// partial captures, refunds, disputes and cancellations. The same seed issues the same commands.
/// Several orders are in flight at once; the calling thread waits on the futures, so never run it
/// on a GUI thread. Not thread-safe.
class OrderTraffic final
{
public:
    OrderTraffic(Client& client, const TrafficOptions& options, const Clock& clock = SystemClock::instance());
    static Status validate(const TrafficOptions& options);
    /// Runs the whole simulation. Fails only when it cannot start (bad options, nothing to sell);
    /// failures during the run are counted in the summary.
    Result<TrafficSummary> run(const TrafficProgress& progress = {});

private:
    Client& m_client;
    TrafficOptions m_options;
    const Clock& m_clock;
};

} // namespace souk::sim
