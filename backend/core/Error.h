#pragma once

#include <QMetaType>
#include <QString>

namespace souk {

/// Stable machine codes: the API, logs and ErrorText key on these, so never renumber or rename.
enum class ErrorCode
{
    Invalid,          ///< a field's value is not acceptable
    NotFound,         ///< the entity named does not exist
    Conflict,         ///< the command contradicts current state (e.g. exceeds a limit)
    Duplicate,        ///< a unique value is already taken
    VersionConflict,  ///< the entity changed since the caller read it
    Overflow,         ///< an amount left the representable range
    StoreLocked,      ///< another process holds the store
    StoreCorrupt,     ///< the file is not a Souk store or fails its integrity check
    StoreNewer,       ///< the store was written by a newer Souk
    StoreReadOnly,    ///< the store file or its folder cannot be written
    StoreIo,          ///< any other database or file failure
    Cancelled,        ///< the user or caller cancelled
    Unavailable,      ///< the engine is overloaded or shutting down; retry later
    Internal,         ///< a bug: an invariant did not hold
    IllegalTransition,   ///< the entity's state does not allow this step (e.g. refund a pending order)
    IdempotencyConflict, ///< an idempotency key was reused with different parameters
    InsufficientStock,   ///< not enough available stock to reserve
    CardInvalid,         ///< the card number, expiry or CVV is malformed or expired
    InProgress,          ///< the same request (idempotency key) is still being carried out; retry later
    Unauthenticated,     ///< no principal, or its credentials (password, code, key, session) are wrong or expired
    Forbidden,           ///< the principal's role may not run the operation
    AccountLocked,       ///< too many failed sign-ins, or the user is disabled: retry later or ask an admin
};

/// The stable snake_case name of a code ("version_conflict"), as the API and logs show it.
QString errorCodeName(ErrorCode code);

/// An expected failure: a code for programs, an English message for logs and the API,
/// and the field (or "row 12, Variant Price") it is about. Value type, any thread.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;
    /// A write whose COMMIT went out without an answer (the database went away): it may have taken
    /// effect. Sent again only under its idempotency key; the API says so ("outcome": "unknown").
    bool outcomeUnknown = false;

    static Error invalid(const QString& field, const QString& message);
    static Error notFound(const QString& field, const QString& message = {});
    static Error conflict(const QString& field, const QString& message);
    static Error duplicate(const QString& field, const QString& message);
    static Error versionConflict(const QString& field, const QString& message);
    static Error overflow(const QString& field);
    static Error store(ErrorCode code, const QString& message);
    static Error internal(const QString& message);

    /// "invalid [price]: must not be negative" - for logs and the command line.
    QString toString() const;
};

} // namespace souk

Q_DECLARE_METATYPE(souk::Error)
