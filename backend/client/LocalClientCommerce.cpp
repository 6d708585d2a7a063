// LocalClient, second part: customers, orders, payments and the ledger.
#include "backend/client/LocalClient.h"

#include <QDate>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include "backend/engine/Engine.h"
#include "backend/orders/CustomerService.h"
#include "backend/orders/OrderQueries.h"
#include "backend/orders/OrderService.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/payments/CommandJson.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/OrderDetails.h"
#include "backend/payments/PaymentAttempts.h"
#include "backend/payments/PaymentService.h"
#include "backend/payments/ProviderOutbox.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;
using souk::payments::Payment;

Q_DECLARE_LOGGING_CATEGORY(lcClient) // LocalClient.cpp

namespace souk {
namespace {

constexpr int MaintenanceBatch = 500; ///< rows per maintenance step: keeps each write short
constexpr int OutboxBatch = 100;      ///< calls sent to the provider per outbox pass
constexpr int AttemptsPerPass = 100;  ///< open authorization attempts asked about per pass
/// An attempt open this long is no longer in flight: maintenance asks the provider about it.
constexpr qint64 AttemptGraceMs = 10 * 60'000;
const Actor SystemActor{u"system"_s, u"system"_s};

QJsonObject newOrderJson(const orders::NewOrder& o)
{
    QJsonArray lines;
    for (const auto& l : o.lines)
        lines.append(QJsonObject{{u"sku"_s, l.sku.trimmed()}, {u"quantity"_s, l.quantity}});
    QJsonObject out{{u"merchantId"_s, o.merchantId.toString()},
                    {u"customerId"_s, o.customerId.toString()},
                    {u"lines"_s, lines},
                    {u"discountCode"_s, o.discountCode.trimmed()}};
    if (o.deliveryFeeMinor)
        out.insert(u"deliveryFeeMinor"_s, *o.deliveryFeeMinor);
    return out;
}

/// The first write of an authorization: the stored result when the key has one, else the attempt.
struct OpenedAttempt
{
    std::optional<QByteArray> stored;
    payments::PaymentAttempt attempt;
};

template <typename T> QFuture<Result<T>> readyError(const Error& error)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(Result<T>(error));
    promise.finish();
    return promise.future();
}

} // namespace

void LocalClient::startMaintenance()
{
    if (m_options.maintenanceIntervalMs <= 0 || m_options.store.readOnly)
        return;
    m_maintenance = new QTimer(this);
    m_maintenance->setInterval(m_options.maintenanceIntervalMs);
    connect(m_maintenance, &QTimer::timeout, this, [this] { runMaintenance(); });
    m_maintenance->start();
}

QFuture<Result<orders::Customer>> LocalClient::createCustomer(const orders::Customer& customer, const QString& key)
{
    // customers belong to no merchant (yet): the key is the actor's alone
    const auto request =
        payments::IdempotentRequest::of(key, u"create_customer"_s, payments::CommandJson::customer(customer));
    return m_engine->write<orders::Customer>(m_options.actor, [customer, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<orders::Customer>(uow, request.within(Id{}, uow.actor()),
                                                         [&] { return orders::CustomerService::create(uow, customer); });
    });
}

QFuture<Result<orders::MerchantTerms>> LocalClient::setMerchantTerms(const orders::MerchantTerms& terms,
                                                                     const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"set_merchant_terms"_s, payments::CommandJson::terms(terms));
    return m_engine->write<orders::MerchantTerms>(m_options.actor, [terms, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<orders::MerchantTerms>(
            uow, request.within(terms.merchantId, uow.actor()),
            [&] { return orders::CustomerService::setTerms(uow, terms); });
    });
}

QFuture<Result<bool>> LocalClient::addDiscountCode(const orders::DiscountCode& code, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"add_discount_code"_s, payments::CommandJson::discountCode(code));
    return m_engine->write<bool>(m_options.actor, [code, request](store::UnitOfWork& uow) {
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
    const auto request = payments::IdempotentRequest::of(key, u"create_order"_s, newOrderJson(order));
    return m_engine->write<Order>(m_options.actor, [order, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Order>(uow, request, [&] { return orders::OrderService::create(uow, order); });
    });
}

QFuture<Result<Order>> LocalClient::cancelOrder(Id orderId, const QString& reason, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"cancel_order"_s,
                                                         {{u"orderId"_s, orderId.toString()}, {u"reason"_s, reason}});
    return writeThenSend<Order>(m_options.actor, [orderId, reason, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Order>(
            uow, request, [&] { return payments::PaymentService::cancelOrder(uow, orderId, reason); });
    });
}

