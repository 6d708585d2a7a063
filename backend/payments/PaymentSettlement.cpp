// PaymentService, second part: disputes, payouts and reads (split to keep each file reviewable).
#include "backend/payments/PaymentService.h"

#include <algorithm>
#include <limits>

#include <QHash>
#include <QSqlQuery>

#include "backend/core/Money.h"

#include "backend/orders/OrderService.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentRows.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderService;
using souk::orders::OrderStatus;
using souk::orders::PaymentState;

namespace souk::payments {
namespace {

Status illegal(const QString& message, const QString& field)
{
    return Error{ErrorCode::IllegalTransition, message, field};
}

Status markOrder(store::UnitOfWork& uow, Id orderId, PaymentState state, const QString& eventKind,
                 std::optional<qint64> amount, const QString& detail)
{
    auto order = OrderService::load(uow, orderId, false);
    if (!order)
        return order.error();
    order->paymentState = state;
    if (auto s = OrderService::saveMoney(uow, *order); !s)
        return s;
    return OrderService::addEvent(uow, orderId, eventKind, amount, detail);
}

/// The order's payment state once a dispute is decided: still disputed while another of its
/// payments' disputes is open, else what its refunds (and lost disputes) left.
Result<PaymentState> settledState(store::UnitOfWork& uow, const orders::Order& order)
{
    auto open = store::scalar(uow.db(),
                              u"SELECT count(*) FROM disputes d JOIN payments p ON p.id = d.payment_id "
                              "WHERE p.order_id = ? AND d.status IN (0, 1)"_s,
                              {order.id.value});
    if (!open)
        return open.error();
    if (open->toInt() > 0)
        return PaymentState::Disputed;
    if (order.refundedMinor >= order.capturedMinor)
        return PaymentState::Refunded;
    return order.refundedMinor > 0 ? PaymentState::PartiallyRefunded : PaymentState::Captured;
}

/// A lost chargeback: the funds go back to the customer's bank and the provider charges a fee,
/// both borne by the merchant. The bank takes the disputed amount whatever the merchant refunded
/// before, so the ledger books all of it, and the merchant's balance may go negative (payouts net
/// it). The payment's refunded amount is what can no longer be refunded: it takes only the part
/// that was still refundable, so it never exceeds what was captured; the rest is in the ledger
/// only (DisputeLosses), and CommerceCheck reconciles the two that way.
Status bookLostDispute(store::UnitOfWork& uow, Payment& p, const Dispute& d)
{
    // every sum first: an amount that cannot be booked is refused before the ledger is touched
    auto lost = checkedAdd(d.amountMinor, d.feeMinor, u"amount"_s);
    if (!lost)
        return lost.error();
    auto credit = checkedNegate(*lost, u"amount"_s);
    if (!credit)
        return credit.error();
    const qint64 counted = std::clamp<qint64>(p.refundableMinor(), 0, d.amountMinor);
    auto paymentRefunded = checkedAdd(p.refundedMinor, counted, u"amount"_s);
    if (!paymentRefunded)
        return paymentRefunded.error();
    auto order = OrderService::load(uow, p.orderId, true);
    if (!order)
        return order.error();
    auto orderRefunded = checkedAdd(order->refundedMinor, counted, u"amount"_s);
    if (!orderRefunded)
        return orderRefunded.error();
    auto entry = Ledger::post(uow, u"dispute_lost"_s, p.id, d.reason,
                              {Leg{p.merchantId, AccountKind::DisputeLosses, p.currency, d.amountMinor},
                               Leg{p.merchantId, AccountKind::DisputeFees, p.currency, d.feeMinor},
                               Leg{Id{}, AccountKind::ProviderClearing, p.currency, *credit}});
    if (!entry)
        return entry.error();
    const QString detail = counted < d.amountMinor
                               ? u"funds reversed and fee booked; %1 (minor units) had been refunded already and is "
                                 "owed by the merchant"_s.arg(d.amountMinor - counted)
                               : u"funds reversed and fee booked"_s;
    if (counted > 0) {
        p.refundedMinor = *paymentRefunded;
        if (auto s = rows::savePayment(uow, p); !s)
            return s;
        order->refundedMinor = *orderRefunded;
    }
    auto state = settledState(uow, *order);
    if (!state)
        return state.error();
    order->paymentState = *state;
    // the order's status moves only when money it still held went back; a payment refunded (or
    // an order cancelled) in full before keeps its status, and its goods were restocked then
    const Status settled = counted > 0 ? rows::settleOrderAfterRefund(uow, *order, u"dispute lost"_s)
                                       : OrderService::saveMoney(uow, *order);
    if (!settled)
        return settled;
    return OrderService::addEvent(uow, order->id, u"dispute.lost"_s, *lost, detail);
}

Result<Payment> paymentWith(store::Statement& q, Id paymentId)
{
    q.bindValue(0, paymentId.value);
    if (auto s = store::exec(q, u"reading a payment"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"paymentId"_s, u"no such payment"_s);
    Payment p = rows::readPayment(q);
    q.finish();
    return p;
}

} // namespace

Result<Dispute> PaymentService::openDispute(store::UnitOfWork& uow, Id paymentId, qint64 amountMinor,
                                            const QString& reason)
{
    // the bank states a fact: only what cannot be true is refused, never what the merchant did
    // since (a refund, in part or in full, does not stop a cardholder's bank from disputing)
    auto p = payment(uow, paymentId);
    if (!p)
        return p.error();
    if (amountMinor <= 0)
        return Error::invalid(u"amount"_s, u"a dispute's amount must be positive"_s);
    // the bank cannot take back more than was captured, nor the same money twice: disputes open
    // or lost already hold their part (a won one gave it back, so it may be disputed again)
    auto held = store::scalar(uow.db(),
                              u"SELECT coalesce(sum(amount_minor), 0) FROM disputes WHERE payment_id = ? "
                              "AND status IN (0, 1, 3)"_s,
                              {paymentId.value});
    if (!held)
        return held.error();
    const qint64 disputable = qMax<qint64>(p->capturedMinor - held->toLongLong(), 0);
    if (amountMinor > disputable)
        return Error::invalid(u"amount"_s, u"the bank can dispute at most %1 (minor units) of this payment: %2 "
                                           "captured, %3 disputed already"_s.arg(disputable)
                                               .arg(p->capturedMinor)
                                               .arg(held->toLongLong()));
    auto fee = disputeFee(uow, p->merchantId, p->currency);
    if (!fee)
        return fee.error();
    if (auto total = checkedAdd(amountMinor, *fee, u"amount"_s); !total) // a loss must be bookable
        return total.error();
    Dispute d;
    d.id = uow.newId();
    d.paymentId = paymentId;
    d.amountMinor = amountMinor;
    d.feeMinor = *fee;
    d.reason = reason.trimmed().isEmpty() ? u"unspecified"_s : reason.trimmed();
    d.openedMs = uow.nowMs();
    d.evidenceDueMs = uow.nowMs() + EvidenceWindowMs;
    if (auto s = rows::saveDispute(uow, d, true); !s)
        return s.error();
    if (auto s = markOrder(uow, p->orderId, PaymentState::Disputed, u"dispute.opened"_s, amountMinor, d.reason); !s)
        return s.error();
    return d;
}

Result<Dispute> PaymentService::submitEvidence(store::UnitOfWork& uow, Id disputeId)
{
    auto d = dispute(uow.db(), disputeId);
    if (!d)
        return d.error();
    if (d->status != DisputeStatus::NeedsResponse)
        return illegal(u"evidence can only be sent while the dispute needs a response"_s, u"disputeId"_s).error();
    if (uow.nowMs() > d->evidenceDueMs)
        return illegal(u"the evidence was due by then; the dispute can only be lost now"_s, u"disputeId"_s).error();
    d->status = DisputeStatus::UnderReview;
    if (auto s = rows::saveDispute(uow, *d, false); !s)
        return s.error();
    auto p = payment(uow, d->paymentId);
    if (!p)
        return p.error();
    if (auto s = OrderService::addEvent(uow, p->orderId, u"dispute.evidence"_s, std::nullopt, u"evidence sent"_s); !s)
        return s.error();
    return *d;
}

Result<Dispute> PaymentService::resolveDispute(store::UnitOfWork& uow, Id disputeId, bool won)
{
    auto d = dispute(uow.db(), disputeId);
    if (!d)
        return d.error();
    const bool overdue = d->status == DisputeStatus::NeedsResponse && uow.nowMs() > d->evidenceDueMs;
    if (d->status != DisputeStatus::UnderReview && !overdue)
        return illegal(u"only a dispute under review (or past its evidence date) can be decided"_s, u"disputeId"_s)
            .error();
    if (won && overdue)
        return illegal(u"no evidence was sent in time; the dispute is lost"_s, u"disputeId"_s).error();
    d->status = won ? DisputeStatus::Won : DisputeStatus::Lost;
    d->resolvedMs = uow.nowMs();
    if (auto s = rows::saveDispute(uow, *d, false); !s)
        return s.error();
    auto p = payment(uow, d->paymentId);
    if (!p)
        return p.error();
    if (won) {
        auto order = OrderService::load(uow, p->orderId, false);
        if (!order)
            return order.error();
        auto back = settledState(uow, *order); // a refunded order stays refunded; another open dispute stays
        if (!back)
            return back.error();
        if (auto s = markOrder(uow, p->orderId, *back, u"dispute.won"_s, d->amountMinor, QString()); !s)
            return s.error();
        return *d;
    }
    if (auto s = bookLostDispute(uow, *p, *d); !s)
        return s.error();
    return *d;
}

Result<int> PaymentService::loseOverdueDisputes(store::UnitOfWork& uow, int limit)
{
    const auto due = store::ids(
        uow.db(),
        u"SELECT id FROM disputes WHERE status = 0 AND evidence_due_ms < ? ORDER BY evidence_due_ms LIMIT ?"_s,
        {uow.nowMs(), limit}, u"finding overdue disputes"_s);
    if (!due)
        return due.error();
    for (Id id : *due) {
        if (auto lost = resolveDispute(uow, id, false); !lost)
            return lost.error();
    }
    return int(due->size());
}

namespace {

__extension__ typedef __int128 Int128; // a GCC/Clang extension, hence __extension__

/// What is owed per currency, or Overflow when a currency's net leaves int64 (a damaged ledger).
Result<QList<std::pair<QString, qint64>>> checkedOwed(const QList<AccountBalance>& balances)
{
    QMap<QString, qint64> net;
    for (const AccountBalance& b : balances) {
        if (b.account == AccountKind::PaidOut)
            continue;
        // payable is a credit (negative): what is owed is its opposite
        auto sum = checkedSub(net.value(b.currency, 0), b.balanceMinor, u"amounts"_s);
        if (!sum)
            return sum.error();
        net[b.currency] = *sum;
    }
    QList<std::pair<QString, qint64>> out;
    for (auto it = net.cbegin(); it != net.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

/// The legs of a payout of `amount` in `currency`: all that is owed closes the merchant's
/// accounts of that currency to zero; less only moves that much from payable to paid-out.
Result<QList<Leg>> payoutLegs(const QList<AccountBalance>& balances, Id merchantId, const QString& currency,
                              qint64 amount, qint64 owed)
{
    if (amount < owed) {
        auto paid = checkedNegate(amount, u"amounts"_s);
        if (!paid)
            return paid.error();
        return QList<Leg>{Leg{merchantId, AccountKind::MerchantPayable, currency, amount},
                          Leg{merchantId, AccountKind::PaidOut, currency, *paid}};
    }
    QList<Leg> legs;
    for (const AccountBalance& b : balances) {
        if (b.currency != currency || b.account == AccountKind::PaidOut || b.balanceMinor == 0)
            continue;
        auto closing = checkedNegate(b.balanceMinor, u"amounts"_s); // close the account to zero
        if (!closing)
            return closing.error();
        legs.append(Leg{merchantId, b.account, b.currency, *closing});
    }
    auto paid = checkedNegate(owed, u"amounts"_s);
    if (!paid)
        return paid.error();
    legs.append(Leg{merchantId, AccountKind::PaidOut, currency, *paid});
    return legs;
}

} // namespace

QList<std::pair<QString, qint64>> PaymentService::owed(const QList<AccountBalance>& balances)
{
    return owedOf(balances);
}

Result<QList<Payout>> PaymentService::payout(store::UnitOfWork& uow, Id merchantId,
                                             const QMap<QString, qint64>& amounts)
{
    // the balances read here are the ones paid out: no node moves money until this commits
    if (auto s = Ledger::lock(uow); !s)
        return s.error();
    auto balances = Ledger::balances(uow.db(), merchantId);
    if (!balances)
        return balances.error();
    const auto owedChecked = checkedOwed(*balances);
    if (!owedChecked)
        return owedChecked.error();
    const auto& owedNow = *owedChecked;
    // what was asked for must be owed now, in full, before anything is written
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it) {
        if (it.value() <= 0)
            return Error::invalid(u"amounts"_s, u"a payout amount must be positive (%1)"_s.arg(it.key()));
        const auto owing =
            std::find_if(owedNow.cbegin(), owedNow.cend(), [&](const auto& o) { return o.first == it.key(); });
        const qint64 available = owing == owedNow.cend() ? 0 : owing->second;
        if (it.value() > available)
            return Error::conflict(u"amounts"_s, u"%1 %2 (minor units) asked, but only %3 is owed now"_s.arg(it.value())
                                                     .arg(it.key())
                                                     .arg(qMax<qint64>(available, 0)));
    }
    QList<Payout> out;
    for (const auto& [currency, net] : owedNow) {
        const qint64 amount = amounts.isEmpty() ? net : amounts.value(currency, 0);
        if (amount <= 0 || net <= 0)
            continue; // nothing owed in this currency (refunds may exceed sales), or not asked for
        auto legs = payoutLegs(*balances, merchantId, currency, amount, net);
        if (!legs)
            return legs.error();
        auto entry = Ledger::post(uow, u"payout"_s, Id{}, u"settlement"_s, *legs);
        if (!entry)
            return entry.error();
        Payout p{uow.newId(), merchantId, currency, amount, *entry, uow.nowMs()};
        if (auto s = store::exec(uow.db(),
                                 u"INSERT INTO payouts (id, merchant_id, currency, amount_minor, entry_id, "
                                 "actor, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                                 {p.id.value, merchantId.value, p.currency, p.amountMinor, p.entryId.value,
                                  uow.actor().toString(), p.atMs});
            !s)
            return s.error();
        uow.recordChange(u"payout"_s, p.id, 1, ChangeOp::Created);
        out.append(p);
    }
    if (out.isEmpty())
        return Error::conflict(u"merchantId"_s, u"nothing to pay out: the merchant's balance is zero or negative"_s);
    return out;
}

qint64 PaymentService::defaultDisputeFeeMinor(const QString& currency)
{
    // usual provider fees per lost dispute, in major units of each currency (about 15 EUR; a
    // yen or a won is not a euro); scaled to minor units by the currency's exponent
    static const QHash<QString, qint64> major{
        {u"EUR"_s, 15},   {u"USD"_s, 15},    {u"GBP"_s, 15},     {u"CHF"_s, 15},   {u"CAD"_s, 20},
        {u"AUD"_s, 25},   {u"NZD"_s, 25},    {u"SGD"_s, 20},     {u"HKD"_s, 120},  {u"CNY"_s, 100},
        {u"INR"_s, 1200}, {u"SEK"_s, 175},   {u"NOK"_s, 175},    {u"DKK"_s, 110},  {u"PLN"_s, 65},
        {u"CZK"_s, 375},  {u"HUF"_s, 6000},  {u"BRL"_s, 85},     {u"MXN"_s, 300},  {u"ZAR"_s, 300},
        {u"JPY"_s, 2000}, {u"KRW"_s, 20000}, {u"CLP"_s, 15000},  {u"ISK"_s, 2250}, {u"VND"_s, 400000},
        {u"KWD"_s, 5},    {u"BHD"_s, 6},     {u"OMR"_s, 6},      {u"JOD"_s, 12},   {u"TND"_s, 50},
    };
    constexpr qint64 FallbackMajor = 15;
    // every value times 10^exponent (at most 4) stays far inside int64
    return major.value(currency, FallbackMajor) * rows::minorPerMajor(currency);
}

Result<qint64> PaymentService::disputeFee(store::UnitOfWork& uow, Id merchantId, const QString& currency)
{
    store::Statement& q =
        uow.statement(u"SELECT fee_minor FROM merchant_dispute_fees WHERE merchant_id = ? AND currency = ?"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, currency);
    if (auto s = store::exec(q, u"reading the merchant's dispute fee"_s); !s)
        return s.error();
    const std::optional<qint64> set = q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
    q.finish();
    return set.value_or(defaultDisputeFeeMinor(currency));
}

Result<QList<Payout>> PaymentService::payouts(QSqlDatabase& db, Id merchantId, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, currency, amount_minor, entry_id, at_ms FROM payouts WHERE merchant_id = ? "
              "ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(merchantId.value);
    q.addBindValue(limit);
    if (auto s = store::exec(q, u"reading payouts"_s); !s)
        return s.error();
    QList<Payout> out;
    while (q.next())
        out.append(Payout{Id{q.value(0).toLongLong()}, merchantId, q.value(1).toString(), q.value(2).toLongLong(),
                          Id{q.value(3).toLongLong()}, q.value(4).toLongLong()});
    return out;
}

Result<Payment> PaymentService::payment(QSqlDatabase& db, Id paymentId)
{
    static const QString sql = u"SELECT "_s + rows::PaymentColumns + u" FROM payments WHERE id = ?"_s;
    return paymentWith(store::Connection::statement(db, sql), paymentId);
}

Result<Payment> PaymentService::payment(store::UnitOfWork& uow, Id paymentId)
{
    // a payment command reads the payment, its refunds and disputes, then moves money: on a
    // shared database, the reads must stay true until it commits
    if (auto s = Ledger::lock(uow); !s)
        return s.error();
    static const QString sql = u"SELECT "_s + rows::PaymentColumns + u" FROM payments WHERE id = ?"_s;
    return paymentWith(uow.statement(sql), paymentId);
}

Result<QList<Payment>> PaymentService::paymentsOf(QSqlDatabase& db, Id orderId)
{
    static const QString sql = u"SELECT "_s + rows::PaymentColumns + u" FROM payments WHERE order_id = ? ORDER BY id"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, orderId.value);
    if (auto s = store::exec(q, u"reading an order's payments"_s); !s)
        return s.error();
    QList<Payment> out;
    while (q.next())
        out.append(rows::readPayment(q));
    q.finish();
    return out;
}

Result<QList<Refund>> PaymentService::refundsOf(QSqlDatabase& db, const QList<Id>& paymentIds)
{
    store::Statement& q = store::Connection::statement(
        db, u"SELECT id, payment_id, amount_minor, reason, actor, at_ms FROM refunds WHERE payment_id = ? ORDER BY id"_s);
    QList<Refund> out;
    for (Id id : paymentIds) {
        q.bindValue(0, id.value);
        if (auto s = store::exec(q, u"reading refunds"_s); !s)
            return s.error();
        while (q.next()) {
            out.append(Refund{Id{q.value(0).toLongLong()}, Id{q.value(1).toLongLong()}, q.value(2).toLongLong(),
                              q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong()});
        }
    }
    q.finish();
    return out;
}

Result<QList<Dispute>> PaymentService::disputesOf(QSqlDatabase& db, const QList<Id>& paymentIds)
{
    static const QString sql = u"SELECT "_s + rows::DisputeColumns + u" FROM disputes WHERE payment_id = ? ORDER BY id"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    QList<Dispute> out;
    for (Id id : paymentIds) {
        q.bindValue(0, id.value);
        if (auto s = store::exec(q, u"reading disputes"_s); !s)
            return s.error();
        while (q.next())
            out.append(rows::readDispute(q));
    }
    q.finish();
    return out;
}

Result<Dispute> PaymentService::dispute(QSqlDatabase& db, Id disputeId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + rows::DisputeColumns + u" FROM disputes WHERE id = ?"_s);
    q.bindValue(0, disputeId.value);
    if (auto s = store::exec(q, u"reading a dispute"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"disputeId"_s, u"no such dispute"_s);
    return rows::readDispute(q);
}

} // namespace souk::payments
