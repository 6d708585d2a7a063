#include "backend/payments/PaymentAttempts.h"

#include "backend/orders/OrderService.h"
#include "backend/payments/PaymentRows.h"
#include "backend/payments/PaymentService.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {
namespace {

/// What an attempt's command returns: its payment, and for a checkout the order as well.
struct Outcome
{
    Payment payment;
    std::optional<orders::Order> order;
};

/// The provider's answer recorded as the attempt's command would: the payment, captured at
/// once for a checkout with automatic capture. Not idempotent by itself (see settleOnce).
Result<Outcome> recordAnswer(store::UnitOfWork& uow, const PaymentAttempt& a, const ProviderAnswer& answer)
{
    auto p = PaymentService::recordAuthorization(uow, a.orderId, a.card, answer);
    if (p && a.holdForReview && p->status == PaymentStatus::Authorized) {
        if (auto s = rows::setHeld(uow, *p, uow.nowMs()); !s)
            return s.error();
    }
    if (p && a.captureAfter && p->status == PaymentStatus::Authorized)
        p = PaymentService::capture(uow, p->id, std::nullopt);
    if (!p)
        return p.error();
    if (!a.isCheckout())
        return Outcome{*p, std::nullopt};
    auto order = orders::OrderService::load(uow, a.orderId, true);
    if (!order)
        return order.error();
    return Outcome{*p, *order};
}

/// The result stored under the attempt's client key, as its command returned it.
Result<std::optional<Outcome>> storedOutcome(store::UnitOfWork& uow, const PaymentAttempt& a)
{
    auto stored = Idempotency::lookup(uow, a.request);
    if (!stored)
        return stored.error();
    if (!*stored)
        return std::optional<Outcome>();
    if (a.isCheckout()) {
        auto c = StoredResult<Checkout>::decode(**stored);
        if (!c)
            return c.error();
        return std::optional<Outcome>(Outcome{c->payment, c->order});
    }
    auto p = StoredResult<Payment>::decode(**stored);
    if (!p)
        return p.error();
    return std::optional<Outcome>(Outcome{*p, std::nullopt});
}

Status remember(store::UnitOfWork& uow, const PaymentAttempt& a, const Outcome& o)
{
    return Idempotency::remember(uow, a.request,
                                 a.isCheckout() ? StoredResult<Checkout>::encode(Checkout{*o.order, o.payment})
                                                : StoredResult<Payment>::encode(o.payment));
}

/// How settling an answer ended: the command's outcome (recorded now, or stored by a request
/// that won), or why the order cannot take this payment (nothing was written).
struct Settled
{
    std::optional<Outcome> outcome;
    std::optional<Error> refused;
};

/// The answer recorded and remembered under the client's key, or the stored result when the
/// key has one already (a concurrent request won). Whether the order can take the payment is
/// checked before anything is written, so a refusal needs no savepoint (a savepoint per
/// command costs the writer a sub-journal copy of every page it touches); a failure after
/// writing is an error of the whole command, which the writer rolls back alone.
Result<Settled> settleOnce(store::UnitOfWork& uow, const PaymentAttempt& a, const ProviderAnswer& answer)
{
    auto stored = storedOutcome(uow, a);
    if (!stored)
        return stored.error();
    if (*stored)
        return Settled{**stored, std::nullopt};
    if (auto order = PaymentService::checkAuthorizable(uow, a.orderId); !order)
        return Settled{std::nullopt, order.error()};
    auto recorded = recordAnswer(uow, a, answer);
    if (!recorded)
        return recorded.error();
    if (auto s = remember(uow, a, *recorded); !s)
        return s.error();
    return Settled{*recorded, std::nullopt};
}

} // namespace

namespace {

/// Attempts of `request`: under its scoped key, or under its bare key when the attempt was
/// opened before keys were scoped (the same command and parameters only). An attempt left open
/// by a crash across the upgrade is then still found by the retry: it waits for that attempt
/// (or reuses its order) instead of opening a second one and holding the card twice.
const QString SameRequest =
    u"(request_key = ? OR (request_key = ? AND request_hash = ? AND command = ?))"_s;

void bindSameRequest(store::Statement& q, int from, const IdempotentRequest& request)
{
    q.bindValue(from, request.storedKey());
    q.bindValue(from + 1, request.key);
    q.bindValue(from + 2, request.hash);
    q.bindValue(from + 3, request.command);
}

} // namespace