QFuture<Result<Order>> LocalClient::advanceOrder(Id orderId, orders::OrderStatus to, const QString& reason,
                                                 const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"advance_order"_s,
        {{u"orderId"_s, orderId.toString()}, {u"to"_s, orders::OrderStateMachine::name(to)}, {u"reason"_s, reason}});
    return m_engine->write<Order>(m_options.actor, [orderId, to, reason, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Order>(uow, request,
                                              [&] { return orders::OrderService::advance(uow, orderId, to, reason); });
    });
}

QFuture<Result<orders::OrderPage>> LocalClient::orderPage(const orders::OrderQuery& query)
{
    return m_engine->read<orders::OrderPage>(
        [query](QSqlDatabase& db) { return orders::OrderQueries::page(db, query); });
}

QFuture<Result<QList<Order>>> LocalClient::ordersById(const QList<Id>& orderIds)
{
    return m_engine->read<QList<Order>>(
        [orderIds](QSqlDatabase& db) { return orders::OrderQueries::orders(db, orderIds); });
}

QFuture<Result<payments::OrderDetail>> LocalClient::orderDetail(Id orderId)
{
    return m_engine->read<payments::OrderDetail>(
        [orderId](QSqlDatabase& db) { return payments::OrderDetails::load(db, orderId); });
}

QFuture<Result<orders::OrderCounters>> LocalClient::orderCounters(Id merchantId, qint64 dayStartMs)
{
    const qint64 nowMs = m_engine->clock().now().toMSecsSinceEpoch();
    return m_engine->read<orders::OrderCounters>([merchantId, nowMs, dayStartMs](QSqlDatabase& db) {
        return orders::OrderQueries::counters(db, merchantId, nowMs, dayStartMs);
    });
}

QFuture<Result<Payment>> LocalClient::authorizePayment(Id orderId, const payments::CardInput& card, const QString& key)
{
    // No thread waits in here: the attempt's write, then the provider on our pool, then the
    // writer's record, each step continuing the last. Hundreds of authorizations can be in
    // flight on a few threads.
    if (auto s = payments::Idempotency::validateKey(key); !s)
        return readyError<Payment>(s.error());
    const QDate today = m_engine->clock().now().date();
    if (auto s = payments::Card::validate(card, today.year(), today.month()); !s)
        return readyError<Payment>(s.error());
    const payments::CardSummary summary = payments::Card::summarize(card, m_cardSecret);
    const QJsonObject params{{u"orderId"_s, orderId.toString()},
                             {u"card"_s, summary.fingerprint},
                             {u"expMonth"_s, card.expMonth},
                             {u"expYear"_s, card.expYear}};
    const auto request = payments::IdempotentRequest::of(key, u"authorize"_s, params);
    // The answer is a promise of our own, finished by the step that ends the chain; each step
    // starts the next from the engine's completion callbacks (see Engine::write on why not
    // QFuture::then). A retry of a recorded authorization never reaches the card network: the
    // first write finds the stored result under the key before any attempt is made.
    auto answer = std::make_shared<QPromise<Result<Payment>>>();
    answer->start();
    QFuture<Result<Payment>> out = answer->future();
    const auto settle = [this, answer](const Result<Payment>& result) {
        answer->addResult(result);
        answer->finish();
        m_providerWork.end(); // last: ~LocalClient may go on once it reaches 0
    };
    m_providerWork.begin();
    writeAttemptThenAuthorize(orderId, card, request, summary, settle);
    return out;
}

