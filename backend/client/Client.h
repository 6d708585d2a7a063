#pragma once

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Inventory.h"
#include "backend/catalog/Merchant.h"
#include "backend/catalog/Product.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/catalog/ProductSummary.h"
#include "backend/auth/AuditRecord.h"
#include "backend/auth/Principal.h"
#include "backend/auth/User.h"
#include "backend/core/Actor.h"
#include "backend/orders/Order.h"
#include "backend/orders/OrderQuery.h"
#include "backend/payments/Card.h"
#include "backend/payments/Maintenance.h"
#include "backend/payments/Payment.h"
#include "backend/payments/Payout.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/core/Result.h"
#include "backend/core/Change.h"


namespace souk {

/// What adding values to a risk list, or removing them, did.
struct RiskListChange
{
    QString list;
    int changed = 0;  ///< values added that were not there, or removed that were
    qint64 entries = 0; ///< the list's values afterwards
};

/// Progress of a long command, shared between the caller (reads, cancels) and the engine
/// (writes). Thread-safe.
struct TaskProgress
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancelRequested{false};
};
using TaskProgressPtr = std::shared_ptr<TaskProgress>;

using payments::MaintenanceResult;

/// Everything a console or a script can ask of Souk. LocalClient runs it on an embedded engine;
/// RemoteClient (later) over HTTPS; both pass the same contract tests. Every method returns at
/// once; results arrive as futures (use souk::onReady on the GUI thread, or waitForFinished off
/// it; never QFuture::then(): on Qt 6.4 a continuation attached while the future finishes on
/// another thread can run twice and crash, see Engine::write). Every command runs as actor().
/// `changed` carries the change feed after each commit, on the client's thread.
class Client : public QObject
{
    Q_OBJECT
public:
    static constexpr int PayoutHistoryMax = 200;

    explicit Client(QObject* parent = nullptr) : QObject(parent) {}
    ~Client() override = default;

    /// Who the commands of this client run as, as the change feed names them.
    virtual Actor actor() const = 0;
    /// Who this client is signed in as: its role and merchant decide what it may do and see.
    virtual auth::Principal principal() const = 0;
    /// A short human description: "/home/ana/shop.souk" or "https://node-1:8443".
    virtual QString location() const = 0;

    // merchants and locations
    virtual QFuture<Result<QList<catalog::Merchant>>> merchants() = 0;
    virtual QFuture<Result<QList<catalog::Location>>> locations(Id merchantId) = 0;

    // products
    virtual QFuture<Result<catalog::ProductPage>> productPage(const catalog::ProductPageQuery& query) = 0;
    virtual QFuture<Result<QList<catalog::ProductSummary>>> productSummaries(const QList<Id>& productIds) = 0;
    /// Ids of the merchant's products whose title, SKU or barcode contains `text` (any script).
    virtual QFuture<Result<QList<Id>>> searchProducts(Id merchantId, const QString& text, int limit) = 0;
    virtual QFuture<Result<catalog::Product>> product(Id productId) = 0;
    /// Creates (id null) or updates (id set, version = the version read) a product with its variants.
    /// It takes no idempotency key: a new product's SKUs are unique per merchant and an update
    /// names the version it read, so a retry fails (Duplicate, VersionConflict), never saves twice.
    virtual QFuture<Result<catalog::Product>> saveProduct(const catalog::Product& product) = 0;
    /// Updates a stored product as saveProduct does, and answers what the save replaced, for
    /// undoProductEdit: the one-product counterpart of bulkEdit, with an idempotency key as it has.
    virtual QFuture<Result<catalog::ProductEdit>> editProduct(const catalog::Product& product,
                                                              const QString& idempotencyKey) = 0;
    /// Puts the product and its variants back as `done.before` had them; VersionConflict if the
    /// product changed after `done.after`.
    virtual QFuture<Result<catalog::ProductEdit>> undoProductEdit(const catalog::ProductEdit& done,
                                                                  const QString& idempotencyKey) = 0;
    // Bulk edits, stock adjustments, customers, terms and discount codes take an idempotency key
    // as the order commands do (see there). Their keys are scoped to the principal that sent
    // them (the merchant the command is about and the actor's user): two merchants or two users
    // may use the same key string.
    virtual QFuture<Result<catalog::BulkResult>> bulkEdit(const catalog::BulkEdit& edit,
                                                          const QString& idempotencyKey) = 0;
    /// Puts back what `done` changed; VersionConflict if any of it changed since.
    virtual QFuture<Result<catalog::BulkResult>> undoBulkEdit(const catalog::BulkResult& done,
                                                              const QString& idempotencyKey) = 0;
    /// Distinct non-empty categories of the merchant, sorted.
    virtual QFuture<Result<QStringList>> categories(Id merchantId) = 0;

