#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// Idempotency keys: the first result of a mutating command is stored under its key with a hash
/// of the request; a retry with the same key and request gets that result back, a retry with
/// other parameters gets IdempotencyConflict. Runs inside the command's unit of work, so a
/// failed command stores nothing and can be retried. Writer thread only.
class Idempotency final
{
public:
    static constexpr qint64 DefaultRetentionMs = 24LL * 60 * 60 * 1000;
    static constexpr int KeyMax = 255;

    /// SHA-256 (hex) of the command name and its canonical JSON parameters.
    static QString requestHash(const QString& command, const QJsonObject& parameters);
    /// Checks the key's shape (1-255 printable ASCII characters); field "idempotencyKey".
    static Status validateKey(const QString& key);
    /// The stored response for `key`, nothing when the key is new, or IdempotencyConflict.
    static Result<std::optional<QJsonObject>> lookup(store::UnitOfWork& uow, const QString& key,
                                                     const QString& command, const QString& hash);
    /// The same on a reader: a first look before slow work (the provider); the writer's
    /// runIdempotent still decides.
    static Result<std::optional<QJsonObject>> lookup(QSqlDatabase& db, const QString& key, const QString& command,
                                                     const QString& hash);
    static Status remember(store::UnitOfWork& uow, const QString& key, const QString& command, const QString& hash,
                           const QJsonObject& response);
    /// Deletes keys older than `retentionMs` (at most `limit`); returns how many went.
    static Result<int> purge(store::UnitOfWork& uow, qint64 retentionMs, int limit);
};

} // namespace souk::payments

namespace souk::payments {

/// Runs `command` once per idempotency key: a retry with the same key and parameters gets the
/// first result back (decoded by `fromJson`), other parameters get IdempotencyConflict.
template <typename T, typename Command, typename ToJson, typename FromJson>
Result<T> runIdempotent(store::UnitOfWork& uow, const QString& key, const QString& commandName,
                        const QJsonObject& parameters, Command&& command, ToJson&& toJson, FromJson&& fromJson)
{
    if (auto s = Idempotency::validateKey(key); !s)
        return s.error();
    const QString hash = Idempotency::requestHash(commandName, parameters);
    auto stored = Idempotency::lookup(uow, key, commandName, hash);
    if (!stored)
        return stored.error();
    if (*stored)
        return fromJson(**stored);
    Result<T> result = command();
    if (!result)
        return result; // nothing stored: the caller may fix the input and retry with the same key
    if (auto s = Idempotency::remember(uow, key, commandName, hash, toJson(*result)); !s)
        return s.error();
    return result;
}

} // namespace souk::payments