void LocalClient::writeAttemptThenAuthorize(Id orderId, const payments::CardInput& card,
                                            const payments::IdempotentRequest& request,
                                            const payments::CardSummary& summary,
                                            std::function<void(const Result<Payment>&)> settle)
{
    // the attempt, with the key the provider will see, is durable before the provider hears of
    // it: after a crash the store still knows whom to ask about a hold it may not have recorded
    m_engine->write<OpenedAttempt>(
        m_options.actor,
        [orderId, request, summary](store::UnitOfWork& uow) -> Result<OpenedAttempt> {
            auto stored = payments::Idempotency::lookup(uow, request);
            if (!stored)
                return stored.error();
            if (*stored)
                return OpenedAttempt{*stored, {}};
            auto order = payments::PaymentService::checkAuthorizable(uow, orderId);
            if (!order)
                return order.error();
            auto attempt = payments::PaymentAttempts::open(uow, request, *order, summary);
            if (!attempt)
                return attempt.error();
            return OpenedAttempt{{}, *attempt};
        },
        [this, card, settle](const Result<OpenedAttempt>& opened) {
            if (!opened)
                return settle(opened.error());
            if (opened->stored)
                return settle(payments::StoredResult<Payment>::decode(*opened->stored));
            // the provider's answer takes its time: on our pool, not the completion thread
            m_providerPool.start([this, card, settle, attempt = opened->attempt] {
                authorizeAtProvider(card, attempt, [settle](const payments::PaymentAttempts::Recorded& r) {
                    settle(r.payment ? Result<Payment>(*r.payment) : Result<Payment>(*r.error));
                });
            });
        });
}

void LocalClient::authorizeAtProvider(const payments::CardInput& card, const payments::PaymentAttempt& attempt,
                                      std::function<void(const payments::PaymentAttempts::Recorded&)> finish)
{
    const payments::ProviderAnswer answer =
        m_options.provider->authorize(card, attempt.amountMinor, attempt.currency, attempt.providerKey);
    std::shared_ptr<payments::PaymentProvider> provider = m_options.provider;
    m_engine->write<payments::PaymentAttempts::Recorded>(
        m_options.actor,
        [attempt, answer](store::UnitOfWork& uow) { return payments::PaymentAttempts::record(uow, attempt, answer); },
        [this, provider, answer, captured = attempt.captureAfter,
         finish](const Result<payments::PaymentAttempts::Recorded>& recorded) {
            if (recorded) {
                // a hold that is not the one recorded (the order moved on meanwhile, or a
                // concurrent retry won) joined the outbox with the record, as did a capture
                if (recorded->releaseQueued || (captured && recorded->payment))
                    sendProviderCalls();
                return finish(*recorded);
            }
            payments::PaymentAttempts::Recorded failed;
            failed.error = recorded.error();
            if (!answer.approved)
                return finish(failed);
            // the store refused even that: release the hold now, from memory; the attempt
            // stays open, and the next start asks the provider about it again
            m_providerPool.start([provider, answer, failed, finish] {
                if (!provider->voidAuthorization(answer.reference, {}).isDone())
                    qCWarning(lcClient) << "a hold Souk does not use could not be released:" << answer.reference;
                finish(failed);
            });
        });
}

QFuture<Result<payments::Checkout>> LocalClient::checkout(const orders::NewOrder& order,
                                                          const payments::CardInput& card, bool capture,
                                                          const QString& key)
{
    if (auto s = payments::Idempotency::validateKey(key); !s)
        return readyError<payments::Checkout>(s.error());
    const QDate today = m_engine->clock().now().date();
    if (auto s = payments::Card::validate(card, today.year(), today.month()); !s)
        return readyError<payments::Checkout>(s.error());
    const payments::CardSummary summary = payments::Card::summarize(card, m_cardSecret);
    QJsonObject params = newOrderJson(order);
    params.insert(u"card"_s, summary.fingerprint);
    params.insert(u"expMonth"_s, card.expMonth);
    params.insert(u"expYear"_s, card.expYear);
    params.insert(u"capture"_s, capture);
    const auto request = payments::IdempotentRequest::of(key, payments::PaymentAttempt::CheckoutCommand, params);
    auto answer = std::make_shared<QPromise<Result<payments::Checkout>>>();
    answer->start();
    QFuture<Result<payments::Checkout>> out = answer->future();
    const auto settle = [this, answer](const Result<payments::Checkout>& result) {
        answer->addResult(result);
        answer->finish();
        m_providerWork.end(); // last: ~LocalClient may go on once it reaches 0
    };
    m_providerWork.begin();
    // one write makes the order and the attempt (one key for both, so a retry never makes a
    // second order), the provider answers, one write records the payment and captures it
    m_engine->write<OpenedAttempt>(
        m_options.actor,
        [order, request, summary, capture](store::UnitOfWork& uow) -> Result<OpenedAttempt> {
            auto stored = payments::Idempotency::lookup(uow, request);
            if (!stored)
                return stored.error();
            if (*stored)
                return OpenedAttempt{*stored, {}};
            auto earlier = payments::PaymentAttempts::checkoutOrder(uow, request.key);
            if (!earlier)
                return earlier.error();
            auto made = *earlier ? payments::PaymentService::checkAuthorizable(uow, **earlier)
                                 : orders::OrderService::create(uow, order);
            if (!made)
                return made.error();
            auto attempt = payments::PaymentAttempts::open(uow, request, *made, summary, capture);
            if (!attempt)
                return attempt.error();
            return OpenedAttempt{{}, *attempt};
        },
        [this, card, settle](const Result<OpenedAttempt>& opened) {
            if (!opened)
                return settle(opened.error());
            if (opened->stored)
                return settle(payments::StoredResult<payments::Checkout>::decode(*opened->stored));
            m_providerPool.start([this, card, settle, attempt = opened->attempt] {
                authorizeAtProvider(card, attempt, [settle](const payments::PaymentAttempts::Recorded& r) {
                    if (!r.payment || !r.order)
                        return settle(r.error ? *r.error : Error::internal(u"checkout recorded no order"_s));
                    settle(payments::Checkout{*r.order, *r.payment});
                });
            });
        });
    return out;
}

