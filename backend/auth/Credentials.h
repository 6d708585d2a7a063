#pragma once

#include <QSqlDatabase>

#include <limits>
#include <optional>

#include "backend/auth/User.h"
#include "backend/auth/Users.h"
#include "backend/core/Result.h"

namespace souk::store {
class UnitOfWork;
}

namespace souk::auth {

/// Who a token stands for, and until when it may (its expiry; never for a key without one).
struct Authenticated
{
    Principal principal;
    qint64 expiresMs = std::numeric_limits<qint64>::max();
};

/// A token's use noted outside the store (see Credentials::noteUses).
struct TokenUse
{
    Id credentialId;
    Via via = Via::Session;
    qint64 atMs = 0;
};

/// Sessions, API keys and the bookkeeping of sign-ins: steps of a unit of work. Secrets are
/// random 256-bit tokens stored only as SHA-256 hashes (a stolen store file opens nothing).
class Credentials final
{
public:
    static constexpr qint64 SessionLifetimeMs = 12 * 3600'000;
    /// Failed sign-ins in a row that cost nothing; each one after waits twice as long.
    static constexpr int FreeFailures = 3;
    /// Failed sign-ins in a row after which the account is locked for LockoutMs.
    static constexpr int LockoutFailures = 10;
    static constexpr qint64 LockoutMs = 15 * 60'000;
    static constexpr int KeyNameCharsMax = 80;

    /// How long after its `failures`th failure in a row a user waits before the next try:
    /// nothing for the first FreeFailures, then 1 s, 2 s, 4 s ... and LockoutMs from
    /// LockoutFailures on.
    static qint64 retryDelayMs(int failures);
    /// Counts a failed sign-in of `userId` and sets when it may try again.
    static Status recordFailure(store::UnitOfWork& uow, Id userId);
    /// Opens a session for a user whose password (and code) were right: resets the failures,
    /// keeps the TOTP step used (never accepted again) and spends the recovery code used.
    static Result<SignedIn> openSession(store::UnitOfWork& uow, const UserSecrets& user,
                                        std::optional<qint64> totpStep, const QByteArray& recoveryCodeHash,
                                        const QString& origin);
    /// Ends a session (sign out); ending one already ended changes nothing. Noted in the change
    /// feed, so that whatever remembers the token forgets it.
    static Status closeSession(store::UnitOfWork& uow, Id sessionId);
    /// The principal a session token or API key stands for, and notes its last use.
    /// Unauthenticated for a token that is malformed, unknown, expired or revoked, or whose user
    /// is disabled: the same answer for each, so a caller learns nothing from which.
    static Result<Authenticated> authenticate(store::UnitOfWork& uow, const QString& bearer, const QString& origin);
    /// Writes the last use of tokens that were answered without the store (a cache): one
    /// statement per token, never moving a last use back.
    static Status noteUses(store::UnitOfWork& uow, const QList<TokenUse>& uses);
    static Result<CreatedApiKey> createApiKey(store::UnitOfWork& uow, Id userId, const QString& name,
                                              std::optional<qint64> expiresMs);
    /// The API keys of `userId` (null: of every user of `merchant`, or of everyone when that is null too).
    static Result<QList<ApiKeyInfo>> apiKeys(QSqlDatabase& db, Id userId, Id merchant);
    static Result<ApiKeyInfo> revokeApiKey(store::UnitOfWork& uow, Id keyId);
};

} // namespace souk::auth
