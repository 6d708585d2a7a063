#pragma once

#include <QByteArray>
#include <QTimer>

#include <memory>
#include <mutex>

#include "backend/auth/Access.h"
#include "backend/client/Client.h"
#include "backend/core/Clock.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/store/StoreOptions.h"

namespace souk::engine {
class Engine;
class PaymentFlows;
class SignIn;
}

namespace souk {

/// A Client over an embedded engine in this process. Owns the engine; lives on the thread
/// that created it (the GUI thread in `souk`), and never blocks it.
class LocalClient final : public Client
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalClient)
public:
    struct Options
    {
        store::StoreOptions store;
        /// The name the store's owner goes by while the store has no users (see principal).
        Actor actor{QStringLiteral("owner"), QStringLiteral("owner")};
        /// Who this client acts as. Unset: a store without users opens as its owner (named by
        /// `actor`), and a store with users as nobody until signIn() (every operation is refused).
        std::optional<auth::Principal> principal;
        int nodeId = 1;
        /// Creates a first merchant ("My Store", this currency) and location when the store has none.
        QString defaultCurrency = QStringLiteral("EUR");
        QString defaultMerchantName = QStringLiteral("My Store");
        QString defaultLocationName = QStringLiteral("Main warehouse");
        /// The card network; a SimulatedProvider when empty.
        std::shared_ptr<payments::PaymentProvider> provider;
        /// How often expiries run on their own; 0: only when runMaintenance() is called.
        int maintenanceIntervalMs = 30'000;
        qint64 idempotencyRetentionMs = payments::Idempotency::DefaultRetentionMs;
        /// How long the change feed keeps its rows (a follower away longer must resync).
        qint64 feedRetentionMs = payments::Maintenance::DefaultFeedRetentionMs;
        /// How long a provider call that keeps failing is tried before it becomes a dead letter.
        payments::RetryPolicy providerRetry;
        /// How often maintenance also runs the store's health check, which reads every page
        /// (a store that fails it takes no more changes); 0: only at open.
        qint64 healthCheckIntervalMs = 60 * 60'000;
        /// False: no permission check, no tenant check and no audit row. For the benchmark that
        /// measures their cost only; a program that sets it has neither roles nor a record.
        bool accessChecks = true;
    };

    /// Opens (creating or migrating) the store. Runs on the calling thread before any window
    /// exists; fails with a coded error (locked, corrupt, newer, read-only, ...).
    static Result<std::unique_ptr<LocalClient>> open(const Options& options,
                                                     const Clock& clock = SystemClock::instance());
    ~LocalClient() override;

    Actor actor() const override { return principal().actor(); }
    auth::Principal principal() const override;
    QString location() const override { return m_options.store.path; }
    engine::Engine& engine() { return *m_engine; }
    /// A client over the same engine that acts as `principal`: what a node makes for each
    /// authenticated request. It shares the engine, the payment flows and sign-in (which stay up
    /// while any client holds them), runs no maintenance and forwards no change feed of its own.
    /// Its futures finish on the engine's threads; use it from a thread with an event loop.
    std::unique_ptr<LocalClient> actingAs(const auth::Principal& principal) const;
    /// Sign-in and token checks, for a node's sessions and API keys.
    engine::SignIn& signInService() { return *m_signIn; }
    engine::PaymentFlows& paymentFlows() { return *m_flows; }
    /// What `soukctl check` reports: the catalog and stock journal, orders, payments, the
    /// provider outbox and the ledger, read in one snapshot; empty when every invariant holds.
    QFuture<Result<QStringList>> checkStore();

    QFuture<Result<QList<catalog::Merchant>>> merchants() override;
    QFuture<Result<QList<catalog::Location>>> locations(Id merchantId) override;
    QFuture<Result<catalog::ProductPage>> productPage(const catalog::ProductPageQuery& query) override;
    QFuture<Result<QList<catalog::ProductSummary>>> productSummaries(const QList<Id>& productIds) override;
    QFuture<Result<QList<Id>>> searchProducts(Id merchantId, const QString& text, int limit) override;
    QFuture<Result<catalog::Product>> product(Id productId) override;
    QFuture<Result<catalog::Product>> saveProduct(const catalog::Product& product) override;
    QFuture<Result<catalog::ProductEdit>> editProduct(const catalog::Product& product,
                                                      const QString& idempotencyKey) override;
    QFuture<Result<catalog::ProductEdit>> undoProductEdit(const catalog::ProductEdit& done,
                                                          const QString& idempotencyKey) override;
    QFuture<Result<catalog::BulkResult>> bulkEdit(const catalog::BulkEdit& edit,
                                                  const QString& idempotencyKey) override;
    QFuture<Result<catalog::BulkResult>> undoBulkEdit(const catalog::BulkResult& done,
                                                      const QString& idempotencyKey) override;
    QFuture<Result<QStringList>> categories(Id merchantId) override;
    QFuture<Result<QList<catalog::StockLevel>>> stockLevels(Id productId) override;
    QFuture<Result<QList<catalog::StockMovement>>> movements(Id variantId, int limit) override;
    QFuture<Result<catalog::StockLevel>> adjustStock(const catalog::StockAdjustment& adjustment,
                                                     const QString& idempotencyKey) override;
    QFuture<Result<catalog::ImportPlan>> planImport(Id merchantId, const QByteArray& csv, catalog::CsvFormat format,
                                                    TaskProgressPtr progress) override;
    QFuture<Result<catalog::ImportSummary>> runImport(Id merchantId, const catalog::ImportPlan& plan,
                                                      TaskProgressPtr progress) override;
    QFuture<Result<QByteArray>> exportCatalog(Id merchantId, catalog::CsvFormat format) override;

    QFuture<Result<orders::Customer>> createCustomer(const orders::Customer& customer,
                                                     const QString& idempotencyKey) override;
    QFuture<Result<orders::MerchantTerms>> setMerchantTerms(const orders::MerchantTerms& terms,
                                                            const QString& idempotencyKey) override;
    QFuture<Result<bool>> addDiscountCode(const orders::DiscountCode& code, const QString& idempotencyKey) override;
    QFuture<Result<orders::Order>> createOrder(const orders::NewOrder& order, const QString& idempotencyKey) override;
    QFuture<Result<orders::Order>> cancelOrder(Id orderId, const QString& reason,
                                               const QString& idempotencyKey) override;
    QFuture<Result<orders::Order>> advanceOrder(Id orderId, orders::OrderStatus to, const QString& reason,
                                                const QString& idempotencyKey) override;
    QFuture<Result<orders::OrderPage>> orderPage(const orders::OrderQuery& query) override;
    QFuture<Result<QList<orders::Order>>> ordersById(const QList<Id>& orderIds) override;
    QFuture<Result<payments::OrderDetail>> orderDetail(Id orderId) override;
    QFuture<Result<orders::OrderCounters>> orderCounters(Id merchantId, qint64 dayStartMs) override;
    QFuture<Result<payments::Payment>> authorizePayment(Id orderId, const payments::CardInput& card,
                                                        const QString& idempotencyKey) override;
    QFuture<Result<payments::Checkout>> checkout(const orders::NewOrder& order, const payments::CardInput& card,
                                                 bool capture, const QString& idempotencyKey) override;
    QFuture<Result<payments::Payment>> capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                      const QString& idempotencyKey) override;
    QFuture<Result<payments::Payment>> voidPayment(Id paymentId, const QString& reason,
                                                   const QString& idempotencyKey) override;
    QFuture<Result<payments::Refund>> refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                    const QString& idempotencyKey) override;
    QFuture<Result<payments::Dispute>> openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                   const QString& idempotencyKey) override;
    QFuture<Result<payments::Dispute>> submitDisputeEvidence(Id disputeId, const QString& idempotencyKey) override;
    QFuture<Result<payments::Dispute>> resolveDispute(Id disputeId, bool won, const QString& idempotencyKey) override;
    QFuture<Result<QList<payments::Payout>>> payout(Id merchantId, const QMap<QString, qint64>& amounts,
                                                    const QString& idempotencyKey) override;
    QFuture<Result<QList<payments::Payout>>> payouts(Id merchantId) override;
    QFuture<Result<QList<payments::AccountBalance>>> ledgerBalances(Id merchantId) override;
    QFuture<Result<MaintenanceResult>> runMaintenance() override;
    QFuture<Result<auth::Principal>> signIn(const QString& user, const QString& password,
                                            const QString& code) override;
    QFuture<Result<bool>> signOut() override;
    QFuture<Result<bool>> changePassword(const QString& current, const QString& next) override;
    QFuture<Result<QList<auth::User>>> users() override;
    QFuture<Result<auth::AddedUser>> addUser(const auth::NewUser& user, const QString& key = {}) override;
    QFuture<Result<auth::User>> disableUser(Id userId, const QString& reason) override;
    QFuture<Result<auth::User>> resetTotp(Id userId, const QString& reason) override;
    QFuture<Result<auth::TotpEnrolment>> beginTotp(const QString& key = {}) override;
    QFuture<Result<QStringList>> confirmTotp(const QString& code, const QString& key = {}) override;
    QFuture<Result<QList<auth::ApiKeyInfo>>> apiKeys(Id userId) override;
    QFuture<Result<auth::CreatedApiKey>> createApiKey(Id userId, const QString& name, std::optional<qint64> expiresMs,
                                                      const QString& key = {}) override;
    QFuture<Result<auth::ApiKeyInfo>> revokeApiKey(Id keyId) override;
    QFuture<Result<QList<auth::AuditRecord>>> auditLog(const auth::AuditQuery& query) override;
    QFuture<Result<auth::AuditVerification>> verifyAudit() override;
    QFuture<Result<QList<risk::RuleSetVersion>>> ruleSets() override;
    QFuture<Result<risk::RuleSetVersion>> ruleSet(qint64 version) override;
    QFuture<Result<risk::RuleSetVersion>> saveRuleSet(const QString& text, const QString& note,
                                                      const QString& key = {}) override;
    QFuture<Result<risk::RuleSetVersion>> activateRuleSet(qint64 version, const QString& key = {}) override;
    QFuture<Result<risk::RuleSetVersion>> setRuleSetShadow(qint64 version, bool shadow,
                                                           const QString& key = {}) override;
    QFuture<Result<QList<risk::RiskList>>> riskLists() override;
    QFuture<Result<QStringList>> riskListValues(const QString& name) override;
    QFuture<Result<risk::RiskList>> createRiskList(const QString& name, const QString& kind,
                                                   const QString& description, const QString& key = {}) override;
    QFuture<Result<RiskListChange>> addRiskListValues(const QString& name, const QStringList& values,
                                                      const QString& key = {}) override;
    QFuture<Result<RiskListChange>> removeRiskListValues(const QString& name, const QStringList& values,
                                                         const QString& key = {}) override;
    QFuture<Result<QList<risk::Review>>> reviews(const risk::ReviewFilter& filter) override;
    QFuture<Result<risk::Review>> review(Id reviewId) override;
    QFuture<Result<risk::Review>> claimReview(Id reviewId, const QString& key = {}) override;
    QFuture<Result<risk::Review>> releaseReview(Id reviewId, const QString& key = {}) override;
    QFuture<Result<risk::Review>> decideReview(Id reviewId, risk::ReviewVerdict verdict, const QString& reason,
                                               const QString& note, bool block, const QString& key = {}) override;
    QFuture<Result<risk::Assessment>> paymentRisk(Id paymentId) override;
    QFuture<Result<risk::BacktestResult>> backtestRules(const QString& text, qint64 fromMs, qint64 toMs,
                                                        TaskProgressPtr progress) override;
    QFuture<Result<QList<risk::ModelVersion>>> riskModels() override;
    QFuture<Result<risk::ModelVersion>> trainRiskModel(const QString& kind, qint64 untilMs, TaskProgressPtr progress,
                                                       const QString& idempotencyKey = {}) override;
    QFuture<Result<risk::ModelVersion>> activateRiskModel(qint64 version, const QString& idempotencyKey = {}) override;
    std::optional<Error> storeDamage() const override;

