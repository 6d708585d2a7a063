#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

#include "backend/core/Error.h"
#include "backend/core/Result.h"

namespace souk::auth {

/// Argon2id password hashes in the PHC string form ("$argon2id$v=19$m=…,t=…,p=…$salt$hash"),
/// plus the password policy and generated one-time passwords. Stateless; any thread, but each
/// hash or verify holds `memoryKiB` of memory and one core for tens of milliseconds.
class PasswordHash
{
public:
    /// OWASP's Argon2id recommendation: m=19 MiB, t=2, p=1.
    struct Params
    {
        quint32 timeCost = 2;
        quint32 memoryKiB = 19 * 1024;
        quint32 parallelism = 1;
    };

    static constexpr int MinPasswordChars = 12;
    static constexpr int MaxPasswordBytes = 1024;
    /// Upper bounds for parameters accepted from callers or read back from a stored hash, so a
    /// tampered row cannot make one login take gigabytes or minutes.
    static constexpr quint32 MaxTimeCost = 16;
    static constexpr quint32 MaxMemoryKiB = 1024 * 1024;
    static constexpr quint32 MaxParallelism = 16;

    static Params defaults();

    /// A new salted hash of `password`. Fails for an empty password, one over MaxPasswordBytes,
    /// or parameters outside the bounds above.
    static Result<QByteArray> hash(const QString& password, const Params& params = defaults());
    /// Whether `password` matches `encoded`, in constant time; false for any malformed `encoded`.
    static bool verify(const QByteArray& encoded, const QString& password);
    /// Whether `encoded` was made with other parameters (or is unreadable), so the caller should
    /// hash the password again after it verified.
    static bool needsRehash(const QByteArray& encoded, const Params& params);

    /// A random one-time password of `length` symbols from Secret::UnambiguousAlphabet.
    static QString generate(int length = 20);
    /// Why `password` is not acceptable as a new password (field "password"), or nothing.
    static std::optional<Error> checkPolicy(const QString& password);
};

} // namespace souk::auth
