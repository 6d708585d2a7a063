#pragma once

#include <QMap>

#include <QList>
#include <QSqlDatabase>

#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/Payout.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {


/// Payment intents on orders: authorize, capture, void, refund, disputes, payouts, each with
/// its ledger entry and its event on the order's timeline. Stateless; writes run on the engine's
/// writer thread inside the caller's unit of work (the provider was asked before, off it).
class PaymentService final
{
public:
    static constexpr qint64 AuthorizationValidityMs = 7LL * 24 * 60 * 60 * 1000;
    static constexpr qint64 EvidenceWindowMs = 7LL * 24 * 60 * 60 * 1000;

    /// Checks that `orderId` can take an authorization now; returns the order.
    static Result<orders::Order> checkAuthorizable(QSqlDatabase& db, Id orderId);
    static Result<orders::Order> checkAuthorizable(store::UnitOfWork& uow, Id orderId);
    /// Records the provider's answer for the order's total: an authorized payment, or a failed
    /// one with the decline code (the order stays pending_payment).
    static Result<Payment> recordAuthorization(store::UnitOfWork& uow, Id orderId, const CardSummary& card,
                                               const ProviderAnswer& answer);
    /// Captures `amountMinor` (all when empty) of an authorization; the rest is released. Books
    /// the capture and the commission, marks the order paid and turns its holds into sales.
    static Result<Payment> capture(store::UnitOfWork& uow, Id paymentId, std::optional<qint64> amountMinor);
    static Result<Payment> voidAuthorization(store::UnitOfWork& uow, Id paymentId, const QString& reason);
    static Result<Refund> refund(store::UnitOfWork& uow, Id paymentId, qint64 amountMinor, const QString& reason);
    /// Cancels an order: before payment it voids any authorization and releases the stock;
    /// after payment (before shipping) it refunds what is left and puts the goods back.
    static Result<orders::Order> cancelOrder(store::UnitOfWork& uow, Id orderId, const QString& reason);
    /// Voids authorizations older than their validity (7 days); returns how many.
    static Result<int> expireAuthorizations(store::UnitOfWork& uow, int limit);

    /// Records the bank's dispute of `amountMinor` of a payment. A dispute is a fact the bank
    /// states, not a request: it is recorded whatever the merchant did since (refunded it all,
    /// in part, an earlier dispute). Refused only when it cannot be true: an unknown payment, an
    /// amount not positive, or more than the bank could still take back (captured, less the
    /// disputes open or lost on the payment). The fee is fixed now, from disputeFee().
    static Result<Dispute> openDispute(store::UnitOfWork& uow, Id paymentId, qint64 amountMinor, const QString& reason);
    static Result<Dispute> submitEvidence(store::UnitOfWork& uow, Id disputeId);
    /// Won: nothing moves. Lost: the funds are reversed and the fee booked to the merchant, in
    /// full even when the merchant refunded the money already: its balance can go negative, and
    /// payouts net it. The payment's refunded amount counts only what was still refundable.
    static Result<Dispute> resolveDispute(store::UnitOfWork& uow, Id disputeId, bool won);
    /// Disputes still waiting for evidence past their due date are lost, as the card network
    /// rules them; returns how many.
    static Result<int> loseOverdueDisputes(store::UnitOfWork& uow, int limit);
    /// Settles the merchant: moves what it is owed in each currency to paid-out; a currency whose
    /// net is zero or negative (the merchant owes: a lost dispute after a refund) pays nothing,
    /// and a later sale pays only what exceeds the debt. `amounts`
    /// (currency -> minor units) pays exactly those, each at most what is owed now, so what a
    /// user confirmed is what is paid even if more was captured since; empty pays all owed.
    static Result<QList<Payout>> payout(store::UnitOfWork& uow, Id merchantId, const QMap<QString, qint64>& amounts);
    /// What a payout would pay now, per currency (sorted), from one merchant's balances: the
    /// opposite of the sum of its accounts other than paid-out; zero or less when nothing is owed
    /// (refunds and dispute losses may exceed sales).
    static QList<std::pair<QString, qint64>> owed(const QList<AccountBalance>& balances);
    /// The fee a lost dispute costs `merchantId` in `currency` (minor units): the merchant's
    /// terms when they set one for the currency, else defaultDisputeFeeMinor().
    static Result<qint64> disputeFee(store::UnitOfWork& uow, Id merchantId, const QString& currency);
    /// The default fee per lost dispute, in minor units of `currency`: a table of usual provider
    /// fees (EUR, USD, GBP 15.00; JPY 2000; KWD 5.000, ...); a currency not in it pays 15 major
    /// units, scaled by the currency's exponent.
    static qint64 defaultDisputeFeeMinor(const QString& currency);
    /// The merchant's payouts, newest first.
    static Result<QList<Payout>> payouts(QSqlDatabase& db, Id merchantId, int limit);

    static Result<Payment> payment(QSqlDatabase& db, Id paymentId);
    /// The same on the writer, with its cached statement.
    static Result<Payment> payment(store::UnitOfWork& uow, Id paymentId);
    static Result<QList<Payment>> paymentsOf(QSqlDatabase& db, Id orderId);
    static Result<QList<Refund>> refundsOf(QSqlDatabase& db, const QList<Id>& paymentIds);
    static Result<QList<Dispute>> disputesOf(QSqlDatabase& db, const QList<Id>& paymentIds);
    static Result<Dispute> dispute(QSqlDatabase& db, Id disputeId);
};

} // namespace souk::payments
