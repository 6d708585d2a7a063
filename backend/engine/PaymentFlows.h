#pragma once

#include <QByteArray>
#include <QFuture>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

#include "backend/core/Actor.h"
#include "backend/core/WorkCounter.h"
#include "backend/engine/Engine.h"
#include "backend/orders/Order.h"
#include "backend/payments/Card.h"
#include "backend/payments/Maintenance.h"
#include "backend/payments/Payment.h"
#include "backend/payments/PaymentAttempts.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/risk/decisions/RiskPolicy.h"

namespace souk::engine {

/// The payment work that spans the store and the card network, run the same way by every
/// program on an engine (the console's LocalClient, soukctl, the headless node): an
/// authorization written ahead of the provider call and recorded after it, checkout, the
/// outbox pump that tells the provider what the store decided (releases, captures, refunds),
/// reconciliation of attempts a crash left open, and the maintenance pass with its health
/// check. The steps of the payments domain (backend/payments) are pure functions of a unit of
/// work; this class sequences them across the writer, the readers and its own pool, where the
/// provider's latency is waited out. No thread waits in here: each step continues the last
/// from the engine's completion callbacks.
///
/// Lives beside the engine (ARCHITECTURE: the engine owns the services; a domain never uses the
/// engine). Created after the engine, destroyed before it; methods may be called from any
/// thread.
class PaymentFlows final
{
    Q_DISABLE_COPY_MOVE(PaymentFlows)
public:
    struct Options
    {
        /// The card network.
        std::shared_ptr<payments::PaymentProvider> provider;
        /// How long a provider call that keeps failing is tried before it becomes a dead letter.
        payments::RetryPolicy providerRetry;
        qint64 idempotencyRetentionMs = payments::Idempotency::DefaultRetentionMs;
        qint64 feedRetentionMs = payments::Maintenance::DefaultFeedRetentionMs;
        /// How often a maintenance pass also runs the store's health check (it reads every page).
        qint64 healthCheckIntervalMs = 60 * 60'000;
        /// A read-only store: nothing is sent, reconciled or maintained.
        bool readOnly = false;
    };

    /// How an authorization the provider was asked for ended: its final answer, recorded
    /// (Approved, Declined), or none (Failed: unreachable, a timeout or a processing error, which
    /// a retry may get past, or an answer the store could not record).
    enum class AuthorizationOutcome
    {
        Approved,
        Declined,
        Failed,
    };
    /// The provider's calls, as a node's metrics name them.
    enum class ProviderCallKind
    {
        Authorize,
        Capture,
        Release,
        Refund,
    };
    /// What the payment work reports as it goes, for a node's metrics. Called on the pool's and
    /// the engine's completion threads: each must be quick and never block. Either may be empty.
    struct Observer
    {
        /// Once per authorization the provider was asked for, after its record (or its failure).
        /// A stored result given again for a retried key and a risk engine's block never reach
        /// the provider and are not reported.
        std::function<void(AuthorizationOutcome)> authorization;
        /// Once per call sent: `done` when the provider answered for good (an authorization
        /// approved or declined; a capture, release or refund confirmed).
        std::function<void(ProviderCallKind call, bool done)> providerCall;
    };

    /// `cardSecret` keys card fingerprints.
    PaymentFlows(Engine& engine, Options options, QByteArray cardSecret);
    /// Stops early (what is left is sent at the next start), then waits for the work in flight,
    /// which needs the engine: call before the engine goes.
    ~PaymentFlows();

    /// At start: asks the provider about authorizations a crash left between its call and the
    /// record, and sends what a crash left in the outbox.
    void resume();

    /// Writes the attempt, authorizes at the provider, records the answer (see Client).
    QFuture<Result<payments::Payment>> authorize(const auth::Access& access, Id orderId,
                                                 const payments::CardInput& card, const QString& key);
    /// Creates the order, authorizes and, when `capture`, captures it, under one key.
    QFuture<Result<payments::Checkout>> checkout(const auth::Access& access, const orders::NewOrder& order,
                                                 const payments::CardInput& card, bool capture, const QString& key);
    /// Writes `command` (for `access`: checked and audited, see Engine::write); once it
    /// commits, sends the provider calls it put in the outbox.
    template <typename T, typename Who>
    QFuture<Result<T>> writeThenSend(const Who& who, std::function<Result<T>(store::UnitOfWork&)> command)
    {
        // the calls the command decided are in the outbox once it commits (a replay adds none);
        // counted as provider work from now, so the destructor waits for the pass it starts
        m_work.begin();
        return m_engine.write<T>(who, std::move(command), [this](const Result<T>& result) {
            if (result)
                sendProviderCalls();
            m_work.end();
        });
    }
    /// Sends the outbox's calls to the provider and records the answers, off the caller's
    /// thread and the writer. One pass at a time; a call during a pass makes it run once more.
    void sendProviderCalls();
    /// One maintenance pass (payments::Maintenance) and the provider work it leads to; the
    /// health check too when it is due.
    QFuture<Result<payments::MaintenanceResult>> runMaintenance();
    /// The same, asked by a principal: checked and audited as its command.
    QFuture<Result<payments::MaintenanceResult>> runMaintenance(const auth::Access& access);
    /// Replaces the observer; an empty one clears it. A call under way may finish after it is
    /// replaced: what it uses must outlive this. Any thread.
    void setObserver(Observer observer);

private:
    QFuture<Result<payments::MaintenanceResult>> runMaintenance(const std::optional<auth::Access>& access);
    template <typename T>
    QFuture<Result<T>> failedUpFront(const auth::Access& access, const Error& error);
    void writeAttemptThenAuthorize(const auth::Access& access, Id orderId, const payments::CardInput& card,
                                   const payments::IdempotentRequest& request, const payments::CardSummary& summary,
                                   std::function<void(const Result<payments::Payment>&)> settle);
    void authorizeAtProvider(const Actor& actor, const payments::CardInput& card,
                             const payments::PaymentAttempt& attempt,
                             std::function<void(const payments::PaymentAttempts::Recorded&)> finish);
    /// Asks the provider about attempts open for `olderThanMs` (0: all, at start, when none
    /// can be in flight) and records or releases what it answered.
    void reconcileAttempts(qint64 olderThanMs);
    void runOutboxPass();
    /// Sends the calls a pass read (or, on a shared database, took), then records the answers.
    void sendOutbox(int seen, const Result<QList<payments::OutboxItem>>& pending);
    void endOutboxPass(int seen, bool more);
    void checkHealthWhenDue();
    void reportCall(ProviderCallKind call, bool done) const;
    void reportAuthorization(AuthorizationOutcome outcome) const;

    Engine& m_engine;
    const Options m_options;
    const QByteArray m_cardSecret;
    QThreadPool m_pool; ///< authorizations wait on the provider here, never on the writer
    /// Work begun and not yet ended: between its steps it runs on no thread, so the destructor
    /// waits for this to reach zero while the engine can still finish it.
    WorkCounter m_work;
    std::atomic<int> m_outboxRequests{0}; ///< sendProviderCalls() calls the passes have not yet served
    std::atomic<bool> m_closing{false};   ///< set by the destructor: passes stop early
    std::atomic<qint64> m_lastHealthCheckMs{0};
    std::atomic<std::shared_ptr<const Observer>> m_observer; ///< null: nobody listens
    /// The risk policy parsed for the writer, which judges every authorization with it (shared
    /// with the writes that capture it; used on the writer thread only).
    std::shared_ptr<risk::PolicyCache> m_riskPolicy = std::make_shared<risk::PolicyCache>();
};

} // namespace souk::engine
