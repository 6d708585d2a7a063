#pragma once

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

#include "backend/auth/User.h"
#include "backend/core/Result.h"

namespace souk::store {
class UnitOfWork;
}

namespace souk::auth {

/// A user with what only sign-in may read. Never leaves the engine.
struct UserSecrets
{
    User user;
    QByteArray passwordHash;
    QByteArray totpSecret; ///< empty: no second factor
    QByteArray totpPending;
    qint64 totpLastStep = -1;
};

/// Users: steps of a unit of work (writes) and reads on a connection. Who may call them is the
/// engine's business (the permission table); these check the values.
class Users final
{
public:
    static constexpr int NameCharsMax = 64;

    /// Adds a user with this Argon2id `passwordHash`. Invalid name or role, a missing or
    /// superfluous merchant, or a name taken: an error naming the field.
    /// `oneTime`: Souk made the password; the user must set its own at its first sign-in.
    static Result<User> add(store::UnitOfWork& uow, const NewUser& user, const QByteArray& passwordHash,
                            bool oneTime = false);
    /// Replaces the user's password (an Argon2id string) and clears "must change".
    static Result<User> setPassword(store::UnitOfWork& uow, Id userId, const QByteArray& passwordHash);
    /// The users `merchant` may see (null: every user), by name.
    static Result<QList<User>> list(QSqlDatabase& db, Id merchant);
    static Result<User> byId(QSqlDatabase& db, Id userId);
    /// The user called `name` with its secrets; NotFound when there is none.
    static Result<UserSecrets> secretsByName(QSqlDatabase& db, const QString& name);
    static Result<UserSecrets> secretsById(QSqlDatabase& db, Id userId);
    /// Disables the user and ends its sessions and API keys: it can do nothing from now on.
    static Result<User> disable(store::UnitOfWork& uow, Id userId);
    /// Removes the user's second factor and recovery codes (a lost phone); it signs in with its
    /// password alone until it enrols again.
    static Result<User> resetTotp(store::UnitOfWork& uow, Id userId);
    /// Keeps `secret` as the user's pending TOTP secret, until confirmTotp.
    static Result<User> beginTotp(store::UnitOfWork& uow, Id userId, const QByteArray& secret);
    /// Makes the pending secret the second factor if `code` matches it; returns fresh recovery
    /// codes (shown once; stored hashed).
    static Result<QStringList> confirmTotp(store::UnitOfWork& uow, Id userId, const QString& code);
    /// Whether the store has any user: then it opens to nobody until someone signs in.
    static Result<bool> any(QSqlDatabase& db);
    /// Checks a new user's name: letters, digits and . _ @ -, 1 to NameCharsMax.
    static std::optional<Error> checkName(const QString& name);
};

} // namespace souk::auth