void LocalClient::reconcileAttempts(qint64 olderThanMs)
{
    if (m_options.store.readOnly || m_closing.load())
        return;
    const qint64 beforeMs = m_engine->clock().nowMs() - olderThanMs + (olderThanMs == 0 ? 1 : 0);
    m_providerWork.begin();
    m_engine->read<QList<payments::PaymentAttempt>>(
        [beforeMs](QSqlDatabase& db) {
            return payments::PaymentAttempts::openBefore(db, beforeMs, AttemptsPerPass);
        },
        engine::ReadMode::Snapshot,
        [this](const Result<QList<payments::PaymentAttempt>>& open) {
            if (!open || open->isEmpty()) {
                if (!open)
                    qCWarning(lcClient) << "open authorization attempts could not be read:" << open.error().toString();
                m_providerWork.end();
                return;
            }
            m_providerPool.start([this, open = *open] {
                QList<std::pair<payments::PaymentAttempt, payments::AttemptLookup>> answers;
                for (const payments::PaymentAttempt& a : open) {
                    if (m_closing.load())
                        break;
                    answers.append({a, m_options.provider->lookupAuthorization(a.providerKey)});
                }
                m_engine->write<int>(
                    SystemActor,
                    [answers](store::UnitOfWork& uow) -> Result<int> {
                        int released = 0;
                        for (const auto& [attempt, lookup] : answers) {
                            auto r = payments::PaymentAttempts::reconcile(uow, attempt, lookup);
                            if (!r)
                                return r.error();
                            released += *r;
                        }
                        return released;
                    },
                    [this, count = answers.size()](const Result<int>& released) {
                        if (!released)
                            qCWarning(lcClient) << "authorization attempts not settled:" << released.error().toString();
                        else if (count > 0)
                            qCInfo(lcClient) << count << "authorization attempts settled with the provider;"
                                             << *released << "holds released";
                        if (released && count > 0)
                            sendProviderCalls(); // the releases, and a checkout's capture
                        m_providerWork.end();
                    });
            });
        });
}

QFuture<Result<Payment>> LocalClient::capturePayment(Id paymentId, std::optional<qint64> amountMinor,
                                                     const QString& key)
{
    QJsonObject params{{u"paymentId"_s, paymentId.toString()}};
    if (amountMinor)
        params.insert(u"amountMinor"_s, *amountMinor);
    const auto request = payments::IdempotentRequest::of(key, u"capture"_s, params);
    return writeThenSend<Payment>(m_options.actor, [paymentId, amountMinor, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Payment>(
            uow, request, [&] { return payments::PaymentService::capture(uow, paymentId, amountMinor); });
    });
}

QFuture<Result<Payment>> LocalClient::voidPayment(Id paymentId, const QString& reason, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"void"_s, {{u"paymentId"_s, paymentId.toString()}, {u"reason"_s, reason}});
    return writeThenSend<Payment>(m_options.actor, [paymentId, reason, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<Payment>(
            uow, request, [&] { return payments::PaymentService::voidAuthorization(uow, paymentId, reason); });
    });
}

