#pragma once

#include <QFuture>
#include <QList>
#include <QString>

#include <functional>

#include "backend/client/Client.h"
#include "backend/sim/OrderTraffic.h"
#include "backend/sim/TrafficPlan.h"

namespace souk::sim {

/// A SKU the simulator sells: its variant, the location orders take it from, and an estimate of
/// what is still available there (lowered as orders take it, raised by restocks).
struct SimSku
{
    QString sku;
    Id variantId;
    Id locationId;
    qint64 available = 0;
};

/// What every flight of one run shares: the client, the merchant's SKUs and customers, the
/// counters. Owned by OrderTraffic::run(); used on its thread only.
struct TrafficContext
{
    Client& client;
    TrafficOptions options;
    QString runTag; ///< makes idempotency keys and emails unique to this run
    QString discountCode;
    int cardExpYear = 0;
    QList<Id> customers;
    QList<SimSku> skus;
    TrafficSummary summary;
    QList<QFuture<Result<catalog::StockLevel>>> restocks;
    QList<QString> customerCountries = {}; ///< where each customer lives (index-aligned with customers)

    /// Counts a failure the simulation did not plan for; keeps the first few messages.
    void unexpected(const OrderPlan& plan, const QString& step, const Error& error);
    /// Lowers the stock estimates for a basket, receiving goods first where they run low.
    void takeStock(const QList<PlannedLine>& lines);
    /// Checks the restocks that have finished; `all` waits for the others too.
    void settleRestocks(bool all);
};

/// One simulated order on its way through the client: create, pay, capture, refund, dispute or
/// cancel as its plan says. Each step issues one command and resumes when its future is ready,
/// so many flights overlap on one thread. Owned by OrderTraffic::run(); not thread-safe.
class OrderFlight final
{
public:
    OrderFlight(TrafficContext& ctx, OrderPlan plan);
    void start();
    /// No command of this flight is waiting.
    bool done() const { return m_done; }
    bool ready() const { return m_pending.isFinished(); }
    void wait() { m_pending.waitForFinished(); }
    /// Runs the next step with the result of the command that finished.
    void resume();

private:
    template <typename T> using Step = void (OrderFlight::*)(const Result<T>&);
    template <typename T> void await(QFuture<Result<T>> future, Step<T> step);
    QString key(const QString& step) const;
    /// true for a success; counts a failure as unexpected.
    template <typename T> bool ok(const Result<T>& result, const QString& step);

    void created(const Result<orders::Order>& r);
    void checkedOut(const Result<payments::Checkout>& r);
    void stockRanOut();
    /// The card with what the shop's page knows of the buyer (device, IP, addresses).
    payments::CardInput cardInput(const QString& number) const;
    /// True (and counted) when the risk rules blocked the payment or held it for review.
    bool stoppedByRisk(const payments::Payment& payment);
    void pay();
    void authorize(const QString& card, const QString& keyStep, Step<payments::Payment> next);
    void firstAttempt(const Result<payments::Payment>& r);
    void retried(const Result<payments::Payment>& r);
    void authorized(const payments::Payment& p);
    void replayedAuthorization(const Result<payments::Payment>& r);
    void capture();
    void captured(const Result<payments::Payment>& r);
    void replayedCapture(const Result<payments::Payment>& r);
    void afterCapture();
    void cancel(const QString& reason);
    void cancelled(const Result<orders::Order>& r);
    void voided(const Result<payments::Payment>& r);
    void refunded(const Result<payments::Refund>& r);
    void disputeOpened(const Result<payments::Dispute>& r);
    void evidenceSent(const Result<payments::Dispute>& r);
    void disputeResolved(const Result<payments::Dispute>& r);

    TrafficContext& m_ctx;
    OrderPlan m_plan;
    orders::Order m_order;
    payments::Payment m_payment;
    QFuture<void> m_pending;
    std::function<void()> m_resume;
    bool m_done = true;
};

} // namespace souk::sim
