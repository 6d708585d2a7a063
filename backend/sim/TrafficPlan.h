#pragma once

#include <QList>
#include <QString>

#include "backend/orders/Order.h"
#include "backend/sim/DemoCatalog.h"

namespace souk::sim {

/// How a simulated customer pays.
enum class PayPath
{
    Approve,                  ///< a good card, first time
    Decline,                  ///< a hard decline; the order stays unpaid or is then cancelled
    ProcessingErrorThenRetry, ///< a retryable error, then a good card under a new key
    VoidAuthorization,        ///< authorized, then the hold is released; the order stays unpaid
    LeaveUnpaid,              ///< never pays; the hold expires later
    CancelUnpaid,             ///< cancels before paying
};

/// What happens to a captured order.
enum class AfterCapture
{
    Keep,
    PartialRefund,
    FullRefund,
    DisputeWon,
    DisputeLost,
    Cancel, ///< cancelled after payment: refunded in full and restocked
};

/// One line of a planned basket: an index into the SKU pool and a quantity.
struct PlannedLine
{
    int sku = 0;
    qint64 quantity = 1;
};

/// What one simulated order will do, decided when it starts, so a seed replays the same commands.
struct OrderPlan
{
    int index = 0;
    int customer = 0; ///< index into the run's customers
    QList<PlannedLine> lines;
    bool useDiscount = false;
    PayPath pay = PayPath::Approve;
    QString firstCard; ///< the card number of the first attempt
    bool cancelAfterDecline = false;
    bool replaySameKey = false; ///< repeat authorize and capture with the same keys (must replay)
    int capturePercent = 100;   ///< of the authorization
    AfterCapture after = AfterCapture::Keep;
    int refundPercent = 0; ///< of the captured amount, for PartialRefund
    /// A fraud pattern for the risk engine to see: a stolen card (another country's card, from
    /// an IP and shipping address abroad, on a device the customer never used). Its country, or
    /// empty for an honest customer paying from home.
    QString stolenCardFrom;
};

/// Draws order plans and customers from one seeded generator: SKU popularity is Zipf-like over a
/// shuffled pool, so a few SKUs sell most. Value type; not thread-safe.
class TrafficPlanner
{
public:
    TrafficPlanner(quint64 seed, int skuCount);
    /// The next order; `customerCount` > 0.
    OrderPlan next(int index, int customerCount);
    /// A believable customer (some with Chinese names) living around one city; the email carries
    /// `runTag` so a second run on the same store does not collide with the first's customers.
    orders::Customer customer(int n, const QString& runTag);

private:
    int pickSku();

    SeededRandom m_rnd;
    QList<double> m_cumulative; ///< Zipf weights, summed, by popularity rank
    QList<int> m_skuOfRank;     ///< popularity rank -> pool index
    int m_city = 0;
};

} // namespace souk::sim
