// RemoteClient, second part: every Client operation as a request of the API's table.
#include "backend/client/RemoteClient.h"

#include <QJsonObject>
#include <QPromise>

#include <algorithm>

#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Types.h"
#include "backend/client/RemoteClientCall.h"
#include "backend/core/Async.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;
using namespace souk::orders;
using namespace souk::payments;

namespace souk {
namespace {

/// The first `limit` items of a list the node answered whole (a limit the API has no parameter for).
template <typename T>
QFuture<Result<QList<T>>> keepFirst(QObject* context, QFuture<Result<QList<T>>> all, int limit)
{
    auto promise = std::make_shared<QPromise<Result<QList<T>>>>();
    promise->start();
    auto future = promise->future();
    onReady(all, context, [promise, limit](const Result<QList<T>>& r) {
        if (r && r->size() > limit)
            promise->addResult(Result<QList<T>>(r->first(std::max(0, limit))));
        else
            promise->addResult(r);
        promise->finish();
    });
    return future;
}

} // namespace

QFuture<Result<QList<Merchant>>> RemoteClient::merchants()
{
    return call<QList<Merchant>>(u"list_merchants"_s, {});
}

QFuture<Result<QList<Location>>> RemoteClient::locations(Id merchantId)
{
    return call<QList<Location>>(u"list_locations"_s, {}, merchantId);
}

QFuture<Result<ProductPage>> RemoteClient::productPage(const ProductPageQuery& q)
{
    return call<ProductPage>(u"list_products"_s, {}, q.merchantId, q.afterId, std::optional<int>(q.limit));
}

QFuture<Result<QList<ProductSummary>>> RemoteClient::productSummaries(const QList<Id>& productIds)
{
    return call<QList<ProductSummary>>(u"list_product_summaries"_s, {}, productIds);
}

QFuture<Result<QList<Id>>> RemoteClient::searchProducts(Id merchantId, const QString& text, int limit)
{
    return call<QList<Id>>(u"search_products"_s, {}, merchantId, text, std::optional<int>(limit));
}

QFuture<Result<Product>> RemoteClient::product(Id productId)
{
    return call<Product>(u"get_product"_s, {}, productId);
}

QFuture<Result<Product>> RemoteClient::saveProduct(const Product& p)
{
    // a new product is created; a stored one replaced at the version it was read
    if (p.id.isNull())
        return call<Product>(u"create_product"_s, {}, p);
    return call<Product>(u"update_product"_s, {}, p.id, p);
}

QFuture<Result<ProductEdit>> RemoteClient::editProduct(const Product& p, const QString& key)
{
    return call<ProductEdit>(u"edit_product"_s, key, p.id, p);
}

QFuture<Result<ProductEdit>> RemoteClient::undoProductEdit(const ProductEdit& done, const QString& key)
{
    return call<ProductEdit>(u"undo_product_edit"_s, key, done.after.id, done);
}

QFuture<Result<BulkResult>> RemoteClient::bulkEdit(const BulkEdit& edit, const QString& key)
{
    return call<BulkResult>(u"bulk_edit"_s, key, edit);
}

QFuture<Result<BulkResult>> RemoteClient::undoBulkEdit(const BulkResult& done, const QString& key)
{
    return call<BulkResult>(u"undo_bulk_edit"_s, key, done);
}

QFuture<Result<QStringList>> RemoteClient::categories(Id merchantId)
{
    return call<QStringList>(u"list_categories"_s, {}, merchantId);
}

QFuture<Result<QList<StockLevel>>> RemoteClient::stockLevels(Id productId)
{
    return call<QList<StockLevel>>(u"list_stock_levels"_s, {}, productId);
}

QFuture<Result<QList<StockMovement>>> RemoteClient::movements(Id variantId, int limit)
{
    return keepFirst(this, call<QList<StockMovement>>(u"list_stock_movements"_s, {}, variantId), limit);
}

QFuture<Result<StockLevel>> RemoteClient::adjustStock(const StockAdjustment& adjustment, const QString& key)
{
    return call<StockLevel>(u"adjust_stock"_s, key, adjustment);
}

QFuture<Result<ImportPlan>> RemoteClient::planImport(Id merchantId, const QByteArray& csv, CsvFormat format,
                                                     TaskProgressPtr)
{
    return call<ImportPlan>(u"plan_import"_s, {}, merchantId, csv, format);
}

QFuture<Result<ImportSummary>> RemoteClient::runImport(Id merchantId, const ImportPlan& plan, TaskProgressPtr)
{
    return call<ImportSummary>(u"run_import"_s, {}, merchantId, plan);
}

QFuture<Result<QByteArray>> RemoteClient::exportCatalog(Id merchantId, CsvFormat format)
{
    return call<QByteArray>(u"export_catalog"_s, {}, merchantId, format);
}

QFuture<Result<Customer>> RemoteClient::createCustomer(const Customer& customer, const QString& key)
{
    return call<Customer>(u"create_customer"_s, key, customer);
}

QFuture<Result<MerchantTerms>> RemoteClient::setMerchantTerms(const MerchantTerms& terms, const QString& key)
{
    return call<MerchantTerms>(u"set_merchant_terms"_s, key, terms.merchantId, terms);
}

QFuture<Result<bool>> RemoteClient::addDiscountCode(const DiscountCode& code, const QString& key)
{
    return call<bool>(u"add_discount_code"_s, key, code.merchantId, code);
}

QFuture<Result<Order>> RemoteClient::createOrder(const NewOrder& order, const QString& key)
{
    return call<Order>(u"create_order"_s, key, order);
}

QFuture<Result<Order>> RemoteClient::cancelOrder(Id orderId, const QString& reason, const QString& key)
{
    return call<Order>(u"cancel_order"_s, key, orderId, reason);
}

QFuture<Result<Order>> RemoteClient::advanceOrder(Id orderId, OrderStatus to, const QString& reason,
                                                  const QString& key)
{
    return call<Order>(u"advance_order"_s, key, orderId, to, reason);
}

QFuture<Result<OrderPage>> RemoteClient::orderPage(const OrderQuery& q)
{
    // the engine clamps the page to OrderPageRowsMax; the node refuses more, so ask for at most that
    return call<OrderPage>(u"list_orders"_s, {}, q.merchantId, q.status, q.paymentState, q.search, q.beforeId,
                           std::optional<int>(std::clamp(q.limit, 1, OrderPageRowsMax)), q.fromMs, q.toMs,
                           q.minTotalMinor, q.maxTotalMinor);
}

QFuture<Result<QList<Order>>> RemoteClient::ordersById(const QList<Id>& orderIds)
{
    return call<QList<Order>>(u"list_orders_by_id"_s, {}, orderIds);
}

QFuture<Result<OrderDetail>> RemoteClient::orderDetail(Id orderId)
{
    return call<OrderDetail>(u"get_order"_s, {}, orderId);
}

QFuture<Result<OrderCounters>> RemoteClient::orderCounters(Id merchantId, qint64 dayStartMs)
{
    return call<OrderCounters>(u"get_order_counters"_s, {}, merchantId, dayStartMs);
}

QFuture<Result<Checkout>> RemoteClient::checkout(const NewOrder& order, const CardInput& card, bool capture,
                                                 const QString& key)
{
    return call<Checkout>(u"checkout"_s, key, order, card, capture, card.context);
}

QFuture<Result<Payment>> RemoteClient::authorizePayment(Id orderId, const CardInput& card, const QString& key)
{
    return call<Payment>(u"authorize_payment"_s, key, orderId, card, card.context);
}

QFuture<Result<Payment>> RemoteClient::capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                      const QString& key)
{
    return call<Payment>(u"capture_payment"_s, key, paymentId, amountMinor);
}