Result<std::optional<Id>> PaymentAttempts::checkoutOrder(store::UnitOfWork& uow, const IdempotentRequest& request)
{
    store::Statement& q = uow.statement(
        u"SELECT order_id FROM payment_attempts WHERE "_s + SameRequest + u" ORDER BY id DESC LIMIT 1"_s);
    bindSameRequest(q, 0, request);
    if (auto s = store::exec(q, u"looking for an earlier checkout"_s); !s)
        return s.error();
    std::optional<Id> out;
    if (q.next())
        out = Id{q.value(0).toLongLong()};
    q.finish();
    return out;
}

Result<PaymentAttempt> PaymentAttempts::open(store::UnitOfWork& uow, const IdempotentRequest& request,
                                             const orders::Order& order, const CardSummary& card, bool captureAfter)
{
    store::Statement& busy =
        uow.statement(u"SELECT 1 FROM payment_attempts WHERE "_s + SameRequest + u" AND state = 0 LIMIT 1"_s);
    bindSameRequest(busy, 0, request);
    if (auto s = store::exec(busy, u"looking for an attempt under way"_s); !s)
        return s.error();
    const bool inFlight = busy.next();
    busy.finish();
    if (inFlight) {
        return Error{ErrorCode::InProgress,
                     u"an authorization with this idempotency key is still under way; retry in a moment"_s,
                     u"idempotencyKey"_s};
    }
    auto store = ProviderOutbox::storeId(uow.db());
    if (!store)
        return store.error();
    PaymentAttempt a;
    a.id = uow.newId();
    a.providerKey = u"%1:auth:%2"_s.arg(*store).arg(a.id.value);
    a.orderId = order.id;
    a.request = request;
    a.card = card;
    a.amountMinor = order.totalMinor;
    a.currency = order.currency;
    a.captureAfter = captureAfter;
    a.createdMs = uow.nowMs();
    store::Statement& q = uow.statement(
        u"INSERT INTO payment_attempts (id, provider_key, order_id, request_key, request_hash, card_brand, card_last4, "
        "card_exp_month, card_exp_year, card_fingerprint, amount_minor, currency, created_ms, command, capture_after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariantList values{a.id.value,      a.providerKey,      a.orderId.value,   request.storedKey(), request.hash,
                              card.brand,      card.last4,         card.expMonth,     card.expYear,
                              card.fingerprint, a.amountMinor,     a.currency,        a.createdMs,
                              request.command, captureAfter ? 1 : 0};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing an authorization attempt"_s); !s)
        return s.error();
    return a;
}

Status PaymentAttempts::close(store::UnitOfWork& uow, Id attemptId, AttemptState state, Id paymentId)
{
    Q_ASSERT(state != AttemptState::Open);
    store::Statement& q = uow.statement(
        u"UPDATE payment_attempts SET state = ?, payment_id = ?, closed_ms = ? WHERE id = ? AND state = 0"_s);
    q.bindValue(0, int(state));
    q.bindValue(1, paymentId.isNull() ? QVariant() : QVariant(paymentId.value));
    q.bindValue(2, uow.nowMs());
    q.bindValue(3, attemptId.value);
    return store::exec(q, u"closing an authorization attempt"_s);
}

Result<QList<PaymentAttempt>> PaymentAttempts::openBefore(QSqlDatabase& db, qint64 beforeMs, int limit)
{
    store::Statement& q = store::Connection::statement(
        db, u"SELECT id, provider_key, order_id, request_key, request_hash, card_brand, card_last4, card_exp_month, "
            "card_exp_year, card_fingerprint, amount_minor, currency, created_ms, command, capture_after, hold_review "
            "FROM payment_attempts "
            "WHERE state = 0 AND created_ms < ? ORDER BY created_ms LIMIT ?"_s);
    q.bindValue(0, beforeMs);
    q.bindValue(1, limit);
    if (auto s = store::exec(q, u"reading open authorization attempts"_s); !s)
        return s.error();
    QList<PaymentAttempt> out;
    while (q.next()) {
        PaymentAttempt a;
        a.id = Id{q.value(0).toLongLong()};
        a.providerKey = q.value(1).toString();
        a.orderId = Id{q.value(2).toLongLong()};
        a.request = IdempotentRequest{q.value(3).toString(), q.value(13).toString(), q.value(4).toString(), {}};
        a.card = CardSummary{q.value(5).toString(), q.value(6).toString(), q.value(7).toInt(), q.value(8).toInt(),
                             q.value(9).toString(), {}, {}};
        a.amountMinor = q.value(10).toLongLong();
        a.currency = q.value(11).toString();
        a.createdMs = q.value(12).toLongLong();
        a.captureAfter = q.value(14).toInt() != 0;
        a.holdForReview = q.value(15).toInt() != 0;
        out.append(a);
    }
    q.finish();
    return out;
}

