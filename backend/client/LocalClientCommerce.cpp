// LocalClient, second part: customers, orders, payments and the ledger.
#include "backend/client/LocalClient.h"

#include <QLoggingCategory>
#include <QTimer>

#include "backend/engine/Engine.h"
#include "backend/engine/PaymentFlows.h"
#include "backend/orders/CustomerService.h"
#include "backend/orders/OrderQueries.h"
#include "backend/orders/OrderService.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/payments/CommandJson.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/OrderDetails.h"
#include "backend/payments/PaymentService.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;
using souk::payments::Payment;
using Op = souk::auth::Operation;

Q_DECLARE_LOGGING_CATEGORY(lcClient) // LocalClient.cpp

namespace souk {

void LocalClient::startMaintenance()
{
    if (m_options.maintenanceIntervalMs <= 0 || m_options.store.readOnly)
        return;
    m_maintenance = new QTimer(this);
    m_maintenance->setInterval(m_options.maintenanceIntervalMs);
    // the engine's own upkeep, whoever is signed in (or no one)
    connect(m_maintenance, &QTimer::timeout, this, [this] { m_flows->runMaintenance(); });
    m_maintenance->start();
}

QFuture<Result<orders::Customer>> LocalClient::createCustomer(const orders::Customer& customer, const QString& key)
{
    // customers belong to no merchant (yet): the key is the actor's alone
    const auto request =
        payments::IdempotentRequest::of(key, u"create_customer"_s, payments::CommandJson::customer(customer));
    return m_engine->write<orders::Customer>(ask(Op::CreateCustomer), [customer, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<orders::Customer>(uow, request.within(Id{}, uow.actor()),
                                                         [&] { return orders::CustomerService::create(uow, customer); });
    });
}

QFuture<Result<orders::MerchantTerms>> LocalClient::setMerchantTerms(const orders::MerchantTerms& terms,
                                                                     const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"set_merchant_terms"_s, payments::CommandJson::terms(terms));
    return m_engine->write<orders::MerchantTerms>(ask(Op::SetMerchantTerms).forMerchant(terms.merchantId),
                                                  [terms, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<orders::MerchantTerms>(
            uow, request.within(terms.merchantId, uow.actor()),
            [&] { return orders::CustomerService::setTerms(uow, terms); });
    });
}

QFuture<Result<bool>> LocalClient::addDiscountCode(const orders::DiscountCode& code, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"add_discount_code"_s, payments::CommandJson::discountCode(code));
    return m_engine->write<bool>(ask(Op::AddDiscountCode).forMerchant(code.merchantId), [code, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<bool>(uow, request.within(code.merchantId, uow.actor()),
                                             [&]() -> Result<bool> {
                                                 if (auto s = orders::CustomerService::addDiscountCode(uow, code); !s)
                                                     return s.error();
                                                 return true;
                                             });
    });
}

QFuture<Result<Order>> LocalClient::createOrder(const orders::NewOrder& order, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"create_order"_s, payments::CommandJson::newOrder(order));
    return m_engine->write<Order>(ask(Op::CreateOrder).forMerchant(order.merchantId), [order, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Order>(uow, request.within(order.merchantId, uow.actor()),
                                              [&] { return orders::OrderService::create(uow, order); });
    });
}

QFuture<Result<Order>> LocalClient::cancelOrder(Id orderId, const QString& reason, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"cancel_order"_s,
                                                         {{u"orderId"_s, orderId.toString()}, {u"reason"_s, reason}});
    const auto access = ask(Op::CancelOrder).on(u"order"_s, orderId, u"orderId"_s).because(reason);
    return m_flows->writeThenSend<Order>(access, [orderId, reason, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToOrder(uow, request, orderId);
        if (!scoped)
            return Result<Order>(scoped.error());
        return payments::runIdempotent<Order>(
            uow, *scoped, [&] { return payments::PaymentService::cancelOrder(uow, orderId, reason); });
    });
}

QFuture<Result<Order>> LocalClient::advanceOrder(Id orderId, orders::OrderStatus to, const QString& reason,
                                                 const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"advance_order"_s,
        {{u"orderId"_s, orderId.toString()}, {u"to"_s, orders::OrderStateMachine::name(to)}, {u"reason"_s, reason}});
    const auto access = ask(Op::AdvanceOrder).on(u"order"_s, orderId, u"orderId"_s).because(reason);
    return m_engine->write<Order>(access, [orderId, to, reason, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToOrder(uow, request, orderId);
        if (!scoped)
            return Result<Order>(scoped.error());
        return payments::runIdempotent<Order>(uow, *scoped,
                                              [&] { return orders::OrderService::advance(uow, orderId, to, reason); });
    });
}