    // inventory
    virtual QFuture<Result<QList<catalog::StockLevel>>> stockLevels(Id productId) = 0;
    virtual QFuture<Result<QList<catalog::StockMovement>>> movements(Id variantId, int limit) = 0;
    virtual QFuture<Result<catalog::StockLevel>> adjustStock(const catalog::StockAdjustment& adjustment,
                                                             const QString& idempotencyKey) = 0;

    // import / export
    /// Parses and validates a file without writing anything.
    virtual QFuture<Result<catalog::ImportPlan>> planImport(Id merchantId, const QByteArray& csv,
                                                            catalog::CsvFormat format, TaskProgressPtr progress) = 0;
    /// Writes a valid plan: every row or none. Products are matched by handle (update) or created.
    virtual QFuture<Result<catalog::ImportSummary>> runImport(Id merchantId, const catalog::ImportPlan& plan,
                                                              TaskProgressPtr progress) = 0;
    virtual QFuture<Result<QByteArray>> exportCatalog(Id merchantId, catalog::CsvFormat format) = 0;

    // customers and merchant terms
    virtual QFuture<Result<orders::Customer>> createCustomer(const orders::Customer& customer,
                                                             const QString& idempotencyKey) = 0;
    virtual QFuture<Result<orders::MerchantTerms>> setMerchantTerms(const orders::MerchantTerms& terms,
                                                                    const QString& idempotencyKey) = 0;
    virtual QFuture<Result<bool>> addDiscountCode(const orders::DiscountCode& code, const QString& idempotencyKey) = 0;

    // orders. Every mutating payment or order command takes an idempotency key: a retry with the
    // same key and parameters returns the first result; other parameters fail with
    // idempotency_conflict.
    virtual QFuture<Result<orders::Order>> createOrder(const orders::NewOrder& order,
                                                       const QString& idempotencyKey) = 0;
    virtual QFuture<Result<orders::Order>> cancelOrder(Id orderId, const QString& reason,
                                                       const QString& idempotencyKey) = 0;
    /// A fulfilment step by hand: fulfilling, shipped, delivered, completed.
    virtual QFuture<Result<orders::Order>> advanceOrder(Id orderId, orders::OrderStatus to, const QString& reason,
                                                        const QString& idempotencyKey) = 0;
    virtual QFuture<Result<orders::OrderPage>> orderPage(const orders::OrderQuery& query) = 0;
    virtual QFuture<Result<QList<orders::Order>>> ordersById(const QList<Id>& orderIds) = 0;
    virtual QFuture<Result<payments::OrderDetail>> orderDetail(Id orderId) = 0;
    /// `dayStartMs`: the caller's local midnight, for "GMV today".
    virtual QFuture<Result<orders::OrderCounters>> orderCounters(Id merchantId, qint64 dayStartMs) = 0;