Status PaymentAttempts::holdForReview(store::UnitOfWork& uow, PaymentAttempt& attempt)
{
    store::Statement& q =
        uow.statement(u"UPDATE payment_attempts SET capture_after = 0, hold_review = 1 WHERE id = ?"_s);
    q.bindValue(0, attempt.id.value);
    if (auto s = store::exec(q, u"holding an attempt for review"_s); !s)
        return s;
    attempt.captureAfter = false;
    attempt.holdForReview = true;
    return {};
}

Result<std::pair<AttemptState, Id>> PaymentAttempts::stateOf(store::UnitOfWork& uow, Id attemptId)
{
    store::Statement& q = uow.statement(u"SELECT state, payment_id FROM payment_attempts WHERE id = ?"_s);
    q.bindValue(0, attemptId.value);
    if (auto s = store::exec(q, u"reading an authorization attempt"_s); !s)
        return s.error();
    if (!q.next()) {
        q.finish();
        return Error::notFound(u"attemptId"_s, u"no such authorization attempt"_s);
    }
    const auto out = std::make_pair(AttemptState(q.value(0).toInt()), Id{q.value(1).toLongLong()});
    q.finish();
    return out;
}

Result<PaymentAttempts::Recorded> PaymentAttempts::record(store::UnitOfWork& uow, const PaymentAttempt& a,
                                                          const ProviderAnswer& answer)
{
    // an answer the order can no longer take (it moved on) is not recorded, and the attempt
    // is still closed, with the hold released, in this transaction
    auto settled = settleOnce(uow, a, answer);
    if (!settled)
        return settled.error();
    const std::optional<Outcome>& outcome = settled->outcome;
    Recorded out;
    if (outcome) {
        out.payment = outcome->payment;
        out.order = outcome->order;
    } else {
        out.error = *settled->refused;
    }
    // kept only when the payment recorded is this answer (a replay is another attempt's)
    if (outcome && outcome->payment.providerRef == answer.reference) {
        if (auto s = close(uow, a.id, AttemptState::Recorded, outcome->payment.id); !s)
            return s.error();
        return out;
    }
    if (answer.approved) {
        if (auto s = ProviderOutbox::enqueueRelease(uow, Id{}, answer.reference); !s)
            return s.error();
        out.releaseQueued = true;
    }
    if (auto s = close(uow, a.id, AttemptState::Closed); !s)
        return s.error();
    return out;
}

Result<bool> PaymentAttempts::reconcile(store::UnitOfWork& uow, const PaymentAttempt& a, const AttemptLookup& lookup)
{
    if (lookup.state == AttemptLookup::State::Unreachable)
        return false; // still open: the next pass asks again
    // read as open before the provider was asked, it may have been closed since: by its own
    // answer arriving, or by another node's pass. Then its hold is that one's to keep or release.
    auto state = stateOf(uow, a.id);
    if (!state)
        return state.error();
    if (state->first != AttemptState::Open)
        return false;
    const ProviderAnswer& answer = lookup.answer;
    if (lookup.state == AttemptLookup::State::NeverReceived || !answer.approved) {
        // nothing is held; the client, who never had an answer, may try again
        if (auto s = close(uow, a.id, AttemptState::Closed); !s)
            return s.error();
        return false;
    }
    // approved while nobody listened: record it if the order can still use it and no other
    // attempt under the client's key was recorded meanwhile, release it otherwise
    auto stored = storedOutcome(uow, a);
    if (!stored)
        return stored.error();
    if (!*stored) {
        auto settled = settleOnce(uow, a, answer);
        if (!settled)
            return settled.error();
        if (settled->outcome) {
            if (auto s = close(uow, a.id, AttemptState::Recorded, settled->outcome->payment.id); !s)
                return s.error();
            return false;
        }
    }
    if (auto s = ProviderOutbox::enqueueRelease(uow, Id{}, answer.reference); !s)
        return s.error();
    if (auto s = close(uow, a.id, AttemptState::Closed); !s)
        return s.error();
    return true;
}

} // namespace souk::payments
