#include "backend/payments/PaymentService.h"

#include <QSqlQuery>

#include "backend/core/Money.h"
#include "backend/orders/OrderService.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/orders/OrderStock.h"
#include "backend/orders/OrderTotals.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentRows.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;
using souk::orders::OrderService;
using souk::orders::OrderStatus;
using souk::orders::PaymentState;

namespace souk::payments {
namespace {

Status illegal(const QString& message, const QString& field = u"paymentId"_s)
{
    return Error{ErrorCode::IllegalTransition, message, field};
}

/// Returns `amount` of `payment` to the customer and books it on `refundAccount` (refunds, or
/// dispute losses for a chargeback). `cancelling` ends the order as cancelled instead of refunded.
/// Returns `amount` of `payment` to the customer and books it on `refundAccount` (refunds, or
/// dispute losses for a chargeback); returns the journal entry. `cancelling` ends the order as
/// cancelled (the caller restocks) instead of settling it as a refund.
Result<Id> returnFunds(store::UnitOfWork& uow, Payment& payment, Order& order, qint64 amount, AccountKind refundAccount,
                       const QString& entryKind, const QString& reason, bool cancelling)
{
    // every sum first: an amount that cannot be booked is refused before the ledger is touched
    auto credit = checkedNegate(amount, u"amount"_s);
    if (!credit)
        return credit.error();
    auto paymentRefunded = checkedAdd(payment.refundedMinor, amount, u"amount"_s);
    if (!paymentRefunded)
        return paymentRefunded.error();
    auto orderRefunded = checkedAdd(order.refundedMinor, amount, u"amount"_s);
    if (!orderRefunded)
        return orderRefunded.error();
    auto entry = Ledger::post(uow, entryKind, payment.id, reason,
                              {Leg{payment.merchantId, refundAccount, payment.currency, amount},
                               Leg{Id{}, AccountKind::ProviderClearing, payment.currency, *credit}});
    if (!entry)
        return entry.error();
    payment.refundedMinor = *paymentRefunded;
    if (auto s = rows::savePayment(uow, payment); !s)
        return s.error();
    order.refundedMinor = *orderRefunded;
    order.paymentState =
        order.refundedMinor >= order.capturedMinor ? PaymentState::Refunded : PaymentState::PartiallyRefunded;
    const Status settled = cancelling ? OrderService::transition(uow, order, OrderStatus::Cancelled, reason)
                                      : rows::settleOrderAfterRefund(uow, order, reason);
    if (!settled)
        return settled.error();
    return *entry;
}

/// The refund's row, and its call to the provider: the money reaches the card once the
/// provider hears of it, even after a crash.
Result<Id> recordRefund(store::UnitOfWork& uow, const Payment& p, qint64 amount, const QString& reason, Id entryId)
{
    const Id id = uow.newId();
    store::Statement& q =
        uow.statement(u"INSERT INTO refunds (id, payment_id, amount_minor, reason, entry_id, actor, at_ms) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariantList values{
        id.value, p.id.value, amount, store::nonNull(reason), entryId.value, uow.actor().toString(), uow.nowMs()};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing a refund"_s); !s)
        return s.error();
    if (auto s = ProviderOutbox::enqueueRefund(uow, p.id, p.providerRef, amount, entryId); !s)
        return s.error();
    return id;
}

Status checkRefundable(const Payment& p, qint64 amount)
{
    if (p.status != PaymentStatus::Captured)
        return illegal(u"only a captured payment can be refunded (this one is %1)"_s.arg(paymentStatusName(p.status)));
    if (p.attention.startsWith(u"capture_refused"_s)) // the money never arrived: none can go back
        return illegal(u"the provider refused this payment's capture; nothing can be refunded"_s);
    if (amount <= 0)
        return Error::invalid(u"amount"_s, u"the refund amount must be positive"_s);
    if (amount > p.refundableMinor())
        return Error::conflict(u"amount"_s,
                               u"at most %1 (minor units) can still be refunded"_s.arg(p.refundableMinor()));
    return {};
}

Result<bool> hasOpenDispute(QSqlDatabase& db, Id paymentId)
{
    auto open = store::scalar(db, u"SELECT count(*) FROM disputes WHERE payment_id = ? AND status IN (0, 1)"_s,
                              {paymentId.value});
    if (!open)
        return open.error();
    return open->toInt() > 0;
}

} // namespace

namespace {

Result<Order> authorizable(Result<Order> order)
{
    if (!order)
        return order.error();
    if (order->status != OrderStatus::PendingPayment)
        return illegal(u"the order is %1; only an order awaiting payment can be paid"_s.arg(
                           orders::OrderStateMachine::name(order->status)),
                       u"orderId"_s)
            .error();
    if (order->paymentState == PaymentState::Authorized)
        return illegal(u"the order already has an authorization awaiting capture"_s, u"orderId"_s).error();
    return order;
}

} // namespace

Result<Order> PaymentService::checkAuthorizable(QSqlDatabase& db, Id orderId)
{
    return authorizable(OrderService::load(db, orderId, false));
}

Result<Order> PaymentService::checkAuthorizable(store::UnitOfWork& uow, Id orderId)
{
    return authorizable(OrderService::load(uow, orderId, false));
}

Result<Payment> PaymentService::recordAuthorization(store::UnitOfWork& uow, Id orderId, const CardSummary& card,
                                                    const ProviderAnswer& answer)
{
    auto order = checkAuthorizable(uow, orderId); // again on the writer: the order may have moved
    if (!order)
        return order.error();
    Payment p;
    p.id = uow.newId();
    p.orderId = orderId;
    p.merchantId = order->merchantId;
    p.status = answer.approved ? PaymentStatus::Authorized : PaymentStatus::Failed;
    p.currency = order->currency;
    p.amountMinor = order->totalMinor;
    p.card = card;
    p.declineCode = answer.declineCode;
    p.retryable = answer.retryable;
    p.providerRef = answer.reference;
    p.authorizedMs = uow.nowMs();
    p.authExpiresMs = answer.approved ? uow.nowMs() + AuthorizationValidityMs : uow.nowMs();
    p.version = 1;
    if (auto s = rows::insertPayment(uow, p); !s)
        return s.error();
    order->paymentState = answer.approved ? PaymentState::Authorized : PaymentState::Failed;
    order->cardLast4 = card.last4;
    if (auto s = OrderService::saveMoney(uow, *order); !s)
        return s.error();
    const QString detail = u"%1 •••• %2%3"_s.arg(card.brand, card.last4,
                                                 answer.approved ? QString() : u" declined: "_s + answer.declineCode);
    if (auto s = OrderService::addEvent(uow, orderId, answer.approved ? u"payment.authorized"_s : u"payment.failed"_s,
                                        p.amountMinor, detail);
        !s)
        return s.error();
    return p;
}

Result<Payment> PaymentService::capture(store::UnitOfWork& uow, Id paymentId, std::optional<qint64> amountMinor)
{
    auto p = payment(uow, paymentId);
    if (!p)
        return p.error();
    if (p->status != PaymentStatus::Authorized)
        return illegal(
                   u"only an authorized payment can be captured (this one is %1)"_s.arg(paymentStatusName(p->status)))
            .error();
    if (uow.nowMs() >= p->authExpiresMs)
        return illegal(u"the authorization expired; ask the customer to pay again"_s).error();
    if (p->heldMs > 0)
        return illegal(u"the payment is held for a risk review; it is captured when a reviewer approves it"_s)
            .error();
    const qint64 amount = amountMinor.value_or(p->amountMinor);
    if (amount <= 0)
        return Error::invalid(u"amount"_s, u"the capture amount must be positive"_s);
    if (amount > p->amountMinor)
        return Error::conflict(u"amount"_s,
                               u"at most the authorized %1 (minor units) can be captured"_s.arg(p->amountMinor));
    auto order = OrderService::load(uow, p->orderId, true);
    if (!order)
        return order.error();
    auto terms = OrderService::terms(uow, p->merchantId);
    if (!terms)
        return terms.error();
    auto commission = orders::OrderTotals::commission(amount, terms->commissionBp, terms->commissionFixedMinor);
    if (!commission)
        return commission.error();
    // commission ≤ amount, yet a damaged terms row must not wrap: checked, and refused before any write
    auto net = checkedSub(amount, *commission, u"amount"_s);
    if (!net)
        return net.error();
    auto payable = checkedNegate(*net, u"amount"_s);
    if (!payable)
        return payable.error();
    auto revenue = checkedNegate(*commission, u"commission"_s);
    if (!revenue)
        return revenue.error();
    auto entry = Ledger::post(uow, u"capture"_s, p->id, QString(),
                              {Leg{Id{}, AccountKind::ProviderClearing, p->currency, amount},
                               Leg{p->merchantId, AccountKind::MerchantPayable, p->currency, *payable},
                               Leg{Id{}, AccountKind::CommissionRevenue, p->currency, *revenue}});
    if (!entry)
        return entry.error();
    p->status = PaymentStatus::Captured;
    p->capturedMinor = amount;
    if (auto s = rows::savePayment(uow, *p); !s)
        return s.error();
    // the money moves once the provider hears of it, even after a crash; a partial capture
    // releases the rest of the hold with it
    if (auto s = ProviderOutbox::enqueueCapture(uow, p->id, p->providerRef, amount, *entry); !s)
        return s.error();
    order->capturedMinor = amount;
    order->paymentState = PaymentState::Captured;
    if (auto s = orders::OrderStock::sell(uow, *order); !s)
        return s.error();
    // one timeline row: the capture, with the status change it made
    if (auto s = OrderService::transition(
            uow, *order, OrderStatus::Paid,
            amount < p->amountMinor ? u"partial capture; the rest was released"_s : u"payment captured"_s, amount,
            u"payment.captured"_s);
        !s)
        return s.error();
    return *p;
}

Result<Payment> PaymentService::voidAuthorization(store::UnitOfWork& uow, Id paymentId, const QString& reason)
{
    auto p = payment(uow, paymentId);
    if (!p)
        return p.error();
    if (p->status != PaymentStatus::Authorized)
        return illegal(u"only an authorized payment can be voided (this one is %1)"_s.arg(paymentStatusName(p->status)))
            .error();
    p->status = PaymentStatus::Voided;
    if (auto s = rows::savePayment(uow, *p); !s)
        return s.error();
    // the hold leaves the customer's card once the provider hears of it, even after a crash
    if (auto s = ProviderOutbox::enqueueRelease(uow, p->id, p->providerRef); !s)
        return s.error();
    auto order = OrderService::load(uow, p->orderId, false);
    if (!order)
        return order.error();
    order->paymentState = PaymentState::Voided;
    if (auto s = OrderService::saveMoney(uow, *order); !s)
        return s.error();
    if (auto s = OrderService::addEvent(uow, order->id, u"payment.voided"_s, p->amountMinor, reason); !s)
        return s.error();
    return *p;
}

Result<Refund> PaymentService::refund(store::UnitOfWork& uow, Id paymentId, qint64 amountMinor, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Error::invalid(u"reason"_s, u"say why the money is refunded"_s);
    auto p = payment(uow, paymentId);
    if (!p)
        return p.error();
    if (auto s = checkRefundable(*p, amountMinor); !s)
        return s.error();
    auto disputed = hasOpenDispute(uow.db(), paymentId);
    if (!disputed)
        return disputed.error();
    if (*disputed)
        return illegal(u"the payment is disputed; wait for the dispute's outcome"_s).error();
    auto order = OrderService::load(uow, p->orderId, true); // with lines: a full refund may restock
    if (!order)
        return order.error();
    auto entry = returnFunds(uow, *p, *order, amountMinor, AccountKind::Refunds, u"refund"_s, reason.trimmed(), false);
    if (!entry)
        return entry.error();
    auto id = recordRefund(uow, *p, amountMinor, reason.trimmed(), *entry);
    if (!id)
        return id.error();
    if (auto s = OrderService::addEvent(uow, order->id, u"refund"_s, amountMinor, reason.trimmed()); !s)
        return s.error();
    return Refund{*id, p->id, amountMinor, reason.trimmed(), uow.actor().toString(), uow.nowMs()};
}

Result<Order> PaymentService::cancelOrder(store::UnitOfWork& uow, Id orderId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Error::invalid(u"reason"_s, u"say why the order is cancelled"_s);
    auto order = OrderService::load(uow, orderId, true);
    if (!order)
        return order.error();
    if (auto s = orders::OrderStateMachine::check(order->status, OrderStatus::Cancelled); !s)
        return s.error();
    auto payments = paymentsOf(uow.db(), orderId);
    if (!payments)
        return payments.error();
    if (order->status == OrderStatus::PendingPayment) {
        for (const Payment& p : *payments) {
            if (p.status == PaymentStatus::Authorized) {
                if (auto v = voidAuthorization(uow, p.id, reason); !v)
                    return v.error();
            }
        }
        return OrderService::cancelUnpaid(uow, orderId, reason.trimmed());
    }
    // paid but not shipped: give back what is left of the money and put the goods back
    for (const Payment& p : *payments) {
        auto disputed = hasOpenDispute(uow.db(), p.id);
        if (!disputed)
            return disputed.error();
        if (*disputed) // the bank holds these funds until it decides
            return illegal(u"the payment is disputed; wait for the dispute's outcome"_s, u"orderId"_s).error();
    }
    for (Payment& p : *payments) {
        if (p.status != PaymentStatus::Captured || p.refundableMinor() == 0)
            continue;
        const qint64 amount = p.refundableMinor();
        auto entry = returnFunds(uow, p, *order, amount, AccountKind::Refunds, u"refund"_s, reason.trimmed(), true);
        if (!entry)
            return entry.error();
        if (auto id = recordRefund(uow, p, amount, reason.trimmed(), *entry); !id)
            return id.error();
        // the timeline says where the money went, as a refund of its own does
        if (auto s = OrderService::addEvent(uow, order->id, u"refund"_s, amount, reason.trimmed()); !s)
            return s.error();
    }
    if (order->status != OrderStatus::Cancelled) {
        if (auto s = OrderService::transition(uow, *order, OrderStatus::Cancelled, reason); !s)
            return s.error();
    }
    if (auto s = orders::OrderStock::restock(uow, *order); !s)
        return s.error();
    return *order;
}

Result<int> PaymentService::expireAuthorizations(store::UnitOfWork& uow, int limit)
{
    const auto due = store::ids(
        uow.db(),
        u"SELECT id FROM payments WHERE status = 1 AND auth_expires_ms <= ? ORDER BY auth_expires_ms LIMIT ?"_s,
        {uow.nowMs(), limit}, u"finding expired authorizations"_s);
    if (!due)
        return due.error();
    for (Id id : *due) {
        auto voided = voidAuthorization(uow, id, u"authorization expired"_s);
        if (!voided)
            return voided.error();
        Payment p = *voided;
        p.status = PaymentStatus::Expired;
        if (auto s = rows::savePayment(uow, p); !s)
            return s.error();
    }
    return int(due->size());
}

} // namespace souk::payments
