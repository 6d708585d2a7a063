#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "backend/core/Actor.h"
#include "backend/core/Id.h"
#include "backend/payments/StoredResult.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// A mutating command's idempotency: its key, its name and the hash of its parameters. Made on
/// the caller's thread, so the writer neither prints nor hashes parameters.
struct IdempotentRequest
{
    QString key; ///< the caller's key, as sent
    QString command;
    QString hash;
    /// Who sent the key ("<merchant id>/<user>/"): a key names a request within its principal
    /// only, as Stripe's do within an account, so two merchants or two users never meet on one.
    /// Every command scopes its key in its write; empty only before that.
    QString scope;
    static IdempotentRequest of(const QString& key, const QString& command, const QJsonObject& parameters);
    /// This request with its key scoped to `merchantId` (null: none, e.g. a customer) and the
    /// actor's user. Made on the writer from the unit of work's actor (who is asking comes from
    /// authentication, not from the caller) and the merchant the command writes to.
    IdempotentRequest within(Id merchantId, const Actor& actor) const;
    /// The key as stored in idempotency_keys: the scope, then the caller's key.
    QString storedKey() const { return scope + key; }
};

/// Idempotency keys: the first result of a mutating command is stored under its key with a hash
/// of the request; a retry with the same key and request gets that result back, a retry with
/// other parameters gets IdempotencyConflict. Runs inside the command's unit of work, so a
/// failed command stores nothing and can be retried. Writer thread only.
class Idempotency final
{
public:
    static constexpr qint64 DefaultRetentionMs = 24LL * 60 * 60 * 1000;
    /// A client retries for up to a day: a shorter retention could take a retry for a new command.
    static constexpr qint64 MinRetentionMs = DefaultRetentionMs;
    static constexpr int KeyMax = 255;
    /// On PostgreSQL, the first half of the advisory lock on a key ("Souk"; the second half is
    /// the stored key's hashtext), held by a write that looked the key up until its COMMIT.
    static constexpr int KeyLockClass = 0x536F756B;

    /// SHA-256 (hex) of the command name and its canonical JSON parameters.
    static QString requestHash(const QString& command, const QJsonObject& parameters);
    /// Checks the key's shape (1-255 printable ASCII characters); field "idempotencyKey".
    static Status validateKey(const QString& key);
    /// The stored result for the request's key (see StoredResult), nothing when the key is
    /// new, or IdempotencyConflict. On PostgreSQL it first locks the key to the write's COMMIT:
    /// a request under the same key on another node waits, then reads this one's result
    /// (InProgress when the wait runs past the lock timeout).
    static Result<std::optional<QByteArray>> lookup(store::UnitOfWork& uow, const IdempotentRequest& request);
    /// The same on a reader: a first look before slow work (the provider); the writer's
    /// runIdempotent still decides.
    static Result<std::optional<QByteArray>> lookup(QSqlDatabase& db, const IdempotentRequest& request);
    /// Stores the first result. `expiresMs`: when it is to go, sooner than the retention (a
    /// sealed answer holding a secret shown once); it is then neither replayed nor kept after.
    static Status remember(store::UnitOfWork& uow, const IdempotentRequest& request, const QByteArray& result,
                           std::optional<qint64> expiresMs = std::nullopt);
    /// Deletes the request's stored result if it has expired, so that the key makes a new
    /// command (run before lookup, in the same unit of work).
    static Status forgetExpired(store::UnitOfWork& uow, const IdempotentRequest& request);
    /// The request scoped (IdempotentRequest::within) to the merchant that owns the order,
    /// payment or dispute a command acts on, read in the command's write, and to its actor.
    /// An unknown object scopes to no merchant: the command then fails as not found.
    static Result<IdempotentRequest> scopedToOrder(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                   Id orderId);
    static Result<IdempotentRequest> scopedToPayment(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                     Id paymentId);
    static Result<IdempotentRequest> scopedToDispute(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                     Id disputeId);
    /// Deletes keys older than `retentionMs`, and those past their own expiry (at most `limit`
    /// of each); returns how many went.
    static Result<int> purge(store::UnitOfWork& uow, qint64 retentionMs, int limit);
};

} // namespace souk::payments

namespace souk::payments {

/// Runs `command` once per idempotency key: a retry with the same key and parameters gets the
/// first result back (kept as StoredResult<T>), other parameters get IdempotencyConflict.
template <typename T, typename Command>
Result<T> runIdempotent(store::UnitOfWork& uow, const IdempotentRequest& request, Command&& command)
{
    if (auto s = Idempotency::validateKey(request.key); !s)
        return s.error();
    auto stored = Idempotency::lookup(uow, request);
    if (!stored)
        return stored.error();
    if (*stored)
        return StoredResult<T>::decode(**stored);
    Result<T> result = command();
    if (!result)
        return result; // nothing stored: the caller may fix the input and retry with the same key
    if (auto s = Idempotency::remember(uow, request, StoredResult<T>::encode(*result)); !s)
        return s.error();
    return result;
}

} // namespace souk::payments