private:
    LocalClient(Options options, std::unique_ptr<engine::Engine> engine, QByteArray cardSecret,
                auth::Principal principal);
    /// A view (see actingAs).
    LocalClient(const LocalClient& owner, auth::Principal principal);
    void startMaintenance();
    /// Ends `was`'s session in the store, audited as its sign-out.
    QFuture<Result<bool>> closeSession(const auth::Principal& was);
    /// What the current principal asks to do (see auth::Access).
    auth::Access ask(auth::Operation op) const
    {
        auth::Access access = auth::Access::of(principal(), op);
        access.enforced = m_options.accessChecks;
        return access;
    }
    /// `asked`, or the principal's own merchant where the caller asked for every merchant.
    Id ownMerchantOr(Id asked) const { return asked.isNull() ? principal().merchantId : asked; }
    /// Replaces the principal (any thread); principalChanged follows on this object's thread.
    /// Returns the one it replaced.
    auth::Principal setPrincipal(const auth::Principal& principal);

    /// A risk list's change: RiskPolicy's add or remove, under the key (LocalClientRisk.cpp).
    QFuture<Result<RiskListChange>> changeRiskList(auth::Operation op, const QString& name, const QStringList& values,
                                                   const QString& key);

    Options m_options;
    mutable std::mutex m_principalMutex;
    auth::Principal m_principal; ///< guarded by m_principalMutex: a sign-in sets it from the engine's threads
    /// The store has users: signing out leads to nobody, not back to the store's owner.
    bool m_usersExist = false;
    // shared with the views of actingAs(); destroyed in reverse order, by the last holder
    std::shared_ptr<engine::Engine> m_engine;
    /// Authorizations, checkout, the outbox pump and maintenance; goes before the engine.
    std::shared_ptr<engine::PaymentFlows> m_flows;
    /// Password checks and sessions; goes before the engine too.
    std::shared_ptr<engine::SignIn> m_signIn;
    QTimer* m_maintenance = nullptr;
};

} // namespace souk