QFuture<Result<orders::OrderPage>> LocalClient::orderPage(const orders::OrderQuery& query)
{
    orders::OrderQuery scoped = query;
    scoped.merchantId = ownMerchantOr(query.merchantId); // "every merchant" is every one the principal sees
    return m_engine->read<orders::OrderPage>(ask(Op::ReadOrders).forMerchant(scoped.merchantId),
                                             [scoped](QSqlDatabase& db) { return orders::OrderQueries::page(db, scoped); });
}

QFuture<Result<QList<Order>>> LocalClient::ordersById(const QList<Id>& orderIds)
{
    const auth::Principal principal = this->principal();
    return m_engine->read<QList<Order>>(ask(Op::ReadOrders),
                                        [orderIds, principal](QSqlDatabase& db) -> Result<QList<Order>> {
                                            auto found = orders::OrderQueries::orders(db, orderIds);
                                            if (found)
                                                found->removeIf([&](const Order& o) { return !principal.sees(o.merchantId); });
                                            return found;
                                        });
}

QFuture<Result<payments::OrderDetail>> LocalClient::orderDetail(Id orderId)
{
    return m_engine->read<payments::OrderDetail>(
        ask(Op::ReadOrders).on(u"order"_s, orderId, u"orderId"_s), [orderId](QSqlDatabase& db) { return payments::OrderDetails::load(db, orderId); });
}

QFuture<Result<orders::OrderCounters>> LocalClient::orderCounters(Id merchantId, qint64 dayStartMs)
{
    const qint64 nowMs = m_engine->clock().now().toMSecsSinceEpoch();
    const Id merchant = ownMerchantOr(merchantId);
    return m_engine->read<orders::OrderCounters>(ask(Op::ReadOrders).forMerchant(merchant),
                                                 [merchantId = merchant, nowMs, dayStartMs](QSqlDatabase& db) {
        return orders::OrderQueries::counters(db, merchantId, nowMs, dayStartMs);
    });
}

QFuture<Result<Payment>> LocalClient::authorizePayment(Id orderId, const payments::CardInput& card, const QString& key)
{
    return m_flows->authorize(ask(Op::AuthorizePayment).on(u"order"_s, orderId, u"orderId"_s), orderId, card, key);
}

QFuture<Result<payments::Checkout>> LocalClient::checkout(const orders::NewOrder& order,
                                                          const payments::CardInput& card, bool capture,
                                                          const QString& key)
{
    return m_flows->checkout(ask(Op::Checkout).forMerchant(order.merchantId), order, card, capture, key);
}

QFuture<Result<Payment>> LocalClient::capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                     const QString& key)
{
    QJsonObject params{{u"paymentId"_s, paymentId.toString()}};
    if (amountMinor)
        params.insert(u"amountMinor"_s, *amountMinor);
    const auto request = payments::IdempotentRequest::of(key, u"capture"_s, params);
    const auto access = ask(Op::CapturePayment).on(u"payment"_s, paymentId, u"paymentId"_s);
    return m_flows->writeThenSend<Payment>(access, [paymentId, amountMinor, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToPayment(uow, request, paymentId);
        if (!scoped)
            return Result<Payment>(scoped.error());
        return payments::runIdempotent<Payment>(
            uow, *scoped, [&] { return payments::PaymentService::capture(uow, paymentId, amountMinor); });
    });
}

QFuture<Result<Payment>> LocalClient::voidPayment(Id paymentId, const QString& reason, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"void"_s, {{u"paymentId"_s, paymentId.toString()}, {u"reason"_s, reason}});
    const auto access = ask(Op::VoidPayment).on(u"payment"_s, paymentId, u"paymentId"_s).because(reason);
    return m_flows->writeThenSend<Payment>(access, [paymentId, reason, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToPayment(uow, request, paymentId);
        if (!scoped)
            return Result<Payment>(scoped.error());
        return payments::runIdempotent<Payment>(
            uow, *scoped, [&] { return payments::PaymentService::voidAuthorization(uow, paymentId, reason); });
    });
}

