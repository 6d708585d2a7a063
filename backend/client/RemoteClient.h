#pragma once

#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPromise>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

#include "backend/api/schema/Json.h"
#include "backend/client/Client.h"
#include "backend/client/RemoteClientOptions.h"
#include "backend/client/RemoteNodes.h"

class QNetworkReply;
class QWebSocket;

namespace souk::api {
struct ApiOperation;
}

namespace souk {

/// A Client over a node's HTTPS API (soukd), built from the same table of operations the node
/// routes by: every method sends the operation's request and decodes its answer with the same
/// JSON descriptions. Keep-alive connections (QNetworkAccessManager), retries of a request that
/// failed on the network (mutations with the same Idempotency-Key, so the node does it once),
/// certificate pinning by SHA-256 fingerprint (trust on first use: an unknown certificate fails
/// the call with its fingerprint, for the caller to show and pin) or a CA file, and the change
/// feed over a WebSocket (or by long poll where the node or a proxy refuses the upgrade),
/// resumed from its last seq after a reconnect. Lives on the thread that created it (the GUI
/// thread in `souk`) and never blocks it.
class RemoteClient final : public Client
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteClient)
public:
    using Options = RemoteClientOptions;

    /// Connects (the client answered is deleted with deleteLater once its last owner lets go):
    /// checks the node answers and its certificate is the one pinned, and with an API
    /// key, who it stands for. Fails with Unauthenticated, field "certificate", when the
    /// certificate is unknown (the message carries the fingerprint: see certificateFingerprint).
    static QFuture<Result<std::shared_ptr<RemoteClient>>> connectTo(const Options& options);
    ~RemoteClient() override;

    /// The fingerprint in an "unknown certificate" error's message, or empty.
    static QString certificateFingerprint(const Error& error);
    /// The node whose certificate such an error refused when the client has several; else empty.
    static QUrl certificateNode(const Error& error);

    Actor actor() const override { return principal().actor(); }
    auth::Principal principal() const override { return m_principal; }
    QString location() const override;
    LinkHealth linkHealth() const { return m_health; }
    /// How this client reaches and trusts its node (the cluster page looks at it the same way).
    const Options& options() const { return m_options; }
    /// What the requests carry: the API key, or the session token a sign-in answered; empty
    /// before a sign-in and after a sign-out. For a keychain to keep, never a plain file.
    QString credential() const { return m_bearer; }
    /// The feed's position: changes after it are the next to arrive.
    qint64 feedSeq() const { return m_feedSeq; }
    /// Whether the feed arrives over the WebSocket now (false: by long poll, or not following).
    bool feedStreaming() const;
    /// The node the feed follows now (an index into options().nodes()).
    int feedNode() const { return m_feedNode; }
    /// The nodes and which of them take requests now.
    const RemoteNodes& nodes() const { return *m_nodes; }

    QFuture<Result<QList<catalog::Merchant>>> merchants() override;
    QFuture<Result<QList<catalog::Location>>> locations(Id merchantId) override;
    QFuture<Result<catalog::ProductPage>> productPage(const catalog::ProductPageQuery& query) override;
    QFuture<Result<QList<catalog::ProductSummary>>> productSummaries(const QList<Id>& productIds) override;
    QFuture<Result<QList<Id>>> searchProducts(Id merchantId, const QString& text, int limit) override;
    QFuture<Result<catalog::Product>> product(Id productId) override;
    QFuture<Result<catalog::Product>> saveProduct(const catalog::Product& product) override;
    QFuture<Result<catalog::ProductEdit>> editProduct(const catalog::Product& product, const QString& key) override;
    QFuture<Result<catalog::ProductEdit>> undoProductEdit(const catalog::ProductEdit& done, const QString& key) override;
    QFuture<Result<catalog::BulkResult>> bulkEdit(const catalog::BulkEdit& edit, const QString& key) override;
    QFuture<Result<catalog::BulkResult>> undoBulkEdit(const catalog::BulkResult& done, const QString& key) override;
    QFuture<Result<QStringList>> categories(Id merchantId) override;
    QFuture<Result<QList<catalog::StockLevel>>> stockLevels(Id productId) override;
    QFuture<Result<QList<catalog::StockMovement>>> movements(Id variantId, int limit) override;
    QFuture<Result<catalog::StockLevel>> adjustStock(const catalog::StockAdjustment& adjustment,
                                                     const QString& key) override;
    QFuture<Result<catalog::ImportPlan>> planImport(Id merchantId, const QByteArray& csv, catalog::CsvFormat format,
                                                    TaskProgressPtr progress) override;
    QFuture<Result<catalog::ImportSummary>> runImport(Id merchantId, const catalog::ImportPlan& plan,
                                                      TaskProgressPtr progress) override;
    QFuture<Result<QByteArray>> exportCatalog(Id merchantId, catalog::CsvFormat format) override;
    QFuture<Result<orders::Customer>> createCustomer(const orders::Customer& customer, const QString& key) override;
    QFuture<Result<orders::MerchantTerms>> setMerchantTerms(const orders::MerchantTerms& terms,
                                                            const QString& key) override;
    QFuture<Result<bool>> addDiscountCode(const orders::DiscountCode& code, const QString& key) override;
    QFuture<Result<orders::Order>> createOrder(const orders::NewOrder& order, const QString& key) override;
    QFuture<Result<orders::Order>> cancelOrder(Id orderId, const QString& reason, const QString& key) override;
    QFuture<Result<orders::Order>> advanceOrder(Id orderId, orders::OrderStatus to, const QString& reason,
                                                const QString& key) override;
    QFuture<Result<orders::OrderPage>> orderPage(const orders::OrderQuery& query) override;
    QFuture<Result<QList<orders::Order>>> ordersById(const QList<Id>& orderIds) override;
    QFuture<Result<payments::OrderDetail>> orderDetail(Id orderId) override;
    QFuture<Result<orders::OrderCounters>> orderCounters(Id merchantId, qint64 dayStartMs) override;
    QFuture<Result<payments::Checkout>> checkout(const orders::NewOrder& order, const payments::CardInput& card,
                                                 bool capture, const QString& key) override;
    QFuture<Result<payments::Payment>> authorizePayment(Id orderId, const payments::CardInput& card,
                                                        const QString& key) override;
    QFuture<Result<payments::Payment>> capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                      const QString& key) override;
    QFuture<Result<payments::Payment>> voidPayment(Id paymentId, const QString& reason, const QString& key) override;
    QFuture<Result<payments::Refund>> refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                    const QString& key) override;
    QFuture<Result<payments::Dispute>> openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                   const QString& key) override;
    QFuture<Result<payments::Dispute>> submitDisputeEvidence(Id disputeId, const QString& key) override;
    QFuture<Result<payments::Dispute>> resolveDispute(Id disputeId, bool won, const QString& key) override;
    QFuture<Result<QList<payments::Payout>>> payout(Id merchantId, const QMap<QString, qint64>& amounts,
                                                    const QString& key) override;
    QFuture<Result<QList<payments::Payout>>> payouts(Id merchantId) override;
    QFuture<Result<QList<payments::AccountBalance>>> ledgerBalances(Id merchantId) override;
    QFuture<Result<MaintenanceResult>> runMaintenance() override;
    QFuture<Result<auth::Principal>> signIn(const QString& user, const QString& password, const QString& code) override;
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
    std::optional<Error> storeDamage() const override { return m_damage; }