    // payments. The card number and CVV go to the provider and are then forgotten.
    /// Creates the order, authorizes the card and, with `capture`, captures it: one command under
    /// one idempotency key, as Stripe's confirm with automatic capture. A declined card is not an
    /// error: the order waits for payment and the payment says why. A retry replays the result;
    /// one while the first is in flight gets InProgress.
    virtual QFuture<Result<payments::Checkout>> checkout(const orders::NewOrder& order,
                                                         const payments::CardInput& card, bool capture,
                                                         const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Payment>> authorizePayment(Id orderId, const payments::CardInput& card,
                                                                const QString& idempotencyKey) = 0;
    /// Captures `amountMinor` of the authorization, or all of it when empty.
    virtual QFuture<Result<payments::Payment>> capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                              const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Payment>> voidPayment(Id paymentId, const QString& reason,
                                                           const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Refund>> refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                            const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Dispute>> openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                           const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Dispute>> submitDisputeEvidence(Id disputeId, const QString& idempotencyKey) = 0;
    virtual QFuture<Result<payments::Dispute>> resolveDispute(Id disputeId, bool won,
                                                              const QString& idempotencyKey) = 0;
    /// Pays the merchant what it is owed; `amounts` (currency -> minor units) pays exactly those,
    /// as confirmed by a user, and an empty map all that is owed when the command runs.
    virtual QFuture<Result<QList<payments::Payout>>> payout(Id merchantId, const QMap<QString, qint64>& amounts,
                                                            const QString& idempotencyKey) = 0;
    /// The merchant's latest payouts (at most PayoutHistoryMax), newest first.
    virtual QFuture<Result<QList<payments::Payout>>> payouts(Id merchantId) = 0;
    /// Balances of every ledger account (null merchant) or of one merchant's accounts.
    virtual QFuture<Result<QList<payments::AccountBalance>>> ledgerBalances(Id merchantId) = 0;
    /// Expires unpaid orders and stale authorizations, forgets old idempotency keys.
    virtual QFuture<Result<MaintenanceResult>> runMaintenance() = 0;

    // people and the audit log. Every call is checked against the permission table and the
    // principal's merchant, as every other one is: an owner manages its merchant's owners and
    // staff, an admin everyone.
    /// Signs in (a password, and a TOTP or recovery code when the user has a second factor);
    /// from then on this client acts as that user (principalChanged).
    virtual QFuture<Result<auth::Principal>> signIn(const QString& user, const QString& password,
                                                    const QString& code) = 0;
    /// Ends the session: this client acts as nobody until the next sign-in.
    virtual QFuture<Result<bool>> signOut() = 0;
    /// Sets the signed-in user's own password, after checking its current one (Unauthenticated,
    /// field "currentPassword", when wrong). A user who signed in with a one-time password may do
    /// nothing else first.
    virtual QFuture<Result<bool>> changePassword(const QString& current, const QString& next) = 0;
    virtual QFuture<Result<QList<auth::User>>> users() = 0;
    // The four commands below answer something once (a one-time password, a TOTP secret,
    // recovery codes, an API key's secret) or would act twice when retried, so they take an
    // idempotency key as the payment commands do: a retry with the same key and request, within
    // a day, answers the first answer again, secret included (kept sealed under the key, see
    // auth::ReplaySeal); the same key with another request fails with idempotency_conflict.
    // An empty key (the console in process, which does not retry) runs the command unkeyed.
    virtual QFuture<Result<auth::AddedUser>> addUser(const auth::NewUser& user, const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<auth::User>> disableUser(Id userId, const QString& reason) = 0;
    virtual QFuture<Result<auth::User>> resetTotp(Id userId, const QString& reason) = 0;
    /// The signed-in user's own second factor: a new secret to scan, then a code to confirm it,
    /// which answers the recovery codes (shown once).
    virtual QFuture<Result<auth::TotpEnrolment>> beginTotp(const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<QStringList>> confirmTotp(const QString& code, const QString& idempotencyKey = {}) = 0;
    /// API keys of `userId`, or of every user the principal manages when null.
    virtual QFuture<Result<QList<auth::ApiKeyInfo>>> apiKeys(Id userId) = 0;
    virtual QFuture<Result<auth::CreatedApiKey>> createApiKey(Id userId, const QString& name,
                                                              std::optional<qint64> expiresMs,
                                                              const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<auth::ApiKeyInfo>> revokeApiKey(Id keyId) = 0;
    /// Audit rows, newest first; a merchant's principal sees its merchant's rows only.
    virtual QFuture<Result<QList<auth::AuditRecord>>> auditLog(const auth::AuditQuery& query) = 0;
    /// Walks the whole chain (seconds on a large log); names the first row that does not match.
    virtual QFuture<Result<auth::AuditVerification>> verifyAudit() = 0;

    // risk. Rule sets and lists are the platform's (not a merchant's); reviews and assessments are
    // scoped to the principal's merchant as payments are. The commands take an idempotency key as
    // the people commands do: a retry with it answers the first answer again, rebuilt from the
    // store (a rule set saved once, a review decided once); an empty key runs the command unkeyed.
    /// Every rule set version, newest first.
    virtual QFuture<Result<QList<risk::RuleSetVersion>>> ruleSets() = 0;
    virtual QFuture<Result<risk::RuleSetVersion>> ruleSet(qint64 version) = 0;
    /// Saves `text` as a new draft; a text that does not parse saves nothing, and the error's
    /// field is "line L, column C".
    virtual QFuture<Result<risk::RuleSetVersion>> saveRuleSet(const QString& text, const QString& note,
                                                              const QString& idempotencyKey = {}) = 0;
    /// Makes the version the active set (a draft, or a retired one: a restore).
    virtual QFuture<Result<risk::RuleSetVersion>> activateRuleSet(qint64 version,
                                                                  const QString& idempotencyKey = {}) = 0;
    /// Runs a draft in shadow mode beside the active set, or stops it.
    virtual QFuture<Result<risk::RuleSetVersion>> setRuleSetShadow(qint64 version, bool shadow,
                                                                   const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<QList<risk::RiskList>>> riskLists() = 0;
    /// The list's values, sorted (as kept: case-folded).
    virtual QFuture<Result<QStringList>> riskListValues(const QString& name) = 0;
    virtual QFuture<Result<risk::RiskList>> createRiskList(const QString& name, const QString& kind,
                                                           const QString& description,
                                                           const QString& idempotencyKey = {}) = 0;
    /// Adds values, each checked against the list's kind: one bad value adds none, and is named
    /// ("values[2]").
    virtual QFuture<Result<RiskListChange>> addRiskListValues(const QString& name, const QStringList& values,
                                                              const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<RiskListChange>> removeRiskListValues(const QString& name, const QStringList& values,
                                                                 const QString& idempotencyKey = {}) = 0;
    /// The review queue, the most urgent first; a merchant's principal sees its merchant's only.
    virtual QFuture<Result<QList<risk::Review>>> reviews(const risk::ReviewFilter& filter) = 0;
    virtual QFuture<Result<risk::Review>> review(Id reviewId) = 0;
    /// Claims the review for this principal's user for a few minutes (again: extends it);
    /// Conflict while another holds it.
    virtual QFuture<Result<risk::Review>> claimReview(Id reviewId, const QString& idempotencyKey = {}) = 0;
    virtual QFuture<Result<risk::Review>> releaseReview(Id reviewId, const QString& idempotencyKey = {}) = 0;
    /// Decides a held payment: approve captures it, decline and fraud void it, cancel the order
    /// and restock; `block` (fraud only) adds its card and email to the block lists.
    virtual QFuture<Result<risk::Review>> decideReview(Id reviewId, risk::ReviewVerdict verdict, const QString& reason,
                                                       const QString& note, bool block,
                                                       const QString& idempotencyKey = {}) = 0;
    /// What the risk engine decided of a payment, and why; NotFound when it was not assessed.
    virtual QFuture<Result<risk::Assessment>> paymentRisk(Id paymentId) = 0;
    /// What the rules `text` would have done to the stored payments (the store's own and imported
    /// history) created in [fromMs, toMs); toMs 0: until now. Reads only. Seconds on a million
    /// payments: `progress` (may be null) counts them and cancels (Cancelled). Rules that do not
    /// parse: Invalid, field "line L, column C".
    virtual QFuture<Result<risk::BacktestResult>> backtestRules(const QString& text, qint64 fromMs, qint64 toMs,
                                                                TaskProgressPtr progress) = 0;
    /// Every trained scoring model, newest first, with its evaluation.
    virtual QFuture<Result<QList<risk::ModelVersion>>> riskModels() = 0;
    /// Trains a model (`kind` "lr" or "gbdt") on the settled payments created before `untilMs`
    /// (0: thirty days ago), evaluates it on those from there on, and keeps it as a new, inactive
    /// version. Seconds per million payments: `progress` (may be null) counts in thousandths and
    /// cancels (Cancelled, nothing kept). A retry with the key keeps one version.
    virtual QFuture<Result<risk::ModelVersion>> trainRiskModel(const QString& kind, qint64 untilMs,
                                                               TaskProgressPtr progress,
                                                               const QString& idempotencyKey = {}) = 0;
    /// Makes `version` the model that scores payments; 0: none (the answer is then an empty version).
    virtual QFuture<Result<risk::ModelVersion>> activateRiskModel(qint64 version,
                                                                  const QString& idempotencyKey = {}) = 0;

    /// Why the store takes no more changes (see storeDamaged), or nothing while it is sound.
    virtual std::optional<Error> storeDamage() const = 0;

signals:
    /// After a sign-in or sign-out, on this object's thread.
    void principalChanged(const souk::auth::Principal& principal);
    /// Changes committed by anyone, in seq order, delivered on this object's thread.
    void changed(const souk::ChangeList& changes);
    /// Once, when the store was found damaged (a page SQLite reports corrupt, a failed health
    /// check): from then on every command fails with `error` (StoreCorrupt), and reads go on so
    /// that what is readable can still be seen and exported. On this object's thread.
    void storeDamaged(const souk::Error& error);
};

} // namespace souk