QFuture<Result<Payment>> RemoteClient::voidPayment(Id paymentId, const QString& reason, const QString& key)
{
    return call<Payment>(u"void_payment"_s, key, paymentId, reason);
}

QFuture<Result<Refund>> RemoteClient::refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                    const QString& key)
{
    return call<Refund>(u"refund_payment"_s, key, paymentId, amountMinor, reason);
}

QFuture<Result<Dispute>> RemoteClient::openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                   const QString& key)
{
    return call<Dispute>(u"open_dispute"_s, key, paymentId, amountMinor, reason);
}

QFuture<Result<Dispute>> RemoteClient::submitDisputeEvidence(Id disputeId, const QString& key)
{
    return call<Dispute>(u"submit_dispute_evidence"_s, key, disputeId);
}

QFuture<Result<Dispute>> RemoteClient::resolveDispute(Id disputeId, bool won, const QString& key)
{
    return call<Dispute>(u"resolve_dispute"_s, key, disputeId, won);
}

QFuture<Result<QList<Payout>>> RemoteClient::payout(Id merchantId, const QMap<QString, qint64>& amounts,
                                                    const QString& key)
{
    return call<QList<Payout>>(u"payout"_s, key, merchantId, amounts);
}

QFuture<Result<QList<Payout>>> RemoteClient::payouts(Id merchantId)
{
    return call<QList<Payout>>(u"read_payouts"_s, {}, merchantId);
}

QFuture<Result<QList<AccountBalance>>> RemoteClient::ledgerBalances(Id merchantId)
{
    return call<QList<AccountBalance>>(u"read_ledger"_s, {}, merchantId);
}