QFuture<Result<payments::Refund>> LocalClient::refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                             const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"refund"_s,
        {{u"paymentId"_s, paymentId.toString()}, {u"amountMinor"_s, amountMinor}, {u"reason"_s, reason.trimmed()}});
    const auto access = ask(Op::RefundPayment).on(u"payment"_s, paymentId, u"paymentId"_s).because(reason);
    return m_flows->writeThenSend<payments::Refund>(access, [=](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToPayment(uow, request, paymentId);
        if (!scoped)
            return Result<payments::Refund>(scoped.error());
        return payments::runIdempotent<payments::Refund>(
            uow, *scoped, [&] { return payments::PaymentService::refund(uow, paymentId, amountMinor, reason); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                            const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"open_dispute"_s,
        {{u"paymentId"_s, paymentId.toString()}, {u"amountMinor"_s, amountMinor}, {u"reason"_s, reason}});
    const auto access = ask(Op::OpenDispute).on(u"payment"_s, paymentId, u"paymentId"_s).because(reason);
    return m_engine->write<payments::Dispute>(access, [=](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToPayment(uow, request, paymentId);
        if (!scoped)
            return Result<payments::Dispute>(scoped.error());
        return payments::runIdempotent<payments::Dispute>(
            uow, *scoped, [&] { return payments::PaymentService::openDispute(uow, paymentId, amountMinor, reason); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::submitDisputeEvidence(Id disputeId, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"dispute_evidence"_s, {{u"disputeId"_s, disputeId.toString()}});
    const auto access = ask(Op::SubmitDisputeEvidence).on(u"dispute"_s, disputeId, u"disputeId"_s);
    return m_engine->write<payments::Dispute>(access, [disputeId, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToDispute(uow, request, disputeId);
        if (!scoped)
            return Result<payments::Dispute>(scoped.error());
        return payments::runIdempotent<payments::Dispute>(
            uow, *scoped, [&] { return payments::PaymentService::submitEvidence(uow, disputeId); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::resolveDispute(Id disputeId, bool won, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"resolve_dispute"_s,
                                                         {{u"disputeId"_s, disputeId.toString()}, {u"won"_s, won}});
    const auto access = ask(Op::ResolveDispute).on(u"dispute"_s, disputeId, u"disputeId"_s);
    return m_engine->write<payments::Dispute>(access, [disputeId, won, request](store::UnitOfWork& uow) {
        auto scoped = payments::Idempotency::scopedToDispute(uow, request, disputeId);
        if (!scoped)
            return Result<payments::Dispute>(scoped.error());
        return payments::runIdempotent<payments::Dispute>(
            uow, *scoped, [&] { return payments::PaymentService::resolveDispute(uow, disputeId, won); });
    });
}

QFuture<Result<QList<payments::Payout>>> LocalClient::payout(Id merchantId, const QMap<QString, qint64>& amounts,
                                                             const QString& key)
{
    QJsonObject asked;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
        asked.insert(it.key(), it.value());
    const auto request = payments::IdempotentRequest::of(
        key, u"payout"_s, {{u"merchantId"_s, merchantId.toString()}, {u"amounts"_s, asked}});
    return m_engine->write<QList<payments::Payout>>(
        ask(Op::Payout).forMerchant(merchantId), [merchantId, amounts, request](store::UnitOfWork& uow) {
            return payments::runIdempotent<QList<payments::Payout>>(
                uow, request.within(merchantId, uow.actor()),
                [&] { return payments::PaymentService::payout(uow, merchantId, amounts); });
        });
}

QFuture<Result<QList<payments::Payout>>> LocalClient::payouts(Id merchantId)
{
    return m_engine->read<QList<payments::Payout>>(
        ask(Op::ReadPayouts).forMerchant(merchantId), [merchantId](QSqlDatabase& db) { return payments::PaymentService::payouts(db, merchantId, PayoutHistoryMax); });
}

QFuture<Result<QList<payments::AccountBalance>>> LocalClient::ledgerBalances(Id merchantId)
{
    const Id merchant = ownMerchantOr(merchantId); // a merchant's principal sees no platform account
    return m_engine->read<QList<payments::AccountBalance>>(
        ask(Op::ReadLedger).forMerchant(merchant),
        [merchant](QSqlDatabase& db) { return payments::Ledger::balances(db, merchant); });
}

QFuture<Result<MaintenanceResult>> LocalClient::runMaintenance()
{
    const auto access = ask(Op::RunMaintenance);
    if (auto refused = m_engine->admit(access))
        return engine::Engine::readyError<MaintenanceResult>(*refused);
    return m_flows->runMaintenance(access); // audited as the principal's command
}

} // namespace souk