signals:
    void linkHealthChanged(const souk::LinkHealth& health);

private:
    explicit RemoteClient(Options options);

    /// The answer to one request: the JSON, or the node's (or the network's) error.
    using Done = std::function<void(const Result<QJsonValue>&)>;
    struct Request;
    using Connecting = std::shared_ptr<QPromise<Result<std::shared_ptr<RemoteClient>>>>;

    /// connectTo's steps: /healthz on each node, then who the key stands for and the feed's head.
    static void greet(const std::shared_ptr<RemoteClient>& client, const Connecting& promise);
    static void identify(const std::shared_ptr<RemoteClient>& client, const Connecting& promise);

    /// Sends operation `id` with `args` (in the table's order, already JSON), under `key` for
    /// a mutation (a fresh one when empty); a paged list is fetched page by page and answered
    /// whole.
    void send(const QString& id, const QList<QJsonValue>& args, const QString& key, Done done);
    void sendOnce(const std::shared_ptr<Request>& request);
    void onFinished(const std::shared_ptr<Request>& request, QNetworkReply* reply);
    /// A route outside the table; to node `node` alone when given (no other node is tried).
    void raw(const QByteArray& method, const QString& path, const QJsonObject& body, Done done, int node = -1);
    QNetworkRequest prepare(const QUrl& url) const;
    void pin(QNetworkReply* reply, int node);
    /// A 2xx answer: done, or the next page of a list.
    void answered(const std::shared_ptr<Request>& request, const QJsonValue& json);
    /// Whether another node takes a request that failed on `request->node` now.
    bool movedElsewhere(const std::shared_ptr<Request>& request, int status);
    /// Whether a request that got no answer may be sent again (to any node).
    static bool resendable(const Request& request);
    /// Whether a QNetworkReply::NetworkError says the node itself is gone (not slow).
    static bool isNodeGone(int error);
    /// A node was left out: its requests in flight that may be sent again go to another, and so does the feed.
    void nodeDown(int node);
    /// The feed's node, moved to a healthy one when its own is out; the delay before the next try.
    void chooseFeedNode();
    int feedRetryMs(int usualMs) const;
    void setHealth(LinkHealth::State state, qint64 latencyMs);
    void setBearer(const QString& bearer);
    /// Follows the feed from feedSeq: the stream when it may, else one long poll (RemoteClientFeed.cpp).
    void pollChanges();
    void openStream();
    void streamEnded(QWebSocket* socket, int generation);
    void stopFeed();
    void pingStream();
    /// Applies a page of the feed (long poll answer or stream message); false if unreadable.
    bool applyFeedPage(const QJsonObject& page);

    template <typename R, typename... A>
    QFuture<Result<R>> call(const QString& id, const QString& key, const A&... args);

    Options m_options;
    QNetworkAccessManager m_network;
    std::unique_ptr<RemoteNodes> m_nodes;
    int m_feedNode = 0;
    QString m_bearer;
    auth::Principal m_principal;
    LinkHealth m_health;
    std::optional<Error> m_damage;
    qint64 m_feedSeq = -1; ///< -1: not following yet
    QPointer<QNetworkReply> m_feedReply;
    QTimer m_feedRetry;
    int m_feedGeneration = 0; ///< bumped on sign-in/out: an old poll's answer is dropped
    QPointer<QWebSocket> m_feedSocket;
    bool m_feedSocketOpen = false;
    int m_streamFailures = 0;     ///< opens in a row that failed: the backoff grows with them
    qint64 m_streamRetryAtMs = 0; ///< long poll until then (the upgrade was refused)
    qint64 m_feedHeardMs = 0;     ///< the stream's last message or pong
    QTimer m_feedPing;
};

} // namespace souk