QFuture<Result<MaintenanceResult>> RemoteClient::runMaintenance()
{
    return call<MaintenanceResult>(u"run_maintenance"_s, {});
}

QFuture<Result<bool>> RemoteClient::changePassword(const QString& current, const QString& next)
{
    auto changed = call<bool>(u"change_password"_s, {}, current, next);
    // as in process: a one-time password, once replaced, no longer holds the user back
    onReady(changed, this, [this](const Result<bool>& done) {
        if (done && m_principal.mustChangePassword) {
            m_principal.mustChangePassword = false;
            emit principalChanged(m_principal);
        }
    });
    return changed;
}

QFuture<Result<QList<auth::User>>> RemoteClient::users()
{
    return call<QList<auth::User>>(u"list_users"_s, {});
}

QFuture<Result<auth::AddedUser>> RemoteClient::addUser(const auth::NewUser& user, const QString& key)
{
    // the caller's key, or one made for this call: every retry of it sends the same, so the node
    // answers a lost answer's one-time password again
    return call<auth::AddedUser>(u"add_user"_s, key, user);
}

QFuture<Result<auth::User>> RemoteClient::disableUser(Id userId, const QString& reason)
{
    return call<auth::User>(u"disable_user"_s, {}, userId, reason);
}

QFuture<Result<auth::User>> RemoteClient::resetTotp(Id userId, const QString& reason)
{
    return call<auth::User>(u"reset_totp"_s, {}, userId, reason);
}

QFuture<Result<auth::TotpEnrolment>> RemoteClient::beginTotp(const QString& key)
{
    return call<auth::TotpEnrolment>(u"begin_totp"_s, key);
}

QFuture<Result<QStringList>> RemoteClient::confirmTotp(const QString& code, const QString& key)
{
    return call<QStringList>(u"confirm_totp"_s, key, code);
}

QFuture<Result<QList<auth::ApiKeyInfo>>> RemoteClient::apiKeys(Id userId)
{
    return call<QList<auth::ApiKeyInfo>>(u"list_api_keys"_s, {}, userId);
}

QFuture<Result<auth::CreatedApiKey>> RemoteClient::createApiKey(Id userId, const QString& name,
                                                                std::optional<qint64> expiresMs, const QString& key)
{
    return call<auth::CreatedApiKey>(u"create_api_key"_s, key, userId, name, expiresMs);
}

QFuture<Result<auth::ApiKeyInfo>> RemoteClient::revokeApiKey(Id keyId)
{
    return call<auth::ApiKeyInfo>(u"revoke_api_key"_s, {}, keyId);
}

QFuture<Result<QList<auth::AuditRecord>>> RemoteClient::auditLog(const auth::AuditQuery& q)
{
    return call<QList<auth::AuditRecord>>(u"read_audit"_s, {}, q.user, q.entity, q.sinceMs, q.merchantId, q.beforeSeq,
                                          std::optional<int>(q.limit));
}

QFuture<Result<auth::AuditVerification>> RemoteClient::verifyAudit()
{
    return call<auth::AuditVerification>(u"verify_audit"_s, {});
}

QFuture<Result<auth::Principal>> RemoteClient::signIn(const QString& user, const QString& password, const QString& code)
{
    auto promise = std::make_shared<QPromise<Result<auth::Principal>>>();
    promise->start();
    auto future = promise->future();
    QJsonObject body{{u"user"_s, user}, {u"password"_s, password}};
    if (!code.isEmpty())
        body.insert(u"code"_s, code);
    raw("POST", u"/v1/sessions"_s, body, [this, promise](const Result<QJsonValue>& answer) {
        auth::Principal principal;
        Status read = answer ? api::Json<auth::Principal>::decode(answer->toObject().value(u"principal"_s), principal,
                                                                  {}, api::Source::Answer)
                             : Status(answer.error());
        if (read) {
            setBearer(answer->toObject().value(u"token"_s).toString());
            m_principal = principal;
            emit principalChanged(principal);
            pollChanges();
            promise->addResult(principal);
        } else {
            promise->addResult(read.error());
        }
        promise->finish();
    });
    return future;
}

QFuture<Result<bool>> RemoteClient::signOut()
{
    // at once: nothing more runs as the user, whatever the node answers
    auto ended = call<bool>(u"sign_out"_s, {});
    const QString bearer = m_bearer;
    onReady(ended, this, [this, bearer](const Result<bool>&) {
        if (m_bearer == bearer) {
            setBearer({});
            m_principal = auth::Principal::nobody();
            emit principalChanged(m_principal);
        }
    });
    return ended;
}

} // namespace souk
