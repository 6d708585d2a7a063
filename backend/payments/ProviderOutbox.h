#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// What the provider must still be told. Stored as integers: the values never change.
enum class ProviderCall
{
    Release = 0, ///< release a hold Souk will not use (void, cancellation, expiry, a lost race)
    Capture = 1, ///< settle the captured amount; the rest of the hold is released with it
    Refund = 2,  ///< pay an amount back to the card
};

/// One instruction waiting in the outbox.
struct OutboxItem
{
    qint64 id = 0;
    QString key; ///< the provider's idempotency key for the call (see ProviderOutbox::keyFor)
    ProviderCall call = ProviderCall::Release;
    Id paymentId; ///< null only for a hold the provider approved but no payment recorded
    QString providerRef;
    qint64 amountMinor = 0; ///< what to capture or refund; 0 for a release
    int attempts = 0;       ///< provider calls that failed so far
    bool outcomeUnknown = false; ///< the last attempt timed out: ask the provider before sending again
    qint64 createdMs = 0;
    Id entryId;       ///< the journal entry that booked the call's money (capture, refund), if any
    bool dead = false; ///< a dead letter: refused for good or out of retries
    QString lastCode; ///< the provider's reason for the last failure
};

/// How many calls the outbox holds.
struct OutboxCounts
{
    qint64 waiting = 0; ///< decided and not yet confirmed by the provider (due or put off)
    qint64 dead = 0;    ///< dead letters, kept for a person to look at
};

/// How long the outbox keeps trying a call the provider fails for now. Past either limit the
/// call becomes a dead letter, as one refused for good does.
struct RetryPolicy
{
    int attemptsMax = 12;                       ///< about a day and a half with RetryMaxMs between the last
    qint64 ageMaxMs = 3LL * 24 * 60 * 60'000;   ///< three days after the command that decided it
};

/// One call as it came back from the provider.
struct SentCall
{
    OutboxItem item;
    CallResult result;
};

/// The outbox of provider calls. A command that voids, captures or refunds in the store records
/// the call here in the same transaction; the client sends it to the provider after the commit
/// and removes it once the provider confirms. A crash between the commit and the provider's
/// answer leaves the row, and the next start or maintenance pass sends it again, so no hold
/// stays on a card and no capture or refund is lost for want of a call. Each call carries a key
/// unique across stores and nodes, so a provider treats a repeated call as the one it answered:
/// "<store id>:<payment id>:<n>" for a payment's n-th call (a per-payment sequence, which also
/// orders its calls), "<store id>:release:<reference>" for a hold no payment recorded.
///
/// A call refused for good, or out of retries (RetryPolicy), becomes a dead letter: it stays
/// in the outbox with the provider's reason, the money it did not move is put back in the
/// ledger by a reversing entry (a capture the provider refused is no longer owed to the
/// merchant, so it cannot be paid out; a refund it refused is the merchant's again), the payment
/// carries the reason as `attention`, and the order's timeline says so. A dead capture takes
/// the payment's later calls with it: nothing was captured to refund.
/// Writer thread for enqueue, claim and settle; pending() and the lists on any connection.
class ProviderOutbox final
{
public:
    static Status enqueueRelease(store::UnitOfWork& uow, Id paymentId, const QString& providerRef);
    /// `entryId`: the journal entry that booked the money, reversed if the call dies.
    static Status enqueueCapture(store::UnitOfWork& uow, Id paymentId, const QString& providerRef, qint64 amountMinor,
                                 Id entryId = {});
    static Status enqueueRefund(store::UnitOfWork& uow, Id paymentId, const QString& providerRef, qint64 amountMinor,
                                Id entryId = {});
    /// A call the provider refused is tried again after RetryBaseMs, then after twice as long
    /// each time, up to RetryMaxMs: an outage is not met with a call per command.
    static constexpr qint64 RetryBaseMs = 30'000;
    static constexpr qint64 RetryMaxMs = 60 * 60'000;

    /// "release", "capture" or "refund": how logs, dead letters and soukctl name a call.
    static QString callName(ProviderCall call);
    /// The store's identity: 128 random bits as hex, made when the store was created.
    static Result<QString> storeId(QSqlDatabase& db);

    /// The `limit` calls due at `nowMs`: those tried fewest times first, then the oldest, so
    /// calls the provider keeps refusing never hold other payments' calls back. A payment's
    /// calls go in the order its commands made them (its call sequence, not the ids), one at a
    /// time: a refund waits for its capture.
    static Result<QList<OutboxItem>> pending(QSqlDatabase& db, qint64 nowMs, int limit);
    /// On a database several nodes share: the calls pending() would give, taken for this node
    /// by putting each off until `claimUntilMs` in the same statement, so another node's pass
    /// neither takes them (its rows locked now are skipped, not waited for) nor finds them due
    /// until then; settle() then removes or reschedules them. A node that dies with calls taken
    /// leaves them to whichever node comes after the claim ends (each call keeps its key, so the
    /// provider answers a repeat as the first). Writer thread.
    static Result<QList<OutboxItem>> claim(store::UnitOfWork& uow, qint64 claimUntilMs, int limit);
    /// Every call still in the outbox, waiting or dead, oldest first (`soukctl outbox list`).
    static Result<QList<OutboxItem>> all(QSqlDatabase& db, bool deadOnly, int limit);
    /// How many calls wait and how many are dead letters (one scan of the outbox, which the
    /// provider's confirmations keep short).
    static Result<OutboxCounts> counts(QSqlDatabase& db);
    /// Removes the calls the provider confirmed; for one it failed for now, counts the attempt
    /// and puts the next off (see RetryBaseMs) or, past `policy`, makes it a dead letter; one it
    /// refused becomes a dead letter at once. Returns the dead letters made.
    static Result<int> settle(store::UnitOfWork& uow, const QList<SentCall>& sent, const RetryPolicy& policy);

private:
    static Status enqueue(store::UnitOfWork& uow, ProviderCall call, Id paymentId, const QString& providerRef,
                          qint64 amountMinor, Id entryId);
    static Status deadLetter(store::UnitOfWork& uow, const OutboxItem& item, const QString& code);
};

} // namespace souk::payments