template <typename T>
QFuture<Result<T>> LocalClient::writeThenSend(const Actor& actor, std::function<Result<T>(store::UnitOfWork&)> command)
{
    // the calls the command decided are in the outbox once it commits (a replay adds none);
    // counted as provider work from now, so the destructor waits for the pass it starts
    m_providerWork.begin();
    return m_engine->write<T>(actor, std::move(command), [this](const Result<T>& result) {
        if (result)
            sendProviderCalls();
        m_providerWork.end();
    });
}

void LocalClient::sendProviderCalls()
{
    if (m_options.store.readOnly || m_closing.load())
        return;
    if (m_outboxRequests.fetch_add(1) > 0)
        return; // the pass under way runs again for this call
    m_providerWork.begin();
    runOutboxPass();
}

namespace {

/// One outbox call at the provider. A call whose last answer was lost (a timeout) may have
/// happened: the provider is asked first, and the call is sent again only if it never arrived.
payments::CallResult send(payments::PaymentProvider& provider, const payments::OutboxItem& item)
{
    if (item.outcomeUnknown) {
        switch (provider.lookupCall(item.key)) {
        case payments::CallLookup::Done:
            return payments::CallResult::done();
        case payments::CallLookup::Unreachable:
            return payments::CallResult::retry(u"unreachable"_s, true);
        case payments::CallLookup::NeverReceived:
            break;
        }
    }
    switch (item.call) {
    case payments::ProviderCall::Release:
        return provider.voidAuthorization(item.providerRef, item.key);
    case payments::ProviderCall::Capture:
        return provider.capture(item.providerRef, item.amountMinor, item.key);
    case payments::ProviderCall::Refund:
        return provider.refund(item.providerRef, item.amountMinor, item.key);
    }
    return payments::CallResult::retry(u"unknown_call"_s);
}

} // namespace

void LocalClient::runOutboxPass()
{
    const int seen = m_outboxRequests.load();
    const qint64 nowMs = m_engine->clock().now().toMSecsSinceEpoch();
    m_engine->read<QList<payments::OutboxItem>>(
        [nowMs](QSqlDatabase& db) { return payments::ProviderOutbox::pending(db, nowMs, OutboxBatch); },
        engine::ReadMode::Snapshot,
        [this, seen](const Result<QList<payments::OutboxItem>>& pending) {
            if (!pending || pending->isEmpty())
                return endOutboxPass(seen, false);
            // the provider's answers take their time: on our pool
            m_providerPool.start([this, seen, pending = *pending] {
                QList<payments::SentCall> sent;
                int confirmed = 0;
                for (const payments::OutboxItem& item : pending) {
                    if (m_closing.load())
                        break; // the rest stays in the store for the next start
                    sent.append({item, send(*m_options.provider, item)});
                    confirmed += sent.last().result.isDone();
                }
                if (confirmed < sent.size())
                    qCWarning(lcClient) << sent.size() - confirmed << "provider calls failed; they are tried again "
                                                                      "or set aside";
                // what it confirmed may have made due a payment's next call (a refund behind
                // its capture), or the batch was full: read again until a pass confirms nothing
                const bool more = confirmed > 0;
                m_engine->write<int>(
                    SystemActor,
                    [sent, policy = m_options.providerRetry](store::UnitOfWork& uow) {
                        return payments::ProviderOutbox::settle(uow, sent, policy);
                    },
                    [this, seen, more](const Result<int>& settled) {
                        if (!settled)
                            qCWarning(lcClient) << "the provider's answers were not recorded; the calls are sent again:"
                                                << settled.error().toString();
                        else if (*settled > 0)
                            qCWarning(lcClient) << *settled << "provider calls need attention (soukctl outbox list)";
                        endOutboxPass(seen, more && settled);
                    });
            });
        });
}

void LocalClient::endOutboxPass(int seen, bool more)
{
    // a pass that confirmed calls keeps one request back, so the next pass goes on. A failed call is due
    // again after a growing delay (ProviderOutbox::RetryBaseMs); the first pass after that, at
    // the latest a maintenance pass, sends it. Due ones are read fewest attempts first, so they
    // cannot hold newer ones back.
    const int served = more ? seen - 1 : seen;
    if (m_outboxRequests.fetch_sub(served) - served > 0 && !m_closing.load())
        return runOutboxPass();
    m_providerWork.end(); // last: ~LocalClient may go on once it reaches 0
}

