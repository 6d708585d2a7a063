#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/payments/Card.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/Payment.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// An authorization attempt's state. Stored as the integer; never renumber.
enum class AttemptState
{
    Open = 0,     ///< written ahead; the provider may be deciding, or a crash cut it short
    Recorded = 1, ///< the provider's answer is the payment `paymentId`
    Closed = 2,   ///< nothing of it is kept: never received, declined unrecorded, or its hold released
};

/// One authorization as it was about to be sent to the provider.
struct PaymentAttempt
{
    Id id;
    QString providerKey; ///< "<store id>:auth:<attempt id>": the provider's idempotency key
    Id orderId;
    IdempotentRequest request; ///< the client's key and request, for the stored result
    CardSummary card;
    qint64 amountMinor = 0;
    QString currency;
    bool captureAfter = false; ///< checkout with automatic capture: an approval is captured at once
    bool holdForReview = false; ///< an approval is held (Payment::heldMs) for a person's review
    qint64 createdMs = 0;

    /// Made by checkout (its stored result is a Checkout), not by authorizePayment (a Payment).
    bool isCheckout() const { return request.command == CheckoutCommand; }
    static inline const QString CheckoutCommand = QStringLiteral("checkout");
    static inline const QString AuthorizeCommand = QStringLiteral("authorize");
};

/// Authorizations written ahead: the attempt, with the key the provider will see, commits
/// before the card network hears of it, and the record of the provider's answer closes it in
/// the same transaction. An attempt still open after a crash is settled by asking the provider
/// what it answered (reconcile): an approval the order can still use is recorded, any other is
/// released. While an attempt is open, a retry under the same client key gets InProgress, so a
/// card is never held twice for one request. Writer thread, except openBefore (any connection).
class PaymentAttempts final
{
public:
    /// Writes the attempt for `order`; InProgress while another under `request.key` is open.
    static Result<PaymentAttempt> open(store::UnitOfWork& uow, const IdempotentRequest& request,
                                       const orders::Order& order, const CardSummary& card, bool captureAfter = false);
    /// The order an earlier checkout under `requestKey` created, if any: a retry of a checkout
    /// whose payment was not recorded pays for that order, it never creates a second one.
    static Result<std::optional<Id>> checkoutOrder(store::UnitOfWork& uow, const IdempotentRequest& request);
    static Status close(store::UnitOfWork& uow, Id attemptId, AttemptState state, Id paymentId = {});
    /// An approval of `attempt` is held for a person's review and not captured at once: it is
    /// recorded authorized and held, also when a crash leaves the answer to reconcile.
    static Status holdForReview(store::UnitOfWork& uow, PaymentAttempt& attempt);
    /// The attempt's state and the payment it recorded (Recorded only).
    static Result<std::pair<AttemptState, Id>> stateOf(store::UnitOfWork& uow, Id attemptId);
    /// Open attempts made before `beforeMs`, oldest first.
    static Result<QList<PaymentAttempt>> openBefore(QSqlDatabase& db, qint64 beforeMs, int limit);
    /// Settles an open attempt from what the provider says of it; true when a hold was queued
    /// for release. An unreachable provider leaves it open for the next pass.
    static Result<bool> reconcile(store::UnitOfWork& uow, const PaymentAttempt& attempt, const AttemptLookup& lookup);
    /// Records the provider's answer to an attempt, closing it in the same transaction. The
    /// answer's hold is kept only when it is the payment recorded (the order may have moved
    /// on, or a concurrent request won): otherwise it joins the outbox for release.
    struct Recorded
    {
        std::optional<Payment> payment;     ///< what the caller gets, or
        std::optional<Error> error;         ///< why the answer was not recorded
        std::optional<orders::Order> order; ///< a checkout's order, as recorded
        bool releaseQueued = false;
    };
    static Result<Recorded> record(store::UnitOfWork& uow, const PaymentAttempt& attempt, const ProviderAnswer& answer);
};

} // namespace souk::payments