QFuture<Result<payments::Refund>> LocalClient::refundPayment(Id paymentId, qint64 amountMinor, const QString& reason,
                                                             const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"refund"_s,
        {{u"paymentId"_s, paymentId.toString()}, {u"amountMinor"_s, amountMinor}, {u"reason"_s, reason.trimmed()}});
    return writeThenSend<payments::Refund>(m_options.actor, [=](store::UnitOfWork& uow) {
        return payments::runIdempotent<payments::Refund>(
            uow, request, [&] { return payments::PaymentService::refund(uow, paymentId, amountMinor, reason); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::openDispute(Id paymentId, qint64 amountMinor, const QString& reason,
                                                            const QString& key)
{
    const auto request = payments::IdempotentRequest::of(
        key, u"open_dispute"_s,
        {{u"paymentId"_s, paymentId.toString()}, {u"amountMinor"_s, amountMinor}, {u"reason"_s, reason}});
    return m_engine->write<payments::Dispute>(m_options.actor, [=](store::UnitOfWork& uow) {
        return payments::runIdempotent<payments::Dispute>(
            uow, request, [&] { return payments::PaymentService::openDispute(uow, paymentId, amountMinor, reason); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::submitDisputeEvidence(Id disputeId, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"dispute_evidence"_s, {{u"disputeId"_s, disputeId.toString()}});
    return m_engine->write<payments::Dispute>(m_options.actor, [disputeId, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<payments::Dispute>(
            uow, request, [&] { return payments::PaymentService::submitEvidence(uow, disputeId); });
    });
}

QFuture<Result<payments::Dispute>> LocalClient::resolveDispute(Id disputeId, bool won, const QString& key)
{
    const auto request = payments::IdempotentRequest::of(key, u"resolve_dispute"_s,
                                                         {{u"disputeId"_s, disputeId.toString()}, {u"won"_s, won}});
    return m_engine->write<payments::Dispute>(m_options.actor, [disputeId, won, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<payments::Dispute>(
            uow, request, [&] { return payments::PaymentService::resolveDispute(uow, disputeId, won); });
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
        m_options.actor, [merchantId, amounts, request](store::UnitOfWork& uow) {
            return payments::runIdempotent<QList<payments::Payout>>(
                uow, request, [&] { return payments::PaymentService::payout(uow, merchantId, amounts); });
        });
}

QFuture<Result<QList<payments::Payout>>> LocalClient::payouts(Id merchantId)
{
    return m_engine->read<QList<payments::Payout>>(
        [merchantId](QSqlDatabase& db) { return payments::PaymentService::payouts(db, merchantId, PayoutHistoryMax); });
}

QFuture<Result<QList<payments::AccountBalance>>> LocalClient::ledgerBalances(Id merchantId)
{
    return m_engine->read<QList<payments::AccountBalance>>(
        [merchantId](QSqlDatabase& db) { return payments::Ledger::balances(db, merchantId); });
}

QFuture<Result<MaintenanceResult>> LocalClient::runMaintenance()
{
    reconcileAttempts(AttemptGraceMs); // authorizations a crash or a lost answer left open
    const qint64 retentionMs = m_options.idempotencyRetentionMs;
    // expired holds join the outbox; the pass after the write also retries the calls the
    // provider refused before
    return writeThenSend<MaintenanceResult>(
        SystemActor, [retentionMs](store::UnitOfWork& uow) -> Result<MaintenanceResult> {
            // a ledger from before its hash chain is sealed even when no money moves
            if (auto sealed = payments::Ledger::seal(uow); !sealed)
                return sealed.error();
            // authorizations first: an order whose hold lapsed may then expire in the same pass
            auto auths = payments::PaymentService::expireAuthorizations(uow, MaintenanceBatch);
            if (!auths)
                return auths.error();
            auto expired = orders::OrderService::expireDue(uow, MaintenanceBatch);
            if (!expired)
                return expired.error();
            auto purged = payments::Idempotency::purge(uow, retentionMs, MaintenanceBatch);
            if (!purged)
                return purged.error();
            auto lost = payments::PaymentService::loseOverdueDisputes(uow, MaintenanceBatch);
            if (!lost)
                return lost.error();
            const bool more = qMax(qMax(*expired, *auths), qMax(*purged, *lost)) >= MaintenanceBatch;
            return MaintenanceResult{*expired, *auths, *purged, *lost, more};
        });
}

} // namespace souk
